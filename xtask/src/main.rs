//! `cargo xtask <command>`: the project's commands.
//!
//! - `setup`: install the pinned tools (wasm target, wasm-bindgen-cli, trunk, wasm-opt,
//!   Chromium + chromedriver, axe-core), skipping what is already there.
//! - `build`: build the portal and every app (release) into `target/site`.
//! - `serve`: setup, build, then run the server with demo data on 127.0.0.1:8080.
//! - `test`: setup, fmt, clippy, native tests, browser unit tests, end-to-end tests.
//! - `bench`: sizes, time to ready and API load figures into `target/bench/`.

// The commands talk to the person at the terminal.
#![allow(clippy::print_stdout)]

mod build;
mod run;
mod setup;
mod site;

use std::process::ExitCode;

use run::Failure;

const USAGE: &str =
    "usage: cargo xtask <setup | build [app...] | serve | test | e2e [test args...] | bench>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::setup(setup::Needs::All).map(|_| ()),
        Some("build") => build::build(&args[1..]),
        Some("e2e") => build::e2e(&args[1..]),
        Some("serve") => build::serve(),
        Some("test") => build::test(),
        Some("bench") => build::bench(),
        _ => Err(Failure::new(USAGE)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("\nxtask: {failure}");
            ExitCode::FAILURE
        }
    }
}
