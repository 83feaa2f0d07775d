//! The e-reader's back-office end to end (`/e-reader/beheer/`): the admin logs in through
//! the staff panel, uploads an EPUB of the fixtures and sees it in the collection, sets
//! 3 licences by hand, sees a broken file's Dutch report (with the English detail), and
//! opens the statistics (a member's loan drawn as bars beside its table, and the CSV
//! link). Axe on each screen; no console errors but the refusal's own.

use e2e::{Browser, Result, TestServer};
use serde_json::json;

const ADMIN: (&str, &str) = ("admin@demo.invalid", "demo-admin-2026");
const BOOK: &[u8] = include_bytes!("../../../../tests/fixtures/epub/books/accessible_epub_3.epub");

/// The script that finds the collection's row of the title containing `words`.
fn row_of(words: &str) -> String {
    format!(
        "[...document.querySelectorAll('tr.er-bo-title')].find(r => r.querySelector('th').textContent.includes('{words}'))"
    )
}

async fn send_file(browser: &Browser, path: &std::path::Path) -> Result<()> {
    browser
        .find("#er-bo-file")
        .await?
        .send_keys(&path.display().to_string())
        .await
        .map_err(|e| format!("choose the file: {e}"))?;
    browser.click(".er-bo-upload button[type=submit]").await
}

#[tokio::test]
async fn the_admin_adds_a_book_sets_licences_and_reads_the_statistics() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1280, 900).await?;
    browser.staff_log_in("/e-reader/beheer/", ADMIN).await?;
    browser.find("#er-bo-collection-title").await?;
    browser
        .wait_until(
            "the demo's two books",
            "document.querySelectorAll('tr.er-bo-title').length === 2",
        )
        .await?;
    browser.assert_axe_clean("the collection").await?;

    // An EPUB of the fixtures: checked by the server, added, listed.
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let good = dir.path().join("accessible_epub_3.epub");
    std::fs::write(&good, BOOK).map_err(|e| e.to_string())?;
    send_file(&browser, &good).await?;
    browser
        .wait_until(
            "the new book in the collection",
            &format!(
                "document.querySelector('#er-bo-added')?.textContent.includes('Toegevoegd')
                 && document.querySelectorAll('tr.er-bo-title').length === 3
                 && !!{}",
                row_of("Accessible")
            ),
        )
        .await?;
    let licences = browser
        .eval(&format!(
            "return {}.querySelector('.er-bo-licences').textContent;",
            row_of("Accessible")
        ))
        .await?;
    assert!(
        licences
            .as_str()
            .is_some_and(|t| t.contains("volgens regel")),
        "{licences}"
    );

    // 3 licences by hand.
    browser
        .eval(&format!(
            "{}.querySelector('button').click(); return null;",
            row_of("Accessible")
        ))
        .await?;
    browser.find("#er-bo-edit-title").await?;
    browser.click("#er-bo-by-hand").await?;
    browser.fill("#er-bo-licences", "3").await?;
    browser.assert_axe_clean("changing a title").await?;
    browser.click(".er-bo-edit button[type=submit]").await?;
    browser
        .wait_until(
            "3 licences by hand",
            &format!(
                "!document.querySelector('.er-bo-edit')
                 && {}.querySelector('.er-bo-licences').textContent.startsWith('3 (met de hand')",
                row_of("Accessible")
            ),
        )
        .await?;

    // A broken file: the Dutch report, the English detail, nothing added.
    let broken = dir.path().join("kapot.epub");
    std::fs::write(&broken, &BOOK[..BOOK.len() / 2]).map_err(|e| e.to_string())?;
    send_file(&browser, &broken).await?;
    browser
        .wait_until(
            "the Dutch report of the broken file",
            "document.querySelector('#er-bo-report')?.textContent.includes('Dit bestand is geen EPUB')
             && document.querySelector('#er-bo-report code')?.textContent.includes('not a zip archive')",
        )
        .await?;
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('tr.er-bo-title').length;")
            .await?,
        json!(3)
    );
    browser.assert_axe_clean("a broken file's report").await?;

    // A member borrows Moby-Dick, then the statistics draw it.
    let db = &server.state.db;
    let card = static_api::auth::member::card_hash("2000000000012");
    let member = db
        .ereader_member_by_card(&card)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the demo member")?;
    let moby = db
        .ereader_admin_titles(0)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .find(|t| t.title.contains("Moby"))
        .ok_or("Moby-Dick in the demo")?;
    db.ereader_borrow(
        member.id,
        moby.id,
        &suite_domain::lending::Policy::default(),
        static_api::auth::now_unix(),
        None,
    )
    .await
    .map_err(|e| e.to_string())?
    .map_err(|e| format!("{e:?}"))?;
    browser.click("a[href*='onderdeel=statistieken']").await?;
    browser.find("#er-bo-stats-title").await?;
    browser
        .wait_until(
            "the loan as a bar beside its table",
            "document.querySelectorAll('.er-bo-chart svg rect').length > 0
             && [...document.querySelectorAll('.er-bo-stats-titles tbody tr')]
                  .some(r => r.textContent.includes('Moby'))",
        )
        .await?;
    let href = browser
        .eval("return document.querySelector('a.er-bo-csv').getAttribute('href');")
        .await?;
    assert!(
        href.as_str()
            .is_some_and(|h| h.ends_with("/api/ereader/admin/stats.csv")),
        "{href}"
    );
    browser.assert_axe_clean("the statistics").await?;
    let errors: Vec<_> = browser
        .console_errors()
        .await?
        .into_iter()
        .filter(|e| !e.message.contains("422") && !e.message.contains("/api/session"))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}
