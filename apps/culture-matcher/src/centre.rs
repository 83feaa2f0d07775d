//! The centre the app is about: its id, its programme and what this browser keeps for
//! it, shared with every component through a context.

use std::rc::Rc;

use suite_domain::culture::programme::{Programme, Show};
use yew::prelude::*;

use crate::store::{Kept, SavedShow};

/// A change to what the browser keeps.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum KeptAction {
    /// Save the show, or take it away when it was saved.
    Toggle(SavedShow),
    /// The after-show chat about this show is over.
    FinishChat(String),
    /// The hearts and crosses of a swipe finished at `at` (Unix seconds).
    Swiped {
        hearts: Vec<String>,
        crosses: Vec<String>,
        at: i64,
    },
}

/// What the browser keeps for one centre; every change is written to localStorage.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KeptState {
    pub(crate) centre: String,
    pub(crate) kept: Kept,
}

impl Reducible for KeptState {
    type Action = KeptAction;

    fn reduce(self: Rc<Self>, action: KeptAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            KeptAction::Toggle(show) => {
                next.kept.toggle(show);
            }
            KeptAction::FinishChat(id) => next.kept.finish_chat(&id),
            KeptAction::Swiped {
                hearts,
                crosses,
                at,
            } => next.kept.swiped(&hearts, &crosses, at),
        }
        next.kept.write(&next.centre);
        Rc::new(next)
    }
}

/// The centre on screen.
#[derive(Clone)]
pub(crate) struct Centre {
    pub(crate) id: AttrValue,
    pub(crate) programme: Rc<Programme>,
    pub(crate) kept: UseReducerHandle<KeptState>,
}

impl PartialEq for Centre {
    /// The same loaded programme (never compared show by show) and the same kept state.
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && Rc::ptr_eq(&self.programme, &other.programme)
            && self.kept == other.kept
    }
}

impl Centre {
    pub(crate) fn is_saved(&self, show: &str) -> bool {
        self.kept.kept.is_saved(show)
    }
}

/// The centre of the surrounding provider; `None` outside one.
#[hook]
pub(crate) fn use_centre() -> Option<Centre> {
    use_context::<Centre>()
}

/// One show of the loaded programme, shared without copying: the programme and the
/// show's place in it. Two are equal when they are the same show of the same loaded
/// programme, so components compare their props without walking the show.
#[derive(Clone)]
pub(crate) struct ShowRef {
    programme: Rc<Programme>,
    index: usize,
}

impl ShowRef {
    /// The show `show`, which must be one of `programme`'s own (as the shared filter and
    /// recommender hand them out).
    pub(crate) fn of(programme: &Rc<Programme>, show: &Show) -> Option<Self> {
        let index = programme.shows.iter().position(|s| std::ptr::eq(s, show))?;
        Some(Self {
            programme: programme.clone(),
            index,
        })
    }

    /// The show with this id.
    pub(crate) fn by_id(programme: &Rc<Programme>, id: &str) -> Option<Self> {
        let index = programme.shows.iter().position(|s| s.id == id)?;
        Some(Self {
            programme: programme.clone(),
            index,
        })
    }
}

impl std::ops::Deref for ShowRef {
    type Target = Show;

    fn deref(&self) -> &Show {
        // `index` was found in this very programme, which never changes.
        &self.programme.shows[self.index]
    }
}

impl PartialEq for ShowRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.programme, &other.programme) && self.index == other.index
    }
}
