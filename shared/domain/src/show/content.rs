//! The game's content as the game uses it: the places of the cultuurhuis in walking
//! order and the assignments, each with a version per grade. Built only by
//! [`Content::parse`], so a `Content` has passed every check of `check.rs`.

use serde::{Deserialize, Serialize};

use super::check;
use super::problem::ContentProblem;
use super::progress::{Route, Stop};
use super::{Category, Grade, Interaction, Text};

/// A place of the cultuurhuis, where the guide speaks on arrival.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub id: String,
    pub name: Text,
    /// What the guide says on arrival; also the subtitle.
    pub guide: Text,
    /// The ids of the assignments that happen here, in the order the class plays them.
    pub assignments: Vec<String>,
}

/// One of the game's assignments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub id: String,
    pub category: Category,
    /// The id of the place where it happens.
    pub place: String,
    pub interaction: Interaction,
    pub title: Text,
    /// One version per grade, in the order of [`Grade::ALL`].
    pub versions: [Version; 3],
}

impl Assignment {
    /// The version for `grade`.
    pub fn version(&self, grade: Grade) -> &Version {
        &self.versions[grade.index()]
    }
}

/// An assignment as a class of one grade plays it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// What the class learns or experiences.
    #[serde(default)]
    pub goal: Text,
    /// What the teacher says to start it.
    #[serde(default)]
    pub teacher: Text,
    /// What the class does.
    #[serde(default)]
    pub activity: Text,
    /// How long it takes, in minutes (within [`super::MINUTES`]).
    #[serde(default)]
    pub minutes: u32,
    /// The questions of a quiz; empty for other interactions.
    #[serde(default)]
    pub quiz: Vec<Question>,
}

/// A quiz question with its answers, exactly one of them right.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    #[serde(default)]
    pub question: Text,
    #[serde(default)]
    pub answers: Vec<Answer>,
}

/// An answer to a quiz question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    #[serde(default)]
    pub text: Text,
    #[serde(default)]
    pub right: bool,
}

/// The whole game's content, checked: the places in walking order and the assignments
/// in playing order (place by place, each place's own order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    pub places: Vec<Place>,
    pub assignments: Vec<Assignment>,
}

impl Content {
    /// Reads and checks the content files: `places` is the text of `places.toml`,
    /// `assignments` the name and text of each file in `assignments/` (`name.toml`; its
    /// stem must be the assignment's id). Every problem of every file is returned, each
    /// naming its file and field.
    pub fn parse(
        places: &str,
        assignments: &[(&str, &str)],
    ) -> Result<Content, Vec<ContentProblem>> {
        check::parse(places, assignments)
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// The assignment with this id.
    pub fn assignment(&self, id: &str) -> Option<&Assignment> {
        self.assignments.iter().find(|a| a.id == id)
    }

    /// The assignments of `category`, in playing order.
    pub fn of_category(&self, category: Category) -> impl Iterator<Item = &Assignment> {
        self.assignments
            .iter()
            .filter(move |a| a.category == category)
    }

    /// The class's way through the places, for [`super::Progress`].
    pub fn route(&self) -> Route {
        let stops = self
            .places
            .iter()
            .map(|p| Stop {
                place: p.id.clone(),
                assignments: p.assignments.clone(),
            })
            .collect();
        // A checked content has at least one place and unique ids.
        Route::from_checked(stops)
    }
}
