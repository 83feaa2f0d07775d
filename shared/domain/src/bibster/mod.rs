//! Bibster's game engine: the games libraries build (Story or Quest, eight kinds of
//! task), whether a game is sound (`game::check`, every problem at its place; a
//! Quest's floor plans, spots and doors in `plan`), how an
//! answer is judged and scored (`task`), where a team is (`progress`), what a team's
//! device gets of a game and how its answers come back (`team`), and the JSON shapes
//! of the API (`api`). Pure, so the team's device, the leader's view, the builder and
//! the server share it.

pub mod api;
pub mod game;
pub mod plan;
pub mod progress;
pub mod stats;
pub mod task;
pub mod team;

#[cfg(test)]
mod tests;
