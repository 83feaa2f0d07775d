//! The e-reader's back-office, shipped as a bundle of its own (`/e-reader/beheer/`) so
//! the members' reader stays small. Behind the suite's staff login: the service admin
//! manages the shared collection (uploads an EPUB and reads the Dutch report of a broken
//! one, sets each title's licences by hand or back to the population rule and whether
//! it may be downloaded), sees the participating libraries with their population, and
//! reads the statistics per title (a bar chart with the table beside it, and CSV); the
//! staff of a participating library see the statistics only.
//!
//! The pure pieces (`rules`) are tested in the browser in `tests.rs`.

mod app;
mod collection;
mod libraries;
mod office;
mod rules;
mod stats;
#[cfg(test)]
mod tests;
mod title_edit;

/// Starts the back-office, rendered into `<body>`.
pub fn run() {
    yew::Renderer::<app::StaffApp>::new().render();
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
