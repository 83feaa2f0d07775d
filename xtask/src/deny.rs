//! `cargo deny check` with the project's `deny.toml`: licences, banned crates, duplicate
//! versions and sources; advisories too when the RustSec database is on the machine.

use std::path::PathBuf;
use std::process::Command;

use crate::run::{self, Result, output, root};

/// cargo-deny, built from crates.io (about 3 minutes).
pub(crate) const CARGO_DENY_VERSION: &str = "0.20.2";

/// Installs cargo-deny when missing.
pub(crate) fn install() -> Result {
    let want = format!("cargo-deny {CARGO_DENY_VERSION}");
    if output(Command::new(crate::setup::cargo_bin().join("cargo-deny")).arg("--version"))
        .as_deref()
        == Some(want.as_str())
    {
        println!("    {want} present");
        return Ok(());
    }
    println!("    installing {want} with cargo (about 3 minutes)…");
    crate::setup::cargo_install(
        "cargo-deny",
        CARGO_DENY_VERSION,
        true,
        crate::setup::Build::Quick,
    )
}

/// Where cargo-deny keeps the advisory database it fetched (from GitHub).
fn advisory_dbs() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    home.join("advisory-dbs")
}

/// Runs the checks; the advisories only with a database at hand (never fetched here).
pub(crate) fn check() -> Result {
    // The crates first, from the registry (on a fresh machine cargo has none yet); then
    // `--frozen`: the lock file as it is, and nothing else fetched from the network.
    run::run(run::cargo().args(["fetch", "--locked"]))?;
    let mut cmd = Command::new(crate::setup::cargo_bin().join("cargo-deny"));
    cmd.current_dir(root()).args(["--frozen", "check"]);
    if advisory_dbs().is_dir() {
        cmd.arg("advisories");
    } else {
        println!(
            "    advisories not checked: no RustSec database in {} (it comes from GitHub)",
            advisory_dbs().display()
        );
    }
    run::run(cmd.args(["licenses", "bans", "sources"]))
}
