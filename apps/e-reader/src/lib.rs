//! E-reader (`/e-reader/`): members log in with their library card and PIN, borrow
//! e-books of the shared collection under single-use licences, and read them in the
//! browser: each document of the book in a sandboxed frame without scripts, in pages
//! (CSS columns) or as one scroll, with the position kept on the server.
//!
//! `rules` holds the pure rules (address, page arithmetic, settings), `codec` the JSON
//! shapes read through the browser (no `serde_json` in this bundle), `net` the calls,
//! `state` the reducer, `pages` the screens and `reader` the reading view's parts.

mod app;
mod codec;
mod net;
mod offline;
mod pages;
mod reader;
mod rules;
mod state;

/// Renders the app into `<body>`; at `/e-reader/beheer` the suite's staff page (the
/// default frame of `suite_ui::run_app`).
pub fn run() {
    if suite_ui::is_staff_path(&suite_ui::history::path()) {
        suite_ui::run_app("e-reader");
    } else {
        yew::Renderer::<app::App>::new().render();
    }
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
