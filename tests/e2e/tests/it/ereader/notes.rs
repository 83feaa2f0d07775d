//! Bookmarks and highlights end to end: a member opens Children's Literature, turns two
//! pages and bookmarks the page (the button pressed), selects two words in the book's
//! frame (a Range and Selection in the frame's own document) and highlights them (a
//! wrapper with the quote in the frame); on a second browser the panel has both, kept
//! apart, the highlight is drawn again, the bookmark's button jumps back to its page
//! with the focus in the book; a removal that fails says so in Dutch and keeps the
//! list; removing the highlight takes its wrapper out of the frame. Axe on the panel.

use e2e::{Browser, Result, TestServer};
use serde_json::json;

use super::page::{click_in_item, item_says, log_in, unexpected, wait_page};

/// Turns a page and waits until the status says another one, laid out.
async fn turn(browser: &Browser) -> Result<String> {
    let before = browser.text("#er-pageno").await?;
    browser.click("#er-next").await?;
    browser
        .wait_until(
            "the next page",
            &format!(
                "document.querySelector('#er-pageno').textContent !== {}
                 && document.querySelector('.er-frame').contentDocument.documentElement.style.fontSize !== ''",
                json!(before)
            ),
        )
        .await?;
    browser.text("#er-pageno").await
}

/// Selects the first two words of the first text on the frame's visible page that has
/// two, through the frame's own document; answers the selected text.
const SELECT_TWO_WORDS: &str = "
const f = document.querySelector('.er-frame');
const d = f.contentDocument;
const w = f.clientWidth, h = f.clientHeight;
const walk = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT);
let n;
while ((n = walk.nextNode())) {
  const m = n.textContent.match(/[A-Za-z]+\\s+[A-Za-z]+/);
  if (!m) continue;
  const r = d.createRange();
  r.setStart(n, m.index);
  r.setEnd(n, m.index + m[0].length);
  const b = r.getBoundingClientRect();
  if (b.width > 0 && b.left >= 0 && b.right <= w && b.top >= 0 && b.bottom <= h) {
    const s = d.getSelection();
    s.removeAllRanges();
    s.addRange(r);
    return m[0];
  }
}
return null;";

/// The text of the frame's highlight wrappers.
const MARKS: &str = "[...document.querySelector('.er-frame').contentDocument.querySelectorAll('mark.er-note')].map(m => m.textContent).join('')";

