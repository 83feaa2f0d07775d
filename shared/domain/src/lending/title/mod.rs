//! One title's lending state (its licences, loans and queue) and the operations on it,
//! judged with the member's counts across all titles as the store counted them.

use serde::{Deserialize, Serialize};

mod settle;

use super::{Event, LendError, LoanEnd, MemberId, Policy, TitleId};

/// A running loan: `member` reads the title from `start` until `until` (exclusive:
/// at `until` it has ended).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loan {
    pub member: MemberId,
    pub start: i64,
    pub until: i64,
}

/// A place in a title's queue, since `since`. A suspended place is skipped when a
/// licence frees up; `hold_until` is set while a freed licence waits for the member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reservation {
    pub member: MemberId,
    pub since: i64,
    pub suspended: bool,
    pub hold_until: Option<i64>,
}

/// A member's loans and reservations across every title, as of `now` (loans whose
/// `until` is still to come; reservations, held or not, whose hold has not run out).
/// The store counts them in the operation's transaction; [`super::Library`] counts
/// them itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MemberCounts {
    pub loans: u32,
    pub reservations: u32,
}

/// One title: how many licences it has, who borrows it and who waits for it, in order
/// of arrival.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Title {
    id: TitleId,
    licences: u32,
    loans: Vec<Loan>,
    queue: Vec<Reservation>,
}

impl Title {
    /// A title nobody borrows or waits for yet.
    pub fn new(id: TitleId, licences: u32) -> Self {
        Title::restore(id, licences, Vec::new(), Vec::new())
    }

    /// A title as the store kept it: `queue` in order of arrival (first come first).
    pub fn restore(id: TitleId, licences: u32, loans: Vec<Loan>, queue: Vec<Reservation>) -> Self {
        Title {
            id,
            licences,
            loans,
            queue,
        }
    }

    pub fn id(&self) -> TitleId {
        self.id
    }

    pub fn licences(&self) -> u32 {
        self.licences
    }

    pub fn loans(&self) -> &[Loan] {
        &self.loans
    }

    /// The queue, first come first.
    pub fn queue(&self) -> &[Reservation] {
        &self.queue
    }

    /// How many licences wait for a member on hold.
    pub fn holds(&self) -> usize {
        self.queue.iter().filter(|r| r.hold_until.is_some()).count()
    }

    /// How many licences are neither lent nor held (0 when the count was lowered below
    /// the loans and holds).
    pub fn free(&self) -> usize {
        let used = self.loans.len() + self.holds();
        usize::try_from(self.licences)
            .unwrap_or(usize::MAX)
            .saturating_sub(used)
    }

    pub fn loan_of(&self, member: MemberId) -> Option<&Loan> {
        self.loans.iter().find(|l| l.member == member)
    }

    pub fn reservation_of(&self, member: MemberId) -> Option<&Reservation> {
        self.queue.iter().find(|r| r.member == member)
    }

    /// The member's place in the queue for the UI, counting from 1.
    pub fn place_of(&self, member: MemberId) -> Option<usize> {
        self.queue
            .iter()
            .position(|r| r.member == member)
            .map(|i| i + 1)
    }

    /// This title's share of the member's counts.
    pub fn counts_of(&self, member: MemberId) -> MemberCounts {
        MemberCounts {
            loans: u32::from(self.loan_of(member).is_some()),
            reservations: u32::from(self.reservation_of(member).is_some()),
        }
    }

    /// Borrows the title for `days` (the policy's length if `None`): takes the hold
    /// the member has, or a free licence (leaving the queue if they were suspended in
    /// it). `counts` are the member's across all titles, this one included.
    pub fn borrow(
        &mut self,
        member: MemberId,
        counts: MemberCounts,
        policy: &Policy,
        now: i64,
        days: Option<u32>,
    ) -> Result<Vec<Event>, LendError> {
        let max_days = policy.loan_days();
        let days = days.unwrap_or(max_days);
        if days == 0 || days > max_days {
            return Err(LendError::LoanLength { days, max_days });
        }
        self.run(policy, now, |title, events| {
            if title.loan_of(member).is_some() {
                return Err(LendError::AlreadyBorrowing);
            }
            let place = title.queue.iter().position(|r| r.member == member);
            let holding = place.is_some_and(|i| title.queue[i].hold_until.is_some());
            if !holding && title.free() == 0 {
                return Err(LendError::NoLicenceFree);
            }
            if counts.loans >= policy.max_loans() {
                return Err(LendError::LoanLimit {
                    max: policy.max_loans(),
                });
            }
            if let Some(i) = place {
                title.queue.remove(i);
            }
            let until = now.saturating_add(Policy::loan_secs(days));
            title.loans.push(Loan {
                member,
                start: now,
                until,
            });
            events.push(Event::LoanStarted {
                title: title.id,
                member,
                at: now,
                until,
            });
            Ok(())
        })
    }

