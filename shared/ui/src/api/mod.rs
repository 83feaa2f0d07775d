//! The typed client of the suite's `/api`: JSON over same-origin `fetch`, the CSRF token
//! on every state-changing request, and one error type with a text for the user.
//!
//! ```ignore
//! let health: Health = api::get("/api/health").await?;
//! ```

use std::cell::RefCell;
use std::fmt;

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use suite_domain::api::{ErrorBody, ErrorCode};
use suite_domain::i18n::{Lang, Msg};

thread_local! {
    static CSRF_TOKEN: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Stores the CSRF token sent with every POST, PUT and DELETE (`x-csrf-token`).
/// Login stores `SessionInfo::csrf_token`; logout clears it with `None`.
pub fn set_csrf_token(token: Option<String>) {
    CSRF_TOKEN.with(|cell| *cell.borrow_mut() = token);
}

/// The stored CSRF token, if any.
pub fn csrf_token() -> Option<String> {
    CSRF_TOKEN.with(|cell| cell.borrow().clone())
}

/// A failed API call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status; `0` when the server could not be reached at all.
    pub status: u16,
    /// The server's error code, or the one that goes with the status.
    pub code: Option<ErrorCode>,
    /// A Dutch text for the user: the server's own message when it sent one.
    pub message: String,
    /// For `invalid_input`: the field the server named (`title`, `dates.2.end`…), so a
    /// form can mark it.
    pub field: Option<String>,
    /// For a refused file (an EPUB): what is wrong and where, in English, as the server
    /// sent it beside the Dutch message.
    pub detail: Option<String>,
}

impl ApiError {
    /// The server could not be reached (or the answer could not be read as HTTP).
    pub fn network() -> Self {
        Self {
            status: 0,
            code: None,
            message: Msg::ErrNetwork.text(Lang::Nl).into(),
            field: None,
            detail: None,
        }
    }

    /// An error answer without the documented body: the status says what it was.
    pub fn from_status(status: u16) -> Self {
        let code = code_for_status(status);
        let msg = code.map_or(Msg::ErrInternal, ErrorCode::message);
        Self {
            status,
            code,
            message: msg.text(Lang::Nl).into(),
            field: None,
            detail: None,
        }
    }

    /// Reads an error answer: the documented `{"error": {"code", "message", "field"?}}`
    /// body, or else the status alone.
    pub fn from_body(status: u16, body: &str) -> Self {
        match serde_json::from_str::<ErrorBody>(body) {
            Ok(ErrorBody { error }) => Self {
                status,
                code: Some(error.code),
                message: error.message,
                field: error.field,
                detail: error.detail,
            },
            Err(_) => Self::from_status(status),
        }
    }

    /// The text for this error in `lang`: in Dutch the server's own message (it may say
    /// more than the code's, e.g. which date is wrong); otherwise the catalogue text of
    /// the code; the stored message when there is no code to look up.
    pub fn localized(&self, lang: Lang) -> String {
        match (self.code, self.status) {
            (Some(_), _) if lang == Lang::Nl && !self.message.trim().is_empty() => {
                self.message.clone()
            }
            (Some(code), _) => code.message().text(lang).into(),
            (None, 0) => Msg::ErrNetwork.text(lang).into(),
            (None, _) => self.message.clone(),
        }
    }

    /// Whether the answer was `401`: nobody is logged in (any more).
    pub fn is_unauthorized(&self) -> bool {
        self.status == 401
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.status)
    }
}

impl std::error::Error for ApiError {}

/// The error code that goes with an HTTP status, when there is one.
fn code_for_status(status: u16) -> Option<ErrorCode> {
    match status {
        400 | 422 => Some(ErrorCode::InvalidInput),
        401 => Some(ErrorCode::NotLoggedIn),
        403 => Some(ErrorCode::Forbidden),
        404 => Some(ErrorCode::NotFound),
        409 => Some(ErrorCode::Conflict),
        413 => Some(ErrorCode::BodyTooLarge),
        429 => Some(ErrorCode::TooManyAttempts),
        503 => Some(ErrorCode::Busy),
        500..=599 => Some(ErrorCode::Internal),
        _ => None,
    }
}

