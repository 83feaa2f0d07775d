//! How time moves a title on: loans that reach their end, holds whose time is up, and
//! freed licences handed to the queue in order.

use super::Title;
use crate::lending::{Event, LoanEnd, Policy};

impl Title {
    /// The next moment something ends by itself (a loan or a hold), for the server's
    /// scheduler.
    pub fn next_deadline(&self) -> Option<i64> {
        let loans = self.loans.iter().map(|l| l.until);
        let holds = self.queue.iter().filter_map(|r| r.hold_until);
        loans.chain(holds).min()
    }

    /// Ends, in time order, every loan whose `until` has come and every hold whose time
    /// is up (the member leaves the queue), handing each freed licence to the first
    /// member in the queue who is not suspended and has no hold yet. The events come in
    /// time order.
    pub fn settle(&mut self, policy: &Policy, now: i64) -> Vec<Event> {
        let mut events = Vec::new();
        self.settle_into(policy, now, &mut events);
        events
    }

    /// Settles into `events`, which hold nothing yet (they are sorted at the end).
    pub(super) fn settle_into(&mut self, policy: &Policy, now: i64, events: &mut Vec<Event>) {
        // Every round removes one loan or one reservation, so this ends.
        loop {
            let loan = (self.loans.iter().enumerate())
                .filter(|(_, l)| l.until <= now)
                .min_by_key(|(_, l)| (l.until, l.member))
                .map(|(i, l)| (l.until, i));
            let hold = (self.queue.iter().enumerate())
                .filter_map(|(i, r)| r.hold_until.filter(|&h| h <= now).map(|h| (h, i)))
                .min();
            match (loan, hold) {
                (Some((at, i)), hold) if hold.is_none_or(|(h, _)| at <= h) => {
                    let loan = self.loans.remove(i);
                    events.push(Event::LoanEnded {
                        title: self.id,
                        member: loan.member,
                        at,
                        why: LoanEnd::Expired,
                    });
                }
                (_, Some((at, i))) => {
                    let gone = self.queue.remove(i);
                    events.push(Event::HoldExpired {
                        title: self.id,
                        member: gone.member,
                        at,
                    });
                }
                _ => break,
            }
            self.give_holds(policy, now, events);
        }
        // Holds given while settling are dated `now`, after the ends that freed them.
        events.sort_by_key(Event::at);
    }

    pub(super) fn give_holds(&mut self, policy: &Policy, now: i64, events: &mut Vec<Event>) {
        while self.free() > 0 {
            let id = self.id;
            let Some(next) =
                (self.queue.iter_mut()).find(|r| !r.suspended && r.hold_until.is_none())
            else {
                break;
            };
            let until = now.saturating_add(policy.hold_secs());
            next.hold_until = Some(until);
            events.push(Event::HoldGiven {
                title: id,
                member: next.member,
                at: now,
                until,
            });
        }
    }
}
