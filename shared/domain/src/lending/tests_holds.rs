//! One test per rule of holds, settling, the licence count, days left and the messages.

use super::tests::{A, B, C, NOW, T, U, V, library, queue};
use super::*;

const HOLD: i64 = 72 * HOUR;

/// T lent to A, with B then C waiting; A gives it back at `at`, so B holds it.
fn held_for_b(at: i64) -> Library {
    let mut lib = library(1);
    lib.borrow(T, A, NOW, None).expect("A");
    lib.reserve(T, B, NOW).expect("B");
    lib.reserve(T, C, NOW).expect("C");
    lib.give_back(T, A, at).expect("return");
    lib
}

#[test]
fn taking_a_hold_turns_the_reservation_into_a_loan() {
    let mut lib = held_for_b(NOW + 1);
    assert_eq!(
        lib.counts(B),
        MemberCounts {
            loans: 0,
            reservations: 1
        },
        "a hold is a reservation"
    );
    assert_eq!(
        lib.borrow(T, C, NOW + 2, None),
        Err(LendError::NoLicenceFree),
        "held for B"
    );
    assert_eq!(
        lib.borrow(T, A, NOW + 2, None),
        Err(LendError::NoLicenceFree)
    );
    lib.borrow(T, B, NOW + 2, Some(10)).expect("B takes it");
    assert_eq!(
        lib.counts(B),
        MemberCounts {
            loans: 1,
            reservations: 0
        }
    );
    assert_eq!(queue(&lib, T), [(C, false, None)]);
}

#[test]
fn a_hold_counts_towards_the_reservation_limit_not_the_loan_limit() {
    let mut lib = held_for_b(NOW + 1);
    lib.borrow(U, C, NOW + 1, None).expect("C borrows U");
    lib.reserve(U, B, NOW + 1).expect("B's second reservation");
    lib.borrow(V, A, NOW + 1, None).expect("A borrows V");
    assert_eq!(
        lib.reserve(V, B, NOW + 1),
        Err(LendError::ReservationLimit { max: 2 })
    );
    // At the loan limit, the hold cannot be taken yet and stays.
    let mut title = lib.title(T).expect("T").clone();
    let full = MemberCounts {
        loans: 2,
        reservations: 2,
    };
    let p = Policy::default();
    assert_eq!(
        title.borrow(B, full, &p, NOW + 2, None),
        Err(LendError::LoanLimit { max: 2 })
    );
    assert_eq!(
        title.reservation_of(B).and_then(|r| r.hold_until),
        Some(NOW + 1 + HOLD)
    );
}

#[test]
fn passing_a_hold_leaves_the_queue_and_the_next_gets_it() {
    let mut lib = held_for_b(NOW + 1);
    assert_eq!(lib.pass(T, C, NOW + 2), Err(LendError::NoHold));
    assert_eq!(lib.pass(T, A, NOW + 2), Err(LendError::NotQueued));
    let events = lib.pass(T, B, NOW + 2).expect("pass");
    assert_eq!(
        events,
        [
            Event::HoldPassed {
                title: T,
                member: B,
                at: NOW + 2
            },
            Event::HoldGiven {
                title: T,
                member: C,
                at: NOW + 2,
                until: NOW + 2 + HOLD
            },
        ]
    );
    assert_eq!(
        lib.title(T).and_then(|t| t.place_of(B)),
        None,
        "not at the back either"
    );
}

#[test]
fn an_expired_hold_passes_to_the_next() {
    let mut lib = held_for_b(NOW + 1);
    let end = NOW + 1 + HOLD;
    assert_eq!(lib.tick(end - 1), []);
    let events = lib.tick(end);
    assert_eq!(
        events,
        [
            Event::HoldExpired {
                title: T,
                member: B,
                at: end
            },
            Event::HoldGiven {
                title: T,
                member: C,
                at: end,
                until: end + HOLD
            },
        ]
    );
    assert_eq!(lib.counts(B).reservations, 0);
}

