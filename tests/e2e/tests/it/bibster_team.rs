//! Bibster's team app end to end at tablet size: a leader starts a session of the demo
//! Story through the staff API, a team joins by the code of the big screen's QR code,
//! plays to a branch, reloads in the middle and continues, answers once while offline
//! (it arrives when the tablet is online again: the board shows the score), reads the
//! leader's message and sees the end screen; a team the leader removes gets the server's
//! message. The demo Quest is in `bibster_team/quest.rs`. Axe on the join, task and end
//! screens; no console errors.

mod camera;
pub(crate) mod quest;

use e2e::{Browser, LogEntry, Result, TestServer, WETTEREN};
use serde_json::{Value, json};

const LIBRARY_API: &str = "/api/bibster/demo-wetteren";

/// A running session: its id and code, and the staff's headers for state changes.
struct Session {
    id: i64,
    code: String,
    headers: Value,
}

async fn start() -> Result<(TestServer, Browser)> {
    let server = TestServer::start().await?;
    let browser = Browser::start(&server.url(""), 1024, 1366).await?;
    Ok((server, browser))
}

fn parse(text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| format!("{e}: {text}"))
}

/// Logs the leader in over HTTP and starts a session of the demo game whose title has
/// `title_part`, with teams that choose their own name.
async fn start_session(browser: &Browser, title_part: &str) -> Result<Session> {
    browser.goto("/bibster/").await?;
    browser.wait_ready().await?;
    let login = json!({"email": WETTEREN.0, "password": WETTEREN.1}).to_string();
    let (status, text) = browser
        .fetch(
            "POST",
            "/api/session",
            json!({"content-type": "application/json"}),
            Some(&login),
        )
        .await?;
    if status != 200 {
        return Err(format!("login: {status} {text}"));
    }
    let csrf = parse(&text)?["csrf_token"].clone();
    let headers = json!({"content-type": "application/json", "x-csrf-token": csrf});
    let (_, games) = browser
        .fetch("GET", &format!("{LIBRARY_API}/games"), json!({}), None)
        .await?;
    let games = parse(&games)?;
    let game = games
        .as_array()
        .and_then(|list| {
            list.iter()
                .find(|g| g["title"].as_str().is_some_and(|t| t.contains(title_part)))
        })
        .ok_or_else(|| format!("no demo game with {title_part:?}: {games}"))?;
    let body = json!({"game": game["id"], "teams": "join"}).to_string();
    let (status, text) = browser
        .fetch(
            "POST",
            &format!("{LIBRARY_API}/sessions"),
            headers.clone(),
            Some(&body),
        )
        .await?;
    if status != 200 && status != 201 {
        return Err(format!("start session: {status} {text}"));
    }
    // The answer is the new session's board.
    let board = parse(&text)?;
    let session = &board["session"];
    Ok(Session {
        id: session["id"].as_i64().ok_or("session id")?,
        code: session["code"].as_str().ok_or("session code")?.to_string(),
        headers,
    })
}

async fn staff_post(browser: &Browser, session: &Session, tail: &str, body: Value) -> Result<()> {
    let path = format!("{LIBRARY_API}/sessions/{}/{tail}", session.id);
    let (status, text) = browser
        .fetch(
            "POST",
            &path,
            session.headers.clone(),
            Some(&body.to_string()),
        )
        .await?;
    if (200..300).contains(&status) {
        Ok(())
    } else {
        Err(format!("POST {path}: {status} {text}"))
    }
}

/// The team's score on the leader's board.
async fn board_score(browser: &Browser, session: &Session) -> Result<u64> {
    let path = format!("{LIBRARY_API}/sessions/{}", session.id);
    let (status, text) = browser.fetch("GET", &path, json!({}), None).await?;
    if status != 200 {
        return Err(format!("board: {status} {text}"));
    }
    parse(&text)?["teams"][0]["score"]
        .as_u64()
        .ok_or_else(|| format!("no team on the board: {text}"))
}

async fn assert_axe_clean(browser: &Browser, what: &str) -> Result<()> {
    browser.assert_axe_clean(what).await
}

