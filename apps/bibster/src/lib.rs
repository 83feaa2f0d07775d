//! Bibster's team app (`/bibster/`, the public bundle): a team joins a running game by
//! its code (`?code=` from the big screen's QR code, or typed), then plays a Story
//! (chapters and their tasks along the path its answers choose) or a Quest (spots on a
//! floor plan, some locked until others are done), on the server's clock. Answers are
//! kept on the device until the server confirms them; the leader's messages and the end
//! of the game come live.
//!
//! `state` holds the reducer, `rules` the pure rules (path, spots, countdown, retries),
//! `codec` the JSON shapes read through the browser (no `serde_json` in this bundle),
//! `net` the calls, `store` what the device keeps, `hooks` the effects, `pages` the
//! screens and `components` their parts; `scan` is the scan page's own bundle (the
//! camera reads a task's QR code with `rqrr`).

mod app;
mod codec;
mod components;
mod hooks;
mod net;
mod pages;
mod rules;
mod scan;
mod state;
mod store;

/// Renders the app into `<body>`.
pub fn run() {
    yew::Renderer::<app::App>::new().render();
}

/// Renders the scan page (`scan.html`, a bundle of its own) into `<body>`.
pub fn run_scan() {
    yew::Renderer::<ScanFrame>::new().render();
}

/// The scan page in the app's shell.
#[yew::function_component]
fn ScanFrame() -> yew::Html {
    yew::html! {
        <suite_ui::AppShell title={suite_domain::i18n::Msg::BibTeamTitle}>
            <scan::ScanPage />
        </suite_ui::AppShell>
    }
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
