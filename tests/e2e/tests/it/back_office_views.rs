//! The back-offices in views (`suite_ui::SectionViews`), at a laptop's 1366x900: one
//! section at a time, the view in the address (a reload keeps it, back and forward move
//! between views), chosen by keyboard with the focus on the view's heading; and Culture
//! Matcher's shows table: the coming shows by default, a search, an order by its column
//! headers, all kept in the address too and checked against the domain's own rule.

use e2e::{Browser, Result, TestServer, WETTEREN};
use fantoccini::key::Key;
use serde_json::{Value, json};
use suite_domain::culture::show_table::{ShowQuery, Sort, SortKey, When, table};
use suite_domain::culture::staff::{CentreShow, CentreVenue};

use crate::bieblo::staff_login;
use crate::culture_matcher_beheer::{BACK_OFFICE, NOVA, assert_axe_clean, log_in};

async fn start() -> Result<(TestServer, Browser)> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1366, 900).await?;
    Ok((server, browser))
}

/// Waits until the view `slug` shows with `query` in the address; with `heading`, until
/// that heading has the keyboard focus.
async fn wait_view(
    browser: &Browser,
    slug: &str,
    query: &str,
    heading: Option<&str>,
) -> Result<()> {
    let focus = heading.map_or("true".to_owned(), |id| {
        format!("document.activeElement?.id === {}", json!(id))
    });
    browser
        .wait_until(
            &format!("the view {slug} at {query:?}"),
            &format!(
                "location.search === {query} && \
                 document.querySelector('.bo-views a[aria-current=page]')?.dataset.view === {slug} && \
                 document.querySelector('.bo-view')?.dataset.view === {slug} && {focus}",
                query = json!(query),
                slug = json!(slug),
            ),
        )
        .await
}

/// The page's height in CSS pixels.
async fn page_height(browser: &Browser) -> Result<i64> {
    let height = browser
        .eval("return document.documentElement.scrollHeight;")
        .await?;
    height.as_i64().ok_or_else(|| format!("height: {height}"))
}

async fn go_back(browser: &Browser) -> Result<()> {
    browser
        .client
        .back()
        .await
        .map_err(|e| format!("back: {e}"))
}

async fn reload(browser: &Browser) -> Result<()> {
    browser
        .client
        .refresh()
        .await
        .map_err(|e| format!("reload: {e}"))?;
    browser.wait_ready().await?;
    browser.find(".staff-identity").await.map(drop)
}

#[tokio::test]
async fn culture_matchers_views_have_addresses_and_the_back_button_returns() -> Result<()> {
    let (_server, browser) = start().await?;
    log_in(&browser, NOVA).await?;
    browser.find("tr[data-show-id]").await?;
    wait_view(&browser, "voorstellingen", "", None).await?;
    let links = browser
        .eval("return [...document.querySelectorAll('.bo-views a')].map(a => a.dataset.view);")
        .await?;
    assert_eq!(
        links,
        json!(["voorstellingen", "zalen", "import", "inzicht"])
    );
    // The shows alone: the page was about 7,900 px high with every section stacked.
    let height = page_height(&browser).await?;
    assert!(height < 4_500, "the shows view is {height} px high");
    assert!(
        browser
            .find_all(".cm-bo-venue, .cm-bo-insight")
            .await?
            .is_empty()
    );

    // By keyboard: Enter on a link opens its view and puts the focus on its heading.
    browser
        .press(".bo-views a[data-view=zalen]", Key::Enter)
        .await?;
    wait_view(
        &browser,
        "zalen",
        "?onderdeel=zalen",
        Some("cm-bo-venues-title"),
    )
    .await?;
    browser.find(".cm-bo-venue").await?;
    assert!(browser.find_all(".cm-bo-shows").await?.is_empty());
    assert_axe_clean(&browser, "the venues view").await?;
    reload(&browser).await?;
    wait_view(&browser, "zalen", "?onderdeel=zalen", None).await?;
    browser.find(".cm-bo-venue").await?;

    browser
        .press(".bo-views a[data-view=inzicht]", Key::Enter)
        .await?;
    wait_view(
        &browser,
        "inzicht",
        "?onderdeel=inzicht",
        Some("cm-bo-insight-title"),
    )
    .await?;
    assert_axe_clean(&browser, "the insight view").await?;
    go_back(&browser).await?;
    wait_view(
        &browser,
        "zalen",
        "?onderdeel=zalen",
        Some("cm-bo-venues-title"),
    )
    .await?;
    go_back(&browser).await?;
    wait_view(&browser, "voorstellingen", "", Some("cm-bo-shows-title")).await?;
    browser.find("tr[data-show-id]").await?;
    browser
        .client
        .forward()
        .await
        .map_err(|e| format!("forward: {e}"))?;
    wait_view(&browser, "zalen", "?onderdeel=zalen", None).await?;
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}

