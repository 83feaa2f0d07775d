//! Bibster's builder API on both databases: games made from the example files, refused
//! with the place and a Dutch message when not sound (or newer, or not a game), scoped
//! to the library's staff and to libraries with Bibster on; published, shared in the
//! template library, copied by another library with a link to the source, exported and
//! read back; pictures for floor plans.

use crate::support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use suite_domain::org::{OrgKind, OrgRef};
use suite_domain::service::SubscriptionState;
use support::{Backend, GENT, Session, TestApp, WETTEREN};

pub(crate) const QUEST: &str = include_str!("../../../tests/fixtures/bibster/speurtocht.json");
pub(crate) const STORY: &str = include_str!("../../../tests/fixtures/bibster/verhaal.json");
pub(crate) const GAMES: &str = "/api/bibster/demo-wetteren/games";

/// Makes a game of demo-wetteren from `file` and publishes it; its id.
pub(crate) async fn published_game(app: &TestApp, staff: &Session, file: &str) -> i64 {
    let body: Value = serde_json::from_str(file).expect("a game file");
    let made = app.request_as(Method::POST, GAMES, Some(body), staff).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.json);
    let id = made.json["id"].as_i64().expect("an id");
    let state = format!("{GAMES}/{id}/state");
    let published = app
        .request_as(
            Method::PUT,
            &state,
            Some(json!({"state": "published"})),
            staff,
        )
        .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.json);
    id
}

async fn staff_make_publish_share_copy_and_export_games(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let empty = app.get_as(GAMES, &wetteren).await;
    assert_eq!(
        (empty.status, empty.json.clone()),
        (StatusCode::OK, json!([]))
    );

    let quest: Value = serde_json::from_str(QUEST).expect("quest");
    let made = app
        .request_as(Method::POST, GAMES, Some(quest.clone()), &wetteren)
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.json);
    let id = made.json["id"].as_i64().expect("id");
    assert_eq!(made.json["state"], "draft");
    assert_eq!(made.json["tasks"], 9);
    assert_eq!(made.json["variant"], "quest");
    assert_eq!(made.json["game"]["spots"][2]["after"], json!(["nijntje"]));
    let game = format!("{GAMES}/{id}");

    // Not sound: the place of the first problem and a Dutch message; nothing changes.
    let mut broken = quest.clone();
    broken["tasks"][2]["correct"] = json!([7]);
    let refused = app
        .request_as(Method::PUT, &game, Some(broken), &wetteren)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.json["error"]["field"], "tasks[2].correct");
    assert_eq!(
        refused.json["error"]["message"],
        "Het spel klopt nog niet. Kijk de gemarkeerde onderdelen na."
    );
    let mut newer = quest.clone();
    newer["format"] = json!(9);
    newer["tasks"][0]["type"] = json!("hologram");
    let refused = app
        .request_as(Method::POST, GAMES, Some(newer), &wetteren)
        .await;
    assert_eq!(refused.json["error"]["field"], "format", "{}", refused.json);
    let refused = app
        .request_as(Method::POST, GAMES, Some(json!({"titel": "x"})), &wetteren)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.json["error"]["message"],
        "Dit is geen Bibster-spel, of het bestand is beschadigd."
    );
    assert_eq!(app.get_as(&game, &wetteren).await.json["tasks"], 9);

    // Only a published game is shared; another library's staff cannot touch it.
    let shared = format!("{game}/shared");
    let refused = app
        .request_as(
            Method::PUT,
            &shared,
            Some(json!({"shared": true})),
            &wetteren,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let gent = app.session(GENT).await;
    for (method, path) in [(Method::GET, GAMES), (Method::GET, game.as_str())] {
        let other = app.request_as(method, path, None, &gent).await;
        assert_eq!(other.status, StatusCode::FORBIDDEN, "{path}");
    }
    let state = format!("{game}/state");
    let published = app
        .request_as(
            Method::PUT,
            &state,
            Some(json!({"state": "published"})),
            &wetteren,
        )
        .await;
    assert_eq!(published.json["state"], "published");
    let on = app
        .request_as(
            Method::PUT,
            &shared,
            Some(json!({"shared": true})),
            &wetteren,
        )
        .await;
    assert_eq!(on.json["shared"], true, "{}", on.json);

    // The template library names the library; Gent copies the template and adapts it.
    let templates = app.get_as("/api/bibster/templates", &gent).await;
    assert_eq!(templates.json[0]["id"], id);
    assert_eq!(
        templates.json[0]["library_name"],
        "Bibliotheek Wetteren (demo)"
    );
    let copy = app
        .request_as(
            Method::POST,
            &format!("/api/bibster/demo-gent/games/{id}/copy"),
            None,
            &gent,
        )
        .await;
    assert_eq!(copy.status, StatusCode::CREATED, "{}", copy.json);
    assert_eq!(copy.json["library"], "demo-gent");
    assert_eq!(copy.json["state"], "draft");
    assert_eq!(copy.json["source"]["id"], id);
    assert_eq!(
        copy.json["source"]["library_name"],
        "Bibliotheek Wetteren (demo)"
    );
    assert_eq!(copy.json["game"], made.json["game"]);
    // A game neither shared nor Gent's own cannot be copied by Gent.
    let off = app
        .request_as(
            Method::PUT,
            &shared,
            Some(json!({"shared": false})),
            &wetteren,
        )
        .await;
    assert_eq!(off.json["shared"], false);
    let refused = app
        .request_as(
            Method::POST,
            &format!("/api/bibster/demo-gent/games/{id}/copy"),
            None,
            &gent,
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get_as("/api/bibster/templates", &gent).await.json,
        json!([])
    );
    // A library's copy of its own game says so in its title.
    let own = app
        .request_as(Method::POST, &format!("{game}/copy"), None, &wetteren)
        .await;
    assert_eq!(
        own.json["title"],
        "Speurtocht door de bib (voorbeeld) (kopie)"
    );

    // Export, then import: the same game.
    let export = app.get_as(&format!("{game}/export"), &wetteren).await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(
        export
            .header("content-disposition")
            .is_some_and(|d| d.contains("attachment")),
    );
    let file: Value = serde_json::from_slice(&export.body).expect("a game file");
    let again = app
        .request_as(Method::POST, GAMES, Some(file), &wetteren)
        .await;
    assert_eq!(again.json["game"], made.json["game"]);

    // Archived games stay in the list, saying so.
    app.request_as(
        Method::PUT,
        &state,
        Some(json!({"state": "archived"})),
        &wetteren,
    )
    .await;
    let listed = app.get_as(GAMES, &wetteren).await;
    assert!(
        listed
            .json
            .as_array()
            .is_some_and(|g| g.iter().any(|g| g["id"] == id && g["state"] == "archived"))
    );

    // Statistics of a game nobody played yet: every task, nothing answered.
    let stats = app.get_as(&format!("{game}/stats"), &wetteren).await;
    assert_eq!(stats.json["sessions"], 0);
    assert_eq!(stats.json["tasks"].as_array().map(Vec::len), Some(9));
}

