//! The store's Bieblo kiosks on both backends: a kiosk per library branch with its own
//! settings, the old one-per-library kiosks moved by migration 0013, their heartbeats
//! (migration 0016), and import runs.

use crate::store::{empty, library};
use crate::support::{self, Backend};

use static_api::db::Db;
use suite_domain::bieblo::kiosk::KioskSettingsUpdate;
use suite_domain::org::OrgKind;

async fn kiosks_and_import_runs(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    db.insert_org(&library("wetteren", "Bibliotheek Wetteren"))
        .await
        .expect("org");
    for (id, name) in [("hoofd", "Hoofdbib"), ("filiaal", "Filiaal")] {
        let branch = suite_domain::service::Branch {
            id: id.into(),
            name: name.into(),
            location_id: String::new(),
            address: String::new(),
        };
        db.put_branch("wetteren", &branch).await.expect("branch");
    }
    // Every branch has a kiosk, off until staff switch it on.
    let kiosks = db.library_kiosks("wetteren").await.expect("kiosks");
    let seen: Vec<_> = kiosks
        .iter()
        .map(|k| {
            (
                k.branch_id.as_str(),
                k.branch.as_str(),
                k.idle_seconds,
                k.active,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("filiaal", "Filiaal", 60, false),
            ("hoofd", "Hoofdbib", 60, false)
        ]
    );
    assert!(
        db.kiosk("wetteren", "elders")
            .await
            .expect("read")
            .is_none()
    );
    assert!(!db.has_kiosk_settings("wetteren").await.expect("read"));
    let update = |active: bool| KioskSettingsUpdate {
        idle_seconds: 90,
        active,
        lang: if active {
            suite_domain::i18n::Lang::En
        } else {
            suite_domain::i18n::Lang::Nl
        },
    };
    db.save_kiosk("wetteren", "hoofd", &update(false))
        .await
        .expect("save");
    assert!(db.has_kiosk_settings("wetteren").await.expect("read"));
    assert!(db.active_kiosks().await.expect("list").is_empty());
    db.save_kiosk("wetteren", "filiaal", &update(true))
        .await
        .expect("save the other");
    let kiosk = db
        .kiosk("wetteren", "filiaal")
        .await
        .expect("read")
        .expect("there");
    assert_eq!(
        (
            kiosk.branch.as_str(),
            kiosk.idle_seconds,
            kiosk.active,
            kiosk.subscribed,
            kiosk.lang
        ),
        ("Filiaal", 90, true, false, suite_domain::i18n::Lang::En)
    );
    let hoofd = db.kiosk("wetteren", "hoofd").await.expect("read");
    assert_eq!(hoofd.map(|k| (k.idle_seconds, k.active)), Some((90, false)));
    // Switched on by staff, but Bieblo is not (yet) the library's: not listed.
    assert!(db.active_kiosks().await.expect("list").is_empty());
    let org = suite_domain::org::OrgRef::new(OrgKind::Library, "wetteren");
    db.write_subscription(static_api::db::service::SubscriptionWrite {
        org: &org,
        app: "bieblo",
        state: suite_domain::service::SubscriptionState::Active,
        by: "admin@bib.example",
        at: "2026-12-05T00:00:00Z",
        population: None,
    })
    .await
    .expect("switched on");
    assert!(
        db.kiosk("wetteren", "filiaal")
            .await
            .expect("read")
            .expect("there")
            .subscribed
    );
    let listed = db.active_kiosks().await.expect("list");
    assert_eq!(
        listed
            .iter()
            .map(|k| k.branch_id.as_str())
            .collect::<Vec<_>>(),
        ["filiaal"]
    );
    // A removed branch takes its kiosk along.
    assert!(
        db.delete_branch("wetteren", "filiaal")
            .await
            .expect("delete")
    );
    assert!(db.active_kiosks().await.expect("list").is_empty());
    assert_eq!(
        db.library_kiosks("wetteren").await.expect("kiosks").len(),
        1
    );
    for n in 1..=3 {
        db.insert_import_run(
            "catalogue",
            "library",
            "wetteren",
            &format!("2026-12-0{n}"),
            &format!("{{\"n\":{n}}}"),
        )
        .await
        .expect("run");
    }
    let runs = db
        .import_runs("library", "wetteren", 2)
        .await
        .expect("runs");
    assert_eq!(
        runs,
        [
            ("2026-12-03".to_string(), "{\"n\":3}".to_string()),
            ("2026-12-02".to_string(), "{\"n\":2}".to_string())
        ]
    );
}

/// A database with the migrations up to 0012 only (a suite from before the kiosks per
/// branch), opened as the server opens it.
async fn database_before_0013(
    backend: Backend,
) -> (
    sqlx::AnyPool,
    Option<static_api::db::DatabaseUrl>,
    tempfile::TempDir,
) {
    sqlx::any::install_default_drivers();
    let dir = tempfile::tempdir().expect("temp dir");
    let url = support::database_url(backend).await;
    let (mut migrator, address) = match &url {
        None => (
            sqlx::migrate!("./migrations/sqlite"),
            format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("suite.sqlite").display()
            ),
        ),
        Some(url) => (
            sqlx::migrate!("./migrations/postgres"),
            url.as_str().to_string(),
        ),
    };
    migrator.migrations = migrator
        .migrations
        .iter()
        .filter(|m| m.version <= 12)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    let pool = sqlx::AnyPool::connect(&address).await.expect("connect");
    migrator.run(&pool).await.expect("migrations up to 0012");
    (pool, url, dir)
}

