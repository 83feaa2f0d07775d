//! A Story's chapters as the editor changes them: added and removed (the branches and
//! `next` that led to a removed one end), which tasks each holds, and where the story
//! goes after each (the next chapter, a chapter of choice, or a branch on one of its
//! multiple-choice tasks, kept in step with that task's options).

use suite_domain::bibster::game::{Branch, Chapter, Game};
use suite_domain::bibster::task::TaskKind;

use super::edit::free_id;

/// Adds a chapter at the end and returns its index.
pub(crate) fn add_chapter(game: &mut Game) -> usize {
    let id = free_id("hoofdstuk", game.chapters.iter().map(|c| c.id.as_str()));
    game.chapters.push(Chapter {
        id,
        text: String::new(),
        tasks: vec![],
        branch: None,
        next: None,
        image: None,
    });
    game.chapters.len() - 1
}

/// Removes chapter `index`; branches and `next` that led to it end (its tasks stay in
/// the game, in no chapter, until staff put them in another).
pub(crate) fn remove_chapter(game: &mut Game, index: usize) {
    if index >= game.chapters.len() {
        return;
    }
    let id = game.chapters.remove(index).id;
    for chapter in &mut game.chapters {
        if chapter.next.as_ref() == Some(&id) {
            chapter.next = None;
        }
        if let Some(branch) = &mut chapter.branch {
            for to in &mut branch.to {
                if *to == id {
                    to.clear();
                }
            }
        }
    }
}

/// Puts task `task` in chapter `index` (`on`), out of every other chapter, at the place
/// of the game's order; or takes it out of chapter `index`.
pub(crate) fn set_in_chapter(game: &mut Game, index: usize, task: &str, on: bool) {
    let order: Vec<String> = game.tasks.iter().map(|t| t.id.clone()).collect();
    for (i, chapter) in game.chapters.iter_mut().enumerate() {
        if i == index && on {
            if !chapter.tasks.iter().any(|t| t == task) {
                chapter.tasks.push(task.to_string());
                chapter
                    .tasks
                    .sort_by_key(|t| order.iter().position(|o| o == t).unwrap_or(usize::MAX));
            }
        } else if i == index || on {
            chapter.tasks.retain(|t| t != task);
            if chapter.branch.as_ref().is_some_and(|b| b.task == task) {
                chapter.branch = None;
            }
        }
    }
}

/// Where a chapter goes next, as the editor offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum After {
    /// The next chapter in order (or the end, after the last).
    Following,
    /// The chapter with this id (branches join again).
    Chapter(String),
    /// By the answer to this multiple-choice task of the chapter.
    Branch(String),
}

/// Sets where chapter `index` goes next. A branch gets one (empty) chapter per option of
/// its task, keeping the chapters already chosen.
pub(crate) fn set_after(game: &mut Game, index: usize, after: After) {
    let options = |task: &str| {
        game.tasks
            .iter()
            .find(|t| t.id == task)
            .map(|t| match &t.kind {
                TaskKind::MultipleChoice { options, .. } => options.len(),
                _ => 0,
            })
            .unwrap_or(0)
    };
    let branch = match &after {
        After::Branch(task) => Some((task.clone(), options(task))),
        _ => None,
    };
    let Some(chapter) = game.chapters.get_mut(index) else {
        return;
    };
    match (after, branch) {
        (After::Following, _) => {
            chapter.next = None;
            chapter.branch = None;
        }
        (After::Chapter(id), _) => {
            chapter.next = Some(id);
            chapter.branch = None;
        }
        (After::Branch(_), Some((task, n))) => {
            let mut to = chapter.branch.take().map(|b| b.to).unwrap_or_default();
            to.resize(n, String::new());
            chapter.next = None;
            chapter.branch = Some(Branch { task, to });
        }
        (After::Branch(_), None) => {}
    }
}

/// Where chapter `chapter` goes next, as the editor shows it.
pub(crate) fn after_of(chapter: &Chapter) -> After {
    match (&chapter.branch, &chapter.next) {
        (Some(branch), _) => After::Branch(branch.task.clone()),
        (None, Some(next)) => After::Chapter(next.clone()),
        (None, None) => After::Following,
    }
}

/// Keeps the chapters' branches in step with their task's options (one chapter per
/// option) after the options changed.
pub(crate) fn sync_branches(game: &mut Game) {
    let counts: Vec<(String, usize)> = game
        .tasks
        .iter()
        .filter_map(|t| match &t.kind {
            TaskKind::MultipleChoice { options, .. } => Some((t.id.clone(), options.len())),
            _ => None,
        })
        .collect();
    for chapter in &mut game.chapters {
        if let Some(branch) = &mut chapter.branch
            && let Some((_, n)) = counts.iter().find(|(id, _)| *id == branch.task)
        {
            branch.to.resize(*n, String::new());
        }
    }
}
