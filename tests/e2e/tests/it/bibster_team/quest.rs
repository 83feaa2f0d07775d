//! Bibster's demo Quest on a team's tablet: a locked spot cannot be opened and an open
//! one can, the stairs lead to the upper floor plan and back, a hint costs its points,
//! "put in order" is played with its buttons, a code found by the scan page comes back
//! into its task, and a photo shows the error state
//! while the server has no photo endpoint (404).

use e2e::{Browser, Result};
use serde_json::{Value, json};

use super::{assert_axe_clean, join, start, start_session, wait_prompt};

/// A real 1x1 PNG (one orange pixel), whole and with right checksums.
pub(crate) const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xf8, 0xdf, 0xc0, 0xf0,
    0x1f, 0x00, 0x06, 0x80, 0x02, 0x7f, 0xcf, 0x12, 0x09, 0xf1, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// Opens the Quest's open task whose text has `part`, from the list (and waits for it).
pub(crate) async fn open_task(browser: &Browser, part: &str) -> Result<()> {
    browser.find(".bib-tasks").await?;
    let found = browser
        .eval(&format!(
            "const b = [...document.querySelectorAll('.bib-task-link')].find(b => b.textContent.includes({part})); \
             if (b) {{ b.click(); }} return !!b;",
            part = json!(part)
        ))
        .await?;
    if found != json!(true) {
        return Err(format!("no open task with {part:?}"));
    }
    wait_prompt(browser, part).await
}

