//! `throwaway-postgres`: starts the throwaway PostgreSQL server (see the crate), creates
//! a fresh database on it, prints its URL as the first line of stdout, and keeps the
//! server until its standard input closes; then the crate's watchdog stops the server
//! and removes its folder. `cargo xtask test` runs its schemathesis step on it when
//! `SUITE_TEST_DATABASE=postgres`.

use std::io::{Read, Write};
use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match test_postgres::try_fresh_database().await {
        Ok(url) => {
            let mut out = std::io::stdout();
            if writeln!(out, "{url}").and_then(|()| out.flush()).is_err() {
                return ExitCode::FAILURE;
            }
            let mut rest = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut rest);
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
