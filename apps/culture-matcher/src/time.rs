//! The clock and dates as people read them: the browser's `Intl` formats them in the
//! page's language and in Belgian time (so nothing about dates ships in the wasm).

use suite_domain::i18n::Lang;
use wasm_bindgen::JsValue;

/// Where the shows take place; dates are shown in this time zone wherever the phone is.
const TIME_ZONE: &str = "Europe/Brussels";

/// Now, in Unix seconds.
pub(crate) fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// The browser's offset from UTC now, in seconds (for "this week" and "this weekend").
pub(crate) fn utc_offset_secs() -> i32 {
    let minutes = js_sys::Date::new_0().get_timezone_offset();
    -(minutes as i32) * 60
}

fn format(unix: i64, locale: &str, parts: &[(&str, &str)]) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(unix as f64 * 1000.0));
    let options = js_sys::Object::new();
    for (key, value) in parts.iter().chain(&[("timeZone", TIME_ZONE)]) {
        let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
    }
    date.to_locale_string(locale, &options).into()
}

/// A performance: `vr 4 dec. 20:00`.
pub(crate) fn date_time(unix: i64, lang: Lang) -> String {
    format(
        unix,
        lang.tag(),
        &[
            ("weekday", "short"),
            ("day", "numeric"),
            ("month", "short"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
        ],
    )
}

/// A day: `vr 4 dec.`.
pub(crate) fn day(unix: i64, lang: Lang) -> String {
    format(
        unix,
        lang.tag(),
        &[("weekday", "short"), ("day", "numeric"), ("month", "short")],
    )
}

/// A day as `YYYY-MM-DD` in Belgian time, for date fields.
pub(crate) fn iso_day(unix: i64) -> String {
    // Swedish dates are written as in ISO 8601.
    format(
        unix,
        "sv-SE",
        &[
            ("year", "numeric"),
            ("month", "2-digit"),
            ("day", "2-digit"),
        ],
    )
}
