//! Culture Matcher's back-office end to end at desktop size: centre staff make a show
//! that the public app shows at once, take a show out of the swipe, and read the answer
//! of an after-show chat in "Inzicht"; library staff see no centre data.

use std::time::{SystemTime, UNIX_EPOCH};

use e2e::{Browser, LogEntry, Result, TestServer, WETTEREN};
use serde_json::{Value, json};
use suite_domain::culture::brussels::LocalDateTime;
use suite_domain::culture::programme::Programme;

pub(crate) const NOVA: (&str, &str) = ("cc.nova@demo.invalid", "demo-nova-2026");
pub(crate) const BACK_OFFICE: &str = "/culture-matcher/beheer";
const PROGRAMME: &str = "/data/culture-matcher/demo-nova.json";

/// A real 1x1 PNG (one orange pixel), whole and with right checksums.
const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xf8, 0xdf, 0xc0, 0xf0,
    0x1f, 0x00, 0x06, 0x80, 0x02, 0x7f, 0xcf, 0x12, 0x09, 0xf1, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

pub(crate) async fn start() -> Result<(TestServer, Browser)> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1280, 900).await?;
    Ok((server, browser))
}

/// Logs in on the back-office page.
pub(crate) async fn log_in(browser: &Browser, (email, password): (&str, &str)) -> Result<()> {
    browser.goto(BACK_OFFICE).await?;
    browser.wait_ready().await?;
    browser.fill("#login-email", email).await?;
    browser.fill("#login-password", password).await?;
    browser.click(".login-submit").await?;
    browser.find(".staff-identity").await?;
    Ok(())
}

/// Sets a field's value as a date picker or a select does, with its events.
async fn set_value(browser: &Browser, css: &str, value: &str) -> Result<()> {
    browser.find(css).await?;
    browser
        .eval(&format!(
            "const el = document.querySelector({css}); el.value = {value}; \
             el.dispatchEvent(new Event('input', {{bubbles: true}})); \
             el.dispatchEvent(new Event('change', {{bubbles: true}})); return el.value;",
            css = json!(css),
            value = json!(value),
        ))
        .await
        .map(drop)
}

/// The published programme, as the public app reads it.
async fn programme(browser: &Browser) -> Result<Programme> {
    let (status, text) = browser.fetch("GET", PROGRAMME, json!({}), None).await?;
    if status != 200 {
        return Err(format!("{PROGRAMME}: {status}"));
    }
    serde_json::from_str(&text).map_err(|e| format!("programme: {e}"))
}

/// 20:00 Belgian time a week from now, as a date picker gives it.
fn next_week_evening() -> Result<String> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_secs() as i64;
    let day = LocalDateTime::from_unix(now + 7 * 86_400).ok_or("no date next week")?;
    Ok(LocalDateTime {
        hour: 20,
        minute: 0,
        second: 0,
        ..day
    }
    .input_value())
}

/// Console errors (reading the log empties it). The session check before the login
/// answers "nobody" without an error status, so a clean visit logs none.
fn unexpected(errors: Vec<LogEntry>) -> Vec<LogEntry> {
    errors
}

pub(crate) async fn assert_axe_clean(browser: &Browser, what: &str) -> Result<()> {
    browser.assert_axe_clean(what).await
}

