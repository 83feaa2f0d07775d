// foliate-js under the bench contract, opened as its own reader.js opens a book:
// view.open(url), the reader's style sheet, renderer.next() (the first linear section).
// tDone is the last 'relocate' event before the call settled (a turn at a section's end
// fires two: the blank end of the section, then the next section's first page).
import { afterFrame, bookUrl, publish, recorder } from './contract.js'
import './node_modules/foliate-js/view.js'

// Comparable to the stock reader's style sheet (line spacing, justified, hyphenated).
const STYLE = `p, li, blockquote, dd { line-height: 1.4; text-align: justify; hyphens: auto; }
pre { white-space: pre-wrap !important; }`

const view = document.createElement('foliate-view')
document.body.append(view)
const where = detail => `${detail?.section?.current ?? '?'}`

async function shown(action) {
  const recording = recorder(view, 'relocate')
  await action()
  const events = recording.stop()
  const last = events.at(-1)
  if (!last) return { tDone: null, tFrame: null, section: 'no relocate' }
  const tFrame = await afterFrame()
  const doc = last.detail?.range?.startContainer?.ownerDocument
  // Its whole book in locations (from the sections' sizes) comes with the relocate.
  const tBook = events.find(e => e.detail?.location?.total > 0)?.t ?? null
  return { tDone: last.t, tFrame, tBook, section: where(last.detail), textChars: (doc?.body?.innerText ?? '').trim().length }
}

const opened = shown(async () => {
  await view.open(bookUrl())
  view.renderer.setStyles?.(STYLE)
  await view.renderer.next()
})

const extras = {
  // Every section laid out in turn (foliate-js has no whole-book pagination of its own).
  async sections() {
    const count = view.book.sections.length
    const t0 = performance.now()
    for (let i = 0; i < count; i++) await view.goTo(i)
    return { ms: performance.now() - t0, documents: count }
  },
}

publish({ opened, next: () => shown(() => view.next()), extras })
