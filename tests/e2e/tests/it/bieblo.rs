//! Bieblo end to end at kiosk size (1080x1920): choose an age, swipe with keys and with
//! a pointer drag, get eight books that are on the shelf in this branch, stored covers
//! and drawn ones, idle reset, theme editing, and the back-office scope.

use e2e::{Browser, GENT, Result, TestServer, WETTEREN};
use fantoccini::key::Key;
use serde_json::{Value, json};
use suite_domain::bieblo::{AgeBand, Snapshot};

/// The kiosk of Wetteren's main branch, and its settings.
const KIOSK: &str = "/bieblo/kiosk/demo-wetteren/wetteren-hoofdbibliotheek-demo";
const KIOSK_API: &str = "/api/bieblo/demo-wetteren/kiosks/wetteren-hoofdbibliotheek-demo";
const BRANCH: &str = "Wetteren hoofdbibliotheek (demo)";

async fn start() -> Result<(TestServer, Browser)> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1080, 1920).await?;
    Ok((server, browser))
}

fn snapshot(server: &TestServer) -> Result<Snapshot> {
    let path = server
        .state
        .config
        .public_data_dir()
        .join("bieblo/demo-wetteren.json");
    let bytes = std::fs::read(&path).map_err(|e| format!("read {}: {e}", path.display()))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("snapshot: {e}"))
}

/// Logs in on the back-office page and returns the headers of a state-changing request.
pub(crate) async fn staff_login(
    browser: &Browser,
    (email, password): (&str, &str),
) -> Result<Value> {
    browser.goto("/bieblo/beheer").await?;
    browser.wait_ready().await?;
    browser.fill("#login-email", email).await?;
    browser.fill("#login-password", password).await?;
    browser.click(".login-submit").await?;
    browser.find(".staff-identity").await?;
    // The way to the account, the organisation's staff and its subscriptions.
    browser
        .find(".staff-account-link a[href='/beheer/']")
        .await?;
    let (_, text) = browser
        .fetch("GET", "/api/session", json!({}), None)
        .await?;
    let session: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    Ok(json!({"content-type": "application/json", "x-csrf-token": session["csrf_token"]}))
}

async fn html_lang(browser: &Browser) -> Result<Value> {
    browser.eval("return document.documentElement.lang;").await
}

pub(crate) async fn count(browser: &Browser, css: &str) -> Result<usize> {
    Ok(browser.find_all(css).await?.len())
}

/// Swipes every theme card: the first with a mouse drag to the right, then keys and
/// buttons alternating, until the shelf shows.
async fn swipe_all_themes(browser: &Browser) -> Result<()> {
    browser.find(".swipe-card").await?;
    browser.drag_by(".swipe-card", 400.0, 0.0).await?;
    browser.deck_settled().await?;
    for i in 0..20 {
        if count(browser, ".shelf-book").await? > 0 || count(browser, ".swipe-card").await? == 0 {
            break;
        }
        match i % 3 {
            0 => browser.decide(Key::Right).await?,
            1 => browser.decide(Key::Left).await?,
            _ => {
                browser.click(".swipe-like").await?;
                browser.deck_settled().await?;
            }
        }
    }
    Ok(())
}

