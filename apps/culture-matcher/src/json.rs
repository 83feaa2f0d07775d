//! JSON through the browser's own `JSON.parse`/`JSON.stringify`, read and built field by
//! field: far less wasm than serde's generated code for each type (see
//! `programme_json.rs`). Reading is lenient: a missing or mistyped field is `None`.

use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::JsValue;

/// Parses JSON text.
pub(crate) fn parse(text: &str) -> Option<JsValue> {
    JSON::parse(text).ok()
}

/// Writes a value as JSON text.
pub(crate) fn stringify(value: &JsValue) -> Option<String> {
    JSON::stringify(value).ok()?.as_string()
}

/// A new object with these fields.
pub(crate) fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// An array of these values.
pub(crate) fn array(values: impl IntoIterator<Item = JsValue>) -> JsValue {
    values.into_iter().collect::<Array>().into()
}

/// An array of strings.
pub(crate) fn strings(values: &[String]) -> JsValue {
    array(values.iter().map(|s| JsValue::from_str(s)))
}

/// A field of an object (`undefined` for anything else).
pub(crate) fn get(v: &JsValue, key: &str) -> JsValue {
    if !v.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A field that is there and not null.
pub(crate) fn present(v: &JsValue, key: &str) -> Option<JsValue> {
    let value = get(v, key);
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

pub(crate) fn string(v: &JsValue, key: &str) -> Option<String> {
    get(v, key).as_string()
}

pub(crate) fn boolean(v: &JsValue, key: &str) -> Option<bool> {
    get(v, key).as_bool()
}

/// A whole number within `min..=max`.
pub(crate) fn whole(v: &JsValue, key: &str, min: f64, max: f64) -> Option<f64> {
    let n = get(v, key).as_f64()?;
    (n.fract() == 0.0 && (min..=max).contains(&n)).then_some(n)
}

/// The items of an array field that read well (a missing field is an empty list).
pub(crate) fn list<T>(v: &JsValue, key: &str, read: impl Fn(&JsValue) -> Option<T>) -> Vec<T> {
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
pub(crate) fn all<T>(
    v: &JsValue,
    key: &str,
    read: impl Fn(&JsValue) -> Option<T>,
) -> Option<Vec<T>> {
    let value = get(v, key);
    if !Array::is_array(&value) {
        return None;
    }
    Array::from(&value).iter().map(|item| read(&item)).collect()
}
