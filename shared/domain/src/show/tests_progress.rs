//! Tests of a class's progress: the rules by example, the stored form, and property
//! tests over random routes and random sequences of events.

use proptest::prelude::*;

use super::*;

fn stop(place: &str, assignments: &[&str]) -> Stop {
    Stop {
        place: place.to_owned(),
        assignments: assignments.iter().map(|a| (*a).to_owned()).collect(),
    }
}

/// Three places: two assignments, none, one.
fn route() -> Route {
    Route::new(vec![
        stop("inkom", &["a1", "a2"]),
        stop("zaal", &[]),
        stop("podium", &["b1"]),
    ])
    .expect("a sound route")
}

fn ev(progress: &mut Progress, route: &Route, event: Event) -> Result<(), ProgressError> {
    let before = progress.clone();
    let result = progress.apply(route, &event);
    if result.is_err() {
        assert_eq!(
            *progress, before,
            "a refused {event:?} changed the progress"
        );
    }
    assert_eq!(progress.check(route), Ok(()), "after {event:?}");
    result
}

fn arrive(place: &str) -> Event {
    Event::Arrive(place.to_owned())
}

fn start(id: &str) -> Event {
    Event::Start(id.to_owned())
}

#[test]
fn a_route_needs_a_place_and_unique_ids() {
    assert!(Route::new(vec![]).is_none());
    assert!(Route::new(vec![stop("a", &[]), stop("a", &[])]).is_none());
    assert!(Route::new(vec![stop("a", &["x"]), stop("b", &["x"])]).is_none());
    assert!(Route::new(vec![stop("a", &["x"]), stop("b", &["y"])]).is_some());
}

#[test]
fn assignments_unlock_one_after_another_and_places_follow() {
    let r = route();
    let mut p = Progress::new(&r);
    assert_eq!(p.place(), "inkom");
    assert_eq!(p.unlocked_places(&r), 1);
    assert_eq!(ev(&mut p, &r, start("a1")), Err(ProgressError::NoGrade));
    ev(&mut p, &r, Event::ChooseGrade(Grade::Ages8To10)).expect("grade");
    assert_eq!(
        ev(&mut p, &r, arrive("zaal")),
        Err(ProgressError::Locked("zaal".into()))
    );
    assert_eq!(
        ev(&mut p, &r, start("a2")),
        Err(ProgressError::Locked("a2".into()))
    );
    assert_eq!(
        ev(&mut p, &r, start("b1")),
        Err(ProgressError::NotHere("b1".into()))
    );
    ev(&mut p, &r, start("a1")).expect("a1 is open");
    assert_eq!(ev(&mut p, &r, start("a1")), Err(ProgressError::Busy));
    ev(&mut p, &r, Event::Complete).expect("complete");
    assert!(p.is_done("a1"));
    assert_eq!(p.unlocked_places(&r), 1, "a2 is still open");
    ev(&mut p, &r, start("a2")).expect("a1 unlocked a2");
    ev(&mut p, &r, Event::Complete).expect("complete");
    // Inkom is settled: the zaal unlocks, and with no assignments the podium too.
    assert_eq!(p.unlocked_places(&r), 3);
    ev(&mut p, &r, arrive("podium")).expect("unlocked");
    assert!(!p.is_finished(&r));
    ev(&mut p, &r, start("b1")).expect("b1");
    ev(&mut p, &r, Event::Complete).expect("complete");
    assert!(p.is_finished(&r));
    assert_eq!(
        ev(&mut p, &r, Event::Complete),
        Err(ProgressError::NothingRunning)
    );
    assert_eq!(
        ev(&mut p, &r, Event::Skip),
        Err(ProgressError::NothingToSkip)
    );
}

#[test]
fn skipping_never_blocks_and_needs_no_grade() {
    let r = route();
    let mut p = Progress::new(&r);
    ev(&mut p, &r, Event::Skip).expect("skip a1");
    ev(&mut p, &r, Event::Skip).expect("skip a2");
    assert!(p.is_skipped("a1") && p.is_skipped("a2"));
    assert_eq!(
        ev(&mut p, &r, Event::Skip),
        Err(ProgressError::NothingToSkip)
    );
    ev(&mut p, &r, arrive("podium")).expect("skips unlock");
    ev(&mut p, &r, Event::Skip).expect("skip b1");
    assert!(p.is_finished(&r));
    assert_eq!(p.grade(), None);
}

#[test]
fn a_started_assignment_can_be_skipped_or_left_with_back() {
    let r = route();
    let mut p = Progress::new(&r);
    ev(&mut p, &r, Event::ChooseGrade(Grade::Ages6To8)).expect("grade");
    ev(&mut p, &r, start("a1")).expect("start");
    ev(&mut p, &r, Event::Back).expect("back closes it");
    assert_eq!(p.running(), None);
    assert!(!p.is_settled("a1"));
    ev(&mut p, &r, start("a1")).expect("start again");
    ev(&mut p, &r, Event::Skip).expect("skip it");
    assert!(p.is_skipped("a1"));
    assert_eq!(p.running(), None);
}