#[tokio::test]
async fn a_quest_keeps_locked_spots_shut_and_plays_hints_codes_order_and_photos() -> Result<()> {
    let (_server, browser) = start().await?;
    let session = start_session(&browser, "Speurtocht").await?;
    join(&browser, &session.code, "Team Raket").await?;
    browser.find(".bib-board__picture").await?;
    let locked = browser.find_all(".bib-spot--locked").await?.len();
    assert!(locked >= 2, "the demo quest has locked spots: {locked}");
    // A locked spot is a disabled button: a click opens nothing.
    browser
        .eval("document.querySelector('.bib-spot--locked').click(); return true;")
        .await?;
    assert!(
        browser.find_all(".bib-task").await?.is_empty(),
        "a locked spot opened"
    );
    let waits = browser.text(".bib-task-locked .bib-task-state").await?;
    assert!(
        waits.contains("Doe eerst"),
        "the list says what it waits for: {waits}"
    );
    // The Nijntje spot opens, is answered right, and unlocks the one after it.
    let open_before = browser.find_all(".bib-spot--open").await?.len();
    open_task(&browser, "Wie tekende Nijntje").await?;
    browser.find(".bib-countdown").await?;
    browser.click("#bib-nijntje-0").await?;
    browser.click(".bib-answer button[type=submit]").await?;
    browser.find(".bib-feedback--right").await?;
    browser.click(".bib-next").await?;
    browser.find(".bib-board__picture").await?;
    browser
        .wait_until(
            "the spot after Nijntje opens",
            &format!("document.querySelectorAll('.bib-spot--open').length === {open_before}"),
        )
        .await?;
    assert_eq!(browser.find_all(".bib-spot--done").await?.len(), 1);

    // The stairs take the team to the upper floor plan and back, the focus on the plan's
    // name; the list names the task that is on the other plan.
    let list = browser.text(".bib-tasks").await?;
    assert!(list.contains("(op plattegrond 2)"), "{list}");
    assert_eq!(
        browser.text("#bib-plan-heading").await?,
        "Plattegrond 1 van 2"
    );
    browser.click(".bib-door").await?;
    browser
        .wait_until(
            "the upper floor shows, its name focused",
            "document.querySelector('#bib-plan-heading')?.textContent === 'Plattegrond 2 van 2' \
             && document.activeElement?.id === 'bib-plan-heading'",
        )
        .await?;
    assert_eq!(
        browser.find_all(".bib-spot").await?.len(),
        1,
        "one task upstairs"
    );
    let door = browser
        .eval("return document.querySelector('.bib-door').getAttribute('aria-label');")
        .await?;
    assert_eq!(door, json!("Trap: Ga naar plattegrond 1"));
    assert_axe_clean(&browser, "the upper floor plan").await?;
    browser.click(".bib-door").await?;
    browser
        .wait_until(
            "back on the ground floor",
            "document.querySelector('#bib-plan-heading')?.textContent === 'Plattegrond 1 van 2'",
        )
        .await?;

    // The scan page: without a camera (headless) it says to type the code; a code it
    // finds comes back through the device's storage into the task.
    browser.goto("/bibster/scan/").await?;
    browser.wait_ready().await?;
    browser.find(".bib-scan .error-state").await?;
    assert_axe_clean(&browser, "the scan page").await?;
    browser
        .eval("localStorage.setItem('bibster.scanned', 'strip 7'); return true;")
        .await?;
    browser.click(".bib-scan a[href='../']").await?;
    browser.wait_ready().await?;

    // The strips: a hint (its cost asked first), then the code as scanned.
    open_task(&browser, "strips").await?;
    browser.click(".bib-hint").await?;
    browser.click("#bib-hint-yes").await?;
    browser
        .wait_until(
            "the hint",
            "document.querySelector('.bib-hint__text')?.textContent.includes('letter S')",
        )
        .await?;
    assert_eq!(
        browser
            .eval("return document.querySelector('#bib-typed').value;")
            .await?,
        json!("strip 7"),
        "the scanned code is filled in"
    );
    browser.click(".bib-answer button[type=submit]").await?;
    browser.find(".bib-feedback--right").await?;
    assert_eq!(
        browser.text(".bib-feedback__points strong").await?,
        "7",
        "10 less the hint's 3"
    );
    browser.click(".bib-next").await?;

    // Put in order with the buttons only.
    open_task(&browser, "klein naar groot").await?;
    let rank = |item: &str| {
        ["prentenboek", "leesboek", "roman"]
            .iter()
            .position(|r| *r == item)
    };
    for _ in 0..3 {
        for i in 0..2 {
            let items = browser
                .eval("return [...document.querySelectorAll('.bib-order__text')].map(e => e.textContent);")
                .await?;
            let items: Vec<&str> = items
                .as_array()
                .ok_or("items")?
                .iter()
                .filter_map(Value::as_str)
                .collect();
            if rank(items[i]) > rank(items[i + 1]) {
                browser.click(&format!("#bib-order-{i}-down")).await?;
            }
        }
    }
    browser.click(".bib-answer button[type=submit]").await?;
    browser.find(".bib-feedback--right").await?;
    browser.click(".bib-next").await?;

    // The photo, now unlocked: until the server takes photos (404), the error state.
    open_task(&browser, "Maak een foto").await?;
    let token = browser
        .eval("return JSON.parse(localStorage.getItem('bibster.team')).token;")
        .await?;
    let (photos, _) = browser
        .fetch(
            "POST",
            "/api/bibster/play/photos/foto",
            json!({"content-type": "image/png", "x-team-token": token}),
            Some(""),
        )
        .await?;
    let _ = browser.console_errors().await?;
    let file = tempfile::Builder::new()
        .suffix(".png")
        .tempfile()
        .map_err(|e| e.to_string())?;
    std::fs::write(file.path(), TINY_PNG).map_err(|e| e.to_string())?;
    let input = browser.find("#bib-photo").await?;
    input
        .send_keys(&file.path().to_string_lossy())
        .await
        .map_err(|e| format!("choose the photo: {e}"))?;
    if photos == 404 {
        browser.find(".bib-photo .error-state").await?;
        browser.find(".bib-photo .error-state__retry").await?;
        let refused = browser.console_errors().await?;
        assert!(
            refused
                .iter()
                .all(|e| e.message.contains("/api/bibster/play/photos/foto")),
            "console errors: {refused:#?}"
        );
    } else {
        browser.find(".bib-feedback--review").await?;
    }
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}
