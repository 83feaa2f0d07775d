//! The e-reader's lending rules: single-use licences per title, loans, a first-come,
//! first-served queue of reservations with holds, and the expiries that move them on.
//!
//! Pure: no IO and no clock. Every operation takes `now`, seconds since the Unix epoch
//! on the server's clock, which must not go backwards between calls on the same state.
//! The server keeps the state in its database and runs one operation per transaction
//! on the rows it touches: a [`Title`] with the member's [`MemberCounts`] counted in the
//! same transaction. [`Library`] holds many titles and counts itself: it is the
//! reference model the store's concurrency tests and the property tests compare with,
//! and [`Library::check`] (or [`check_title`]) names every invariant a state breaks.
//!
//! The decisions the issue left open:
//! - **Licences** from the population round up: one licence per *started* block of N
//!   inhabitants ([`licences_for`]), then the minimum and maximum apply; a number set
//!   by hand overrides the rule.
//! - **Every operation settles first**: loans whose `until` has come end and holds
//!   whose time is up pass on, in time order, before the operation is judged. An
//!   operation that fails changes nothing (like a rolled-back transaction), not even
//!   the settling; a successful one returns the events of both.
//! - **A hold is still a reservation** until it is taken: it counts towards the
//!   reservation limit, not the loan limit. Taking it (by [`Title::borrow`]) needs room
//!   under the loan limit and turns the reservation into a loan.
//! - **Passing a hold leaves the queue**: the member may reserve again and joins at the
//!   back like anyone. Cancelling a held reservation is the same as passing.
//! - **A suspended place** keeps its position but is skipped when a licence frees up.
//!   A member on hold cannot suspend (they take it or pass). On resuming, the member has
//!   their old place back: a licence that is free at that moment is held for them at
//!   once if nobody before them waits; holds given to members behind them while they
//!   were suspended stay with those members.
//! - **A hold given while settling** runs `hold` long from `now`, the moment the server
//!   can tell the member, not from the moment the licence freed: a late tick never
//!   hands out a hold that is over before anyone heard of it.
//! - **Lowering the licence count** never cancels a running loan or a hold already
//!   given: the title lends nothing new until its loans and holds are below the new
//!   count. Raising it gives holds to the waiting members at once.
//! - **Loan length**: the member may choose 1 day up to the policy's length, which a
//!   library may set shorter than, never longer than, [`MAX_LOAN_DAYS`].
//! - **Order of the checks** (the first that fails is the error): a loan length out of
//!   range (borrow), already borrowing,
//!   already queued (reserve), no licence free for the member (borrow) or one free
//!   (reserve), then the member's limit.

mod changes;
mod check;
mod error;
mod event;
mod library;
mod licences;
mod policy;
mod title;

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_check;
#[cfg(test)]
mod tests_holds;

use serde::{Deserialize, Serialize};

pub use changes::{Change, Left, changes};
pub use check::{Breach, check_title};
pub use error::LendError;
pub use event::{Event, LoanEnd};
pub use library::Library;
pub use licences::{LicenceRule, PopulationRule, RuleError, licences_for};
pub use policy::{MAX_HOLD_HOURS, MAX_LOAN_DAYS, Policy, PolicyError};
pub use title::{Loan, MemberCounts, Reservation, Title};

/// Seconds in a day and in an hour, for `now` and the deadlines.
pub const DAY: i64 = 86_400;
pub const HOUR: i64 = 3_600;

/// A member of a participating library, by the store's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MemberId(pub i64);

/// A title in the lending collection, by the store's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TitleId(pub i64);

/// Whole days left until `until` for the UI ("nog 3 dagen"): rounded up, so a loan
/// with an hour left shows 1, and 0 once `until` has come.
pub fn days_left(until: i64, now: i64) -> u32 {
    units_left(until, now, DAY)
}

/// Whole hours left until `until` (a hold's deadline, "nog 5 uur"): rounded up, 0 once
/// `until` has come.
pub fn hours_left(until: i64, now: i64) -> u32 {
    units_left(until, now, HOUR)
}

/// Whole `unit`s (seconds) from `now` until `until`, rounded up; 0 once it has come.
fn units_left(until: i64, now: i64, unit: i64) -> u32 {
    if until <= now {
        return 0;
    }
    // `until > now`, so the difference is positive; it overflows only for times
    // far outside any clock, which saturate.
    let left = until.checked_sub(now).unwrap_or(i64::MAX);
    let units = left / unit + i64::from(left % unit != 0);
    u32::try_from(units).unwrap_or(u32::MAX)
}
