//! A Bibster game as libraries build, share and export it (the versioned JSON format),
//! and the rule that a game is sound: what an import, the builder and the server check
//! before anything is stored. Every problem names its place (`tasks[3].correct`).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

pub use super::plan::{Door, DoorEnd, Spot};
use super::task::{Task, TaskKind};

/// The format version this code writes and reads; a newer one is refused by name.
pub const FORMAT: u32 = 1;
/// Most tasks in one game.
pub const MAX_TASKS: usize = 200;
/// Longest text of a prompt, option, hint or chapter, in characters.
pub const MAX_TEXT: usize = 4_000;
/// Most doors in one Quest.
pub const MAX_DOORS: usize = 50;

/// Whether `path` may be a game's picture: one on our server under `/data/bibster/`
/// (where uploads go), so a game never makes a team's device ask a third party, and
/// nothing in it can leave the attribute it is written into.
pub fn picture_ok(path: &str) -> bool {
    path.len() <= 300
        && path.starts_with("/data/bibster/")
        && !path.split('/').any(|part| part == "..")
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-' | '_'))
}

pub(super) fn check_picture(path: Option<&str>, at: String, out: &mut Vec<Problem>) {
    if let Some(path) = path
        && !picture_ok(path)
    {
        out.push(problem(
            at,
            ProblemKind::PictureNotOurs,
            "a picture must be one uploaded to this server (/data/bibster/...)",
        ));
    }
}

/// Story (chapters in order, with optional branches) or Quest (tasks on a floor plan, in
/// any order, some locked until others are done).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    Story,
    Quest,
}

/// A chapter of a Story: text between tasks, then its tasks in order, then where to go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    pub id: String,
    #[serde(default)]
    pub text: String,
    /// Ids of its tasks, in order.
    #[serde(default)]
    pub tasks: Vec<String>,
    /// Where the story goes after this chapter: by default the next chapter; a branch
    /// picks by the answer to one of its multiple-choice tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<Branch>,
    /// Without a branch, the chapter to go to next (so branches can join again); by
    /// default the next chapter in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// A picture shown above the chapter's text (a path on our server, see
    /// [`picture_ok`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// After a chapter, the chapter to go to for each option of a multiple-choice task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branch {
    /// A multiple-choice task of this chapter.
    pub task: String,
    /// Per option of that task (by index), the id of the next chapter.
    pub to: Vec<String>,
}

/// One game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Game {
    pub format: u32,
    pub title: String,
    pub variant: Variant,
    pub tasks: Vec<Task>,
    /// Story only.
    #[serde(default)]
    pub chapters: Vec<Chapter>,
    /// Quest only: the floor plans' pictures (paths on our server), in order.
    #[serde(default)]
    pub boards: Vec<String>,
    /// Quest only.
    #[serde(default)]
    pub spots: Vec<Spot>,
    /// Quest only: the doors (stairs, lifts) that join its floor plans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doors: Vec<Door>,
}

/// One problem of a game, at its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: `title`, `tasks[2].correct`, `chapters[1].branch.to[0]`, ...
    pub at: String,
    /// What is wrong, for a program (the builder shows its own Dutch text per kind).
    pub kind: ProblemKind,
    /// What is wrong, in English (for logs and error details).
    pub what: String,
}

/// What is wrong, machine-readable: one kind per rule of [`check`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file's format is newer than this code reads.
    NewerFormat,
    /// The title is empty or longer than 200 characters.
    TitleLength,
    /// No tasks, or more than [`MAX_TASKS`].
    TaskCount,
    /// A task's id is empty or longer than 64 characters.
    TaskIdLength,
    /// Two tasks have the same id.
    TaskIdTwice,
    /// A text is longer than [`MAX_TEXT`].
    TextTooLong,
    /// A time limit of 0 seconds.
    TimeLimitZero,
    /// A multiple-choice task without 2 to 12 options.
    OptionCount,
    /// A multiple-choice task without a right option.
    NoRightOption,
    /// An open question without an accepted answer and without review.
    NoAcceptedAnswer,
    /// A number or tolerance that is not a number (or a negative tolerance).
    NotANumber,
    /// An order task without 2 to 12 items.
    ItemCount,
    /// A match task without 2 to 12 pairs.
    PairCount,
    /// A find-the-code task without a code.
    NoCode,
    /// A story without chapters.
    NoChapters,
    /// Two chapters with the same id.
    ChapterIdTwice,
    /// A chapter, spot or lock names a task the game does not have.
    NoSuchTask,
    /// A task is in two chapters, or placed twice.
    TaskTwice,
    /// A `next` or branch names a chapter the game does not have.
    NoSuchChapter,
    /// A branch's task is not a multiple-choice task of its chapter.
    BranchTask,
    /// A branch does not name one chapter per option.
    BranchOptions,
    /// The chapters lead back to an earlier one.
    StoryCycle,
    /// A spot is on a floor plan the game does not have.
    NoSuchBoard,
    /// A spot lies outside its floor plan.
    OffTheBoard,
    /// A spot waits for itself.
    LockItself,
    /// Locks that wait for each other.
    LockCycle,
    /// A door with both ends on the same floor plan.
    DoorOneBoard,
    /// A floor plan no door leads to from the first one.
    BoardNotJoined,
    /// More than [`MAX_DOORS`] doors.
    DoorCount,
    /// A picture that is not one of ours (see [`picture_ok`]).
    PictureNotOurs,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.what)
    }
}

