//! What the leader's page keeps in its address: the open session (`?sessie=<id>`, so a
//! reload returns to it) and the game to start (`?spel=<id>`, from the builder's link).

use suite_ui::url::{query_param, with_params};

pub(crate) const SESSION_PARAM: &str = "sessie";
pub(crate) const GAME_PARAM: &str = "spel";

/// A positive id in parameter `name` of `query`.
fn id_in(query: &str, name: &str) -> Option<i64> {
    query_param(query, name)?
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
}

/// The session open in `query`, if any.
pub(crate) fn session_in(query: &str) -> Option<i64> {
    id_in(query, SESSION_PARAM)
}

/// The game to preselect on the start page, if any.
pub(crate) fn game_in(query: &str) -> Option<i64> {
    id_in(query, GAME_PARAM)
}

/// `query` with session `id` open (or none); the game to start is dropped with it.
pub(crate) fn with_session(query: &str, id: Option<i64>) -> String {
    with_params(
        query,
        &[
            (SESSION_PARAM, id.map(|id| id.to_string())),
            (GAME_PARAM, None),
        ],
    )
}

/// Where teams join session `code`: the teams' app with the code filled in.
pub(crate) fn join_url(origin: &str, code: &str) -> String {
    format!(
        "{}/bibster/?code={}",
        origin.trim_end_matches('/'),
        suite_ui::url::encode(code)
    )
}
