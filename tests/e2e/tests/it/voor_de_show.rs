//! Voor de Show end to end at digibord size (1920x1080): the game loads, the canvas
//! draws a real picture, the keyboard walks from the title through the choice of grade
//! into the first place and an assignment, and finishing the place's assignments opens
//! the way to the next place. The game tells its screen on `<html>` (see the game's
//! `ready.rs`): `data-screen`, `data-place`, `data-assignment`; and its sound (the
//! game's `audio/web.rs`): `data-sound` (`locked` until the first touch, `on`, `off`)
//! `data-sound-cues` (cues played through the speakers) and `data-caption` (the
//! sound's subtitle on the board).

use std::collections::HashSet;

use e2e::{Browser, Result, TestServer};
use fantoccini::key::Key;

async fn attribute(browser: &Browser, name: &str) -> Result<Option<String>> {
    let value = browser
        .eval(&format!(
            "return document.documentElement.getAttribute('{name}');"
        ))
        .await?;
    Ok(value.as_str().map(str::to_owned))
}

async fn wait_screen(browser: &Browser, screen: &str) -> Result<()> {
    browser
        .wait_until(
            &format!("data-screen={screen}"),
            &format!("document.documentElement.dataset.screen === '{screen}'"),
        )
        .await
}

async fn press(browser: &Browser, key: Key) -> Result<()> {
    browser.press("#game", key).await
}

/// A screenshot of the canvas (PNG); also kept as `voor-de-show-<name>.png` in
/// `VDS_SCREENSHOT_DIR` when that is set, to look at the screens at digibord size.
async fn shot(browser: &Browser, name: &str) -> Result<Vec<u8>> {
    let png = browser
        .find("#game")
        .await?
        .screenshot()
        .await
        .map_err(|e| format!("screenshot of the canvas: {e}"))?;
    if let Ok(dir) = std::env::var("VDS_SCREENSHOT_DIR") {
        let _ = std::fs::write(format!("{dir}/voor-de-show-{name}.png"), &png);
    }
    Ok(png)
}

/// The number of distinct colours in a screenshot of the canvas (coarsely binned).
async fn colours(browser: &Browser) -> Result<usize> {
    let png = shot(browser, "room").await?;
    let image = image::load_from_memory(&png)
        .map_err(|e| format!("screenshot is no image: {e}"))?
        .to_rgb8();
    let bins: HashSet<[u8; 3]> = image
        .pixels()
        .map(|p| [p.0[0] / 32, p.0[1] / 32, p.0[2] / 32])
        .collect();
    Ok(bins.len())
}

