//! The whole library in memory: many titles under one policy, counting each member's
//! loans and reservations itself. The reference model for the store's tests and the
//! property tests.

use std::collections::BTreeMap;

use super::{Event, LendError, MemberCounts, MemberId, Policy, Title, TitleId};

/// Every title of a library and its policy. Each operation first settles every title
/// up to `now` (so the member's counts are those of `now`), then runs on its title; a
/// refused operation changes nothing. The events of a successful one come in time
/// order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    policy: Policy,
    titles: BTreeMap<TitleId, Title>,
}

impl Library {
    pub fn new(policy: Policy) -> Self {
        Library {
            policy,
            titles: BTreeMap::new(),
        }
    }

    /// A library as the store kept it, to check (`Library::check`) or to run on.
    pub fn restore(policy: Policy, titles: impl IntoIterator<Item = Title>) -> Self {
        Library {
            policy,
            titles: titles.into_iter().map(|t| (t.id(), t)).collect(),
        }
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Adds a title nobody borrows yet.
    pub fn add_title(&mut self, id: TitleId, licences: u32) -> Result<(), LendError> {
        if self.titles.contains_key(&id) {
            return Err(LendError::TitleExists(id));
        }
        self.titles.insert(id, Title::new(id, licences));
        Ok(())
    }

    pub fn title(&self, id: TitleId) -> Option<&Title> {
        self.titles.get(&id)
    }

    /// Every title, by id.
    pub fn titles(&self) -> impl Iterator<Item = &Title> {
        self.titles.values()
    }

    /// The member's loans and reservations over every title (as of the last operation
    /// or tick).
    pub fn counts(&self, member: MemberId) -> MemberCounts {
        self.titles
            .values()
            .map(|t| t.counts_of(member))
            .fold(MemberCounts::default(), |sum, c| MemberCounts {
                loans: sum.loans + c.loans,
                reservations: sum.reservations + c.reservations,
            })
    }

    /// Settles every title up to `now`: loans and holds that ended, holds given.
    pub fn tick(&mut self, now: i64) -> Vec<Event> {
        let policy = self.policy;
        let mut events: Vec<Event> = (self.titles.values_mut())
            .flat_map(|t| t.settle(&policy, now))
            .collect();
        // Each title's events are in time order already; a stable sort keeps that.
        events.sort_by_key(Event::at);
        events
    }

    /// [`Title::borrow`] with the member's counts of `now`.
    pub fn borrow(
        &mut self,
        title: TitleId,
        member: MemberId,
        now: i64,
        days: Option<u32>,
    ) -> Result<Vec<Event>, LendError> {
        self.run(title, member, now, |t, counts, policy| {
            t.borrow(member, counts, policy, now, days)
        })
    }

    /// [`Title::give_back`].
    pub fn give_back(
        &mut self,
        title: TitleId,
        member: MemberId,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        self.run(title, member, now, |t, _, policy| {
            t.give_back(member, policy, now)
        })
    }

    /// [`Title::reserve`] with the member's counts of `now`.
    pub fn reserve(
        &mut self,
        title: TitleId,
        member: MemberId,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        self.run(title, member, now, |t, counts, policy| {
            t.reserve(member, counts, policy, now)
        })
    }

    /// [`Title::cancel`].
    pub fn cancel(
        &mut self,
        title: TitleId,
        member: MemberId,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        self.run(title, member, now, |t, _, policy| {
            t.cancel(member, policy, now)
        })
    }

    /// [`Title::pass`].
    pub fn pass(
        &mut self,
        title: TitleId,
        member: MemberId,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        self.run(title, member, now, |t, _, policy| {
            t.pass(member, policy, now)
        })
    }

    /// [`Title::suspend`].
    pub fn suspend(
        &mut self,
        title: TitleId,
        member: MemberId,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        self.run(title, member, now, |t, _, policy| {
            t.suspend(member, policy, now)
        })
    }

    /// [`Title::resume`].
    pub fn resume(
        &mut self,
        title: TitleId,
        member: MemberId,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        self.run(title, member, now, |t, _, policy| {
            t.resume(member, policy, now)
        })
    }

    /// [`Title::set_licences`].
    pub fn set_licences(
        &mut self,
        title: TitleId,
        licences: u32,
        now: i64,
    ) -> Result<Vec<Event>, LendError> {
        if !self.titles.contains_key(&title) {
            return Err(LendError::UnknownTitle(title));
        }
        let mut events = self.tick(now);
        let policy = self.policy;
        if let Some(t) = self.titles.get_mut(&title) {
            events.extend(t.set_licences(licences, &policy, now));
        }
        Ok(events)
    }

    /// Settles a copy of the library, runs `op` on the title with the member's counts,
    /// and keeps the copy only if `op` succeeds.
    fn run(
        &mut self,
        title: TitleId,
        member: MemberId,
        now: i64,
        op: impl FnOnce(&mut Title, MemberCounts, &Policy) -> Result<Vec<Event>, LendError>,
    ) -> Result<Vec<Event>, LendError> {
        let mut next = self.clone();
        let mut events = next.tick(now);
        let counts = next.counts(member);
        let policy = next.policy;
        let t = (next.titles.get_mut(&title)).ok_or(LendError::UnknownTitle(title))?;
        events.extend(op(t, counts, &policy)?);
        *self = next;
        Ok(events)
    }
}
