//! One test per lending rule, on the whole-library model and on a single title.

use super::*;

pub(super) const T: TitleId = TitleId(1);
pub(super) const U: TitleId = TitleId(2);
pub(super) const V: TitleId = TitleId(3);
pub(super) const A: MemberId = MemberId(1);
pub(super) const B: MemberId = MemberId(2);
pub(super) const C: MemberId = MemberId(3);
pub(super) const NOW: i64 = 1_780_000_000;

/// A library under the default policy with titles T, U, V of `licences` each.
pub(super) fn library(licences: u32) -> Library {
    let mut lib = Library::new(Policy::default());
    for t in [T, U, V] {
        lib.add_title(t, licences).expect("new title");
    }
    lib
}

pub(super) fn queue(lib: &Library, t: TitleId) -> Vec<(MemberId, bool, Option<i64>)> {
    let title = lib.title(t).expect("title");
    (title.queue().iter())
        .map(|r| (r.member, r.suspended, r.hold_until))
        .collect()
}

fn check_licences(per: u32, min: u32, max: Option<u32>, population: u64, expected: u32) {
    let rule = LicenceRule::Population(PopulationRule::new(per, min, max).expect("rule"));
    assert_eq!(
        licences_for(&rule, population),
        expected,
        "1 per {per}, min {min}, max {max:?}, {population} inhabitants"
    );
}

#[test]
fn licences_follow_the_population_rounded_up_within_min_and_max() {
    check_licences(5_000, 1, None, 0, 1);
    check_licences(5_000, 0, None, 0, 0);
    check_licences(5_000, 0, None, 1, 1);
    check_licences(5_000, 1, None, 10_000, 2);
    check_licences(5_000, 1, None, 10_001, 3);
    check_licences(5_000, 4, None, 6_000, 4);
    check_licences(5_000, 1, Some(3), 1_000_000, 3);
    check_licences(1, 0, None, u64::MAX, u32::MAX);
    assert_eq!(licences_for(&LicenceRule::ByHand(7), 1_000_000), 7);
    assert_eq!(licences_for(&LicenceRule::ByHand(0), 1_000_000), 0);
    assert_eq!(
        PopulationRule::new(0, 1, None),
        Err(RuleError::NoInhabitants)
    );
    assert_eq!(
        PopulationRule::new(5_000, 4, Some(3)),
        Err(RuleError::MaxBelowMin { min: 4, max: 3 })
    );
}

#[test]
fn a_policy_refuses_loans_longer_than_six_weeks_and_empty_values() {
    let p = Policy::default();
    assert_eq!(
        (
            p.max_loans(),
            p.max_reservations(),
            p.loan_days(),
            p.hold_hours()
        ),
        (2, 2, 42, 72)
    );
    assert_eq!(p.with_loan_days(21).map(|p| p.loan_days()), Ok(21));
    assert_eq!(p.with_loan_days(42).map(|p| p.loan_days()), Ok(42));
    assert_eq!(
        p.with_loan_days(43),
        Err(PolicyError::LoanDays { days: 43 })
    );
    assert_eq!(p.with_loan_days(0), Err(PolicyError::LoanDays { days: 0 }));
    assert_eq!(p.with_max_loans(0), Err(PolicyError::NoLoans));
    assert_eq!(
        p.with_hold_hours(0),
        Err(PolicyError::HoldHours { hours: 0 })
    );
    assert_eq!(
        p.with_hold_hours(MAX_HOLD_HOURS + 1),
        Err(PolicyError::HoldHours { hours: 337 })
    );
    assert_eq!(p.with_max_reservations(0).max_reservations(), 0);
}

#[test]
fn borrowing_takes_a_free_licence_for_the_policys_length() {
    let mut lib = library(1);
    let events = lib.borrow(T, A, NOW, None).expect("borrow");
    let until = NOW + 42 * DAY;
    assert_eq!(
        events,
        [Event::LoanStarted {
            title: T,
            member: A,
            at: NOW,
            until
        }]
    );
    let title = lib.title(T).expect("title");
    assert_eq!(
        title.loans(),
        [Loan {
            member: A,
            start: NOW,
            until
        }]
    );
    assert_eq!(
        lib.borrow(T, A, NOW, None),
        Err(LendError::AlreadyBorrowing)
    );
    assert_eq!(lib.borrow(T, B, NOW, None), Err(LendError::NoLicenceFree));
}

