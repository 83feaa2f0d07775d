//! A game played in the builder's preview, without the server: the team's view of each
//! task (`team::team_game` with a fixed seed), answers turned back by `team::from_team`
//! and judged by `task::judge`, points by `task::score`, and where the team is by
//! `progress` (the Story's path, the Quest's open tasks).

use std::collections::{HashMap, HashSet};

use suite_domain::bibster::game::Game;
use suite_domain::bibster::progress::{quest_open_in, story_next_in};
use suite_domain::bibster::task::{Answer, Verdict, judge, score};
use suite_domain::bibster::team::{TeamGame, from_team, team_game};

/// The seed of the preview's team (any team's order of items is as good).
pub(crate) const SEED: u64 = 20_260_101;

/// What the preview's team did so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Play {
    /// The game's own answers, by task id.
    answers: HashMap<String, Answer>,
    verdicts: HashMap<String, Verdict>,
    hints: HashSet<String>,
    pub(crate) score: u32,
}

impl Play {
    /// The game as the preview's team sees it.
    pub(crate) fn team_view(game: &Game) -> TeamGame {
        team_game(game, SEED)
    }

    /// The verdict on task `task`, once answered.
    pub(crate) fn verdict(&self, task: &str) -> Option<Verdict> {
        self.verdicts.get(task).copied()
    }

    /// Opens the hint of `task` (it costs its points when the answer is right).
    pub(crate) fn open_hint(&mut self, task: &str) {
        self.hints.insert(task.to_string());
    }

    pub(crate) fn hint_opened(&self, task: &str) -> bool {
        self.hints.contains(task)
    }

    /// Answers `task` with what the team gave in the order it saw; the first answer
    /// counts, as on the server. The verdict, or none for a task the game lacks.
    pub(crate) fn answer(&mut self, game: &Game, task: &str, given: Answer) -> Option<Verdict> {
        if let Some(verdict) = self.verdict(task) {
            return Some(verdict);
        }
        let task = game.tasks.iter().find(|t| t.id == task)?;
        let answer = from_team(task, SEED, given);
        let verdict = judge(&task.kind, &answer);
        self.score += score(task, verdict, self.hint_opened(&task.id), true);
        self.answers.insert(task.id.clone(), answer);
        self.verdicts.insert(task.id.clone(), verdict);
        Some(verdict)
    }

    /// In a Story: the chapter (index) and the id of the next task along the path the
    /// answers chose; none at the end.
    pub(crate) fn story_next<'a>(&self, game: &'a Game) -> Option<(usize, &'a str)> {
        story_next_in(
            &game.chapters,
            |id| self.answers.contains_key(id),
            |id| match self.answers.get(id) {
                Some(Answer::Choices(chosen)) => chosen.first().copied(),
                _ => None,
            },
        )
    }

    /// In a Quest: the ids of the tasks open now.
    pub(crate) fn quest_open<'a>(&self, game: &'a Game) -> Vec<&'a str> {
        let done: HashSet<String> = self.answers.keys().cloned().collect();
        quest_open_in(game.tasks.iter().map(|t| t.id.as_str()), &game.spots, &done)
    }
}
