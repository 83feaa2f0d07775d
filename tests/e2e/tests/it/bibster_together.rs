//! Bibster as a class plays it, with three browsers at once: the leader's big screen and
//! two teams' tablets, each their own browser (no shared storage). The leader starts a
//! session in `/bibster/leiding/`; the teams join by its code in `/bibster/`; their
//! answers reach the leader's board live, without a reload; one tablet goes offline in
//! the middle of a task, answers, and its answer arrives when it is online again; a
//! photo taken by a team waits in the review queue, the leader approves it by keyboard,
//! and the podium shows the teams in the order of their scores; the library's statistics
//! in the builder then count the session, its teams and answers.

use std::time::Duration;

use e2e::{Browser, Result, TestServer, WETTEREN};
use serde_json::{Value, json};

use crate::bibster_leader::log_in;
use crate::bibster_team::quest::{TINY_PNG, open_task};
use crate::bibster_team::{join, unexpected, wait_prompt};

/// A quest of three tasks without locks, so either team can take any: a number, a photo,
/// a page to read.
fn game() -> Value {
    json!({
        "format": 1,
        "title": "Samen spelen",
        "variant": "quest",
        "tasks": [
            {"id": "getal", "prompt": "Hoeveel poten heeft een spin?", "type": "number", "value": 8, "tolerance": 0, "points": 10},
            {"id": "foto", "prompt": "Maak een foto van jullie lievelingsboek.", "type": "photo", "points": 20},
            {"id": "lezen", "prompt": "Lees de huisregels bij de balie.", "type": "info", "points": 1}
        ]
    })
}

/// Makes and publishes the game as the logged-in leader (over the page's own session).
async fn publish_game(leader: &Browser) -> Result<()> {
    let session = leader
        .eval_async("fetch('/api/session').then(r => r.json()).then(done).catch(() => done(null));")
        .await?;
    let csrf = session["csrf_token"]
        .as_str()
        .ok_or_else(|| format!("no CSRF token in {session}"))?
        .to_string();
    let headers = json!({"content-type": "application/json", "x-csrf-token": csrf});
    let games = "/api/bibster/demo-wetteren/games";
    let (status, text) = leader
        .fetch("POST", games, headers.clone(), Some(&game().to_string()))
        .await?;
    if status != 201 {
        return Err(format!("make the game: {status} {text}"));
    }
    let id = serde_json::from_str::<Value>(&text).map_err(|e| e.to_string())?["id"].clone();
    let (status, text) = leader
        .fetch(
            "PUT",
            &format!("{games}/{id}/state"),
            headers,
            Some(&json!({"state": "published"}).to_string()),
        )
        .await?;
    if status != 200 {
        return Err(format!("publish: {status} {text}"));
    }
    Ok(())
}

/// The score on the leader's board of the team called `name`, as shown.
fn score_of(name: &str) -> String {
    format!(
        "[...document.querySelectorAll('tr.bl-team')].find(r => r.textContent.includes({}))?.dataset.score",
        json!(name)
    )
}

/// Waits until the leader's board shows `score` for `name` (live: the page is never
/// reloaded; `window.__samePage` proves it).
async fn board_shows(leader: &Browser, name: &str, score: u32) -> Result<()> {
    leader
        .wait_until(
            &format!("{name} at {score} on the board"),
            &format!(
                "window.__samePage === true && {} === '{score}'",
                score_of(name)
            ),
        )
        .await
}

/// A team answers the number task on its tablet.
async fn answer_number(team: &Browser, value: &str) -> Result<()> {
    open_task(team, "Hoeveel poten").await?;
    team.fill("#bib-typed", value).await?;
    team.click(".bib-answer button[type=submit]").await
}