/// Console errors, less the requests Chromium itself reports as failed while the
/// tablet was offline on purpose.
pub(crate) fn unexpected(errors: Vec<LogEntry>) -> Vec<LogEntry> {
    errors
        .into_iter()
        .filter(|e| !(e.source == "network" && e.message.contains("ERR_INTERNET_DISCONNECTED")))
        .collect()
}

/// The text of the task on screen, read in one step (the task's view is replaced when
/// the next task comes, so a found element may be gone by the time its text is asked).
async fn prompt(browser: &Browser) -> Result<String> {
    let text = browser
        .eval("return document.querySelector('#bib-task-prompt')?.textContent ?? null;")
        .await?;
    text.as_str()
        .map(|t| t.trim().to_string())
        .ok_or_else(|| "no task on screen".to_string())
}

pub(crate) async fn wait_prompt(browser: &Browser, part: &str) -> Result<()> {
    browser
        .wait_until(
            &format!("the task {part:?}"),
            &format!(
                "(document.querySelector('#bib-task-prompt') || {{}}).textContent?.includes({})",
                json!(part)
            ),
        )
        .await
}

/// Joins the session of `code` (as the QR code gives it, here in lower case with a
/// dash) under `name`.
pub(crate) async fn join(browser: &Browser, code: &str, name: &str) -> Result<()> {
    let typed = format!("{}-{}", &code[..3], &code[3..]).to_lowercase();
    browser.goto(&format!("/bibster/?code={typed}")).await?;
    browser.wait_ready().await?;
    browser.find("#bib-name").await?;
    let shown = browser.text(".bib-code-shown").await?;
    assert_eq!(shown, code, "the code is shown large and tidy");
    browser.fill("#bib-name", name).await?;
    browser.click(".bib-join button[type=submit]").await?;
    browser.find(".bib-status").await?;
    Ok(())
}

