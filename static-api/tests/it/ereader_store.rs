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
use static_api::db::ereader::{NewTitle, QueueOp};
use suite_domain::lending::{Event, LendError, LoanEnd, Policy, TitleId};

const DAY: i64 = 24 * 60 * 60;
const WEEKS_6: i64 = 42 * DAY;

async fn with_titles(db: &Db, licences: &[i64]) -> Vec<i64> {
    db.insert_org(&library("wetteren", "Bibliotheek Wetteren"))
        .await
        .expect("library");
    crate::support::ereader_takes_part(db, "wetteren", 24_000, "2026-12-05T10:00:00Z").await;
    let mut ids = Vec::new();
    for (i, n) in licences.iter().enumerate() {
        let sha = format!("{i:064}");
        let id = db
            .ereader_add_title(&NewTitle {
                title: &format!("Boek {i}"),
                creators: "[\"Schrijver\"]",
                language: "nl",
                title_direction: "auto",
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
        db.ereader_return(ann, first.id, &Policy::default(), now + DAY)
            .await
            .expect("query")
    );
    assert!(
        !db.ereader_return(ann, first.id, &Policy::default(), now + DAY)
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
    let ended = db
        .ereader_settle_due(&Policy::default(), now + 100 * DAY)
        .await
        .expect("query");
    assert_eq!(
        ended
            .iter()
            .filter(|e| matches!(
                e,
                Event::LoanEnded {
                    why: LoanEnd::Expired,
                    ..
                }
            ))
            .count(),
        3
    );
    assert!(
        db.ereader_settle_due(&Policy::default(), now + 100 * DAY)
            .await
            .expect("query")
            .is_empty(),
        "settled once"
    );
}

/// How the places of the queues ended: (taken, cancelled, passed, expired).
async fn ended_places(db: &Db) -> (i64, i64, i64, i64) {
    sqlx::query_as(
        "SELECT \
         (SELECT COUNT(*) FROM ereader_reservations WHERE ended_how = 'taken'), \
         (SELECT COUNT(*) FROM ereader_reservations WHERE ended_how = 'cancelled'), \
         (SELECT COUNT(*) FROM ereader_reservations WHERE ended_how = 'passed'), \
         (SELECT COUNT(*) FROM ereader_reservations WHERE ended_how = 'expired')",
    )
    .fetch_one(db.pool_for_tests())
    .await
    .expect("count")
}

async fn the_queue_of_a_title(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    let titles = with_titles(&db, &[1, 1, 1]).await;
    let book = titles[0];
    let mut m = Vec::new();
    for n in 0..5 {
        m.push(member(&db, n).await);
    }
    let (ann, bert, cis, dirk, els) = (m[0], m[1], m[2], m[3], m[4]);
    let policy = Policy::default();
    let t0 = 1_800_000_000;
    let queue = |who, what, at| db.ereader_queue(who, book, what, &policy, at);
    let ok = |r: Result<Result<(), LendError>, sqlx::Error>| r.expect("query").expect("allowed");
    let no =
        |r: Result<Result<(), LendError>, sqlx::Error>| r.expect("query").expect_err("refused");
    let loan = db
        .ereader_borrow(ann, book, &policy, t0, None)
        .await
        .expect("query")
        .expect("lent");
    assert_eq!(
        no(queue(bert, QueueOp::Pass, t0).await),
        LendError::NotQueued
    );
    ok(queue(bert, QueueOp::Reserve, t0 + 1).await);
    ok(queue(cis, QueueOp::Reserve, t0 + 2).await);
    assert_eq!(
        no(queue(bert, QueueOp::Reserve, t0 + 3).await),
        LendError::AlreadyQueued
    );
    assert_eq!(
        no(queue(ann, QueueOp::Reserve, t0 + 3).await),
        LendError::AlreadyBorrowing
    );
    let places = db.ereader_places_of(cis, t0 + 3).await.expect("places");
    assert_eq!(
        places
            .iter()
            .map(|p| (p.0, p.2, p.3, p.6))
            .collect::<Vec<_>>(),
        [(book, 2, 2, None)],
        "Cis is second of two, nothing held"
    );
    // Ann returns: the licence is held for Bert, not free for Cis.
    assert!(
        db.ereader_return(ann, loan.id, &policy, t0 + 10)
            .await
            .expect("query")
    );
    let hold = t0 + 10 + 72 * 3600;
    let places = db.ereader_places_of(bert, t0 + 11).await.expect("places");
    assert_eq!(
        places.iter().map(|p| (p.2, p.6)).collect::<Vec<_>>(),
        [(1, Some(hold))]
    );
    let collection = db.ereader_titles(t0 + 11).await.expect("titles");
    let row = collection.iter().find(|t| t.0 == book).expect("the title");
    assert_eq!(
        (row.4, row.5, row.6, row.7),
        (1, 0, 1, 2),
        "held, not free; two wait"
    );
    let refused = db
        .ereader_borrow(cis, book, &policy, t0 + 12, None)
        .await
        .expect("query");
    assert_eq!(
        refused.expect_err("held for Bert"),
        LendError::NoLicenceFree
    );
    // Bert lets the hold run out: the scheduler hands it to Cis.
    let events = db
        .ereader_settle_due(&policy, hold + 5)
        .await
        .expect("settle");
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::HoldExpired { member, .. } if member.0 == bert)),
        "{events:?}"
    );
    assert!(
        db.ereader_places_of(bert, hold + 5)
            .await
            .expect("places")
            .is_empty()
    );
    let cis_hold = hold + 5 + 72 * 3600;
    let places = db.ereader_places_of(cis, hold + 6).await.expect("places");
    assert_eq!(
        places.iter().map(|p| (p.2, p.6)).collect::<Vec<_>>(),
        [(1, Some(cis_hold))]
    );
    // A held licence cannot be suspended; Cis passes, and nobody else waits.
    assert_eq!(
        no(queue(cis, QueueOp::Suspend, hold + 7).await),
        LendError::HoldWaiting
    );
    ok(queue(cis, QueueOp::Pass, hold + 8).await);
    assert_eq!(
        no(queue(dirk, QueueOp::Reserve, hold + 9).await),
        LendError::LicenceFree
    );
    // Suspended places are skipped and keep their place.
    let t1 = hold + 100;
    let dirks = db
        .ereader_borrow(dirk, book, &policy, t1, None)
        .await
        .expect("query")
        .expect("free again");
    ok(queue(ann, QueueOp::Reserve, t1 + 1).await);
    ok(queue(els, QueueOp::Reserve, t1 + 2).await);
    ok(queue(ann, QueueOp::Suspend, t1 + 3).await);
    assert!(
        db.ereader_return(dirk, dirks.id, &policy, t1 + 4)
            .await
            .expect("query")
    );
    let els_places = db.ereader_places_of(els, t1 + 5).await.expect("places");
    assert_eq!(
        els_places
            .iter()
            .map(|p| (p.2, p.5, p.6.is_some()))
            .collect::<Vec<_>>(),
        [(2, 0, true)],
        "Els is second, but the licence is held for her"
    );
    ok(queue(ann, QueueOp::Resume, t1 + 6).await);
    let anns = db.ereader_places_of(ann, t1 + 6).await.expect("places");
    assert_eq!(
        anns.iter().map(|p| (p.2, p.5, p.6)).collect::<Vec<_>>(),
        [(1, 0, None)]
    );
    // Els takes her hold: her place is taken, the loan is hers.
    db.ereader_borrow(els, book, &policy, t1 + 7, Some(7))
        .await
        .expect("query")
        .expect("the hold taken");
    assert!(
        db.ereader_places_of(els, t1 + 7)
            .await
            .expect("places")
            .is_empty()
    );
    // The reservation limit: Ann's third place is refused, and cancelling frees one.
    let other = |title, what| db.ereader_queue(ann, title, what, &policy, t1 + 8);
    db.ereader_borrow(dirk, titles[1], &policy, t1 + 8, None)
        .await
        .expect("query")
        .expect("lent");
    db.ereader_borrow(bert, titles[2], &policy, t1 + 8, None)
        .await
        .expect("query")
        .expect("lent");
    ok(other(titles[1], QueueOp::Reserve).await);
    assert_eq!(
        no(other(titles[2], QueueOp::Reserve).await),
        LendError::ReservationLimit { max: 2 }
    );
    ok(queue(ann, QueueOp::Cancel, t1 + 9).await);
    ok(other(titles[2], QueueOp::Reserve).await);
    assert_eq!(
        ended_places(&db).await,
        (1, 1, 1, 1),
        "taken, cancelled, passed, expired"
    );
}

