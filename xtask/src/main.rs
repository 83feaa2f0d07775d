//! `cargo xtask <command>`: the project's commands.
//!
//! - `setup`: install the pinned tools (wasm target, wasm-bindgen-cli, trunk, wasm-opt,
//!   Chromium + chromedriver, axe-core, schemathesis, the fuzzing nightly, cargo-fuzz,
//!   cargo-deny), skipping what is already there.
//! - `build`: build the portal and every app (release) into `target/site`.
//! - `serve`: setup, build, then run the server with demo data on 127.0.0.1:8080.
//! - `dist`: one program, `target/dist/suite-server`: the production server carrying the
//!   built site.
//! - `export <dir>`: the public apps and the published data as plain files for a static
//!   host (`--api-base`, `--data-dir`).
//! - `test`: setup, fmt, cargo deny, clippy, a few seconds of each fuzz target, native
//!   tests, end-to-end tests, a short schemathesis run against the API, browser unit tests.
//! - `fuzz [seconds]`: every fuzz target for `seconds` (default 60) each.
//! - `bench`: sizes, time to ready, API load, crash, fuzz, schemathesis and ASVS figures
//!   into `target/bench/`.
//! - `schemathesis [max-examples]`: only the schemathesis run (default 50 examples per
//!   operation) against the demo server, on the site as last built.

// The commands talk to the person at the terminal.
#![allow(clippy::print_stdout)]

mod build;
mod checks;
mod deny;
mod dist;
mod fuzz;
mod run;
mod schemathesis;
mod setup;
mod site;
mod test_database;
mod wasm_loader;

use std::process::ExitCode;

use run::Failure;

const USAGE: &str = "usage: cargo xtask <setup | build [app...] | serve | dist | export <dir> | test | e2e [test args...] | fuzz [seconds] | bench | schemathesis [max-examples]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::setup(setup::Needs::All).map(|_| ()),
        Some("build") => build::build(&args[1..]),
        Some("e2e") => build::e2e(&args[1..]),
        Some("serve") => build::serve(),
        Some("dist") => dist::dist(),
        Some("export") => dist::export(&args[1..]),
        Some("test") => checks::test(),
        Some("fuzz") => checks::fuzz(args.get(1).map(String::as_str)),
        Some("bench") => checks::bench(),
        Some("schemathesis") => schemathesis::command(&args[1..]),
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