#[tokio::test]
async fn a_class_plays_with_a_leader_and_two_tablets() -> Result<()> {
    let server = TestServer::start().await?;
    let leader = Browser::start(&server.url(""), 1920, 1080).await?;
    log_in(&leader, WETTEREN).await?;
    publish_game(&leader).await?;

    // The leader starts the game on the big screen.
    leader.goto("/bibster/leiding/").await?;
    leader.wait_ready().await?;
    leader.find("#bl-game option").await?;
    leader
        .eval(
            "const select = document.querySelector('#bl-game'); \
             const game = [...select.options].find(o => o.text.includes('Samen spelen')); \
             select.value = game.value; \
             select.dispatchEvent(new Event('change', {bubbles: true})); return game.value;",
        )
        .await?;
    leader.click(".bl-start-button").await?;
    let code = leader
        .find(".bl-code[data-code]")
        .await?
        .attr("data-code")
        .await
        .map_err(|e| e.to_string())?
        .ok_or("no game code")?;
    leader
        .wait_until(
            "the live connection",
            "document.querySelector('.bl-live[data-online=true]')",
        )
        .await?;
    leader
        .eval("window.__samePage = true; return true;")
        .await?;

    // Two teams join on their own tablets and appear on the board.
    let red = Browser::start(&server.url(""), 1024, 1366).await?;
    let blue = Browser::start(&server.url(""), 1024, 1366).await?;
    join(&red, &code, "Rode Raketten").await?;
    join(&blue, &code, "Blauwe Vinken").await?;
    leader
        .wait_until(
            "both teams on the board",
            "window.__samePage === true && document.querySelectorAll('tr.bl-team').length === 2",
        )
        .await?;

    // Red answers right: the board follows.
    answer_number(&red, "8").await?;
    red.find(".bib-feedback--right").await?;
    board_shows(&leader, "Rode Raketten", 10).await?;

    // Blue's tablet loses the network in the middle of the task, answers, and is told
    // the answer is kept; back online, it arrives and the board follows.
    open_task(&blue, "Hoeveel poten").await?;
    let offline =
        json!({"offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1});
    blue.cdp("Network.enable", json!({})).await?;
    blue.cdp("Network.emulateNetworkConditions", offline)
        .await?;
    blue.fill("#bib-typed", "8").await?;
    blue.click(".bib-answer button[type=submit]").await?;
    blue.find(".bib-feedback--waiting").await?;
    let kept = blue
        .eval("return localStorage.getItem('bibster.pending') || '';")
        .await?;
    assert!(
        kept.as_str().is_some_and(|k| k.contains("getal")),
        "the answer is kept on the tablet: {kept}"
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        leader
            .eval(&format!("return {};", score_of("Blauwe Vinken")))
            .await?,
        json!("0"),
        "nothing arrived while offline"
    );
    let online =
        json!({"offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1});
    blue.cdp("Network.emulateNetworkConditions", online).await?;
    board_shows(&leader, "Blauwe Vinken", 10).await?;

    // Red takes a photo: it waits for the leader, who approves it with the A key.
    red.click(".bib-next").await?;
    open_task(&red, "Maak een foto").await?;
    let file = tempfile::Builder::new()
        .suffix(".png")
        .tempfile()
        .map_err(|e| e.to_string())?;
    std::fs::write(file.path(), TINY_PNG).map_err(|e| e.to_string())?;
    red.find("#bib-photo")
        .await?
        .send_keys(&file.path().to_string_lossy())
        .await
        .map_err(|e| format!("choose the photo: {e}"))?;
    red.find(".bib-feedback--review").await?;
    leader
        .wait_until(
            "the photo in the review queue",
            "document.querySelectorAll('li.bl-review img').length === 1",
        )
        .await?;
    leader
        .find("li.bl-review")
        .await?
        .send_keys("a")
        .await
        .map_err(|e| e.to_string())?;
    board_shows(&leader, "Rode Raketten", 30).await?;
    wait_prompt(&red, "foto").await.ok();
    red.wait_until(
        "the approved photo's points on the tablet",
        "document.querySelector('#bib-score')?.textContent.trim() === '30'",
    )
    .await?;

    // The leader ends the game: the podium in the order of the scores.
    leader.click("#bl-end").await?;
    leader.click("#bl-end-yes").await?;
    leader.find(".bl-podium__top").await?;
    let podium = leader
        .eval(
            "return [...document.querySelectorAll('.bl-podium__top li')].map(li => \
             [li.dataset.place, li.querySelector('.bl-podium__name').textContent]);",
        )
        .await?;
    assert_eq!(
        podium,
        json!([["1", "Rode Raketten"], ["2", "Blauwe Vinken"]])
    );
    // The tablets see the end.
    for team in [&red, &blue] {
        team.find(".bib-end").await?;
    }

    // The library's statistics in the builder count what was played: one session, two
    // teams, three answers (two numbers and the approved photo), all right.
    leader
        .goto("/bibster/beheer/?onderdeel=statistieken")
        .await?;
    leader.wait_ready().await?;
    let row = "[...document.querySelectorAll('.bb-library-games tbody tr')]\
               .find(r => r.textContent.includes('Samen spelen'))";
    leader
        .wait_until("the game's row", &format!("!!{row}"))
        .await?;
    let cells = leader
        .eval(&format!(
            "return [...{row}.querySelectorAll('td')].map(td => td.textContent);"
        ))
        .await?;
    assert_eq!(cells, json!(["Gepubliceerd", "1", "2", "3", "100%"]));
    leader.find(".bo-section svg").await?;
    leader.assert_axe_clean("the library's statistics").await?;
    let errors = unexpected(blue.console_errors().await?);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    for browser in [&leader, &red] {
        let errors = browser.console_errors().await?;
        assert!(errors.is_empty(), "console errors: {errors:#?}");
    }
    red.close().await;
    blue.close().await;
    leader.close().await;
    Ok(())
}
