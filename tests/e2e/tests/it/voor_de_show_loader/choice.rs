//! The loading screen's choice of the class's age: while the game loads it says a class
//! link's show and takes the age (a click, or keys 1-3), and the game then opens in the
//! cultuurhuis without its title.

use e2e::game_bench::PATH;
use e2e::{Browser, Result, TestServer};
use serde_json::{Value, json};

use super::{browser_recording, loader_display};

/// Waits until the loading screen offers the choice of age.
async fn choice_offered(browser: &Browser) -> Result<()> {
    browser
        .wait_until(
            "the choice of age on the loading screen",
            "!document.getElementById('vds-loader-choice').hidden",
        )
        .await
}

/// What the loading screen's choice shows: the visible buttons' texts, each with its
/// key, and which is pressed.
async fn grade_buttons(browser: &Browser) -> Result<Value> {
    browser
        .eval("return [...document.querySelectorAll('.loader__grade')].filter(b => !b.hidden) \
               .map(b => [b.textContent.replace(/\\s+/g, ' ').trim(), b.getAttribute('aria-pressed')]);")
        .await
}

/// Waits for the game's first screen and checks it is the first place of the cultuurhuis
/// at `grade`, reached without the title, and that the loading screen is gone.
async fn opened_in_the_first_place(browser: &Browser, grade: &str) -> Result<()> {
    browser.wait_ready().await?;
    assert_eq!(
        browser
            .eval(
                "const root = document.documentElement; \
                   return [root.dataset.screen, root.dataset.place, root.dataset.gradeTaken, \
                     root.dataset.grade ?? null, window.__vds.screens.title ?? null];"
            )
            .await?,
        json!(["room", "inkom", grade, null, null]),
        "the first place at once, never the title"
    );
    assert_eq!(loader_display(browser).await?, json!("none"));
    let progress = browser
        .eval("return localStorage.getItem('voor-de-show.progress');")
        .await?;
    assert!(
        progress
            .as_str()
            .is_some_and(|p| p.contains(&format!("grade {grade}"))),
        "the grade is kept for the next day: {progress}"
    );
    Ok(())
}

#[tokio::test]
async fn voor_de_show_loader_takes_the_class_s_age_and_the_game_opens_in_the_cultuurhuis()
-> Result<()> {
    let server = TestServer::start().await?;
    let browser = browser_recording(&server).await?;
    // A class link as a teacher may type it: lower case. The demo show is for 6-8 and 8-10.
    browser.goto("/voor-de-show/?klas=klas24").await?;
    choice_offered(&browser).await?;
    assert_eq!(
        browser.text("#vds-loader-show").await?,
        "De koffer van Kobe (demo), door Theater Klein Verhaal (demo)"
    );
    assert_eq!(
        grade_buttons(&browser).await?,
        json!([["1 6 tot 8 jaar", "false"], ["2 8 tot 10 jaar", "false"]]),
        "only the show's grades"
    );
    browser
        .assert_axe_clean("the loading screen's choice")
        .await?;
    browser.click(".loader__grade[data-grade='8-10']").await?;
    assert_eq!(
        grade_buttons(&browser).await?,
        json!([["1 6 tot 8 jaar", "false"], ["2 8 tot 10 jaar", "true"]])
    );
    assert_eq!(
        browser.text("#vds-loader-chosen").await?,
        "Gekozen: 8 tot 10 jaar. Het spel begint meteen in het cultuurhuis."
    );
    assert_eq!(
        browser
            .eval("return document.documentElement.dataset.ready ?? null;")
            .await?,
        Value::Null,
        "chosen while the game still loads"
    );
    opened_in_the_first_place(&browser, "8-10").await?;
    assert_eq!(
        browser
            .eval("return [document.documentElement.dataset.show, performance.getEntriesByType('resource') \
                   .filter(e => new URL(e.name).pathname.startsWith('/api/voor-de-show/play/')).length];")
            .await?,
        json!(["ready", 1]),
        "the game took the loading screen's answer: the show was asked for once"
    );
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn voor_de_show_loader_takes_the_class_s_age_by_its_key() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = browser_recording(&server).await?;
    browser.goto(PATH).await?;
    choice_offered(&browser).await?;
    // Without a link: all three grades, and no show.
    assert_eq!(
        grade_buttons(&browser).await?,
        json!([
            ["1 6 tot 8 jaar", "false"],
            ["2 8 tot 10 jaar", "false"],
            ["3 10 tot 12 jaar", "false"]
        ])
    );
    assert_eq!(
        browser
            .eval("return document.getElementById('vds-loader-show').hidden;")
            .await?,
        json!(true)
    );
    // Key 3 is the third grade, whichever button has the focus: 10 to 12 years.
    browser
        .find(".loader__grade[data-grade='6-8']")
        .await?
        .send_keys("3")
        .await
        .map_err(|e| format!("key 3: {e}"))?;
    assert_eq!(
        browser
            .eval("return [document.documentElement.dataset.ready ?? null, document.documentElement.dataset.grade ?? document.documentElement.dataset.gradeTaken];")
            .await?,
        json!([null, "10-12"]),
        "chosen while the game still loads"
    );
    opened_in_the_first_place(&browser, "10-12").await?;
    browser.close().await;
    Ok(())
}
