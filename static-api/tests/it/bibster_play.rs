//! Bibster's play on both databases: a leader starts a session of a published game; teams
//! join by name (filtered, unique) or with a pre-made team's code, see the game without
//! its answers, open tasks on the server's clock, answer along the story's path (the first
//! answer counts; a repeat gets the same result), take a hint for points, send a photo;
//! the leader reviews, renames and removes teams, sends messages and ends the session;
//! every change reaches the session's live events, also of another instance.

use crate::bibster::{QUEST, STORY, published_game};
use crate::support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::{Backend, GENT, Session, TestApp, WETTEREN};

pub(crate) const SESSIONS: &str = "/api/bibster/demo-wetteren/sessions";

/// A team's device.
pub(crate) struct Device {
    pub(crate) token: String,
}

pub(crate) async fn start(app: &TestApp, staff: &Session, game: i64, body: Value) -> Value {
    let mut body = body;
    body["game"] = json!(game);
    let started = app
        .request_as(Method::POST, SESSIONS, Some(body), staff)
        .await;
    assert_eq!(started.status, StatusCode::CREATED, "{}", started.json);
    started.json
}

async fn join(app: &TestApp, body: Value) -> support::TestResponse {
    app.raw(
        Method::POST,
        "/api/bibster/play/join",
        Some(body.to_string()),
        &[("content-type", "application/json")],
    )
    .await
}

impl Device {
    pub(crate) async fn joined(app: &TestApp, body: Value) -> Device {
        let joined = join(app, body).await;
        assert_eq!(joined.status, StatusCode::OK, "{}", joined.json);
        Device {
            token: joined.json["token"].as_str().expect("token").to_string(),
        }
    }

    async fn call(
        &self,
        app: &TestApp,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> support::TestResponse {
        app.raw(
            method,
            path,
            body.map(|b| b.to_string()),
            &[
                ("content-type", "application/json"),
                ("x-team-token", self.token.as_str()),
            ],
        )
        .await
    }

    pub(crate) async fn state(&self, app: &TestApp) -> Value {
        let state = self
            .call(app, Method::GET, "/api/bibster/play/state", None)
            .await;
        assert_eq!(state.status, StatusCode::OK, "{}", state.json);
        state.json
    }

    pub(crate) async fn open(
        &self,
        app: &TestApp,
        task: &str,
        hint: bool,
    ) -> support::TestResponse {
        self.call(
            app,
            Method::POST,
            "/api/bibster/play/open",
            Some(json!({"task": task, "hint": hint})),
        )
        .await
    }

    pub(crate) async fn answer(
        &self,
        app: &TestApp,
        task: &str,
        answer: Value,
    ) -> support::TestResponse {
        self.call(
            app,
            Method::POST,
            "/api/bibster/play/answers",
            Some(json!({"task": task, "answer": answer})),
        )
        .await
    }
}

async fn a_team_plays_a_story_along_its_path(backend: Backend) {
    let app = TestApp::on(backend).await;
    let staff = app.session(WETTEREN).await;
    let game = published_game(&app, &staff, STORY).await;
    let board = start(&app, &staff, game, json!({"teams": "join"})).await;
    let code = board["session"]["code"].as_str().expect("code").to_string();
    let session = board["session"]["id"].as_i64().expect("id");
    let info = app
        .get(&format!(
            "/api/bibster/play/sessions/{}",
            code.to_lowercase()
        ))
        .await;
    assert_eq!(info.json["teams_mode"], "join");
    assert_eq!(
        info.json["title"],
        "Het geheim van de verdwenen boeken (voorbeeld)"
    );

    // Names: filtered, unique within the session; an unknown code says so.
    for (name, field, message) in [
        ("Kut team", "name", "Kies een andere teamnaam."),
        (
            "jan@school.be",
            "name",
            "Gebruik alleen letters, cijfers en spaties in je teamnaam.",
        ),
    ] {
        let refused = join(&app, json!({"code": code, "name": name})).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused.json["error"]["field"], field);
        assert_eq!(refused.json["error"]["message"], message);
    }
    let unknown = join(&app, json!({"code": "ZZZZZZ", "name": "Speurders"})).await;
    assert_eq!(unknown.json["error"]["field"], "code");
    let team = Device::joined(
        &app,
        json!({"code": format!(" {}-{} ", &code[..3], &code[3..]), "name": "  De  Speurders "}),
    )
    .await;
    let taken = join(&app, json!({"code": code, "name": "De Speurders"})).await;
    assert_eq!(
        taken.json["error"]["message"],
        "Een ander team heeft die naam al. Kies een andere."
    );

