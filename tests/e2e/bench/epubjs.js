// epub.js under the bench contract, paginated as its default rendition is: ePub(url) fetches
// the whole file and unzips it with JSZip, renderTo() lays a section out in columns.
// tDone is when rendition.display() / rendition.next() resolved (the section is shown).
import { afterFrame, bookUrl, publish } from './contract.js'

const book = ePub(bookUrl())
const rendition = book.renderTo('viewer', { width: '100%', height: '100%' })
const where = () => `${rendition.location?.start?.index ?? '?'}`

async function shown(action) {
  await action()
  const tDone = performance.now()
  const tFrame = await afterFrame()
  const doc = rendition.getContents()?.[0]?.document
  return { tDone, tFrame, section: where(), textChars: (doc?.body?.innerText ?? '').trim().length }
}

const extras = {
  // Every spine section laid out in turn, as for the other readers.
  async sections() {
    const count = book.spine.length
    const t0 = performance.now()
    for (let i = 0; i < count; i++) await rendition.display(i)
    return { ms: performance.now() - t0, documents: count }
  },
  // epub.js's own whole-book step: a location every 1,600 characters of every section.
  async locations() {
    const t0 = performance.now()
    await book.locations.generate(1600)
    return { ms: performance.now() - t0, locations: book.locations.length() }
  },
}

publish({ opened: shown(() => rendition.display()), next: () => shown(() => rendition.next()), extras })
