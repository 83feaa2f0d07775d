//! Where children are: axe on every kiosk screen (start, age, cards, shelf, take-my-list,
//! idle countdown), upright (1080x1920) and lying (1920x1080), a whole visit in each;
//! and the list from the kiosk's QR code opened on a phone (390x844), with the same
//! books and where each stands on the shelves.

use e2e::{Browser, Result, TestServer, WETTEREN};
use fantoccini::key::Key;
use serde_json::{Value, json};

const KIOSK: &str = "/bieblo/kiosk/demo-wetteren/wetteren-hoofdbibliotheek-demo";
const KIOSK_API: &str = "/api/bieblo/demo-wetteren/kiosks/wetteren-hoofdbibliotheek-demo";

async fn assert_axe_clean(browser: &Browser, screen: &str, size: (u32, u32)) -> Result<()> {
    let violations = browser.axe_serious_violations().await?;
    if violations.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "axe on the {screen} screen at {}x{}: {violations:#?}",
            size.0, size.1
        ))
    }
}

/// The shortest idle time, so the countdown shows within the test.
async fn shortest_idle_time(server: &TestServer) -> Result<()> {
    let browser = Browser::start(&server.url(""), 1280, 900).await?;
    browser.goto("/bieblo/beheer").await?;
    browser.wait_ready().await?;
    browser.fill("#login-email", WETTEREN.0).await?;
    browser.fill("#login-password", WETTEREN.1).await?;
    browser.click(".login-submit").await?;
    browser.find(".staff-identity").await?;
    let (_, text) = browser
        .fetch("GET", "/api/session", json!({}), None)
        .await?;
    let session: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let headers =
        json!({"content-type": "application/json", "x-csrf-token": session["csrf_token"]});
    let body = json!({"idle_seconds": 15, "active": true}).to_string();
    let (status, answer) = browser
        .fetch("PUT", KIOSK_API, headers, Some(&body))
        .await?;
    browser.close().await;
    if status == 200 {
        Ok(())
    } else {
        Err(format!("kiosk settings {status}: {answer}"))
    }
}

/// A whole visit at `size`, axe on each screen; the take-my-list link and the books on
/// the list (id and where it stands) as the kiosk shows them.
async fn visit(server: &TestServer, size: (u32, u32)) -> Result<(String, Vec<Value>)> {
    let browser = Browser::start(&server.url(""), size.0, size.1).await?;
    browser.goto(KIOSK).await?;
    browser.wait_ready().await?;
    assert_axe_clean(&browser, "start", size).await?;
    browser.click(".kiosk-start").await?;
    browser.find(".age-8-9").await?;
    assert_axe_clean(&browser, "age", size).await?;
    browser.click(".age-8-9").await?;
    browser.find(".swipe-card").await?;
    assert_axe_clean(&browser, "theme cards", size).await?;
    for _ in 0..20 {
        if !browser.find_all(".shelf-book").await?.is_empty()
            || browser.find_all(".swipe-card").await?.is_empty()
        {
            break;
        }
        browser.decide(Key::Right).await?;
    }
    browser
        .wait_until(
            "the shelf",
            "document.querySelectorAll('.shelf-book').length === 8",
        )
        .await?;
    assert_axe_clean(&browser, "shelf", size).await?;
    browser.click(".take-list").await?;
    browser.find(".take-list-qr svg").await?;
    assert_axe_clean(&browser, "take-my-list", size).await?;
    let url = browser.text(".take-list-url").await?;
    let books = listed(&browser).await?;
    browser
        .wait_until(
            "the idle countdown",
            "!!document.querySelector('.idle-countdown')",
        )
        .await?;
    assert_axe_clean(&browser, "idle countdown", size).await?;
    let errors = browser.console_errors().await?;
    browser.close().await;
    if !errors.is_empty() {
        return Err(format!(
            "console errors at {}x{}: {errors:#?}",
            size.0, size.1
        ));
    }
    Ok((url, books))
}

/// The books of the list on the page: each one's id and where it stands.
async fn listed(browser: &Browser) -> Result<Vec<Value>> {
    let books = browser
        .eval(
            "return [...document.querySelectorAll('.book-list__item')].map(li => \
             [li.dataset.bookId, li.querySelector('.book-list__where').textContent.trim()]);",
        )
        .await?;
    Ok(books.as_array().cloned().unwrap_or_default())
}

#[tokio::test]
async fn every_kiosk_screen_is_accessible_upright_and_lying_and_the_list_opens_on_a_phone()
-> Result<()> {
    let server = TestServer::start().await?;
    shortest_idle_time(&server).await?;
    let mut lists = Vec::new();
    for size in [(1080, 1920), (1920, 1080)] {
        lists.push(visit(&server, size).await?);
    }
    let (url, books) = lists.swap_remove(0);
    if books.len() != 8 {
        return Err(format!("the list holds {} books: {books:?}", books.len()));
    }
    if books.iter().any(|b| {
        b[1].as_str()
            .is_none_or(|w| w.is_empty() || w.contains("balie"))
    }) {
        return Err(format!("a book without its place on the shelf: {books:?}"));
    }

    // The QR code's link, on a phone.
    let path = url
        .find("/bieblo/lijst?")
        .map(|at| url[at..].to_string())
        .ok_or_else(|| format!("not a list link: {url}"))?;
    let phone = Browser::start(&server.url(""), 390, 844).await?;
    phone.goto(&path).await?;
    phone.wait_ready().await?;
    let on_phone = listed(&phone).await?;
    if on_phone != books {
        return Err(format!("the phone shows {on_phone:?}, the kiosk {books:?}"));
    }
    let heading = phone.text(".list-library").await?;
    if !heading.contains("Wetteren hoofdbibliotheek (demo)") {
        return Err(format!("the list names {heading:?}"));
    }
    let violations = phone.axe_serious_violations().await?;
    if !violations.is_empty() {
        return Err(format!("axe on the phone list: {violations:#?}"));
    }
    phone.close().await;
    Ok(())
}