#[tokio::test]
async fn a_class_walks_into_the_first_place_plays_it_and_moves_on() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1920, 1080).await?;
    browser.goto("/voor-de-show/").await?;
    browser.wait_ready().await?;
    wait_screen(&browser, "title").await?;
    shot(&browser, "title").await?;
    // The pipelines compiled for the title (the game's `lean_render.rs` marks each):
    // only the UI's and the blit onto the window, each ready before the title was said
    // to be drawn (`vds-title-drawn`, with `data-ready`); not bevy's sprites' (the stage
    // is UI too), tonemapping's (the camera has none) nor its deferred lighting copy's
    // (3D only).
    let marks = browser
        .eval(
            "const at = n => performance.getEntriesByName(n, 'mark').map(m => m.startTime)[0]; \
             const drawn = at('vds-title-drawn'); \
             return performance.getEntriesByType('mark').map(m => m.name) \
               .filter(n => n.startsWith('vds-pipeline ')) \
               .map(n => [n.slice(13), drawn !== undefined && at(n) <= drawn]);",
        )
        .await?;
    let marks: Vec<(String, bool)> =
        serde_json::from_value(marks).map_err(|e| format!("pipeline marks: {e}"))?;
    let pipelines: Vec<&str> = marks.iter().map(|(name, _)| name.as_str()).collect();
    for drawn_with in ["blit pipeline", "ui_pipeline"] {
        assert!(
            marks.contains(&(drawn_with.to_string(), true)),
            "{drawn_with} ready before the title was drawn: {marks:?}"
        );
    }
    for unused in [
        "sprite_pipeline",
        "tonemapping pipeline",
        "copy_deferred_lighting_id_pipeline",
    ] {
        assert!(!pipelines.contains(&unused), "{unused}: {pipelines:?}");
    }
    assert_eq!(
        attribute(&browser, "data-sound").await?.as_deref(),
        Some("locked"),
        "no sound before the page is touched"
    );

    // Title, Enter: the choice of grade (the key unlocks the sound); key 1: the
    // youngest grade, the first place, where the gong rings.
    press(&browser, Key::Enter).await?;
    wait_screen(&browser, "grade").await?;
    shot(&browser, "grade").await?;
    browser
        .wait_until(
            "the sound unlocked by the first key",
            "document.documentElement.dataset.sound === 'on'",
        )
        .await?;
    press_char(&browser, '1').await?;
    wait_screen(&browser, "room").await?;
    browser
        .wait_until(
            "the gong on arriving",
            "Number(document.documentElement.dataset.soundCues) >= 1",
        )
        .await?;
    browser
        .wait_until(
            "the gong's subtitle on the board",
            "document.documentElement.dataset.caption === '[Geluid: gongslag]'",
        )
        .await?;
    let caption_seen = std::time::Instant::now();
    // Set a frame after the caption was drawn. (A picture of the canvas takes seconds
    // in software GL, about as long as the subtitle stays: it may show the board after.)
    shot(&browser, "gong").await?;
    let first = attribute(&browser, "data-place").await?;
    assert_eq!(first.as_deref(), Some("inkom"));
    let live = browser
        .eval("return document.getElementById('vds-live')?.textContent ?? '';")
        .await?;
    assert!(
        live.as_str().is_some_and(|t| t.contains("Mo")),
        "the guide's subtitle is in the live region: {live}"
    );
    let distinct = colours(&browser).await?;
    assert!(distinct >= 8, "the room is drawn, {distinct} colours");
    // The subtitle goes by itself after its 5 s, though nothing else happens: the game
    // rests and wakes once a second to take it away.
    browser
        .wait_until(
            "the gong's subtitle gone from the board",
            "document.documentElement.dataset.caption === undefined",
        )
        .await?;
    // Its 5 s, then at most a second to the next wake; 15 s is the longest any subtitle
    // stays (a clock that lagged, counting a quarter second a wake, took 20 s).
    let stayed = caption_seen.elapsed();
    assert!(
        stayed < std::time::Duration::from_secs(15),
        "the gong's subtitle stayed {stayed:?}"
    );

    // Enter opens the place's open assignment (it has the focus), Enter again is
    // "Klaar"; after the last one the focus is on "Volgende plek".
    for _ in 0..2 {
        press(&browser, Key::Enter).await?;
        wait_screen(&browser, "assignment").await?;
        shot(&browser, "assignment").await?;
        let id = attribute(&browser, "data-assignment").await?;
        assert!(id.is_some_and(|id| !id.is_empty()), "an assignment id");
        press(&browser, Key::Enter).await?;
        wait_screen(&browser, "room").await?;
    }
    press(&browser, Key::Enter).await?;
    browser
        .wait_until(
            "the next place",
            "document.documentElement.dataset.place === 'ticketbalie'",
        )
        .await?;
    let stored = browser
        .eval("return localStorage.getItem('voor-de-show.progress');")
        .await?;
    let stored = stored.as_str().unwrap_or_default().to_owned();
    assert!(
        stored.contains("place ticketbalie"),
        "progress kept: {stored}"
    );

    // The next day, with the sound switched off (what the toolbar's button keeps): the
    // progress is still there, and the gong is only a subtitle.
    browser
        .eval("localStorage.setItem('voor-de-show.sound', 'off'); return null;")
        .await?;
    browser.goto("/voor-de-show/").await?;
    browser.wait_ready().await?;
    press(&browser, Key::Enter).await?;
    wait_screen(&browser, "grade").await?;
    press_char(&browser, '2').await?;
    wait_screen(&browser, "room").await?;
    assert_eq!(
        attribute(&browser, "data-place").await?.as_deref(),
        Some("ticketbalie")
    );
    assert_eq!(
        attribute(&browser, "data-sound").await?.as_deref(),
        Some("off")
    );
    assert_eq!(
        attribute(&browser, "data-sound-cues").await?,
        None,
        "nothing played"
    );
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}

/// Types one character key into the canvas.
async fn press_char(browser: &Browser, c: char) -> Result<()> {
    let el = browser.find("#game").await?;
    el.send_keys(&c.to_string())
        .await
        .map_err(|e| format!("type {c} into the game: {e}"))
}
