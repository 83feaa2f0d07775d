//! The store (`static_api::db`) on its own, on SQLite and on PostgreSQL: the same calls
//! must give the same answers on both, where the SQL differs between them most easily
//! (generated ids, upserts that add to a row, sums, caps, time limits).

use crate::support::{self, Backend};

use static_api::auth::SESSION_IDLE_SECONDS;
use static_api::db::{Db, is_unique_violation};
use suite_domain::culture::insight::Interaction;
use suite_domain::org::{OrgKind, OrgRef, Organisation, Role};

/// An empty, migrated database on `backend`, and the folder that holds it (SQLite).
pub(crate) async fn empty(backend: Backend) -> (Db, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = support::database_url(backend).await;
    let db = Db::connect(dir.path(), url.as_ref())
        .await
        .expect("open the database");
    assert_eq!(db.backend(), backend);
    db.ping().await.expect("ping");
    (db, dir)
}

pub(crate) fn library(id: &str, name: &str) -> Organisation {
    Organisation {
        kind: OrgKind::Library,
        id: id.to_string(),
        name: name.to_string(),
        town: "Wetteren".to_string(),
        archived: false,
    }
}

async fn staff_ids_organisations_and_unique_violations(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    db.insert_org(&library("wetteren", "Bibliotheek Wetteren"))
        .await
        .expect("insert");
    let again = db
        .insert_org(&library("wetteren", "Nog eens"))
        .await
        .expect_err("the same organisation twice");
    assert!(is_unique_violation(&again), "{again}");
    let org = OrgRef {
        kind: OrgKind::Library,
        id: "wetteren".to_string(),
    };
    let role = Role::from_parts("library_staff", Some("wetteren")).expect("a role");
    let first = db
        .insert_staff("z@example.org", "Zoë", "hash-1", &role, false)
        .await
        .expect("staff");
    let second = db
        .insert_staff("a@example.org", "Anna", "hash-2", &role, false)
        .await
        .expect("staff");
    assert!(first > 0 && second > first, "{first} then {second}");
    let taken = db
        .insert_staff("a@example.org", "Anna 2", "hash-3", &role, false)
        .await
        .expect_err("the same email twice");
    assert!(is_unique_violation(&taken), "{taken}");
    let admin = db
        .insert_staff("admin@example.org", "Admin", "hash-4", &Role::Admin, false)
        .await
        .expect("admin");
    assert!(admin > second);
    assert_eq!(db.count_admins().await.expect("count"), 1);
    let found = db
        .find_staff_by_email("z@example.org")
        .await
        .expect("find")
        .expect("found");
    assert_eq!((found.id, found.display_name.as_str()), (first, "Zoë"));
    assert_eq!(found.role, role);
    let names: Vec<String> = db
        .list_staff_of(&org)
        .await
        .expect("list")
        .into_iter()
        .map(|s| s.display_name)
        .collect();
    assert_eq!(names, ["Anna", "Zoë"]);
    assert!(
        db.update_org(&org, "Bib Wetteren", "Wetteren")
            .await
            .expect("update")
    );
    let unknown = OrgRef {
        kind: OrgKind::Library,
        id: "nergens".to_string(),
    };
    assert!(!db.update_org(&unknown, "x", "y").await.expect("update"));
    let stored = db.get_org(&org).await.expect("get").expect("there");
    assert_eq!(stored.name, "Bib Wetteren");
    assert_eq!(db.list_orgs().await.expect("list").len(), 1);
}