pub(super) fn problem(
    at: impl Into<String>,
    kind: ProblemKind,
    what: impl Into<String>,
) -> Problem {
    Problem {
        at: at.into(),
        kind,
        what: what.into(),
    }
}

/// Checks a whole game; every problem found, in order (empty: the game is sound).
pub fn check(game: &Game) -> Vec<Problem> {
    let mut out = Vec::new();
    if game.format > FORMAT {
        out.push(problem(
            "format",
            ProblemKind::NewerFormat,
            format!(
                "format {} is newer than this server reads ({FORMAT})",
                game.format
            ),
        ));
        return out;
    }
    if game.title.trim().is_empty() || game.title.chars().count() > 200 {
        out.push(problem(
            "title",
            ProblemKind::TitleLength,
            "needs 1 to 200 characters",
        ));
    }
    if game.tasks.is_empty() || game.tasks.len() > MAX_TASKS {
        out.push(problem(
            "tasks",
            ProblemKind::TaskCount,
            format!("needs 1 to {MAX_TASKS} tasks"),
        ));
    }
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, task) in game.tasks.iter().enumerate() {
        let at = format!("tasks[{i}]");
        if task.id.trim().is_empty() || task.id.len() > 64 {
            out.push(problem(
                format!("{at}.id"),
                ProblemKind::TaskIdLength,
                "needs 1 to 64 characters",
            ));
        } else if ids.insert(task.id.as_str(), i).is_some() {
            out.push(problem(
                format!("{at}.id"),
                ProblemKind::TaskIdTwice,
                format!("{:?} is used twice", task.id),
            ));
        }
        check_task(task, &at, &mut out);
        check_picture(task.image.as_deref(), format!("{at}.image"), &mut out);
    }
    match game.variant {
        Variant::Story => check_story(game, &ids, &mut out),
        Variant::Quest => super::plan::check_quest(game, &ids, &mut out),
    }
    out
}

pub(super) fn long(text: &str) -> bool {
    text.chars().count() > MAX_TEXT
}

fn check_task(task: &Task, at: &str, out: &mut Vec<Problem>) {
    if long(&task.prompt) || task.hint.as_ref().is_some_and(|h| long(&h.text)) {
        out.push(problem(
            at,
            ProblemKind::TextTooLong,
            format!("a text is longer than {MAX_TEXT} characters"),
        ));
    }
    if task.time_limit_secs == Some(0) {
        out.push(problem(
            format!("{at}.time_limit_secs"),
            ProblemKind::TimeLimitZero,
            "must be at least 1",
        ));
    }
    match &task.kind {
        TaskKind::MultipleChoice { options, correct } => {
            if options.len() < 2 || options.len() > 12 {
                out.push(problem(
                    format!("{at}.options"),
                    ProblemKind::OptionCount,
                    "needs 2 to 12 options",
                ));
            }
            if correct.is_empty() || correct.iter().any(|&c| c >= options.len()) {
                out.push(problem(
                    format!("{at}.correct"),
                    ProblemKind::NoRightOption,
                    "needs at least one index of an option",
                ));
            }
        }
        TaskKind::OpenText { accepted, review } => {
            if !review && accepted.iter().all(|a| super::task::fold(a).is_empty()) {
                out.push(problem(
                    format!("{at}.accepted"),
                    ProblemKind::NoAcceptedAnswer,
                    "needs an accepted answer, or review by the leader",
                ));
            }
        }
        TaskKind::Number { value, tolerance } => {
            if !value.is_finite() || !tolerance.is_finite() || *tolerance < 0.0 {
                out.push(problem(
                    at,
                    ProblemKind::NotANumber,
                    "value and tolerance must be numbers, tolerance >= 0",
                ));
            }
        }
        TaskKind::Order { items } if items.len() < 2 || items.len() > 12 => {
            out.push(problem(
                format!("{at}.items"),
                ProblemKind::ItemCount,
                "needs 2 to 12 items",
            ));
        }
        TaskKind::MatchPairs { pairs } if pairs.len() < 2 || pairs.len() > 12 => {
            out.push(problem(
                format!("{at}.pairs"),
                ProblemKind::PairCount,
                "needs 2 to 12 pairs",
            ));
        }
        TaskKind::FindCode { code } if super::task::fold(code).is_empty() || code.len() > 64 => {
            out.push(problem(
                format!("{at}.code"),
                ProblemKind::NoCode,
                "needs a code of letters or digits",
            ));
        }
        _ => {}
    }
}

