//! Bibster's builder end to end: staff of demo-wetteren make a Quest with several kinds
//! of task by keyboard, see a problem named in Dutch at its field and fix it, save,
//! publish and share it; its printable sheet has a QR code per code; export then import
//! gives the same game (and a broken file is refused at its place); staff of demo-gent
//! find it in the template library and copy it (the copy names its source). Axe on each
//! view, no console errors.

use e2e::{Browser, GENT, LogEntry, Result, TestServer, WETTEREN};

const ADMIN: (&str, &str) = ("admin@demo.invalid", "demo-admin-2026");
use fantoccini::key::Key;
use serde_json::{Value, json};

const BUILDER: &str = "/bibster/beheer/";

/// A real 1x1 PNG (one orange pixel), for a floor plan.
const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xf8, 0xdf, 0xc0, 0xf0,
    0x1f, 0x00, 0x06, 0x80, 0x02, 0x7f, 0xcf, 0x12, 0x09, 0xf1, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];
const TITLE: &str = "Speurtocht van de e2e-test";

async fn log_in(browser: &Browser, account: (&str, &str)) -> Result<()> {
    browser.staff_log_in(BUILDER, account).await
}

async fn assert_axe_clean(browser: &Browser, what: &str) -> Result<()> {
    browser.assert_axe_clean(what).await
}

fn no_errors(what: &str, errors: Vec<LogEntry>) -> Result<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("console errors {what}: {errors:#?}"))
    }
}

/// Activates a button or link by keyboard.
async fn enter(browser: &Browser, css: &str) -> Result<()> {
    browser.press(css, Key::Enter).await
}

/// Ticks a checkbox by keyboard.
async fn space(browser: &Browser, css: &str) -> Result<()> {
    browser
        .find(css)
        .await?
        .send_keys(" ")
        .await
        .map_err(|e| format!("space on {css}: {e}"))
}

/// Chooses an option of a select by typing its text, as a keyboard user does.
async fn choose(browser: &Browser, css: &str, text: &str) -> Result<()> {
    browser
        .find(css)
        .await?
        .send_keys(text)
        .await
        .map_err(|e| format!("type into {css}: {e}"))?;
    let expression = format!(
        "(() => {{ const s = document.querySelector({css}); return s && s.selectedOptions[0] && s.selectedOptions[0].textContent === {text}; }})()",
        css = json!(css),
        text = json!(text),
    );
    browser
        .wait_until(&format!("{text} in {css}"), &expression)
        .await
}

/// The text of the game's row in the list, as a script expression.
fn row(title: &str) -> String {
    format!(
        "([...document.querySelectorAll('tr.bb-game')].find(r => r.querySelector('th').textContent === {t}) || {{}})",
        t = json!(title)
    )
}

/// A button of the game's row, by its accessible name.
fn row_button(action: &str, title: &str) -> String {
    format!("button[aria-label=\"{action}: {title}\"]")
}

async fn api_json(browser: &Browser, path: &str) -> Result<Value> {
    let (status, text) = browser.fetch("GET", path, json!({}), None).await?;
    if status != 200 {
        return Err(format!("{path}: {status} {text}"));
    }
    serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
}

