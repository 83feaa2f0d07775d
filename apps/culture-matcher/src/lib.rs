//! Culture Matcher: a young person (16-25) swipes trailers of five shows of their
//! cultural centre, gets three suggestions made for them (ticket link, save, share),
//! browses the whole programme with filters, and after a saved show tells in a short
//! chat how it was. No account: saved shows stay in the browser; the centre only gets
//! anonymous counts. Pages: see `route.rs`; the choosing is `suite_domain`'s.
//!
//! Three bundles share this library: the main one (`src/main.rs`: choosing a centre, the
//! swipe, a show), the whole programme with its filters (`src/bin/programma.rs`, served at
//! `/culture-matcher/programma`) and the saved shows with the after-show chats
//! (`src/bin/bewaard.rs`, at `/culture-matcher/bewaard`), so that the first download
//! carries neither filters nor chat. Moving between them is a full page load; the
//! browser's local storage is common to all.

mod app;
mod centre;
mod components;
mod data;
mod matcher;
mod nav;
mod pages;
mod present;
mod programme_json;
mod report;
mod route;
mod store;
mod time;
mod url;

/// Starts the main bundle: choosing a centre, the swipe and the show pages.
pub fn run_main() {
    yew::Renderer::<app::App<app::MainBundle>>::new().render();
}

/// Starts the bundle of the whole programme.
pub fn run_programme() {
    yew::Renderer::<app::App<app::ProgrammeBundle>>::new().render();
}

/// Starts the bundle of the saved shows and the after-show chats.
pub fn run_saved() {
    yew::Renderer::<app::App<app::SavedBundle>>::new().render();
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
