//! The team device's own rules, pure so they are tested apart from the browser: where
//! a team is (its confirmed answers and the ones still waiting to be sent together), the
//! state of a Quest's spots, the countdown on the server's clock and how an answer that
//! did not arrive is sent again.

use std::collections::HashSet;

use suite_domain::bibster::api::TeamAnswer;
use suite_domain::bibster::progress::{quest_open_in, story_next_in};
use suite_domain::bibster::task::Answer;
use suite_domain::bibster::team::TeamGame;

/// An answer kept on the device until the server confirms it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pending {
    pub(crate) task: String,
    pub(crate) answer: Answer,
}

/// Whether the team answered `task`: confirmed, or waiting to be sent.
fn answered(answers: &[TeamAnswer], pending: &[Pending], task: &str) -> bool {
    answers.iter().any(|a| a.task == task) || pending.iter().any(|p| p.task == task)
}

/// The first option chosen in a multiple-choice task, confirmed or waiting (a waiting
/// answer counts as given for the story's path).
fn chosen(answers: &[TeamAnswer], pending: &[Pending], task: &str) -> Option<usize> {
    match answers.iter().find(|a| a.task == task) {
        Some(a) => a.chosen.map(|c| c as usize),
        None => pending
            .iter()
            .find(|p| p.task == task)
            .and_then(|p| match &p.answer {
                Answer::Choices(c) => c.first().copied(),
                _ => None,
            }),
    }
}

/// A Story's next step: the chapter (index) and task id, or none at the end.
pub(crate) fn story_next<'a>(
    game: &'a TeamGame,
    answers: &[TeamAnswer],
    pending: &[Pending],
) -> Option<(usize, &'a str)> {
    story_next_in(
        &game.chapters,
        |id| answered(answers, pending, id),
        |id| chosen(answers, pending, id),
    )
}

/// A Quest task as its spot (or list item) shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SpotState {
    Open,
    /// Waits for these tasks (ids, in the order of the spot).
    Locked(Vec<String>),
    Done,
}

/// The state of every task of a Quest, in the order of the game.
pub(crate) fn quest_states(
    game: &TeamGame,
    answers: &[TeamAnswer],
    pending: &[Pending],
) -> Vec<(String, SpotState)> {
    let done: HashSet<String> = game
        .tasks
        .iter()
        .filter(|t| answered(answers, pending, &t.id))
        .map(|t| t.id.clone())
        .collect();
    let open = quest_open_in(game.tasks.iter().map(|t| t.id.as_str()), &game.spots, &done);
    game.tasks
        .iter()
        .map(|t| {
            let state = if done.contains(&t.id) {
                SpotState::Done
            } else if open.contains(&t.id.as_str()) {
                SpotState::Open
            } else {
                let waits = game
                    .spots
                    .iter()
                    .find(|s| s.task == t.id)
                    .map(|s| {
                        s.after
                            .iter()
                            .filter(|a| !done.contains(*a))
                            .cloned()
                            .collect()
                    })
                    .unwrap_or_default();
                SpotState::Locked(waits)
            };
            (t.id.clone(), state)
        })
        .collect()
}

/// The server's clock less the device's, from a state read at `device_now_ms`.
pub(crate) fn clock_offset(server_now_ms: i64, device_now_ms: i64) -> i64 {
    server_now_ms - device_now_ms
}

/// Whole seconds left of a time limit of `limit_secs` that began at `opened_ms` on the
/// server's clock (rounded up, never below zero).
pub(crate) fn seconds_left(
    opened_ms: i64,
    limit_secs: u32,
    offset_ms: i64,
    device_now_ms: i64,
) -> u32 {
    let left_ms = opened_ms + i64::from(limit_secs) * 1000 - (device_now_ms + offset_ms);
    if left_ms <= 0 {
        0
    } else {
        u32::try_from((left_ms + 999) / 1000).unwrap_or(u32::MAX)
    }
}

/// Seconds as the countdown shows them: `m:ss`.
pub(crate) fn clock_text(secs: u32) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// What to do with a queued answer after the server answered `status` (`0`: not reached).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SendOutcome {
    /// Arrived: take it off the queue.
    Confirmed,
    /// Send it again later: no network, too many requests, or a server error.
    Retry,
    /// Refused for good (shown to the team, taken off the queue).
    Drop,
}

pub(crate) fn send_outcome(status: u16) -> SendOutcome {
    match status {
        200..=299 => SendOutcome::Confirmed,
        0 | 429 | 500..=599 => SendOutcome::Retry,
        _ => SendOutcome::Drop,
    }
}

/// Milliseconds to wait before sending again after `failures` failed tries: one second,
/// doubling, at most eight.
pub(crate) fn backoff_ms(failures: u32) -> u32 {
    1000u32.saturating_mul(1 << failures.min(3))
}

/// The game code in a page's query (`?code=ab3-k79`), tidied, if it can be one.
pub(crate) fn code_in_query(query: &str) -> Option<String> {
    suite_ui::url::query_param(query, "code")
        .and_then(|c| suite_domain::bibster::team::read_code(&c))
}

/// A number as typed by a Dutch speaker (`3,5` or `3.5`), if it is one.
pub(crate) fn read_number(typed: &str) -> Option<f64> {
    let n: f64 = typed.trim().replace(',', ".").parse().ok()?;
    n.is_finite().then_some(n)
}

/// The items of "put in order" after moving the one at `at` by `by` (-1 up, +1 down);
/// unchanged at either end.
pub(crate) fn moved(order: &[usize], at: usize, up: bool) -> Vec<usize> {
    let mut order = order.to_vec();
    let to = if up { at.checked_sub(1) } else { Some(at + 1) };
    if let Some(to) = to.filter(|&t| t < order.len() && at < order.len()) {
        order.swap(at, to);
    }
    order
}

#[cfg(test)]
mod tests;