async fn more_licences_go_to_the_queue_at_once(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    let titles = with_titles(&db, &[1]).await;
    let book = titles[0];
    let (ann, bert, cis) = (
        member(&db, 1).await,
        member(&db, 2).await,
        member(&db, 3).await,
    );
    let policy = Policy::default();
    let t0 = 1_800_000_000;
    db.ereader_borrow(ann, book, &policy, t0, None)
        .await
        .expect("query")
        .expect("lent");
    for (who, at) in [(bert, t0 + 1), (cis, t0 + 2)] {
        db.ereader_queue(who, book, QueueOp::Reserve, &policy, at)
            .await
            .expect("query")
            .expect("queued");
    }
    let events = db
        .ereader_set_licences(book, Some(3), 3, &policy, t0 + 10)
        .await
        .expect("query")
        .expect("set");
    let held: Vec<i64> = events
        .iter()
        .filter_map(|e| match e {
            Event::HoldGiven { member, .. } => Some(member.0),
            _ => None,
        })
        .collect();
    assert_eq!(held, [bert, cis]);
    // Lowered below the loans and holds: nothing is taken back, nothing new is lent.
    db.ereader_set_licences(book, Some(0), 0, &policy, t0 + 20)
        .await
        .expect("query")
        .expect("set");
    let row = db.ereader_titles(t0 + 21).await.expect("titles");
    assert_eq!(
        (row[0].4, row[0].5, row[0].6),
        (0, 1, 2),
        "0 licences, 1 loan, 2 holds"
    );
    let dan = member(&db, 4).await;
    assert_eq!(
        db.ereader_borrow(dan, book, &policy, t0 + 22, None)
            .await
            .expect("query")
            .expect_err("none free"),
        LendError::NoLicenceFree
    );
    // Bert takes his hold all the same.
    db.ereader_borrow(bert, book, &policy, t0 + 23, None)
        .await
        .expect("query")
        .expect("the hold taken");
    assert_eq!(
        db.ereader_set_licences(9_999, None, 1, &policy, t0 + 24)
            .await
            .expect("query"),
        Err(LendError::UnknownTitle(TitleId(9_999)))
    );
}