#[tokio::test]
async fn centre_staff_make_a_show_the_public_app_shows_and_choose_the_swipe() -> Result<()> {
    let (_server, browser) = start().await?;
    log_in(&browser, NOVA).await?;
    browser.find("tr[data-show-id] .cm-bo-swipe").await?;
    assert_axe_clean(&browser, "the shows table").await?;

    browser.click(".cm-bo-new").await?;
    browser.find("#show-title").await?;
    browser
        .wait_until(
            "the focus on the form's heading",
            "document.activeElement && document.activeElement.id === 'cm-bo-form-title'",
        )
        .await?;
    // Sent empty first: the shared rule says what is wrong, beside the field, with the focus.
    browser.click(".cm-bo-save").await?;
    browser
        .wait_until(
            "the title's message, with the focus",
            "!!document.querySelector('#show-title-error') && !!document.querySelector('#show-date-0-start-error') \
             && document.activeElement && document.activeElement.id === 'show-title'",
        )
        .await?;

    let title = "Nachtegaal op het dak (e2e)";
    browser.fill("#show-title", title).await?;
    browser
        .fill("#show-text", "Een nachtegaal zingt <b>elke</b> avond.")
        .await?;
    set_value(&browser, "#show-genre", "0.54.0.0.0").await?;
    let evening = next_week_evening()?;
    set_value(&browser, "#show-date-0-start", &evening).await?;
    browser.click(".cm-bo-add-date").await?;
    browser.find("#show-date-1-start").await?;
    browser.click(".cm-bo-remove-date").await?;
    browser
        .wait_until(
            "one date left",
            "!document.querySelector('#show-date-1-start') && document.querySelector('#show-date-0-start').value === ''",
        )
        .await?;
    // Removing the first row left the added, empty one: fill it in again.
    set_value(&browser, "#show-date-0-start", &evening).await?;
    let venue = browser
        .eval("return document.querySelector('#show-venue option:nth-child(2)').value;")
        .await?;
    set_value(&browser, "#show-venue", venue.as_str().unwrap_or_default()).await?;
    browser.fill("#show-price", "9,50").await?;
    browser
        .fill("#show-ticket", "https://tickets.example.org/nachtegaal")
        .await?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let png = dir.path().join("nachtegaal.png");
    std::fs::write(&png, TINY_PNG).map_err(|e| e.to_string())?;
    browser
        .find("#show-image")
        .await?
        .send_keys(&png.display().to_string())
        .await
        .map_err(|e| format!("choose the picture: {e}"))?;
    browser
        .find("img.cm-bo-picture[src^=\"/data/culture-matcher/media/demo-nova/\"]")
        .await?;
    browser
        .fill("#show-image-alt", "Een vogel op een dak bij avond")
        .await?;
    browser.click("#show-trailer-mode-link").await?;
    browser
        .fill("#show-trailer-link", "https://youtu.be/dQw4w9WgXcQ")
        .await?;
    assert_axe_clean(&browser, "the show form").await?;
    browser.click(".cm-bo-save").await?;
    browser.find("#cm-bo-shows-notice").await?;
    let id = browser
        .eval(&format!(
            "const row = [...document.querySelectorAll('tr[data-show-id]')].find(r => r.textContent.includes({})); \
             return row ? row.dataset.showId : null;",
            json!(title)
        ))
        .await?
        .as_str()
        .map(str::to_string)
        .ok_or("the new show is not in the table")?;

    // Published at once, in the swipe.
    let published = programme(&browser).await?;
    let show = published
        .show(&id)
        .ok_or(format!("{id} not in the programme"))?;
    assert_eq!(show.title.nl, title);
    assert!(show.in_swipe);
    assert_eq!(
        show.description_html.nl,
        "<p>Een nachtegaal zingt &lt;b&gt;elke&lt;/b&gt; avond.</p>"
    );
    assert_eq!(
        show.calendar.occurrences.first().map(|o| &o.start),
        LocalDateTime::parse(&evening)
            .map(LocalDateTime::to_moment)
            .as_ref()
    );
    let errors = unexpected(browser.console_errors().await?);
    assert!(errors.is_empty(), "console errors: {errors:#?}");

    // The public app: the show's own page and the programme.
    browser
        .goto(&format!(
            "/culture-matcher/voorstelling/{id}?centrum=demo-nova"
        ))
        .await?;
    browser.wait_ready().await?;
    let shown = browser.text(".cm-show__title").await?;
    assert_eq!(shown, title);
    browser
        .goto("/culture-matcher/programma?centrum=demo-nova")
        .await?;
    browser.wait_ready().await?;
    let listed = browser
        .text(&format!(
            ".cm-result[data-show-id=\"{id}\"] .cm-result__title"
        ))
        .await?;
    assert_eq!(listed, title);
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors in the app: {errors:#?}");

    // Back in the back-office: out of the swipe, ticked off in place.
    browser.goto(BACK_OFFICE).await?;
    browser.wait_ready().await?;
    let toggle = format!("tr[data-show-id=\"{id}\"] .cm-bo-swipe");
    browser.find(&toggle).await?;
    browser.click(&toggle).await?;
    browser
        .wait_until(
            "the notice",
            "(document.querySelector('#cm-bo-shows-notice')?.textContent || '').includes('niet meer mee')",
        )
        .await?;
    let checked = browser
        .eval(&format!(
            "return document.querySelector({}).checked;",
            json!(toggle)
        ))
        .await?;
    assert_eq!(checked, json!(false));
    let show = programme(&browser).await?.show(&id).cloned();
    assert!(
        show.is_some_and(|s| !s.in_swipe),
        "out of the swipe in the published programme"
    );

    // Edited: the form opens with the show's own values.
    browser
        .click(&format!("tr[data-show-id=\"{id}\"] .cm-bo-edit"))
        .await?;
    let values = browser
        .eval(
            "return ['#show-title', '#show-date-0-start', '#show-price', '#show-trailer-link', '#show-image-alt']\
             .map(s => document.querySelector(s)?.value);",
        )
        .await?;
    assert_eq!(
        values,
        json!([
            title,
            evening,
            "9,50",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "Een vogel op een dak bij avond"
        ])
    );
    let renamed = "Nachtegaal op het dak, herneming (e2e)";
    browser.fill("#show-title", renamed).await?;
    browser.click(".cm-bo-save").await?;
    browser.find(&format!("tr[data-show-id=\"{id}\"]")).await?;
    let row = browser
        .text(&format!("tr[data-show-id=\"{id}\"] th"))
        .await?;
    assert_eq!(row, renamed);
    let show = programme(&browser).await?.show(&id).cloned();
    assert!(
        show.is_some_and(|s| s.title.nl == renamed && !s.in_swipe),
        "renamed, still out of the swipe"
    );

    // Deleted after the confirmation.
    browser
        .click(&format!("tr[data-show-id=\"{id}\"] .cm-bo-delete"))
        .await?;
    browser
        .client
        .accept_alert()
        .await
        .map_err(|e| format!("confirm the deletion: {e}"))?;
    browser
        .wait_until(
            "the row gone",
            &format!("!document.querySelector('tr[data-show-id=\"{id}\"]')"),
        )
        .await?;
    assert!(
        programme(&browser).await?.show(&id).is_none(),
        "unpublished"
    );
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn an_after_show_answer_shows_up_in_the_centres_insight() -> Result<()> {
    let (_server, browser) = start().await?;
    // The public app's origin, as the chat sends from there.
    browser.goto("/culture-matcher/").await?;
    browser.wait_ready().await?;
    let show = programme(&browser)
        .await?
        .shows
        .first()
        .map(|s| (s.id.clone(), s.title.nl.clone()))
        .ok_or("no show in the demo programme")?;
    let words = "Prachtig decor, ik kom zeker terug!";
    let headers = json!({"content-type": "application/json"});
    for interaction in ["shown", "heart", "saved"] {
        let body = json!({"show": show.0, "interaction": interaction}).to_string();
        let (status, text) = browser
            .fetch(
                "POST",
                "/api/culture/demo-nova/interactions",
                headers.clone(),
                Some(&body),
            )
            .await?;
        assert_eq!(status, 204, "{interaction}: {text}");
    }
    let feedback =
        json!({"show": show.0, "rating": 4, "similar": true, "words": words}).to_string();
    let (status, text) = browser
        .fetch(
            "POST",
            "/api/culture/demo-nova/feedback",
            headers,
            Some(&feedback),
        )
        .await?;
    assert_eq!(status, 204, "{text}");

    log_in(&browser, NOVA).await?;
    // "Inzicht" is a view of its own.
    browser.click(".bo-views a[data-view=inzicht]").await?;
    let row = format!(".cm-bo-insight tr[data-show-id=\"{}\"]", show.0);
    browser.find(&row).await?;
    let cells = browser
        .eval(&format!(
            "return [...document.querySelectorAll({} )].map(c => c.textContent);",
            json!(format!("{row} td"))
        ))
        .await?;
    // Shown, hearts, crosses, suggested, saved, shared, tickets, went, did not go,
    // responses, rating, yes, no.
    assert_eq!(
        cells,
        json!([
            "1", "1", "0", "0", "1", "0", "0", "0", "0", "1", "4,0", "1", "0"
        ])
    );
    let heading = browser.text(&format!("{row} th")).await?;
    assert_eq!(heading, show.1);
    let said = browser
        .text(&format!(".cm-bo-words[data-show-id=\"{}\"]", show.0))
        .await?;
    assert!(said.contains(words), "{said}");
    browser
        .find(".cm-bo-chart svg rect.cm-bo-bar--heart")
        .await?;
    let csv = browser
        .eval("return document.querySelector('.cm-bo-csv').getAttribute('href');")
        .await?;
    let (status, text) = browser
        .fetch("GET", csv.as_str().unwrap_or_default(), json!({}), None)
        .await?;
    assert_eq!(status, 200);
    assert!(text.contains(words), "{text}");
    // Over time: a chart per count, today's heart in the last 31 days.
    browser
        .wait_until(
            "the hearts per day",
            "(document.querySelector('.cm-bo-day-chart[data-count=heart] figcaption')?.textContent || '').includes('(1)')",
        )
        .await?;
    assert_eq!(browser.find_all(".cm-bo-day-chart svg").await?.len(), 9);
    assert_axe_clean(&browser, "the insight").await?;
    // A month long gone has no counts; this season has today's.
    browser
        .eval(
            "document.querySelector('#cm-bo-from').value = '2020-01-01'; \
             document.querySelector('#cm-bo-to').value = '2020-01-31'; return true;",
        )
        .await?;
    browser.click(".cm-bo-period-show").await?;
    // (The show stays listed for its own words, which are kept whatever the period.)
    browser
        .wait_until(
            "January 2020, nothing counted",
            &format!(
                "[...document.querySelectorAll({})].map(c => c.textContent).join(',') === \
                 '0,0,0,0,0,0,0,0,0,0,–,0,0'",
                json!(format!("{row} td"))
            ),
        )
        .await?;
    browser.click(".cm-bo-period-season").await?;
    browser
        .wait_until(
            "this season, today's counts",
            &format!(
                "(document.querySelector({})?.textContent || '') === '1'",
                json!(format!("{row} td"))
            ),
        )
        .await?;

    // The centre removes the answer's words (a name, spam): gone from the insight.
    let delete = format!(
        ".cm-bo-words[data-show-id=\"{}\"] .cm-bo-words-delete",
        show.0
    );
    browser.click(&delete).await?;
    browser
        .wait_until(
            "the words are removed",
            &format!(
                "document.querySelector('.cm-bo-insight') && \
                 ![...document.querySelectorAll('.cm-bo-words')].some(s => s.textContent.includes({}))",
                json!(words)
            ),
        )
        .await?;
    browser
        .wait_until(
            "the notice",
            "(document.querySelector('#cm-bo-words-status')?.textContent || '').includes('verwijderd')",
        )
        .await?;
    let after = insight_json(&browser).await?;
    assert!(!after.to_string().contains(words), "{after}");
    let errors = unexpected(browser.console_errors().await?);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}

/// The insight as the API answers it to the logged-in browser.
async fn insight_json(browser: &Browser) -> Result<Value> {
    let (status, body) = browser
        .fetch("GET", "/api/culture/demo-nova/insight", json!({}), None)
        .await?;
    if status != 200 {
        return Err(format!("insight answered {status}: {body}"));
    }
    serde_json::from_str(&body).map_err(|e| format!("insight: {e}"))
}

#[tokio::test]
async fn library_staff_see_no_centre_data() -> Result<()> {
    let (_server, browser) = start().await?;
    log_in(&browser, WETTEREN).await?;
    let empty = browser.text(".empty-state").await?;
    assert!(empty.contains("cultuurcentra"), "{empty}");
    assert!(
        browser
            .find_all(".cm-bo-shows, .cm-bo-venue, .cm-bo-insight")
            .await?
            .is_empty()
    );
    let errors = unexpected(browser.console_errors().await?);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    for path in [
        "/api/culture/demo-nova/shows",
        "/api/culture/demo-nova/venues",
        "/api/culture/demo-nova/insight",
    ] {
        let (status, body) = browser.fetch("GET", path, json!({}), None).await?;
        assert_eq!(status, 403, "{path}");
        let body: Value = serde_json::from_str(&body).map_err(|e| e.to_string())?;
        assert_eq!(body["error"]["code"], "forbidden");
    }
    browser.close().await;
    Ok(())
}
