//! A class's way through the cultuurhuis: the route (places in walking order, each with
//! its assignments) and the class's progress on it, changed only by [`Event`]s.
//!
//! The rules: the assignments are played in order and each one done or skipped unlocks
//! the next; a place is unlocked when every assignment of the places before it is done or
//! skipped; skipping never blocks the class; the teacher can go back and repeat.

use std::collections::BTreeSet;

use super::Grade;

/// A place on the route with the ids of its assignments, in playing order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    pub place: String,
    pub assignments: Vec<String>,
}

/// The places in walking order. At least one place; no id twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    stops: Vec<Stop>,
}

impl Route {
    /// A route over `stops`; `None` when there are none or an id (of a place or an
    /// assignment) appears twice.
    pub fn new(stops: Vec<Stop>) -> Option<Route> {
        let mut places = BTreeSet::new();
        let mut assignments = BTreeSet::new();
        let unique = stops.iter().all(|s| {
            places.insert(s.place.as_str())
                && s.assignments.iter().all(|a| assignments.insert(a.as_str()))
        });
        (unique && !stops.is_empty()).then_some(Route { stops })
    }

    /// A route from checked content (at least one place, unique ids).
    pub(super) fn from_checked(stops: Vec<Stop>) -> Route {
        Route { stops }
    }

    pub fn stops(&self) -> &[Stop] {
        &self.stops
    }

    fn place_index(&self, place: &str) -> Option<usize> {
        self.stops.iter().position(|s| s.place == place)
    }

    /// The index of the place where assignment `id` happens.
    fn place_of(&self, id: &str) -> Option<usize> {
        self.stops
            .iter()
            .position(|s| s.assignments.iter().any(|a| a == id))
    }

    /// Every assignment in playing order.
    fn order(&self) -> impl Iterator<Item = &str> {
        self.stops
            .iter()
            .flat_map(|s| s.assignments.iter().map(String::as_str))
    }
}

/// What the class or the teacher does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The teacher picks (or changes) the class's grade.
    ChooseGrade(Grade),
    /// Walk to an unlocked place.
    Arrive(String),
    /// Begin the next assignment of the current place.
    Start(String),
    /// The running assignment is done.
    Complete,
    /// Skip the running assignment, or else the next one of the current place.
    Skip,
    /// Close the running assignment without settling it, or else walk to the place
    /// before.
    Back,
    /// Play a done or skipped assignment of the current place again.
    Repeat(String),
}

/// Why an event was refused; the progress is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressError {
    UnknownPlace(String),
    UnknownAssignment(String),
    /// The place or assignment is not unlocked yet.
    Locked(String),
    /// The assignment happens in another place.
    NotHere(String),
    /// No grade chosen yet.
    NoGrade,
    /// Another assignment is running.
    Busy,
    /// No assignment is running.
    NothingRunning,
    /// Every assignment of this place is done or skipped: walk on.
    NothingToSkip,
    /// Already done or skipped: repeat it instead.
    Settled(String),
    /// Not done or skipped yet: start it instead.
    NotSettled(String),
    /// Back at the first place already.
    AtStart,
}

impl std::fmt::Display for ProgressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProgressError::UnknownPlace(p) => write!(f, "there is no place {p:?}"),
            ProgressError::UnknownAssignment(a) => write!(f, "there is no assignment {a:?}"),
            ProgressError::Locked(x) => write!(f, "{x:?} is not unlocked yet"),
            ProgressError::NotHere(a) => write!(f, "assignment {a:?} happens in another place"),
            ProgressError::NoGrade => write!(f, "no grade chosen yet"),
            ProgressError::Busy => write!(f, "another assignment is running"),
            ProgressError::NothingRunning => write!(f, "no assignment is running"),
            ProgressError::NothingToSkip => write!(f, "every assignment here is done or skipped"),
            ProgressError::Settled(a) => {
                write!(f, "assignment {a:?} is done or skipped: repeat it")
            }
            ProgressError::NotSettled(a) => {
                write!(f, "assignment {a:?} is not played yet: start it")
            }
            ProgressError::AtStart => write!(f, "the class is at the first place"),
        }
    }
}

impl std::error::Error for ProgressError {}

/// A class's progress on a route. Changed only by [`Progress::apply`], which keeps it
/// valid ([`Progress::check`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub(super) grade: Option<Grade>,
    pub(super) place: String,
    pub(super) running: Option<String>,
    pub(super) done: BTreeSet<String>,
    pub(super) skipped: BTreeSet<String>,
}

impl Progress {
    /// A fresh start at the route's first place, no grade chosen.
    pub fn new(route: &Route) -> Progress {
        Progress {
            grade: None,
            place: route.stops[0].place.clone(),
            running: None,
            done: BTreeSet::new(),
            skipped: BTreeSet::new(),
        }
    }

    pub fn grade(&self) -> Option<Grade> {
        self.grade
    }

    /// The id of the place where the class is.
    pub fn place(&self) -> &str {
        &self.place
    }

    /// The id of the assignment being played, if any.
    pub fn running(&self) -> Option<&str> {
        self.running.as_deref()
    }

    pub fn is_done(&self, id: &str) -> bool {
        self.done.contains(id)
    }

    pub fn is_skipped(&self, id: &str) -> bool {
        self.skipped.contains(id)
    }

    /// Done or skipped.
    pub fn is_settled(&self, id: &str) -> bool {
        self.is_done(id) || self.is_skipped(id)
    }

    /// The ids of the done assignments.
    pub fn done(&self) -> impl Iterator<Item = &str> {
        self.done.iter().map(String::as_str)
    }

