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
//
// While the game loads, the teacher can choose the class's age (buttons under the bar,
// or keys 1, 2 and 3): the choice goes to `data-grade` on <html>, and the game, which
// takes it from there while it starts (src/screens/grade.rs, then `data-grade-taken`),
// opens straight in the cultuurhuis instead of on its title. A class link's or a
// preview's show is asked of the API here, once, at the start: the loading screen says
// its title and offers only its grades, and the game takes the same answer
// (`window.vdsShow`, src/show_web.rs) instead of asking again.

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
      question: 'How old is the class?',
      hint: 'Choose now: the game then starts straight in the cultural centre.',
      grades: { '6-8': '6 to 8 years', '8-10': '8 to 10 years', '10-12': '10 to 12 years' },
      chosen: (grade) => `Chosen: ${grade}. The game starts straight in the cultural centre.`,
      by: 'by',
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
      grades: { '6-8': '6 tot 8 jaar', '8-10': '8 tot 10 jaar', '10-12': '10 tot 12 jaar' },
      chosen: (grade) => `Gekozen: ${grade}. Het spel begint meteen in het cultuurhuis.`,
      by: 'door',
    };
const gradeButtons = [...document.querySelectorAll('.loader__grade')];
if (english) {
  byId('vds-loader').lang = 'en';
  byId('vds-loader-retry').textContent = text.retry;
  byId('vds-loader-choice-title').textContent = text.question;
  byId('vds-loader-choice-hint').textContent = text.hint;
  for (const button of gradeButtons) {
    button.querySelector('.loader__grade-text').textContent = text.grades[button.dataset.grade];
  }
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
    // Not over a failure that came meanwhile.
    requestAnimationFrame(() => setTimeout(() => {
      if (root.dataset.boot !== 'error') root.setAttribute('data-boot', 'progress');
    }));
  }
}

function fail(detail, error) {
  if (root.dataset.ready === 'true' || root.dataset.boot === 'error') return;
  if (error) console.error('Voor de Show could not start:', error);
  root.setAttribute('data-boot', 'error');
  byId('vds-loader-busy').hidden = true;
  byId('vds-loader-choice').hidden = true;
  byId('vds-loader-error').hidden = false;
  // Filled in now, not before: an alert is read out when its text changes.
  byId('vds-loader-error-text').textContent = `${text.failed} ${detail}`;
  byId('vds-loader-retry').focus();
}

byId('vds-loader-retry').addEventListener('click', () => location.reload());

// The API path of the link's show, as the game reads the query (src/show.rs
// `read_query`: `klas` first, its code without spaces and dashes, upper case; else
// `voorbeeld` and a show's number); none without a link. A code the game finds
// malformed gets its own answer from the API, which the game does not take.
function showPath() {
  const query = new URLSearchParams(location.search);
  const code = query.get('klas');
  if (code !== null) {
    return `/api/voor-de-show/play/${encodeURIComponent(code.replace(/[\s-]/g, '').toUpperCase())}`;
  }
  const preview = (query.get('voorbeeld') || '').trim();
  return /^[1-9][0-9]*$/.test(preview) ? `/api/voor-de-show/shows/${preview}/preview` : null;
}

// The API's address as the game's `api_url` has it: the same origin, or the instance a
// static export names in <meta name="suite-api">.
function apiUrl(path) {
  const meta = document.querySelector('meta[name="suite-api"]');
  const base = ((meta && meta.getAttribute('content')) || '').trim().replace(/\/$/, '');
  return base + path;
}

// Asks the API for the show once; the answer (status and body, or null without one) is
// left for the game in `window.vdsShow`.
function fetchShow(path) {
  const answer = fetch(apiUrl(path), { credentials: 'same-origin', signal: AbortSignal.timeout(10000) })
    .then(async (response) => ({ status: response.status, body: await response.text() }))
    .catch(() => null);
  window.vdsShow = { path, answer };
  return answer;
}

// The grades a show offers, as the game's grade screen (src/show.rs `grades_offered`):
// the performance's, else the show's, else all three.
function gradesOf(show) {
  const listed = show && (show.grades && show.grades.length ? show.grades : (show.show && show.show.grades) || []);
  const offered = gradeButtons.map((b) => b.dataset.grade).filter((g) => listed && listed.includes(g));
  return offered.length ? offered : gradeButtons.map((b) => b.dataset.grade);
}

// Whether the loading screen still takes a choice: the game has not drawn a screen,
// has not taken the choice, and nothing failed.
const choosing = () => root.dataset.ready !== 'true' && root.dataset.gradeTaken === undefined
  && byId('vds-loader-error').hidden;

function choose(button) {
  if (!choosing() || button.hidden) return;
  for (const other of gradeButtons) other.setAttribute('aria-pressed', String(other === button));
  root.setAttribute('data-grade', button.dataset.grade);
  byId('vds-loader-chosen').textContent = text.chosen(text.grades[button.dataset.grade]);
}

// Shows the choice of grade: at once without a link, after the show's answer with one
// (its title above the question, only its grades).
async function offerChoice() {
  const path = showPath();
  let show = null;
  if (path) {
    const answer = await fetchShow(path);
    try {
      show = answer && answer.status >= 200 && answer.status < 300 ? JSON.parse(answer.body) : null;
    } catch {
      show = null;
    }
  }
  if (!choosing()) return;
  const title = show && show.show && typeof show.show.title === 'string' ? show.show.title.trim() : '';
  if (title) {
    const company = typeof show.show.company === 'string' ? show.show.company.trim() : '';
    const line = byId('vds-loader-show');
    line.textContent = company ? `${title}, ${text.by} ${company}` : title;
    line.hidden = false;
  }
  const offered = gradesOf(show);
  let n = 0;
  for (const button of gradeButtons) {
    button.hidden = !offered.includes(button.dataset.grade);
    if (!button.hidden) button.querySelector('.loader__key').textContent = String(++n);
    button.addEventListener('click', () => choose(button));
  }
  byId('vds-loader-choice').hidden = false;
  // Keys 1, 2 and 3: the n-th grade offered, as on the game's grade screen.
  addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || !choosing()) return;
    const n = Number(event.key);
    const button = gradeButtons.filter((b) => !b.hidden)[n - 1];
    if (Number.isInteger(n) && button) choose(button);
  });
}

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
  offerChoice();
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
