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

/// How long after the page's load [`after_first_view`] waits.
const FIRST_VIEW_MS: u32 = 2_000;

/// Runs `work` two seconds after the page's load (at once without a window): for work
/// the first view does not need (a service worker's registration, tidying caches),
/// which would otherwise take turns with it on a slow device's one busy thread. The
/// load alone is too early: an app's wasm and its first calls do not hold it back.
pub fn after_first_view(work: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let Some((window, document)) = web_sys::window().and_then(|w| Some((w.clone(), w.document()?)))
    else {
        work();
        return;
    };
    let task = Closure::once_into_js(work);
    let wait = move || {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                task.unchecked_ref(),
                FIRST_VIEW_MS as i32,
            );
        }
    };
    if document.ready_state() == "complete" {
        wait();
        return;
    }
    // Called once: `load` comes once in a page's life.
    let loaded = Closure::once_into_js(wait);
    let _ = window.add_event_listener_with_callback("load", loaded.unchecked_ref());
}
