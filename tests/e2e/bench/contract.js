// The bench contract (tests/e2e/src/reader_bench): a reader page sets
//   window.__bench = { opened, next(), extras }
// - opened: a Promise of { tDone, tFrame, textChars, section } once the first page is shown;
// - next(): a Promise of { tDone, tFrame, section } once the next page is shown;
// - extras: { name: async () => ({ ms, ...what it counted }) }.
// Times are performance.now() of the top document (ms since its navigation started); tFrame
// is taken after the next frame was drawn (an animation frame, then a task).
// The bench's own code, written for this project; the peers' pages import it.

export const afterFrame = () =>
  new Promise(done => requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => done(performance.now())
    channel.port2.postMessage(null)
  }))

/** The book's URL, from the page's `?book=` parameter. */
export const bookUrl = () => new URLSearchParams(location.search).get('book')

/** Records the reader's location events from now; `stop()` ends and answers them. */
export function recorder(target, type) {
  const seen = []
  const on = event => seen.push({ t: performance.now(), detail: event.detail })
  target.addEventListener(type, on)
  return { stop: () => { target.removeEventListener(type, on); return seen } }
}

/** Sets the contract's object; a failed opening is said in `window.__benchError`. */
export function publish(bench) {
  window.__bench = bench
  bench.opened.catch(error => { window.__benchError = String(error?.stack || error) })
}