/// Breaches seen in one statement: titles with more loans and holds than licences,
/// members with more than 2 loans, members with more than 2 places in queues, and
/// members both borrowing and queueing for one title.
async fn over_the_limits(db: &Db) -> (i64, i64, i64, i64) {
    sqlx::query_as(
        "SELECT \
         (SELECT COUNT(*) FROM ereader_titles t WHERE (SELECT COUNT(*) FROM ereader_loans l \
          WHERE l.title_id = t.id AND l.ended_at IS NULL) + (SELECT COUNT(*) FROM \
          ereader_reservations r WHERE r.title_id = t.id AND r.ended_at IS NULL \
          AND r.hold_until IS NOT NULL) > t.licences), \
         (SELECT COUNT(*) FROM ereader_members m WHERE (SELECT COUNT(*) FROM ereader_loans l \
          WHERE l.member_id = m.id AND l.ended_at IS NULL) > 2), \
         (SELECT COUNT(*) FROM ereader_members m WHERE (SELECT COUNT(*) FROM \
          ereader_reservations r WHERE r.member_id = m.id AND r.ended_at IS NULL) > 2), \
         (SELECT COUNT(*) FROM ereader_loans l JOIN ereader_reservations r \
          ON r.member_id = l.member_id AND r.title_id = l.title_id \
          WHERE l.ended_at IS NULL AND r.ended_at IS NULL)",
    )
    .fetch_one(db.pool_for_tests())
    .await
    .expect("observe")
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
                assert_eq!(
                    over_the_limits(&db).await,
                    (0, 0, 0, 0),
                    "after {looks} looks"
                );
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
                        db.ereader_return(member, loan.id, &Policy::default(), now)
                            .await
                            .expect("return");
                    }
                } else if step % 7 == 5 {
                    db.ereader_queue(member, title, QueueOp::Cancel, &Policy::default(), now)
                        .await
                        .expect("cancel")
                        .ok();
                } else {
                    match db
                        .ereader_borrow(member, title, &Policy::default(), now, None)
                        .await
                        .expect("borrow")
                    {
                        Ok(loan) => confirmed.push(loan),
                        Err(LendError::NoLicenceFree) => {
                            db.ereader_queue(
                                member,
                                title,
                                QueueOp::Reserve,
                                &Policy::default(),
                                now,
                            )
                            .await
                            .expect("reserve")
                            .ok();
                        }
                        Err(_) => {}
                    }
                }
            }
            confirmed
        }));
    }
    // The scheduler settles beside them, the clock hours ahead now and then, so loans
    // and holds run out while members borrow and queue.
    let ticker = {
        let (db, clock, running) = (db.clone(), clock.clone(), running.clone());
        tokio::spawn(async move {
            let mut ticks = 0;
            while running.load(Ordering::Relaxed) && ticks < 40 {
                let now = clock.fetch_add(20 * 3600, Ordering::SeqCst);
                db.ereader_settle_due(&Policy::default(), now)
                    .await
                    .expect("settle");
                ticks += 1;
                tokio::task::yield_now().await;
            }
            ticks
        })
    };
    let mut confirmed = Vec::new();
    for worker in workers {
        confirmed.extend(worker.await.expect("a worker"));
    }
    running.store(false, Ordering::Relaxed);
    let looks = observer.await.expect("the observer");
    assert!(ticker.await.expect("the ticker") > 0);
    assert!(looks > 0, "the observer looked");
    assert_eq!(over_the_limits(&db).await, (0, 0, 0, 0));
    // The queues moved: members waited, and licences were held for them.
    let (places, holds): (i64, i64) =
        sqlx::query_as("SELECT COUNT(*), COUNT(hold_until) FROM ereader_reservations")
            .fetch_one(db.pool_for_tests())
            .await
            .expect("places");
    assert!(places >= 6 && holds >= 2, "{places} places, {holds} holds");
    assert!(confirmed.len() >= 6, "loans were made: {}", confirmed.len());
    // Every confirmed loan is stored as it was confirmed; one that ended no longer
    // names its member (no reading history kept).
    for loan in &confirmed {
        let stored: (i64, Option<i64>, i64, i64, Option<i64>) = sqlx::query_as(
            "SELECT title_id, member_id, licence_slot, until_at, ended_at FROM ereader_loans \
             WHERE id = $1",
        )
        .bind(loan.id)
        .fetch_one(db.pool_for_tests())
        .await
        .expect("a confirmed loan is stored");
        let (title, member, slot, until, ended) = stored;
        assert_eq!(
            (title, slot, until),
            (loan.title_id, loan.licence_slot, loan.until_at)
        );
        let expected = ended.is_none().then_some(loan.member_id);
        assert_eq!(member, expected, "loan {}", loan.id);
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

on_both_backends!(
    the_rules_of_a_loan,
    the_queue_of_a_title,
    more_licences_go_to_the_queue_at_once
);
on_both_backends!(multi_thread: many_members_on_many_threads_against_few_licences);