    /// The ids of the skipped assignments.
    pub fn skipped(&self) -> impl Iterator<Item = &str> {
        self.skipped.iter().map(String::as_str)
    }

    /// The first assignment neither done nor skipped: the only one that can be started.
    pub fn next_open<'r>(&self, route: &'r Route) -> Option<&'r str> {
        route.order().find(|a| !self.is_settled(a))
    }

    /// How many places, from the first, are unlocked: the first always, and each next
    /// one when every assignment before it is done or skipped.
    pub fn unlocked_places(&self, route: &Route) -> usize {
        let settled = route
            .stops
            .iter()
            .take_while(|s| s.assignments.iter().all(|a| self.is_settled(a)))
            .count();
        (settled + 1).min(route.stops.len())
    }

    /// Whether the class may walk to `place`.
    pub fn is_unlocked(&self, route: &Route, place: &str) -> bool {
        route
            .place_index(place)
            .is_some_and(|i| i < self.unlocked_places(route))
    }

    /// Every assignment is done or skipped and the class is at the last place.
    pub fn is_finished(&self, route: &Route) -> bool {
        self.next_open(route).is_none() && route.stops.last().is_some_and(|s| s.place == self.place)
    }

    /// Applies `event`; a refused event changes nothing.
    pub fn apply(&mut self, route: &Route, event: &Event) -> Result<(), ProgressError> {
        match event {
            Event::ChooseGrade(grade) => self.grade = Some(*grade),
            Event::Arrive(place) => {
                let index = route
                    .place_index(place)
                    .ok_or_else(|| ProgressError::UnknownPlace(place.clone()))?;
                if index >= self.unlocked_places(route) {
                    return Err(ProgressError::Locked(place.clone()));
                }
                self.place = place.clone();
                self.running = None;
            }
            Event::Start(id) => {
                self.may_play(route, id)?;
                if self.is_settled(id) {
                    return Err(ProgressError::Settled(id.clone()));
                }
                if self.next_open(route) != Some(id.as_str()) {
                    return Err(ProgressError::Locked(id.clone()));
                }
                self.running = Some(id.clone());
            }
            Event::Repeat(id) => {
                self.may_play(route, id)?;
                if !self.is_settled(id) {
                    return Err(ProgressError::NotSettled(id.clone()));
                }
                self.running = Some(id.clone());
            }
            Event::Complete => {
                let id = self.running.take().ok_or(ProgressError::NothingRunning)?;
                self.skipped.remove(&id);
                self.done.insert(id);
            }
            Event::Skip => match self.running.take() {
                // A repeat of a done assignment stays done.
                Some(id) if self.done.contains(&id) => {}
                Some(id) => {
                    self.skipped.insert(id);
                }
                None => {
                    let id = self.open_here(route).ok_or(ProgressError::NothingToSkip)?;
                    self.skipped.insert(id.to_owned());
                }
            },
            Event::Back => {
                if self.running.take().is_none() {
                    let index = route.place_index(&self.place).unwrap_or(0);
                    if index == 0 {
                        return Err(ProgressError::AtStart);
                    }
                    self.place = route.stops[index - 1].place.clone();
                }
            }
        }
        Ok(())
    }

    /// The next open assignment if it is in the current place.
    pub fn open_here<'r>(&self, route: &'r Route) -> Option<&'r str> {
        let next = self.next_open(route)?;
        (route.place_of(next) == route.place_index(&self.place)).then_some(next)
    }

    /// What Start and Repeat share: a known assignment of this place, a grade, nothing
    /// running.
    fn may_play(&self, route: &Route, id: &str) -> Result<(), ProgressError> {
        let place = route
            .place_of(id)
            .ok_or_else(|| ProgressError::UnknownAssignment(id.to_owned()))?;
        if self.grade.is_none() {
            return Err(ProgressError::NoGrade);
        }
        if self.running.is_some() {
            return Err(ProgressError::Busy);
        }
        if route.place_index(&self.place) != Some(place) {
            return Err(ProgressError::NotHere(id.to_owned()));
        }
        Ok(())
    }

    /// Whether this progress fits `route` and keeps the rules; the reason if not. What
    /// [`Progress::apply`] keeps true and what a stored progress must pass.
    pub fn check(&self, route: &Route) -> Result<(), String> {
        let Some(here) = route.place_index(&self.place) else {
            return Err(format!("the class is at an unknown place {:?}", self.place));
        };
        if here >= self.unlocked_places(route) {
            return Err(format!("the class is at a locked place {:?}", self.place));
        }
        if let Some(id) = self.done.intersection(&self.skipped).next() {
            return Err(format!("{id:?} is both done and skipped"));
        }
        let order: Vec<&str> = route.order().collect();
        for id in self.done.iter().chain(&self.skipped) {
            if !order.contains(&id.as_str()) {
                return Err(format!("{id:?} is not an assignment of the route"));
            }
        }
        let settled = order.iter().take_while(|a| self.is_settled(a)).count();
        if let Some(id) = order[settled..].iter().find(|a| self.is_settled(a)) {
            return Err(format!("{id:?} is settled before an assignment before it"));
        }
        if let Some(id) = &self.running {
            if self.grade.is_none() {
                return Err("an assignment runs without a grade".to_owned());
            }
            if route.place_of(id) != Some(here) {
                return Err(format!("{id:?} runs outside its place"));
            }
            if !self.is_settled(id) && self.next_open(route) != Some(id.as_str()) {
                return Err(format!("{id:?} runs before it is unlocked"));
            }
        }
        Ok(())
    }
}
