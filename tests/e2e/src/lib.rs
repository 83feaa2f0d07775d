//! End-to-end harness: the real server on an ephemeral loopback port with a temporary
//! SQLite database, and headless Chromium driven over WebDriver (chromedriver).
//!
//! Helpers are split as find (locate), act (do), check (read state) in [`Browser`].

pub mod asvs;
pub mod bibster_load;
mod browser;
pub mod conformance;
pub mod cpu_profile;
pub mod game_bench;
pub mod hardening;
pub mod interactions;
pub mod member;
pub mod mixed_load;
pub mod open_loop;
pub mod reader_bench;
mod server;

pub use browser::{Browser, Cdp, LogEntry, WAIT};
pub use server::{TestServer, server_program, site_dir};

/// Demo accounts the tests log in with (created by the server's demo seed).
pub const WETTEREN: (&str, &str) = ("bib.wetteren@demo.invalid", "demo-wetteren-2026");
pub const GENT: (&str, &str) = ("bib.gent@demo.invalid", "demo-gent-2026");

/// Errors of the harness, as text: a test fails with it.
pub type Result<T> = std::result::Result<T, String>;

/// A bench's run count: `variable` when it holds a number above 0 (more runs for a
/// steadier median while working on one app), else `default`.
pub(crate) fn run_count(variable: &str, default: usize) -> usize {
    std::env::var(variable)
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

/// Milliseconds for a bench report: `1234 ms`, or `n/a` when not measured.
pub fn ms(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".into(), |v| format!("{v:.0} ms"))
}

/// Bytes as kilobytes for a bench report: `12.3 KB`.
pub fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}