async fn sessions_end_when_expired_or_unused(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    let id = db
        .insert_staff("admin@example.org", "Admin", "hash", &Role::Admin, false)
        .await
        .expect("admin");
    let start = 1_000_000;
    let idle = SESSION_IDLE_SECONDS;
    db.insert_session("token-a", id, "csrf-a", start, start + 8 * 3600, "")
        .await
        .expect("session");
    db.insert_session("token-b", id, "csrf-b", start, start + 600, "")
        .await
        .expect("session");
    let found = db
        .find_session("token-a", start + 10)
        .await
        .expect("find")
        .expect("live");
    assert_eq!((found.staff.id, found.csrf_token.as_str()), (id, "csrf-a"));
    // Used again after a while: that use moves the idle limit on.
    let later = start + idle - 5;
    assert!(
        db.find_session("token-a", later)
            .await
            .expect("find")
            .is_some()
    );
    assert!(
        db.find_session("token-a", later + idle - 5)
            .await
            .expect("find")
            .is_some()
    );
    // Unused for longer than the limit: gone.
    assert!(
        db.find_session("token-a", later + 3 * idle)
            .await
            .expect("find")
            .is_none()
    );
    // Past its lifetime, however recently used.
    assert!(
        db.find_session("token-b", start + 601)
            .await
            .expect("find")
            .is_none()
    );
    assert_eq!(
        db.purge_expired_sessions(start + 700).await.expect("purge"),
        1,
        "only the expired one"
    );
    db.delete_session("token-a").await.expect("delete");
    assert!(
        db.find_session("token-a", later)
            .await
            .expect("find")
            .is_none()
    );
}

/// Sessions and a centre's shows read a moment ago are used again for at most a second:
/// a write through the same handle is seen at once, one through another handle (another
/// instance, or the command line) within that second.
async fn recent_reads_follow_writes(backend: Backend) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = support::database_url(backend).await;
    let here = Db::connect(dir.path(), url.as_ref()).await.expect("open");
    let there = Db::connect(dir.path(), url.as_ref())
        .await
        .expect("open again");
    let now = 2_000_000;
    let id = here
        .insert_staff("anna@example.org", "Anna", "hash", &Role::Admin, false)
        .await
        .expect("staff");
    here.insert_session("token-a", id, "csrf-a", now, now + 3600, "")
        .await
        .expect("session");
    for db in [&here, &there] {
        let found = db.find_session("token-a", now).await.expect("find");
        assert_eq!(found.expect("live").csrf_token, "csrf-a");
    }
    assert!(
        here.set_disabled(id, true, "2026-12-05T04:00:00Z")
            .await
            .expect("disable")
    );
    assert!(
        here.find_session("token-a", now)
            .await
            .expect("find")
            .is_none(),
        "ended at once where it was ended"
    );
    let mut waited = std::time::Duration::ZERO;
    while there
        .find_session("token-a", now)
        .await
        .expect("find")
        .is_some()
    {
        assert!(
            waited < std::time::Duration::from_millis(1_100),
            "still used after {waited:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        waited += std::time::Duration::from_millis(50);
    }

    // A centre's shows: a staff show made through one handle is listed there at once.
    let centre = Organisation {
        kind: OrgKind::Centre,
        ..library("nova", "CC Nova")
    };
    here.insert_org(&centre).await.expect("centre");
    let mut show = crate::culture::show("cc-1", "Eerste");
    show.in_swipe = false;
    assert!(
        here.recent_culture_shows("nova")
            .await
            .expect("shows")
            .is_empty()
    );
    assert!(
        there
            .recent_culture_shows("nova")
            .await
            .expect("shows")
            .is_empty()
    );
    here.put_staff_show("nova", &show, "2026-12-05T04:00:00Z")
        .await
        .expect("put");
    let listed = here.recent_culture_shows("nova").await.expect("shows");
    assert_eq!(listed.len(), 1);
    let swiped = here
        .set_in_swipe("nova", "cc-1", true)
        .await
        .expect("swipe")
        .expect("the show");
    assert!(swiped.show.in_swipe);
    assert!(
        here.recent_culture_shows("nova").await.expect("shows")[0]
            .show
            .in_swipe
    );
    tokio::time::sleep(std::time::Duration::from_millis(1_050)).await;
    assert_eq!(
        there
            .recent_culture_shows("nova")
            .await
            .expect("shows")
            .len(),
        1
    );
}

async fn the_demo_mark_is_set_once_and_read(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    assert!(!db.is_demo().await.expect("read"));
    db.mark_demo().await.expect("mark");
    db.mark_demo().await.expect("mark again");
    assert!(db.is_demo().await.expect("read"));
}

