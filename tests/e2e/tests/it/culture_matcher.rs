//! Culture Matcher end to end at phone size (390x844) on the demo programme of
//! `demo-nova`: swipe five trailers, skip the "about you" step and get three tips with
//! ticket links (and `culture_matcher_about.rs`: what is said there); filter the
//! programme by budget and period and see only matching shows; share without Web Share
//! (the copy-link fallback) and open the copied link; the after-show chat stores an
//! answer that the centre's insight shows. Every page passes axe and logs no errors.

use e2e::{Browser, Result, TestServer};
use fantoccini::key::Key;
use serde_json::{Value, json};
use suite_domain::culture::filter::Filter;
use suite_domain::culture::programme::Programme;
use suite_domain::culture::recommend::DEFAULT_AGE;

pub(crate) const CENTRE: &str = "demo-nova";
const NOVA: (&str, &str) = ("cc.nova@demo.invalid", "demo-nova-2026");
const WIDTH: u32 = 390;
pub(crate) const HEIGHT: u32 = 844;

pub(crate) async fn start() -> Result<(TestServer, Browser)> {
    let server = TestServer::start().await?;
    let browser = phone(&server).await?;
    Ok((server, browser))
}

/// A browser with a phone's viewport: headless Chromium's window cannot be narrower than
/// 500 pixels, so the page gets the phone's size through device emulation (not in
/// `mobile` mode: chromedriver then clicks beside elements it had to scroll to).
pub(crate) async fn phone(server: &TestServer) -> Result<Browser> {
    let browser = Browser::start(&server.url(""), WIDTH, HEIGHT).await?;
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 2, "mobile": false}),
        )
        .await?;
    Ok(browser)
}

/// The programme the app reads, as published.
pub(crate) fn programme(server: &TestServer) -> Result<Programme> {
    let path = server
        .state
        .config
        .public_data_dir()
        .join(format!("culture-matcher/{CENTRE}.json"));
    let bytes = std::fs::read(&path).map_err(|e| format!("read {}: {e}", path.display()))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("programme: {e}"))
}

pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Fails with the violations when axe finds serious or critical ones.
pub(crate) async fn assert_accessible(browser: &Browser, page: &str) -> Result<()> {
    let violations = browser.axe_serious_violations().await?;
    if violations.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "axe on {page}: {}",
            serde_json::to_string_pretty(&violations).unwrap_or_default()
        ))
    }
}

/// Fails when the console holds errors (a refused login's 401 aside).
async fn assert_no_console_errors(browser: &Browser) -> Result<()> {
    let errors: Vec<_> = browser
        .console_errors()
        .await?
        .into_iter()
        .filter(|e| !(e.source == "network" && e.message.contains("401")))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("console errors: {errors:#?}"))
    }
}

/// The `data-show-id` of every element matching `css`, in page order.
pub(crate) async fn show_ids(browser: &Browser, css: &str) -> Result<Vec<String>> {
    let value = browser
        .eval(&format!(
            "return [...document.querySelectorAll({})].map(e => e.dataset.showId);",
            json!(css)
        ))
        .await?;
    Ok(value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(String::from))
        .collect())
}

/// Logs in on the staff page and answers the centre's insight.
async fn insight(browser: &Browser) -> Result<Value> {
    browser.goto("/culture-matcher/beheer").await?;
    browser.wait_ready().await?;
    if browser.find_all(".staff-identity").await?.is_empty() {
        browser.fill("#login-email", NOVA.0).await?;
        browser.fill("#login-password", NOVA.1).await?;
        browser.click(".login-submit").await?;
        browser.find(".staff-identity").await?;
    }
    let (status, body) = browser
        .fetch(
            "GET",
            &format!("/api/culture/{CENTRE}/insight"),
            json!({}),
            None,
        )
        .await?;
    if status != 200 {
        return Err(format!("insight answered {status}: {body}"));
    }
    serde_json::from_str(&body).map_err(|e| format!("insight: {e}"))
}

fn row<'a>(insight: &'a Value, show: &str) -> &'a Value {
    insight
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["show"] == show))
        .unwrap_or(&Value::Null)
}

fn total(insight: &Value, field: &str) -> u64 {
    insight
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r[field].as_u64())
        .sum()
}

