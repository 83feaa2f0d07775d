//! Bieblo: children of 6-11 swipe theme pictures at the library kiosk and get a shelf of
//! books that stand in the library now, without typing. Pages: the start page for adults,
//! the kiosk, a child's list on a phone (see `route.rs`) and the staff corner, which ships
//! as a bundle of its own (the two binaries call [`run_kiosk`] and [`run_staff`]).

mod app;
mod components;
mod cover;
mod fetch;
mod focus;
mod hooks;
mod library;
mod listing;
mod pages;
mod route;
mod staff;
mod state;
mod url;

/// Starts the kiosk bundle: every page but the staff corner.
pub fn run_kiosk() {
    yew::Renderer::<app::App>::new().render();
}

/// Starts the staff bundle: the staff corner only.
pub fn run_staff() {
    yew::Renderer::<app::StaffApp>::new().render();
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