/// The ids of the table's rows, top to bottom.
async fn rows(browser: &Browser) -> Result<Vec<String>> {
    let ids = browser
        .eval(
            "return [...document.querySelectorAll('tr[data-show-id]')].map(r => r.dataset.showId);",
        )
        .await?;
    serde_json::from_value(ids).map_err(|e| e.to_string())
}

/// Waits until the table lists what the domain's rule lists for `query`.
async fn wait_rows(
    browser: &Browser,
    shows: &[CentreShow],
    venues: &[CentreVenue],
    query: &ShowQuery,
) -> Result<Vec<String>> {
    let wanted: Vec<String> = table(shows, venues, query)
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let expression = format!(
        "JSON.stringify([...document.querySelectorAll('tr[data-show-id]')].map(r => r.dataset.showId)) === {}",
        json!(json!(wanted).to_string())
    );
    if let Err(e) = browser
        .wait_until(&format!("the rows for {query:?}"), &expression)
        .await
    {
        let listed = rows(browser).await?;
        return Err(format!("{e}: listed {listed:?}, wanted {wanted:?}"));
    }
    Ok(wanted)
}

/// Empties the search field as its clear button would.
async fn clear_search(browser: &Browser) -> Result<()> {
    browser
        .eval(
            "const input = document.querySelector('#cm-bo-search'); input.value = ''; \
             input.dispatchEvent(new Event('input', {bubbles: true})); return true;",
        )
        .await
        .map(drop)
}

async fn get<T: serde::de::DeserializeOwned>(browser: &Browser, path: &str) -> Result<T> {
    let (status, body) = browser.fetch("GET", path, json!({}), None).await?;
    if status != 200 {
        return Err(format!("{path}: {status} {body}"));
    }
    serde_json::from_str(&body).map_err(|e| format!("{path}: {e}"))
}

