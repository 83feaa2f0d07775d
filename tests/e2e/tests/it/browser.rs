//! End-to-end tests: the real server on loopback, headless Chromium over WebDriver.

use e2e::{Browser, GENT, Result, TestServer, WETTEREN};
use serde_json::json;
use suite_domain::apps::APPS;
use suite_domain::i18n::Lang;

/// Yew apps: everything but the bevy game.
fn yew_apps() -> impl Iterator<Item = &'static str> {
    APPS.iter().map(|a| a.slug).filter(|s| *s != "voor-de-show")
}

async fn start(width: u32, height: u32) -> Result<(TestServer, Browser)> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), width, height).await?;
    Ok((server, browser))
}

/// Fails with the entries when the console holds errors.
async fn assert_no_console_errors(browser: &Browser, page: &str) -> Result<()> {
    let errors = browser.console_errors().await?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("console errors on {page}: {errors:#?}"))
    }
}

async fn log_in(browser: &Browser, (email, password): (&str, &str)) -> Result<()> {
    browser.fill("#login-email", email).await?;
    browser.fill("#login-password", password).await?;
    browser.click(".login-submit").await
}

/// The portal links every app by its Dutch name.
pub(crate) async fn check_portal(browser: &Browser) -> Result<()> {
    browser.goto("/").await?;
    for app in APPS {
        let link = browser.find(&format!("a[href=\"/{}/\"]", app.slug)).await?;
        let text = link.text().await.map_err(|e| e.to_string())?;
        assert!(
            text.contains(app.name.text(Lang::Nl)),
            "{} link says {text:?}",
            app.slug
        );
    }
    assert_eq!(browser.find_all(".app-list a").await?.len(), APPS.len());
    assert_no_console_errors(browser, "/").await
}

/// Every app gets ready, shows its name, reaches the API and logs no errors.
pub(crate) async fn check_every_app(browser: &Browser) -> Result<()> {
    for app in APPS {
        let path = format!("/{}/", app.slug);
        browser.goto(&path).await?;
        browser.wait_ready().await?;
        let title = browser.eval("return document.title;").await?;
        assert!(
            title
                .as_str()
                .is_some_and(|t| t.contains(app.name.text(Lang::Nl))),
            "{path}: title {title}"
        );
        // The live API check: the yew apps show it, the game records it on <html>.
        browser
            .wait_until(
                "API check",
                "document.querySelector('[data-health]')?.dataset.health === 'ok'",
            )
            .await?;
        assert_no_console_errors(browser, &path).await?;
    }
    Ok(())
}

#[tokio::test]
async fn portal_lists_all_five_apps() -> Result<()> {
    let (_server, browser) = start(1280, 900).await?;
    check_portal(&browser).await?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn every_app_gets_ready_reaches_the_api_and_logs_no_errors() -> Result<()> {
    let (_server, browser) = start(1280, 900).await?;
    check_every_app(&browser).await?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn staff_log_in_are_refused_a_wrong_password_and_log_out() -> Result<()> {
    let (_server, browser) = start(1280, 900).await?;
    browser.goto("/bibster/beheer").await?;
    browser.wait_ready().await?;

    log_in(&browser, (WETTEREN.0, "dit-is-fout")).await?;
    let error = browser.text(".form-error").await?;
    assert!(error.contains("klopt niet"), "error shown: {error:?}");
    let (status, _) = browser
        .fetch("GET", "/api/session", json!({}), None)
        .await?;
    assert_eq!(status, 204, "no session after a wrong password");

    log_in(&browser, WETTEREN).await?;
    let who = browser.text(".staff-identity").await?;
    assert!(who.contains("An Peeters"), "identity shown: {who:?}");
    let cookie_visible = browser.eval("return document.cookie;").await?;
    assert_eq!(cookie_visible, json!(""), "the session cookie is HttpOnly");
    let (status, body) = browser
        .fetch("GET", "/api/session", json!({}), None)
        .await?;
    assert_eq!(status, 200, "{body}");

    browser.click(".logout").await?;
    browser.find("#login-email").await?;
    let (status, _) = browser
        .fetch("GET", "/api/session", json!({}), None)
        .await?;
    assert_eq!(status, 204, "the session ended on the server");
    assert_no_console_errors_except_refusals(&browser).await?;
    browser.close().await;
    Ok(())
}

/// The refused login (401) is logged by Chromium as a failed resource; anything else
/// is an error (the session checks answer 204 when nobody is logged in).
async fn assert_no_console_errors_except_refusals(browser: &Browser) -> Result<()> {
    let errors: Vec<_> = browser
        .console_errors()
        .await?
        .into_iter()
        .filter(|e| {
            !(e.source == "network" && (e.message.contains("401") || e.message.contains("403")))
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("console errors: {errors:#?}"))
    }
}

#[tokio::test]
async fn library_staff_cannot_reach_another_librarys_admin_api() -> Result<()> {
    let (_server, browser) = start(1280, 900).await?;
    browser.goto("/bieblo/beheer").await?;
    browser.wait_ready().await?;
    log_in(&browser, WETTEREN).await?;
    browser.find(".staff-identity").await?;

    let (own, body) = browser
        .fetch("GET", "/api/orgs/library/demo-wetteren", json!({}), None)
        .await?;
    assert_eq!(own, 200, "{body}");
    let (other, body) = browser
        .fetch("GET", "/api/orgs/library/demo-gent", json!({}), None)
        .await?;
    assert_eq!(other, 403, "{body}");
    assert!(body.contains("\"forbidden\""), "{body}");

    let csrf = browser
        .fetch("GET", "/api/session", json!({}), None)
        .await?
        .1;
    let csrf: serde_json::Value = serde_json::from_str(&csrf).map_err(|e| e.to_string())?;
    let headers = json!({"content-type": "application/json", "x-csrf-token": csrf["csrf_token"]});
    let update = r#"{"name": "Overgenomen", "town": "Gent"}"#;
    let (put, body) = browser
        .fetch("PUT", "/api/orgs/library/demo-gent", headers, Some(update))
        .await?;
    assert_eq!(put, 403, "{body}");

    // Gent's own staff still see their library unchanged.
    let gent = Browser::start(&browser.base, 1280, 900).await?;
    gent.goto("/bieblo/beheer").await?;
    gent.wait_ready().await?;
    log_in(&gent, GENT).await?;
    gent.find(".staff-identity").await?;
    let (status, body) = gent
        .fetch("GET", "/api/orgs/library/demo-gent", json!({}), None)
        .await?;
    assert_eq!(status, 200);
    assert!(body.contains("Bibliotheek Gent (demo)"), "{body}");
    gent.close().await;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn every_page_passes_axe_without_serious_or_critical_violations() -> Result<()> {
    let (_server, browser) = start(1280, 900).await?;
    let mut pages = vec!["/".to_string()];
    pages.extend(APPS.iter().map(|a| format!("/{}/", a.slug)));
    pages.extend(yew_apps().map(|s| format!("/{s}/beheer")));
    let mut failures = Vec::new();
    for page in &pages {
        browser.goto(page).await?;
        if page != "/" {
            browser.wait_ready().await?;
        }
        let violations = browser.axe_serious_violations().await?;
        if !violations.is_empty() {
            failures.push(format!(
                "{page}: {}",
                serde_json::to_string_pretty(&violations).unwrap_or_default()
            ));
        }
    }
    browser.close().await;
    assert!(
        failures.is_empty(),
        "axe violations:\n{}",
        failures.join("\n")
    );
    Ok(())
}
