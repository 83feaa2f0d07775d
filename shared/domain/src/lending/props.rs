//! Property tests of lending: random sequences of operations on a small library, with
//! time moving forward, and the invariants checked after every step.

use std::collections::HashSet;

use proptest::prelude::*;

use super::*;

const TITLES: usize = 3;
const MEMBERS: usize = 5;
const START: i64 = 1_780_000_000;

#[derive(Debug, Clone, Copy)]
enum Op {
    Borrow(usize, usize, Option<u32>),
    GiveBack(usize, usize),
    Reserve(usize, usize),
    Cancel(usize, usize),
    Pass(usize, usize),
    Suspend(usize, usize),
    Resume(usize, usize),
    SetLicences(usize, u32),
    Tick,
}

fn op() -> impl Strategy<Value = Op> {
    let t = 0..TITLES;
    let m = 0..MEMBERS;
    let days = prop::option::of(0u32..45);
    prop_oneof![
        4 => (t.clone(), m.clone(), days).prop_map(|(t, m, d)| Op::Borrow(t, m, d)),
        2 => (t.clone(), m.clone()).prop_map(|(t, m)| Op::GiveBack(t, m)),
        4 => (t.clone(), m.clone()).prop_map(|(t, m)| Op::Reserve(t, m)),
        1 => (t.clone(), m.clone()).prop_map(|(t, m)| Op::Cancel(t, m)),
        1 => (t.clone(), m.clone()).prop_map(|(t, m)| Op::Pass(t, m)),
        2 => (t.clone(), m.clone()).prop_map(|(t, m)| Op::Suspend(t, m)),
        2 => (t.clone(), m).prop_map(|(t, m)| Op::Resume(t, m)),
        1 => (t, 0u32..4).prop_map(|(t, n)| Op::SetLicences(t, n)),
        2 => Just(Op::Tick),
    ]
}

/// How the clock moves before a step.
#[derive(Debug, Clone, Copy)]
enum Advance {
    /// By so many seconds.
    By(i64),
    /// To the next moment something ends by itself, give or take a second, so the
    /// edges of loans and holds are tried (never backwards).
    ToDeadline(i64),
}

fn advance() -> impl Strategy<Value = Advance> {
    prop_oneof![
        3 => (0..HOUR).prop_map(Advance::By),
        3 => (0..4 * DAY).prop_map(Advance::By),
        1 => (0..50 * DAY).prop_map(Advance::By),
        3 => (-1i64..=1).prop_map(Advance::ToDeadline),
    ]
}

fn next_now(lib: &Library, now: i64, advance: Advance) -> i64 {
    match advance {
        Advance::By(dt) => now + dt,
        Advance::ToDeadline(off) => {
            let next = lib.titles().filter_map(Title::next_deadline).min();
            next.map_or(now, |d| (d + off).max(now))
        }
    }
}

fn title_id(t: usize) -> TitleId {
    TitleId(i64::try_from(t).unwrap_or_default())
}

fn member_id(m: usize) -> MemberId {
    MemberId(i64::try_from(m).unwrap_or_default())
}

fn apply(lib: &mut Library, op: Op, now: i64) -> Result<Vec<Event>, LendError> {
    let (t, m) = (title_id, member_id);
    match op {
        Op::Borrow(ti, mi, days) => lib.borrow(t(ti), m(mi), now, days),
        Op::GiveBack(ti, mi) => lib.give_back(t(ti), m(mi), now),
        Op::Reserve(ti, mi) => lib.reserve(t(ti), m(mi), now),
        Op::Cancel(ti, mi) => lib.cancel(t(ti), m(mi), now),
        Op::Pass(ti, mi) => lib.pass(t(ti), m(mi), now),
        Op::Suspend(ti, mi) => lib.suspend(t(ti), m(mi), now),
        Op::Resume(ti, mi) => lib.resume(t(ti), m(mi), now),
        Op::SetLicences(ti, n) => lib.set_licences(t(ti), n, now),
        Op::Tick => Ok(lib.tick(now)),
    }
}

fn held(title: &Title) -> HashSet<MemberId> {
    (title.queue().iter())
        .filter(|r| r.hold_until.is_some())
        .map(|r| r.member)
        .collect()
}

