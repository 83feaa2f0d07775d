// The bench contract (see contract.js) for the suite's own e-reader, put into the reader's
// page by the bench before the app starts (CDP Page.addScriptToEvaluateOnNewDocument): the
// app itself carries nothing for the bench. It watches what the reader does anyway:
// - a document is shown when the reader has laid it out in the book's frame (`.er-frame`):
//   the frame's root gets its font size, and the page is scrolled into view in the same
//   task; the mutation is seen right after that task. A document coming into the frame is
//   watched from the first animation frame it is there (parsed or not: the reader may lay
//   it out before its load, which waits for its pictures and fonts); one the reader swapped
//   in from its hidden frame (`.er-frame-ahead`, where it loads the next document ahead)
//   from the class change that makes it the book's frame. Each document counts once per
//   time it becomes the book's frame (laying it out again at its load or when its fonts
//   come is no new page);
// - a turn inside a document is shown when the frame's scroll position moved (synchronously
//   in the click on `#er-next`); a turn at a document's end when the next one is shown.
// The book's frame runs no scripts (it is sandboxed), so only the top document runs this.
(() => {
  if (window.top !== window) return
  const afterFrame = () =>
    new Promise(done => requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => done(performance.now())
      channel.port2.postMessage(null)
    }))
  const later = ms => new Promise(done => setTimeout(() => done(null), ms))
  const frame = () => document.querySelector('.er-frame')
  const frameDoc = () => frame()?.contentDocument ?? null
  const status = () => document.querySelector('#er-pageno')?.textContent ?? ''
  const numbers = () => (status().match(/\d+/g) ?? []).map(Number)
  let waiting = []
  const nextShown = () => new Promise(done => waiting.push(done))
  let watcher = null
  const shown = () => {
    const t = performance.now()
    const waiters = waiting
    waiting = []
    for (const done of waiters) done(t)
  }
  // The last document shown: laying it out again is no new page.
  let reported = null
  const report = doc => {
    if (reported === doc) return
    reported = doc
    shown()
  }
  // `doc`, the book's frame's document now, is shown once laid out; false when it cannot
  // be watched yet (a document just come has no root until its parsing starts: it is
  // tried again at the next frame).
  const watch = doc => {
    if (!doc?.documentElement || !doc.location.href.includes('/content/')) return false
    watcher?.disconnect()
    watcher = null
    if (doc.documentElement.style.fontSize !== '') {
      report(doc)
      return true
    }
    watcher = new MutationObserver(() => {
      if (doc.documentElement.style.fontSize === '') return
      watcher.disconnect()
      report(doc)
    })
    watcher.observe(doc.documentElement, { attributes: true, attributeFilter: ['style'] })
    return true
  }
  // The document the book's frame holds, once it is the one its address asks for (a
  // frame swapped in before its document came still holds the one before).
  const arrived = f => {
    const doc = f?.contentDocument
    return doc && doc.URL === f.src ? doc : null
  }
  let current = null
  let watched = null
  const poll = () => {
    const doc = arrived(frame())
    if (doc && doc !== watched && watch(doc)) watched = doc
    requestAnimationFrame(poll)
  }
  requestAnimationFrame(poll)
  new MutationObserver(() => {
    const now = frame()
    if (now === current) return
    const swapped = current != null && now != null
    current = now
    const doc = arrived(now)
    if (swapped && doc) {
      // It becomes the book's frame again: a new page, even if it was shown before.
      if (reported === doc) reported = null
      watched = watch(doc) ? doc : null
    }
  }).observe(document, { attributes: true, attributeFilter: ['class'], subtree: true })

  // The whole book in pages: the reader shows the book's page count (`#er-bookpage`,
  // estimated from the documents' text lengths until each is laid out) once it is known.
  let tBook = null
  const bookWatch = new MutationObserver(() => {
    if (tBook == null && document.querySelector('#er-bookpage')) {
      tBook = performance.now()
      bookWatch.disconnect()
    }
  })
  bookWatch.observe(document, { childList: true, subtree: true })

  const opened = (async () => {
    const tDone = await nextShown()
    const tFrame = await afterFrame()
    for (let i = 0; i < 100 && tBook == null; i++) await later(20)
    return { tDone, tFrame, tBook, section: status(), textChars: (frameDoc()?.body?.innerText ?? '').trim().length }
  })()

  async function next() {
    const before = frameDoc()
    const x = before?.scrollingElement?.scrollLeft
    const crossing = nextShown()
    document.querySelector('#er-next').click()
    let tDone = null
    if (frameDoc() === before && before?.scrollingElement?.scrollLeft !== x) {
      tDone = performance.now()
      waiting = []
    } else {
      tDone = await Promise.race([crossing, later(20000)])
    }
    const tFrame = tDone == null ? null : await afterFrame()
    return { tDone, tFrame, section: status() }
  }

  const until = async (what, test) => {
    for (let i = 0; i < 600; i++) {
      if (test()) return
      await later(20)
    }
    throw new Error('timed out waiting for ' + what)
  }

  const extras = {
    // The reader lays out one spine document when it is opened: every document in turn,
    // by the contents (the one way the reader jumps to a document), from the click on an
    // entry to that document laid out (its page count known). Entries that land in a
    // document already shown (no new layout within 3 s) are counted apart.
    async sections() {
      const openContents = async () => {
        if (document.querySelector('.er-toc__entry')) return
        document.querySelector('#er-toc-button').click()
        await until('the contents', () => document.querySelector('.er-toc__entry'))
      }
      await openContents()
      const entries = document.querySelectorAll('.er-toc__entry').length
      const documents = new Set([numbers()[2]])
      let ms = 0, laidOut = 0, same = 0
      for (let i = 0; i < entries; i++) {
        await openContents()
        const shown = nextShown()
        const t0 = performance.now()
        document.querySelectorAll('.er-toc__entry')[i].click()
        const t = await Promise.race([shown, later(3000)])
        waiting = []
        if (t == null) { same++; continue }
        ms += t - t0
        laidOut++
        await afterFrame()
        documents.add(numbers()[2])
      }
      return { ms, documents: documents.size, laidOut, entries, sameDocument: same, spine: numbers()[3] }
    },
  }
  window.__bench = { opened, next, extras }
  opened.catch(error => { window.__benchError = String(error?.stack || error) })
})();
