//! Fuzzing the parsers of outside data (`fuzz/`, cargo-fuzz with libFuzzer): the test
//! command runs each target for a few seconds, `cargo xtask fuzz [seconds]` and the
//! bench for longer, and report executions and findings.
//!
//! The targets are built with the pinned nightly (cargo-fuzz needs one) into
//! `target/fuzz`, without a sanitizer: the code is safe Rust, so what a run looks for is
//! a panic, a hang (`-timeout`) or unbounded memory (`-rss_limit_mb`), and without
//! AddressSanitizer the build is faster and every second runs several times more inputs.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::{self, Failure, Result, output, root};

/// The nightly compiler the fuzz targets are built with (installs through rustup here).
pub(crate) const NIGHTLY: &str = "nightly-2026-10-01";
/// cargo-fuzz, built from crates.io (about 40 s).
pub(crate) const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// One input may take at most this long, and a run at most this much memory.
const TIMEOUT_SECS: u32 = 10;
const RSS_LIMIT_MB: u32 = 1024;

/// Each target with the seed folders of its corpus (real samples, see their PROVENANCE).
pub(crate) const TARGETS: [(&str, &str); 6] = [
    ("catalogue_xml", "tests/fixtures/catalogue"),
    ("catalogue_json", "tests/fixtures/catalogue"),
    ("uitdatabank", "tests/fixtures/uitdatabank"),
    ("uploads", "fuzz/seeds/pictures"),
    ("bibster_game", "tests/fixtures/bibster"),
    ("epub", "fuzz/seeds/epub"),
];

/// What one target's run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TargetRun {
    pub(crate) target: &'static str,
    pub(crate) seconds: u32,
    /// Inputs executed (libFuzzer's `Done N runs`).
    pub(crate) executions: u64,
    /// Inputs kept in the corpus after the run.
    pub(crate) corpus: usize,
    /// Why the run stopped early (panic, timeout, out of memory), with the input saved.
    pub(crate) finding: Option<String>,
}

/// Starts installing the nightly toolchain in the background when it is missing.
pub(crate) fn start_nightly_install() -> Result<Option<run::Background>> {
    if output(Command::new("rustup").args(["run", NIGHTLY, "rustc", "--version"])).is_some() {
        return Ok(None);
    }
    let logs = root().join("target/tools");
    std::fs::create_dir_all(&logs)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", logs.display())))?;
    run::spawn_logged(
        Command::new("rustup").args(["toolchain", "install", NIGHTLY, "--profile", "minimal"]),
        &logs.join("nightly-install.log"),
    )
    .map(Some)
}

/// Waits for the nightly's install (started by [`start_nightly_install`]) and installs
/// cargo-fuzz when missing.
pub(crate) fn install(nightly: Option<run::Background>) -> Result {
    match nightly {
        Some(job) => {
            job.wait()?;
            println!("    {NIGHTLY} installed");
        }
        None => println!("    {NIGHTLY} present"),
    }
    let want = format!("cargo-fuzz {CARGO_FUZZ_VERSION}");
    if output(Command::new(crate::setup::cargo_bin().join("cargo-fuzz")).arg("--version"))
        .as_deref()
        == Some(want.as_str())
    {
        println!("    {want} present");
    } else {
        println!("    installing {want} with cargo (about 40 s)…");
        crate::setup::cargo_install(
            "cargo-fuzz",
            CARGO_FUZZ_VERSION,
            true,
            crate::setup::Build::Quick,
        )?;
    }
    Ok(())
}

/// `cargo fuzz` with the nightly, whatever toolchain runs xtask.
fn cargo_fuzz() -> Command {
    let mut cmd = Command::new("rustup");
    cmd.args(["run", NIGHTLY, "cargo", "fuzz"])
        .current_dir(root().join("fuzz"))
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTFLAGS");
    cmd
}

fn fuzz_target_dir() -> PathBuf {
    root().join("target/fuzz")
}

/// Builds every target, then runs each for `seconds`; fails on the first finding.
pub(crate) fn run_all(seconds: u32) -> Result<Vec<TargetRun>> {
    let target_dir = fuzz_target_dir();
    run::run(
        cargo_fuzz()
            .args(["build", "--sanitizer", "none", "--target-dir"])
            .arg(&target_dir),
    )?;
    let mut runs = Vec::new();
    for (target, seeds) in TARGETS {
        let run = run_one(target, &root().join(seeds), seconds)?;
        println!("    {}", run.line());
        if let Some(finding) = &run.finding {
            return Err(Failure::new(format!(
                "fuzz target {target} found a problem: {finding}"
            )));
        }
        runs.push(run);
    }
    Ok(runs)
}

