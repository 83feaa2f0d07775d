//! The service's back-office (`/beheer/`) end to end: the admin adds a library and
//! invites its first staff member; the invitation link sets a password (an easy one is
//! refused beside the field); that manager asks for Bieblo; the admin switches it on;
//! the public availability says so; paused for another library, its kiosk says Bieblo
//! is not active there, and paused for a centre, Culture Matcher says so too. The
//! figures show as charts. Axe-clean at each step.

use e2e::{Browser, LogEntry, Result, TestServer};
use serde_json::json;

const ADMIN: (&str, &str) = ("admin@demo.invalid", "demo-admin-2026");
pub(crate) const GOOD_PASSWORD: &str = "paars-kanon-wolk-zeven";

pub(crate) async fn log_in(browser: &Browser, account: (&str, &str)) -> Result<()> {
    browser.staff_log_in("/beheer/", account).await
}

pub(crate) async fn log_out(browser: &Browser) -> Result<()> {
    browser.click("button.logout").await?;
    browser.find("#login-email").await?;
    Ok(())
}

pub(crate) async fn assert_axe_clean(browser: &Browser, what: &str) -> Result<()> {
    browser.assert_axe_clean(what).await
}

/// Console errors other than the refused easy password (422, shown beside its field).
/// The session check before a login answers "nobody" without an error status.
fn unexpected(errors: Vec<LogEntry>) -> Vec<LogEntry> {
    errors
        .into_iter()
        .filter(|e| !e.message.contains("422"))
        .collect()
}

/// The text of the state cell of `app` in the office of the organisation `org`.
pub(crate) fn state_of(org: &str, app: &str) -> String {
    format!(
        "document.querySelector('[data-org-office=\"{org}\"] tr[data-app=\"{app}\"] td[data-state]')?.textContent ?? ''"
    )
}

