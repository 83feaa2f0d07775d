// The e-reader's service worker: the app starts without a network, and a book the
// member made available offline is read from this device until its loan ends.
//
// It is registered twice with this one script (`src/offline/mod.rs`): at `/e-reader/`
// (the app's pages, whose calls of `/api/ereader/...` it sees) and at
// `/api/ereader/loans/` (the reader's frame navigates to a book's documents there, and
// a frame is served by the worker whose scope holds its own address). The server lets
// this script take both scopes (`Service-Worker-Allowed`, `static-api/src/site`).
//
// Caches (Cache Storage, this origin only):
// - `ereader-shell`: the app: index.html, the files it names (trunk's hashed wasm, js
//   and css), the manifest, the icons and the fonts.
// - `ereader-member`: the last answers of `GET /api/ereader/session` and `/loans`, so
//   that the app knows its member and their loans offline.
// - `ereader-loan-<id>`: one borrowed book, written by the app (`offline::save_book`):
//   the BookView, the position, every resource, and at `OFFLINE_UNTIL` the loan's end.
// - `ereader-ended`: one empty entry per loan whose kept book this worker deleted at
//   the loan's end, so that every later request for it offline is told so (410), not
//   only the first (the reader asks for the book, the place and the notes at once).
// The app deletes a loan's cache when it is returned or no longer running, and every
// cache but the shell at logout. Only answers with status 200-299 are ever stored.

const SHELL = "ereader-shell";
const MEMBER = "ereader-member";
const LOAN = "ereader-loan-";
const ENDED = "ereader-ended";
// The entry of a loan's cache that holds `{"until": <unix seconds>}`.
const OFFLINE_UNTIL = "offline-until";
// Files the app loads by fixed names besides those index.html names.
const FIXED = [
  "/e-reader/manifest.webmanifest",
  "/e-reader/icon-192.png",
  "/e-reader/icon-512.png",
  "/e-reader/fonts/OpenDyslexic-Regular.woff2",
  "/e-reader/fonts/OpenDyslexic-Bold.woff2",
];

// The app's own files under /e-reader/ that index.html names (`href=` and `src=`,
// quoted or not, as trunk and the minifier write them).
function shellFiles(html) {
  const found = new Set(["/e-reader/"]);
  for (const m of html.matchAll(/(?:href|src)=["']?(\/e-reader\/[^"'\s>]+)/g)) {
    found.add(m[1]);
  }
  return [...found];
}

// Stores index.html and every file it names; drops entries of an older build.
async function refreshShell(html) {
  const cache = await caches.open(SHELL);
  const wanted = new Set([...shellFiles(html), ...FIXED]);
  const have = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  await cache.put("/e-reader/", new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } }));
  for (const path of wanted) {
    if (!have.has(path) && path !== "/e-reader/") {
      // One missing file must not keep the others out.
      await cache.add(path).catch(() => {});
    }
  }
  for (const path of have) {
    if (!wanted.has(path)) await cache.delete(path);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    fetch("/e-reader/", { cache: "no-cache" })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`index.html: ${r.status}`))))
      .then(refreshShell)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

// Tells the page whether its last call reached the server (the app's offline banner).
async function tell(event, offline) {
  const client = await self.clients.get(event.clientId || event.resultingClientId || "");
  if (client) client.postMessage({ ereaderOffline: offline });
}

// A network answer, or `null` when the server cannot be reached.
async function network(event) {
  try {
    const response = await fetch(event.request);
    tell(event, false);
    return response;
  } catch {
    tell(event, true);
    return null;
  }
}

function jsonError(status, code, message) {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

// Offline and not kept here: a network error, as without the worker (the app says
// so in its own words).
function offlineError() {
  return Response.error();
}

// `/api/ereader/session` and `/api/ereader/loans`: the network's answer, kept when it
// is a success; offline the last one kept.
async function memberAnswer(event) {
  const response = await network(event);
  if (response) {
    if (response.status === 200) {
      const cache = await caches.open(MEMBER);
      await cache.put(event.request, response.clone());
    }
    return response;
  }
  const cache = await caches.open(MEMBER);
  return (await cache.match(event.request, { ignoreVary: true })) || offlineError();
}

// A cached entry for `url` in `cache`; a path written with other percent-escapes
// (the frame's relative links against the app's encoding) matches too.
async function matchLoose(cache, request) {
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const want = decodeURIComponent(new URL(request.url).pathname);
  for (const key of await cache.keys()) {
    if (decodeURIComponent(new URL(key.url).pathname) === want) return cache.match(key, { ignoreVary: true });
  }
  return undefined;
}

// `/api/ereader/loans/<id>/...`: online the server decides (and a kept copy is
// refreshed with a success; a book the server no longer lends is deleted); offline
// the loan's cache answers while the loan runs, and an ended loan's cache is deleted.
async function loanAnswer(event, loan, rest) {
  const name = LOAN + loan;
  const response = await network(event);
  if (response) {
    if (await caches.has(name)) {
      const kept = rest === "book" || rest === "position" || rest.startsWith("content/");
      if (response.ok && kept) {
        await (await caches.open(name)).put(event.request, response.clone());
      } else if (response.status === 404 && rest === "book") {
        await caches.delete(name);
      }
    }
    return response;
  }
  // The reader shows its own Dutch message for a 410 (`Msg::EreaderLoanEnded`).
  const ended = () => jsonError(410, "loan_ended", "Deze uitlening is afgelopen.");
  const endedKey = `/ended/${loan}`;
  if (!(await caches.has(name))) {
    const mark = await caches.match(endedKey, { cacheName: ENDED });
    return mark ? ended() : offlineError();
  }
  const cache = await caches.open(name);
  const until = await cache.match(OFFLINE_UNTIL);
  const ends = until ? (await until.json()).until : 0;
  if (!(Date.now() / 1000 < ends)) {
    // Marked before the copy goes: a request alongside this one sees one or the other.
    await (await caches.open(ENDED)).put(endedKey, new Response(""));
    await caches.delete(name);
    return ended();
  }
  return (await matchLoose(cache, event.request)) || offlineError();
}

// The app's files: from the shell cache first (their names carry their content's
// hash); index.html from the network first, so that a new build is seen at once.
async function shellAnswer(event, path) {
  const cache = await caches.open(SHELL);
  if (event.request.mode === "navigate") {
    const response = await network(event);
    if (response && response.ok) {
      event.waitUntil(response.clone().text().then(refreshShell));
      return response;
    }
    return response || (await cache.match("/e-reader/")) || Response.error();
  }
  const hit = await cache.match(path, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.ok) await cache.put(path, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (path === "/api/ereader/session" || path === "/api/ereader/loans") {
    event.respondWith(memberAnswer(event));
    return;
  }
  const loan = path.match(/^\/api\/ereader\/loans\/(\d+)\/(.+)$/);
  if (loan) {
    event.respondWith(loanAnswer(event, loan[1], loan[2]));
    return;
  }
  // The staff's pages under /e-reader/beheer/ are not the member's app: not kept.
  if (path.startsWith("/e-reader/") && !path.startsWith("/e-reader/beheer")) {
    event.respondWith(shellAnswer(event, event.request.mode === "navigate" ? "/e-reader/" : path));
  }
});