/// The meta tag of a page exported to a static host (`cargo xtask export`): the base URL
/// of the instances that answer `/api`.
const API_BASE_META: &str = "meta[name=\"suite-api\"]";

thread_local! {
    static API_BASE: String = read_api_base();
}

fn read_api_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(API_BASE_META).ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .map(|base| base.trim().trim_end_matches('/').to_string())
        .unwrap_or_default()
}

/// Where `path` is asked: an `/api` path on the instances named by the page's
/// `<meta name="suite-api" content="…">` when it has one (a static export), otherwise
/// on the page's own origin; any other path (`/data/…`) stays with the page. Every call
/// of the API goes through here.
pub fn url(path: &str) -> String {
    if path == "/api" || path.starts_with("/api/") {
        API_BASE.with(|base| format!("{base}{path}"))
    } else {
        path.to_string()
    }
}

/// Adds the headers a state-changing request carries: what it accepts and the CSRF
/// token. A read carries only the browser's own headers, so that it can take an answer
/// the page's `Link: rel=preload` asked for early (Chromium hands a preloaded answer
/// only to a request with the same headers; the server answers JSON either way).
fn prepare(builder: RequestBuilder, state_changing: bool) -> RequestBuilder {
    if !state_changing {
        return builder;
    }
    let builder = builder.header("accept", "application/json");
    match csrf_token() {
        Some(token) => builder.header("x-csrf-token", &token),
        None => builder,
    }
}

/// Sends a request and turns anything but a 2xx answer into an [`ApiError`].
async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ApiError> {
    let request = request.map_err(|_| ApiError::from_status(400))?;
    let response = request.send().await.map_err(|_| ApiError::network())?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    Err(ApiError::from_body(status, &body))
}

/// Reads a successful answer's JSON body.
async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    response.json::<T>().await.map_err(|_| ApiError {
        status,
        code: Some(ErrorCode::Internal),
        message: Msg::ErrInternal.text(Lang::Nl).into(),
        field: None,
        detail: None,
    })
}

/// `GET path`, answering JSON.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let response = send(prepare(Request::get(&url(path)), false).build()).await?;
    read_json(response).await
}

/// `GET path`, answering JSON, or nothing (`None`) with 204 No Content.
pub async fn get_optional<T: DeserializeOwned>(path: &str) -> Result<Option<T>, ApiError> {
    let response = send(prepare(Request::get(&url(path)), false).build()).await?;
    if response.status() == 204 {
        return Ok(None);
    }
    read_json(response).await.map(Some)
}

/// `POST path` with a JSON body, answering JSON.
pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    let response = send(prepare(Request::post(&url(path)), true).json(body)).await?;
    read_json(response).await
}

/// `PUT path` with a JSON body, answering JSON.
pub async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    let response = send(prepare(Request::put(&url(path)), true).json(body)).await?;
    read_json(response).await
}

/// `POST path` with a JSON body, for an answer without a body (204).
pub async fn post_no_content<B: Serialize>(path: &str, body: &B) -> Result<(), ApiError> {
    send(prepare(Request::post(&url(path)), true).json(body))
        .await
        .map(drop)
}

/// `PUT path` with a JSON body, for an answer without a body (204).
pub async fn put_no_content<B: Serialize>(path: &str, body: &B) -> Result<(), ApiError> {
    send(prepare(Request::put(&url(path)), true).json(body))
        .await
        .map(drop)
}

/// `DELETE path`; the answer's body, if any, is ignored.
pub async fn delete(path: &str) -> Result<(), ApiError> {
    send(prepare(Request::delete(&url(path)), true).build())
        .await
        .map(drop)
}

/// `POST path` without a body; the answer's body, if any, is ignored.
pub async fn post_empty(path: &str) -> Result<(), ApiError> {
    send(prepare(Request::post(&url(path)), true).build())
        .await
        .map(drop)
}

/// `POST path` with a raw body of `content_type` (an upload), answering JSON. The body
/// goes as it is: a `File` or `Blob` (no copy through wasm memory) or a `Uint8Array`.
pub async fn post_body<T: DeserializeOwned>(
    path: &str,
    content_type: &str,
    body: &wasm_bindgen::JsValue,
) -> Result<T, ApiError> {
    let request = prepare(Request::post(&url(path)), true)
        .header("content-type", content_type)
        .body(body.clone());
    read_json(send(request).await?).await
}