    /// Gives the title back before its loan ends; the licence goes to the queue.
    pub fn give_back(
        &mut self,
        member: MemberId,
        policy: &Policy,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        self.run(policy, now, |title, events| {
            let i = title
                .loans
                .iter()
                .position(|l| l.member == member)
                .ok_or(LendError::NotBorrowing)?;
            title.loans.remove(i);
            events.push(Event::LoanEnded {
                title: title.id,
                member,
                at: now,
                why: LoanEnd::Returned,
            });
            Ok(())
        })
    }

    /// Joins the back of the queue: only when no licence is free for the member.
    pub fn reserve(
        &mut self,
        member: MemberId,
        counts: MemberCounts,
        policy: &Policy,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        self.run(policy, now, |title, _| {
            if title.loan_of(member).is_some() {
                return Err(LendError::AlreadyBorrowing);
            }
            if title.reservation_of(member).is_some() {
                return Err(LendError::AlreadyQueued);
            }
            if title.free() > 0 {
                return Err(LendError::LicenceFree);
            }
            if counts.reservations >= policy.max_reservations() {
                return Err(LendError::ReservationLimit {
                    max: policy.max_reservations(),
                });
            }
            title.queue.push(Reservation {
                member,
                since: now,
                suspended: false,
                hold_until: None,
            });
            Ok(())
        })
    }

    /// Leaves the queue; a hold the member had passes to the next.
    pub fn cancel(
        &mut self,
        member: MemberId,
        policy: &Policy,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        self.run(policy, now, |title, events| {
            title.leave(member, now, events, false)
        })
    }

    /// Declines the hold: the member leaves the queue and the licence passes on.
    pub fn pass(
        &mut self,
        member: MemberId,
        policy: &Policy,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        self.run(policy, now, |title, events| {
            title.leave(member, now, events, true)
        })
    }

    /// Keeps the member's place but skips it when a licence frees up.
    pub fn suspend(
        &mut self,
        member: MemberId,
        policy: &Policy,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        self.run(policy, now, |title, _| {
            let place = title.place_mut(member)?;
            if place.hold_until.is_some() {
                return Err(LendError::HoldWaiting);
            }
            if place.suspended {
                return Err(LendError::AlreadySuspended);
            }
            place.suspended = true;
            Ok(())
        })
    }

    /// Takes a suspended place up again, where it was; a free licence is held for the
    /// member at once if nobody before them waits.
    pub fn resume(
        &mut self,
        member: MemberId,
        policy: &Policy,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        self.run(policy, now, |title, _| {
            let place = title.place_mut(member)?;
            if !place.suspended {
                return Err(LendError::NotSuspended);
            }
            place.suspended = false;
            Ok(())
        })
    }

    /// Sets the licence count. Lowering it never ends a loan or takes back a hold;
    /// raising it gives holds to the queue at once.
    pub fn set_licences(&mut self, licences: u32, policy: &Policy, now: i64) -> Vec<Event> {
        let mut events = Vec::new();
        self.settle_into(policy, now, &mut events);
        self.licences = licences;
        self.give_holds(policy, now, &mut events);
        events
    }

    /// Settles, runs `op` on a copy and keeps the copy only if `op` succeeds, then
    /// hands the licences it freed to the queue.
    fn run(
        &mut self,
        policy: &Policy,
        now: i64,
        op: impl FnOnce(&mut Title, &mut Vec<Event>) -> Result<(), LendError>,
    ) -> Result<Vec<Event>, LendError> {
        let mut next = self.clone();
        let mut events = Vec::new();
        next.settle_into(policy, now, &mut events);
        op(&mut next, &mut events)?;
        next.give_holds(policy, now, &mut events);
        *self = next;
        Ok(events)
    }

    fn place_mut(&mut self, member: MemberId) -> Result<&mut Reservation, LendError> {
        self.queue
            .iter_mut()
            .find(|r| r.member == member)
            .ok_or(LendError::NotQueued)
    }

    fn leave(
        &mut self,
        member: MemberId,
        now: i64,
        events: &mut Vec<Event>,
        must_hold: bool,
    ) -> Result<(), LendError> {
        let i = self
            .queue
            .iter()
            .position(|r| r.member == member)
            .ok_or(LendError::NotQueued)?;
        let held = self.queue[i].hold_until.is_some();
        if must_hold && !held {
            return Err(LendError::NoHold);
        }
        self.queue.remove(i);
        if held {
            events.push(Event::HoldPassed {
                title: self.id,
                member,
                at: now,
            });
        }
        Ok(())
    }
}
