//! Bibster game files (`static-api import bibster-game`, the builder's import): JSON in
//! the versioned format of `suite_domain::bibster::game`, read within a size limit and
//! checked whole. Every refusal says why and where: the size, a newer format, the line
//! and column of what JSON or the format does not allow (an unknown task type among
//! them), or each problem of the game at its place (`tasks[3].correct`).

use suite_domain::bibster::game::{FORMAT, Game, Problem, check};

/// The largest game file read, in bytes (a game of 200 tasks with long texts is far
/// smaller; pictures are files of their own).
pub const MAX_GAME_BYTES: usize = 2 * 1024 * 1024;

/// Why a game file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GameFileError {
    /// Over [`MAX_GAME_BYTES`].
    #[error("the file has {0} bytes; a game file has at most {MAX_GAME_BYTES}")]
    TooLarge(usize),
    /// A format this code does not know yet.
    #[error("format {0} is newer than this server reads ({FORMAT}); update the server")]
    NewerFormat(u64),
    /// Not JSON, or not a game in this format.
    #[error("not a game file: {0}")]
    NotAGame(String),
    /// A game, but not a sound one.
    #[error("the game has {} problem(s): {}", .0.len(), list(.0))]
    Problems(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads and checks a game file.
pub fn parse_game(text: &str) -> Result<Game, GameFileError> {
    if text.len() > MAX_GAME_BYTES {
        return Err(GameFileError::TooLarge(text.len()));
    }
    // The format first: a newer file may use task types this code does not know, and
    // "newer format" is the answer that helps.
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| GameFileError::NotAGame(e.to_string()))?;
    if let Some(format) = value.get("format").and_then(serde_json::Value::as_u64)
        && format > u64::from(FORMAT)
    {
        return Err(GameFileError::NewerFormat(format));
    }
    let game: Game =
        serde_json::from_str(text).map_err(|e| GameFileError::NotAGame(e.to_string()))?;
    let problems = check(&game);
    if problems.is_empty() {
        Ok(game)
    } else {
        Err(GameFileError::Problems(problems))
    }
}

/// A game as a file: pretty JSON that [`parse_game`] reads back.
pub fn write_game(game: &Game) -> String {
    serde_json::to_string_pretty(game).unwrap_or_default()
}
