//! The e-reader's login: a wrong PIN is said at the field, in Dutch.

use e2e::{Browser, Result, TestServer};
use serde_json::json;

use super::page::{CARD, unexpected};

#[tokio::test]
async fn a_wrong_pin_is_said_at_the_field_in_dutch() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 390, 844).await?;
    browser.goto("/e-reader/").await?;
    browser.wait_ready().await?;
    browser.find("#er-card").await?;
    browser
        .wait_until(
            "the API check",
            "document.querySelector('[data-health]')?.dataset.health === 'ok'",
        )
        .await?;
    browser.assert_axe_clean("the login on a phone").await?;
    // Nothing typed: both fields say so, without asking the server.
    browser.click("#er-log-in").await?;
    browser
        .wait_until(
            "the empty fields' errors",
            "document.querySelector('#er-card-error').textContent.includes('bibliotheekpas')
             && document.querySelector('#er-pin-error').textContent.includes('pincode')",
        )
        .await?;
    browser.fill("#er-card", CARD).await?;
    browser.fill("#er-pin", "0000").await?;
    browser.click("#er-log-in").await?;
    browser
        .wait_until(
            "the server's refusal at the card",
            "document.querySelector('#er-card-error').textContent.trim().length > 0
             && !document.querySelector('#er-card-error').textContent.includes('Vul')
             && document.querySelector('#er-pin-error').textContent.trim() === ''",
        )
        .await?;
    assert_eq!(
        browser
            .eval("return document.querySelector('#er-card').getAttribute('aria-invalid');")
            .await?,
        json!("true")
    );
    assert_eq!(
        browser.eval("return document.activeElement.id;").await?,
        json!("er-card"),
        "the focus goes to the field that is wrong"
    );
    browser.assert_axe_clean("the login with an error").await?;
    let errors = unexpected(browser.console_errors().await?);
    assert!(errors.is_empty(), "console errors: {errors:#?}");

    // The staff's page of the app is the suite's staff login.
    browser.goto("/e-reader/beheer").await?;
    browser.wait_ready().await?;
    browser.find("#login-email").await?;
    browser.assert_axe_clean("the staff's page").await?;
    browser.close().await;
    Ok(())
}