    // The team's game gives no answers away.
    let state = team.state(&app).await;
    assert_eq!(state["name"], "De Speurders");
    let game_json = state["game"].to_string();
    for secret in ["\"correct\"", "KUIFJE", "Zoek bij de letter K", "\"value\""] {
        assert!(!game_json.contains(secret), "{secret} in {game_json}");
    }
    assert_eq!(state["game"]["tasks"][1]["several"], true);

    // Along the path: the next task only; the branch follows the first option chosen.
    let ahead = team
        .answer(&app, "dader", json!({"type": "choices", "value": [1]}))
        .await;
    assert_eq!(
        ahead.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not the next task"
    );
    let read = team.answer(&app, "begin", json!({"type": "read"})).await;
    assert_eq!(read.json["verdict"], "right");
    let opened = team.open(&app, "spoor", false).await;
    assert!(opened.json["opened_ms"].as_i64().is_some_and(|ms| ms > 0));
    let spoor = team
        .answer(&app, "spoor", json!({"type": "choices", "value": [0, 1]}))
        .await;
    assert_eq!(
        (spoor.json["verdict"].clone(), spoor.json["points"].clone()),
        (json!("right"), json!(5))
    );
    let again = team
        .answer(&app, "spoor", json!({"type": "choices", "value": [0]}))
        .await;
    assert_eq!(again.json, spoor.json, "the first answer counts");
    // Option 0 leads to the comics: `strip` is next, `prent` (the other branch) is not.
    assert_eq!(
        team.answer(&app, "prent", json!({"type": "number", "value": 16}))
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let hint = team.open(&app, "strip", true).await;
    assert_eq!(hint.json["hint"], "Zoek bij de letter K.");
    let code_answer = team
        .answer(&app, "strip", json!({"type": "text", "value": "kuifje"}))
        .await;
    assert_eq!(
        code_answer.json["points"], 6,
        "10 less the hint's 4: {}",
        code_answer.json
    );
    // `strips` goes on to `slot` (its `next`), not to `prenten`.
    let wrong = team
        .answer(&app, "dader", json!({"type": "choices", "value": [0]}))
        .await;
    assert_eq!(
        (wrong.json["verdict"].clone(), wrong.json["points"].clone()),
        (json!("wrong"), json!(0))
    );
    let open_text = team
        .answer(
            &app,
            "einde",
            json!({"type": "text", "value": "Zelf boeken schrijven!"}),
        )
        .await;
    assert_eq!(open_text.json["verdict"], "to_review");
    let state = team.state(&app).await;
    assert_eq!(state["score"], 11);
    assert_eq!(state["answers"].as_array().map(Vec::len), Some(5));
    assert_eq!(state["opened"][1]["hint"], "Zoek bij de letter K.");

    // The leader reviews: at most the task's points; judged once.
    let reviews_path = format!("{SESSIONS}/{session}/reviews");
    let reviews = app.get_as(&reviews_path, &staff).await;
    assert_eq!(reviews.json[0]["task"], "einde");
    assert_eq!(reviews.json[0]["answer"]["value"], "Zelf boeken schrijven!");
    let team_id = reviews.json[0]["team"].clone();
    let too_many = app
        .request_as(
            Method::POST,
            &reviews_path,
            Some(json!({"team": team_id, "task": "einde", "approve": true, "points": 11})),
            &staff,
        )
        .await;
    assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
    let approve = app
        .request_as(
            Method::POST,
            &reviews_path,
            Some(json!({"team": team_id, "task": "einde", "approve": true, "points": 8})),
            &staff,
        )
        .await;
    assert_eq!(approve.status, StatusCode::NO_CONTENT, "{}", approve.json);
    let twice = app
        .request_as(
            Method::POST,
            &reviews_path,
            Some(json!({"team": team_id, "task": "einde", "approve": false})),
            &staff,
        )
        .await;
    assert_eq!(twice.status, StatusCode::NOT_FOUND);
    assert_eq!(team.state(&app).await["score"], 19);
    let board = app.get_as(&format!("{SESSIONS}/{session}"), &staff).await;
    assert_eq!(board.json["teams"][0]["score"], 19);
    assert_eq!(board.json["teams"][0]["answered"], 5);
    assert_eq!(board.json["to_review"], 0);

    // Messages reach the team; after the end nothing more is taken, the score stays.
    let message = app
        .request_as(
            Method::POST,
            &format!("{SESSIONS}/{session}/messages"),
            Some(json!({"text": "Nog vijf minuten!"})),
            &staff,
        )
        .await;
    assert_eq!(message.status, StatusCode::NO_CONTENT);
    assert_eq!(
        team.state(&app).await["messages"][0]["text"],
        "Nog vijf minuten!"
    );
    let ended = app
        .request_as(
            Method::POST,
            &format!("{SESSIONS}/{session}/end"),
            None,
            &staff,
        )
        .await;
    assert!(ended.json["session"]["ended_at"].is_string());
    let state = team.state(&app).await;
    assert_eq!(
        (state["ended"].clone(), state["score"].clone()),
        (json!(true), json!(19))
    );
    let late = team.open(&app, "dader", false).await;
    assert_eq!(late.json["error"]["message"], "Dit spel is afgelopen.");
    assert_eq!(
        join(&app, json!({"code": code, "name": "Laatkomers"}))
            .await
            .json["error"]["field"],
        "code"
    );

    // Statistics count what was played.
    let stats = app
        .get_as(
            &format!("/api/bibster/demo-wetteren/games/{game}/stats"),
            &staff,
        )
        .await;
    assert_eq!(
        (
            stats.json["sessions"].clone(),
            stats.json["teams"].clone(),
            stats.json["answers"].clone()
        ),
        (json!(1), json!(1), json!(5))
    );
    let dader = stats.json["tasks"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["task"] == "dader"))
        .cloned()
        .expect("dader");
    assert_eq!(
        (dader["answered"].clone(), dader["right"].clone()),
        (json!(1), json!(0))
    );