/// Makes the quest by keyboard, with a problem shown and fixed on the way; saves it.
async fn make_quest(browser: &Browser) -> Result<()> {
    enter(browser, ".bb-new-quest").await?;
    browser.fill("#bb-title", TITLE).await?;
    // A find-the-code task, its code left empty first.
    choose(browser, "#bb-new-kind", "Zoek de code").await?;
    enter(browser, ".bb-add-task__button").await?;
    browser
        .fill("#bb-tasks-0-prompt", "Welke code hangt bij de atlas?")
        .await?;
    let error = browser.text("#bb-tasks-0-code-error").await?;
    if !error.contains("Vul de code in") {
        return Err(format!(
            "the empty code is named in Dutch at its field: {error:?}"
        ));
    }
    let invalid = browser
        .eval("return document.querySelector('#bb-tasks-0-code').getAttribute('aria-invalid');")
        .await?;
    let described = browser
        .eval("return document.querySelector('#bb-tasks-0-code').getAttribute('aria-describedby');")
        .await?;
    if invalid != json!("true") || described != json!("bb-tasks-0-code-error") {
        return Err(format!("the code field is marked: {invalid} {described}"));
    }
    let summary = browser.text("#bb-problems").await?;
    if !summary.contains("Opdracht 1 › Code") {
        return Err(format!("the problem is listed with its place: {summary:?}"));
    }
    browser.fill("#bb-tasks-0-code", "ATLAS-3").await?;
    browser
        .wait_until(
            "the code's problem to go",
            "!document.querySelector('#bb-tasks-0-code-error')",
        )
        .await?;
    // A multiple-choice task with its right option ticked.
    choose(browser, "#bb-new-kind", "Meerkeuzevraag").await?;
    enter(browser, ".bb-add-task__button").await?;
    browser
        .fill("#bb-tasks-1-prompt", "Wie tekende Nijntje?")
        .await?;
    browser.fill("#bb-tasks-1-options-0", "Dick Bruna").await?;
    browser.fill("#bb-tasks-1-options-1", "Roald Dahl").await?;
    space(browser, "#bb-tasks-1-correct-0").await?;
    // A number with a tolerance, locked until the code is found.
    choose(browser, "#bb-new-kind", "Getal").await?;
    enter(browser, ".bb-add-task__button").await?;
    browser
        .fill("#bb-tasks-2-prompt", "In welk jaar verscheen Nijntje?")
        .await?;
    browser.fill("#bb-tasks-2-value", "1955").await?;
    browser.fill("#bb-tasks-2-tolerance", "1").await?;
    space(browser, "#bb-spots-2-after-0").await?;
    browser.fill("#bb-spots-0-x", "20").await?;
    browser.fill("#bb-spots-0-y", "30").await?;
    browser.find(".bb-sound").await?;
    assert_axe_clean(browser, "the editor").await?;
    enter(browser, ".bb-save").await?;
    browser.find(".bb-saved").await?;
    Ok(())
}

