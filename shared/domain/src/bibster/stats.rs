//! Statistics of a game over its sessions: per task how many answered, how many were
//! right, and the median time from opening the task to the answer.

use std::collections::HashMap;

use super::api::{GameStats, TaskStats};
use super::game::Game;

/// One answer as the statistics count it: its task, whether it was right, and the
/// milliseconds from opening the task to the answer when the task was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted<'a> {
    pub task: &'a str,
    pub right: bool,
    pub elapsed_ms: Option<i64>,
}

/// The statistics of game `id` (`game` as it is now: its tasks in order; answers to
/// tasks it no longer has are left out).
pub fn game_stats(
    id: i64,
    game: &Game,
    sessions: u32,
    teams: u32,
    answers: &[Counted],
) -> GameStats {
    let mut per_task: HashMap<&str, (u32, u32, Vec<i64>)> = HashMap::new();
    let mut counted = 0;
    for answer in answers {
        if !game.tasks.iter().any(|t| t.id == answer.task) {
            continue;
        }
        counted += 1;
        let entry = per_task.entry(answer.task).or_default();
        entry.0 += 1;
        entry.1 += u32::from(answer.right);
        if let Some(ms) = answer.elapsed_ms.filter(|ms| *ms >= 0) {
            entry.2.push(ms);
        }
    }
    let tasks = game
        .tasks
        .iter()
        .map(|task| {
            let (answered, right, mut times) =
                per_task.remove(task.id.as_str()).unwrap_or_default();
            times.sort_unstable();
            let median_secs =
                median(&times).map(|ms| u32::try_from((ms + 500) / 1000).unwrap_or(u32::MAX));
            TaskStats {
                task: task.id.clone(),
                prompt: task.prompt.clone(),
                answered,
                right,
                median_secs,
            }
        })
        .collect();
    GameStats {
        game: id,
        sessions,
        teams,
        answers: counted,
        tasks,
    }
}

/// The median of sorted `values` (the mean of the middle two for an even count).
fn median(sorted: &[i64]) -> Option<i64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bibster::game::{FORMAT, Variant};
    use crate::bibster::task::{Task, TaskKind};

    #[test]
    fn counts_rates_and_median_times_per_task() {
        let task = |id: &str| Task {
            id: id.into(),
            prompt: format!("Opdracht {id}"),
            kind: TaskKind::Info,
            points: 1,
            time_limit_secs: None,
            hint: None,
            image: None,
        };
        let game = Game {
            format: FORMAT,
            title: "t".into(),
            variant: Variant::Quest,
            tasks: vec![task("a"), task("b"), task("c")],
            chapters: vec![],
            boards: vec![],
            spots: vec![],
        };
        let a = |right, ms| Counted {
            task: "a",
            right,
            elapsed_ms: ms,
        };
        let answers = [
            a(true, Some(10_000)),
            a(false, Some(30_000)),
            a(true, Some(20_400)),
            a(true, None),
            Counted {
                task: "b",
                right: false,
                elapsed_ms: Some(4_000),
            },
            Counted {
                task: "b",
                right: true,
                elapsed_ms: Some(6_000),
            },
            Counted {
                task: "gone",
                right: true,
                elapsed_ms: None,
            },
        ];
        let stats = game_stats(7, &game, 2, 5, &answers);
        assert_eq!(
            (stats.game, stats.sessions, stats.teams, stats.answers),
            (7, 2, 5, 6)
        );
        let rows: Vec<_> = stats
            .tasks
            .iter()
            .map(|t| (t.task.as_str(), t.answered, t.right, t.median_secs))
            .collect();
        assert_eq!(
            rows,
            [
                ("a", 4, 3, Some(20)),
                ("b", 2, 1, Some(5)),
                ("c", 0, 0, None)
            ]
        );
    }
}
