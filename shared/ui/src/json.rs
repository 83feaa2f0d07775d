//! JSON through the browser's own `JSON.parse`/`JSON.stringify`, read and built field by
//! field: far less wasm than serde's generated code for each type (Culture Matcher reads
//! its whole programme this way, and `HealthCheck` its answer, so that a public bundle
//! carries no `serde_json`). Reading is lenient: a missing or mistyped field is `None`.
//!
//! ```ignore
//! let health = json::parse(&text)?;
//! let version = json::string(&health, "version");
//! ```

use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::JsValue;

/// `GET url` (JSON; an `/api` path goes where [`crate::api::url`] says): the parsed body
/// of a successful answer; `None` when the server
/// cannot be reached, answers with an error, or sends no JSON. Like every read of
/// [`crate::api`], it sends no header of its own (a preloaded answer is taken only by a
/// request with the same headers).
pub async fn fetch(url: &str) -> Option<JsValue> {
    let response = gloo_net::http::Request::get(&crate::api::url(url))
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    parse(&response.text().await.ok()?)
}

/// Parses JSON text.
pub fn parse(text: &str) -> Option<JsValue> {
    JSON::parse(text).ok()
}

/// Writes a value as JSON text.
pub fn stringify(value: &JsValue) -> Option<String> {
    JSON::stringify(value).ok()?.as_string()
}

/// A new object with these fields.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// An array of these values.
pub fn array(values: impl IntoIterator<Item = JsValue>) -> JsValue {
    values.into_iter().collect::<Array>().into()
}

/// An array of strings.
pub fn strings(values: &[String]) -> JsValue {
    array(values.iter().map(|s| JsValue::from_str(s)))
}

/// A field of an object (`undefined` for anything else).
pub fn get(v: &JsValue, key: &str) -> JsValue {
    if !v.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A field that is there and not null.
pub fn present(v: &JsValue, key: &str) -> Option<JsValue> {
    let value = get(v, key);
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

pub fn string(v: &JsValue, key: &str) -> Option<String> {
    get(v, key).as_string()
}

pub fn boolean(v: &JsValue, key: &str) -> Option<bool> {
    get(v, key).as_bool()
}

/// A whole number within `min..=max`.
pub fn whole(v: &JsValue, key: &str, min: f64, max: f64) -> Option<f64> {
    let n = get(v, key).as_f64()?;
    (n.fract() == 0.0 && (min..=max).contains(&n)).then_some(n)
}

/// The items of an array field that read well (a missing field is an empty list).
pub fn list<T>(v: &JsValue, key: &str, read: impl Fn(&JsValue) -> Option<T>) -> Vec<T> {
    let value = get(v, key);
    if !Array::is_array(&value) {
        return Vec::new();
    }
    Array::from(&value)
        .iter()
        .filter_map(|item| read(&item))
        .collect()
}

/// An array field whose every item must read well.
pub fn all<T>(v: &JsValue, key: &str, read: impl Fn(&JsValue) -> Option<T>) -> Option<Vec<T>> {
    let value = get(v, key);
    if !Array::is_array(&value) {
        return None;
    }
    Array::from(&value).iter().map(|item| read(&item)).collect()
}