/// `POST path` with `bytes` as the raw body of `content_type`, answering JSON.
pub async fn post_bytes<T: DeserializeOwned>(
    path: &str,
    content_type: &str,
    bytes: &[u8],
) -> Result<T, ApiError> {
    post_body(path, content_type, &js_sys::Uint8Array::from(bytes).into()).await
}

/// The body of [`send_text`] for a JSON value (`application/json`, written by the
/// browser's `JSON.stringify`).
pub fn json_body(value: &wasm_bindgen::JsValue) -> Option<(&'static str, wasm_bindgen::JsValue)> {
    crate::json::stringify(value)
        .map(|text| ("application/json", wasm_bindgen::JsValue::from_str(&text)))
}

/// Reads the answer `text` of [`send_text`] with `reader` (a lean reader over the
/// browser's `JSON.parse`); an answer it cannot read is an internal error (500).
pub fn read_text_as<T>(
    text: &str,
    reader: impl Fn(&wasm_bindgen::JsValue) -> Option<T>,
) -> Result<T, ApiError> {
    crate::json::parse(text)
        .as_ref()
        .and_then(reader)
        .ok_or_else(|| ApiError::from_status(500))
}

/// Runs two calls at once and gives both answers, so a page that needs two answers
/// waits for the slower one, not for the sum of both.
pub async fn both<A, B>(a: impl Future<Output = A>, b: impl Future<Output = B>) -> (A, B) {
    let (mut a, mut b) = (std::pin::pin!(a), std::pin::pin!(b));
    let (mut first, mut second) = (None, None);
    std::future::poll_fn(|cx| {
        if first.is_none()
            && let std::task::Poll::Ready(value) = a.as_mut().poll(cx)
        {
            first = Some(value);
        }
        if second.is_none()
            && let std::task::Poll::Ready(value) = b.as_mut().poll(cx)
        {
            second = Some(value);
        }
        match (first.take(), second.take()) {
            (Some(x), Some(y)) => std::task::Poll::Ready((x, y)),
            (x, y) => {
                (first, second) = (x, y);
                std::task::Poll::Pending
            }
        }
    })
    .await
}

/// A request with headers of its own (a public device's key, such as Bibster's team
/// token in `x-team-token`) and an optional raw body of a content type, answering the
/// body's text. For public bundles that read JSON through [`crate::json`], so they
/// carry no `serde_json`: an error answer is read the same lean way (the status gives
/// the code, the body the Dutch message and the field).
pub async fn send_text(
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<(&str, wasm_bindgen::JsValue)>,
) -> Result<String, ApiError> {
    let target = url(path);
    let builder = match method {
        "POST" => Request::post(&target),
        "PUT" => Request::put(&target),
        "DELETE" => Request::delete(&target),
        _ => Request::get(&target),
    };
    let mut builder = prepare(builder, method != "GET");
    for (name, value) in headers {
        builder = builder.header(name, value);
    }
    let request = match body {
        Some((content_type, body)) => builder.header("content-type", content_type).body(body),
        None => builder.build(),
    };
    let request = request.map_err(|_| ApiError::from_status(400))?;
    let response = request.send().await.map_err(|_| ApiError::network())?;
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    if response.ok() {
        Ok(text)
    } else {
        Err(ApiError::from_text(status, &text))
    }
}

impl ApiError {
    /// Reads an error answer like [`ApiError::from_body`], through the browser's JSON
    /// (no `serde_json`): the status' code, the server's message and field when sent.
    pub fn from_text(status: u16, body: &str) -> Self {
        let error = crate::json::parse(body)
            .map(|v| crate::json::get(&v, "error"))
            .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
        let base = Self::from_status(status);
        match crate::json::string(&error, "message").filter(|m| !m.trim().is_empty()) {
            Some(message) => Self {
                message,
                field: crate::json::string(&error, "field"),
                ..base
            },
            None => base,
        }
    }
}

#[cfg(test)]
mod tests;
