//! Small, panic-free helpers around the browser globals the components touch:
//! the root `<html>` element and `localStorage` (which may be missing or throw in
//! private browsing; then settings simply are not remembered).

use web_sys::{Element, Storage};

/// The `<html>` element of the page, if there is a document.
pub(crate) fn root_element() -> Option<Element> {
    web_sys::window()?.document()?.document_element()
}

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Reads a plain string from `localStorage`.
pub(crate) fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

/// Writes a plain string to `localStorage`; failures (quota, privacy mode) are ignored
/// because a setting that is not remembered is not worth bothering the user with.
pub(crate) fn store(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Sets an attribute on `<html>`.
pub(crate) fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = root_element() {
        let _ = root.set_attribute(name, value);
    }
}

/// Adds or removes a class on `<html>`.
pub(crate) fn toggle_root_class(class: &str, on: bool) {
    if let Some(root) = root_element() {
        let _ = root.class_list().toggle_with_force(class, on);
    }
}

/// Whether `<html>` has a class.
pub(crate) fn root_has_class(class: &str) -> bool {
    root_element().is_some_and(|root| root.class_list().contains(class))
}

/// Runs `work` after the browser's next paint (a frame callback, then a task), so that an
/// event handler can paint its immediate feedback first and leave the heavier update to
/// the next task: what keeps an interaction's latency (INP) low on a slow device. Without
/// a window (never in a browser) it runs at once.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let Some(window) = web_sys::window() else {
        work();
        return;
    };
    let task = Closure::once_into_js(work);
    let frame = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(task.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}