#[tokio::test]
async fn the_shows_table_lists_coming_shows_finds_and_sorts_by_keyboard() -> Result<()> {
    let (_server, browser) = start().await?;
    log_in(&browser, NOVA).await?;
    // A show that was on in 2020 besides the demo's coming ones.
    let venues: Vec<CentreVenue> = get(&browser, "/api/culture/demo-nova/venues").await?;
    let session: Value = get(&browser, "/api/session").await?;
    let headers =
        json!({"content-type": "application/json", "x-csrf-token": session["csrf_token"]});
    let over = json!({
        "title": "Vorig seizoen (e2e)", "text": "Al gespeeld.", "genre": "0.55.0.0.0",
        "dates": [{"start": "2020-05-01T20:00"}], "venue": venues[0].id, "price_cents": 0,
        "in_swipe": false,
    });
    let (status, body) = browser
        .fetch(
            "POST",
            "/api/culture/demo-nova/shows",
            headers,
            Some(&over.to_string()),
        )
        .await?;
    assert!(status == 200 || status == 201, "{status}: {body}");
    browser.goto(BACK_OFFICE).await?;
    browser.wait_ready().await?;
    browser.find("tr[data-show-id]").await?;
    let shows: Vec<CentreShow> = get(&browser, "/api/culture/demo-nova/shows").await?;
    let past_ids: Vec<&str> = shows
        .iter()
        .filter(|s| s.ended)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(past_ids.len(), 1, "the show of 2020 is over");
    let mut query = ShowQuery::default();
    let coming = wait_rows(&browser, &shows, &venues, &query).await?;
    assert_eq!(
        coming.len(),
        shows.len() - 1,
        "the show of 2020 is not listed"
    );
    assert_axe_clean(&browser, "the shows table with its search").await?;

    // A word of a show's title, in capitals: found whatever the case.
    let title = &shows
        .iter()
        .find(|s| !s.ended && s.title.split_whitespace().any(|w| w.chars().count() > 4))
        .ok_or("no coming show with a long word")?
        .title;
    let word = title
        .split_whitespace()
        .find(|w| w.chars().count() > 4)
        .unwrap_or_default()
        .to_uppercase();
    browser.fill("#cm-bo-search", &word).await?;
    query.search = word.clone();
    let found = wait_rows(&browser, &shows, &venues, &query).await?;
    assert!(
        !found.is_empty() && found.len() < coming.len().max(2),
        "{found:?}"
    );

    // Sorted by title with Enter on its header, then the other way round.
    query.search.clear();
    clear_search(&browser).await?;
    wait_rows(&browser, &shows, &venues, &query).await?;
    browser
        .press(".cm-bo-sort[data-sort=titel]", Key::Enter)
        .await?;
    query.sort = Sort {
        key: SortKey::Title,
        descending: false,
    };
    wait_rows(&browser, &shows, &venues, &query).await?;
    browser
        .press(".cm-bo-sort[data-sort=titel]", Key::Enter)
        .await?;
    query.sort.descending = true;
    wait_rows(&browser, &shows, &venues, &query).await?;
    let aria = browser
        .eval("return [...document.querySelectorAll('.cm-bo-shows thead th')].map(th => th.getAttribute('aria-sort'));")
        .await?;
    assert_eq!(aria, json!(["descending", null, null, null, null, null]));

    // Every show, by a key on the radio button; kept in the address through a reload.
    browser.press("#cm-bo-when-alle", Key::Space).await?;
    query = query.with_when(When::All);
    let all = wait_rows(&browser, &shows, &venues, &query).await?;
    assert_eq!(all.len(), shows.len());
    let search = browser.eval("return location.search;").await?;
    assert_eq!(search, json!("?wanneer=alle&sorteer=titel-af"));
    reload(&browser).await?;
    wait_rows(&browser, &shows, &venues, &query).await?;
    let checked = browser
        .eval("return document.querySelector('#cm-bo-when-alle').checked;")
        .await?;
    assert_eq!(checked, json!(true));
    browser.press("#cm-bo-when-voorbije", Key::Space).await?;
    query = query.with_when(When::Past);
    let past = wait_rows(&browser, &shows, &venues, &query).await?;
    assert_eq!(past, past_ids);

    // Nothing found: said so, with the way out.
    browser.fill("#cm-bo-search", "zzqxj").await?;
    browser
        .wait_until(
            "nothing found",
            "(document.querySelector('.bo-view .empty-state')?.textContent || '')\
             .includes('Geen voorstellingen gevonden') && !document.querySelector('tr[data-show-id]')",
        )
        .await?;
    let value = browser
        .eval("return document.querySelector('#cm-bo-search').value + '|' + location.search;")
        .await?;
    assert!(
        value
            .as_str()
            .is_some_and(|v| v.starts_with("zzqxj|") && v.contains("zoek=zzqxj")),
        "{value}"
    );
    assert_axe_clean(&browser, "nothing found").await?;
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn bieblos_views_have_addresses_and_the_back_button_returns() -> Result<()> {
    let (_server, browser) = start().await?;
    staff_login(&browser, WETTEREN).await?;
    browser.find("form.kiosk-branch").await?;
    wait_view(&browser, "kiosken", "", None).await?;
    let links = browser
        .eval("return [...document.querySelectorAll('.bo-views a')].map(a => a.dataset.view);")
        .await?;
    assert_eq!(
        links,
        json!(["kiosken", "import", "themas", "statistieken"])
    );
    let height = page_height(&browser).await?;
    assert!(height < 2_200, "the kiosks view is {height} px high");
    assert_axe_clean(&browser, "the kiosks view").await?;

    browser
        .press(".bo-views a[data-view=statistieken]", Key::Enter)
        .await?;
    wait_view(
        &browser,
        "statistieken",
        "?onderdeel=statistieken",
        Some("bo-stats-title"),
    )
    .await?;
    assert!(browser.find_all("form.kiosk-branch").await?.is_empty());
    reload(&browser).await?;
    wait_view(&browser, "statistieken", "?onderdeel=statistieken", None).await?;
    browser
        .press(".bo-views a[data-view=import]", Key::Enter)
        .await?;
    wait_view(
        &browser,
        "import",
        "?onderdeel=import",
        Some("bo-import-title"),
    )
    .await?;
    assert_axe_clean(&browser, "the import view").await?;
    go_back(&browser).await?;
    wait_view(
        &browser,
        "statistieken",
        "?onderdeel=statistieken",
        Some("bo-stats-title"),
    )
    .await?;
    go_back(&browser).await?;
    wait_view(&browser, "kiosken", "", Some("bo-kiosk-title")).await?;
    browser.find("form.kiosk-branch").await?;
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}
