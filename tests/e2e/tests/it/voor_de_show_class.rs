//! Voor de Show with a class link, end to end on the demo data: the demo centre's class
//! code (`KLAS24`) brings the demo company's show, whose title the title screen says
//! (`data-show-title` on `<html>`, `#vds-live`); the grade screen offers the show's
//! grades; the first assignment shows the company's prompt and its picture as an
//! `<img>` over the canvas; "Klaar" takes the picture away and the server counts the
//! class's event. An unknown code says so in Dutch and the class plays the generic game.

use e2e::{Browser, Result, TestServer};
use fantoccini::key::Key;
use static_api::db::vds::MediaRow;
use static_api::demo::vds::{DEMO_CENTRE, DEMO_CODE, DEMO_COMPANY};
use suite_domain::show::api::MediaUse;

/// The picture's upload id (any id an upload could have).
const PICTURE: &str = "e2e-koffer-op-zolder";
const PROMPT: &str = "Wat zit er in de koffer van Kobe?";
const AT: &str = "2026-01-05T09:00:00Z";

/// A PNG of 400 x 300 pixels.
fn picture() -> Result<Vec<u8>> {
    let image = image::RgbaImage::from_pixel(400, 300, image::Rgba([40, 90, 200, 255]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgba8(image)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// Gives the demo show (which has no images) a picture and a prompt for its first
/// assignment, stored as an upload and the company's form would store them.
async fn tune_the_demo_show(server: &TestServer) -> Result<String> {
    let bytes = picture()?;
    let file = format!("{PICTURE}.png");
    let dir = server.state.config.data_dir.join("voor-de-show/media");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join(&file), &bytes).map_err(|e| e.to_string())?;
    let db = &server.state.db;
    let media = MediaRow {
        company: DEMO_COMPANY.into(),
        id: PICTURE.into(),
        media_use: MediaUse::Image,
        content_type: "image/png".into(),
        file,
        bytes: i64::try_from(bytes.len()).map_err(|e| e.to_string())?,
        width: Some(400),
        height: Some(300),
    };
    db.vds_insert_media(&media, AT)
        .await
        .map_err(|e| e.to_string())?;
    let show = db
        .vds_company_shows(DEMO_COMPANY)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .next()
        .ok_or("the demo has no show")?;
    let mut data = show.data;
    data.images = vec![PICTURE.into()];
    let first = data.assignments.entry("stel-je-voor".into()).or_default();
    first.prompt = Some(PROMPT.into());
    first.image = Some(PICTURE.into());
    db.vds_update_show(show.id, &data, AT, "e2e")
        .await
        .map_err(|e| e.to_string())?;
    Ok(data.title)
}

async fn wait_screen(browser: &Browser, screen: &str) -> Result<()> {
    browser
        .wait_until(
            &format!("data-screen={screen}"),
            &format!("document.documentElement.dataset.screen === '{screen}'"),
        )
        .await
}

async fn live(browser: &Browser) -> Result<String> {
    let text = browser
        .eval("return document.getElementById('vds-live')?.textContent ?? '';")
        .await?;
    Ok(text.as_str().unwrap_or_default().to_owned())
}

async fn press_char(browser: &Browser, c: char) -> Result<()> {
    let el = browser.find("#game").await?;
    el.send_keys(&c.to_string())
        .await
        .map_err(|e| format!("type {c} into the game: {e}"))
}

/// How often the server counted `assignment` as done for the demo centre.
async fn counted_done(server: &TestServer, assignment: &str) -> Result<i64> {
    let rows = server
        .state
        .db
        .vds_play_counts(DEMO_CENTRE)
        .await
        .map_err(|e| e.to_string())?;
    Ok(rows
        .iter()
        .filter(|r| r.assignment == assignment && r.kind == "done")
        .map(|r| r.n)
        .sum())
}

#[tokio::test]
async fn a_class_link_plays_the_company_s_show_and_is_counted() -> Result<()> {
    let server = TestServer::start().await?;
    let title = tune_the_demo_show(&server).await?;
    let browser = Browser::start(&server.url(""), 1920, 1080).await?;
    browser
        .goto(&format!("/voor-de-show/?klas={}", DEMO_CODE.to_lowercase()))
        .await?;
    browser.wait_ready().await?;
    browser
        .wait_until(
            "the show's title on <html>",
            &format!(
                "document.documentElement.dataset.show === 'ready' \
                 && document.documentElement.dataset.showTitle === {}",
                serde_json::Value::from(title.clone())
            ),
        )
        .await?;
    browser
        .wait_until(
            "the show in the live region",
            "(document.getElementById('vds-live')?.textContent ?? '').includes('Theater Klein Verhaal (demo)')",
        )
        .await?;
    let said = live(&browser).await?;
    assert!(said.contains(&title), "the title is said: {said}");

    // The show is for 6-8 and 8-10: key 1 is 6-8, key 3 offers nothing.
    browser.press("#game", Key::Enter).await?;
    wait_screen(&browser, "grade").await?;
    press_char(&browser, '3').await?;
    press_char(&browser, '1').await?;
    wait_screen(&browser, "room").await?;
    let progress = browser
        .eval("return localStorage.getItem('voor-de-show.progress');")
        .await?;
    assert!(
        progress.as_str().is_some_and(|p| p.contains("grade 6-8")),
        "the youngest offered grade: {progress}"
    );

    // The first assignment: the company's prompt and picture.
    browser.press("#game", Key::Enter).await?;
    wait_screen(&browser, "assignment").await?;
    browser
        .wait_until(
            "the show's picture over the canvas",
            &format!(
                "(() => {{ const img = document.getElementById('vds-show-image');
                   return img && img.getAttribute('src').endsWith('/api/voor-de-show/media/{PICTURE}')
                     && img.naturalWidth === 400 && img.alt.includes({title:?})
                     && img.getBoundingClientRect().width > 0; }})()"
            ),
        )
        .await?;
    assert_eq!(
        browser
            .eval("return document.documentElement.dataset.assignment;")
            .await?
            .as_str(),
        Some("stel-je-voor")
    );
    let said = live(&browser).await?;
    assert!(said.contains(PROMPT), "the company's prompt: {said}");

    // "Klaar": the picture goes, the server counts the class's event.
    assert_eq!(counted_done(&server, "stel-je-voor").await?, 0);
    browser.press("#game", Key::Enter).await?;
    wait_screen(&browser, "room").await?;
    browser
        .wait_until(
            "the picture gone",
            "!document.getElementById('vds-show-image')",
        )
        .await?;
    let mut counted = 0;
    for _ in 0..100 {
        counted = counted_done(&server, "stel-je-voor").await?;
        if counted > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(counted, 1, "the server counted the class's event");
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn an_unknown_class_code_says_so_and_the_class_still_plays() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1920, 1080).await?;
    browser.goto("/voor-de-show/?klas=ZZZZ99").await?;
    browser.wait_ready().await?;
    browser
        .wait_until(
            "the unknown code on <html>",
            "document.documentElement.dataset.show === 'unknown' \
             && !document.documentElement.dataset.showTitle",
        )
        .await?;
    browser
        .wait_until(
            "the Dutch message in the live region",
            "(document.getElementById('vds-live')?.textContent ?? '').includes('Deze klascode kennen we niet')",
        )
        .await?;
    // The generic game, with all three grades: key 3 is 10-12.
    browser.press("#game", Key::Enter).await?;
    wait_screen(&browser, "grade").await?;
    press_char(&browser, '3').await?;
    wait_screen(&browser, "room").await?;
    browser.press("#game", Key::Enter).await?;
    wait_screen(&browser, "assignment").await?;
    let picture = browser
        .eval("return !!document.getElementById('vds-show-image');")
        .await?;
    assert_eq!(picture.as_bool(), Some(false), "no show, no picture");
    browser.close().await;
    Ok(())
}