#[tokio::test]
async fn a_child_gets_eight_books_on_the_shelf_here_by_keys_and_drag() -> Result<()> {
    let (server, browser) = start().await?;
    browser.goto(KIOSK).await?;
    browser.wait_ready().await?;
    browser.click(".kiosk-start").await?;
    browser.click(".age-8-9").await?;
    swipe_all_themes(&browser).await?;
    browser
        .wait_until(
            "the shelf",
            "document.querySelectorAll('.shelf-book').length === 8",
        )
        .await?;

    let snapshot = snapshot(&server)?;
    let band = AgeBand::EightNine.range();
    let mut first_ids = Vec::new();
    for el in browser.find_all(".shelf-book").await? {
        let id = el
            .attr("data-book-id")
            .await
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        let book = snapshot
            .books
            .iter()
            .find(|b| b.id == id)
            .ok_or(format!("{id} not in the snapshot"))?;
        assert!(
            book.copies
                .iter()
                .any(|c| c.available && c.branch == BRANCH),
            "{id} is not on the shelf here"
        );
        assert!(book.ages.overlaps(band), "{id} does not fit 8-9");
        let where_text = el
            .find(fantoccini::Locator::Css(".shelf-where"))
            .await
            .map_err(|e| e.to_string())?
            .text()
            .await
            .map_err(|e| e.to_string())?;
        let available_here: Vec<_> = book
            .copies
            .iter()
            .filter(|c| c.available && c.branch == BRANCH)
            .map(|c| c.where_to_find())
            .collect();
        assert!(
            available_here
                .iter()
                .any(|w| where_text.contains(w.as_str())),
            "{id}: {where_text:?} not in {available_here:?}"
        );
        first_ids.push(id);
    }

    browser.click(".more-tips").await?;
    browser
        .wait_until(
            "other tips",
            &format!(
                "!document.querySelector('.shelf-book[data-book-id=\"{}\"]')",
                first_ids[0]
            ),
        )
        .await?;
    for el in browser.find_all(".shelf-book").await? {
        let id = el
            .attr("data-book-id")
            .await
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        assert!(!first_ids.contains(&id), "{id} shown again");
    }

    browser.click(".take-list").await?;
    let url = browser.text(".take-list-url").await?;
    assert!(
        url.contains("/bieblo/lijst?") && url.contains("demo-wetteren"),
        "{url}"
    );
    browser.find(".take-list-qr svg").await?;
    let stored = browser.eval("return Object.keys(localStorage).filter(k => !k.startsWith('suite.') && !k.includes('snapshot') && !k.includes('settings'));").await?;
    assert_eq!(stored, json!([]), "nothing about the child is stored");
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn the_kiosk_returns_to_start_when_left_alone() -> Result<()> {
    let (_server, browser) = start().await?;
    // Staff set the shortest idle time first.
    let headers = staff_login(&browser, WETTEREN).await?;
    let body = json!({"idle_seconds": 15, "active": true}).to_string();
    let (status, text) = browser
        .fetch("PUT", KIOSK_API, headers, Some(&body))
        .await?;
    assert_eq!(status, 200, "{text}");

    // "Open kiosk" in the back-office opens the kiosk, not the back-office again.
    browser.goto("/bieblo/beheer/").await?;
    browser.wait_ready().await?;
    browser.click("a.kiosk-open").await?;
    browser
        .wait_until(
            "the kiosk opened",
            &format!("location.pathname === '{KIOSK}' && !!document.querySelector('.kiosk-start')"),
        )
        .await?;
    // The library's address from before a kiosk per branch opens its one kiosk that is on.
    browser.goto("/bieblo/kiosk/demo-wetteren").await?;
    browser
        .wait_until(
            "the old address opened the kiosk",
            &format!("location.pathname === '{KIOSK}' && !!document.querySelector('.kiosk-start')"),
        )
        .await?;

    // A device that speaks English (here: the language remembered in this browser):
    // the kiosk still starts in its own language, Dutch.
    browser
        .eval("localStorage.setItem('suite.lang', 'en'); return true;")
        .await?;
    browser.goto(KIOSK).await?;
    browser.wait_ready().await?;
    assert_eq!(html_lang(&browser).await?, json!("nl-BE"));
    browser.click(".kiosk-start").await?;
    browser.find(".age-6-7").await?;
    // The age buttons are named by what they show (axe: label-content-name-mismatch).
    let violations = browser.axe_serious_violations().await?;
    assert!(
        violations.is_empty(),
        "axe on the age screen: {violations:#?}"
    );
    let named = browser
        .eval("return document.querySelector('.age-6-7').textContent.replace(/\\s+/g, ' ').trim();")
        .await?;
    assert_eq!(named, json!("6-7 jaar"));
    // A child switches to English; the next child will start in Dutch again.
    browser.click(".lang-switch__option[data-lang=en]").await?;
    browser
        .wait_until(
            "the visit in English",
            "document.querySelector('.age-6-7').textContent.replace(/\\s+/g, ' ').trim() === '6-7 years'",
        )
        .await?;
    browser.click(".age-6-7").await?;
    browser.find(".swipe-card").await?;
    browser
        .wait_until(
            "the idle countdown",
            "!!document.querySelector('.idle-countdown')",
        )
        .await?;
    browser
        .wait_until(
            "back at the start",
            "!!document.querySelector('.kiosk-start') && !document.querySelector('.swipe-card')",
        )
        .await?;
    assert_eq!(count(&browser, ".shelf-book").await?, 0);
    assert_eq!(
        html_lang(&browser).await?,
        json!("nl-BE"),
        "the idle reset returns to the kiosk's language"
    );
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn staff_of_another_library_cannot_change_this_kiosk() -> Result<()> {
    let (_server, browser) = start().await?;
    let headers = staff_login(&browser, GENT).await?;
    let body = json!({"idle_seconds": 15, "active": false}).to_string();
    let (status, _) = browser
        .fetch("PUT", KIOSK_API, headers.clone(), Some(&body))
        .await?;
    assert_eq!(status, 403);
    let (status, _) = browser
        .fetch("GET", "/api/bieblo/demo-wetteren/stats", json!({}), None)
        .await?;
    assert_eq!(status, 403);
    let (_, kiosk) = browser.fetch("GET", KIOSK_API, json!({}), None).await?;
    assert!(
        kiosk.contains(BRANCH) && kiosk.contains("\"active\":true"),
        "unchanged: {kiosk}"
    );
    let (status, _) = browser
        .fetch(
            "PUT",
            "/api/bieblo/demo-gent/kiosks/gent-de-krook-demo",
            headers,
            Some(&body),
        )
        .await?;
    assert_eq!(status, 200, "their own kiosk they can change");
    browser.close().await;
    Ok(())
}

/// A real 1x1 PNG (one orange pixel), whole and with right checksums.
const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xf8, 0xdf, 0xc0, 0xf0,
    0x1f, 0x00, 0x06, 0x80, 0x02, 0x7f, 0xcf, 0x12, 0x09, 0xf1, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

#[tokio::test]
async fn staff_rename_a_theme_and_give_it_a_picture_and_the_kiosk_shows_both() -> Result<()> {
    let (_server, browser) = start().await?;
    staff_login(&browser, WETTEREN).await?;
    // "Thema's" is a view of its own.
    browser.click(".bo-views a[data-view=themas]").await?;
    browser.find(".bo-themes").await?;
    // Open humour (first) and sport (fourth).
    browser
        .click("details.bo-theme:nth-of-type(1) summary")
        .await?;
    browser
        .click("details.bo-theme:nth-of-type(4) summary")
        .await?;
    // A wrong edit first: the field says what is wrong and gets the focus.
    browser.fill("#theme-humour-label_en", "").await?;
    browser.click(".themes-save").await?;
    browser
        .wait_until(
            "the error beside the field, with the focus",
            "document.activeElement && document.activeElement.id === 'theme-humour-label_en' \
             && !!document.querySelector('#theme-humour-label_en-error')",
        )
        .await?;
    browser
        .fill("#theme-humour-label_en", "Funny stories")
        .await?;

    browser
        .fill("#theme-sport-label_nl", "Sport en spel")
        .await?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let png = dir.path().join("sport.png");
    std::fs::write(&png, TINY_PNG).map_err(|e| e.to_string())?;
    browser
        .find("#theme-sport-picture")
        .await?
        .send_keys(&png.display().to_string())
        .await
        .map_err(|e| format!("choose the picture: {e}"))?;
    browser
        .wait_until(
            "the uploaded picture in the form",
            "!!document.querySelector('img.bo-theme__picture[src^=\"/data/bieblo/themes/demo-wetteren/sport-\"]')",
        )
        .await?;
    let violations = browser.axe_serious_violations().await?;
    assert!(violations.is_empty(), "axe: {violations:#?}");
    browser.click(".themes-save").await?;
    browser.find(".themes-saved").await?;
    // The back-office logged nothing wrong, not even before the login: the session
    // check answers "nobody" without an error status (reading the log empties it).
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");

    // The kiosk: the fourth card is sport, with its new name and picture.
    browser.goto(KIOSK).await?;
    browser.wait_ready().await?;
    browser.click(".kiosk-start").await?;
    browser.click(".age-8-9").await?;
    browser.find(".swipe-card").await?;
    for _ in 0..3 {
        browser.decide(Key::Right).await?;
    }
    browser
        .wait_until(
            "the renamed sport card",
            "[...document.querySelectorAll('.theme-card__label')].some(e => e.textContent.includes('Sport en spel'))",
        )
        .await?;
    let src = browser
        .eval("return [...document.querySelectorAll('.theme-card__picture')].map(i => i.getAttribute('src'));")
        .await?;
    assert!(
        src.as_array().is_some_and(|s| s.iter().any(|p| p
            .as_str()
            .is_some_and(|p| p.starts_with("/data/bieblo/themes/demo-wetteren/sport-")))),
        "{src}"
    );
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}

/// A cover as the importer stores it: a JPEG 300 px wide.
fn jpeg_cover() -> Result<Vec<u8>> {
    let image = image::RgbImage::from_pixel(300, 400, image::Rgb([30, 110, 60]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(
            &mut std::io::Cursor::new(&mut out),
            image::ImageFormat::Jpeg,
        )
        .map_err(|e| format!("jpeg: {e}"))?;
    Ok(out)
}

#[tokio::test]
async fn stored_covers_show_as_images_and_the_others_are_drawn() -> Result<()> {
    let (server, browser) = start().await?;
    // Every other book gets a stored cover; the rest point at a cover that is not there
    // (as after a cleanup), so the kiosk must fall back to drawing one.
    let public = server.state.config.public_data_dir();
    let covers = public.join("bieblo/covers");
    std::fs::create_dir_all(&covers).map_err(|e| e.to_string())?;
    let jpeg = jpeg_cover()?;
    let mut shot = snapshot(&server)?;
    for (i, book) in shot.books.iter_mut().enumerate() {
        let name = format!("{i:032x}.jpg");
        if i % 2 == 0 {
            std::fs::write(covers.join(&name), &jpeg).map_err(|e| e.to_string())?;
        }
        book.cover = Some(format!("/data/bieblo/covers/{name}"));
    }
    let json = serde_json::to_vec(&shot).map_err(|e| e.to_string())?;
    std::fs::write(public.join("bieblo/demo-wetteren.json"), json).map_err(|e| e.to_string())?;

    browser.goto(KIOSK).await?;
    browser.wait_ready().await?;
    browser.click(".kiosk-start").await?;
    browser.click(".age-8-9").await?;
    swipe_all_themes(&browser).await?;
    browser
        .wait_until(
            "the shelf",
            "document.querySelectorAll('.shelf-book').length === 8",
        )
        .await?;
    browser
        .wait_until(
            "every cover shown or drawn",
            "[...document.querySelectorAll('.shelf-book')].every(b => { \
               const img = b.querySelector('img.cover-image'); \
               return b.querySelector('.cover') || (img && img.complete && img.naturalWidth === 300); })",
        )
        .await?;
    let (mut images, mut drawn) = (0, 0);
    for el in browser.find_all(".shelf-book").await? {
        let id = el
            .attr("data-book-id")
            .await
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        let index = shot
            .books
            .iter()
            .position(|b| b.id == id)
            .ok_or(format!("{id} not in the snapshot"))?;
        let img = el
            .find_all(fantoccini::Locator::Css("img.cover-image"))
            .await
            .map_err(|e| e.to_string())?;
        if index % 2 == 0 {
            let alt = match img.first() {
                Some(img) => img.attr("alt").await.map_err(|e| e.to_string())?,
                None => return Err(format!("{id}: no cover image")),
            };
            assert_eq!(alt.as_deref(), Some(shot.books[index].title.as_str()));
            images += 1;
        } else {
            assert!(img.is_empty(), "{id}: a missing cover is drawn instead");
            drawn += 1;
        }
    }
    assert_eq!(images + drawn, 8);
    browser.close().await;
    Ok(())
}