/// The public interaction reports are added up in memory and written together: another
/// handle (another instance) sees them once written, this one at its next read; the
/// day's cap holds over what was stored and what was pending.
async fn pending_counts_are_written_together_up_to_the_cap(backend: Backend) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = support::database_url(backend).await;
    let here = Db::connect(dir.path(), url.as_ref()).await.expect("open");
    let there = Db::connect(dir.path(), url.as_ref())
        .await
        .expect("open again");
    let shown = |insight: &[suite_domain::culture::insight::ShowInsight], show: &str| {
        insight
            .iter()
            .find(|s| s.show == show)
            .map_or(0, |s| s.shown)
    };
    for _ in 0..3 {
        here.count_culture_interaction("nova", "s-1", "2026-12-05", Interaction::Shown, 1_000);
    }
    here.count_culture_interaction("nova", "s-2", "2026-12-05", Interaction::Shown, 1_000);
    let elsewhere = there.culture_insight("nova").await.expect("insight");
    assert_eq!(shown(&elsewhere, "s-1"), 0, "not written yet");
    let own = here.culture_insight("nova").await.expect("insight");
    assert_eq!(
        (shown(&own, "s-1"), shown(&own, "s-2")),
        (3, 1),
        "a read writes first"
    );
    let elsewhere = there.culture_insight("nova").await.expect("insight");
    assert_eq!(shown(&elsewhere, "s-1"), 3);
    assert_eq!(
        here.write_pending_counts().await.expect("write"),
        0,
        "nothing left"
    );

    // The cap: 998 stored, 5 pending, at most 1000.
    for _ in 0..998 {
        here.count_culture_interaction("nova", "s-3", "2026-12-05", Interaction::Shown, 1_000);
    }
    assert_eq!(
        here.write_pending_counts().await.expect("write"),
        1,
        "one row"
    );
    for _ in 0..5 {
        here.count_culture_interaction("nova", "s-3", "2026-12-05", Interaction::Shown, 1_000);
    }
    here.write_pending_counts().await.expect("write");
    assert_eq!(
        shown(
            &there.culture_insight("nova").await.expect("insight"),
            "s-3"
        ),
        1_000
    );
}

async fn counts_add_up_and_stop_at_their_caps(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    // Culture Matcher: a capped daily count per show and kind.
    for expected in [true, true, false] {
        let counted = db
            .add_culture_interaction("nova", "s-1", "2026-12-01", Interaction::Saved, 2)
            .await
            .expect("count");
        assert_eq!(counted, expected);
    }
    db.add_culture_interaction("nova", "s-1", "2026-12-02", Interaction::Saved, 2)
        .await
        .expect("count");
    assert!(
        db.culture_show_was_saved("nova", "s-1")
            .await
            .expect("read")
    );
    assert!(
        !db.culture_show_was_saved("nova", "s-2")
            .await
            .expect("read")
    );
    for (rating, words) in [
        (5, Some("prachtig")),
        (3, None),
        (4, Some("mooi")),
        (1, Some("saai")),
    ] {
        assert!(
            db.add_culture_feedback(
                "nova",
                "s-1",
                "2026-12-02",
                rating,
                rating > 2,
                words,
                2,
                10
            )
            .await
            .expect("feedback")
        );
    }
    assert!(
        !db.add_culture_feedback("nova", "s-1", "2026-12-02", 6, true, None, 2, 10)
            .await
            .expect("a rating outside the scale")
    );
    let insight = db.culture_insight("nova").await.expect("insight");
    assert_eq!(insight.len(), 1);
    let show = &insight[0];
    assert_eq!(show.saved, 3, "two days, the first capped at 2");
    assert_eq!(show.feedback_count, 4);
    assert_eq!(show.rating_mean, Some(13.0 / 4.0));
    assert_eq!((show.similar_yes, show.similar_no), (3, 1));
    assert_eq!(show.words, ["saai", "mooi"], "the newest two, newest first");
    assert_eq!(
        db.purge_feedback_words("2026-12-03").await.expect("purge"),
        2
    );

    // Bieblo: visits per day, capped; theme counts summed over the days.
    let themes = vec![("dieren".to_string(), 2, 1, 1)];
    // A visit's later shelf ("8 other tips") adds tips but no visit.
    for (day, new_visit, expected) in [
        ("2026-12-01", true, true),
        ("2026-12-01", true, true),
        ("2026-12-01", true, false),
        ("2026-12-02", true, true),
        ("2026-12-02", false, true),
        ("2026-12-03", true, true),
    ] {
        let counted = db
            .add_usage("wetteren", "hoofd", day, new_visit, 1, &themes, 2)
            .await
            .expect("usage");
        assert_eq!(counted, expected, "{day}");
    }
    let stats = db
        .kiosk_stats("wetteren", "2026-12-01", "2026-12-02")
        .await
        .expect("stats");
    assert_eq!(
        (stats.from.as_str(), stats.to.as_str()),
        ("2026-12-01", "2026-12-02")
    );
    let days: Vec<(String, u64, u64)> = stats
        .days
        .iter()
        .map(|d| (d.day.clone(), d.visits, d.tips))
        .collect();
    assert_eq!(
        days,
        [
            ("2026-12-01".to_string(), 2, 2),
            ("2026-12-02".to_string(), 1, 2)
        ],
        "the 3rd of December is after the period"
    );
    assert_eq!(stats.themes.len(), 1);
    let theme = &stats.themes[0];
    assert_eq!((theme.likes, theme.dislikes, theme.tips), (8, 4, 4));
    // The branch's own counts, named by its id since the branch is not (any more) there.
    let kiosks: Vec<_> = stats
        .kiosks
        .iter()
        .map(|k| (k.branch_id.as_str(), k.branch.as_str(), k.visits, k.tips))
        .collect();
    assert_eq!(kiosks, [("hoofd", "hoofd", 3, 4)]);
    let since = db
        .kiosk_stats("wetteren", "2026-12-02", "2026-12-31")
        .await
        .expect("stats");
    assert_eq!(since.days.len(), 2);
}

