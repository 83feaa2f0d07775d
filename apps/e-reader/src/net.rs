//! The member's calls of `/api/ereader/...` through `suite_ui::api::send_text`, read by
//! [`crate::codec`]. The member's session is an HttpOnly cookie; its CSRF token goes
//! with every change through `suite_ui::api::set_csrf_token`, set at login.

use suite_domain::ereader::notes::{AnnotationView, NewAnnotation};
use suite_domain::ereader::{
    BookView, HistoryView, LoanView, MemberInfo, ReadingPosition, ReservationView, SearchHit,
    TitleView,
};
use suite_ui::ApiError;
use suite_ui::api::{json_body as body, read_text_as as read};
use suite_ui::api::{send_text, set_csrf_token};
use suite_ui::json::object;
use wasm_bindgen::JsValue;

use crate::codec;

const SESSION: &str = "/api/ereader/session";

fn remember(member: MemberInfo) -> MemberInfo {
    set_csrf_token(Some(member.csrf_token.clone()));
    member
}

/// Logs in with card and PIN.
pub(crate) async fn log_in(card: &str, pin: &str) -> Result<MemberInfo, ApiError> {
    let value = object(&[
        ("card", JsValue::from_str(card)),
        ("pin", JsValue::from_str(pin)),
    ]);
    let text = send_text("POST", SESSION, &[], body(&value)).await?;
    read(&text, codec::member).map(remember)
}

/// The member this browser is logged in as, if any (204: nobody).
pub(crate) async fn current() -> Result<Option<MemberInfo>, ApiError> {
    let text = send_text("GET", SESSION, &[], None).await?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    read(&text, codec::member).map(|m| Some(remember(m)))
}

pub(crate) async fn log_out() -> Result<(), ApiError> {
    let result = send_text("DELETE", SESSION, &[], None).await.map(drop);
    set_csrf_token(None);
    result
}

pub(crate) async fn titles() -> Result<Vec<TitleView>, ApiError> {
    let text = send_text("GET", "/api/ereader/titles", &[], None).await?;
    read(&text, |v| codec::items(v, codec::title))
}

pub(crate) async fn loans() -> Result<Vec<LoanView>, ApiError> {
    let text = send_text("GET", "/api/ereader/loans", &[], None).await?;
    read(&text, |v| codec::items(v, codec::loan))
}

/// Borrows a title for the library's longest loan.
pub(crate) async fn borrow(title: i64) -> Result<LoanView, ApiError> {
    let value = object(&[("title", JsValue::from_f64(title as f64))]);
    let text = send_text("POST", "/api/ereader/loans", &[], body(&value)).await?;
    read(&text, codec::loan)
}

pub(crate) async fn give_back(loan: i64) -> Result<(), ApiError> {
    let path = format!("/api/ereader/loans/{loan}/return");
    send_text("POST", &path, &[], None).await.map(drop)
}

pub(crate) async fn reservations() -> Result<Vec<ReservationView>, ApiError> {
    let text = send_text("GET", "/api/ereader/reservations", &[], None).await?;
    read(&text, |v| codec::items(v, codec::reservation))
}

/// Joins the queue of a title that is all on loan.
pub(crate) async fn reserve(title: i64) -> Result<ReservationView, ApiError> {
    let value = object(&[("title", JsValue::from_f64(title as f64))]);
    let text = send_text("POST", "/api/ereader/reservations", &[], body(&value)).await?;
    read(&text, codec::reservation)
}

/// `suspend`, `resume` or `pass` on the member's place in the queue of `title`.
pub(crate) async fn place_action(title: i64, action: &str) -> Result<(), ApiError> {
    let value = object(&[("action", JsValue::from_str(action))]);
    let path = format!("/api/ereader/reservations/{title}");
    send_text("POST", &path, &[], body(&value)).await.map(drop)
}

pub(crate) async fn cancel_reservation(title: i64) -> Result<(), ApiError> {
    let path = format!("/api/ereader/reservations/{title}");
    send_text("DELETE", &path, &[], None).await.map(drop)
}

pub(crate) async fn history() -> Result<HistoryView, ApiError> {
    let text = send_text("GET", "/api/ereader/history", &[], None).await?;
    read(&text, codec::history)
}

/// Switches the reading history on or off (off forgets it).
pub(crate) async fn keep_history(keep: bool) -> Result<HistoryView, ApiError> {
    let value = object(&[("keep", JsValue::from_bool(keep))]);
    let text = send_text("PUT", "/api/ereader/history", &[], body(&value)).await?;
    read(&text, codec::history)
}

pub(crate) async fn book(loan: i64) -> Result<BookView, ApiError> {
    let text = send_text("GET", &format!("/api/ereader/loans/{loan}/book"), &[], None).await?;
    read(&text, codec::book)
}

/// The saved position; none yet is the book's start.
pub(crate) async fn position(loan: i64) -> Result<Option<ReadingPosition>, ApiError> {
    let path = format!("/api/ereader/loans/{loan}/position");
    let text = send_text("GET", &path, &[], None).await?;
    if text.trim().is_empty() {
        // 204: no place saved yet, the book opens at its start.
        return Ok(None);
    }
    read(&text, codec::position).map(Some)
}

pub(crate) async fn save_position(loan: i64, position: ReadingPosition) -> Result<(), ApiError> {
    let path = format!("/api/ereader/loans/{loan}/position");
    let value = codec::position_to_js(position);
    send_text("PUT", &path, &[], body(&value)).await.map(drop)
}

/// Where `q` occurs in the loan's book (at most 100 places, in reading order).
pub(crate) async fn search(loan: i64, q: &str) -> Result<Vec<SearchHit>, ApiError> {
    let path = format!(
        "/api/ereader/loans/{loan}/search?q={}",
        suite_ui::url::encode(q)
    );
    let text = send_text("GET", &path, &[], None).await?;
    read(&text, |v| codec::items(v, codec::hit))
}

/// The member's bookmarks and highlights in the loan's book.
pub(crate) async fn annotations(loan: i64) -> Result<Vec<AnnotationView>, ApiError> {
    let path = format!("/api/ereader/loans/{loan}/annotations");
    let text = send_text("GET", &path, &[], None).await?;
    read(&text, |v| codec::items(v, codec::annotation))
}

/// Keeps a bookmark or highlight; the server's answer has its id.
pub(crate) async fn add_annotation(
    loan: i64,
    new: &NewAnnotation,
) -> Result<AnnotationView, ApiError> {
    let path = format!("/api/ereader/loans/{loan}/annotations");
    let value = codec::new_annotation_to_js(new);
    let text = send_text("POST", &path, &[], body(&value)).await?;
    read(&text, codec::annotation)
}

pub(crate) async fn remove_annotation(loan: i64, id: i64) -> Result<(), ApiError> {
    let path = format!("/api/ereader/loans/{loan}/annotations/{id}");
    send_text("DELETE", &path, &[], None).await.map(drop)
}
