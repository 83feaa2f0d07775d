//! Culture Matcher's programme source end to end: centre staff give their organiser id
//! (a wrong one first: the Dutch message beside the field, with the focus), save it and
//! press "Importeer nu" with the keyboard; the server searches a stand-in UiTdatabank on
//! loopback (serving a sample of `tests/fixtures/uitdatabank`), the report and the
//! history show the run, and the public programme has the imported show.

use std::sync::{Arc, Mutex};

use e2e::{Browser, Result, TestServer};
use fantoccini::key::Key;
use serde_json::json;

const NOVA: (&str, &str) = ("cc.nova@demo.invalid", "demo-nova-2026");
const ORGANISER: &str = "5cf42d51-3a4f-46f0-a8af-1cf672be8c84";
const EVENT: &str = "23017cb7-e515-47b4-87c4-780735acc942";

/// A stand-in UiTdatabank search: `/events/` answers one event and notes its query.
async fn stand_in() -> Result<(String, Arc<Mutex<Vec<String>>>)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/uitdatabank/udb3-search-service__event-original-permanent.json");
    let event = std::fs::read_to_string(path).map_err(|e| format!("fixture: {e}"))?;
    let search = format!(r#"{{"@type": "PagedCollection", "totalItems": 1, "member": [{event}]}}"#);
    let queries = Arc::new(Mutex::new(Vec::new()));
    let seen = queries.clone();
    let router = axum::Router::new().route(
        "/events/",
        axum::routing::get(
            move |axum::extract::RawQuery(query): axum::extract::RawQuery| async move {
                if let Ok(mut seen) = seen.lock() {
                    seen.push(query.unwrap_or_default());
                }
                search
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    Ok((format!("http://{addr}/events/"), queries))
}

#[tokio::test]
async fn centre_staff_set_their_source_and_import_now() -> Result<()> {
    let (search, queries) = stand_in().await?;
    let server = TestServer::start_with(|config| {
        config.uitdatabank_url = search;
        config.allow_private_fetch = true;
    })
    .await?;
    let browser = Browser::start(&server.url(""), 1280, 900).await?;
    // The programme's source has a view of its own in the back-office.
    browser
        .goto("/culture-matcher/beheer?onderdeel=import")
        .await?;
    browser.wait_ready().await?;
    browser.fill("#login-email", NOVA.0).await?;
    browser.fill("#login-password", NOVA.1).await?;
    browser.click(".login-submit").await?;
    browser.find("#cm-source-value").await?;
    let none = browser.text(".cm-source-none").await?;
    assert!(none.contains("niet vanzelf"), "{none}");

    // A wrong id: the shared rule's Dutch message beside the field, with the focus.
    browser.click("#cm-source-kind-organiser").await?;
    browser.fill("#cm-source-value", "nova").await?;
    browser.press("#cm-source-value", Key::Enter).await?;
    browser
        .wait_until(
            "the message beside the field, with the focus",
            "!!document.querySelector('#cm-source-value-error') \
             && document.activeElement && document.activeElement.id === 'cm-source-value'",
        )
        .await?;
    let message = browser.text("#cm-source-value-error").await?;
    assert!(message.contains("organisator-id"), "{message}");

    // Pasted as its address: saved as the id.
    let pasted = format!("https://io.uitdatabank.be/organizers/{ORGANISER}");
    browser.fill("#cm-source-value", &pasted).await?;
    browser.press("#cm-source-value", Key::Enter).await?;
    browser.find("#cm-source-saved").await?;
    let saved = browser
        .eval("return document.querySelector('#cm-source-value').value;")
        .await?;
    assert_eq!(saved, json!(ORGANISER));

    // "Importeer nu" with the keyboard; the run joins the history (the demo programme's
    // seeding is in it already).
    browser
        .wait_until(
            "the history",
            "!!document.querySelector('.cm-source-import .import-runs, .cm-source-import .bo-muted')",
        )
        .await?;
    let before = browser
        .find_all(".cm-source-import .import-run")
        .await?
        .len();
    browser.press(".cm-source-import-now", Key::Enter).await?;
    browser
        .wait_until(
            "the report",
            "!!document.querySelector('.cm-source-import .import-report .staff-notice')",
        )
        .await?;
    let report = browser.text(".cm-source-import .import-report").await?;
    assert!(report.contains("Voorstellingen ingelezen: 1"), "{report}");
    let runs = browser
        .find_all(".cm-source-import .import-run")
        .await?
        .len();
    assert_eq!(runs, before + 1);
    let asked = queries.lock().map_err(|e| e.to_string())?.clone();
    assert_eq!(
        asked,
        [format!("organizerId={ORGANISER}&embed=true&limit=200")]
    );
    let (status, programme) = browser
        .fetch(
            "GET",
            "/data/culture-matcher/demo-nova.json",
            json!({}),
            None,
        )
        .await?;
    assert_eq!(status, 200);
    assert!(programme.contains(EVENT), "the imported show is published");

    let violations = browser.axe_serious_violations().await?;
    assert!(violations.is_empty(), "axe: {violations:#?}");
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}
