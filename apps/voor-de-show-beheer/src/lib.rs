//! Voor de Show's back-office, shipped as a bundle of its own (`/voor-de-show/beheer/`)
//! so the game stays small. Behind the suite's staff login: a centre's staff invite
//! theatre companies (the one-time link to pass on), see their companies' shows, link
//! them to school performances, publish them with class codes and links, and read the
//! figures (chart, table, CSV); a company's staff keep their shows (every field of the
//! show data, checked by the same rule as the server, the server's refusal at its
//! field), their uploads, and a preview of the game with each fallback marked.
//!
//! The pure pieces (`rules`) are tested in the browser in `tests.rs`.

mod app;
mod companies;
mod figures;
mod office;
mod performances;
mod preview;
mod rules;
mod show_form;
mod shows;
#[cfg(test)]
mod tests;
mod uploads;

/// Starts the back-office, rendered into `<body>`.
pub fn run() {
    yew::Renderer::<app::StaffApp>::new().render();
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
