//! What an operation changed in a title, row by row, for a store that keeps loans and
//! places as rows: compare the title before and after the operation, and name from the
//! operation's events how each loan and each place ended.

use serde::Serialize;

use super::{Event, Loan, LoanEnd, MemberId, Reservation, Title};

/// How a place in the queue ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Left {
    /// The member borrowed the title (took their hold, or a free licence).
    Taken,
    /// The member left the queue without a hold.
    Cancelled,
    /// The member declined the hold (or cancelled while on hold).
    Passed,
    /// The hold's time ran out.
    Expired,
}

impl Left {
    /// The word the store keeps.
    pub fn as_str(self) -> &'static str {
        match self {
            Left::Taken => "taken",
            Left::Cancelled => "cancelled",
            Left::Passed => "passed",
            Left::Expired => "expired",
        }
    }
}

/// One row's change. Ends come before starts in [`changes`]' answer, so a store with
/// unique slots frees a slot before it takes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Change {
    /// The running loan of `member` ended at `at`.
    LoanEnded {
        member: MemberId,
        at: i64,
        why: LoanEnd,
    },
    /// The place of `member` in the queue ended at `at`.
    PlaceLeft {
        member: MemberId,
        at: i64,
        how: Left,
    },
    /// A loan began.
    LoanStarted(Loan),
    /// A member joined the back of the queue.
    PlaceJoined(Reservation),
    /// A place was suspended or resumed, or a licence is now held for it.
    PlaceChanged(Reservation),
}

/// The changes that turn `before` into `after`, which an operation at `now` made with
/// `events`. Loans are told apart by member and start, places by member and arrival,
/// so a loan that ended and a new one of the same member are two rows.
pub fn changes(before: &Title, after: &Title, events: &[Event], now: i64) -> Vec<Change> {
    let mut ends = Vec::new();
    let mut starts = Vec::new();
    for loan in before.loans() {
        if !after.loans().contains(loan) {
            let (at, why) = events
                .iter()
                .find_map(|e| match *e {
                    Event::LoanEnded {
                        member, at, why, ..
                    } if member == loan.member => Some((at, why)),
                    _ => None,
                })
                .unwrap_or((now, LoanEnd::Returned));
            ends.push(Change::LoanEnded {
                member: loan.member,
                at,
                why,
            });
        }
    }
    for loan in after.loans() {
        if !before.loans().contains(loan) {
            starts.push(Change::LoanStarted(*loan));
        }
    }
    let same = |a: &Reservation, b: &Reservation| a.member == b.member && a.since == b.since;
    for place in before.queue() {
        match after.queue().iter().find(|p| same(p, place)) {
            Some(now_place) if now_place != place => {
                starts.push(Change::PlaceChanged(*now_place));
            }
            Some(_) => {}
            None => {
                let (at, how) = how_left(place.member, events, now);
                ends.push(Change::PlaceLeft {
                    member: place.member,
                    at,
                    how,
                });
            }
        }
    }
    for place in after.queue() {
        if !before.queue().iter().any(|p| same(p, place)) {
            starts.push(Change::PlaceJoined(*place));
        }
    }
    ends.extend(starts);
    ends
}

/// When and how `member`'s place ended, from the events: a hold that expired or was
/// passed, a loan that began (the place was taken), or else a cancel at `now`.
fn how_left(member: MemberId, events: &[Event], now: i64) -> (i64, Left) {
    events
        .iter()
        .find_map(|e| match *e {
            Event::HoldExpired { member: m, at, .. } if m == member => Some((at, Left::Expired)),
            Event::HoldPassed { member: m, at, .. } if m == member => Some((at, Left::Passed)),
            Event::LoanStarted { member: m, at, .. } if m == member => Some((at, Left::Taken)),
            _ => None,
        })
        .unwrap_or((now, Left::Cancelled))
}

#[cfg(test)]
mod tests {
    //! The changes, applied to rows as a store keeps them, give the title after the
    //! operation, and each ended row says how it ended as the events do.

    use proptest::prelude::*;

    use super::*;
    use crate::lending::{DAY, HOUR, LendError, MemberCounts, Policy, TitleId};

