//! Culture Matcher's back-office for cultural-centre staff, shipped as a bundle of its
//! own (`/culture-matcher/beheer/`) so the public app stays small. Behind the suite's
//! staff login: the centre's shows (imported and its own, which staff make and edit
//! here, and which take part in the swipe), where its programme comes from in UiTdatabank
//! (imported now or on the server's schedule), its venues' notes on getting there, and
//! the anonymous insight per show as a chart, a table and CSV.
//!
//! Every check of what staff type is the shared rule of `suite_domain` the server runs
//! as well; the pure pieces of this crate are tested in `tests.rs`.

mod app;
mod back_office;
mod dates;
mod insight;
mod programme_source;
mod show_form;
mod show_table;
mod shows;
#[cfg(test)]
mod tests;
mod upload;
mod venues;
mod view;

/// Starts the back-office, rendered into `<body>`.
pub fn run() {
    yew::Renderer::<app::StaffApp>::new().render();
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