#[test]
fn tick_applies_every_expiry_in_time_order() {
    let mut lib = library(1);
    lib.borrow(T, A, NOW, Some(3)).expect("A on T");
    lib.borrow(U, B, NOW, Some(1)).expect("B on U");
    lib.reserve(T, C, NOW).expect("C waits for T");
    lib.reserve(U, C, NOW).expect("C waits for U");
    let now = NOW + 10 * DAY;
    let events = lib.tick(now);
    assert_eq!(
        events,
        [
            Event::LoanEnded {
                title: U,
                member: B,
                at: NOW + DAY,
                why: LoanEnd::Expired
            },
            Event::LoanEnded {
                title: T,
                member: A,
                at: NOW + 3 * DAY,
                why: LoanEnd::Expired
            },
            // Holds handed out while settling run from `now`: C can still be told.
            Event::HoldGiven {
                title: T,
                member: C,
                at: now,
                until: now + HOLD
            },
            Event::HoldGiven {
                title: U,
                member: C,
                at: now,
                until: now + HOLD
            },
        ]
    );
    let title = lib.title(T).expect("T");
    assert_eq!(title.next_deadline(), Some(now + HOLD));
    // Within one title, a later loan's end waits for the earlier.
    let mut t = Title::new(V, 2);
    let p = Policy::default();
    let none = MemberCounts::default();
    t.borrow(A, none, &p, NOW, Some(5)).expect("A");
    t.borrow(B, none, &p, NOW, Some(2)).expect("B");
    t.reserve(C, none, &p, NOW).expect("C");
    let ends: Vec<_> = t
        .settle(&p, NOW + 6 * DAY)
        .iter()
        .map(|e| (e.member(), e.at()))
        .collect();
    // B's end gave C a hold, dated when the settling ran.
    assert_eq!(
        ends,
        [(B, NOW + 2 * DAY), (A, NOW + 5 * DAY), (C, NOW + 6 * DAY)]
    );
}

#[test]
fn lowering_the_licences_never_cancels_a_loan() {
    let mut lib = library(2);
    lib.borrow(T, A, NOW, None).expect("A");
    lib.borrow(T, B, NOW, None).expect("B");
    lib.reserve(T, C, NOW).expect("C");
    lib.set_licences(T, 1, NOW + 1).expect("lower");
    assert_eq!(
        lib.title(T).map(|t| t.loans().len()),
        Some(2),
        "both loans run on"
    );
    lib.give_back(T, A, NOW + 2).expect("A returns");
    assert_eq!(
        queue(&lib, T),
        [(C, false, None)],
        "one loan on one licence: nothing free"
    );
    lib.give_back(T, B, NOW + 3).expect("B returns");
    assert_eq!(queue(&lib, T), [(C, false, Some(NOW + 3 + HOLD))]);
    // Raising the count gives a hold at once.
    let mut lib = library(1);
    lib.borrow(T, A, NOW, None).expect("A");
    lib.reserve(T, B, NOW).expect("B");
    let events = lib.set_licences(T, 2, NOW + 1).expect("raise");
    assert_eq!(
        events,
        [Event::HoldGiven {
            title: T,
            member: B,
            at: NOW + 1,
            until: NOW + 1 + HOLD
        }]
    );
    assert_eq!(
        lib.set_licences(TitleId(99), 2, NOW),
        Err(LendError::UnknownTitle(TitleId(99)))
    );
}

#[test]
fn a_refused_operation_changes_nothing_not_even_the_settling() {
    let mut lib = library(1);
    lib.borrow(T, A, NOW, Some(1)).expect("A");
    lib.borrow(U, A, NOW, None).expect("A");
    let before = lib.clone();
    assert_eq!(
        lib.reserve(U, A, NOW + 2 * DAY),
        Err(LendError::AlreadyBorrowing)
    );
    assert_eq!(lib, before);
    assert_eq!(
        lib.borrow(TitleId(99), A, NOW, None),
        Err(LendError::UnknownTitle(TitleId(99)))
    );
    assert_eq!(lib.add_title(T, 3), Err(LendError::TitleExists(T)));
    assert_eq!(lib, before);
}

