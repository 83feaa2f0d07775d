//! Culture Matcher: a young person (16-25) swipes trailers of five shows of their
//! cultural centre, gets three suggestions made for them (ticket link, save, share),
//! browses the whole programme with filters, and after a saved show tells in a short
//! chat how it was. No account: saved shows stay in the browser; the centre only gets
//! anonymous counts. Pages: see `route.rs`; the choosing is `suite_domain`'s.

mod app;
mod centre;
mod components;
mod data;
mod json;
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

fn main() {
    yew::Renderer::<app::App>::new().render();
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
