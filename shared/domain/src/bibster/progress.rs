//! Where a team is in a game: in a Story the first task not yet answered along the path
//! its answers chose; in a Quest the tasks open now (placed, not done, every lock done).

use std::collections::{HashMap, HashSet};

use super::game::{Game, Spot, Variant};
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
    let task_of = |id: &str| game.tasks.iter().find(|t| t.id == id);
    let mut seen: HashSet<usize> = HashSet::new();
    let mut at = 0;
    while let Some(chapter) = game.chapters.get(at) {
        if !seen.insert(at) {
            return StoryStep::End;
        }
        for id in &chapter.tasks {
            if !answers.contains_key(id)
                && let Some(task) = task_of(id)
            {
                return StoryStep::Task { chapter: at, task };
            }
        }
        at = match &chapter.branch {
            None => at + 1,
            Some(branch) => {
                let chosen = match answers.get(&branch.task) {
                    Some(Answer::Choices(c)) => c.first().copied(),
                    _ => None,
                };
                let to = chosen.and_then(|c| branch.to.get(c));
                match to.and_then(|id| game.chapters.iter().position(|c| &c.id == id)) {
                    Some(next) => next,
                    None => return StoryStep::End,
                }
            }
        };
    }
    StoryStep::End
}

/// A Quest's tasks open now, in the order of the game: not in `done`, and every task
/// its spot waits for is done. A task without a spot is open anywhere.
pub fn quest_open<'a>(game: &'a Game, done: &HashSet<String>) -> Vec<&'a Task> {
    let spots: HashMap<&str, &Spot> = game.spots.iter().map(|s| (s.task.as_str(), s)).collect();
    game.tasks
        .iter()
        .filter(|t| !done.contains(&t.id))
        .filter(|t| {
            spots
                .get(t.id.as_str())
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
