//! Reading the kiosk's JSON from the server as text first, so the same text can be
//! remembered in localStorage as it came (no second serialisation).

use gloo_net::http::Request;
use serde::de::DeserializeOwned;

/// Why a request gave nothing usable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FetchError {
    /// The server answered that there is nothing there (a 4xx).
    Missing,
    /// No answer, a failure on the server's side, or an answer that could not be read.
    Unreachable,
}

/// `GET url` (an `/api` path where `suite_ui::api::url` says): the body of a 2xx answer.
pub(crate) async fn get_text(url: &str) -> Result<String, FetchError> {
    let response = Request::get(&suite_ui::api::url(url))
        .header("accept", "application/json")
        .send()
        .await
        .map_err(|_| FetchError::Unreachable)?;
    match response.status() {
        200..=299 => response.text().await.map_err(|_| FetchError::Unreachable),
        400..=499 => Err(FetchError::Missing),
        _ => Err(FetchError::Unreachable),
    }
}

/// Reads JSON text; text that does not fit counts as a failed answer.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, FetchError> {
    serde_json::from_str(text).map_err(|_| FetchError::Unreachable)
}

/// `GET url` as JSON, answering the value and the text it was read from.
pub(crate) async fn get_json<T: DeserializeOwned>(url: &str) -> Result<(T, String), FetchError> {
    let text = get_text(url).await?;
    Ok((parse(&text)?, text))
}