async fn file_copies_and_integrity_checks_are_for_sqlite_only(backend: Backend) {
    let (db, dir) = empty(backend).await;
    let copy = dir.path().join("copy.sqlite");
    let copied = db.copy_into(&copy).await;
    let checked = db.integrity_check().await;
    match backend {
        Backend::Sqlite => {
            copied.expect("a copy");
            assert!(copy.is_file());
            assert_eq!(checked.expect("check"), "ok");
        }
        Backend::Postgres => {
            let message = copied.expect_err("no file on PostgreSQL").to_string();
            assert!(message.contains("PostgreSQL"), "{message}");
            assert!(!copy.exists());
            assert!(checked.is_err());
        }
    }
}

/// Many writers at once, each reading before it writes (a cap, a count): none fails
/// and nothing is lost. On SQLite a deferred transaction whose read came before another
/// connection's write cannot write any more ("database is locked" at once); write
/// transactions therefore take the lock at their start.
async fn concurrent_read_then_write_transactions_never_fail(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    let themes = vec![("dieren".to_string(), 1, 0, 1)];
    let mut tasks = Vec::new();
    for task in 0..8 {
        let db = db.clone();
        let themes = themes.clone();
        tasks.push(tokio::spawn(async move {
            for i in 0..25 {
                db.add_usage("wetteren", "hoofd", "2026-12-05", true, 1, &themes, 10_000)
                    .await
                    .unwrap_or_else(|e| panic!("usage {task}/{i}: {e}"));
                db.add_culture_feedback("nova", "s-1", "2026-12-05", 4, true, None, 10, 10_000)
                    .await
                    .unwrap_or_else(|e| panic!("feedback {task}/{i}: {e}"));
            }
        }));
    }
    for task in tasks {
        task.await.expect("a writer");
    }
    let stats = db
        .kiosk_stats("wetteren", "2026-12-05", "2026-12-05")
        .await
        .expect("stats");
    assert_eq!(stats.days[0].visits, 200);
    let insight = db.culture_insight("nova").await.expect("insight");
    assert_eq!(insight[0].feedback_count, 200);
}

on_both_backends!(multi_thread: concurrent_read_then_write_transactions_never_fail);

on_both_backends!(
    staff_ids_organisations_and_unique_violations,
    sessions_end_when_expired_or_unused,
    recent_reads_follow_writes,
    the_demo_mark_is_set_once_and_read,
    counts_add_up_and_stop_at_their_caps,
    pending_counts_are_written_together_up_to_the_cap,
    file_copies_and_integrity_checks_are_for_sqlite_only,
);