async fn old_kiosks_move_to_their_branch(backend: Backend) {
    let (pool, url, dir) = database_before_0013(backend).await;
    for statement in [
        "INSERT INTO organisations (kind, id, name, town) VALUES \
         ('library', 'wetteren', 'Bib Wetteren', ''), ('library', 'gent', 'Bib Gent', '')",
        "INSERT INTO library_branches (library_id, id, name) VALUES \
         ('wetteren', 'hoofd', 'Hoofdbib'), ('wetteren', 'massemen', 'Massemen')",
        // Wetteren's kiosk names an existing branch; Gent's names one that is not there.
        "INSERT INTO bieblo_kiosks (library_id, branch, idle_seconds, active) VALUES \
         ('wetteren', 'Massemen', 90, 1), ('gent', 'De Krook', 45, 0)",
        "INSERT INTO bieblo_daily (library_id, day, visits, tips) VALUES \
         ('wetteren', '2026-12-01', 4, 32), ('gent', '2026-12-01', 1, 8)",
    ] {
        sqlx::query(statement)
            .execute(&pool)
            .await
            .expect(statement);
    }
    pool.close().await;
    let db = Db::connect(dir.path(), url.as_ref())
        .await
        .expect("the server's migrations");
    let kiosks = |library: &'static str| {
        let db = db.clone();
        async move {
            db.library_kiosks(library)
                .await
                .expect("kiosks")
                .into_iter()
                .map(|k| (k.branch_id, k.branch, k.idle_seconds, k.active))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        kiosks("wetteren").await,
        [
            ("hoofd".to_string(), "Hoofdbib".to_string(), 60, false),
            ("massemen".to_string(), "Massemen".to_string(), 90, true)
        ]
    );
    assert_eq!(
        kiosks("gent").await,
        [("kiosk".to_string(), "De Krook".to_string(), 45, false)]
    );
    let stats = db
        .kiosk_stats("wetteren", "2026-01-01", "2026-12-31")
        .await
        .expect("stats");
    let counts: Vec<_> = stats
        .kiosks
        .iter()
        .map(|k| (k.branch_id.as_str(), k.visits, k.tips))
        .collect();
    assert_eq!(
        counts,
        [("massemen", 4, 32)],
        "the counts so far were its kiosk's"
    );
}

