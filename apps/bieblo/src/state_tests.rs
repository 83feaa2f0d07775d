//! Tests of the kiosk's state machine: a visit from start to shelf, undo, more tips,
//! the list to take along, and that restart and the idle timeout leave nothing behind.

use super::*;
use crate::library::fixtures::{self, BRANCH};
use wasm_bindgen_test::wasm_bindgen_test;

fn kiosk(books: usize) -> State {
    State::new(Rc::new(fixtures::library(books)))
}

/// Applies the actions in order; an action the screen ignores fails the test.
fn run(mut state: State, actions: impl IntoIterator<Item = Action>) -> State {
    for action in actions {
        state = state
            .next(action.clone())
            .unwrap_or_else(|| panic!("{action:?} ignored on {:?}", state.screen));
    }
    state
}

fn swipe(theme: &str, liked: bool) -> Action {
    Action::Swipe(ThemeSwipe {
        theme: theme.into(),
        liked,
    })
}

/// Start, age 8-9, like humour and animals, dislike the eight other themes.
fn at_shelf(books: usize) -> State {
    let state = kiosk(books);
    let themes: Vec<String> = state
        .library
        .snapshot
        .themes
        .iter()
        .map(|t| t.id.0.clone())
        .collect();
    let swipes = themes
        .iter()
        .map(|t| swipe(t, t == "humour" || t == "animals"));
    let start = [
        Action::Start {
            seed: 7,
            year: 2026,
        },
        Action::ChooseAge(AgeBand::EightNine),
    ];
    run(
        state,
        start.into_iter().chain(swipes).chain([Action::ShowShelf]),
    )
}

fn ids(picks: &[Pick]) -> Vec<String> {
    picks.iter().map(|p| p.book_id.clone()).collect()
}

#[wasm_bindgen_test]
fn a_visit_goes_from_start_through_age_and_themes_to_a_shelf() {
    let state = kiosk(80);
    assert_eq!(state.screen, Screen::Start);
    let state = run(
        state,
        [Action::Start {
            seed: 1,
            year: 2026,
        }],
    );
    assert_eq!(state.screen, Screen::Age);
    let state = run(state, [Action::ChooseAge(AgeBand::SixSeven)]);
    assert_eq!(
        (state.screen, state.visit.age),
        (Screen::Themes, Some(AgeBand::SixSeven))
    );
    assert_eq!(
        state.next(Action::MoreTips),
        None,
        "no tips before the shelf"
    );

    let state = at_shelf(80);
    assert_eq!(state.screen, Screen::Shelf);
    assert_eq!(state.visit.swipes.len(), 10);
    let shelf = state.visit.shelf.clone().expect("a shelf");
    assert_eq!(shelf.picks.len(), 8);
    assert_eq!(state.visit.shown, shelf.picks);
    assert_eq!(state.visit.shelves, 1);
    for pick in &shelf.picks {
        let book = state.library.book(&pick.book_id).expect("a known book");
        assert!(
            book.copies
                .iter()
                .any(|c| c.branch == BRANCH && c.available)
        );
        assert_eq!(pick.where_to_find, "Jeugd - Avontuur - KLEI");
    }
}

#[wasm_bindgen_test]
fn undo_takes_back_the_last_swipe_only() {
    let state = run(
        kiosk(20),
        [
            Action::Start {
                seed: 1,
                year: 2026,
            },
            Action::ChooseAge(AgeBand::TenEleven),
            swipe("humour", true),
            swipe("fantasy", false),
            Action::Undo,
        ],
    );
    assert_eq!(
        state.visit.swipes,
        [ThemeSwipe {
            theme: "humour".into(),
            liked: true
        }]
    );
    let state = run(state, [Action::Undo]);
    assert!(state.visit.swipes.is_empty());
    assert_eq!(state.next(Action::Undo), None, "nothing left to undo");
}

#[wasm_bindgen_test]
fn more_tips_leaves_out_every_book_shown_so_far() {
    let first = at_shelf(200);
    let second = run(first.clone(), [Action::MoreTips]);
    let third = run(second.clone(), [Action::MoreTips]);
    let shelf = |s: &State| ids(&s.visit.shelf.clone().expect("a shelf").picks);
    let (a, b, c) = (shelf(&first), shelf(&second), shelf(&third));
    assert_eq!((a.len(), b.len(), c.len()), (8, 8, 8));
    assert!(b.iter().all(|id| !a.contains(id)), "{a:?} {b:?}");
    assert!(c.iter().all(|id| !a.contains(id) && !b.contains(id)));
    assert_eq!(ids(&third.visit.shown), [a, b, c].concat());
    assert_eq!(third.visit.shelves, 3);
    assert_eq!(third.screen, Screen::Shelf);
}

