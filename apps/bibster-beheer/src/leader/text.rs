//! Small pieces of text the leader's screens share: a time of day, an answer in words,
//! and whether an error says Bibster is not active in the library.

use suite_domain::bibster::task::Answer;
use suite_ui::ApiError;

/// The time of day (`HH:MM`) of an RFC 3339 instant, in the browser's time zone; the
/// instant as it is when it cannot be read.
pub(crate) fn clock_time(at: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(at));
    let ms = date.get_time();
    if ms.is_nan() {
        return at.to_string();
    }
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// A day and time (`DD/MM HH:MM`) of an RFC 3339 instant, in the browser's time zone.
pub(crate) fn day_time(at: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(at));
    if date.get_time().is_nan() {
        return at.to_string();
    }
    format!(
        "{:02}/{:02} {:02}:{:02}",
        date.get_date(),
        date.get_month() + 1,
        date.get_hours(),
        date.get_minutes()
    )
}

/// An answer waiting for review, as text: what the team typed (none for a photo, which
/// is shown as a picture).
pub(crate) fn answer_text(answer: &Answer) -> Option<String> {
    match answer {
        Answer::Text(text) => Some(text.clone()),
        Answer::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Whether the server refused because Bibster is not switched on for the library.
pub(crate) fn not_active(error: &ApiError) -> bool {
    error.status == 403 && error.field.as_deref() == Some("library")
}
