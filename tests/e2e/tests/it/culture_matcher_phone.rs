//! Culture Matcher on a phone (390x844): the chrome is one compact bar, the swipe card
//! with its picture starts near the top and heart and cross sit in the lower part of
//! the screen without scrolling; language and contrast are behind the bar's menu
//! button, which opens, works and closes by keyboard; the demo shows have pictures.

use e2e::Result;
use fantoccini::key::Key;
use serde_json::{Value, json};

use crate::culture_matcher::{CENTRE, HEIGHT, assert_accessible, start};

#[tokio::test]
async fn on_a_phone_the_card_fills_the_screen_and_the_switches_sit_in_a_menu() -> Result<()> {
    let (_server, browser) = start().await?;
    browser
        .goto(&format!("/culture-matcher/?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    browser.find(".swipe-card .cm-card").await?;
    browser
        .wait_until(
            "the card's picture",
            "[...document.querySelectorAll('.swipe-card img.cm-poster--image')]\
             .some(i => i.complete && i.naturalWidth > 0)",
        )
        .await?;
    let boxes: Value = browser
        .eval(
            "const box = css => { const r = document.querySelector(css).getBoundingClientRect(); \
                                  return [r.top, r.bottom, r.height]; }; \
             return {card: box('.swipe-card'), media: box('.swipe-card .cm-media'), \
                     like: box('.swipe-like'), cross: box('.swipe-dislike'), \
                     header: box('.app-header'), scrolled: window.scrollY, \
                     tools: getComputedStyle(document.querySelector('.app-header__tools')).display};",
        )
        .await?;
    let at = |key: &str, i: usize| boxes[key][i].as_f64().unwrap_or(f64::NAN);
    let height = f64::from(HEIGHT);
    assert!(
        at("header", 2) <= 80.0,
        "the bar is {} px high",
        at("header", 2)
    );
    assert!(
        at("card", 0) <= 0.25 * height,
        "the card starts at {} px",
        at("card", 0)
    );
    assert!(
        at("media", 2) >= 0.35 * height,
        "the picture is only {} px high",
        at("media", 2)
    );
    for button in ["like", "cross"] {
        assert!(
            at(button, 0) >= 0.6 * height && at(button, 1) <= height,
            "{button} at {}..{} px, not in the lower part of the screen",
            at(button, 0),
            at(button, 1)
        );
    }
    assert_eq!(boxes["scrolled"], json!(0));
    assert_eq!(
        boxes["tools"],
        json!("none"),
        "the switches wait in the menu"
    );

    // The menu by keyboard: open, choose English, close with Escape (focus back on the
    // button).
    let expanded =
        "return document.querySelector('.app-header__menu-button').getAttribute('aria-expanded');";
    assert_eq!(browser.eval(expanded).await?, json!("false"));
    browser
        .press(".app-header__menu-button", Key::Enter)
        .await?;
    browser
        .wait_until(
            "the menu open",
            "getComputedStyle(document.querySelector('.app-header__tools')).display !== 'none'",
        )
        .await?;
    assert_eq!(browser.eval(expanded).await?, json!("true"));
    assert_accessible(&browser, "the swipe with the menu open").await?;
    browser
        .press(".lang-switch__option[data-lang=en]", Key::Enter)
        .await?;
    browser
        .wait_until("English", "document.documentElement.lang === 'en'")
        .await?;
    browser
        .press(".lang-switch__option[data-lang=en]", Key::Escape)
        .await?;
    browser
        .wait_until(
            "the menu closed and the focus on its button",
            "getComputedStyle(document.querySelector('.app-header__tools')).display === 'none' \
             && document.activeElement === document.querySelector('.app-header__menu-button')",
        )
        .await?;
    browser.close().await;
    Ok(())
}