#[wasm_bindgen_test]
fn shown_books_stay_unique_when_the_pool_runs_out() {
    // 12 books, of which 10 on the shelf in the branch: the second shelf repeats some.
    let state = run(at_shelf(12), [Action::MoreTips, Action::MoreTips]);
    let shown = ids(&state.visit.shown);
    let mut unique = shown.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(shown.len(), unique.len(), "{shown:?}");
}

#[wasm_bindgen_test]
fn the_list_to_take_along_holds_the_shown_books_and_goes_back_to_the_shelf() {
    let state = run(
        at_shelf(200),
        [Action::MoreTips, Action::MoreTips, Action::MoreTips],
    );
    let state = run(state, [Action::TakeList]);
    assert_eq!(state.screen, Screen::TakeList);
    assert_eq!(state.list().len(), MAX_LIST_BOOKS);
    assert_eq!(state.list(), &state.visit.shown[..MAX_LIST_BOOKS]);
    let back = run(state, [Action::Back]);
    assert_eq!(back.screen, Screen::Shelf);
}

#[wasm_bindgen_test]
fn restart_and_idle_timeout_clear_the_whole_visit() {
    for end in [Action::Restart, Action::IdleTimeout] {
        for state in [
            at_shelf(80),
            run(at_shelf(80), [Action::TakeList]),
            run(
                kiosk(5),
                [Action::Start {
                    seed: 3,
                    year: 2026,
                }],
            ),
        ] {
            let library = state.library.clone();
            let after = run(state, [end.clone()]);
            assert_eq!(after, State::new(library), "{end:?}");
            assert_eq!(after.visit, Visit::default());
        }
    }
}

#[wasm_bindgen_test]
fn back_goes_one_screen_back_and_start_only_works_on_the_start_screen() {
    let state = run(
        kiosk(5),
        [Action::Start {
            seed: 1,
            year: 2026,
        }],
    );
    assert_eq!(
        state.next(Action::Start {
            seed: 2,
            year: 2026
        }),
        None
    );
    let state = run(
        state,
        [Action::ChooseAge(AgeBand::SixSeven), swipe("humour", true)],
    );
    let state = run(state, [Action::Back]);
    assert_eq!(state.screen, Screen::Age);
    let state = run(state, [Action::ChooseAge(AgeBand::EightNine)]);
    assert!(
        state.visit.swipes.is_empty(),
        "a new age starts the cards over"
    );
    assert_eq!(
        run(run(state, [Action::Back]), [Action::Back]).screen,
        Screen::Start
    );
}

#[wasm_bindgen_test]
fn usage_counts_the_visit_without_anything_personal() {
    assert_eq!(kiosk(5).usage(), None);
    let state = at_shelf(80);
    let usage = state.usage().expect("a report");
    assert_eq!(usage.age, AgeBand::EightNine);
    assert_eq!(usage.swipes, state.visit.swipes);
    assert_eq!(usage.tips, 8);
    assert_eq!(usage.tip_themes.len(), 8, "one theme per fixture book");
    assert!(usage.is_plausible());
}

#[wasm_bindgen_test]
fn refreshed_data_keeps_the_visit() {
    let state = at_shelf(80);
    let newer = Rc::new(fixtures::library(90));
    let after = run(state.clone(), [Action::Refreshed(newer.clone())]);
    assert_eq!((after.screen, &after.visit), (state.screen, &state.visit));
    assert!(Rc::ptr_eq(&after.library, &newer));
}

#[wasm_bindgen_test]
fn a_library_without_themes_goes_from_age_straight_to_the_shelf() {
    let mut library = fixtures::library(30);
    library.snapshot.themes.clear();
    let state = run(
        State::new(Rc::new(library)),
        [
            Action::Start {
                seed: 1,
                year: 2026,
            },
            Action::ChooseAge(AgeBand::SixSeven),
        ],
    );
    assert_eq!(state.screen, Screen::Shelf);
    assert_eq!(state.visit.shelf.map(|s| s.picks.len()), Some(8));
}