    // The library's statistics over all its games: this game's totals, and this month.
    let right = state["answers"]
        .as_array()
        .map(|a| a.iter().filter(|a| a["verdict"] == "right").count())
        .expect("answers");
    assert!(right >= 2, "the hint task and the approved one: {right}");
    let library = app.get_as("/api/bibster/demo-wetteren/stats", &staff).await;
    assert_eq!(library.status, StatusCode::OK, "{}", library.json);
    let totals =
        |v: &Value| [&v["sessions"], &v["teams"], &v["answers"], &v["right"]].map(|n| n.as_u64());
    let this = library.json["games"]
        .as_array()
        .and_then(|g| g.iter().find(|g| g["game"] == game))
        .cloned()
        .expect("this game");
    assert_eq!(totals(&this), [1, 1, 5, right as u64].map(Some));
    assert_eq!(
        totals(&library.json),
        totals(&this),
        "no other game was played"
    );
    let month = &library.json["months"][0];
    assert_eq!(
        month["month"].as_str().map(str::len),
        Some(7),
        "{}",
        library.json
    );
    assert_eq!(
        [&month["sessions"], &month["teams"], &month["answers"]].map(|n| n.as_u64()),
        [1, 1, 5].map(Some)
    );
    let gent = app.session(GENT).await;
    let other = app.get_as("/api/bibster/demo-wetteren/stats", &gent).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
}