#[tokio::test]
async fn a_member_bookmarks_and_highlights_and_finds_both_on_another_device() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1024, 768).await?;
    log_in(&browser, "/e-reader/").await?;
    item_says(&browser, "Children", "vrij").await?;
    click_in_item(&browser, "Children", ".er-borrow").await?;
    item_says(&browser, "Children", "Geleend").await?;
    browser.goto("/e-reader/?pagina=leningen").await?;
    browser.wait_ready().await?;
    item_says(&browser, "Children", "dagen over").await?;
    click_in_item(&browser, "Children", ".er-read").await?;
    wait_page(&browser).await?;
    let address = browser.eval("return location.search;").await?;
    let address = address.as_str().unwrap_or_default().to_string();

    // Two pages on, a bookmark: the button says it is pressed.
    turn(&browser).await?;
    let marked_page = turn(&browser).await?;
    browser
        .wait_until(
            "the bookmark button",
            "document.querySelector('#er-bookmark').getAttribute('aria-pressed') === 'false'
             && !document.querySelector('#er-bookmark').disabled",
        )
        .await?;
    browser.click("#er-bookmark").await?;
    browser
        .wait_until(
            "the page bookmarked",
            "document.querySelector('#er-bookmark').getAttribute('aria-pressed') === 'true'",
        )
        .await?;

    // Two words selected in the book: "Markeren" appears in the app and keeps them.
    assert_eq!(
        browser
            .eval("return !!document.querySelector('#er-highlight');")
            .await?,
        json!(false),
        "no Markeren without a selection"
    );
    let quote = browser.eval(SELECT_TWO_WORDS).await?;
    let quote = quote
        .as_str()
        .ok_or("no two words on the page")?
        .to_string();
    browser.find("#er-highlight").await?;
    assert_eq!(browser.text("#er-highlight").await?, "Markeren");
    browser.click("#er-highlight").await?;
    browser
        .wait_until(
            "the highlight in the frame",
            &format!("{MARKS} === {}", json!(quote)),
        )
        .await?;
    let drawn = browser
        .eval("const m = document.querySelector('.er-frame').contentDocument.querySelector('mark.er-note');
               return [m.id.startsWith('er-note-'), getComputedStyle(m).backgroundColor];")
        .await?;
    assert_eq!(drawn[0], json!(true), "the first wrapper has the jump's id");
    assert_ne!(
        drawn[1],
        json!("rgba(0, 0, 0, 0)"),
        "the highlight is coloured"
    );
    assert!(unexpected(browser.console_errors().await?).is_empty());

    // Another browser of the member: both in the panel, kept apart; the highlight drawn.
    let second = Browser::start(&server.url(""), 1024, 768).await?;
    log_in(&second, &format!("/e-reader/{address}")).await?;
    wait_page(&second).await?;
    second
        .wait_until(
            "the highlight drawn on opening",
            &format!("{MARKS} === {}", json!(quote)),
        )
        .await?;
    // Somewhere else first, so that the jump has somewhere to go.
    turn(&second).await?;
    let elsewhere = turn(&second).await?;
    assert_ne!(elsewhere, marked_page);
    second.click("#er-notes-button").await?;
    second
        .wait_until(
            "the panel, both lists",
            &format!(
                "document.activeElement && document.activeElement.id === 'er-notes-close'
                 && document.querySelectorAll('#er-notes-bookmarks li').length === 1
                 && document.querySelectorAll('#er-notes-highlights li').length === 1
                 && document.querySelector('#er-notes-highlights').textContent.includes({})",
                json!(quote)
            ),
        )
        .await?;
    let headings = second
        .eval("return [...document.querySelectorAll('#er-notes h4')].map(h => h.textContent);")
        .await?;
    assert_eq!(headings, json!(["Bladwijzers", "Markeringen"]));
    let remove_name = second
        .eval("return document.querySelector('#er-notes-highlights .er-notes__remove').getAttribute('aria-label');")
        .await?;
    let remove_name = remove_name.as_str().unwrap_or_default();
    assert!(
        remove_name.starts_with("Markering verwijderen:") && remove_name.contains(&quote),
        "the remove button names its entry: {remove_name:?}"
    );
    second
        .assert_axe_clean("the bookmarks and highlights")
        .await?;

    // The bookmark jumps back to its page, the panel closes, the focus goes into the book.
    second.click("#er-notes-bookmarks .er-notes__jump").await?;
    second
        .wait_until(
            "the bookmarked page",
            &format!(
                "!document.querySelector('#er-notes')
                 && document.querySelector('#er-pageno').textContent === {}
                 && document.querySelector('#er-bookmark').getAttribute('aria-pressed') === 'true'
                 && document.activeElement.id === 'er-frame'",
                json!(marked_page)
            ),
        )
        .await?;

    // A removal that fails says so in Dutch and keeps the list as it was.
    second.click("#er-notes-button").await?;
    second
        .find("#er-notes-highlights .er-notes__remove")
        .await?;
    second
        .eval(
            "window.__fetch = window.fetch;
               window.fetch = (r, o) => (o && o.method === 'DELETE') || (r && r.method === 'DELETE')
                   ? Promise.reject(new TypeError('offline')) : window.__fetch(r, o);
               return true;",
        )
        .await?;
    second
        .click("#er-notes-highlights .er-notes__remove")
        .await?;
    second
        .wait_until(
            "the failure said, the list kept",
            "document.querySelector('#er-notes .er-notes__error')?.textContent === 'Geen verbinding met de server.'
             && document.querySelectorAll('#er-notes-highlights li').length === 1",
        )
        .await?;
    second
        .eval("window.fetch = window.__fetch; return true;")
        .await?;

    // Removing the highlight takes its wrapper out of the book.
    second
        .click("#er-notes-highlights .er-notes__remove")
        .await?;
    second
        .wait_until(
            "the highlight gone",
            &format!(
                "!document.querySelector('#er-notes-highlights')
                 && document.querySelector('#er-notes').textContent.includes('Nog geen markeringen')
                 && !document.querySelector('#er-notes .er-notes__error')
                 && {MARKS} === ''"
            ),
        )
        .await?;
    second
        .assert_axe_clean("the panel without highlights")
        .await?;
    let errors: Vec<_> = unexpected(second.console_errors().await?)
        .into_iter()
        .filter(|e| !e.message.contains("offline"))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    second.close().await;
    browser.close().await;
    Ok(())
}
