//! The show data a theatre company enters to tune the game to its show, and its check:
//! every problem names its field (`themes[2]`, `assignments.licht-en-sfeer.prompt`) with
//! an English description and a Dutch message for the back-office.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{Content, Grade};
use crate::i18n::Msg;

/// Longest title, in characters.
pub const MAX_TITLE: usize = 120;
/// Longest company name.
pub const MAX_COMPANY: usize = 120;
/// Shortest and longest synopsis for children.
pub const MIN_SYNOPSIS: usize = 40;
pub const MAX_SYNOPSIS: usize = 1_200;
/// Most themes, and the longest one.
pub const MAX_THEMES: usize = 5;
pub const MAX_THEME: usize = 60;
/// Most key words, and the longest one.
pub const MAX_KEY_WORDS: usize = 12;
pub const MAX_KEY_WORD: usize = 40;
/// Most images, and most sounds or short videos.
pub const MAX_IMAGES: usize = 12;
pub const MAX_SOUNDS: usize = 3;
/// Longest show-specific prompt of an assignment.
pub const MAX_PROMPT: usize = 300;

/// What a company enters about its show. Images and sounds are the ids of uploads (the
/// upload itself is checked where it is stored).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowData {
    pub title: String,
    pub company: String,
    /// What the show is about, written for children.
    pub synopsis: String,
    /// The grades the show is for.
    pub grades: Vec<Grade>,
    pub themes: Vec<String>,
    pub key_words: Vec<String>,
    pub images: Vec<String>,
    /// Short sounds or videos.
    pub sounds: Vec<String>,
    /// Per assignment id, what the company adds to it.
    pub assignments: BTreeMap<String, ShowAssignment>,
}

/// A company's addition to one assignment; each part is optional (the game falls back
/// to its own).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowAssignment {
    /// A prompt about this show, shown on the board.
    pub prompt: Option<String>,
    /// The id of one of the show's images.
    pub image: Option<String>,
}

/// One problem in a company's show data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShowProblem {
    /// The field: `title`, `themes[2]`, `assignments.<id>.prompt`.
    pub field: String,
    pub issue: ShowIssue,
}

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowIssue {
    /// Empty, and it is required.
    Required,
    /// An entry of a list, or a given prompt, that is empty.
    Blank,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    TooMany {
        max: usize,
    },
    /// The same entry twice (themes and key words ignore case).
    Twice,
    /// Not the id of an upload.
    BadMedia,
    /// An assignment's image that is not among the show's images.
    ImageNotListed,
    /// No assignment of the game has this id.
    UnknownAssignment,
}

impl std::fmt::Display for ShowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let field = &self.field;
        match self.issue {
            ShowIssue::Required => write!(f, "{field} is required"),
            ShowIssue::Blank => write!(f, "{field} is empty"),
            ShowIssue::TooShort { min } => write!(f, "{field} is shorter than {min} characters"),
            ShowIssue::TooLong { max } => write!(f, "{field} is longer than {max} characters"),
            ShowIssue::TooMany { max } => write!(f, "{field} has more than {max} entries"),
            ShowIssue::Twice => write!(f, "{field} is given twice"),
            ShowIssue::BadMedia => write!(f, "{field} is not the id of an upload"),
            ShowIssue::ImageNotListed => write!(f, "{field} is not one of the show's images"),
            ShowIssue::UnknownAssignment => write!(f, "{field}: the game has no such assignment"),
        }
    }
}

impl std::error::Error for ShowProblem {}

impl ShowProblem {
    /// The Dutch (or English) message for the back-office, shown at the field.
    pub fn msg(&self) -> Msg {
        let root = self.field.split(['.', '[']).next().unwrap_or_default();
        match (root, self.issue) {
            ("grades", ShowIssue::Required) => Msg::ShowGradesRequired,
            ("themes", ShowIssue::Required) => Msg::ShowThemesRequired,
            (_, ShowIssue::Required) => Msg::ShowRequired,
            (_, ShowIssue::Blank) => Msg::ShowBlank,
            (_, ShowIssue::TooShort { .. }) => Msg::ShowSynopsisTooShort,
            ("title", ShowIssue::TooLong { .. }) => Msg::ShowTitleTooLong,
            ("company", ShowIssue::TooLong { .. }) => Msg::ShowCompanyTooLong,
            ("synopsis", ShowIssue::TooLong { .. }) => Msg::ShowSynopsisTooLong,
            ("themes", ShowIssue::TooLong { .. }) => Msg::ShowThemeTooLong,
            ("key_words", ShowIssue::TooLong { .. }) => Msg::ShowKeyWordTooLong,
            (_, ShowIssue::TooLong { .. }) => Msg::ShowPromptTooLong,
            ("themes", ShowIssue::TooMany { .. }) => Msg::ShowTooManyThemes,
            ("key_words", ShowIssue::TooMany { .. }) => Msg::ShowTooManyKeyWords,
            ("images", ShowIssue::TooMany { .. }) => Msg::ShowTooManyImages,
            (_, ShowIssue::TooMany { .. }) => Msg::ShowTooManySounds,
            (_, ShowIssue::Twice) => Msg::ShowTwice,
            (_, ShowIssue::BadMedia) => Msg::ShowBadMedia,
            (_, ShowIssue::ImageNotListed) => Msg::ShowImageNotListed,
            (_, ShowIssue::UnknownAssignment) => Msg::ShowUnknownAssignment,
        }
    }
}