#[test]
fn days_left_round_up_and_stop_at_zero() {
    let cases = [
        (NOW + 3 * DAY, NOW, 3),
        (NOW + 3 * DAY - 1, NOW, 3),
        (NOW + 2 * DAY + 1, NOW, 3),
        (NOW + 1, NOW, 1),
        (NOW, NOW, 0),
        (NOW - DAY, NOW, 0),
        (i64::MAX, i64::MIN, u32::MAX),
    ];
    for (until, now, expected) in cases {
        assert_eq!(days_left(until, now), expected, "until {until}, now {now}");
    }
}

#[test]
fn hours_left_round_up_and_stop_at_zero() {
    let cases = [
        (NOW + 72 * HOUR, NOW, 72),
        (NOW + 2 * HOUR + 1, NOW, 3),
        (NOW + 1, NOW, 1),
        (NOW, NOW, 0),
        (NOW - HOUR, NOW, 0),
        (i64::MAX, i64::MIN, u32::MAX),
    ];
    for (until, now, expected) in cases {
        assert_eq!(hours_left(until, now), expected, "until {until}, now {now}");
    }
}

#[cfg(feature = "e-reader")]
#[test]
fn every_refusal_has_a_dutch_message() {
    use crate::i18n::{Lang, Msg};
    let errors = [
        LendError::UnknownTitle(T),
        LendError::TitleExists(T),
        LendError::AlreadyBorrowing,
        LendError::AlreadyQueued,
        LendError::NoLicenceFree,
        LendError::LicenceFree,
        LendError::LoanLimit { max: 2 },
        LendError::LoanLimit { max: 3 },
        LendError::ReservationLimit { max: 0 },
        LendError::ReservationLimit { max: 2 },
        LendError::ReservationLimit { max: 5 },
        LendError::LoanLength {
            days: 50,
            max_days: 42,
        },
        LendError::NotBorrowing,
        LendError::NotQueued,
        LendError::NoHold,
        LendError::HoldWaiting,
        LendError::AlreadySuspended,
        LendError::NotSuspended,
    ];
    let msgs: std::collections::HashSet<Msg> = errors.iter().map(LendError::msg).collect();
    assert_eq!(msgs.len(), errors.len(), "every refusal says its own thing");
    assert_eq!(
        LendError::LoanLimit { max: 2 }.msg().text(Lang::Nl),
        "Je hebt al 2 boeken geleend. Breng er eerst een terug."
    );
    assert!(
        !LendError::LoanLimit { max: 3 }
            .msg()
            .text(Lang::Nl)
            .contains('2')
    );
    assert_eq!(
        PolicyError::LoanDays { days: 43 }.msg(),
        Msg::LendPolicyLoanDays
    );
    assert_eq!(RuleError::NoInhabitants.msg(), Msg::LendRuleNoInhabitants);
    assert_eq!(
        LendError::LoanLimit { max: 2 }.to_string(),
        "the member has 2 loans already"
    );
}

#[test]
fn an_operation_comes_after_the_settling_of_its_moment() {
    // A suspended, then B holds; A resumes at the very second B's hold ends: the hold
    // passed on first (to C), while A was still suspended.
    let mut lib = library(0);
    lib.reserve(T, A, NOW).expect("A");
    lib.reserve(T, B, NOW).expect("B");
    lib.reserve(T, C, NOW).expect("C");
    lib.suspend(T, A, NOW).expect("suspend");
    lib.set_licences(T, 1, NOW).expect("a licence");
    let events = lib.resume(T, A, NOW + HOLD).expect("resume");
    assert_eq!(
        events,
        [
            Event::HoldExpired {
                title: T,
                member: B,
                at: NOW + HOLD
            },
            Event::HoldGiven {
                title: T,
                member: C,
                at: NOW + HOLD,
                until: NOW + 2 * HOLD
            },
        ]
    );
    assert_eq!(
        queue(&lib, T),
        [(A, false, None), (C, false, Some(NOW + 2 * HOLD))]
    );
}
