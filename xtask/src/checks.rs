//! The project's checking commands: `test` (everything CI checks), `fuzz` and `bench`
//! (the measured report), on top of the builds of [`crate::build`].

use std::path::PathBuf;

use suite_domain::apps::APPS;

use crate::build::{NO_BROWSER_TESTS, WASM_CRATES, build_site, e2e_command, server_binary};
use crate::run::{self, Result, Steps, cargo, root};
use crate::schemathesis;
use crate::setup::{Needs, setup};
use crate::site;
use crate::test_database::TestDatabase;

/// schemathesis' examples per operation in `test` (well under a minute) and in `bench`.
const SCHEMATHESIS_TEST_EXAMPLES: u32 = 5;
const SCHEMATHESIS_BENCH_EXAMPLES: u32 = 50;
/// Seconds each fuzz target runs in `test`, in `bench` and by default in `fuzz`.
const FUZZ_TEST_SECONDS: u32 = 5;
const FUZZ_BENCH_SECONDS: u32 = 120;
const FUZZ_DEFAULT_SECONDS: u32 = 60;

/// `cargo xtask test`: everything CI checks, in order of speed.
pub(crate) fn test() -> Result {
    // Checked first: a typo in it should not wait for the whole build.
    let database = TestDatabase::chosen()?;
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    run::check_disk(&target)?;
    let tools = setup(Needs::All)?;
    let mut steps = Steps::new("test", 8 + 2 + APPS.len());

    steps.step("cargo fmt --check");
    run::run(cargo().args(["fmt", "--all", "--check"]))?;

    steps.step("cargo deny (licences, banned and duplicate crates, sources)");
    crate::deny::check()?;

    steps.step("clippy (native crates), warnings are errors");
    let mut native = cargo();
    native.args(["clippy", "--workspace", "--all-targets", "--locked"]);
    for krate in WASM_CRATES {
        native.args(["--exclude", krate]);
    }
    run::run(native.args(["--", "-D", "warnings"]))?;

    steps.step("clippy (wasm crates), warnings are errors");
    let mut wasm = cargo();
    wasm.args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--locked",
    ]);
    for krate in WASM_CRATES {
        wasm.args(["--package", krate]);
    }
    run::run(wasm.args(["--", "-D", "warnings"]))?;

    steps.step(&format!(
        "fuzz every parser of outside data for {FUZZ_TEST_SECONDS} s each ({})",
        crate::fuzz::NIGHTLY
    ));
    crate::fuzz::run_all(FUZZ_TEST_SECONDS)?;

    build_site(&tools, &mut steps)?;

    // The native tests and the end-to-end tests in one cargo run: the crates they share
    // (the whole server) are built once, with one set of features.
    steps.step(&format!(
        "native unit and integration tests (store tests on SQLite and PostgreSQL), and \
         end-to-end tests (real server on {}, headless Chromium)",
        database.name()
    ));
    run::run(e2e_command(&tools).args([
        "--package",
        "suite-domain",
        "--package",
        "suite-import",
        "--package",
        "static-api",
        "--package",
        "xtask",
        // The game's logic as a bevy app without a window (its screens, pacing, sound
        // cues and a show's version), built natively: bevy without winit.
        "--package",
        "voor-de-show",
    ]))?;

    steps.step(&format!(
        "schemathesis against the demo server's API on {}, short (at most {SCHEMATHESIS_TEST_EXAMPLES} examples per operation)",
        database.name()
    ));
    let server_database = database.server_database()?;
    let outcome = schemathesis::run(
        schemathesis::Binary::Tested,
        SCHEMATHESIS_TEST_EXAMPLES,
        server_database.as_ref().map(|d| d.url.as_str()),
    )?;
    drop(server_database);
    println!("    {}", outcome.line());
    if !outcome.clean() {
        return Err(run::Failure::new(format!(
            "schemathesis found bad answers (see its output above): {}",
            outcome.line()
        )));
    }

    let tested: Vec<&str> = WASM_CRATES
        .into_iter()
        .filter(|c| !NO_BROWSER_TESTS.contains(c))
        .collect();
    steps.step(&format!(
        "browser unit tests (wasm-bindgen-test in headless Chromium: {})",
        tested.join(", ")
    ));
    let mut browser = cargo();
    browser.env("PATH", &tools.path).args([
        "test",
        "--locked",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    for krate in tested {
        browser.args(["--package", krate]);
    }
    if let Some(driver) = &tools.chromedriver {
        browser.env("CHROMEDRIVER", driver);
    }
    run::run(&mut browser)?;
    steps.finish();
    Ok(())
}

/// `cargo xtask fuzz [seconds]`: every target for `seconds` each, then the figures.
pub(crate) fn fuzz(seconds: Option<&str>) -> Result {
    let seconds = match seconds {
        None => FUZZ_DEFAULT_SECONDS,
        Some(text) => text.parse().ok().filter(|s| *s > 0).ok_or_else(|| {
            run::Failure::new(format!(
                "seconds must be a whole number above 0, not {text:?}"
            ))
        })?,
    };
    crate::fuzz::install(crate::fuzz::start_nightly_install()?)?;
    let runs = crate::fuzz::run_all(seconds)?;
    println!("{}", crate::fuzz::markdown(&runs));
    Ok(())
}

/// `cargo xtask bench`: writes `target/bench/report.md` and `report.json`.
pub(crate) fn bench() -> Result {
    let tools = setup(Needs::Bench)?;
    let mut steps = Steps::new("bench", 7 + APPS.len());
    build_site(&tools, &mut steps)?;
    steps.step("crash test: 1,000 rounds of SIGKILL under a write load (about 15 min)");
    let crash = run::output_and_errors(cargo().env("SUITE_CRASH_ROUNDS", "1000").args([
        "test",
        "--locked",
        "--profile",
        "server",
        "--package",
        "static-api",
        "--test",
        "it",
        "crash::",
        "--",
        "--nocapture",
    ]));
    let crash_summary = crash
        .lines()
        .find(|l| l.starts_with("crash rounds:"))
        .map(str::to_string)
        .unwrap_or_else(|| "FAILED (see the output above)".to_string());
    println!("    {crash_summary}");
    steps.step("server binary for the hardening figures");
    let server_bin = server_binary()?;
    steps.step(&format!(
        "schemathesis against the demo server's API (at most {SCHEMATHESIS_BENCH_EXAMPLES} examples per operation)"
    ));
    // Reported, not asserted (as every bench figure): a failed run is in the report.
    let schemathesis_md = root().join("target/bench/schemathesis.md");
    let section = match schemathesis::run(
        schemathesis::Binary::Bench,
        SCHEMATHESIS_BENCH_EXAMPLES,
        None,
    ) {
        Ok(outcome) => {
            println!("    {}", outcome.line());
            outcome.markdown()
        }
        Err(e) => format!("\n## Bad input (schemathesis)\n\nNot measured: {e}\n"),
    };
    std::fs::create_dir_all(root().join("target/bench"))
        .and_then(|()| std::fs::write(&schemathesis_md, section))
        .map_err(|e| {
            run::Failure::new(format!("cannot write {}: {e}", schemathesis_md.display()))
        })?;
    steps.step(&format!(
        "fuzz every parser of outside data for {FUZZ_BENCH_SECONDS} s each"
    ));
    let fuzz_md = root().join("target/bench/fuzz.md");
    let section = match crate::fuzz::run_all(FUZZ_BENCH_SECONDS) {
        Ok(runs) => crate::fuzz::markdown(&runs),
        Err(e) => format!("\n## Bad input (fuzzing)\n\nFAILED: {e}\n"),
    };
    std::fs::write(&fuzz_md, section)
        .map_err(|e| run::Failure::new(format!("cannot write {}: {e}", fuzz_md.display())))?;
    steps.step("measure (sizes, time to ready, API load, hardening)");
    let mut cmd = cargo();
    cmd.env("PATH", &tools.path)
        .env("SUITE_SITE_DIR", site::site_dir())
        .env("SUITE_SERVER_BIN", &server_bin)
        .env("SUITE_CRASH_SUMMARY", &crash_summary)
        .env("SUITE_SCHEMATHESIS_REPORT", &schemathesis_md)
        .env("SUITE_FUZZ_REPORT", &fuzz_md)
        .args([
            "run",
            "--locked",
            "--profile",
            "server",
            "--package",
            "e2e",
            "--bin",
            "bench",
            "--",
        ])
        .arg(root().join("target/bench"));
    if let Some(driver) = &tools.chromedriver {
        cmd.env("CHROMEDRIVER", driver);
    }
    run::run(&mut cmd)?;
    steps.finish();
    Ok(())
}