#[test]
fn back_walks_to_the_place_before_and_repeat_plays_again() {
    let r = route();
    let mut p = Progress::new(&r);
    assert_eq!(ev(&mut p, &r, Event::Back), Err(ProgressError::AtStart));
    ev(&mut p, &r, Event::ChooseGrade(Grade::Ages10To12)).expect("grade");
    ev(&mut p, &r, Event::Skip).expect("skip a1");
    ev(&mut p, &r, start("a2")).expect("start a2");
    ev(&mut p, &r, Event::Complete).expect("a2 done");
    ev(&mut p, &r, arrive("podium")).expect("walk on");
    ev(&mut p, &r, Event::Back).expect("back");
    assert_eq!(p.place(), "zaal");
    assert_eq!(
        ev(&mut p, &r, Event::Repeat("a1".into())),
        Err(ProgressError::NotHere("a1".into()))
    );
    ev(&mut p, &r, Event::Back).expect("back");
    assert_eq!(
        ev(&mut p, &r, start("a1")),
        Err(ProgressError::Settled("a1".into()))
    );
    ev(&mut p, &r, Event::Repeat("a1".into())).expect("repeat a skipped one");
    ev(&mut p, &r, Event::Complete).expect("done now");
    assert!(p.is_done("a1") && !p.is_skipped("a1"));
    ev(&mut p, &r, Event::Repeat("a2".into())).expect("repeat a done one");
    ev(&mut p, &r, Event::Skip).expect("skipping a repeat");
    assert!(
        p.is_done("a2") && !p.is_skipped("a2"),
        "a repeat skipped stays done"
    );
    assert_eq!(
        ev(&mut p, &r, Event::Repeat("b1".into())),
        Err(ProgressError::NotHere("b1".into()))
    );
    assert_eq!(
        ev(&mut p, &r, arrive("kelder")),
        Err(ProgressError::UnknownPlace("kelder".into()))
    );
    assert_eq!(
        ev(&mut p, &r, start("zz")),
        Err(ProgressError::UnknownAssignment("zz".into()))
    );
}

#[test]
fn the_stored_form_round_trips_and_reads_as_written() {
    let r = route();
    let mut p = Progress::new(&r);
    for e in [
        Event::ChooseGrade(Grade::Ages8To10),
        Event::Skip,
        start("a2"),
    ] {
        ev(&mut p, &r, e).expect("valid");
    }
    let stored = p.to_storage();
    assert_eq!(
        stored,
        "voor-de-show progress 1\ngrade 8-10\nplace inkom\nrunning a2\ndone\nskipped a1\n"
    );
    assert_eq!(Progress::from_storage(&r, &stored), Ok(p.clone()));
    assert_eq!(Progress::restore(&r, Some(&stored)), p);
}

#[test]
fn a_bad_or_old_stored_value_gives_a_fresh_start() {
    let r = route();
    let fresh = Progress::new(&r);
    let good = "voor-de-show progress 1\ngrade 8-10\nplace inkom\nrunning\ndone a1\nskipped\n";
    assert!(Progress::from_storage(&r, good).is_ok());
    let cases: [(&str, StoreError); 9] = [
        ("", StoreError::Version(None)),
        ("{\"place\":\"inkom\"}", StoreError::Version(None)),
        (
            "voor-de-show progress 0\ngrade\nplace inkom\nrunning\ndone\nskipped\n",
            StoreError::Version(Some(0)),
        ),
        ("voor-de-show progress 2\n", StoreError::Version(Some(2))),
        (
            "voor-de-show progress 1\ngrade 8-10\nplace inkom\n",
            StoreError::Line(4),
        ),
        (
            "voor-de-show progress 1\ngrade 7-9\nplace inkom\nrunning\ndone\nskipped\n",
            StoreError::Line(2),
        ),
        (
            "voor-de-show progress 1\ngrade\nplace inkom zaal\nrunning\ndone\nskipped\n",
            StoreError::Line(3),
        ),
        (
            "voor-de-show progress 1\ngrade\nplace inkom\nrunning\ndone A1\nskipped\n",
            StoreError::Line(5),
        ),
        (
            "voor-de-show progress 1\ngrade\nplace inkom\nrunning\ndone\nskipped\nextra\n",
            StoreError::Line(7),
        ),
    ];
    for (stored, error) in cases {
        assert_eq!(Progress::from_storage(&r, stored), Err(error), "{stored:?}");
        assert_eq!(Progress::restore(&r, Some(stored)), fresh, "{stored:?}");
    }
    // Readable but not valid on this route (the content changed since).
    let invalid = [
        "voor-de-show progress 1\ngrade\nplace kelder\nrunning\ndone\nskipped\n",
        "voor-de-show progress 1\ngrade\nplace podium\nrunning\ndone\nskipped\n",
        "voor-de-show progress 1\ngrade\nplace inkom\nrunning\ndone a1\nskipped a1\n",
        "voor-de-show progress 1\ngrade\nplace inkom\nrunning\ndone a2\nskipped\n",
        "voor-de-show progress 1\ngrade\nplace inkom\nrunning\ndone zz\nskipped\n",
        "voor-de-show progress 1\ngrade\nplace inkom\nrunning a1\ndone\nskipped\n",
        "voor-de-show progress 1\ngrade 6-8\nplace inkom\nrunning a2\ndone\nskipped\n",
    ];
    for stored in invalid {
        assert!(
            matches!(
                Progress::from_storage(&r, stored),
                Err(StoreError::Invalid(_))
            ),
            "{stored:?}"
        );
        assert_eq!(Progress::restore(&r, Some(stored)), fresh);
    }
    assert_eq!(Progress::restore(&r, None), fresh);
}