fn run_one(target: &'static str, seeds: &Path, seconds: u32) -> Result<TargetRun> {
    let corpus = fuzz_target_dir().join("corpus").join(target);
    let artifacts = fuzz_target_dir().join("artifacts").join(target);
    for dir in [&corpus, &artifacts] {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::new(format!("cannot create {}: {e}", dir.display())))?;
    }
    let out = cargo_fuzz()
        .args(["run", "--sanitizer", "none", "--target-dir"])
        .arg(fuzz_target_dir())
        .arg(target)
        .arg(&corpus)
        .arg(seeds)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-timeout={TIMEOUT_SECS}"))
        .arg(format!("-rss_limit_mb={RSS_LIMIT_MB}"))
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .arg("-print_final_stats=1")
        .output()
        .map_err(|e| Failure::new(format!("cannot start cargo fuzz: {e}")))?;
    let log = String::from_utf8_lossy(&out.stderr);
    let executions = executions_in(&log);
    let finding = if out.status.success() {
        None
    } else {
        Some(finding_in(&log).unwrap_or_else(|| {
            let tail: Vec<&str> = log.lines().rev().take(20).collect();
            format!(
                "exit {}; last lines:\n{}",
                out.status,
                tail.into_iter().rev().collect::<Vec<_>>().join("\n")
            )
        }))
    };
    let corpus_size = std::fs::read_dir(&corpus).map_or(0, |d| d.count());
    Ok(TargetRun {
        target,
        seconds,
        executions: executions.unwrap_or(0),
        corpus: corpus_size,
        finding,
    })
}

/// `Done 30225 runs in 11 second(s)` → 30225.
fn executions_in(log: &str) -> Option<u64> {
    log.lines().find_map(|line| {
        line.strip_prefix("Done ")?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    })
}

/// libFuzzer's own words for a finding (`ERROR: libFuzzer: deadly signal`, `timeout`,
/// `out-of-memory`), with the file it saved the input to.
fn finding_in(log: &str) -> Option<String> {
    let error = log
        .lines()
        .find(|l| l.contains("ERROR: libFuzzer:") || l.contains("panicked at"))?;
    let saved = log
        .lines()
        .find(|l| l.contains("Test unit written to"))
        .unwrap_or("(no input saved)");
    Some(format!("{} ({})", error.trim(), saved.trim()))
}

impl TargetRun {
    pub(crate) fn line(&self) -> String {
        format!(
            "{}: {} executions in {} s, corpus {} inputs, {}",
            self.target,
            self.executions,
            self.seconds,
            self.corpus,
            self.finding.as_deref().unwrap_or("no finding")
        )
    }
}

/// The bench report's section on fuzzing.
pub(crate) fn markdown(runs: &[TargetRun]) -> String {
    let mut md = String::from(
        "\n## Bad input (fuzzing)\n\n\
         cargo-fuzz (libFuzzer, no sanitizer: a panic, a hang over 10 s per input or more \
         than 1 GiB resident is a finding), seeded with the fixtures.\n\n\
         | Target | Seconds | Executions | Corpus | Findings |\n|---|---:|---:|---:|---|\n",
    );
    for run in runs {
        md.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            run.target,
            run.seconds,
            run.executions,
            run.corpus,
            run.finding.as_deref().unwrap_or("0")
        ));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libfuzzer_logs_are_read() {
        let done = "INFO: seed corpus: files: 12\n#30225\tDONE   cov: 1\nDone 30225 runs in 11 second(s)\n";
        assert_eq!(executions_in(done), Some(30225));
        assert_eq!(finding_in(done), None);
        let crash = "thread '<unnamed>' panicked at src/x.rs:3:5:\nboom\n\
                     ==1== ERROR: libFuzzer: deadly signal\n\
                     artifact_prefix='a/'; Test unit written to a/crash-12ab\n";
        let finding = finding_in(crash).expect("a finding");
        assert!(finding.contains("panicked at src/x.rs"), "{finding}");
        assert!(finding.contains("a/crash-12ab"), "{finding}");
        assert_eq!(executions_in(crash), None);
    }

    #[test]
    fn every_target_has_its_seeds_and_is_declared() {
        let manifest = std::fs::read_to_string(root().join("fuzz/Cargo.toml")).expect("manifest");
        for (target, seeds) in TARGETS {
            assert!(
                manifest.contains(&format!("name = \"{target}\"")),
                "{target} is not a [[bin]] of fuzz/Cargo.toml"
            );
            let count = std::fs::read_dir(root().join(seeds)).map_or(0, |d| d.count());
            assert!(count > 0, "{seeds} has no seeds");
        }
    }
}