    /// A row as a store keeps it: open until it ends.
    #[derive(Debug, Clone, PartialEq)]
    struct Row<T> {
        value: T,
        ended: Option<(i64, String)>,
    }

    #[derive(Debug, Default)]
    struct Rows {
        loans: Vec<Row<Loan>>,
        places: Vec<Row<Reservation>>,
    }

    impl Rows {
        fn apply(&mut self, changes: &[Change]) {
            for change in changes {
                match *change {
                    Change::LoanEnded { member, at, why } => {
                        let row = (self.loans.iter_mut())
                            .find(|r| r.ended.is_none() && r.value.member == member)
                            .expect("an open loan ends");
                        assert!(at >= row.value.start);
                        if why == LoanEnd::Expired {
                            assert_eq!(at, row.value.until, "an expired loan ends at its until");
                        }
                        row.ended = Some((at, format!("{why:?}")));
                    }
                    Change::PlaceLeft { member, at, how } => {
                        let row = (self.places.iter_mut())
                            .find(|r| r.ended.is_none() && r.value.member == member)
                            .expect("an open place ends");
                        row.ended = Some((at, how.as_str().to_string()));
                    }
                    Change::LoanStarted(loan) => {
                        assert!(
                            !(self.loans.iter())
                                .any(|r| r.ended.is_none() && r.value.member == loan.member),
                            "one open loan per member and title"
                        );
                        self.loans.push(Row {
                            value: loan,
                            ended: None,
                        });
                    }
                    Change::PlaceJoined(place) => {
                        assert!(
                            !(self.places.iter())
                                .any(|r| r.ended.is_none() && r.value.member == place.member),
                            "one open place per member and title"
                        );
                        self.places.push(Row {
                            value: place,
                            ended: None,
                        });
                    }
                    Change::PlaceChanged(place) => {
                        let row = (self.places.iter_mut())
                            .find(|r| {
                                r.ended.is_none()
                                    && r.value.member == place.member
                                    && r.value.since == place.since
                            })
                            .expect("an open place changes");
                        row.value = place;
                    }
                }
            }
        }

        /// The title as a store reads it back: open loans, open places by arrival.
        fn title(&self, id: TitleId, licences: u32) -> Title {
            let loans = (self.loans.iter())
                .filter(|r| r.ended.is_none())
                .map(|r| r.value)
                .collect();
            let mut places: Vec<(usize, Reservation)> = (self.places.iter().enumerate())
                .filter(|(_, r)| r.ended.is_none())
                .map(|(i, r)| (i, r.value))
                .collect();
            places.sort_by_key(|(i, r)| (r.since, *i));
            Title::restore(
                id,
                licences,
                loans,
                places.into_iter().map(|p| p.1).collect(),
            )
        }

        fn ended_places(&self, how: Left) -> usize {
            (self.places.iter())
                .filter(|r| r.ended.as_ref().is_some_and(|(_, h)| h == how.as_str()))
                .count()
        }
    }

    #[derive(Debug, Clone, Copy)]
    enum Op {
        Borrow(i64),
        GiveBack(i64),
        Reserve(i64),
        Cancel(i64),
        Pass(i64),
        Suspend(i64),
        Resume(i64),
        Licences(u32),
        Settle,
    }

    fn op() -> impl Strategy<Value = Op> {
        let m = 0i64..5;
        prop_oneof![
            3 => m.clone().prop_map(Op::Borrow),
            2 => m.clone().prop_map(Op::GiveBack),
            3 => m.clone().prop_map(Op::Reserve),
            1 => m.clone().prop_map(Op::Cancel),
            1 => m.clone().prop_map(Op::Pass),
            1 => m.clone().prop_map(Op::Suspend),
            1 => m.prop_map(Op::Resume),
            1 => (0u32..4).prop_map(Op::Licences),
            2 => Just(Op::Settle),
        ]
    }

