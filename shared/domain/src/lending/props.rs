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

/// How far the clock moves before a step: mostly a little, now and then past a loan.
fn advance() -> impl Strategy<Value = i64> {
    prop_oneof![
        3 => 0..HOUR,
        3 => 0..4 * DAY,
        1 => 0..50 * DAY,
    ]
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

/// Every invariant after one step from `before` to `after` at `now`; `arrivals` is
/// each title's members in the order their reservations succeeded.
fn check_step(
    before: &Library,
    after: &Library,
    result: &Result<Vec<Event>, LendError>,
    now: i64,
    arrivals: &[Vec<MemberId>],
) -> Result<(), TestCaseError> {
    let policy = after.policy();
    if result.is_err() {
        prop_assert_eq!(before, after, "a refused operation changed the library");
    }
    for (title, was) in after.titles().zip(before.titles()) {
        // No licence lent twice: loans and holds grow only onto free licences.
        let used = title.loans().len() + title.holds();
        let used_before = was.loans().len() + was.holds();
        let licences = usize::try_from(title.licences()).unwrap_or(usize::MAX);
        prop_assert!(
            used <= licences.max(used_before),
            "title {:?}: {} loans and holds on {} licences",
            title.id(),
            used,
            licences
        );
        // One loan or one place per member, never both.
        let lending: HashSet<_> = title.loans().iter().map(|l| l.member).collect();
        let waiting: HashSet<_> = title.queue().iter().map(|r| r.member).collect();
        prop_assert_eq!(lending.len(), title.loans().len(), "a member borrows twice");
        prop_assert_eq!(waiting.len(), title.queue().len(), "a member waits twice");
        prop_assert!(
            lending.is_disjoint(&waiting),
            "borrows and waits: {:?}",
            title
        );
        // First come, first served.
        let order: Vec<_> = title.queue().iter().map(|r| r.member).collect();
        let t = usize::try_from(title.id().0).unwrap_or_default();
        prop_assert_eq!(&order, &arrivals[t], "queue out of arrival order");
        prop_assert!(title.queue().windows(2).all(|w| w[0].since <= w[1].since));
        // Holds go to the first who is not suspended, and wait for no one else.
        let newly: HashSet<_> = held(title).difference(&held(was)).copied().collect();
        for (i, r) in title.queue().iter().enumerate() {
            prop_assert!(!(r.suspended && r.hold_until.is_some()), "a suspended hold");
            if newly.contains(&r.member) {
                let ahead = &title.queue()[..i];
                prop_assert!(
                    ahead.iter().all(|a| a.suspended || a.hold_until.is_some()),
                    "hold for {:?} while someone before waits: {:?}",
                    r.member,
                    title
                );
            }
        }
        if title.free() > 0 {
            prop_assert!(
                title
                    .queue()
                    .iter()
                    .all(|r| r.suspended || r.hold_until.is_some()),
                "a licence idles while someone waits: {:?}",
                title
            );
        }
        // Nothing lasts past its end once settled; no loan is longer than the policy.
        if result.is_ok() {
            prop_assert!(
                title.loans().iter().all(|l| l.until > now),
                "loan past its end"
            );
            let holds = title.queue().iter().filter_map(|r| r.hold_until);
            prop_assert!(holds.into_iter().all(|h| h > now), "hold past its end");
        }
        for l in title.loans() {
            let longest = l.start + i64::from(policy.loan_days()) * DAY;
            prop_assert!(
                l.start <= now && l.until <= longest,
                "loan too long: {:?}",
                l
            );
        }
    }
    // No member over the limits.
    for m in 0..MEMBERS {
        let counts = after.counts(member_id(m));
        prop_assert!(
            counts.loans <= policy.max_loans(),
            "member {} over the loan limit",
            m
        );
        prop_assert!(
            counts.reservations <= policy.max_reservations(),
            "member {} over the reservation limit",
            m
        );
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
        for (dt, op) in steps {
            now += dt;
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
