//! Culture Matcher's "about you" step from the young person's side (phone size, the demo
//! programme of `demo-nova`): with a home town and a farthest distance no show beyond it
//! is suggested, and the answers stay in the browser for the next swipe; without
//! answers, a show whose age range leaves out young people never is, however much the
//! earlier hearts point to its genre.

use e2e::{Browser, Result};
use fantoccini::key::Key;
use serde_json::json;
use suite_domain::culture::programme::{Geo, Programme};
use suite_domain::culture::recommend::DEFAULT_AGE;
use suite_domain::culture::towns;

use crate::culture_matcher::{CENTRE, assert_accessible, now, programme, show_ids, start};

/// Hearts the five cards by the arrow key.
async fn heart_five(browser: &Browser) -> Result<()> {
    browser.find(".swipe-card .cm-card").await?;
    for _ in 0..5 {
        let on_top = show_ids(browser, ".swipe-card .cm-card").await?;
        let id = on_top.first().cloned().ok_or("no card on top")?;
        browser.press(".swipe-deck", Key::Right).await?;
        browser
            .wait_until(
                "the next card or the next step",
                &format!("!document.querySelector('.swipe-card .cm-card[data-show-id=\"{id}\"]')"),
            )
            .await?;
    }
    Ok(())
}

/// The tips once they are there (at least one).
async fn tips(browser: &Browser) -> Result<Vec<String>> {
    browser
        .wait_until(
            "the tips",
            "document.querySelectorAll('.cm-tip').length > 0",
        )
        .await?;
    show_ids(browser, ".cm-tip").await
}

/// How far `show`'s venue lies from `home`, in km.
fn km_from(programme: &Programme, home: Geo, show: &str) -> Option<f64> {
    let show = programme.show(show)?;
    let venue = programme.venue(&show.venue)?;
    towns::venue_geo(venue).map(|geo| home.km_to(geo))
}

/// Chooses `value` in the select `id` as a click would.
async fn choose(browser: &Browser, id: &str, value: &str) -> Result<()> {
    browser
        .click(&format!("#{id} option[value=\"{value}\"]"))
        .await?;
    browser
        .wait_until(
            &format!("{id} = {value}"),
            &format!(
                "document.getElementById({}).value === {}",
                json!(id),
                json!(value)
            ),
        )
        .await
}

#[tokio::test]
async fn with_a_40_km_limit_no_far_show_is_suggested_and_the_answers_stay() -> Result<()> {
    let (server, browser) = start().await?;
    let programme = programme(&server)?;
    let brugge = towns::find("Brugge")
        .ok_or("Brugge is not in the towns")?
        .geo;
    // From Brugge only the film hall in Gent lies within 40 km: the hearted cards (theatre,
    // concerts, ... in Wetteren and beyond) would otherwise lead the tips far away.
    let now = now();
    let upcoming = |near: bool| {
        programme
            .shows
            .iter()
            .filter(|s| s.is_upcoming(now))
            .filter(|s| km_from(&programme, brugge, &s.id).is_some_and(|km| (km <= 40.0) == near))
            .count()
    };
    assert!(
        upcoming(true) >= 1 && upcoming(false) >= 10,
        "the demo programme no longer has shows on both sides of 40 km from Brugge"
    );

    browser
        .goto(&format!("/culture-matcher/?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    heart_five(&browser).await?;
    browser.find(".cm-about").await?;
    let km_disabled = browser
        .eval("return document.getElementById('cm-about-km').disabled;")
        .await?;
    assert_eq!(km_disabled, json!(true), "a distance needs a town first");
    choose(&browser, "cm-about-town", "Brugge").await?;
    choose(&browser, "cm-about-km", "40").await?;
    assert_accessible(&browser, "about you, filled in").await?;
    browser.click(".cm-about-done").await?;
    let first = tips(&browser).await?;
    for id in &first {
        let km = km_from(&programme, brugge, id).ok_or(format!("{id} has no place"))?;
        assert!(km <= 40.0, "{id} is suggested {km:.0} km from Brugge");
    }

    // The next visit keeps the answers: no step, the same limit, and the step opens again
    // from the tips with what was said.
    browser
        .goto(&format!("/culture-matcher/?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    heart_five(&browser).await?;
    let next = tips(&browser).await?;
    assert!(
        browser.find_all(".cm-about").await?.is_empty(),
        "asked twice"
    );
    for id in &next {
        let km = km_from(&programme, brugge, id).ok_or(format!("{id} has no place"))?;
        assert!(km <= 40.0, "next visit: {id} is {km:.0} km from Brugge");
    }
    browser.click(".cm-about-edit").await?;
    browser.find(".cm-about").await?;
    let said = browser
        .eval(
            "return ['cm-about-town', 'cm-about-km', 'cm-about-age']\
             .map(id => document.getElementById(id).value);",
        )
        .await?;
    assert_eq!(said, json!(["Brugge", "40", ""]));
    // Changed and shown again, the tips may now come from anywhere: the step answers.
    choose(&browser, "cm-about-km", "").await?;
    browser.click(".cm-about-done").await?;
    tips(&browser).await?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_show_for_small_children_is_never_suggested_to_young_people() -> Result<()> {
    let (server, browser) = start().await?;
    let programme = programme(&server)?;
    let now = now();
    let for_children: Vec<&str> = programme
        .shows
        .iter()
        .filter(|s| s.is_upcoming(now) && s.ages.is_some_and(|a| !a.contains(DEFAULT_AGE)))
        .map(|s| s.id.as_str())
        .collect();
    assert!(
        for_children.len() >= 3,
        "the demo programme has too few shows for children: {for_children:?}"
    );
    // Earlier hearts (kept in this browser) for every children's show: their genre would
    // lead the tips if age did not count.
    browser
        .goto(&format!("/culture-matcher/?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    browser
        .eval(&format!(
            "localStorage.setItem('culture.kept.{CENTRE}', JSON.stringify({{hearts: {}}})); \
             return true;",
            json!(for_children)
        ))
        .await?;
    for round in 0..3 {
        browser
            .goto(&format!("/culture-matcher/?centrum={CENTRE}"))
            .await?;
        browser.wait_ready().await?;
        heart_five(&browser).await?;
        if round == 0 {
            browser.click(".cm-about-skip").await?;
        }
        for id in tips(&browser).await? {
            let ages = programme.show(&id).and_then(|s| s.ages);
            assert!(
                ages.is_none_or(|a| a.contains(DEFAULT_AGE)),
                "round {round}: {id} (ages {ages:?}) suggested to young people"
            );
        }
    }
    browser.close().await;
    Ok(())
}