    fn run(title: &mut Title, op: Op, policy: &Policy, now: i64) -> Result<Vec<Event>, LendError> {
        let counts = |t: &Title, m: i64| t.counts_of(MemberId(m));
        match op {
            Op::Borrow(m) => {
                let c = counts(title, m);
                title.borrow(MemberId(m), c, policy, now, None)
            }
            Op::GiveBack(m) => title.give_back(MemberId(m), policy, now),
            Op::Reserve(m) => {
                let c = counts(title, m);
                title.reserve(MemberId(m), c, policy, now)
            }
            Op::Cancel(m) => title.cancel(MemberId(m), policy, now),
            Op::Pass(m) => title.pass(MemberId(m), policy, now),
            Op::Suspend(m) => title.suspend(MemberId(m), policy, now),
            Op::Resume(m) => title.resume(MemberId(m), policy, now),
            Op::Licences(n) => Ok(title.set_licences(n, policy, now)),
            Op::Settle => Ok(title.settle(policy, now)),
        }
    }

    proptest! {
        #[test]
        fn rows_follow_the_title(
            steps in prop::collection::vec((op(), 0..5 * DAY), 1..80),
            licences in 0u32..3,
        ) {
            let policy = Policy::default();
            let id = TitleId(7);
            let mut title = Title::new(id, licences);
            let mut rows = Rows::default();
            let mut now = 1_780_000_000;
            let (mut expired, mut passed) = (0, 0);
            for (op, dt) in steps {
                now += dt;
                let before = title.clone();
                let Ok(events) = run(&mut title, op, &policy, now) else {
                    prop_assert_eq!(&before, &title, "a refused operation changes nothing");
                    continue;
                };
                expired += events.iter().filter(|e| matches!(e, Event::HoldExpired { .. })).count();
                passed += events.iter().filter(|e| matches!(e, Event::HoldPassed { .. })).count();
                rows.apply(&changes(&before, &title, &events, now));
                prop_assert_eq!(rows.title(id, title.licences()), title.clone());
            }
            prop_assert_eq!(rows.ended_places(Left::Expired), expired);
            prop_assert_eq!(rows.ended_places(Left::Passed), passed);
        }
    }

    #[test]
    fn a_hold_taken_and_a_hold_run_out() {
        let policy = Policy::default();
        let (ann, bert, cis) = (MemberId(1), MemberId(2), MemberId(3));
        let counts = MemberCounts::default();
        let mut title = Title::new(TitleId(1), 1);
        let t0 = 1_780_000_000;
        title
            .borrow(ann, counts, &policy, t0, Some(1))
            .expect("lent");
        title.reserve(bert, counts, &policy, t0).expect("queued");
        title.reserve(cis, counts, &policy, t0 + 1).expect("queued");
        // Ann's day ends: Bert gets the hold (from the moment the store settles).
        let before = title.clone();
        let tick = t0 + DAY + HOUR;
        let events = title.settle(&policy, tick);
        let bert_until = tick + 72 * HOUR;
        assert_eq!(
            changes(&before, &title, &events, tick),
            [
                Change::LoanEnded {
                    member: ann,
                    at: t0 + DAY,
                    why: LoanEnd::Expired
                },
                Change::PlaceChanged(Reservation {
                    member: bert,
                    since: t0,
                    suspended: false,
                    hold_until: Some(bert_until),
                }),
            ]
        );
        // Bert lets it run out; Cis gets it next.
        let before = title.clone();
        let late = bert_until + 5;
        let events = title.settle(&policy, late);
        assert_eq!(
            changes(&before, &title, &events, late),
            [
                Change::PlaceLeft {
                    member: bert,
                    at: bert_until,
                    how: Left::Expired
                },
                Change::PlaceChanged(Reservation {
                    member: cis,
                    since: t0 + 1,
                    suspended: false,
                    hold_until: Some(late + 72 * HOUR),
                }),
            ]
        );
        // Cis takes the hold: the place is taken, a loan starts.
        let before = title.clone();
        let take = late + HOUR;
        let events = title
            .borrow(cis, counts, &policy, take, None)
            .expect("taken");
        let seen = changes(&before, &title, &events, take);
        assert_eq!(
            seen,
            [
                Change::PlaceLeft {
                    member: cis,
                    at: take,
                    how: Left::Taken
                },
                Change::LoanStarted(Loan {
                    member: cis,
                    start: take,
                    until: take + 42 * DAY,
                }),
            ]
        );
    }
}
