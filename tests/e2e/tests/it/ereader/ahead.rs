//! The next document loaded ahead, end to end: once a page is shown, the reader's hidden
//! frame holds the document a turn reaches next, laid out (the shown one untouched); the
//! turn that crosses into it (an arrow key in the book) shows that very document (no new
//! request for it) with the focus in the book's frame, and a turn back at once (a key
//! heard in that document) shows the document before again, at its last page, from the
//! frame it stayed in.

use e2e::{Browser, Result, TestServer};
use serde_json::json;

use super::page::{click_in_item, item_says, log_in, unexpected, wait_page};

/// Turns forward by the arrow key in the shown document until the book's frame is
/// another element, then turns back once; what each frame held and showed.
const CROSS_AND_BACK: &str = "(async () => {
  const settle = async () => { for (let i = 0; i < 20; i++) await Promise.resolve(); };
  const shown = () => document.querySelector('.er-frame');
  const status = () => (document.querySelector('#er-pageno').textContent.match(/\\d+/g) || []).map(Number);
  const key = (k) => {
    const w = shown().contentWindow;
    w.document.dispatchEvent(new w.KeyboardEvent('keydown', {key: k, bubbles: true, cancelable: true}));
  };
  const content = () => performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/content/'));
  const before = shown(), beforeDoc = before.contentDocument;
  const ahead = document.querySelector('.er-frame-ahead'), aheadDoc = ahead.contentDocument;
  const aheadUrl = aheadDoc.URL;
  const requested = content().filter(n => n === aheadUrl).length;
  before.focus();
  const from = status();
  let turns = 0;
  while (shown() === before && turns < 60) {
    key('ArrowRight');
    await settle();
    turns++;
  }
  const crossed = status();
  const now = shown();
  const out = {
    turns, from, crossed,
    swapped: now === ahead,
    sameDocument: now.contentDocument === aheadDoc,
    laidOut: now.contentDocument.documentElement.style.fontSize !== '',
    shownVisible: getComputedStyle(now).visibility,
    oldHidden: getComputedStyle(before).visibility,
    oldClass: before.className,
    requestedAgain: content().filter(n => n === aheadUrl).length - requested,
  };
  out.focused = document.activeElement === now;
  // The keys are heard in the document swapped in: the arrow back, pressed there at
  // once, crosses back (a turn forward first could cross into a document that is not
  // loaded yet when the next document has one page: its load is not the subject here).
  key('ArrowLeft');
  await settle();
  out.back = status();
  out.backInOld = shown() === before && before.contentDocument === beforeDoc;
  return out;
})().then(done, e => done({error: String(e && e.stack || e)}));";

#[tokio::test]
async fn the_next_document_is_laid_out_ahead_and_shown_by_the_turn() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1024, 768).await?;
    log_in(&browser, "/e-reader/").await?;
    item_says(&browser, "Moby", "vrij").await?;
    click_in_item(&browser, "Moby", ".er-borrow").await?;
    item_says(&browser, "Moby", "Geleend").await?;
    browser.goto("/e-reader/?pagina=leningen").await?;
    click_in_item(&browser, "Moby", ".er-read").await?;
    wait_page(&browser).await?;

    // Once the page is shown, the hidden frame loads the next document and lays it out.
    browser
        .wait_until(
            "the next document laid out ahead",
            "(() => { const f = document.querySelector('.er-frame-ahead');
                      const d = f && f.contentDocument;
                      return !!d && d.readyState === 'complete' && d.URL.includes('/content/')
                          && d.documentElement.style.fontSize !== ''
                          && getComputedStyle(f).visibility === 'hidden'; })()",
        )
        .await?;
    // The shown frame loaded its document once (a frame moved in the page loads it again).
    let loads = browser
        .eval(
            "const url = document.querySelector('.er-frame').contentDocument.URL;
             return performance.getEntriesByType('resource').filter(e => e.name === url).length;",
        )
        .await?;
    assert_eq!(loads, json!(1), "the shown document was loaded again");
    let out = browser.eval_async(CROSS_AND_BACK).await?;
    assert!(out.get("error").is_none(), "{out:#}");
    let (from, crossed) = (&out["from"], &out["crossed"]);
    // Page 1 of the next document (the status: page, pages, document, documents).
    assert_eq!(crossed[0], json!(1), "{out:#}");
    assert_eq!(
        crossed[2].as_u64(),
        from[2].as_u64().map(|d| d + 1),
        "{out:#}"
    );
    assert_eq!(
        out["swapped"],
        json!(true),
        "the frame ahead is shown: {out:#}"
    );
    assert_eq!(
        out["sameDocument"],
        json!(true),
        "not loaded again: {out:#}"
    );
    assert_eq!(out["requestedAgain"], json!(0), "{out:#}");
    assert_eq!(out["laidOut"], json!(true), "{out:#}");
    assert_eq!(out["shownVisible"], json!("visible"), "{out:#}");
    assert_eq!(out["oldHidden"], json!("hidden"), "{out:#}");
    assert_eq!(out["oldClass"], json!("er-frame-ahead"), "{out:#}");
    assert_eq!(out["focused"], json!(true), "the focus follows: {out:#}");
    // Back across by a key in the new document: the document before, at its last page,
    // from the frame it stayed in.
    assert_eq!(out["back"][2], from[2], "keys in the new document: {out:#}");
    assert_eq!(out["back"][0], out["back"][1], "its last page: {out:#}");
    assert_eq!(out["backInOld"], json!(true), "{out:#}");
    browser
        .assert_axe_clean("the reader with a frame ahead")
        .await?;
    let errors = unexpected(browser.console_errors().await?);
    browser.close().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    Ok(())
}