fn check_story(game: &Game, ids: &HashMap<&str, usize>, out: &mut Vec<Problem>) {
    if game.chapters.is_empty() {
        out.push(problem(
            "chapters",
            ProblemKind::NoChapters,
            "a story needs at least one chapter",
        ));
        return;
    }
    let chapter_ids: HashMap<&str, usize> = game
        .chapters
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    if chapter_ids.len() != game.chapters.len() {
        out.push(problem(
            "chapters",
            ProblemKind::ChapterIdTwice,
            "two chapters have the same id",
        ));
    }
    let mut placed: HashSet<&str> = HashSet::new();
    for (i, chapter) in game.chapters.iter().enumerate() {
        let at = format!("chapters[{i}]");
        check_picture(chapter.image.as_deref(), format!("{at}.image"), out);
        if long(&chapter.text) {
            out.push(problem(
                format!("{at}.text"),
                ProblemKind::TextTooLong,
                format!("longer than {MAX_TEXT} characters"),
            ));
        }
        for (j, task) in chapter.tasks.iter().enumerate() {
            if !ids.contains_key(task.as_str()) {
                out.push(problem(
                    format!("{at}.tasks[{j}]"),
                    ProblemKind::NoSuchTask,
                    format!("no task {task:?}"),
                ));
            } else if !placed.insert(task.as_str()) {
                out.push(problem(
                    format!("{at}.tasks[{j}]"),
                    ProblemKind::TaskTwice,
                    format!("{task:?} is in two places"),
                ));
            }
        }
        if let Some(next) = &chapter.next
            && !chapter_ids.contains_key(next.as_str())
        {
            out.push(problem(
                format!("{at}.next"),
                ProblemKind::NoSuchChapter,
                format!("no chapter {next:?}"),
            ));
        }
        if let Some(branch) = &chapter.branch {
            let options = ids
                .get(branch.task.as_str())
                .filter(|_| chapter.tasks.contains(&branch.task))
                .and_then(|&k| match &game.tasks[k].kind {
                    TaskKind::MultipleChoice { options, .. } => Some(options.len()),
                    _ => None,
                });
            match options {
                None => out.push(problem(
                    format!("{at}.branch.task"),
                    ProblemKind::BranchTask,
                    "must be a multiple-choice task of this chapter",
                )),
                Some(n) if n != branch.to.len() => out.push(problem(
                    format!("{at}.branch.to"),
                    ProblemKind::BranchOptions,
                    format!("needs one chapter per option ({n})"),
                )),
                Some(_) => {}
            }
            for (k, to) in branch.to.iter().enumerate() {
                if !chapter_ids.contains_key(to.as_str()) {
                    out.push(problem(
                        format!("{at}.branch.to[{k}]"),
                        ProblemKind::NoSuchChapter,
                        format!("no chapter {to:?}"),
                    ));
                }
            }
        }
    }
    if let Some(at) = story_cycle(game, &chapter_ids) {
        out.push(problem(
            at,
            ProblemKind::StoryCycle,
            "the branches lead back to an earlier chapter (a cycle)",
        ));
    }
}

/// The place of a branch that leads back into a cycle, if the chapters have one. A
/// chapter without a branch goes on to the next one.
fn story_cycle(game: &Game, chapter_ids: &HashMap<&str, usize>) -> Option<String> {
    let next = |i: usize| -> Vec<usize> {
        match &game.chapters[i].branch {
            Some(b) => {
                b.to.iter()
                    .filter_map(|to| chapter_ids.get(to.as_str()).copied())
                    .collect()
            }
            None => match &game.chapters[i].next {
                Some(next) => chapter_ids
                    .get(next.as_str())
                    .copied()
                    .into_iter()
                    .collect(),
                None => (i + 1 < game.chapters.len())
                    .then_some(i + 1)
                    .into_iter()
                    .collect(),
            },
        }
    };
    // Depth-first with colours: 1 = on the current path, 2 = done.
    let mut colour = vec![0_u8; game.chapters.len()];
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    colour[0] = 1;
    while let Some(&(node, edge)) = stack.last() {
        let targets = next(node);
        if let Some(&to) = targets.get(edge) {
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            match colour[to] {
                0 => {
                    colour[to] = 1;
                    stack.push((to, 0));
                }
                1 => return Some(format!("chapters[{node}].branch")),
                _ => {}
            }
        } else {
            colour[node] = 2;
            stack.pop();
        }
    }
    None
}