async fn bibster_works_only_where_it_is_switched_on(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let game = published_game(&app, &wetteren, STORY).await;
    let started = app
        .request_as(
            Method::POST,
            "/api/bibster/demo-wetteren/sessions",
            Some(json!({"game": game, "teams": "join"})),
            &wetteren,
        )
        .await;
    let code = started.json["session"]["code"]
        .as_str()
        .expect("code")
        .to_string();
    let info = format!("/api/bibster/play/sessions/{code}");
    assert_eq!(app.get(&info).await.status, StatusCode::OK);
    let org = OrgRef::new(OrgKind::Library, "demo-wetteren");
    app.state
        .db
        .write_subscription(static_api::db::service::SubscriptionWrite {
            org: &org,
            app: "bibster",
            state: SubscriptionState::Paused,
            by: "test",
            at: "2026-12-05T10:00:00Z",
            population: None,
        })
        .await
        .expect("pause");
    let refused = app.get_as(GAMES, &wetteren).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.json["error"]["field"], "library");
    assert_eq!(
        refused.json["error"]["message"],
        "Bibster is hier (nog) niet actief."
    );
    assert_eq!(app.get(&info).await.status, StatusCode::NOT_FOUND);
    let join = app
        .raw(
            Method::POST,
            "/api/bibster/play/join",
            Some(json!({"code": code, "name": "De Speurders"}).to_string()),
            &[("content-type", "application/json")],
        )
        .await;
    assert_eq!(join.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(join.json["error"]["field"], "code");
}

async fn pictures_for_floor_plans_are_stored_anew_and_public(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let png = support::png_of(64, 40, 200);
    let headers = [
        ("cookie", wetteren.cookie.as_str()),
        ("x-csrf-token", wetteren.csrf.as_str()),
        ("content-type", "image/png"),
    ];
    let stored = app
        .raw_bytes(
            Method::POST,
            "/api/bibster/demo-wetteren/pictures",
            Some(png),
            &headers,
        )
        .await;
    assert_eq!(stored.status, StatusCode::OK, "{}", stored.json);
    let path = stored.json["path"].as_str().expect("a path");
    assert!(
        path.starts_with("/data/bibster/demo-wetteren/pictures/"),
        "{path}"
    );
    let file = app
        .state
        .config
        .public_data_dir()
        .join(path.trim_start_matches("/data/"));
    assert!(file.is_file(), "{}", file.display());
    let not_a_picture = app
        .raw_bytes(
            Method::POST,
            "/api/bibster/demo-wetteren/pictures",
            Some(b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec()),
            &headers,
        )
        .await;
    assert_eq!(not_a_picture.status, StatusCode::UNPROCESSABLE_ENTITY);
    let gent = app.session(GENT).await;
    let other = app
        .raw_bytes(
            Method::POST,
            "/api/bibster/demo-wetteren/pictures",
            Some(support::png_of(8, 8, 1)),
            &[
                ("cookie", gent.cookie.as_str()),
                ("x-csrf-token", gent.csrf.as_str()),
                ("content-type", "image/png"),
            ],
        )
        .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
}

