//! Bieblo: children of 6-11 swipe theme pictures at the library kiosk and get a shelf of
//! books that stand in the library now, without typing. Pages: the start page for adults,
//! the kiosk, a child's list on a phone and the staff corner (see `route.rs`).

mod app;
mod components;
mod cover;
mod fetch;
mod focus;
mod hooks;
mod library;
mod listing;
mod pages;
mod qr;
mod route;
mod staff;
mod state;
mod url;

fn main() {
    yew::Renderer::<app::App>::new().render();
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
