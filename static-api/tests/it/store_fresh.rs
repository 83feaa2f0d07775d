//! A write through this process is seen by every read that starts after it, while other
//! requests read the same rows all the time (the short memory of `db::recent` must never
//! keep an answer from before the write).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::store::{empty, library};
use crate::support::Backend;

use static_api::db::service::SubscriptionWrite;
use suite_domain::org::{OrgKind, OrgRef};
use suite_domain::service::SubscriptionState;

/// Times the subscription is switched on and off.
const TOGGLES: usize = 300;
/// Requests that ask whether the app is on, all the time.
const READERS: usize = 6;

async fn a_subscription_change_is_seen_at_once(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    db.insert_org(&library("aalst", "Bibliotheek Aalst"))
        .await
        .expect("org");
    let db = Arc::new(db);
    let org = OrgRef::new(OrgKind::Library, "aalst");
    let done = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..READERS)
        .map(|i| {
            let (db, org, done) = (db.clone(), org.clone(), done.clone());
            tokio::spawn(async move {
                let mut asked = 0_u64;
                while !done.load(Ordering::Relaxed) {
                    db.app_active(&org, "bieblo").await.expect("asked");
                    if i % 2 == 0 {
                        db.get_org(&org).await.expect("org read");
                        db.subscription(&org, "bieblo").await.expect("read");
                    }
                    asked += 1;
                }
                asked
            })
        })
        .collect();
    let mut stale = Vec::new();
    for round in 0..TOGGLES {
        let state = if round % 2 == 0 {
            SubscriptionState::Active
        } else {
            SubscriptionState::Paused
        };
        db.write_subscription(SubscriptionWrite {
            org: &org,
            app: "bieblo",
            state,
            by: "admin@bib.example",
            at: "2026-12-05T00:00:00Z",
            population: None,
        })
        .await
        .expect("written");
        let stored = db.subscription(&org, "bieblo").await.expect("read");
        assert_eq!(stored.map(|s| s.state), Some(state), "round {round}");
        let active = db.app_active(&org, "bieblo").await.expect("asked");
        if active != (state == SubscriptionState::Active) {
            stale.push(round);
        }
    }
    done.store(true, Ordering::Relaxed);
    let mut asked = 0;
    for reader in readers {
        asked += reader.await.expect("reader");
    }
    assert!(asked > TOGGLES as u64, "the readers ran ({asked} reads)");
    assert!(
        stale.is_empty(),
        "{} of {TOGGLES} changes not seen by the next read: rounds {stale:?}",
        stale.len()
    );
}

on_both_backends!(multi_thread: a_subscription_change_is_seen_at_once);

/// The pool's connections, all held at once (the pool opens no more than these).
async fn every_connection(db: &static_api::db::Db) -> Vec<sqlx::pool::PoolConnection<sqlx::Any>> {
    let mut held = Vec::new();
    for _ in 0..db.pool_stats().max {
        held.push(db.pool_for_tests().acquire().await.expect("a connection"));
    }
    held
}

/// The state of Aalst's Bieblo subscription as `conn` reads it.
async fn state_on(conn: &mut sqlx::AnyConnection) -> Option<String> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT state FROM subscriptions WHERE org_kind = 'library' AND org_id = 'aalst' \
         AND app = 'bieblo'",
    )
    .fetch_optional(conn)
    .await
    .expect("read");
    row.map(|(state,)| state)
}

/// What the short read memory (`db::recent`) relies on, on SQLite: a read that starts
/// after a write committed sees it, on whichever connection of the pool it runs. A
/// connection would not if a read it did before were still open (a statement stepped
/// and not reset, or a transaction not ended): it would go on reading that read's WAL
/// snapshot, and the memory would keep the old answer for a second. Each way the store
/// reads is done on every connection before the write: a row found, none found, all
/// rows, a stream dropped with rows still to come, a read dropped before its answer (a
/// request its client gave up), a transaction dropped after a read.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_read_keeps_its_snapshot_on_its_connection() {
    use futures_util::{FutureExt as _, TryStreamExt as _};

    let (db, _dir) = empty(Backend::Sqlite).await;
    db.insert_org(&library("aalst", "Bibliotheek Aalst"))
        .await
        .expect("org");
    // More rows than a connection hands over before its reader takes them (50).
    sqlx::query(
        "INSERT INTO organisations (kind, id, name, town) \
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120) \
         SELECT 'library', 'bib-' || i, 'Bibliotheek ' || i, 'Aalst' FROM n",
    )
    .execute(db.pool_for_tests())
    .await
    .expect("orgs");
    let org = OrgRef::new(OrgKind::Library, "aalst");
    let write = |state| SubscriptionWrite {
        org: &org,
        app: "bieblo",
        state,
        by: "admin@bib.example",
        at: "2026-12-07T01:08:07Z",
        population: None,
    };
    db.write_subscription(write(SubscriptionState::Requested))
        .await
        .expect("asked");
    assert!(!db.app_active(&org, "bieblo").await.expect("asked"));
    let names = "SELECT name FROM organisations ORDER BY name";
    let mut held = every_connection(&db).await;
    for conn in &mut held {
        assert_eq!(state_on(conn).await.as_deref(), Some("requested"));
        let none: Option<(i64,)> = sqlx::query_as("SELECT 1 FROM subscriptions WHERE app = 'none'")
            .fetch_optional(&mut **conn)
            .await
            .expect("read");
        assert!(none.is_none());
        let all: Vec<(String,)> = sqlx::query_as(names)
            .fetch_all(&mut **conn)
            .await
            .expect("read");
        assert_eq!(all.len(), 121);
        {
            let mut rows = sqlx::query_as::<_, (String,)>(names).fetch(&mut **conn);
            rows.try_next().await.expect("read").expect("a first row");
        }
        // Asked, then dropped at its first wait (answered or not by then).
        let _ = sqlx::query_as::<_, (String,)>(names)
            .fetch_optional(&mut **conn)
            .now_or_never();
        let mut tx = sqlx::Connection::begin(&mut **conn).await.expect("begin");
        assert_eq!(state_on(&mut tx).await.as_deref(), Some("requested"));
        drop(tx);
    }
    // Back in the pool; the write goes through one of them.
    drop(held);
    db.write_subscription(write(SubscriptionState::Active))
        .await
        .expect("switched on");
    for (i, conn) in every_connection(&db).await.iter_mut().enumerate() {
        assert_eq!(
            state_on(conn).await.as_deref(),
            Some("active"),
            "connection {i}"
        );
    }
    assert!(db.app_active(&org, "bieblo").await.expect("asked"));
}
