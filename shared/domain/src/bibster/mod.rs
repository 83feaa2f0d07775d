//! Bibster's game engine: the games libraries build (Story or Quest, eight kinds of
//! task), whether a game is sound (`game::check`, every problem at its place), how an
//! answer is judged and scored (`task`), and where a team is (`progress`). Pure, so the
//! team's device, the leader's view, the builder and the server share it.

pub mod game;
pub mod progress;
pub mod task;

#[cfg(test)]
mod tests;