#[tokio::test]
async fn a_library_builds_publishes_and_shares_a_quest_that_another_library_copies() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1280, 900).await?;
    log_in(&browser, WETTEREN).await?;
    browser.find("table.bb-games").await?;
    assert_axe_clean(&browser, "the games").await?;

    make_quest(&browser).await?;
    let games = api_json(&browser, "/api/bibster/demo-wetteren/games").await?;
    let saved = games
        .as_array()
        .and_then(|g| g.iter().find(|g| g["title"] == TITLE))
        .ok_or("the quest is stored")?;
    let id = saved["id"].as_i64().ok_or("an id")?;
    let stored = api_json(&browser, &format!("/api/bibster/demo-wetteren/games/{id}")).await?;
    let game = &stored["game"];
    if game["variant"] != "quest"
        || game["tasks"][0]["code"] != "ATLAS-3"
        || game["tasks"][1]["correct"] != json!([0])
        || game["tasks"][2]["value"] != json!(1955.0)
        || game["spots"][2]["after"] != json!(["opdracht-1"])
        || game["spots"][0]["x"] != json!(0.2)
    {
        return Err(format!("the quest as made: {game:#}"));
    }

    // Publish and share it from the list.
    enter(&browser, ".bb-back").await?;
    enter(&browser, &row_button("Publiceren", TITLE)).await?;
    browser
        .wait_until(
            "published",
            &format!("{}.textContent?.includes('Gepubliceerd')", row(TITLE)),
        )
        .await?;
    enter(&browser, &row_button("Delen als sjabloon", TITLE)).await?;
    browser
        .wait_until(
            "shared",
            &format!(
                "{}.querySelector?.('.bb-game__shared').textContent === 'ja'",
                row(TITLE)
            ),
        )
        .await?;
    browser
        .find(&format!(
            "a.bb-session[href=\"/bibster/leiding/?spel={id}\"]"
        ))
        .await?;

    // The printable sheet: one card with the code and its QR code.
    enter(&browser, &row_button("Codes afdrukken", TITLE)).await?;
    browser.find(".bb-card").await?;
    let cards = browser
        .eval(
            "return [...document.querySelectorAll('.bb-card')].map(c => [c.querySelector('.bb-card__code').textContent, \
             c.querySelectorAll('svg.qr path.qr__dark').length, c.querySelector('svg.qr').getAttribute('aria-label')]);",
        )
        .await?;
    if cards != json!([["ATLAS-3", 1, "QR-code van ATLAS-3"]]) {
        return Err(format!("one card with a QR code per code: {cards}"));
    }
    assert_axe_clean(&browser, "the printable sheet").await?;
    enter(&browser, ".bb-back").await?;

    // Statistics: a table and the CSV.
    enter(&browser, &row_button("Statistieken", TITLE)).await?;
    browser.find("table.bb-stats").await?;
    browser.find("a.bb-csv[download]").await?;
    let rows = browser
        .eval("return document.querySelectorAll('table.bb-stats tbody tr').length;")
        .await?;
    if rows != json!(3) {
        return Err(format!("a row per task: {rows}"));
    }
    assert_axe_clean(&browser, "the statistics").await?;
    enter(&browser, ".bb-back").await?;

    // Export, then import gives the same game.
    browser
        .find(&format!("a[aria-label=\"Exporteren: {TITLE}\"]"))
        .await?;
    let export_href = browser
        .eval(&format!(
            "return document.querySelector('a[aria-label=\"Exporteren: {TITLE}\"]').getAttribute('href');"
        ))
        .await?;
    let export_href = export_href.as_str().ok_or("an export link")?.to_string();
    let (status, exported) = browser.fetch("GET", &export_href, json!({}), None).await?;
    if status != 200 {
        return Err(format!("export: {status}"));
    }
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let file = dir.path().join("spel.json");
    std::fs::write(&file, &exported).map_err(|e| e.to_string())?;
    no_errors("before the import", browser.console_errors().await?)?;
    enter(&browser, ".bo-views a[data-view=importeren]").await?;
    browser
        .find("#bb-import-file")
        .await?
        .send_keys(&file.display().to_string())
        .await
        .map_err(|e| e.to_string())?;
    assert_axe_clean(&browser, "the import").await?;
    enter(&browser, ".bb-import-send").await?;
    browser.find(".bb-import-done").await?;
    let games = api_json(&browser, "/api/bibster/demo-wetteren/games").await?;
    let copies: Vec<i64> = games
        .as_array()
        .map(|g| {
            g.iter()
                .filter(|g| g["title"] == TITLE && g["id"] != json!(id))
                .filter_map(|g| g["id"].as_i64())
                .collect()
        })
        .unwrap_or_default();
    let [imported] = copies[..] else {
        return Err(format!("one imported game: {copies:?}"));
    };
    let imported = api_json(
        &browser,
        &format!("/api/bibster/demo-wetteren/games/{imported}"),
    )
    .await?;
    if imported["game"] != stored["game"] || imported["state"] != "draft" {
        return Err(format!("the same game: {imported:#} vs {stored:#}"));
    }

    // A broken file is refused with the server's Dutch message and its place.
    let mut broken: Value = serde_json::from_str(&exported).map_err(|e| e.to_string())?;
    broken["tasks"][0]["code"] = json!("");
    let file = dir.path().join("kapot.json");
    std::fs::write(&file, broken.to_string()).map_err(|e| e.to_string())?;
    no_errors("after the import", browser.console_errors().await?)?;
    browser
        .find("#bb-import-file")
        .await?
        .send_keys(&file.display().to_string())
        .await
        .map_err(|e| e.to_string())?;
    enter(&browser, ".bb-import-send").await?;
    let refused = browser.text(".bb-import-refused").await?;
    if !refused.contains("Het spel klopt nog niet") || !refused.contains("Opdracht 1 › Code") {
        return Err(format!("the refusal names its place: {refused:?}"));
    }
    let errors: Vec<LogEntry> = browser
        .console_errors()
        .await?
        .into_iter()
        .filter(|e| !e.message.contains("422"))
        .collect();
    no_errors("after the refused import", errors)?;

    // An archived game leaves the list, and comes back on demand.
    let story = "Het geheim van de verdwenen boeken (demo)";
    enter(&browser, ".bo-views a[data-view=spellen]").await?;
    enter(&browser, &row_button("Archiveren", story)).await?;
    browser
        .wait_until(
            "the story archived",
            &format!("!{}.textContent", row(story)),
        )
        .await?;
    space(&browser, "#bb-archived").await?;
    browser
        .wait_until(
            "the archived story shown",
            &format!("{}.textContent?.includes('Gearchiveerd')", row(story)),
        )
        .await?;

    // Another library finds it among the templates and copies it.
    let gent = Browser::start(&server.url(""), 1280, 900).await?;
    log_in(&gent, GENT).await?;
    enter(&gent, ".bo-views a[data-view=sjablonen]").await?;
    gent.find(&format!(
        "button[aria-label=\"Kopiëren naar mijn bibliotheek: {TITLE}\"]"
    ))
    .await?;
    let library = gent
        .eval(&format!(
            "return [...document.querySelectorAll('tr.bb-template')].find(r => r.querySelector('th').textContent === {t}).querySelector('.bb-template__library').textContent;",
            t = json!(TITLE)
        ))
        .await?;
    if library != json!("Bibliotheek Wetteren (demo)") {
        return Err(format!("the template names its library: {library}"));
    }
    assert_axe_clean(&gent, "the templates").await?;
    enter(
        &gent,
        &format!("button[aria-label=\"Kopiëren naar mijn bibliotheek: {TITLE}\"]"),
    )
    .await?;
    enter(&gent, ".bb-open-copy").await?;
    gent.wait_until(
        "the copy in the editor",
        &format!(
            "document.querySelector('#bb-title')?.value === {t}",
            t = json!(TITLE)
        ),
    )
    .await?;
    enter(&gent, ".bb-back").await?;
    gent.wait_until(
        "the copy names its source",
        &format!(
            "{}.querySelector?.('.bb-game__source').textContent === {s}",
            row(TITLE),
            s = json!(format!("{TITLE} (Bibliotheek Wetteren (demo))"))
        ),
    )
    .await?;
    let copies = api_json(&gent, "/api/bibster/demo-gent/games").await?;
    let copy = copies
        .as_array()
        .and_then(|g| g.iter().find(|g| g["title"] == TITLE))
        .ok_or("the copy is stored in Gent")?;
    if copy["state"] != "draft" || copy["source"]["id"] != json!(id) {
        return Err(format!("a draft that keeps its source: {copy:#}"));
    }
    no_errors("in Gent", gent.console_errors().await?)?;
    gent.close().await;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn the_preview_plays_a_demo_game_without_the_server() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1280, 900).await?;
    log_in(&browser, WETTEREN).await?;
    let story = "Het geheim van de verdwenen boeken (demo)";
    enter(&browser, &row_button("Bewerken", story)).await?;
    browser.find("#bb-chapters-0-after").await?;
    assert_axe_clean(&browser, "the story's editor").await?;
    enter(&browser, ".bb-preview-toggle").await?;
    // The first chapter: an information page, then the branch's question.
    enter(&browser, ".bb-preview-send").await?;
    browser
        .wait_until(
            "a right answer",
            "document.querySelector('#bb-preview-feedback').textContent.includes('Juist')",
        )
        .await?;
    // Both ways are right (checkboxes); the first one ticked picks the branch.
    space(&browser, "#bb-preview-option-1").await?;
    space(&browser, "#bb-preview-option-0").await?;
    enter(&browser, ".bb-preview-send").await?;
    // "Naar de prentenboeken" leads to the chapter of the picture books: a number.
    browser
        .wait_until(
            "the picture books' chapter",
            "document.querySelector('.bb-preview__chapter')?.textContent.includes('prentenboeken')",
        )
        .await?;
    browser.fill("#bb-preview-text", "16").await?;
    enter(&browser, ".bb-preview-send").await?;
    if let Err(error) = browser
        .wait_until(
            "the score",
            "document.querySelector('.bb-preview__score').textContent === 'Punten: 15'",
        )
        .await
    {
        let shown = browser.text(".bb-preview").await?;
        return Err(format!("{error}: {shown}"));
    }
    assert_axe_clean(&browser, "the preview").await?;

    // A change is not lost by a visit to another view: the list offers to go on.
    enter(&browser, ".bb-preview-toggle").await?;
    browser.fill("#bb-title", "Het geheim (aangepast)").await?;
    enter(&browser, ".bo-views a[data-view=sjablonen]").await?;
    browser.find("table.bb-templates").await?;
    enter(&browser, ".bo-views a[data-view=spellen]").await?;
    browser
        .wait_until(
            "the change kept",
            "document.querySelector('#bb-title')?.value === 'Het geheim (aangepast)'",
        )
        .await?;
    browser.find(".bb-dirty").await?;
    no_errors("in the preview", browser.console_errors().await?)?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_quest_task_is_placed_by_clicking_its_floor_plan() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1280, 900).await?;
    log_in(&browser, WETTEREN).await?;
    enter(
        &browser,
        &row_button("Bewerken", "Speurtocht door de bib (demo)"),
    )
    .await?;
    browser.find("svg.bb-board__plan").await?;
    // A third floor plan, uploaded.
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let png = dir.path().join("plan.png");
    std::fs::write(&png, TINY_PNG).map_err(|e| e.to_string())?;
    browser
        .find("#bb-new-board")
        .await?
        .send_keys(&png.display().to_string())
        .await
        .map_err(|e| e.to_string())?;
    browser
        .wait_until(
            "the third plan",
            "[...document.querySelectorAll('svg.bb-board__plan image')].map(i => i.getAttribute('href')).filter(h => h.startsWith('/data/')).length === 3",
        )
        .await?;
    let before = browser
        .eval("return document.querySelector('#bb-spots-0-x').value;")
        .await?;
    if before != json!("20") {
        return Err(format!("the demo's first spot: {before}"));
    }
    // The plan's select starts at the first task; the first spot is the second task's.
    choose(
        &browser,
        "#bb-placing",
        "Opdracht 2: Welke code hangt bij de strips?",
    )
    .await?;
    // A click a quarter from the left and three quarters down the plan.
    browser
        .eval(
            "const plan = document.querySelector('svg.bb-board__plan'); const r = plan.getBoundingClientRect(); \
             plan.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: r.left + r.width / 4, clientY: r.top + r.height * 3 / 4})); return true;",
        )
        .await?;
    browser
        .wait_until(
            "the spot moved where the plan was clicked",
            "document.querySelector('#bb-spots-0-x').value === '25' && document.querySelector('#bb-spots-0-y').value === '75'",
        )
        .await?;
    browser.find(".bb-dirty").await?;

    // No door leads to the new plan yet: the problem stands with the doors. A new door
    // goes from the first plan to it; its far end is placed by clicking the new plan.
    browser
        .wait_until(
            "the unjoined plan is named",
            "document.querySelector('#bb-boards-2')?.textContent.includes('Geen deur leidt')",
        )
        .await?;
    assert_eq!(
        browser.find_all(".bb-door").await?.len(),
        1,
        "the demo's stairs"
    );
    enter(&browser, ".bb-add-door").await?;
    browser
        .wait_until(
            "the new door joins the plan",
            "document.activeElement?.id === 'bb-doors-1-label' && !document.querySelector('#bb-boards-2')",
        )
        .await?;
    browser.fill("#bb-doors-1-label", "Lift").await?;
    choose(&browser, "#bb-placing", "Deur 2, kant 2").await?;
    browser
        .eval(
            "const plan = document.querySelectorAll('svg.bb-board__plan')[2]; const r = plan.getBoundingClientRect(); \
             plan.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: r.left + r.width / 10, clientY: r.top + r.height / 2})); return true;",
        )
        .await?;
    browser
        .wait_until(
            "the door's end moved where the third plan was clicked",
            "document.querySelector('#bb-doors-1-ends-1-x').value === '10' && document.querySelector('#bb-doors-1-ends-1-y').value === '50' \
             && document.querySelector('#bb-doors-1-ends-1-board').value === '2'",
        )
        .await?;
    assert_eq!(
        browser
            .find_all("svg.bb-board__plan .bb-door-marker")
            .await?
            .len(),
        4,
        "both ends of both doors are drawn"
    );
    assert_axe_clean(&browser, "the quest's editor").await?;
    no_errors("in the quest's editor", browser.console_errors().await?)?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_library_without_bibster_reads_how_to_ask_for_it() -> Result<()> {
    let server = TestServer::start().await?;
    let admin = Browser::start(&server.url(""), 1280, 900).await?;
    log_in(&admin, ADMIN).await?;
    let (_, session) = admin.fetch("GET", "/api/session", json!({}), None).await?;
    let session: Value = serde_json::from_str(&session).map_err(|e| e.to_string())?;
    let headers =
        json!({"content-type": "application/json", "x-csrf-token": session["csrf_token"]});
    let (status, body) = admin
        .fetch(
            "PUT",
            "/api/orgs/library/demo-gent/subscriptions/bibster",
            headers,
            Some(r#"{"state": "paused"}"#),
        )
        .await?;
    if status != 200 {
        return Err(format!("pausing Bibster for Gent: {status} {body}"));
    }
    admin.close().await;

    let gent = Browser::start(&server.url(""), 1280, 900).await?;
    log_in(&gent, GENT).await?;
    let shown = gent.text(".bb-inactive").await?;
    if !shown.contains("Bibster is hier (nog) niet actief.") {
        return Err(format!("the state says so: {shown:?}"));
    }
    gent.find(".bb-inactive a[href=\"/beheer/\"]").await?;
    if !gent.find_all(".bb-new-quest").await?.is_empty() {
        return Err("no new games where Bibster is not active".into());
    }
    assert_axe_clean(&gent, "the inactive state").await?;
    let errors: Vec<LogEntry> = gent
        .console_errors()
        .await?
        .into_iter()
        .filter(|e| !e.message.contains("422") && !e.message.contains("403"))
        .collect();
    no_errors("where Bibster is not active", errors)?;
    gent.close().await;
    Ok(())
}
