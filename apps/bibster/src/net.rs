//! The team's calls of `/api/bibster/play/...`, with its token in `x-team-token`,
//! through `suite_ui::api::send_text` and read by [`crate::codec`].

use suite_domain::bibster::api::{
    Joined, PlayState, SessionInfo, TEAM_TOKEN_HEADER, TaskOpened, TeamAnswer,
};
use suite_domain::bibster::task::Answer;
use suite_ui::ApiError;
use suite_ui::api::send_text;
use suite_ui::api::{json_body as body, read_text_as as read};
use suite_ui::json::object;
use wasm_bindgen::JsValue;

use crate::codec;

/// The running session with this (tidy) code.
pub(crate) async fn session_info(code: &str) -> Result<SessionInfo, ApiError> {
    let text = send_text(
        "GET",
        &format!("/api/bibster/play/sessions/{code}"),
        &[],
        None,
    )
    .await?;
    read(&text, codec::session_info)
}

/// Joins with a name of the team's own, or its pre-made team's code.
pub(crate) async fn join(
    code: &str,
    name: Option<&str>,
    team_code: Option<&str>,
) -> Result<Joined, ApiError> {
    let mut fields = vec![("code", JsValue::from_str(code))];
    if let Some(name) = name {
        fields.push(("name", JsValue::from_str(name)));
    }
    if let Some(team_code) = team_code {
        fields.push(("team_code", JsValue::from_str(team_code)));
    }
    let text = send_text(
        "POST",
        "/api/bibster/play/join",
        &[],
        body(&object(&fields)),
    )
    .await?;
    read(&text, codec::joined)
}

pub(crate) async fn state(token: &str) -> Result<PlayState, ApiError> {
    let headers = [(TEAM_TOKEN_HEADER, token)];
    let text = send_text("GET", "/api/bibster/play/state", &headers, None).await?;
    read(&text, codec::play_state)
}

/// Opens a task (its time limit starts), or its hint.
pub(crate) async fn open(token: &str, task: &str, hint: bool) -> Result<TaskOpened, ApiError> {
    let headers = [(TEAM_TOKEN_HEADER, token)];
    let value = object(&[
        ("task", JsValue::from_str(task)),
        ("hint", JsValue::from_bool(hint)),
    ]);
    let text = send_text("POST", "/api/bibster/play/open", &headers, body(&value)).await?;
    read(&text, codec::task_opened)
}

pub(crate) async fn answer(
    token: &str,
    task: &str,
    answer: &Answer,
) -> Result<TeamAnswer, ApiError> {
    let headers = [(TEAM_TOKEN_HEADER, token)];
    let value = object(&[
        ("task", JsValue::from_str(task)),
        ("answer", codec::answer_to_js(answer)),
    ]);
    let text = send_text("POST", "/api/bibster/play/answers", &headers, body(&value)).await?;
    read(&text, codec::team_answer)
}

/// Sends a photo (the file itself, with its type) as the answer to `task`.
pub(crate) async fn photo(
    token: &str,
    task: &str,
    file: &web_sys::File,
) -> Result<TeamAnswer, ApiError> {
    let headers = [(TEAM_TOKEN_HEADER, token)];
    let kind = file.type_();
    let content_type = if kind.is_empty() {
        "application/octet-stream".to_string()
    } else {
        kind
    };
    let path = format!("/api/bibster/play/photos/{}", suite_ui::url::encode(task));
    let text = send_text(
        "POST",
        &path,
        &headers,
        Some((&content_type, file.clone().into())),
    )
    .await?;
    read(&text, codec::team_answer)
}
