//! Browser tests of the shared components: each test renders into a fresh element of a
//! real page in headless Chromium and checks the DOM. Run with
//! `cargo test -p suite-ui --target wasm32-unknown-unknown`.

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

mod api;
mod deck;
mod forms;
mod frame;
mod org_choice;
mod shell;
mod states;
mod style;
mod support;
mod views;