#[tokio::test]
async fn a_team_plays_the_demo_story_through_a_branch_a_reload_and_an_offline_answer() -> Result<()>
{
    let (_server, browser) = start().await?;
    let session = start_session(&browser, "verdwenen boeken").await?;

    // An unknown code is refused beside the field, in Dutch.
    browser.goto("/bibster/").await?;
    browser.wait_ready().await?;
    browser.fill("#bib-code", "zzz-222").await?;
    browser.click(".bib-join button[type=submit]").await?;
    browser
        .wait_until(
            "the code's error",
            "document.querySelector('#bib-code-error').textContent.includes('kennen we niet')",
        )
        .await?;
    assert_eq!(
        browser
            .eval("return document.querySelector('#bib-code').getAttribute('aria-invalid');")
            .await?,
        json!("true")
    );

    // Join by the QR code's address; a rude name is refused with the server's message.
    let typed = format!("{}-{}", &session.code[..3], &session.code[3..]).to_lowercase();
    browser.goto(&format!("/bibster/?code={typed}")).await?;
    browser.wait_ready().await?;
    browser.find("#bib-name").await?;
    assert_axe_clean(&browser, "the join screen").await?;
    browser.fill("#bib-name", "Kut team").await?;
    browser.click(".bib-join button[type=submit]").await?;
    browser
        .wait_until(
            "the name's error",
            "document.querySelector('#bib-name-error').textContent.includes('andere teamnaam')",
        )
        .await?;
    browser.fill("#bib-name", "").await?;
    // Chromium logs the two refusals themselves (404, 422) and nothing else.
    let refusals = browser.console_errors().await?;
    assert!(
        refusals.len() == 2
            && refusals.iter().all(|e| e.source == "network"
                && (e.message.contains("(Not Found)")
                    || e.message.contains("(Unprocessable Entity)"))),
        "console errors: {refusals:#?}"
    );
    join(&browser, &session.code, "De Uilen").await?;

    // The first chapter: its picture (loaded from our server), an information page,
    // then the branch (two ways to go).
    wait_prompt(&browser, "").await?;
    browser
        .wait_until(
            "the chapter's picture",
            "document.querySelector('.bib-chapter__image')?.complete \
             && document.querySelector('.bib-chapter__image').naturalWidth > 0 \
             && document.querySelector('.bib-chapter__image').getAttribute('src') === '/data/bibster/demo/voetstappen.svg'",
        )
        .await?;
    browser.click(".bib-read").await?;
    browser.find("input[type=checkbox]").await?;
    let question = prompt(&browser).await?;
    assert_axe_clean(&browser, "a task").await?;
    // To the picture books: the branch follows the first option chosen.
    browser.click("#bib-spoor-1").await?;
    browser.click(".bib-answer button[type=submit]").await?;
    browser.find(".bib-feedback h2").await?;
    browser.click(".bib-next").await?;
    browser.find("#bib-typed").await?;
    let branch = prompt(&browser).await?;
    assert_ne!(branch, question);

    // A reload in the middle continues at the same task.
    browser.goto("/bibster/").await?;
    browser.wait_ready().await?;
    wait_prompt(&browser, &branch).await?;
    assert_eq!(browser.text(".bib-status__team").await?, "De Uilen");
    let errors = unexpected(browser.console_errors().await?);
    assert!(errors.is_empty(), "console errors: {errors:#?}");

    // Offline: the answer is kept and shown as waiting, then arrives once online.
    browser.cdp("Network.enable", json!({})).await?;
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({"offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}),
        )
        .await?;
    browser.fill("#bib-typed", "16").await?;
    browser.click(".bib-answer button[type=submit]").await?;
    browser.find(".bib-feedback--waiting").await?;
    let kept = browser
        .eval("return localStorage.getItem('bibster.pending');")
        .await?;
    assert!(
        kept.as_str().is_some_and(|k| k.contains("\"number\"")),
        "kept: {kept}"
    );
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({"offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}),
        )
        .await?;
    browser.find(".bib-feedback--right").await?;
    browser
        .wait_until(
            "the score",
            "document.querySelector('#bib-score').textContent === '10'",
        )
        .await?;
    assert_eq!(
        board_score(&browser, &session).await?,
        10,
        "the board has the answer"
    );
    assert_eq!(
        browser
            .eval("return localStorage.getItem('bibster.pending');")
            .await?,
        json!("[]")
    );

    // The last chapter: a task with a time limit counts down.
    browser.click(".bib-next").await?;
    browser.find(".bib-countdown").await?;

    // The leader's message comes live.
    staff_post(
        &browser,
        &session,
        "messages",
        json!({"text": "Nog vijf minuten!"}),
    )
    .await?;
    browser
        .wait_until(
            "the message",
            "document.querySelector('.bib-message--newest').textContent === 'Nog vijf minuten!'",
        )
        .await?;

    // The end: the team's score.
    staff_post(&browser, &session, "end", json!({})).await?;
    browser.find("#bib-end-heading").await?;
    assert_eq!(browser.text(".bib-end__points").await?, "10");
    assert_axe_clean(&browser, "the end screen").await?;
    let errors = unexpected(browser.console_errors().await?);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_team_the_leader_removes_gets_the_servers_message() -> Result<()> {
    let (_server, browser) = start().await?;
    let session = start_session(&browser, "verdwenen boeken").await?;
    join(&browser, &session.code, "De Vossen").await?;
    browser.find(".bib-read").await?;
    let team = browser
        .eval("return JSON.parse(localStorage.getItem('bibster.team')).team;")
        .await?;
    let path = format!("{LIBRARY_API}/sessions/{}/teams/{team}", session.id);
    let (status, text) = browser
        .fetch("DELETE", &path, session.headers.clone(), None)
        .await?;
    assert!((200..300).contains(&status), "remove: {status} {text}");
    browser
        .wait_until(
            "the server's message",
            "document.querySelector('.bib-removed')?.textContent.includes('speelt niet meer mee')",
        )
        .await?;
    // A new game forgets the team on this device.
    browser.click(".bib-end button").await?;
    browser.find("#bib-code").await?;
    assert_eq!(
        browser
            .eval("return [location.search, document.querySelector('#bib-code').value];")
            .await?,
        json!(["", ""]),
        "the old game's code is not asked again"
    );
    assert_eq!(
        browser
            .eval("return localStorage.getItem('bibster.team');")
            .await?,
        Value::Null
    );
    browser.close().await;
    Ok(())
}