#[test]
fn a_member_borrows_at_most_two_books() {
    let mut lib = library(1);
    lib.borrow(T, A, NOW, None).expect("first");
    lib.borrow(U, A, NOW, None).expect("second");
    let before = lib.clone();
    assert_eq!(
        lib.borrow(V, A, NOW, None),
        Err(LendError::LoanLimit { max: 2 })
    );
    assert_eq!(lib, before, "a refused loan changes nothing");
    // A title judges with the counts the store gives it.
    let mut title = Title::new(T, 5);
    let full = MemberCounts {
        loans: 2,
        reservations: 0,
    };
    let p = Policy::default();
    assert_eq!(
        title.borrow(A, full, &p, NOW, None),
        Err(LendError::LoanLimit { max: 2 })
    );
    let one = MemberCounts {
        loans: 1,
        reservations: 0,
    };
    assert!(title.borrow(A, one, &p, NOW, None).is_ok());
}

#[test]
fn a_member_may_choose_a_shorter_loan_never_a_longer_one() {
    let mut lib = library(3);
    lib.borrow(T, A, NOW, Some(7)).expect("a week");
    assert_eq!(
        lib.title(T).and_then(|t| t.loan_of(A)).map(|l| l.until),
        Some(NOW + 7 * DAY)
    );
    let too_long = LendError::LoanLength {
        days: 43,
        max_days: 42,
    };
    assert_eq!(lib.borrow(U, A, NOW, Some(43)), Err(too_long));
    let none = LendError::LoanLength {
        days: 0,
        max_days: 42,
    };
    assert_eq!(lib.borrow(U, A, NOW, Some(0)), Err(none));

    let short = Policy::default().with_loan_days(21).expect("policy");
    let mut lib = Library::new(short);
    lib.add_title(T, 2).expect("title");
    let longer = LendError::LoanLength {
        days: 22,
        max_days: 21,
    };
    assert_eq!(lib.borrow(T, A, NOW, Some(22)), Err(longer));
    lib.borrow(T, A, NOW, None).expect("policy's length");
    assert_eq!(
        lib.title(T).and_then(|t| t.loan_of(A)).map(|l| l.until),
        Some(NOW + 21 * DAY)
    );
}

#[test]
fn returning_early_frees_the_licence_for_the_first_in_the_queue() {
    let mut lib = library(1);
    lib.borrow(T, A, NOW, None).expect("borrow");
    lib.reserve(T, B, NOW + 1).expect("B waits");
    lib.reserve(T, C, NOW + 2).expect("C waits");
    let at = NOW + DAY;
    let events = lib.give_back(T, A, at).expect("return");
    let hold = at + 72 * HOUR;
    assert_eq!(
        events,
        [
            Event::LoanEnded {
                title: T,
                member: A,
                at,
                why: LoanEnd::Returned
            },
            Event::HoldGiven {
                title: T,
                member: B,
                at,
                until: hold
            },
        ]
    );
    assert_eq!(queue(&lib, T), [(B, false, Some(hold)), (C, false, None)]);
    assert_eq!(lib.give_back(T, A, at), Err(LendError::NotBorrowing));
}

#[test]
fn a_loan_ends_by_itself_at_its_until() {
    let mut lib = library(1);
    lib.borrow(T, A, NOW, Some(1)).expect("borrow");
    let until = NOW + DAY;
    assert_eq!(lib.tick(until - 1), []);
    assert_eq!(lib.counts(A).loans, 1);
    let events = lib.tick(until);
    assert_eq!(
        events,
        [Event::LoanEnded {
            title: T,
            member: A,
            at: until,
            why: LoanEnd::Expired
        }]
    );
    assert_eq!(lib.counts(A).loans, 0);
    // An operation settles first: a loan over by then is not in the way.
    let mut lib = library(1);
    lib.borrow(T, A, NOW, Some(1)).expect("borrow");
    let events = lib.borrow(T, B, until + 5, None).expect("B borrows");
    assert!(matches!(events[0], Event::LoanEnded { member: A, at, .. } if at == until));
}

#[test]
fn reserving_only_when_nothing_is_free_and_within_the_limit() {
    let mut lib = library(1);
    assert_eq!(lib.reserve(T, A, NOW), Err(LendError::LicenceFree));
    lib.borrow(T, A, NOW, None).expect("A borrows");
    lib.borrow(U, A, NOW, None).expect("A borrows");
    lib.borrow(V, A, NOW, None).expect_err("limit");
    assert_eq!(lib.reserve(T, A, NOW), Err(LendError::AlreadyBorrowing));
    lib.reserve(T, B, NOW + 1).expect("B");
    assert_eq!(lib.reserve(T, B, NOW + 2), Err(LendError::AlreadyQueued));
    lib.reserve(T, C, NOW + 3).expect("C");
    lib.reserve(U, B, NOW + 4).expect("B's second");
    lib.borrow(V, C, NOW + 5, None).expect("C borrows V");
    assert_eq!(
        lib.reserve(V, B, NOW + 6),
        Err(LendError::ReservationLimit { max: 2 })
    );
    let places: Vec<_> = (lib.title(T).expect("T").queue().iter())
        .map(|r| (r.member, r.since))
        .collect();
    assert_eq!(
        places,
        [(B, NOW + 1), (C, NOW + 3)],
        "first come, first served"
    );
    assert_eq!(lib.title(T).and_then(|t| t.place_of(C)), Some(2));

    let none = Policy::default().with_max_reservations(0);
    let mut lib = Library::new(none);
    lib.add_title(T, 1).expect("title");
    lib.borrow(T, A, NOW, None).expect("borrow");
    assert_eq!(
        lib.reserve(T, B, NOW),
        Err(LendError::ReservationLimit { max: 0 })
    );
}