on_both_backends!(
    staff_make_publish_share_copy_and_export_games,
    bibster_works_only_where_it_is_switched_on,
    pictures_for_floor_plans_are_stored_anew_and_public
);

/// `static-api import bibster-game`: an operator adds the example games to a library
/// with Bibster on; a broken file is refused with the place of its problem and stores
/// nothing; a library without Bibster is refused.
async fn an_operator_imports_game_files(backend: Backend) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().to_str().expect("a UTF-8 path");
    let url = support::database_url(backend).await;
    let run = |args: &[&str]| {
        let mut all = vec!["--data-dir", data];
        all.extend_from_slice(args);
        let out = crate::cli::static_api(&all, url.as_ref());
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/bibster");
    let quest = fixtures.join("speurtocht.json");
    let story = fixtures.join("verhaal.json");
    let (quest, story) = (quest.to_str().expect("path"), story.to_str().expect("path"));
    let (ok, _, err) = run(&[
        "org",
        "create",
        "--kind",
        "library",
        "--id",
        "aalst",
        "--name",
        "Bibliotheek Aalst",
    ]);
    assert!(ok, "{err}");
    let (ok, _, err) = run(&["import", "bibster-game", "--library", "aalst", quest]);
    assert!(
        !ok && err.contains("no active Bibster subscription"),
        "{err}"
    );
    let (ok, _, err) = run(&["subscription", "activate", "library/aalst", "bibster"]);
    assert!(ok, "{err}");
    let (ok, out, err) = run(&[
        "import",
        "bibster-game",
        "--library",
        "aalst",
        "--publish",
        quest,
        story,
    ]);
    assert!(ok, "{err}");
    assert!(
        out.contains("\"Speurtocht door de bib (voorbeeld)\" (9 tasks), published"),
        "{out}"
    );
    assert!(out.contains("(6 tasks), published"), "{out}");
    let broken = dir.path().join("kapot.json");
    let text = std::fs::read_to_string(quest)
        .expect("quest")
        .replace("\"correct\": [0]", "\"correct\": [5]");
    std::fs::write(&broken, text).expect("write");
    let (ok, _, err) = run(&[
        "import",
        "bibster-game",
        "--library",
        "aalst",
        broken.to_str().expect("path"),
    ]);
    assert!(!ok && err.contains("tasks[2].correct"), "{err}");
    // What is stored: the two games, published; nothing of the broken file.
    let mut config = static_api::Config::new(dir.path(), dir.path().join("site"));
    config.database_url = url.clone();
    let state = static_api::AppState::open(config).await.expect("open");
    let games = state.db.bibster_games("aalst", true).await.expect("games");
    assert_eq!(games.len(), 2);
    assert!(
        games
            .iter()
            .all(|g| g.state == suite_domain::bibster::api::GameState::Published)
    );
}

on_both_backends!(an_operator_imports_game_files);

/// A game as large as a game may be (2 MB) is taken; a 50 MB file is refused with the
/// size in Dutch and nothing stored.
async fn large_games_up_to_the_file_limit(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let mut game: Value = serde_json::from_str(QUEST).expect("quest");
    // 200 tasks of 4,000 characters: about 0.9 MB, far over other bodies' 64 KB.
    let long = "lang verhaal ".repeat(400);
    let tasks: Vec<Value> = (0..200)
        .map(|i| json!({"id": format!("t{i}"), "prompt": long[..4000].to_string(), "type": "info"}))
        .collect();
    game["tasks"] = json!(tasks);
    game["spots"] = json!([]);
    let made = app
        .request_as(Method::POST, GAMES, Some(game.clone()), &wetteren)
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.json);
    let huge = "x".repeat(50 * 1024 * 1024);
    let refused = app
        .raw(
            Method::POST,
            GAMES,
            Some(format!("{{\"format\": 1, \"title\": \"{huge}\"}}")),
            &[
                ("cookie", wetteren.cookie.as_str()),
                ("x-csrf-token", wetteren.csrf.as_str()),
                ("content-type", "application/json"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        refused.json["error"]["message"],
        "Dit is te groot om te versturen."
    );
    assert_eq!(
        app.get_as(GAMES, &wetteren)
            .await
            .json
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

on_both_backends!(large_games_up_to_the_file_limit);
