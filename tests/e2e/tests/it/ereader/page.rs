//! The e-reader's end-to-end helpers: find what the reader shows (the frame's visible
//! words, the page number), act on the lists (log in, a button of a title), and the
//! console's expected entries.

use e2e::{Browser, LogEntry, Result};
use serde_json::{Value, json};

pub(super) const CARD: &str = "2000000000012";
pub(super) const PIN: &str = "4321";

/// The first words on the frame's visible page: the first text whose box lies within
/// the frame's width and height.
pub(super) const VISIBLE_TEXT: &str = "
const f = document.querySelector('.er-frame');
const d = f && f.contentDocument;
if (!d || !d.body) return '';
const w = f.clientWidth, h = f.clientHeight;
const walk = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT);
let n;
while ((n = walk.nextNode())) {
  if (!n.textContent.trim()) continue;
  const r = d.createRange();
  r.selectNodeContents(n);
  for (const b of r.getClientRects()) {
    if (b.width > 0 && b.left >= -1 && b.right <= w + 1 && b.top >= -1 && b.bottom <= h + 1) {
      return n.textContent.trim().slice(0, 80);
    }
  }
}
return '';";

pub(super) async fn log_in(browser: &Browser, path: &str) -> Result<()> {
    browser.goto(path).await?;
    browser.wait_ready().await?;
    browser.fill("#er-card", CARD).await?;
    browser.fill("#er-pin", PIN).await?;
    browser.click("#er-log-in").await?;
    browser.find(".er-nav").await?;
    Ok(())
}

/// Clicks the button `css` of the list item whose text has `part`, once the list shows
/// it enabled (a page's list arrives a moment after the app is ready).
pub(super) async fn click_in_item(browser: &Browser, part: &str, css: &str) -> Result<()> {
    browser
        .wait_until(
            &format!("{css} in the item with {part:?}"),
            &format!(
                "[...document.querySelectorAll('.er-item')].some(li => li.textContent.includes({})
                   && li.querySelector({}) && !li.querySelector({}).disabled)",
                json!(part),
                json!(css),
                json!(css)
            ),
        )
        .await?;
    let clicked = browser
        .eval(&format!(
            "const li = [...document.querySelectorAll('.er-item')].find(li => li.textContent.includes({0}) && li.querySelector({1}));
             const b = li && li.querySelector({1});
             if (b) b.click();
             return !!b;",
            json!(part),
            json!(css)
        ))
        .await?;
    if clicked == Value::Bool(true) {
        Ok(())
    } else {
        Err(format!("no {css} in the item with {part:?}"))
    }
}

pub(super) async fn item_says(browser: &Browser, part: &str, says: &str) -> Result<()> {
    browser
        .wait_until(
            &format!("{says:?} at {part:?}"),
            &format!(
                "[...document.querySelectorAll('.er-item')].some(li => li.textContent.includes({}) && li.textContent.includes({}))",
                json!(part),
                json!(says)
            ),
        )
        .await
}

pub(super) async fn visible_text(browser: &Browser) -> Result<String> {
    Ok(browser
        .eval(VISIBLE_TEXT)
        .await?
        .as_str()
        .unwrap_or_default()
        .to_string())
}

/// The page number and count the live region says (`Pagina 3 van 12 · ...`).
pub(super) async fn page_status(browser: &Browser) -> Result<(u32, u32)> {
    let text = browser.text("#er-pageno").await?;
    let numbers: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers.as_slice() {
        [page, pages, ..] => Ok((*page, *pages)),
        _ => Err(format!("no page number in {text:?}")),
    }
}

/// Waits until the frame shows text and the status counts its pages; on a timeout the
/// browser's console and the reader's state go to stderr.
pub(super) async fn wait_page(browser: &Browser) -> Result<()> {
    let result = browser
        .wait_until(
            "the book's page",
            "(() => { const f = document.querySelector('.er-frame');
                      return f && f.contentDocument && f.contentDocument.body
                          && f.contentDocument.readyState === 'complete'
                          && f.contentDocument.documentElement.style.fontSize !== ''; })()",
        )
        .await;
    if result.is_err() {
        // What the page said and shows, to tell why.
        for e in browser.console().await? {
            eprintln!("CONSOLE {e:?}");
        }
        let v = browser.eval("const f=document.querySelector('.er-frame'); return [location.href, document.querySelector('main')?.innerHTML.slice(0,3000), f && f.src, f && f.contentDocument && f.contentDocument.readyState, f && f.contentDocument && f.contentDocument.documentElement.outerHTML.slice(0,800)];").await?;
        eprintln!("STATE {v:#}");
        // Offline, the frame's documents come from the worker and a loan's cache: which
        // caches there are, what the copies hold, and the workers' states.
        let kept = browser
            .eval_async(
                "(async () => {
                   const out = {};
                   for (const name of await caches.keys()) {
                     const keys = await (await caches.open(name)).keys();
                     out[name] = keys.length + ' entries: ' + keys.slice(0, 5).map(r => new URL(r.url).pathname).join(' ');
                   }
                   const regs = await navigator.serviceWorker.getRegistrations();
                   out.workers = regs.map(r => new URL(r.scope).pathname + ' ' + (r.active ? r.active.state : 'none'));
                   out.controlled = !!navigator.serviceWorker.controller;
                   // The frame's document: in a loan's copy? what the worker answers
                   // the page for it? the reader's own message?
                   const f = document.querySelector('.er-frame');
                   if (f && f.src) {
                     const hit = await caches.match(f.src, { ignoreVary: true });
                     out.frame_in_copy = hit ? hit.status + ' ' + hit.type + (hit.redirected ? ' redirected' : '') : 'no';
                     out.frame_fetched = await fetch(f.src).then(r => r.status + ' ' + r.type, e => String(e));
                   }
                   out.frame_error = document.querySelector('.er-frame-error')?.textContent ?? null;
                   for (const name of await caches.keys()) {
                     if (name.startsWith('ereader-loan-')) {
                       out['all ' + name] = (await (await caches.open(name)).keys()).map(r => new URL(r.url).pathname).join(' ');
                     }
                   }
                   return out;
                 })().then(done, e => done(String(e)));",
            )
            .await?;
        eprintln!("KEPT {kept:#}");
    }
    result
}

/// Console errors less the refusals the test asked for (Chromium logs a 401 and a 422)
/// and a book's own scripts, which the frame's sandbox blocks (Chromium says so).
pub(super) fn unexpected(errors: Vec<LogEntry>) -> Vec<LogEntry> {
    errors
        .into_iter()
        .filter(|e| {
            let refusal =
                e.source == "network" && (e.message.contains("401") || e.message.contains("422"));
            let book_script = e.source == "security"
                && e.message.contains("/api/ereader/loans/")
                && e.message.contains("Blocked script execution")
                && e.message.contains("'allow-scripts' permission is not set");
            !(refusal || book_script)
        })
        .collect()
}