async fn heartbeats_are_kept_per_kiosk_with_the_start_of_a_problem(backend: Backend) {
    use suite_domain::bieblo::kiosk_health::{KioskProblem, KioskSeen};
    let (db, _dir) = empty(backend).await;
    for id in ["wetteren", "gent"] {
        db.insert_org(&library(id, id)).await.expect("org");
        let branch = suite_domain::service::Branch {
            id: "hoofd".into(),
            name: "Hoofdbib".into(),
            location_id: String::new(),
            address: String::new(),
        };
        db.put_branch(id, &branch).await.expect("branch");
    }
    let beat = |at: &'static str, data_from: Option<&'static str>, problem| {
        let db = db.clone();
        async move {
            db.record_heartbeat("wetteren", "hoofd", at, data_from, problem)
                .await
                .expect("heartbeat")
        }
    };
    assert!(
        !beat("2026-12-05T13:00:00Z", None, None).await,
        "a kiosk staff never set up keeps no heartbeat"
    );
    assert!(db.kiosks_seen("wetteren").await.expect("read").is_empty());
    let on = KioskSettingsUpdate {
        idle_seconds: 60,
        active: true,
        lang: suite_domain::i18n::Lang::Nl,
    };
    for id in ["wetteren", "gent"] {
        db.save_kiosk(id, "hoofd", &on).await.expect("on");
    }
    let list = Some("2026-12-03T06:00:00Z");
    let never = KioskSeen {
        branch_id: "hoofd".into(),
        ..KioskSeen::default()
    };
    assert_eq!(
        db.kiosks_seen("wetteren").await.expect("read"),
        std::slice::from_ref(&never)
    );
    assert!(beat("2026-12-05T13:00:00Z", list, None).await);
    let fine = KioskSeen {
        last_seen_at: Some("2026-12-05T13:00:00Z".into()),
        data_from: list.map(String::from),
        ..never.clone()
    };
    assert_eq!(db.kiosks_seen("wetteren").await.expect("read"), [fine]);
    // The problem starts at its first report and keeps that start while it lasts.
    let snapshot = Some(KioskProblem::Snapshot);
    assert!(beat("2026-12-05T13:05:00Z", list, snapshot).await);
    assert!(beat("2026-12-05T13:10:00Z", list, snapshot).await);
    let failing = KioskSeen {
        last_seen_at: Some("2026-12-05T13:10:00Z".into()),
        data_from: list.map(String::from),
        problem: snapshot,
        problem_since: Some("2026-12-05T13:05:00Z".into()),
        ..never.clone()
    };
    assert_eq!(db.kiosks_seen("wetteren").await.expect("read"), [failing]);
    // Mended: no problem, no start; a new problem starts anew.
    let newer = Some("2026-12-05T13:14:00Z");
    assert!(beat("2026-12-05T13:15:00Z", newer, None).await);
    let seen = db.kiosks_seen("wetteren").await.expect("read");
    assert_eq!(
        (
            seen[0].problem,
            seen[0].problem_since.as_deref(),
            seen[0].data_from.as_deref()
        ),
        (None, None, newer)
    );
    assert!(beat("2026-12-05T13:20:00Z", newer, snapshot).await);
    let seen = db.kiosks_seen("wetteren").await.expect("read");
    assert_eq!(
        seen[0].problem_since.as_deref(),
        Some("2026-12-05T13:20:00Z")
    );
    // Another library's kiosk of a branch with the same id is its own.
    assert_eq!(db.kiosks_seen("gent").await.expect("read"), [never]);
    // Saving the settings keeps the heartbeat.
    db.save_kiosk("wetteren", "hoofd", &on)
        .await
        .expect("saved again");
    let seen = db.kiosks_seen("wetteren").await.expect("read");
    assert_eq!(
        seen[0].last_seen_at.as_deref(),
        Some("2026-12-05T13:20:00Z")
    );
}

on_both_backends!(
    old_kiosks_move_to_their_branch,
    kiosks_and_import_runs,
    heartbeats_are_kept_per_kiosk_with_the_start_of_a_problem,
);
