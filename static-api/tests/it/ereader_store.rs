//! E-book lending in the store, on SQLite and PostgreSQL: the rules of a loan (one
//! licence per member at a time, at most 2 loans, not the same title twice, a return
//! or the loan's end frees the licence), and many members on many threads against few
//! licences: while they borrow and return, an observer never sees a licence lent
//! twice or a member over the limit, and every loan confirmed is stored.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use crate::store::{empty, library};
use crate::support::Backend;

use static_api::db::Db;
use static_api::db::ereader::NewTitle;
use suite_domain::lending::{LendError, Policy, TitleId};

const DAY: i64 = 24 * 60 * 60;
const WEEKS_6: i64 = 42 * DAY;

async fn with_titles(db: &Db, licences: &[i64]) -> Vec<i64> {
    db.insert_org(&library("wetteren", "Bibliotheek Wetteren"))
        .await
        .expect("library");
    db.ereader_join("wetteren", 24_000, "2026-12-05T10:00:00Z")
        .await
        .expect("join");
    let mut ids = Vec::new();
    for (i, n) in licences.iter().enumerate() {
        let sha = format!("{i:064}");
        let id = db
            .ereader_add_title(&NewTitle {
                title: &format!("Boek {i}"),
                creators: "[\"Schrijver\"]",
                language: "nl",
                file_sha256: &sha,
                file_bytes: 1000,
                licences: *n,
                licences_set: None,
                download: false,
                added_at: "2026-12-05T10:00:00Z",
                added_by: "test",
            })
            .await
            .expect("title");
        ids.push(id);
    }
    ids
}

async fn member(db: &Db, n: usize) -> i64 {
    db.ereader_add_member(
        "wetteren",
        &format!("card-{n}"),
        "pin-hash",
        "2026-12-05T10:00:00Z",
    )
    .await
    .expect("member")
    .expect("a new card")
}

async fn the_rules_of_a_loan(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    let titles = with_titles(&db, &[1, 1, 1]).await;
    let (ann, bert) = (member(&db, 1).await, member(&db, 2).await);
    assert_eq!(
        db.ereader_add_member("wetteren", "card-1", "x", "2026-12-05T10:00:00Z")
            .await
            .expect("query"),
        None,
        "a card is a member once"
    );
    let now = 1_800_000_000;
    let first = db
        .ereader_borrow(ann, titles[0], &Policy::default(), now, None)
        .await
        .expect("query")
        .expect("a free licence");
    assert_eq!(first.until_at, now + WEEKS_6);
    assert!(
        db.ereader_may_read(ann, titles[0], now + 1)
            .await
            .expect("query")
    );
    assert!(
        !db.ereader_may_read(bert, titles[0], now + 1)
            .await
            .expect("query")
    );
    let refused = |r: Result<_, LendError>| r.expect_err("refused");
    assert_eq!(
        refused(
            db.ereader_borrow(ann, titles[0], &Policy::default(), now, None)
                .await
                .expect("query")
        ),
        LendError::AlreadyBorrowing
    );
    assert_eq!(
        refused(
            db.ereader_borrow(bert, titles[0], &Policy::default(), now, None)
                .await
                .expect("query")
        ),
        LendError::NoLicenceFree
    );
    db.ereader_borrow(ann, titles[1], &Policy::default(), now, None)
        .await
        .expect("query")
        .expect("a second loan");
    assert_eq!(
        refused(
            db.ereader_borrow(ann, titles[2], &Policy::default(), now, None)
                .await
                .expect("query")
        ),
        LendError::LoanLimit { max: 2 }
    );
    assert_eq!(
        refused(
            db.ereader_borrow(ann, 9_999, &Policy::default(), now, None)
                .await
                .expect("query")
        ),
        LendError::UnknownTitle(TitleId(9_999))
    );
    // Returned early: the licence is Bert's now, and Ann may borrow a third title.
    assert!(
        db.ereader_return(ann, first.id, now + DAY)
            .await
            .expect("query")
    );
    assert!(
        !db.ereader_return(ann, first.id, now + DAY)
            .await
            .expect("query"),
        "once"
    );
    assert!(
        !db.ereader_may_read(ann, titles[0], now + DAY)
            .await
            .expect("query")
    );
    let berts = db
        .ereader_borrow(bert, titles[0], &Policy::default(), now + DAY, Some(7))
        .await
        .expect("query")
        .expect("the returned licence");
    assert_eq!(berts.licence_slot, first.licence_slot);
    db.ereader_borrow(ann, titles[2], &Policy::default(), now + DAY, None)
        .await
        .expect("query")
        .expect("a loan again under the limit");
    // Bert's week ends: he cannot read any more, and the licence is free again.
    let later = now + 8 * DAY;
    assert!(
        !db.ereader_may_read(bert, titles[0], later)
            .await
            .expect("query")
    );
    assert!(
        db.ereader_loans_of(bert, later)
            .await
            .expect("query")
            .is_empty()
    );
    assert_eq!(
        db.ereader_loans_of(ann, later).await.expect("query").len(),
        2
    );
    db.ereader_borrow(bert, titles[0], &Policy::default(), later, None)
        .await
        .expect("query")
        .expect("the expired loan's licence");
    assert_eq!(db.ereader_expire(now + 100 * DAY).await.expect("query"), 3);
}

