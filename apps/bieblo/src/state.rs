//! One child's visit to the kiosk as a pure state machine:
//! `Start` → `Age` → `Themes` (one swipe per theme card) → `Shelf` ⇄ `TakeList`,
//! with "8 other tips" staying on `Shelf`, and `Restart` or the idle timeout going back to
//! `Start` with nothing of the visit left. Effects (loading, timers, reporting) live in
//! the components and hooks; the shelf itself comes from `suite_domain::bieblo`.

use std::rc::Rc;

use suite_domain::bieblo::kiosk::{KioskUsage, ThemeSwipe};
use suite_domain::bieblo::{AgeBand, Pick, Request, Shelf, ThemeId, recommend_shelf};
use yew::Reducible;

use crate::library::Library;

/// At most this many books go on a list to take along (three shelves).
pub(crate) const MAX_LIST_BOOKS: usize = 24;

/// The screen the kiosk shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Screen {
    Start,
    Age,
    Themes,
    Shelf,
    TakeList,
}

/// Everything one child chose and saw; dropped whole when the visit ends.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Visit {
    /// Rotates equally good books between visits.
    pub(crate) seed: u64,
    /// This year, for the recommender's bonus of recent books.
    pub(crate) year: u16,
    pub(crate) age: Option<AgeBand>,
    /// The theme cards decided so far, in order.
    pub(crate) swipes: Vec<ThemeSwipe>,
    /// The shelf on screen.
    pub(crate) shelf: Option<Shelf>,
    /// Every book shown in this visit, once, in the order shown.
    pub(crate) shown: Vec<Pick>,
    /// How many shelves this visit has shown.
    pub(crate) shelves: u32,
}

/// The kiosk: its library's data and the current visit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct State {
    pub(crate) library: Rc<Library>,
    pub(crate) screen: Screen,
    pub(crate) visit: Visit,
}

/// What can happen at the kiosk.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Action {
    /// The start button: a new visit with its own seed, in this year.
    Start {
        seed: u64,
        year: u16,
    },
    ChooseAge(AgeBand),
    /// A theme card swiped (the deck keeps the order).
    Swipe(ThemeSwipe),
    /// The last swipe taken back.
    Undo,
    /// Every card is decided: show the first shelf.
    ShowShelf,
    /// "8 other tips": a new shelf without the books shown so far.
    MoreTips,
    /// "Take your list": the QR code and the list to print.
    TakeList,
    /// One screen back (age to start, themes to age, list to shelf).
    Back,
    /// "Start over".
    Restart,
    /// Nobody touched the kiosk for too long.
    IdleTimeout,
    /// Newer library data arrived; the visit goes on with it.
    Refreshed(Rc<Library>),
}

impl State {
    /// A kiosk on its start screen.
    pub(crate) fn new(library: Rc<Library>) -> State {
        State {
            library,
            screen: Screen::Start,
            visit: Visit::default(),
        }
    }

    /// The state after `action`, or `None` when the action means nothing on this screen.
    pub(crate) fn next(&self, action: Action) -> Option<State> {
        let mut next = self.clone();
        match (self.screen, action) {
            (_, Action::Refreshed(library)) if Rc::ptr_eq(&library, &self.library) => return None,
            (_, Action::Refreshed(library)) => next.library = library,
            (_, Action::Restart | Action::IdleTimeout) => {
                return Some(State::new(self.library.clone()));
            }
            (Screen::Start, Action::Start { seed, year }) => {
                next.visit = Visit {
                    seed,
                    year,
                    ..Visit::default()
                };
                next.screen = Screen::Age;
            }
            (Screen::Age, Action::ChooseAge(age)) => {
                next.visit.age = Some(age);
                next.visit.swipes.clear();
                next.screen = Screen::Themes;
                if self.library.snapshot.themes.is_empty() {
                    next.show_shelf();
                }
            }
            (Screen::Themes, Action::Swipe(swipe)) => next.visit.swipes.push(swipe),
            (Screen::Themes, Action::Undo) => {
                next.visit.swipes.pop()?;
            }
            (Screen::Themes, Action::ShowShelf) | (Screen::Shelf, Action::MoreTips) => {
                next.show_shelf();
            }
            (Screen::Shelf, Action::TakeList) if !self.visit.shown.is_empty() => {
                next.screen = Screen::TakeList;
            }
            (Screen::Age, Action::Back) => next.screen = Screen::Start,
            (Screen::Themes, Action::Back) => next.screen = Screen::Age,
            (Screen::TakeList, Action::Back) => next.screen = Screen::Shelf,
            _ => return None,
        }
        Some(next)
    }

    fn themes_where(&self, liked: bool) -> Vec<ThemeId> {
        let swipes = self.visit.swipes.iter().filter(|s| s.liked == liked);
        swipes.map(|s| s.theme.clone()).collect()
    }

    /// Picks the next shelf, leaving out the books shown so far, and shows it.
    fn show_shelf(&mut self) {
        let Some(age) = self.visit.age else { return };
        let (likes, dislikes) = (self.themes_where(true), self.themes_where(false));
        let already_shown: Vec<String> =
            self.visit.shown.iter().map(|p| p.book_id.clone()).collect();
        let shelf = recommend_shelf(
            &self.library.snapshot,
            &Request {
                branch: &self.library.settings.branch,
                age,
                likes: &likes,
                dislikes: &dislikes,
                seed: self.visit.seed,
                already_shown: &already_shown,
                current_year: self.visit.year,
            },
        );
        for pick in &shelf.picks {
            if !already_shown.contains(&pick.book_id) {
                self.visit.shown.push(pick.clone());
            }
        }
        self.visit.shelf = Some(shelf);
        self.visit.shelves += 1;
        self.screen = Screen::Shelf;
    }

    /// The books to take along: those shown in this visit, at most [`MAX_LIST_BOOKS`].
    pub(crate) fn list(&self) -> &[Pick] {
        let shown = &self.visit.shown;
        &shown[..shown.len().min(MAX_LIST_BOOKS)]
    }

    /// The anonymous counts of the shelf shown now, for the statistics: the first shelf
    /// of a visit brings the visit and its swipes, a later one only its tips.
    pub(crate) fn usage(&self) -> Option<KioskUsage> {
        let (age, shelf) = (self.visit.age?, self.visit.shelf.as_ref()?);
        let tip_themes = shelf
            .picks
            .iter()
            .filter_map(|pick| self.library.book(&pick.book_id))
            .flat_map(|book| book.themes.iter().cloned())
            .collect();
        let new_visit = self.visit.shelves <= 1;
        Some(KioskUsage {
            age,
            swipes: if new_visit {
                self.visit.swipes.clone()
            } else {
                Vec::new()
            },
            tip_themes,
            tips: u32::try_from(shelf.picks.len()).unwrap_or(u32::MAX),
            new_visit,
        })
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.next(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