#[tokio::test]
async fn the_admin_adds_a_library_invites_its_manager_and_switches_bieblo_on() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1280, 900).await?;
    browser.goto("/beheer/").await?;
    browser.wait_ready().await?;
    assert_axe_clean(&browser, "the login").await?;
    // A child's visit at a kiosk, so this month has Bieblo usage to plot.
    let usage = json!({"age": "eight_nine", "swipes": [{"theme": "humour", "liked": true}],
        "tip_themes": ["humour"], "tips": 8});
    let (status, _) = browser
        .fetch(
            "POST",
            "/api/bieblo/demo-gent/kiosks/gent-de-krook-demo/usage",
            json!({"content-type": "application/json"}),
            Some(&usage.to_string()),
        )
        .await?;
    if status != 204 {
        return Err(format!("the kiosk visit answered {status}"));
    }
    log_in(&browser, ADMIN).await?;
    browser.find("#adm-orgs").await?;
    browser.find("#adm-figures").await?;
    // The figures as charts beside their table: the organisations per month (signed up
    // beside active), and one small chart per usage figure.
    browser
        .find("[data-figures=bieblo] .adm-chart svg rect.stats-bar.adm-bar--signed")
        .await?;
    browser
        .find(
            "[data-figures=bieblo] .adm-usage-chart[data-metric=tips] svg[role=img] rect.stats-bar",
        )
        .await?;
    if !browser.find_all(".staff-account-link").await?.is_empty() {
        return Err("the back-office links to itself".into());
    }

    // A new library.
    browser.fill("#adm-org-id", "aalst").await?;
    browser.fill("#adm-org-name", "Bibliotheek Aalst").await?;
    browser.fill("#adm-org-town", "Aalst").await?;
    browser
        .click("form[aria-labelledby=adm-new-org] button[type=submit]")
        .await?;
    browser.find("tr[data-org=aalst]").await?;
    browser
        .click("tr[data-org=aalst] button[aria-label='Organisatie: Bibliotheek Aalst']")
        .await?;
    browser
        .find("[data-org-office=aalst] tr[data-app=bieblo]")
        .await?;
    browser
        .wait_until(
            "Bieblo not asked for",
            &format!("{} === 'niet aangevraagd'", state_of("aalst", "bieblo")),
        )
        .await?;
    assert_axe_clean(&browser, "an organisation's office").await?;

    // Its first staff member, a manager, by invitation.
    browser
        .fill("#adm-invite-email", "an@aalst.example")
        .await?;
    browser.fill("#adm-invite-name", "An Aalst").await?;
    browser.click("#adm-invite-manager").await?;
    browser
        .click("form[aria-labelledby=adm-invite-title] button[type=submit]")
        .await?;
    let link = browser.text("[data-invitation-link]").await?;
    let path = link
        .split_once("/beheer/uitnodiging#")
        .map(|(_, token)| format!("/beheer/uitnodiging#{token}"))
        .ok_or_else(|| format!("no invitation link: {link}"))?;
    browser.find("tr[data-account='an@aalst.example']").await?;
    log_out(&browser).await?;

    // The link: an easy password is refused beside the field, a good one is set.
    browser.goto(&path).await?;
    browser.wait_ready().await?;
    browser.find("#adm-invite-password").await?;
    assert_axe_clean(&browser, "the invitation page").await?;
    browser.fill("#adm-invite-password", "Welkom123!").await?;
    browser.click("button[type=submit]").await?;
    let refused = browser.text("#adm-invite-password-error").await?;
    if !refused.contains("te makkelijk te raden") {
        return Err(format!("the refusal says: {refused}"));
    }
    browser.fill("#adm-invite-password", GOOD_PASSWORD).await?;
    browser.click("button[type=submit]").await?;
    browser
        .wait_until(
            "the password set",
            "document.body.textContent.includes('Je wachtwoord is ingesteld')",
        )
        .await?;

    // The manager asks for Bieblo.
    log_in(&browser, ("an@aalst.example", GOOD_PASSWORD)).await?;
    browser
        .click("[data-org-office=aalst] button[aria-label='Aanvragen: Bieblo']")
        .await?;
    browser
        .wait_until(
            "Bieblo asked for",
            &format!("{} === 'aangevraagd'", state_of("aalst", "bieblo")),
        )
        .await?;
    browser.find("#adm-audit").await?;
    assert_axe_clean(&browser, "a manager's office").await?;
    log_out(&browser).await?;

    // The admin switches it on; the app's availability says so.
    log_in(&browser, ADMIN).await?;
    browser
        .click("tr[data-org=aalst] button[aria-label='Organisatie: Bibliotheek Aalst']")
        .await?;
    browser
        .click("[data-org-office=aalst] button[aria-label='Aanzetten: Bieblo']")
        .await?;
    browser
        .wait_until(
            "Bieblo on",
            &format!("{} === 'actief'", state_of("aalst", "bieblo")),
        )
        .await?;
    let (status, body) = browser
        .fetch("GET", "/api/apps/bieblo/library/aalst", json!({}), None)
        .await?;
    let availability: serde_json::Value = serde_json::from_str(&body).map_err(|e| e.to_string())?;
    if status != 200 || availability["active"] != true {
        // Seen once (session 13) and not since: say whether a second later the answer
        // changed (a read result kept too long) and what the subscriptions say, so the
        // next failure names its cause. The test fails either way.
        tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
        let later = browser
            .fetch("GET", "/api/apps/bieblo/library/aalst", json!({}), None)
            .await?;
        let subscriptions = browser
            .fetch(
                "GET",
                "/api/orgs/library/aalst/subscriptions",
                json!({}),
                None,
            )
            .await?;
        return Err(format!(
            "availability {status}: {body}; 1.1 s later {later:?}; subscriptions {subscriptions:?}"
        ));
    }
    // Paused for Gent: its kiosk says Bieblo is not active here.
    browser
        .click("tr[data-org=demo-gent] button[aria-label='Organisatie: Bibliotheek Gent (demo)']")
        .await?;
    browser
        .click("[data-org-office=demo-gent] button[aria-label='Pauzeren: Bieblo']")
        .await?;
    browser
        .wait_until(
            "Bieblo paused",
            &format!("{} === 'gepauzeerd'", state_of("demo-gent", "bieblo")),
        )
        .await?;
    browser
        .goto("/bieblo/kiosk/demo-gent/gent-de-krook-demo")
        .await?;
    browser.wait_ready().await?;
    let said = browser.text(".kiosk-not-active h1").await?;
    if said != "Bieblo is hier (nog) niet actief." {
        return Err(format!("the paused kiosk says: {said}"));
    }
    assert_axe_clean(&browser, "a kiosk where Bieblo is not active").await?;

    // Paused for Nova: Culture Matcher says it is not active there.
    browser.goto("/beheer/").await?;
    browser.wait_ready().await?;
    browser
        .click(
            "tr[data-org=demo-nova] button[aria-label='Organisatie: Cultuurcentrum Nova (demo)']",
        )
        .await?;
    browser
        .click("[data-org-office=demo-nova] button[aria-label='Pauzeren: Cultuurmatcher']")
        .await?;
    browser
        .wait_until(
            "Culture Matcher paused",
            &format!(
                "{} === 'gepauzeerd'",
                state_of("demo-nova", "culture-matcher")
            ),
        )
        .await?;
    browser.goto("/culture-matcher/?centrum=demo-nova").await?;
    browser.wait_ready().await?;
    let said = browser.text(".cm-not-active h2").await?;
    if said != "De Cultuurmatcher is hier (nog) niet actief." {
        return Err(format!("the paused centre says: {said}"));
    }
    if !browser.find_all(".swipe-card").await?.is_empty() {
        return Err("the swipe shows where Culture Matcher is not active".into());
    }
    assert_axe_clean(&browser, "Culture Matcher where it is not active").await?;
    let errors = unexpected(browser.console_errors().await?);
    browser.close().await;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("console errors: {errors:?}"))
    }
}
