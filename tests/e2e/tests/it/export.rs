//! The static shape (`cargo xtask export`): the built site and the published data,
//! exported for a plain static host on one origin, with the API on another. Culture
//! Matcher from the static host lists the centres and answers the health check through
//! the API across origins, reads the programme from the static host, and the anonymous
//! counts of a swipe reach the API's database. The API refuses cross-site writes from
//! any other origin.

use std::time::Duration;

use e2e::{Browser, Result, TestServer, site_dir};
use fantoccini::key::Key;

/// A plain static host: the files of `dir`, nothing else.
async fn static_host(listener: tokio::net::TcpListener, dir: std::path::PathBuf) {
    let app = axum::Router::new().fallback_service(tower_http::services::ServeDir::new(dir));
    let _ = axum::serve(listener, app).await;
}

#[tokio::test]
async fn exported_apps_on_a_static_host_use_the_api_across_origins() -> Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| e.to_string())?;
    let static_origin = format!(
        "http://{}",
        listener.local_addr().map_err(|e| e.to_string())?
    );
    let allowed = static_origin.clone();
    let server = TestServer::start_with(|config| config.allowed_origins = vec![allowed]).await?;
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let out = work.path().join("export");
    let report = static_api::export::export(
        &site_dir()?,
        &server.state.config.public_data_dir(),
        &out,
        &server.url(""),
    )
    .map_err(|e| e.to_string())?;
    assert!(report.pages >= 6, "{report:?}");
    assert!(!out.join("bieblo/beheer").exists(), "no back-office");
    let host = tokio::spawn(static_host(listener, out));

    let browser = Browser::start(&static_origin, 1280, 900).await?;
    browser.goto("/culture-matcher/").await?;
    browser.wait_ready().await?;
    browser
        .wait_until(
            "the API check across origins",
            "document.querySelector('[data-health]')?.dataset.health === 'ok'",
        )
        .await?;
    browser
        .wait_until(
            "the centres from the API",
            "!!document.querySelector('a[href*=\"centrum=demo-nova\"]')",
        )
        .await?;

    browser.goto("/culture-matcher/?centrum=demo-nova").await?;
    browser.wait_ready().await?;
    browser.find(".swipe-card .cm-card").await?;
    // Each card on top is counted as shown: the first, and the next after a swipe.
    browser.press(".swipe-deck", Key::Right).await?;
    let mut shown = 0;
    for _ in 0..50 {
        let insight = server
            .state
            .db
            .culture_insight("demo-nova")
            .await
            .map_err(|e| e.to_string())?;
        shown = insight.iter().map(|row| row.shown).sum::<u32>();
        if shown >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(shown, 2, "two cards counted as shown through the API");
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;

    // Another site's page may not write: refused before the handler.
    let refused = browser_free_post(&server, "https://elsewhere.example").await?;
    assert_eq!(refused, 403);
    let taken = browser_free_post(&server, &static_origin).await?;
    assert_eq!(taken, 204);
    host.abort();
    Ok(())
}

/// An anonymous count posted as a page of `origin` would (a cross-site fetch): the
/// status.
async fn browser_free_post(server: &TestServer, origin: &str) -> Result<u16> {
    let show = server
        .state
        .db
        .culture_shows("demo-nova")
        .await
        .map_err(|e| e.to_string())?
        .first()
        .map(|s| s.show.id.clone())
        .ok_or("no show")?;
    let body = format!(r#"{{"show":"{show}","interaction":"shown"}}"#);
    let (status, _, _) = e2e::hardening::exchange(
        server.addr,
        "POST",
        "/api/culture/demo-nova/interactions",
        &format!("Origin: {origin}\r\nSec-Fetch-Site: cross-site\r\n"),
        Some(&body),
    )
    .await?;
    Ok(status)
}