/// Running loans per title over its licences, and per member, read in one statement.
async fn over_the_limits(db: &Db) -> (i64, i64) {
    let (titles, members): (i64, i64) = sqlx::query_as(
        "SELECT \
         (SELECT COUNT(*) FROM ereader_titles t WHERE (SELECT COUNT(*) FROM ereader_loans l \
          WHERE l.title_id = t.id AND l.ended_at IS NULL) > t.licences), \
         (SELECT COUNT(*) FROM ereader_members m WHERE (SELECT COUNT(*) FROM ereader_loans l \
          WHERE l.member_id = m.id AND l.ended_at IS NULL) > 2)",
    )
    .fetch_one(db.pool_for_tests())
    .await
    .expect("observe");
    (titles, members)
}

async fn many_members_on_many_threads_against_few_licences(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    let titles = Arc::new(with_titles(&db, &[1, 2, 3]).await);
    let mut members = Vec::new();
    for n in 0..12 {
        members.push(member(&db, n).await);
    }
    let clock = Arc::new(AtomicI64::new(1_800_000_000));
    let running = Arc::new(AtomicBool::new(true));
    let observer = {
        let (db, running) = (db.clone(), running.clone());
        tokio::spawn(async move {
            let mut looks = 0;
            while running.load(Ordering::Relaxed) {
                assert_eq!(over_the_limits(&db).await, (0, 0), "after {looks} looks");
                looks += 1;
            }
            looks
        })
    };
    let mut workers = Vec::new();
    for (k, &member) in members.iter().enumerate() {
        let (db, titles, clock) = (db.clone(), titles.clone(), clock.clone());
        workers.push(tokio::spawn(async move {
            let mut confirmed = Vec::new();
            for step in 0..25_usize {
                let now = clock.fetch_add(60, Ordering::SeqCst);
                let title = titles[(k * 7 + step * 3) % titles.len()];
                if step % 4 == 3 {
                    if let Some(loan) = db
                        .ereader_loans_of(member, now)
                        .await
                        .expect("loans")
                        .first()
                    {
                        db.ereader_return(member, loan.id, now)
                            .await
                            .expect("return");
                    }
                } else if let Ok(loan) = db
                    .ereader_borrow(member, title, &Policy::default(), now, None)
                    .await
                    .expect("borrow")
                {
                    confirmed.push(loan);
                }
            }
            confirmed
        }));
    }
    let mut confirmed = Vec::new();
    for worker in workers {
        confirmed.extend(worker.await.expect("a worker"));
    }
    running.store(false, Ordering::Relaxed);
    let looks = observer.await.expect("the observer");
    assert!(looks > 0, "the observer looked");
    assert_eq!(over_the_limits(&db).await, (0, 0));
    assert!(confirmed.len() >= 6, "loans were made: {}", confirmed.len());
    // Every confirmed loan is stored as it was confirmed.
    for loan in &confirmed {
        let stored: (i64, i64, i64, i64) = sqlx::query_as(
            "SELECT title_id, member_id, licence_slot, until_at FROM ereader_loans WHERE id = $1",
        )
        .bind(loan.id)
        .fetch_one(db.pool_for_tests())
        .await
        .expect("a confirmed loan is stored");
        assert_eq!(
            stored,
            (
                loan.title_id,
                loan.member_id,
                loan.licence_slot,
                loan.until_at
            )
        );
    }
    // A licence slot passes from loan to loan: of its loans (in the order they were
    // made), every one but the last has ended. (Their times cannot show the order:
    // each worker reads the clock before it waits for the database.)
    let history: Vec<(i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT title_id, licence_slot, ended_at FROM ereader_loans \
         ORDER BY title_id, licence_slot, id",
    )
    .fetch_all(db.pool_for_tests())
    .await
    .expect("history");
    for pair in history.windows(2) {
        let ((t1, s1, end1), (t2, s2, _)) = (pair[0], pair[1]);
        if (t1, s1) == (t2, s2) {
            assert!(
                end1.is_some(),
                "slot {s1} of title {t1} lent twice: {pair:?}"
            );
        }
    }
}

on_both_backends!(the_rules_of_a_loan);
on_both_backends!(multi_thread: many_members_on_many_threads_against_few_licences);