#[tokio::test]
async fn five_swipes_give_three_upcoming_tips_with_ticket_links() -> Result<()> {
    let (server, browser) = start().await?;
    let programme = programme(&server)?;
    browser
        .goto(&format!("/culture-matcher/?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    browser.find(".swipe-card .cm-card").await?;
    assert_accessible(&browser, "swipe").await?;

    // One card by a mouse drag, then keys and the two big buttons.
    let mut swiped = Vec::new();
    for step in 0..5 {
        let on_top = show_ids(&browser, ".swipe-card .cm-card").await?;
        let id = on_top.first().cloned().ok_or("no card on top")?;
        assert!(!swiped.contains(&id), "{id} shown twice");
        match step {
            // On the text: the trailer's play button keeps its own pointer.
            0 => {
                browser
                    .drag_by(".swipe-card .cm-card__body", 160.0, 0.0)
                    .await?
            }
            1 => browser.press(".swipe-deck", Key::Left).await?,
            2 => browser.press(".swipe-deck", Key::Right).await?,
            3 => browser.click(".swipe-dislike").await?,
            _ => browser.click(".swipe-like").await?,
        }
        swiped.push(id.clone());
        browser
            .wait_until(
                "the next card or the tips",
                &format!("!document.querySelector('.swipe-card .cm-card[data-show-id=\"{id}\"]')"),
            )
            .await?;
    }
    // The first time, the short "about you" step; skipped, the tips are for young people.
    browser.find(".cm-about-skip").await?;
    assert_accessible(&browser, "about you").await?;
    browser.click(".cm-about-skip").await?;
    browser
        .wait_until(
            "three tips",
            "document.querySelectorAll('.cm-tip').length === 3",
        )
        .await?;
    let tips = show_ids(&browser, ".cm-tip").await?;
    let now = now();
    for id in &tips {
        let show = programme
            .show(id)
            .ok_or(format!("{id} not in the programme"))?;
        assert!(
            show.is_upcoming(now),
            "{id} is not upcoming or is cancelled"
        );
        assert!(!swiped.contains(id), "{id} was swiped");
        assert!(
            show.ages.is_none_or(|ages| ages.contains(DEFAULT_AGE)),
            "{id} is for ages {:?}, not for young people",
            show.ages
        );
        let link = browser
            .eval(&format!(
                "const a = document.querySelector('.cm-tip[data-show-id=\"{id}\"] a.cm-ticket'); \
                 return a && [a.getAttribute('href'), a.target, a.rel];"
            ))
            .await?;
        match &show.booking.url {
            Some(url) => assert_eq!(
                link,
                json!([url, "_blank", "noopener noreferrer"]),
                "ticket link of {id}"
            ),
            None => assert_eq!(link, Value::Null, "{id} has no ticket page"),
        }
    }
    let with_tickets = browser.find_all(".cm-tip a.cm-ticket").await?.len();
    assert!(with_tickets >= 1, "no tip has a ticket link");
    let because = browser.find_all(".cm-tip__because").await?.len();
    let badges = browser.find_all(".cm-badge").await?.len();
    assert!(because + badges >= 1, "the tips say why");
    assert_accessible(&browser, "tips").await?;

    // A ticket link counts (the navigation itself is stopped: tickets.invalid).
    let ticket_show = browser
        .eval(
            "const a = document.querySelector('.cm-tip a.cm-ticket'); \
             a.addEventListener('click', e => e.preventDefault()); a.click(); \
             return a.closest('.cm-tip').dataset.showId;",
        )
        .await?;
    assert_no_console_errors(&browser).await?;

    // The centre sees the anonymous counts of this visit.
    let counted = insight(&browser).await?;
    assert_eq!(total(&counted, "shown"), 5, "{counted:#}");
    assert_eq!(
        total(&counted, "hearts") + total(&counted, "crosses"),
        5,
        "{counted:#}"
    );
    assert_eq!(total(&counted, "suggested"), 3, "{counted:#}");
    let ticket_show = ticket_show.as_str().unwrap_or_default();
    assert_eq!(row(&counted, ticket_show)["tickets"], 1, "{counted:#}");

    // The next visit's swipe leaves out the two shows crossed just now (kept in this
    // browser).
    let crossed = [swiped[1].clone(), swiped[3].clone()];
    browser
        .goto(&format!("/culture-matcher/?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    browser.find(".swipe-card .cm-card").await?;
    let mut next = Vec::new();
    for _ in 0..5 {
        let on_top = show_ids(&browser, ".swipe-card .cm-card").await?;
        let id = on_top.first().cloned().ok_or("no card on top")?;
        browser.press(".swipe-deck", Key::Right).await?;
        browser
            .wait_until(
                "the next card or the tips",
                &format!("!document.querySelector('.swipe-card .cm-card[data-show-id=\"{id}\"]')"),
            )
            .await?;
        next.push(id);
    }
    assert!(
        next.iter().all(|id| !crossed.contains(id)),
        "crossed {crossed:?} came back in {next:?}"
    );
    // Skipped once, the step is not asked again: the tips come at once.
    browser
        .wait_until(
            "the tips without the step",
            "document.querySelectorAll('.cm-tip').length > 0 && !document.querySelector('.cm-about')",
        )
        .await?;
    browser.close().await;
    Ok(())
}

/// Chooses `value` in the select `css` (as a click would) and waits for the URL to say so.
async fn choose(browser: &Browser, css: &str, value: &str, in_url: &str) -> Result<()> {
    browser
        .click(&format!("{css} option[value=\"{value}\"]"))
        .await?;
    browser
        .wait_until(
            in_url,
            &format!("location.search.includes({})", json!(in_url)),
        )
        .await
}

/// Getting there by bike: the filter keeps the shows at venues with a bike note, and
/// their pages show it.
#[tokio::test]
async fn the_programme_filters_on_getting_there_by_bike() -> Result<()> {
    let (server, browser) = start().await?;
    let programme = programme(&server)?;
    browser
        .goto(&format!("/culture-matcher/programma?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    let offset = browser
        .eval("return -new Date().getTimezoneOffset() * 60;")
        .await?
        .as_i64()
        .unwrap_or(0) as i32;
    let all = show_ids(&browser, ".cm-result").await?;
    browser.click(".cm-filter__toggle").await?;
    browser.click("#cm-f-bike").await?;
    browser
        .wait_until(
            "the filter in the URL",
            "location.search.includes('bike=1')",
        )
        .await?;
    let query = browser.eval("return location.search;").await?;
    let query = query.as_str().unwrap_or_default().to_string();
    let filter = Filter::from_query(&query);
    assert!(filter.bike && !filter.transit, "{query}");
    let expected: Vec<String> = filter
        .apply(&programme, now(), offset)
        .into_iter()
        .map(|s| s.id.clone())
        .collect();
    let shown = show_ids(&browser, ".cm-result").await?;
    assert_eq!(shown, expected, "{query}");
    assert!(
        !shown.is_empty() && shown.len() < all.len(),
        "the bike filter should narrow the demo programme: {} of {}",
        shown.len(),
        all.len()
    );
    // Checked on the data itself: every venue left has a bike note.
    for id in &shown {
        let show = programme.show(id).ok_or(format!("{id} unknown"))?;
        let note = programme
            .venue(&show.venue)
            .and_then(|v| v.bike_note.clone())
            .unwrap_or_default();
        assert!(
            !note.trim().is_empty(),
            "{id} at {} has no bike note",
            show.venue
        );
    }
    assert_accessible(&browser, "the programme filtered on bikes").await?;
    Ok(())
}

#[tokio::test]
async fn the_programme_filters_by_budget_and_period_in_the_url() -> Result<()> {
    let (server, browser) = start().await?;
    let programme = programme(&server)?;
    browser
        .goto(&format!("/culture-matcher/programma?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    let offset = browser
        .eval("return -new Date().getTimezoneOffset() * 60;")
        .await?
        .as_i64()
        .unwrap_or(0) as i32;
    let all = show_ids(&browser, ".cm-result").await?;
    let upcoming: Vec<_> = Filter::default()
        .apply(&programme, now(), offset)
        .into_iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(all, upcoming, "without a filter: every upcoming show");

    browser.click(".cm-filter__toggle").await?;
    assert_accessible(&browser, "programme with the filters open").await?;
    choose(&browser, "#cm-f-max", "1500", "max_cents=1500").await?;
    // The period: from today to three weeks on (date fields are set as a date picker would).
    browser.click("#cm-f-when-dates").await?;
    browser.find("#cm-f-to").await?;
    let to = browser
        .eval(
            "const to = new Date(Date.now() + 21 * 86400000); \
             const day = to.toLocaleDateString('sv-SE'); \
             const field = document.querySelector('#cm-f-to'); field.value = day; \
             field.dispatchEvent(new Event('change', {bubbles: true})); return day;",
        )
        .await?;
    let to = to.as_str().unwrap_or_default().to_string();
    browser
        .wait_until(
            "the period in the URL",
            &format!("location.search.includes('to={to}')"),
        )
        .await?;
    let query = browser.eval("return location.search;").await?;
    let query = query.as_str().unwrap_or_default().to_string();
    let filter = Filter::from_query(&query);
    assert_eq!(filter.max_cents, Some(1500), "{query}");
    assert!(filter.period.is_some(), "{query}");

    let expected: Vec<String> = filter
        .apply(&programme, now(), offset)
        .into_iter()
        .map(|s| s.id.clone())
        .collect();
    let shown = show_ids(&browser, ".cm-result").await?;
    assert_eq!(shown, expected, "{query}");
    assert!(
        !shown.is_empty() && shown.len() < all.len(),
        "the filter should narrow the demo programme: {} of {}",
        shown.len(),
        all.len()
    );
    // Checked on the data itself, not only through the shared filter.
    let end = now() + 22 * 86_400;
    for id in &shown {
        let show = programme.show(id).ok_or(format!("{id} unknown"))?;
        let price = show.price.as_ref().ok_or(format!("{id} has no price"))?;
        assert!(
            price.min_cents() <= 1500,
            "{id} costs {}",
            price.min_cents()
        );
        let start = show
            .calendar
            .next_start(now())
            .ok_or(format!("{id} not upcoming"))?;
        assert!(start < end, "{id} starts after the period");
    }
    let count = browser.text(".cm-count").await?;
    assert!(count.starts_with(&shown.len().to_string()), "{count}");

    // The filter lives in the URL: a reload shows the same list.
    browser
        .goto(&format!("/culture-matcher/programma{query}"))
        .await?;
    browser.wait_ready().await?;
    assert_eq!(show_ids(&browser, ".cm-result").await?, expected);
    assert_eq!(
        browser
            .eval("return document.querySelector('#cm-f-max').value;")
            .await?,
        json!("1500")
    );
    assert_no_console_errors(&browser).await?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn without_web_share_the_copied_link_opens_the_show() -> Result<()> {
    let (server, browser) = start().await?;
    let programme = programme(&server)?;
    browser
        .cdp(
            "Browser.grantPermissions",
            json!({"origin": server.url(""), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}),
        )
        .await?;
    browser
        .goto(&format!("/culture-matcher/programma?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    let first = show_ids(&browser, ".cm-result").await?;
    let id = first.first().cloned().ok_or("an empty programme")?;
    // To the show's own page inside the app.
    browser
        .click(&format!(
            ".cm-result[data-show-id=\"{id}\"] .cm-result__title a"
        ))
        .await?;
    browser
        .find(&format!(".cm-show[data-show-id=\"{id}\"]"))
        .await?;
    let can_share = browser
        .eval("return typeof navigator.share === 'function';")
        .await?;
    assert_eq!(
        can_share,
        json!(false),
        "headless Chromium has no Web Share"
    );

    browser.click(".cm-show .cm-share").await?;
    let link = browser
        .eval("return document.querySelector('.cm-share-panel__url').value;")
        .await?;
    let link = link.as_str().unwrap_or_default().to_string();
    assert!(
        link.starts_with(&server.url("/culture-matcher/voorstelling/"))
            && link.contains("centrum=demo-nova"),
        "{link}"
    );
    browser.click(".cm-copy").await?;
    browser
        .wait_until(
            "the copy to be confirmed",
            "document.querySelector('.cm-share-panel__status').textContent.length > 0",
        )
        .await?;
    let status = browser.text(".cm-share-panel__status").await?;
    assert!(status.contains("gekopieerd"), "{status}");
    let copied = browser
        .eval_async("navigator.clipboard.readText().then(done, e => done('error: ' + e));")
        .await?;
    let copied = copied.as_str().unwrap_or_default().to_string();
    assert!(
        copied.contains(&link) && copied.contains("Ga je mee?"),
        "clipboard: {copied}"
    );
    assert_accessible(&browser, "show page with the share panel").await?;

    // The friend opens the link.
    let friend = phone(&server).await?;
    friend.client.goto(&link).await.map_err(|e| e.to_string())?;
    friend.wait_ready().await?;
    friend
        .find(&format!(".cm-show[data-show-id=\"{id}\"]"))
        .await?;
    let title = friend.text(".cm-show__title").await?;
    let show = programme.show(&id).ok_or("unknown show")?;
    assert_eq!(title, show.title.nl);
    assert_no_console_errors(&friend).await?;
    friend.close().await;
    assert_no_console_errors(&browser).await?;
    let counted = insight(&browser).await?;
    assert_eq!(row(&counted, &id)["shared"], 1, "{counted:#}");
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn the_after_show_chat_stores_an_answer_the_centre_sees() -> Result<()> {
    let (server, browser) = start().await?;
    let programme = programme(&server)?;
    let show = programme
        .shows
        .iter()
        .find(|s| s.is_upcoming(now()))
        .ok_or("no upcoming show")?;
    browser
        .goto(&format!("/culture-matcher/programma?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    // Saved through the app...
    browser
        .click(&format!(
            ".cm-result[data-show-id=\"{}\"] .cm-save",
            show.id
        ))
        .await?;
    browser
        .wait_until(
            "the show saved",
            &format!(
                "(localStorage.getItem('culture.kept.{CENTRE}') || '').includes({})",
                json!(show.id)
            ),
        )
        .await?;
    // ...and the evening has passed: its performance was three hours ago.
    browser
        .eval(&format!(
            "const key = 'culture.kept.{CENTRE}'; const kept = JSON.parse(localStorage.getItem(key)); \
             kept.saved[0].start = Math.floor(Date.now() / 1000) - 3 * 3600; \
             localStorage.setItem(key, JSON.stringify(kept)); return true;"
        ))
        .await?;
    let stored = browser
        .eval("return Object.keys(localStorage).filter(k => !k.startsWith('suite.') && !k.startsWith('culture.'));")
        .await?;
    assert_eq!(stored, json!([]), "only the app's own keys");

    // The start page says a short question about it is waiting.
    browser
        .goto(&format!("/culture-matcher/?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    let waiting = browser.text(".cm-chat-waiting").await?;
    assert!(
        waiting.contains("korte vraag") && waiting.contains(show.title.nl.as_str()),
        "{waiting}"
    );
    assert_accessible(&browser, "the start page with a question waiting").await?;

    // The saved shows are a bundle of their own: the menu link loads it in full.
    browser
        .eval("window.__sameDocument = true; return true;")
        .await?;
    browser.click(".cm-menu__link[href*=\"/bewaard\"]").await?;
    browser
        .wait_until(
            "the saved bundle",
            "!window.__sameDocument && document.readyState === 'complete' \
             && [...document.scripts].some(s => s.src.includes('/culture-matcher/bewaard/'))",
        )
        .await?;
    browser.wait_ready().await?;
    assert_eq!(browser.current_path().await, "/culture-matcher/bewaard");
    browser
        .find(&format!(".cm-chat[data-show-id=\"{}\"]", show.id))
        .await?;
    assert_accessible(&browser, "saved page with the chat").await?;
    browser.click(".cm-rate-4").await?;
    browser.click(".cm-similar-yes").await?;
    browser
        .fill(".cm-words__field", "Heel tof, meer dans graag!")
        .await?;
    browser.click(".cm-chat-send").await?;
    browser
        .wait_until(
            "the thanks",
            "[...document.querySelectorAll('.cm-bubble--bot')].some(b => b.textContent.includes('Bedankt'))",
        )
        .await?;
    assert_accessible(&browser, "the chat's thanks").await?;
    assert_no_console_errors(&browser).await?;

    // Answered chats do not come back.
    browser
        .goto(&format!("/culture-matcher/bewaard?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    browser
        .find(&format!(".cm-saved[data-show-id=\"{}\"]", show.id))
        .await?;
    assert!(browser.find_all(".cm-chat").await?.is_empty());
    // A saved show's title leads back into the main bundle, to the show's page.
    browser
        .click(&format!(
            ".cm-saved[data-show-id=\"{}\"] .cm-saved__title a",
            show.id
        ))
        .await?;
    browser
        .find(&format!(".cm-show[data-show-id=\"{}\"]", show.id))
        .await?;
    assert_eq!(
        browser.current_path().await,
        format!("/culture-matcher/voorstelling/{}", show.id)
    );

    let counted = insight(&browser).await?;
    let answer = row(&counted, &show.id);
    assert_eq!(answer["feedback_count"], 1, "{counted:#}");
    assert_eq!(answer["rating_mean"], 4.0, "{counted:#}");
    assert_eq!(answer["similar_yes"], 1, "{counted:#}");
    assert_eq!(answer["words"], json!(["Heel tof, meer dans graag!"]));
    assert_eq!(answer["saved"], 1, "{counted:#}");
    assert_eq!(
        answer["went"], 1,
        "rating the show says they went: {counted:#}"
    );
    assert_eq!(answer["not_gone"], 0, "{counted:#}");
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn the_start_page_lists_the_centres_and_staff_log_in_apart() -> Result<()> {
    let (_server, browser) = start().await?;
    browser.goto("/culture-matcher/").await?;
    browser.wait_ready().await?;
    let link = browser.find(".cm-centre-link").await?;
    let href = link.attr("href").await.map_err(|e| e.to_string())?;
    assert_eq!(href.as_deref(), Some("/culture-matcher/?centrum=demo-nova"));
    browser
        .wait_until(
            "API check",
            "document.querySelector('[data-health]')?.dataset.health === 'ok'",
        )
        .await?;
    assert_accessible(&browser, "choice of centre").await?;
    link.click().await.map_err(|e| e.to_string())?;
    browser.find(".swipe-card .cm-card").await?;

    // The staff login is a bundle of its own: the public one never carries it.
    browser.goto("/culture-matcher/beheer").await?;
    browser.wait_ready().await?;
    browser.find("#login-email").await?;
    let scripts = browser
        .eval("return [...document.scripts].map(s => s.src).join(' ');")
        .await?;
    assert!(
        scripts
            .as_str()
            .is_some_and(|s| s.contains("/culture-matcher/beheer/")),
        "{scripts}"
    );
    assert_accessible(&browser, "staff login").await?;
    assert_no_console_errors(&browser).await?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_platform_trailer_loads_only_after_a_tap_and_a_file_plays_muted() -> Result<()> {
    let (server, browser) = start().await?;
    browser
        .goto(&format!("/culture-matcher/?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    browser.find(".swipe-card .cm-card").await?;
    // Cross cards until one has a platform trailer (every third demo show has one).
    for _ in 0..5 {
        if !browser
            .find_all(".swipe-card .cm-play-platform")
            .await?
            .is_empty()
        {
            break;
        }
        let id = show_ids(&browser, ".swipe-card .cm-card").await?;
        browser.press(".swipe-deck", Key::Left).await?;
        browser
            .wait_until(
                "the next card",
                &format!(
                    "!document.querySelector('.swipe-card .cm-card[data-show-id=\"{}\"]')",
                    id.first().cloned().unwrap_or_default()
                ),
            )
            .await?;
    }
    browser.find(".swipe-card .cm-play-platform").await?;
    let elsewhere = browser
        .eval(
            "return document.querySelectorAll('iframe').length + performance.getEntriesByType('resource')\
             .filter(e => !e.name.startsWith(location.origin)).length;",
        )
        .await?;
    assert_eq!(elsewhere, json!(0), "nothing from elsewhere before the tap");
    browser.click(".swipe-card .cm-play-platform").await?;
    let player = browser
        .find(".swipe-card iframe.cm-media__frame")
        .await?
        .attr("src")
        .await
        .map_err(|e| e.to_string())?
        .unwrap_or_default();
    assert!(
        player.starts_with("https://www.youtube-nocookie.com/embed/")
            || player.starts_with("https://player.vimeo.com/video/"),
        "{player}"
    );

    // A trailer file on our own server: muted at first, a tap gives sound.
    let mut programme = programme(&server)?;
    let public = server.state.config.public_data_dir();
    std::fs::write(
        public.join("culture-matcher/trailer.webm"),
        b"not really a video",
    )
    .map_err(|e| e.to_string())?;
    for show in &mut programme.shows {
        show.trailer = Some(suite_domain::culture::programme::Trailer::File {
            src: "/data/culture-matcher/trailer.webm".into(),
            mime: "video/webm".into(),
        });
    }
    let json = serde_json::to_vec(&programme).map_err(|e| e.to_string())?;
    std::fs::write(public.join(format!("culture-matcher/{CENTRE}.json")), json)
        .map_err(|e| e.to_string())?;
    browser
        .goto(&format!("/culture-matcher/?centrum={CENTRE}"))
        .await?;
    browser.wait_ready().await?;
    browser.find(".swipe-card video.cm-media__video").await?;
    let muted = browser
        .eval("const v = document.querySelector('.swipe-card video'); return [v.muted, v.playsInline, v.querySelector('source').getAttribute('src')];")
        .await?;
    assert_eq!(
        muted,
        json!([true, true, "/data/culture-matcher/trailer.webm"])
    );
    browser.click(".swipe-card .cm-sound").await?;
    browser
        .wait_until(
            "sound on",
            "!document.querySelector('.swipe-card video').muted && \
             document.querySelector('.swipe-card .cm-sound').getAttribute('aria-pressed') === 'true'",
        )
        .await?;
    assert_accessible(&browser, "swipe card with a video").await?;
    browser.close().await;
    Ok(())
}