/// Every invariant after one step from `before` to `after` at `now`: the library's
/// own check, and what only a step shows; `arrivals` is each title's members in the
/// order their reservations succeeded.
fn check_step(
    before: &Library,
    after: &Library,
    result: &Result<Vec<Event>, LendError>,
    now: i64,
    arrivals: &[Vec<MemberId>],
) -> Result<(), TestCaseError> {
    if result.is_err() {
        prop_assert_eq!(before, after, "a refused operation changed the library");
    }
    for breach in after.check(now) {
        match breach {
            // A refused operation settles nothing, so ends may be due.
            Breach::LoanPastEnd { .. } | Breach::HoldPastEnd { .. } if result.is_err() => {}
            // Lowering the count leaves loans and holds above it; they must not grow.
            Breach::OverLent { title, used, .. } => {
                let was = before.title(title).map(|t| t.loans().len() + t.holds());
                prop_assert!(was.is_some_and(|was| used <= was), "{:?}", breach);
            }
            _ => {
                let title = breach.title().and_then(|t| after.title(t));
                prop_assert!(false, "{:?} in {:?}", breach, title);
            }
        }
    }
    for (title, was) in after.titles().zip(before.titles()) {
        // First come, first served.
        let order: Vec<_> = title.queue().iter().map(|r| r.member).collect();
        let t = usize::try_from(title.id().0).unwrap_or_default();
        prop_assert_eq!(&order, &arrivals[t], "queue out of arrival order");
        // A new hold goes to the first who waits, not suspended. Settling comes before
        // the operation: a member resuming in this step was still suspended then.
        let newly: HashSet<_> = held(title).difference(&held(was)).copied().collect();
        let was_suspended = |m: MemberId| was.reservation_of(m).is_some_and(|r| r.suspended);
        for (i, r) in title.queue().iter().enumerate() {
            if newly.contains(&r.member) {
                let ahead = &title.queue()[..i];
                prop_assert!(
                    ahead
                        .iter()
                        .all(|a| a.suspended || a.hold_until.is_some() || was_suspended(a.member)),
                    "hold for {:?} while someone before waits: {:?}",
                    r.member,
                    title
                );
            }
        }
        for l in title.loans() {
            prop_assert!(l.start <= now, "a loan from the future: {:?}", l);
        }
    }
    if let Ok(events) = result {
        prop_assert!(
            events.windows(2).all(|w| w[0].at() <= w[1].at()),
            "events out of order"
        );
        prop_assert!(
            events.iter().all(|e| e.at() <= now),
            "an event in the future"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn lending_keeps_its_invariants(
        licences in prop::collection::vec(0u32..4, TITLES),
        steps in prop::collection::vec((advance(), op()), 1..80),
    ) {
        let mut lib = Library::new(Policy::default());
        for (t, n) in licences.iter().enumerate() {
            lib.add_title(title_id(t), *n).expect("new title");
        }
        let mut arrivals = vec![Vec::<MemberId>::new(); TITLES];
        let mut now = START;
        for (advance, op) in steps {
            now = next_now(&lib, now, advance);
            let before = lib.clone();
            let result = apply(&mut lib, op, now);
            if let (Op::Reserve(t, m), Ok(_)) = (op, &result) {
                // Settling may have ended their old place (an expired hold) first.
                arrivals[t].retain(|a| *a != member_id(m));
                arrivals[t].push(member_id(m));
            }
            // Members who left the queue (took the book, cancelled, passed, expired).
            for (t, order) in arrivals.iter_mut().enumerate() {
                let title = lib.title(title_id(t)).expect("title");
                order.retain(|m| title.reservation_of(*m).is_some());
            }
            check_step(&before, &lib, &result, now, &arrivals)?;
        }
    }

    #[test]
    fn days_left_is_the_rounded_up_distance(until in -1_000_000i64..1_000_000, now in -1_000_000i64..1_000_000) {
        let left = i64::from(days_left(until, now));
        if until <= now {
            prop_assert_eq!(left, 0);
        } else {
            prop_assert!((left - 1) * DAY < until - now && until - now <= left * DAY);
        }
    }
}
