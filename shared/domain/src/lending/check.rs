//! The invariants of lending as a check any state can be put through: the property
//! tests run it after every step, and the store's concurrency tests can run it on what
//! the database holds (read into [`Title::restore`]s and a [`Library`]).

use std::collections::HashSet;

use super::{DAY, Library, MemberId, Policy, Title, TitleId};

/// One invariant a lending state breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breach {
    /// More loans and holds than licences: a licence lent twice (unless the count was
    /// lowered below the loans and holds already there, which lowering allows).
    OverLent {
        title: TitleId,
        used: usize,
        licences: u32,
    },
    /// A member has two loans of one title.
    BorrowsTwice { title: TitleId, member: MemberId },
    /// A member has two places in one queue.
    WaitsTwice { title: TitleId, member: MemberId },
    /// A member borrows a title and waits for it.
    BorrowsAndWaits { title: TitleId, member: MemberId },
    /// The queue is not in order of arrival.
    QueueOutOfOrder { title: TitleId },
    /// A suspended place has a hold.
    SuspendedHold { title: TitleId, member: MemberId },
    /// A licence is neither lent nor held while a member waits who is not suspended.
    IdleLicence { title: TitleId },
    /// A loan longer than the policy allows, or that ends before it starts.
    LoanTooLong { title: TitleId, member: MemberId },
    /// A loan whose end has come is still there (after settling at `now`).
    LoanPastEnd { title: TitleId, member: MemberId },
    /// A hold whose end has come is still there (after settling at `now`).
    HoldPastEnd { title: TitleId, member: MemberId },
    /// A member has more loans than the policy allows.
    OverLoanLimit { member: MemberId, loans: u32 },
    /// A member has more reservations than the policy allows.
    OverReservationLimit { member: MemberId, reservations: u32 },
}

impl Breach {
    /// The title the breach is about (`None` for a member's limits).
    pub fn title(&self) -> Option<TitleId> {
        match *self {
            Breach::OverLent { title, .. }
            | Breach::BorrowsTwice { title, .. }
            | Breach::WaitsTwice { title, .. }
            | Breach::BorrowsAndWaits { title, .. }
            | Breach::QueueOutOfOrder { title }
            | Breach::SuspendedHold { title, .. }
            | Breach::IdleLicence { title }
            | Breach::LoanTooLong { title, .. }
            | Breach::LoanPastEnd { title, .. }
            | Breach::HoldPastEnd { title, .. } => Some(title),
            Breach::OverLoanLimit { .. } | Breach::OverReservationLimit { .. } => None,
        }
    }
}

/// Every invariant of one title settled at `now` that `title` breaks; empty when sound.
pub fn check_title(title: &Title, policy: &Policy, now: i64) -> Vec<Breach> {
    let id = title.id();
    let mut breaches = Vec::new();
    let used = title.loans().len() + title.holds();
    if used > usize::try_from(title.licences()).unwrap_or(usize::MAX) {
        breaches.push(Breach::OverLent {
            title: id,
            used,
            licences: title.licences(),
        });
    }
    let mut lending = HashSet::new();
    for loan in title.loans() {
        let member = loan.member;
        if !lending.insert(member) {
            breaches.push(Breach::BorrowsTwice { title: id, member });
        }
        let longest = loan
            .start
            .saturating_add(i64::from(policy.loan_days()) * DAY);
        if loan.until > longest || loan.until <= loan.start {
            breaches.push(Breach::LoanTooLong { title: id, member });
        }
        if loan.until <= now {
            breaches.push(Breach::LoanPastEnd { title: id, member });
        }
    }
    let mut waiting = HashSet::new();
    for r in title.queue() {
        let member = r.member;
        if !waiting.insert(member) {
            breaches.push(Breach::WaitsTwice { title: id, member });
        }
        if lending.contains(&member) {
            breaches.push(Breach::BorrowsAndWaits { title: id, member });
        }
        if r.suspended && r.hold_until.is_some() {
            breaches.push(Breach::SuspendedHold { title: id, member });
        }
        if r.hold_until.is_some_and(|h| h <= now) {
            breaches.push(Breach::HoldPastEnd { title: id, member });
        }
    }
    if title.queue().windows(2).any(|w| w[0].since > w[1].since) {
        breaches.push(Breach::QueueOutOfOrder { title: id });
    }
    let someone_waits = (title.queue().iter()).any(|r| !r.suspended && r.hold_until.is_none());
    if title.free() > 0 && someone_waits {
        breaches.push(Breach::IdleLicence { title: id });
    }
    breaches
}

impl Library {
    /// Every invariant the library breaks at `now` (after a tick or an operation at
    /// `now`): each title's, and no member over a limit. Empty when sound.
    pub fn check(&self, now: i64) -> Vec<Breach> {
        let mut breaches: Vec<Breach> = (self.titles())
            .flat_map(|t| check_title(t, self.policy(), now))
            .collect();
        let members: HashSet<MemberId> = (self.titles())
            .flat_map(|t| {
                let lending = t.loans().iter().map(|l| l.member);
                lending.chain(t.queue().iter().map(|r| r.member))
            })
            .collect();
        let mut members: Vec<_> = members.into_iter().collect();
        members.sort();
        for member in members {
            let counts = self.counts(member);
            if counts.loans > self.policy().max_loans() {
                breaches.push(Breach::OverLoanLimit {
                    member,
                    loans: counts.loans,
                });
            }
            if counts.reservations > self.policy().max_reservations() {
                breaches.push(Breach::OverReservationLimit {
                    member,
                    reservations: counts.reservations,
                });
            }
        }
        breaches
    }
}
