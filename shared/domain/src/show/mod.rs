//! Voor de Show's rules as plain Rust: the game's content (places and the 12
//! assignments, read from TOML files), a theatre company's show data with its checks and
//! the resolver that fills the assignments with it, and a class's progress through the
//! cultuurhuis.
//!
//! The game and its back-office only call these; none of it knows about bevy, yew or
//! the browser. The content files live in `apps/voor-de-show/content/`.

pub mod api;
mod builtin;
mod check;
mod codes;
mod content;
mod data;
pub mod media;
mod problem;
mod progress;
mod resolve;
mod storage;

pub use builtin::builtin;
pub use check::{ASSIGNMENTS, PLACES_FILE};
pub use codes::{
    CODE_ALPHABET, CODE_DAYS_AFTER, CODE_LENGTH, class_code, class_link, read_class_code,
};
pub use content::{Answer, Assignment, Content, Place, Question, Version};
pub use data::{
    MAX_COMPANY, MAX_IMAGES, MAX_KEY_WORD, MAX_KEY_WORDS, MAX_PROMPT, MAX_SOUNDS, MAX_SYNOPSIS,
    MAX_THEME, MAX_THEMES, MAX_TITLE, MIN_SYNOPSIS, ShowAssignment, ShowData, ShowIssue,
    ShowProblem, media_id_ok,
};
pub use problem::{ContentIssue, ContentProblem};
pub use progress::{Event, Progress, ProgressError, Route, Stop};
pub use resolve::{Resolved, Source, Sourced, resolve};
pub use storage::{STORAGE_VERSION, StoreError};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Shortest and longest duration of an assignment's class activity, in minutes.
pub const MINUTES: std::ops::RangeInclusive<u32> = 3..=30;

/// A text in both languages of the suite. Content files give both; an empty one is a
/// problem the content check names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub nl: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// A school grade as the game knows it: the age of the class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Grade {
    /// 6 to 8 years (first and second year of primary school).
    #[serde(rename = "6-8")]
    Ages6To8,
    /// 8 to 10 years (third and fourth year).
    #[serde(rename = "8-10")]
    Ages8To10,
    /// 10 to 12 years (fifth and sixth year).
    #[serde(rename = "10-12")]
    Ages10To12,
}

impl Grade {
    pub const ALL: [Grade; 3] = [Grade::Ages6To8, Grade::Ages8To10, Grade::Ages10To12];

    /// The label in content files, storage and on screen: `6-8`, `8-10`, `10-12`.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Ages6To8 => "6-8",
            Grade::Ages8To10 => "8-10",
            Grade::Ages10To12 => "10-12",
        }
    }

    /// Reads a label; anything else is `None`.
    pub fn from_label(label: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.label() == label)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// What an assignment is about; the game has three of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// How theatre tells: light, sound, costume, set, movement.
    TheatreCodes,
    Imagination,
    /// The theme of the show the class will see.
    Theme,
    /// Looking at where a show's ideas come from, and finding one's own.
    Inspiration,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::TheatreCodes,
        Category::Imagination,
        Category::Theme,
        Category::Inspiration,
    ];
    /// How many assignments of each category the game has.
    pub const PER_CATEGORY: usize = 3;

    /// The name in content files.
    pub fn label(self) -> &'static str {
        match self {
            Category::TheatreCodes => "theatre-codes",
            Category::Imagination => "imagination",
            Category::Theme => "theme",
            Category::Inspiration => "inspiration",
        }
    }
}

/// How the whole class plays an assignment on one big screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Interaction {
    /// Choose together and drag clothes onto an actor.
    Dress,
    /// Light the stage and see the mood change.
    Light,
    /// Build a soundscape from sounds.
    Soundscape,
    /// Place props on the set.
    Props,
    /// A class timer for an acted moment.
    Timer,
    /// A drawing or imagination prompt with the show's images.
    Prompt,
    /// A short quiz (its questions are in each grade's version).
    Quiz,
}

impl Interaction {
    pub const ALL: [Interaction; 7] = [
        Interaction::Dress,
        Interaction::Light,
        Interaction::Soundscape,
        Interaction::Props,
        Interaction::Timer,
        Interaction::Prompt,
        Interaction::Quiz,
    ];

    /// The name in content files.
    pub fn label(self) -> &'static str {
        match self {
            Interaction::Dress => "dress",
            Interaction::Light => "light",
            Interaction::Soundscape => "soundscape",
            Interaction::Props => "props",
            Interaction::Timer => "timer",
            Interaction::Prompt => "prompt",
            Interaction::Quiz => "quiz",
        }
    }
}

/// Whether `id` may name a place or an assignment: 1 to 40 lowercase letters, digits
/// and dashes (they appear in file names and in the stored progress).
pub fn id_ok(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests_broken;
#[cfg(test)]
mod tests_broken_set;
#[cfg(test)]
mod tests_content;
#[cfg(test)]
mod tests_data;
#[cfg(test)]
mod tests_progress;
#[cfg(test)]
mod tests_resolve;
