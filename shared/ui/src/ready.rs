//! The readiness contract: every app sets `data-ready="true"` on `<html>` once its first
//! usable screen is rendered; end-to-end tests and kiosk watchdogs wait for it.

use yew::prelude::*;

use crate::dom;

/// Sets `data-ready="true"` on `<html>`.
pub fn mark_ready() {
    dom::set_root_attribute("data-ready", "true");
}

/// Calls [`mark_ready`] after the render in which `ready` is first true.
#[hook]
pub fn use_mark_ready(ready: bool) {
    use_effect_with(ready, |&ready| {
        if ready {
            mark_ready();
        }
    });
}
