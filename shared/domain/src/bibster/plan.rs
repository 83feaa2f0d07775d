//! A Quest's floor plans: where each task sits (spots, with their locks), the doors that
//! join one plan to another (stairs, a lift, a door between rooms), and the checks of
//! both. A door has two ends, one on each of its plans; a team at one end goes through
//! to the other. Every plan must be reachable from the first one through doors.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::game::{Game, MAX_DOORS, Problem, ProblemKind, check_picture, problem};

/// Where a Quest's task sits on the floor plan, and what unlocks it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spot {
    pub task: String,
    /// Index of the board (floor plan) it is on.
    #[serde(default)]
    pub board: usize,
    /// Position on the board, 0..1 from the left and from the top.
    pub x: f64,
    pub y: f64,
    /// Tasks that must be done first.
    #[serde(default)]
    pub after: Vec<String>,
}

/// One end of a door: on which plan, and where on it (0..1 from the left and the top).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DoorEnd {
    pub board: usize,
    pub x: f64,
    pub y: f64,
}

/// A way between two floor plans, usable both ways.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Door {
    /// What the team reads on it ("Trap naar boven"); empty: the app says "door to plan 2".
    #[serde(default)]
    pub label: String,
    pub ends: [DoorEnd; 2],
}

impl Door {
    /// The doors on plan `board`: for each, the end on it and the plan it leads to.
    pub fn on_board(doors: &[Door], board: usize) -> Vec<(usize, DoorEnd, usize)> {
        doors
            .iter()
            .enumerate()
            .flat_map(|(i, door)| {
                let [a, b] = door.ends;
                [(a, b.board), (b, a.board)]
                    .into_iter()
                    .filter(move |(end, _)| end.board == board)
                    .map(move |(end, to)| (i, end, to))
            })
            .collect()
    }
}

/// Plans no door leads to from the first one (ends on missing plans are ignored).
pub fn unjoined_boards(boards: usize, doors: &[Door]) -> Vec<usize> {
    if boards < 2 {
        return vec![];
    }
    let mut reached = vec![false; boards];
    reached[0] = true;
    let mut todo = vec![0];
    while let Some(board) = todo.pop() {
        for (_, _, to) in Door::on_board(doors, board) {
            if to < boards && !reached[to] {
                reached[to] = true;
                todo.push(to);
            }
        }
    }
    (0..boards).filter(|&b| !reached[b]).collect()
}

fn on_the_board(x: f64, y: f64) -> bool {
    (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y)
}

pub(super) fn check_quest(game: &Game, ids: &HashMap<&str, usize>, out: &mut Vec<Problem>) {
    let boards = game.boards.len().max(1);
    for (i, board) in game.boards.iter().enumerate() {
        check_picture(Some(board), format!("boards[{i}]"), out);
    }
    let mut placed: HashSet<&str> = HashSet::new();
    for (i, spot) in game.spots.iter().enumerate() {
        let at = format!("spots[{i}]");
        if !ids.contains_key(spot.task.as_str()) {
            out.push(problem(
                format!("{at}.task"),
                ProblemKind::NoSuchTask,
                format!("no task {:?}", spot.task),
            ));
        } else if !placed.insert(spot.task.as_str()) {
            out.push(problem(
                format!("{at}.task"),
                ProblemKind::TaskTwice,
                format!("{:?} is placed twice", spot.task),
            ));
        }
        if spot.board >= boards {
            out.push(problem(
                format!("{at}.board"),
                ProblemKind::NoSuchBoard,
                "no such floor plan",
            ));
        }
        if !on_the_board(spot.x, spot.y) {
            out.push(problem(
                at.clone(),
                ProblemKind::OffTheBoard,
                "x and y lie between 0 and 1",
            ));
        }
        for (j, before) in spot.after.iter().enumerate() {
            if !ids.contains_key(before.as_str()) || before == &spot.task {
                out.push(problem(
                    format!("{at}.after[{j}]"),
                    if ids.contains_key(before.as_str()) {
                        ProblemKind::LockItself
                    } else {
                        ProblemKind::NoSuchTask
                    },
                    format!("no other task {before:?}"),
                ));
            }
        }
    }
    if let Some(task) = super::progress::lock_cycle(&game.spots) {
        out.push(problem(
            "spots",
            ProblemKind::LockCycle,
            format!("{task:?} can never be unlocked (a cycle of locks)"),
        ));
    }
    check_doors(game, out);
}

fn check_doors(game: &Game, out: &mut Vec<Problem>) {
    if game.doors.len() > MAX_DOORS {
        out.push(problem(
            "doors",
            ProblemKind::DoorCount,
            format!("at most {MAX_DOORS} doors"),
        ));
        return;
    }
    let boards = game.boards.len().max(1);
    for (i, door) in game.doors.iter().enumerate() {
        let at = format!("doors[{i}]");
        if door.label.chars().count() > 100 {
            out.push(problem(
                format!("{at}.label"),
                ProblemKind::TextTooLong,
                "longer than 100 characters",
            ));
        }
        for (k, end) in door.ends.iter().enumerate() {
            if end.board >= boards {
                out.push(problem(
                    format!("{at}.ends[{k}].board"),
                    ProblemKind::NoSuchBoard,
                    "no such floor plan",
                ));
            }
            if !on_the_board(end.x, end.y) {
                out.push(problem(
                    format!("{at}.ends[{k}]"),
                    ProblemKind::OffTheBoard,
                    "x and y lie between 0 and 1",
                ));
            }
        }
        if door.ends[0].board == door.ends[1].board {
            out.push(problem(
                format!("{at}.ends[1].board"),
                ProblemKind::DoorOneBoard,
                "a door joins two different floor plans",
            ));
        }
    }
    for board in unjoined_boards(game.boards.len(), &game.doors) {
        out.push(problem(
            format!("boards[{board}]"),
            ProblemKind::BoardNotJoined,
            "no door leads to this floor plan from the first one",
        ));
    }
}