/// Whether `id` may be an upload's id: 1 to 64 ASCII letters, digits, `-` and `_`.
pub fn media_id_ok(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn length(text: &str) -> usize {
    text.trim().chars().count()
}

impl ShowData {
    /// Every problem of this show data for `content`'s game; empty when it may be
    /// saved and published.
    pub fn check(&self, content: &Content) -> Vec<ShowProblem> {
        let mut out = Vec::new();
        let mut add = |field: String, issue| out.push(ShowProblem { field, issue });
        for (field, text, max) in [
            ("title", &self.title, MAX_TITLE),
            ("company", &self.company, MAX_COMPANY),
        ] {
            if length(text) == 0 {
                add(field.to_owned(), ShowIssue::Required);
            } else if length(text) > max {
                add(field.to_owned(), ShowIssue::TooLong { max });
            }
        }
        match length(&self.synopsis) {
            0 => add("synopsis".to_owned(), ShowIssue::Required),
            n if n < MIN_SYNOPSIS => add(
                "synopsis".to_owned(),
                ShowIssue::TooShort { min: MIN_SYNOPSIS },
            ),
            n if n > MAX_SYNOPSIS => add(
                "synopsis".to_owned(),
                ShowIssue::TooLong { max: MAX_SYNOPSIS },
            ),
            _ => {}
        }
        if self.grades.is_empty() {
            add("grades".to_owned(), ShowIssue::Required);
        }
        for (i, grade) in self.grades.iter().enumerate() {
            if self.grades[..i].contains(grade) {
                add(format!("grades[{i}]"), ShowIssue::Twice);
            }
        }
        if self.themes.is_empty() {
            add("themes".to_owned(), ShowIssue::Required);
        }
        words(&mut add, "themes", &self.themes, MAX_THEMES, MAX_THEME);
        words(
            &mut add,
            "key_words",
            &self.key_words,
            MAX_KEY_WORDS,
            MAX_KEY_WORD,
        );
        media(&mut add, "images", &self.images, MAX_IMAGES);
        media(&mut add, "sounds", &self.sounds, MAX_SOUNDS);
        for (id, extra) in &self.assignments {
            let at = format!("assignments.{id}");
            if content.assignment(id).is_none() {
                add(at.clone(), ShowIssue::UnknownAssignment);
            }
            if let Some(prompt) = &extra.prompt {
                match length(prompt) {
                    0 => add(format!("{at}.prompt"), ShowIssue::Blank),
                    n if n > MAX_PROMPT => add(
                        format!("{at}.prompt"),
                        ShowIssue::TooLong { max: MAX_PROMPT },
                    ),
                    _ => {}
                }
            }
            if let Some(image) = &extra.image
                && !self.images.contains(image)
            {
                add(format!("{at}.image"), ShowIssue::ImageNotListed);
            }
        }
        out
    }

    /// Whether the show is for classes of `grade`.
    pub fn is_for(&self, grade: Grade) -> bool {
        self.grades.contains(&grade)
    }
}

fn words(
    add: &mut impl FnMut(String, ShowIssue),
    field: &str,
    list: &[String],
    most: usize,
    longest: usize,
) {
    if list.len() > most {
        add(field.to_owned(), ShowIssue::TooMany { max: most });
    }
    let mut seen = HashSet::new();
    for (i, word) in list.iter().enumerate() {
        let at = format!("{field}[{i}]");
        if length(word) == 0 {
            add(at, ShowIssue::Blank);
        } else if length(word) > longest {
            add(at, ShowIssue::TooLong { max: longest });
        } else if !seen.insert(word.trim().to_lowercase()) {
            add(at, ShowIssue::Twice);
        }
    }
}

fn media(add: &mut impl FnMut(String, ShowIssue), field: &str, list: &[String], most: usize) {
    if list.len() > most {
        add(field.to_owned(), ShowIssue::TooMany { max: most });
    }
    for (i, id) in list.iter().enumerate() {
        let at = format!("{field}[{i}]");
        if !media_id_ok(id) {
            add(at, ShowIssue::BadMedia);
        } else if list[..i].contains(id) {
            add(at, ShowIssue::Twice);
        }
    }
}
