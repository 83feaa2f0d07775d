//! The public check of the invariants finds each broken one, as the store's tests use it.

use super::tests::{A, B, C, NOW, T, U, library};
use super::*;

const HOLD: i64 = 72 * HOUR;

#[test]
fn the_check_names_every_broken_invariant() {
    let p = Policy::default();
    let loan = |member, start, until| Loan {
        member,
        start,
        until,
    };
    let place = |member, since, suspended, hold_until| Reservation {
        member,
        since,
        suspended,
        hold_until,
    };
    let broken = Title::restore(
        T,
        1,
        vec![
            loan(A, NOW, NOW + DAY),
            loan(A, NOW, NOW + 50 * DAY),
            loan(B, NOW - 2 * DAY, NOW),
        ],
        vec![
            place(C, NOW, true, Some(NOW + HOLD)),
            place(B, NOW - 1, false, Some(NOW)),
            place(B, NOW, false, None),
        ],
    );
    assert_eq!(
        check_title(&broken, &p, NOW),
        [
            Breach::OverLent {
                title: T,
                used: 5,
                licences: 1
            },
            Breach::BorrowsTwice {
                title: T,
                member: A
            },
            Breach::LoanTooLong {
                title: T,
                member: A
            },
            Breach::LoanPastEnd {
                title: T,
                member: B
            },
            Breach::SuspendedHold {
                title: T,
                member: C
            },
            Breach::BorrowsAndWaits {
                title: T,
                member: B
            },
            Breach::HoldPastEnd {
                title: T,
                member: B
            },
            Breach::WaitsTwice {
                title: T,
                member: B
            },
            Breach::BorrowsAndWaits {
                title: T,
                member: B
            },
            Breach::QueueOutOfOrder { title: T },
        ]
    );
    let idle = Title::restore(T, 2, vec![], vec![place(C, NOW, false, None)]);
    assert_eq!(
        check_title(&idle, &p, NOW),
        [Breach::IdleLicence { title: T }]
    );
    // A library the store read back, where a member passed the limits.
    let mut lib = library(3);
    lib.borrow(T, A, NOW, None).expect("A on T");
    lib.borrow(U, A, NOW, None).expect("A on U");
    assert_eq!(lib.check(NOW), []);
    let strict = Policy::default()
        .with_max_loans(1)
        .expect("policy")
        .with_max_reservations(0);
    let read_back = Library::restore(strict, lib.titles().cloned());
    assert_eq!(
        read_back.check(NOW),
        [Breach::OverLoanLimit {
            member: A,
            loans: 2
        }]
    );
    let mut lib = library(0);
    lib.reserve(T, B, NOW).expect("B waits");
    let read_back = Library::restore(strict, lib.titles().cloned());
    assert_eq!(
        read_back.check(NOW),
        [Breach::OverReservationLimit {
            member: B,
            reservations: 1
        }]
    );
}
