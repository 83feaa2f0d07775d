// Voor de Show's loading screen: downloads the game's wasm as a stream, shows how much of it
// has arrived on the page's <progress> (index.html, game.css), and starts the game from that
// same download. The game's own title screen takes over when it sets data-ready="true" on
// <html> (a CSS rule hides this screen); a failure shows a message with "Opnieuw proberen".
//
// xtask (site.rs, hand_wasm_to_loader) writes the built file names on this script's tag:
// data-wasm (the wasm), data-wasm-js (wasm-bindgen's JS) and data-wasm-bytes (the wasm's
// size on disk: the bytes the stream yields, as the browser decompresses a brotli or gzip
// answer whose Content-Length counts the compressed bytes). It also drops trunk's boot
// script and wasm preload, so this is the one download: a copy of its stream is counted,
// the original is compiled as it arrives. Marks on <html> for tests and the
// bench: data-boot="progress" once the first bytes are shown, "error" on a failure.
// Steps on the page's timeline (performance.mark, for the bench and DevTools):
// vds-downloaded (the wasm's last byte counted), vds-started (the game's main returned).

const root = document.documentElement;
const byId = (id) => document.getElementById(id);
const tag = document.querySelector('script[data-wasm-loader]');
const bar = byId('vds-loader-bar');
const label = byId('vds-loader-label');

// The suite's language choice (its other apps write it); Dutch first.
const english = (() => {
  try {
    return (localStorage.getItem('suite.lang') || '').startsWith('en');
  } catch {
    return false;
  }
})();
const text = english
  ? {
      loading: 'Loading the game…',
      starting: 'Starting the game…',
      mb: 'MB',
      failed: 'The game could not load.',
      network: 'Check the internet connection and try again.',
      browser: 'This browser cannot play the game: it lacks WebAssembly or WebGL2. Try a recent Chrome, Edge, Firefox or Safari.',
      crashed: 'The game stopped while starting.',
      retry: 'Try again',
    }
  : {
      loading: 'Het spel wordt geladen…',
      starting: 'Het spel start…',
      mb: 'MB',
      failed: 'Het spel kon niet laden.',
      network: 'Controleer de internetverbinding en probeer opnieuw.',
      browser: 'Deze browser kan het spel niet spelen: WebAssembly of WebGL2 ontbreekt. Probeer een recente Chrome, Edge, Firefox of Safari.',
      crashed: 'Het spel is gestopt tijdens het starten.',
      retry: 'Opnieuw proberen',
    };
if (english) {
  byId('vds-loader').lang = 'en';
  byId('vds-loader-retry').textContent = text.retry;
}

const decimal = new Intl.NumberFormat(english ? 'en' : 'nl-BE', { maximumFractionDigits: 1 });
let shownPercent = -1;
let marked = false;

// Shows the bytes that arrived: a percentage when the total is known, else the megabytes
// with an indeterminate bar (no value attribute), which is what is honestly known.
function show(received, total) {
  if (total && received <= total) {
    const percent = Math.floor((received / total) * 100);
    if (percent === shownPercent) return;
    shownPercent = percent;
    bar.value = percent;
    bar.setAttribute('aria-valuenow', String(percent));
    bar.setAttribute('aria-valuetext', `${percent}\u00a0%`);
    label.textContent = `${text.loading} ${percent}\u00a0%`;
  } else {
    shownPercent = -1;
    const amount = `${decimal.format(received / 1e6)}\u00a0${text.mb}`;
    bar.removeAttribute('value');
    bar.removeAttribute('aria-valuenow');
    bar.setAttribute('aria-valuetext', amount);
    label.textContent = `${text.loading} ${amount}`;
  }
  if (!marked) {
    marked = true;
    // After the next paint: a frame callback, then a task.
    requestAnimationFrame(() => setTimeout(() => root.setAttribute('data-boot', 'progress')));
  }
}

function fail(detail, error) {
  if (root.dataset.ready === 'true' || root.dataset.boot === 'error') return;
  if (error) console.error('Voor de Show could not start:', error);
  root.setAttribute('data-boot', 'error');
  byId('vds-loader-busy').hidden = true;
  byId('vds-loader-error').hidden = false;
  // Filled in now, not before: an alert is read out when its text changes.
  byId('vds-loader-error-text').textContent = `${text.failed} ${detail}`;
  byId('vds-loader-retry').focus();
}

byId('vds-loader-retry').addEventListener('click', () => location.reload());

// The total the stream's bytes count against: Content-Length when the answer is not
// compressed (then it counts the same bytes), else the size xtask wrote, else unknown.
function totalOf(response) {
  const coding = response.headers.get('Content-Encoding');
  const length = Number(response.headers.get('Content-Length'));
  if ((!coding || coding === 'identity') && length > 0) return length;
  const built = Number(tag.dataset.wasmBytes);
  return built > 0 ? built : null;
}

// Counts the bytes of a copy of the download as they arrive (the original goes to the
// compiler untouched: Chrome keeps the compiled code of a fetched wasm for the next visit).
async function count(response) {
  const reader = response.body.getReader();
  const total = totalOf(response);
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    show(received, total);
  }
  // Everything arrived, whatever the total said: full, and on to the start.
  performance.mark('vds-downloaded');
  show(received, received);
  label.textContent = text.starting;
}

async function start() {
  if (typeof WebAssembly !== 'object' || typeof WebGL2RenderingContext === 'undefined') {
    fail(text.browser);
    return;
  }
  // A crash of the game before its title is drawn (a Rust panic traps the wasm).
  addEventListener('error', (event) => {
    if (event.error instanceof WebAssembly.RuntimeError) fail(text.crashed, event.error);
  });
  try {
    const bindings = import(tag.dataset.wasmJs);
    bindings.catch(() => {}); // Reported where it is awaited, if the download got that far.
    const response = await fetch(tag.dataset.wasm);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${response.url}`);
    // A failed download fails the compile too: that is where it is reported.
    count(response.clone()).catch(() => {});
    // wasm-bindgen compiles from the stream while it still arrives.
    await (await bindings).default({ module_or_path: response });
    performance.mark('vds-started');
  } catch (error) {
    fail(error instanceof WebAssembly.RuntimeError ? text.crashed : text.network, error);
  }
}

start();
