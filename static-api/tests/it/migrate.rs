//! `static-api migrate-data`: a single-machine suite's SQLite database, with rows in
//! every copied table, copied into PostgreSQL by the real binary; the copy serves the
//! same staff and programme, new rows get fresh ids, and a second run or a missing
//! source changes nothing.

use crate::support::{self, ADMIN, TestApp};

use std::process::{Command, Output};

use axum::http::StatusCode;
use static_api::db::{DatabaseUrl, Db};
use static_api::{AppState, Config};
use suite_domain::culture::insight::Interaction;
use suite_domain::import::ImportReport;
use suite_domain::org::Role;

fn migrate(from: &str, to: &DatabaseUrl) -> Output {
    Command::new(env!("CARGO_BIN_EXE_static-api"))
        .env_remove("DATABASE_URL")
        .args(["migrate-data", "--from", from, "--to", to.as_str()])
        .output()
        .expect("run static-api")
}

/// A demo suite on SQLite with a row in every table `migrate-data` copies, and a login
/// (a session, which is not copied).
async fn filled_sqlite() -> TestApp {
    let app = TestApp::new().await;
    let db = &app.state.db;
    let public = app.state.config.public_data_dir();
    static_api::demo::seed_programmes(db, &public)
        .await
        .expect("demo programme");
    let day = "2026-12-04";
    let themes = vec![("dieren".to_string(), 2, 1, 1)];
    assert!(
        db.add_usage(
            "demo-wetteren",
            "wetteren-hoofdbibliotheek-demo",
            day,
            true,
            3,
            &themes,
            100
        )
        .await
        .expect("usage")
    );
    let defaults = db.library_themes("demo-wetteren").await.expect("themes");
    db.save_library_themes("demo-wetteren", &defaults, "2026-12-04T10:00:00Z")
        .await
        .expect("save themes");
    let show = db.culture_shows("demo-nova").await.expect("shows")[0]
        .show
        .id
        .clone();
    assert!(
        db.add_culture_interaction("demo-nova", &show, day, Interaction::Heart, 100)
            .await
            .expect("interaction")
    );
    assert!(
        db.add_culture_feedback("demo-nova", &show, day, 4, true, Some("prachtig"), 5, 100)
            .await
            .expect("feedback")
    );
    app.state
        .record_import_run(
            "events",
            "centre",
            "demo-nova",
            "2026-12-04T10:00:00Z",
            &ImportReport::new("events"),
        )
        .await
        .expect("import run");
    let source = suite_domain::culture::source::ProgrammeSource {
        kind: suite_domain::culture::source::SourceKind::Organiser,
        value: "5cf42d51-3a4f-46f0-a8af-1cf672be8c84".into(),
    };
    db.set_programme_source(
        "demo-nova",
        Some(&source),
        "cc.nova@demo.invalid",
        "2026-12-04T10:00:00Z",
    )
    .await
    .expect("programme source");
    // A Bibster game played by a team: a session, the team, an opened task, an answer, a
    // message.
    let game = suite_import::bibster::parse_game(crate::bibster::STORY).expect("a game");
    let at = "2026-12-04T10:00:00Z";
    let game_id = db
        .create_bibster_game(
            "demo-wetteren",
            &game,
            None,
            "bib.wetteren@demo.invalid",
            at,
        )
        .await
        .expect("a game");
    let session = db
        .start_bibster_session(
            "demo-wetteren",
            game_id,
            "ABCDEF",
            &serde_json::to_string(&game).expect("json"),
            &game.title,
            suite_domain::bibster::api::TeamMode::Join,
            "bib.wetteren@demo.invalid",
            at,
        )
        .await
        .expect("a session")
        .expect("a free code");
    let team = db
        .add_bibster_team(session, "De Speurders", None, Some("hash"), 7, Some(at))
        .await
        .expect("a team")
        .expect("a free name");
    db.open_bibster_task(team, "begin", 1_000, false)
        .await
        .expect("opened");
    db.record_bibster_answer(&static_api::db::bibster_play::NewAnswer {
        team,
        session,
        task: "begin",
        answer: r#"{"type":"read"}"#,
        verdict: "right",
        points: 0,
        hint_opened: false,
        elapsed_ms: Some(2_000),
        at,
    })
    .await
    .expect("an answer");
    db.add_bibster_message(session, "Welkom!", at)
        .await
        .expect("a message");
    // E-book lending: a library that takes part, a title, a member and a loan.
    crate::support::ereader_takes_part(db, "demo-wetteren", 24_000, at).await;
    let title = db
        .ereader_add_title(&static_api::db::ereader::NewTitle {
            title: "Moby-Dick",
            creators: r#"["Herman Melville"]"#,
            language: "en",
            title_direction: "ltr",
            file_sha256: &"a".repeat(64),
            file_bytes: 1_629_839,
            licences: 2,
            licences_set: None,
            download: false,
            added_at: at,
            added_by: "admin@demo.invalid",
        })
        .await
        .expect("a title");
    let member = db
        .ereader_add_member("demo-wetteren", &"c".repeat(64), "$argon2id$x", at)
        .await
        .expect("a member")
        .expect("a new card");
    db.ereader_borrow(
        member,
        title,
        &suite_domain::lending::Policy::default(),
        1_800_000_000,
        None,
    )
    .await
    .expect("query")
    .expect("a loan");
    // Both licences lent, a third member waits.
    let policy = suite_domain::lending::Policy::default();
    let mut others = Vec::new();
    for card in ['d', 'e'] {
        others.push(
            db.ereader_add_member(
                "demo-wetteren",
                &card.to_string().repeat(64),
                "$argon2id$x",
                at,
            )
            .await
            .expect("a member")
            .expect("a new card"),
        );
    }
    db.ereader_borrow(others[0], title, &policy, 1_800_000_000, None)
        .await
        .expect("query")
        .expect("the second licence");
    db.ereader_queue(
        others[1],
        title,
        static_api::db::ereader::QueueOp::Reserve,
        &policy,
        1_800_000_001,
    )
    .await
    .expect("query")
    .expect("a place in the queue");
    db.ereader_add_note(
        member,
        title,
        "bookmark",
        r#"{"spine":1,"progress":0.5}"#,
        "",
        1_800_000_002,
        500,
    )
    .await
    .expect("query")
    .expect("a bookmark");
    // A link in flight.
    let invited = db
        .insert_staff(
            "uitgenodigd@bib.example",
            "Uitgenodigd",
            "",
            &Role::Admin,
            false,
        )
        .await
        .expect("an invited account");
    let now = static_api::auth::now_unix();
    db.insert_invitation(
        &static_api::auth::token_hash("t"),
        invited,
        ADMIN.0,
        now,
        now + 3600,
    )
    .await
    .expect("an invitation");
    // Voor de Show: a company, its show and upload, a performance, its code and plays.
    crate::vds::fill(db, at).await;
    assert_eq!(app.login(ADMIN.0, ADMIN.1).await.status, StatusCode::OK);
    for table in db.copied_table_rows().await.expect("counts") {
        assert!(table.rows > 0, "no rows in {}", table.table);
    }
    app
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_data_copies_a_sqlite_suite_into_postgres() {
    let source = filled_sqlite().await;
    let before = source.state.db.copied_table_rows().await.expect("counts");
    let data_dir = source.state.config.data_dir.clone();
    let url = support::postgres::fresh_database().await;

    let out = migrate(&format!("sqlite:{}", data_dir.display()), &url);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("the counts match"), "{stdout}");
    assert!(stdout.contains("not copied: sessions"), "{stdout}");
    let target = Db::open_postgres(&url).await.expect("open the copy");
    assert_eq!(target.copied_table_rows().await.expect("counts"), before);

    // The copy serves: the same programme and the same accounts (their password
    // hashes), without the sessions.
    let mut config = Config::new(&data_dir, source.dir.path().join("site"));
    config.database_url = Some(url.clone());
    let copy = TestApp::with_state(AppState::open(config).await.expect("open the copy"));
    assert_eq!(
        target.culture_shows("demo-nova").await.expect("shows"),
        source
            .state
            .db
            .culture_shows("demo-nova")
            .await
            .expect("shows")
    );
    let session = copy.session(ADMIN).await;
    let res = copy.get_as("/api/culture/demo-nova/shows", &session).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    let theirs = source.session(ADMIN).await;
    assert_eq!(
        source
            .get_as("/api/culture/demo-nova/shows", &theirs)
            .await
            .json,
        res.json
    );
    // New rows get ids after the copied ones.
    let id = target
        .insert_staff("nieuw@bib.example", "Nieuw", "x", &Role::Admin, false)
        .await
        .expect("a new staff id");
    let highest = source
        .state
        .db
        .insert_staff("nog-een@bib.example", "Nog een", "x", &Role::Admin, false)
        .await
        .expect("the source's next id");
    assert_eq!(id, highest, "both continue after the same copied ids");

    // A second run refuses (the target holds data) and changes nothing.
    let again = migrate(&format!("sqlite:{}", data_dir.display()), &url);
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("already holds data"), "{stderr}");
    let after = target.copied_table_rows().await.expect("counts");
    let staff = |rows: &[static_api::db::migrate_data::CopiedTable]| {
        rows.iter().find(|t| t.table == "staff").map(|t| t.rows)
    };
    assert_eq!(staff(&after), staff(&before).map(|n| n + 1));

    // A missing source is an error, not an empty copy.
    let empty_target = support::postgres::fresh_database().await;
    let missing = source.dir.path().join("nothing-here");
    let out = migrate(&format!("sqlite:{}", missing.display()), &empty_target);
    assert!(!out.status.success());
    assert!(!missing.exists(), "no database was created");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot read the SQLite database"),
        "{stderr}"
    );
}
