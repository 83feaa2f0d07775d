//! Where a team is in a game: in a Story the first task not yet answered along the path
//! its answers chose; in a Quest the tasks open now (placed, not done, every lock done).

use std::collections::{HashMap, HashSet};

use super::game::{Chapter, Game, Spot, Variant};
use super::task::{Answer, Task};

/// What a Story team does next.
#[derive(Debug, Clone, PartialEq)]
pub enum StoryStep<'a> {
    /// Chapter `chapter` (index), task `task` of it.
    Task { chapter: usize, task: &'a Task },
    /// The path is done.
    End,
}

/// The first unanswered task along the path that `answers` (by task id) chose. A chapter
/// without a branch goes on to the next; a branch follows the first option chosen in
/// its task. A game with a cycle (refused by `game::check`) ends where it would loop.
pub fn story_next<'a>(game: &'a Game, answers: &HashMap<String, Answer>) -> StoryStep<'a> {
    if game.variant != Variant::Story {
        return StoryStep::End;
    }
    let next = story_next_in(
        &game.chapters,
        |id| answers.contains_key(id),
        |id| match answers.get(id) {
            Some(Answer::Choices(c)) => c.first().copied(),
            _ => None,
        },
    );
    match next.and_then(|(chapter, id)| {
        game.tasks
            .iter()
            .find(|t| t.id == id)
            .map(|task| StoryStep::Task { chapter, task })
    }) {
        Some(step) => step,
        None => StoryStep::End,
    }
}

/// The rule of [`story_next`] over the chapters alone, so that the team's view of a game
/// (which keeps the chapters but not the answers' keys) follows the same path: the
/// chapter (index) and id of the first task not `answered`, or none at the end.
/// `chosen` is the first option chosen in a multiple-choice task, if answered.
pub fn story_next_in(
    chapters: &[Chapter],
    answered: impl Fn(&str) -> bool,
    chosen: impl Fn(&str) -> Option<usize>,
) -> Option<(usize, &str)> {
    let mut seen: HashSet<usize> = HashSet::new();
    let mut at = 0;
    while let Some(chapter) = chapters.get(at) {
        if !seen.insert(at) {
            return None;
        }
        if let Some(id) = chapter.tasks.iter().find(|id| !answered(id)) {
            return Some((at, id.as_str()));
        }
        at = match &chapter.branch {
            None => match &chapter.next {
                Some(next) => chapters.iter().position(|c| &c.id == next)?,
                None => at + 1,
            },
            Some(branch) => {
                let to = chosen(&branch.task).and_then(|c| branch.to.get(c));
                chapters.iter().position(|c| Some(&c.id) == to)?
            }
        };
    }
    None
}

/// A Quest's tasks open now, in the order of the game: not in `done`, and every task
/// its spot waits for is done. A task without a spot is open anywhere.
pub fn quest_open<'a>(game: &'a Game, done: &HashSet<String>) -> Vec<&'a Task> {
    let open = quest_open_in(game.tasks.iter().map(|t| t.id.as_str()), &game.spots, done);
    game.tasks
        .iter()
        .filter(|t| open.contains(&t.id.as_str()))
        .collect()
}

/// The rule of [`quest_open`] over task ids and spots alone (the team's view of a game).
pub fn quest_open_in<'a>(
    tasks: impl Iterator<Item = &'a str>,
    spots: &[Spot],
    done: &HashSet<String>,
) -> Vec<&'a str> {
    let spots: HashMap<&str, &Spot> = spots.iter().map(|s| (s.task.as_str(), s)).collect();
    tasks
        .filter(|t| !done.contains(*t))
        .filter(|t| {
            spots
                .get(t)
                .is_none_or(|s| s.after.iter().all(|a| done.contains(a)))
        })
        .collect()
}

/// A task that can never be unlocked because its locks wait on each other, if any.
pub fn lock_cycle(spots: &[Spot]) -> Option<String> {
    let after: HashMap<&str, &[String]> = spots
        .iter()
        .map(|s| (s.task.as_str(), s.after.as_slice()))
        .collect();
    // Unlock in rounds: what waits on nothing still locked opens; what never opens is
    // in (or behind) a cycle.
    let mut open: HashSet<&str> = HashSet::new();
    loop {
        let before = open.len();
        for (task, waits) in &after {
            if waits
                .iter()
                .all(|w| open.contains(w.as_str()) || !after.contains_key(w.as_str()))
            {
                open.insert(task);
            }
        }
        if open.len() == before {
            break;
        }
    }
    spots
        .iter()
        .find(|s| !open.contains(s.task.as_str()))
        .map(|s| s.task.clone())
}
