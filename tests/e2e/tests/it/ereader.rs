//! The e-reader end to end at tablet size (a wrong PIN: `login`): a member logs in with
//! card and PIN, borrows Children's Literature and
//! Moby-Dick, is refused a third loan with the rule's Dutch message, moves between the
//! pages by the address (back and forward), opens the book, turns pages (the text in
//! the frame changes), makes the text larger (more pages), and on a second browser
//! logs in and lands on the same page; uses the contents and the scroll view; reads in
//! dark colours with the dyslexia font; searches a word and lands on its page; then
//! returns the book after confirming. Axe on each screen; no console errors but the
//! refusals' own and the book's scripts the sandbox blocked.

use e2e::{Browser, Result, TestServer};
use serde_json::{Value, json};

mod ahead;
mod display;
mod login;
mod notes;
mod offline;
mod page;
mod queue;
mod tools;

use page::{
    CARD, PIN, VISIBLE_TEXT, click_in_item, item_says, log_in, page_status, unexpected,
    visible_text, wait_page,
};

#[tokio::test]
async fn a_member_borrows_reads_on_two_devices_and_returns() -> Result<()> {
    let server = TestServer::start().await?;
    // A third book, so that the third loan meets the rule of two.
    let third = include_bytes!("../../../../tests/fixtures/epub/books/accessible_epub_3.epub");
    static_api::ereader_books::add_title(
        &server.state.db,
        &server.state.config.data_dir,
        third.to_vec(),
        Some(1),
        "e2e",
        "2026-01-01T00:00:00Z",
    )
    .await
    .map_err(|e| format!("third book: {e}"))?;
    let browser = Browser::start(&server.url(""), 1024, 768).await?;

    // A wrong PIN: the Dutch message at the field.
    browser.goto("/e-reader/").await?;
    browser.wait_ready().await?;
    browser.find("#er-card").await?;
    browser.assert_axe_clean("the login").await?;
    browser.fill("#er-card", CARD).await?;
    browser.fill("#er-pin", "0000").await?;
    browser.click("#er-log-in").await?;
    browser
        .wait_until(
            "the login's error",
            "document.querySelector('#er-card-error').textContent.trim().length > 0",
        )
        .await?;
    assert_eq!(
        browser
            .eval("return document.querySelector('#er-card').getAttribute('aria-invalid');")
            .await?,
        json!("true")
    );
    browser.fill("#er-pin", PIN).await?;
    browser.click("#er-log-in").await?;
    browser.find(".er-nav").await?;

    // The collection: borrow two; the third is refused in Dutch.
    item_says(&browser, "Children", "vrij").await?;
    browser.assert_axe_clean("the collection").await?;
    click_in_item(&browser, "Children", ".er-borrow").await?;
    item_says(&browser, "Children", "Geleend").await?;
    click_in_item(&browser, "Moby", ".er-borrow").await?;
    item_says(&browser, "Moby", "Geleend").await?;
    let other = browser
        .eval("return [...document.querySelectorAll('.er-item h3')].map(h => h.textContent).find(t => !t.includes('Children') && !t.includes('Moby'));")
        .await?;
    let other = other.as_str().ok_or("no third title")?.to_string();
    click_in_item(&browser, &other, ".er-borrow").await?;
    item_says(
        &browser,
        &other,
        "Je hebt al 2 boeken geleend. Breng er eerst een terug.",
    )
    .await?;
    browser
        .assert_axe_clean("the collection with a refusal")
        .await?;

    // My loans by the menu; back and forward move between the addresses.
    browser.click(".er-nav__link[href*='leningen']").await?;
    browser
        .wait_until(
            "two loans",
            "document.querySelectorAll('.er-loan').length === 2",
        )
        .await?;
    item_says(&browser, "Children", "dagen over").await?;
    browser.assert_axe_clean("my loans").await?;
    browser.eval("history.back(); return true;").await?;
    browser
        .wait_until(
            "the collection again",
            "!!document.querySelector('.er-borrow')",
        )
        .await?;
    browser.eval("history.forward(); return true;").await?;
    browser
        .wait_until(
            "my loans again",
            "document.querySelectorAll('.er-loan').length === 2",
        )
        .await?;

    // The reader, at its own address.
    click_in_item(&browser, "Children", ".er-read").await?;
    wait_page(&browser).await?;
    let address = browser.eval("return location.search;").await?;
    let address = address.as_str().unwrap_or_default().to_string();
    assert!(
        address.starts_with("?boek="),
        "the book's address: {address}"
    );
    browser.assert_axe_clean("the reader").await?;
    let sandbox = browser
        .eval("return document.querySelector('.er-frame').getAttribute('sandbox');")
        .await?;
    assert_eq!(sandbox, json!("allow-same-origin"), "no scripts in a book");

    // Turn pages until a document of several pages (the text changes with each turn).
    let mut before = visible_text(&browser).await?;
    let mut turns = 0;
    loop {
        browser.click("#er-next").await?;
        let wanted = json!(before);
        browser
            .wait_until(
                "a new page",
                &format!("(() => {{ {VISIBLE_TEXT} }})() !== {wanted}"),
            )
            .await?;
        before = visible_text(&browser).await?;
        turns += 1;
        let (_, pages) = page_status(&browser).await?;
        if pages >= 3 || turns > 40 {
            break;
        }
    }
    // The arrow key turns too.
    browser
        .press("#er-next", fantoccini::key::Key::Right)
        .await?;
    let wanted = json!(before);
    browser
        .wait_until(
            "a page turned by the arrow key",
            &format!("(() => {{ {VISIBLE_TEXT} }})() !== {wanted}"),
        )
        .await?;

    // An arrow key with the focus nowhere in particular, a tap on the right edge, and a
    // swipe to the left inside the book each turn a page.
    let ways = [
        (
            "an arrow key on the page",
            "document.activeElement.blur();
             document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true, cancelable: true}));",
        ),
        (
            "a tap on the right edge",
            "document.querySelector('.er-tap--right').click();",
        ),
        (
            "an arrow key inside the book",
            "const w = document.querySelector('.er-frame').contentWindow;
             w.document.dispatchEvent(new w.KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true, cancelable: true}));",
        ),
        (
            "a swipe inside the book",
            "const w = document.querySelector('.er-frame').contentWindow;
             const d = w.document;
             d.dispatchEvent(new w.PointerEvent('pointerdown', {clientX: 300, clientY: 100, bubbles: true}));
             d.dispatchEvent(new w.PointerEvent('pointerup', {clientX: 120, clientY: 110, bubbles: true}));",
        ),
    ];
    for (what, act) in ways {
        let before = json!(visible_text(&browser).await?);
        browser.eval(&format!("{act} return true;")).await?;
        // A turn may open the next document: wait until it is laid out (and heard).
        browser
            .wait_until(
                what,
                &format!(
                    "(() => {{ const t = (() => {{ {VISIBLE_TEXT} }})();
                       const d = document.querySelector('.er-frame').contentDocument;
                       return t !== {before} && t !== ''
                           && d.documentElement.style.fontSize !== ''; }})()"
                ),
            )
            .await?;
    }

    // Larger text: more pages; the choice is kept on the device.
    let (_, pages) = page_status(&browser).await?;
    for _ in 0..4 {
        browser.click("#er-larger").await?;
    }
    browser
        .wait_until(
            "more pages",
            &format!(
                "(document.querySelector('#er-pageno').textContent.match(/\\d+/g) || [])[1] > {pages}"
            ),
        )
        .await?;
    let kept = browser
        .eval("return localStorage.getItem('e-reader.settings');")
        .await?;
    assert_eq!(
        kept,
        json!("font=140;scroll=0;theme=light;family=book;line=m;margin=m")
    );

    // The position is saved; another browser of the member lands on the same page.
    let status = browser.text("#er-pageno").await?;
    let shown = visible_text(&browser).await?;
    let loan: i64 = address
        .trim_start_matches("?boek=")
        .parse()
        .map_err(|_| "loan id")?;
    let (spine, progress) = {
        let mut found = None;
        for _ in 0..100 {
            let (code, body) = browser
                .fetch(
                    "GET",
                    &format!("/api/ereader/loans/{loan}/position"),
                    json!({}),
                    None,
                )
                .await?;
            if code == 200 {
                let v: Value = serde_json::from_str(&body).map_err(|e| e.to_string())?;
                if v["progress"].as_f64().unwrap_or(0.0) > 0.0 {
                    found = Some((v["spine"].clone(), v["progress"].clone()));
                    break;
                }
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        found.ok_or("the position was never saved")?
    };
    let second = Browser::start(&server.url(""), 1024, 768).await?;
    second.goto("/e-reader/").await?;
    second.wait_ready().await?;
    second
        .eval("localStorage.setItem('e-reader.settings', 'font=140;scroll=0'); return true;")
        .await?;
    log_in(&second, &format!("/e-reader/{address}")).await?;
    wait_page(&second).await?;
    second
        .wait_until(
            "the same page",
            &format!(
                "document.querySelector('#er-pageno').textContent === {}",
                json!(status)
            ),
        )
        .await
        .map_err(|e| format!("{e} (saved: {spine} {progress}, wanted {status:?})"))?;
    assert_eq!(visible_text(&second).await?, shown, "the same words");
    assert!(unexpected(second.console_errors().await?).is_empty());
    second.close().await;

    // The contents: a panel reached by keyboard, Escape gives the focus back, an entry
    // jumps.
    browser.click("#er-toc-button").await?;
    browser
        .wait_until(
            "the contents' focus",
            "document.activeElement && document.activeElement.id === 'er-toc-close'",
        )
        .await?;
    browser.assert_axe_clean("the contents").await?;
    browser
        .press("#er-toc-close", fantoccini::key::Key::Escape)
        .await?;
    browser
        .wait_until(
            "the contents closed",
            "!document.querySelector('#er-toc') && document.activeElement.id === 'er-toc-button'",
        )
        .await?;
    browser.click("#er-toc-button").await?;
    let before = browser.text("#er-pageno").await?;
    browser
        .eval("const e = [...document.querySelectorAll('.er-toc__entry')]; e[e.length - 1].click(); return true;")
        .await?;
    browser
        .wait_until(
            "a jump by the contents",
            &format!(
                "!document.querySelector('#er-toc') && document.querySelector('#er-pageno').textContent !== {}",
                json!(before)
            ),
        )
        .await?;

    // Continuous scroll as a setting: the document scrolls, the tap zones go.
    browser.click("#er-scroll").await?;
    browser
        .wait_until(
            "the scroll view",
            "document.querySelector('.er-frame').contentDocument.documentElement.style.overflowY === 'auto'
             && getComputedStyle(document.querySelector('.er-tap')).display === 'none'",
        )
        .await?;
    browser.click("#er-scroll").await?;
    browser
        .wait_until(
            "pages again",
            "document.querySelector('.er-frame').contentDocument.documentElement.style.columnWidth !== ''",
        )
        .await?;

    // The display settings, search and read aloud.
    tools::display_search_and_read_aloud(&browser).await?;

    // Return it, after a confirmation.
    browser.click(".er-reader .er-button--quiet").await?;
    browser
        .wait_until(
            "two loans",
            "document.querySelectorAll('.er-loan').length === 2",
        )
        .await?;
    click_in_item(&browser, "Children", ".er-return").await?;
    browser.find(".er-confirm").await?;
    browser.assert_axe_clean("the return's question").await?;
    click_in_item(&browser, "Children", ".er-return-yes").await?;
    browser
        .wait_until(
            "one loan",
            "document.querySelectorAll('.er-loan').length === 1",
        )
        .await?;
    browser
        .wait_until(
            "the notice",
            "document.querySelector('.er-notice').textContent.includes('Teruggebracht')",
        )
        .await?;

    // Log out: the login again.
    browser.click("#er-logout").await?;
    browser.find("#er-card").await?;
    let errors = unexpected(browser.console_errors().await?);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}