/// A random route: 1 to 5 places with 0 to 3 assignments each.
fn any_route() -> impl Strategy<Value = Route> {
    prop::collection::vec(0usize..4, 1..6).prop_map(|sizes| {
        let stops = sizes
            .iter()
            .enumerate()
            .map(|(i, n)| Stop {
                place: format!("p{i}"),
                assignments: (0..*n).map(|j| format!("a{i}-{j}")).collect(),
            })
            .collect();
        Route::new(stops).expect("unique ids")
    })
}

/// An event naming a place or assignment by number (some beyond the route: unknown).
fn any_event() -> impl Strategy<Value = (u8, usize, usize)> {
    (0u8..7, 0usize..6, 0usize..4)
}

fn event_of((kind, i, j): (u8, usize, usize)) -> Event {
    match kind {
        0 => Event::ChooseGrade(Grade::ALL[i % 3]),
        1 => Event::Arrive(format!("p{i}")),
        2 => Event::Start(format!("a{i}-{j}")),
        3 => Event::Complete,
        4 => Event::Skip,
        5 => Event::Back,
        _ => Event::Repeat(format!("a{i}-{j}")),
    }
}

/// Place `i + 1` is unlocked exactly when every assignment of places 0 to `i` is done
/// or skipped: computed here from the sets alone.
fn unlock_rule_holds(p: &Progress, r: &Route) -> bool {
    (0..r.stops().len()).all(|i| {
        let expected = i == 0
            || r.stops()[..i].iter().all(|s| {
                s.assignments
                    .iter()
                    .all(|a| p.is_done(a) || p.is_skipped(a))
            });
        p.is_unlocked(r, &r.stops()[i].place) == expected
    })
}

/// Walks to the end with Skip and Arrive only; the number of steps it took.
fn finish_with_skips(p: &mut Progress, r: &Route) -> Option<usize> {
    let bound =
        2 * (r.stops().len() + r.stops().iter().map(|s| s.assignments.len()).sum::<usize>()) + 2;
    for steps in 0..=bound {
        if p.is_finished(r) {
            return Some(steps);
        }
        let here = r.stops().iter().position(|s| s.place == p.place())?;
        let event = if p.running().is_some() || p.open_here(r).is_some() {
            Event::Skip
        } else {
            Event::Arrive(r.stops().get(here + 1)?.place.clone())
        };
        p.apply(r, &event).ok()?;
    }
    None
}

proptest! {
    #[test]
    fn any_events_keep_the_progress_valid(r in any_route(), events in prop::collection::vec(any_event(), 0..60)) {
        let mut p = Progress::new(&r);
        for e in events {
            let event = event_of(e);
            let before = p.clone();
            if p.apply(&r, &event).is_err() {
                prop_assert_eq!(&p, &before, "a refused event changed the progress");
            }
            prop_assert_eq!(p.check(&r), Ok(()), "after {:?}", event);
            prop_assert!(p.is_unlocked(&r, p.place()), "the class is at a locked place");
            prop_assert!(p.done().all(|a| !p.is_skipped(a)), "done and skipped overlap");
            prop_assert!(unlock_rule_holds(&p, &r), "the unlock rule broke after {:?}", event);
        }
    }

    #[test]
    fn the_stored_form_round_trips(r in any_route(), events in prop::collection::vec(any_event(), 0..60)) {
        let mut p = Progress::new(&r);
        for e in events {
            let _ = p.apply(&r, &event_of(e));
            prop_assert_eq!(Progress::from_storage(&r, &p.to_storage()), Ok(p.clone()));
        }
    }

    #[test]
    fn the_class_can_always_reach_the_end_with_skips(r in any_route(), events in prop::collection::vec(any_event(), 0..60)) {
        let mut p = Progress::new(&r);
        for e in events {
            let _ = p.apply(&r, &event_of(e));
        }
        prop_assert!(finish_with_skips(&mut p, &r).is_some(), "stuck at {:?}", p);
    }

    #[test]
    fn garbage_in_storage_never_panics(r in any_route(), stored in ".{0,200}") {
        let p = Progress::restore(&r, Some(&stored));
        prop_assert_eq!(p.check(&r), Ok(()));
    }
}
