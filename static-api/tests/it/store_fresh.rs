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