#[test]
fn cancelling_leaves_the_queue_and_passes_a_hold_on() {
    let mut lib = library(1);
    lib.borrow(T, A, NOW, None).expect("borrow");
    lib.reserve(T, B, NOW).expect("B");
    lib.reserve(T, C, NOW).expect("C");
    assert_eq!(lib.cancel(T, A, NOW), Err(LendError::NotQueued));
    lib.give_back(T, A, NOW + 1).expect("return");
    let events = lib.cancel(T, B, NOW + 2).expect("cancel");
    assert_eq!(
        events[0],
        Event::HoldPassed {
            title: T,
            member: B,
            at: NOW + 2
        }
    );
    assert_eq!(queue(&lib, T), [(C, false, Some(NOW + 2 + 72 * HOUR))]);
    assert_eq!(lib.counts(B).reservations, 0);
}

#[test]
fn a_suspended_place_is_skipped_and_kept() {
    let mut lib = library(2);
    lib.borrow(T, A, NOW, None).expect("A");
    lib.borrow(T, C, NOW, None).expect("C");
    lib.reserve(T, B, NOW).expect("B");
    lib.reserve(T, MemberId(9), NOW).expect("9");
    lib.suspend(T, B, NOW + 1).expect("suspend");
    assert_eq!(lib.suspend(T, B, NOW + 1), Err(LendError::AlreadySuspended));
    lib.give_back(T, A, NOW + 2).expect("return");
    assert_eq!(
        queue(&lib, T),
        [
            (B, true, None),
            (MemberId(9), false, Some(NOW + 2 + 72 * HOUR))
        ],
        "the suspended member keeps the place, the next gets the hold"
    );
    lib.resume(T, B, NOW + 3).expect("resume");
    assert_eq!(lib.resume(T, B, NOW + 3), Err(LendError::NotSuspended));
    assert_eq!(
        lib.title(T).and_then(|t| t.place_of(B)),
        Some(1),
        "back in place 1"
    );
    assert_eq!(
        queue(&lib, T)[1].2,
        Some(NOW + 2 + 72 * HOUR),
        "the hold stays"
    );
    lib.give_back(T, C, NOW + 4).expect("return");
    assert_eq!(queue(&lib, T)[0], (B, false, Some(NOW + 4 + 72 * HOUR)));
    assert_eq!(lib.suspend(T, B, NOW + 5), Err(LendError::HoldWaiting));
    assert_eq!(lib.suspend(T, A, NOW + 5), Err(LendError::NotQueued));
}

#[test]
fn resuming_when_a_licence_is_free_gives_the_hold_at_once() {
    let mut lib = library(1);
    lib.borrow(T, A, NOW, None).expect("A");
    lib.reserve(T, B, NOW).expect("B");
    lib.suspend(T, B, NOW).expect("suspend");
    lib.give_back(T, A, NOW + 1).expect("return");
    assert_eq!(
        lib.title(T).map(Title::free),
        Some(1),
        "nobody to hold it for"
    );
    let events = lib.resume(T, B, NOW + 2).expect("resume");
    let until = NOW + 2 + 72 * HOUR;
    assert_eq!(
        events,
        [Event::HoldGiven {
            title: T,
            member: B,
            at: NOW + 2,
            until
        }]
    );
}

#[test]
fn a_suspended_member_may_borrow_a_free_licence_and_leaves_the_queue() {
    let mut lib = library(1);
    lib.borrow(T, A, NOW, None).expect("A");
    lib.reserve(T, B, NOW).expect("B");
    lib.suspend(T, B, NOW).expect("suspend");
    lib.give_back(T, A, NOW + 1).expect("return");
    lib.borrow(T, B, NOW + 2, None).expect("B borrows");
    assert_eq!(queue(&lib, T), []);
    assert_eq!(
        lib.counts(B),
        MemberCounts {
            loans: 1,
            reservations: 0
        }
    );
}
