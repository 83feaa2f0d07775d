//! Books shown as their makers meant, end to end (W3C EPUB reading-system test books):
//! a link in the book leads to a non-linear document, which a page turn skips; a
//! right-to-left book turns forward with the left arrow and the left edge, back with
//! the right arrow; the book's title keeps its own direction.

use e2e::{Browser, Result, TestServer};
use serde_json::json;

use super::page::{VISIBLE_TEXT, click_in_item, item_says, log_in, unexpected, wait_page};

/// The page, its count, the chapter and their count the live region says.
async fn place(browser: &Browser) -> Result<Vec<u32>> {
    let text = browser.text("#er-pageno").await?;
    Ok(text
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect())
}

/// Waits until the frame shows the document with `words` (each of these books'
/// documents is one page).
async fn shows(browser: &Browser, words: &str) -> Result<()> {
    browser
        .wait_until(
            &format!("{words:?} in the frame"),
            &format!(
                "(() => {{ const d = document.querySelector('.er-frame').contentDocument;
                          return !!d && !!d.body && d.body.textContent.includes({})
                              && (() => {{ {VISIBLE_TEXT} }})().length > 0; }})()",
                json!(words)
            ),
        )
        .await
}

#[tokio::test]
async fn links_non_linear_documents_and_right_to_left_books() -> Result<()> {
    let server = TestServer::start().await?;
    for name in [
        "pkg-spine-nonlinear-activation",
        "pkg-spine-progression_rtl",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fixtures/epub/w3c-epub-tests")
            .join(format!("{name}.epub"));
        let bytes = std::fs::read(&path).map_err(|e| format!("{name}: {e}"))?;
        static_api::ereader_books::add_title(
            &server.state.db,
            &server.state.config.data_dir,
            bytes,
            Some(1),
            "e2e",
            "2026-01-01T00:00:00Z",
        )
        .await
        .map_err(|e| format!("{name}: {e}"))?;
    }
    let browser = Browser::start(&server.url(""), 1024, 768).await?;
    log_in(&browser, "/e-reader/").await?;
    for title in ["nonlinear", "progression_rtl"] {
        click_in_item(&browser, title, ".er-borrow").await?;
        item_says(&browser, title, "Geleend").await?;
    }

    // The first chapter; a turn forward stays, for the second is reached by links only.
    browser.goto("/e-reader/?pagina=leningen").await?;
    browser.wait_ready().await?;
    click_in_item(&browser, "nonlinear", ".er-read").await?;
    wait_page(&browser).await?;
    shows(&browser, "Test passes if clicking").await?;
    assert_eq!(place(&browser).await?, [1, 1, 1, 2]);
    browser.click("#er-next").await?;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(place(&browser).await?, [1, 1, 1, 2], "no turn into notes");
    // The link in the book leads there, in the reader.
    browser
        .eval("document.querySelector('.er-frame').contentDocument.querySelector('a').click(); return true;")
        .await?;
    shows(&browser, "following the link opens this page").await?;
    browser
        .wait_until(
            "the second chapter counted",
            "document.querySelector('#er-pageno').textContent.includes('hoofdstuk 2 van 2')",
        )
        .await?;
    let address = browser.eval("return location.search;").await?;
    assert!(
        address.as_str().unwrap_or_default().starts_with("?boek="),
        "still the reader: {address}"
    );

    // A right-to-left book: the left arrow and the left edge turn forward.
    browser.goto("/e-reader/?pagina=leningen").await?;
    browser.wait_ready().await?;
    click_in_item(&browser, "progression_rtl", ".er-read").await?;
    wait_page(&browser).await?;
    shows(&browser, "This page must appear first").await?;
    browser
        .press("#er-next", fantoccini::key::Key::Left)
        .await?;
    shows(&browser, "This page must appear second").await?;
    browser
        .eval("document.querySelector('.er-tap--left').click(); return true;")
        .await?;
    shows(&browser, "This page must appear third").await?;
    browser
        .press("#er-next", fantoccini::key::Key::Right)
        .await?;
    shows(&browser, "This page must appear second").await?;
    browser.assert_axe_clean("a right-to-left book").await?;
    let errors = unexpected(browser.console_errors().await?);
    assert!(errors.is_empty(), "{errors:?}");
    browser.close().await;
    Ok(())
}
