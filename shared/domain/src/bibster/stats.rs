//! Statistics of a game over its sessions: per task how many answered, how many were
//! right, and the median time from opening the task to the answer; and of a library over
//! all its games (totals, per game, per month).

use std::collections::HashMap;

use super::api::{GameStats, GameTotals, LibraryStats, MonthTotals, TaskStats};
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

/// A library's statistics from its games' totals and its use per month as counted
/// rows (`YYYY-MM`, metric `sessions`, `teams` or `answers`, count; other metrics are
/// left out, counts below 0 count as 0).
pub fn library_stats(games: Vec<GameTotals>, per_month: &[(String, String, i64)]) -> LibraryStats {
    let sum = |f: fn(&GameTotals) -> u32| games.iter().fold(0_u32, |n, g| n.saturating_add(f(g)));
    let mut months: Vec<MonthTotals> = Vec::new();
    for (month, metric, count) in per_month {
        let count = u32::try_from((*count).max(0)).unwrap_or(u32::MAX);
        let at = match months.binary_search_by(|m| m.month.as_str().cmp(month)) {
            Ok(at) => at,
            Err(at) => {
                months.insert(
                    at,
                    MonthTotals {
                        month: month.clone(),
                        sessions: 0,
                        teams: 0,
                        answers: 0,
                    },
                );
                at
            }
        };
        let totals = &mut months[at];
        match metric.as_str() {
            "sessions" => totals.sessions = totals.sessions.saturating_add(count),
            "teams" => totals.teams = totals.teams.saturating_add(count),
            "answers" => totals.answers = totals.answers.saturating_add(count),
            _ => {}
        }
    }
    months.retain(|m| m.sessions + m.teams + m.answers > 0);
    LibraryStats {
        sessions: sum(|g| g.sessions),
        teams: sum(|g| g.teams),
        answers: sum(|g| g.answers),
        right: sum(|g| g.right),
        games,
        months,
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
            doors: vec![],
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

    #[test]
    fn a_library_sums_its_games_and_orders_its_months() {
        use crate::bibster::api::GameState;
        let game = |id, sessions, teams, answers, right| GameTotals {
            game: id,
            title: format!("Spel {id}"),
            state: GameState::Published,
            sessions,
            teams,
            answers,
            right,
        };
        let rows = [
            ("2026-11", "sessions", 2),
            ("2026-03", "teams", 40),
            ("2026-11", "answers", 90),
            ("2026-03", "sessions", 3),
            ("2026-11", "teams", 7),
            ("2026-03", "answers", 300),
            ("2026-05", "unknown", 5),
            ("2026-06", "teams", -4),
        ]
        .map(|(m, k, n)| (m.to_string(), k.to_string(), n));
        let stats = library_stats(vec![game(1, 3, 40, 300, 210), game(2, 2, 7, 90, 45)], &rows);
        assert_eq!(
            (stats.sessions, stats.teams, stats.answers, stats.right),
            (5, 47, 390, 255)
        );
        let months: Vec<(&str, u32, u32, u32)> = stats
            .months
            .iter()
            .map(|m| (m.month.as_str(), m.sessions, m.teams, m.answers))
            .collect();
        assert_eq!(months, [("2026-03", 3, 40, 300), ("2026-11", 2, 7, 90)]);
        assert_eq!(stats.games.len(), 2);
        let empty = library_stats(vec![], &[]);
        assert_eq!((empty.sessions, empty.months.len()), (0, 0));
    }
}