async fn pre_made_teams_reviews_of_photos_and_the_leaders_changes(backend: Backend) {
    let app = TestApp::on(backend).await;
    let staff = app.session(WETTEREN).await;
    let game = published_game(&app, &staff, QUEST).await;
    let refused = app
        .request_as(
            Method::POST,
            SESSIONS,
            Some(json!({"game": game, "teams": "premade", "names": ["Rood", "Kanker"]})),
            &staff,
        )
        .await;
    assert_eq!(refused.json["error"]["field"], "name");
    let board = start(
        &app,
        &staff,
        game,
        json!({"teams": "premade", "names": ["Rood", "Blauw"]}),
    )
    .await;
    let code = board["session"]["code"].as_str().expect("code").to_string();
    let session = board["session"]["id"].as_i64().expect("id");
    let teams = board["teams"].as_array().cloned().expect("teams");
    assert_eq!(teams.len(), 2);
    assert!(
        teams
            .iter()
            .all(|t| t["joined"] == false && t["code"].as_str().is_some_and(|c| c.len() == 6))
    );
    let rood = teams
        .iter()
        .find(|t| t["name"] == "Rood")
        .cloned()
        .expect("Rood");
    let wrong = join(&app, json!({"code": code, "team_code": "AAAAAA"})).await;
    assert_eq!(
        wrong.json["error"]["message"],
        "Deze teamcode hoort niet bij dit spel."
    );
    let first = Device::joined(&app, json!({"code": code, "team_code": rood["code"]})).await;
    // A second device with the team's code takes the team over.
    let second = Device::joined(&app, json!({"code": code, "team_code": rood["code"]})).await;
    assert_eq!(
        first
            .call(&app, Method::GET, "/api/bibster/play/state", None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );

    // The quest's locks: `jaar` waits for `nijntje`.
    assert_eq!(
        second
            .answer(&app, "jaar", json!({"type": "number", "value": 1955}))
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        second
            .answer(&app, "nijntje", json!({"type": "choices", "value": [0]}))
            .await
            .json["points"],
        10
    );
    assert_eq!(
        second
            .answer(&app, "jaar", json!({"type": "number", "value": 1956}))
            .await
            .json["verdict"],
        "right"
    );
    // Order: in the order the team saw; the right order of what it saw is right.
    let state = second.state(&app).await;
    let seen: Vec<String> = state["game"]["tasks"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == "volgorde"))
        .and_then(|t| t["items"].as_array())
        .map(|i| {
            i.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .expect("items");
    assert_ne!(
        seen,
        ["prentenboek", "leesboek", "roman"],
        "shuffled for the team"
    );
    let places: Vec<usize> = ["prentenboek", "leesboek", "roman"]
        .iter()
        .map(|x| seen.iter().position(|s| s == x).expect("seen"))
        .collect();
    assert_eq!(
        second
            .answer(&app, "volgorde", json!({"type": "order", "value": places}))
            .await
            .json["verdict"],
        "right"
    );

    // A photo: kept for review, shown only to the library's staff.
    let photo_path = "/api/bibster/play/photos/foto";
    let not_yet = app
        .raw_bytes(
            Method::POST,
            photo_path,
            Some(support::png_of(20, 20, 9)),
            &[
                ("x-team-token", second.token.as_str()),
                ("content-type", "image/png"),
            ],
        )
        .await;
    assert_eq!(
        not_yet.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "locked until strips and volgorde"
    );
    assert_eq!(
        second
            .answer(&app, "strips", json!({"type": "text", "value": "strip 7"}))
            .await
            .json["verdict"],
        "right"
    );
    let not_a_photo = app
        .raw_bytes(
            Method::POST,
            photo_path,
            Some(b"hallo".to_vec()),
            &[
                ("x-team-token", second.token.as_str()),
                ("content-type", "image/png"),
            ],
        )
        .await;
    assert_eq!(not_a_photo.status, StatusCode::UNPROCESSABLE_ENTITY);
    let photo = app
        .raw_bytes(
            Method::POST,
            photo_path,
            Some(support::png_of(20, 20, 9)),
            &[
                ("x-team-token", second.token.as_str()),
                ("content-type", "image/png"),
            ],
        )
        .await;
    assert_eq!(photo.json["verdict"], "to_review", "{}", photo.json);
    let reviews = app
        .get_as(&format!("{SESSIONS}/{session}/reviews"), &staff)
        .await;
    assert_eq!(reviews.json[0]["task"], "foto");
    let team_id = reviews.json[0]["team"].as_i64().expect("team");
    let shown = app
        .get_as(
            &format!("{SESSIONS}/{session}/photos/{team_id}/foto"),
            &staff,
        )
        .await;
    assert_eq!(shown.status, StatusCode::OK);
    assert_eq!(
        shown.header("cache-control").as_deref(),
        Some("private, no-store")
    );
    assert!(shown.body.starts_with(b"\x89PNG") || shown.body.starts_with(b"\xff\xd8"));
    let gent = app.session(GENT).await;
    assert_eq!(
        app.get_as(
            &format!("{SESSIONS}/{session}/photos/{team_id}/foto"),
            &gent
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(&format!("{SESSIONS}/{session}/photos/{team_id}/foto"))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let dir = app
        .state
        .config
        .data_dir
        .join("bibster-photos")
        .join(session.to_string());
    assert_eq!(
        std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0),
        1,
        "one photo kept"
    );
    assert!(
        !app.state
            .config
            .public_data_dir()
            .join("bibster-photos")
            .exists()
    );

    // Rename (checked, unique), add and remove a team; a removed team's device is told.
    let teams_path = format!("{SESSIONS}/{session}/teams");
    let taken = app
        .request_as(
            Method::PUT,
            &format!("{teams_path}/{team_id}"),
            Some(json!({"name": "Blauw"})),
            &staff,
        )
        .await;
    assert_eq!(
        taken.json["error"]["message"],
        "Een ander team heeft die naam al. Kies een andere."
    );
    let renamed = app
        .request_as(
            Method::PUT,
            &format!("{teams_path}/{team_id}"),
            Some(json!({"name": "Rode Raketten"})),
            &staff,
        )
        .await;
    assert!(
        renamed.json["teams"]
            .as_array()
            .is_some_and(|t| t.iter().any(|t| t["name"] == "Rode Raketten"))
    );
    let added = app
        .request_as(
            Method::POST,
            &teams_path,
            Some(json!({"name": "Groen"})),
            &staff,
        )
        .await;
    assert_eq!(added.json["teams"].as_array().map(Vec::len), Some(3));
    let removed = app
        .request_as(
            Method::DELETE,
            &format!("{teams_path}/{team_id}"),
            None,
            &staff,
        )
        .await;
    assert_eq!(removed.json["teams"].as_array().map(Vec::len), Some(2));
    let told = second
        .call(&app, Method::GET, "/api/bibster/play/state", None)
        .await;
    assert_eq!(
        told.json["error"]["message"],
        "Jullie team speelt niet meer mee. Vraag het aan de spelleider."
    );
    // Another library's staff see nothing of the session.
    assert_eq!(
        app.get_as(&format!("{SESSIONS}/{session}"), &gent)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

on_both_backends!(
    a_team_plays_a_story_along_its_path,
    pre_made_teams_reviews_of_photos_and_the_leaders_changes
);
