//! schemathesis (PyPI) against the OpenAPI document of the running demo server: every
//! operation, logged in as the demo admin (the session operations left out, so the
//! session lives), `--checks all`: no 5xx, every status and body as documented, every
//! schema-valid request taken and every schema-invalid one refused. The exceptions (rules
//! a schema cannot say) are in `xtask/schemathesis.toml`, each with its reason.
//!
//! `cargo xtask test` runs a short round and fails on any failure; `cargo xtask bench`
//! runs a fuller one into `target/bench/schemathesis.md`, which the report includes.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::run::{self, Failure, Result, output, root};
use crate::setup::{apt_install, tools_dir};
use crate::site;

/// The schemathesis release measured to work here (see `../shared/TOOLCHAIN.md`).
pub(crate) const SCHEMATHESIS_VERSION: &str = "4.32.5";

/// The demo admin of `static-api/src/demo.rs` (published demo credentials).
const DEMO_ADMIN: (&str, &str) = ("admin@demo.invalid", "demo-admin-2026");

/// The virtual environment schemathesis is installed in.
fn venv() -> PathBuf {
    tools_dir().join("venv")
}

fn program() -> PathBuf {
    venv().join("bin/schemathesis")
}

/// Installs schemathesis into its own virtual environment when it is not there at the
/// pinned version (under a minute); says where it is.
pub(crate) fn install() -> Result {
    let want = format!("version {SCHEMATHESIS_VERSION}");
    if output(Command::new(program()).arg("--version")).is_some_and(|v| v.contains(&want)) {
        println!("    present in {}", venv().display());
        return Ok(());
    }
    if output(Command::new("python3").args(["-m", "venv", "--help"])).is_none() {
        apt_install(&["python3", "python3-venv"], "Python 3 with venv")?;
    }
    println!(
        "    installing schemathesis {SCHEMATHESIS_VERSION} with pip into {} (under a minute)…",
        venv().display()
    );
    run::run(Command::new("python3").args(["-m", "venv"]).arg(venv()))?;
    run::run(
        Command::new(venv().join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .arg(format!("schemathesis=={SCHEMATHESIS_VERSION}")),
    )?;
    if output(Command::new(program()).arg("--version")).is_some_and(|v| v.contains(&want)) {
        Ok(())
    } else {
        Err(Failure::new(format!(
            "schemathesis {SCHEMATHESIS_VERSION} missing in {} after pip install",
            venv().display()
        )))
    }
}

/// What one run found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Outcome {
    pub(crate) max_examples: u32,
    /// Test cases generated (and sent).
    pub(crate) cases: u64,
    /// Operations tested, of those in the document.
    pub(crate) operations_tested: u64,
    pub(crate) operations_total: u64,
    /// Unique failures (undocumented status, 5xx, schema mismatch, ...).
    pub(crate) failures: u64,
    /// Errors of the run itself (e.g. a case schemathesis could not generate).
    pub(crate) errors: u64,
    /// schemathesis' exit status was success.
    pub(crate) passed: bool,
    pub(crate) seconds: u64,
    /// The seed, to run the same cases again (`--seed`).
    pub(crate) seed: Option<String>,
}

impl Outcome {
    /// Passed with nothing found.
    pub(crate) fn clean(&self) -> bool {
        self.passed && self.failures == 0 && self.errors == 0 && self.cases > 0
    }

    /// One line for the terminal.
    pub(crate) fn line(&self) -> String {
        format!(
            "{} test cases on {}/{} operations (max {} examples each) in {} s: {} failures, {} errors{}",
            self.cases,
            self.operations_tested,
            self.operations_total,
            self.max_examples,
            self.seconds,
            self.failures,
            self.errors,
            self.seed
                .as_ref()
                .map(|s| format!(" (seed {s})"))
                .unwrap_or_default()
        )
    }

    /// The bench report's section.
    pub(crate) fn markdown(&self) -> String {
        format!(
            "\n## Bad input (schemathesis {SCHEMATHESIS_VERSION} against `/api/openapi.json`)\n\n\
             The demo server (the bench's binary), logged in as the demo admin, every operation \
             but the session's, `--checks all`, at most {} examples per operation; the \
             exceptions are in `xtask/schemathesis.toml`.\n\n\
             | test cases | operations | failures | errors | time |\n|---|---|---|---|---|\n\
             | {} | {}/{} | **{}** | {} | {} s |\n{}",
            self.max_examples,
            self.cases,
            self.operations_tested,
            self.operations_total,
            self.failures,
            self.errors,
            self.seconds,
            self.seed
                .as_ref()
                .map(|s| format!("\nSeed {s}.\n"))
                .unwrap_or_default()
        )
    }
}

/// Reads schemathesis' summary (`NO_COLOR` output).
fn parse(text: &str, max_examples: u32, passed: bool, seconds: u64) -> Outcome {
    let number_before = |line: &str, word: &str| -> u64 {
        let words: Vec<&str> = line.split_whitespace().collect();
        words
            .iter()
            .position(|w| w.trim_end_matches(',') == word)
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| words[i].parse().ok())
            .unwrap_or(0)
    };
    let mut lines = text.lines().map(str::trim);
    let mut outcome = Outcome {
        max_examples,
        cases: 0,
        operations_tested: 0,
        operations_total: 0,
        failures: 0,
        errors: 0,
        passed,
        seconds,
        seed: None,
    };
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("Selected:") {
            outcome.operations_total = rest
                .trim()
                .split('/')
                .nth(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
        } else if let Some(rest) = line.strip_prefix("Tested:") {
            outcome.operations_tested = rest.trim().parse().unwrap_or(0);
        } else if line == "Test cases:" {
            // `1278 generated, 8 found 8 unique failures` or `1375 generated, 1375 passed`.
            let counts = lines.next().unwrap_or_default();
            outcome.cases = number_before(counts, "generated");
            outcome.failures = number_before(counts, "unique");
        } else if let Some(seed) = line.strip_prefix("Seed:") {
            outcome.seed = Some(seed.trim().to_string());
        } else if line.starts_with("===") && line.contains(" in ") {
            // The closing line: `=== 8 failures, 1 warning in 21.23s ===`.
            outcome.failures = outcome
                .failures
                .max(number_before(line, "failures").max(number_before(line, "failure")));
            outcome.errors = number_before(line, "errors").max(number_before(line, "error"));
        }
    }
    outcome
}

/// The demo server in a process of its own, stopped (and its data removed) when dropped.
struct DemoServer {
    child: Child,
    port: u16,
    data: PathBuf,
}

impl Drop for DemoServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.data);
    }
}

/// One HTTP/1.1 request on a fresh loopback connection: status, head and body.
fn request(
    port: u16,
    method: &str,
    path: &str,
    json: &str,
) -> std::io::Result<(u16, String, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{json}",
        json.len()
    )?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Ok((status, head.to_string(), body.to_string()))
}

impl DemoServer {
    fn start(binary: &Path, work: &Path, database_url: Option<&str>) -> Result<DemoServer> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .map_err(|e| Failure::new(format!("no free loopback port: {e}")))?;
        let data = work.join(format!("data-{port}"));
        let _ = std::fs::remove_dir_all(&data);
        let log = std::fs::File::create(work.join("server.log"))
            .map_err(|e| Failure::new(format!("cannot write the server log: {e}")))?;
        let mut command = Command::new(binary);
        command.env_remove("DATABASE_URL");
        if let Some(url) = database_url {
            command.env("DATABASE_URL", url);
        }
        let child = command
            .arg("--data-dir")
            .arg(&data)
            .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
            .arg("--site-dir")
            .arg(site::site_dir())
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| Failure::new(format!("cannot start {}: {e}", binary.display())))?;
        let server = DemoServer { child, port, data };
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(30) {
            if matches!(request(port, "GET", "/api/health", ""), Ok((200, ..))) {
                return Ok(server);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(Failure::new(format!(
            "the demo server did not answer /api/health within 30 s (log: {})",
            work.join("server.log").display()
        )))
    }

    /// Logs in as the demo admin: the session cookie (`name=value`) and the CSRF token.
    fn login(&self) -> Result<(String, String)> {
        let (email, password) = DEMO_ADMIN;
        let (status, head, body) = request(
            self.port,
            "POST",
            "/api/session",
            &format!(r#"{{"email":"{email}","password":"{password}"}}"#),
        )
        .map_err(|e| Failure::new(format!("login to the demo server: {e}")))?;
        let cookie = head
            .lines()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("set-cookie").then(|| {
                    value
                        .trim()
                        .split(';')
                        .next()
                        .unwrap_or_default()
                        .to_string()
                })
            })
            .filter(|c| !c.is_empty());
        let csrf = body
            .split_once(r#""csrf_token":""#)
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(token, _)| token.to_string());
        match (status, cookie, csrf) {
            (200, Some(cookie), Some(csrf)) => Ok((cookie, csrf)),
            _ => Err(Failure::new(format!(
                "login as the demo admin failed ({status}): {body}"
            ))),
        }
    }
}

/// Which server binary to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Binary {
    /// `target/debug/static-api`, as the native tests just built it (`cargo xtask test`).
    Tested,
    /// `target/server/static-api`, built here as the bench builds it.
    Bench,
}

/// Starts the server with demo data on a free loopback port, logs in and runs
/// schemathesis with at most `max_examples` cases per operation; returns what it found
/// (a failure of the run is in the outcome, not an `Err`: the caller decides).
/// Runs schemathesis against the demo server `binary`, on SQLite or, with
/// `database_url`, PostgreSQL.
pub(crate) fn run(
    binary: Binary,
    max_examples: u32,
    database_url: Option<&str>,
) -> Result<Outcome> {
    let binary = match binary {
        Binary::Tested => root().join("target/debug/static-api"),
        Binary::Bench => crate::build::server_binary()?,
    };
    if !binary.is_file() {
        return Err(Failure::new(format!(
            "{} is missing: build the server first",
            binary.display()
        )));
    }
    if !program().is_file() {
        return Err(Failure::new(format!(
            "schemathesis is not installed in {} (run `cargo xtask setup`)",
            venv().display()
        )));
    }
    let work = root().join("target/schemathesis");
    std::fs::create_dir_all(&work)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", work.display())))?;
    let server = DemoServer::start(&binary, &work, database_url)?;
    let (cookie, csrf) = server.login()?;
    let started = Instant::now();
    let out = Command::new(program())
        .current_dir(&work)
        .env("NO_COLOR", "1")
        .arg("--config-file")
        .arg(root().join("xtask/schemathesis.toml"))
        .arg("run")
        .arg(format!("http://127.0.0.1:{}/api/openapi.json", server.port))
        // The logout would end the run's session; the live events' stream never ends (its
        // own tests read it: static-api's `instances`); a centre's "import now" fetches
        // the source the run saved, an address elsewhere (its tests use a stand-in:
        // static-api's `programme_source`).
        .args(["--exclude-path", "/api/session"])
        .args([
            "--exclude-path",
            "/api/culture/{centre}/programme-source/import",
        ])
        .args(["--exclude-path", "/api/live/published", "--checks", "all"])
        .args(["--workers", "1", "--max-examples"])
        .arg(max_examples.to_string())
        .args(["--header", &format!("Cookie: {cookie}")])
        .args(["--header", &format!("x-csrf-token: {csrf}")])
        .output()
        .map_err(|e| Failure::new(format!("cannot start {}: {e}", program().display())))?;
    let seconds = started.elapsed().as_secs();
    drop(server);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{text}");
    Ok(parse(&text, max_examples, out.status.success(), seconds))
}

/// `cargo xtask schemathesis [max-examples]`: installs schemathesis when missing, runs it
/// against the bench's server binary (on PostgreSQL with `SUITE_TEST_DATABASE=postgres`)
/// and fails on anything found.
pub(crate) fn command(args: &[String]) -> Result {
    let max_examples = match args.first() {
        None => 50,
        Some(n) => n.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
            Failure::new(format!("max-examples must be a positive number, not {n:?}"))
        })?,
    };
    install()?;
    let database = crate::test_database::TestDatabase::chosen()?.server_database()?;
    let outcome = run(
        Binary::Bench,
        max_examples,
        database.as_ref().map(|d| d.url.as_str()),
    )?;
    println!("\n{}", outcome.line());
    if outcome.clean() {
        Ok(())
    } else {
        Err(Failure::new(format!(
            "schemathesis found bad answers: {}",
            outcome.line()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_run_with_failures() {
        let text = "API Operations:\n  Selected: 32/35\n  Tested: 32\n\nFailures:\n  ❌ ST202 Schema-valid request rejected: 8\n\nTest cases:\n  1278 generated, 8 found 8 unique failures\n\nSeed: 3355\n\n======================= 8 failures, 1 warning in 21.23s ========================\n";
        let o = parse(text, 15, false, 21);
        assert_eq!(
            (
                o.cases,
                o.operations_tested,
                o.operations_total,
                o.failures,
                o.errors
            ),
            (1278, 32, 35, 8, 0)
        );
        assert_eq!(o.seed.as_deref(), Some("3355"));
        assert!(!o.clean());
    }

    #[test]
    fn reads_a_clean_run() {
        let text = "API Operations:\n  Selected: 32/35\n  Tested: 32\n\nTest cases:\n  1375 generated, 1375 passed\n\nSeed: 1\n\n============================= 2 warnings in 17.01s =============================\n";
        let o = parse(text, 5, true, 17);
        assert_eq!((o.cases, o.failures, o.errors), (1375, 0, 0));
        assert!(o.clean());
        assert!(o.markdown().contains("| 1375 | 32/35 | **0** | 0 | 17 s |"));
    }

    #[test]
    fn reads_errors_and_an_empty_output_is_not_clean() {
        let o = parse("=== 1 failure, 2 errors in 3.00s ===", 5, false, 3);
        assert_eq!((o.failures, o.errors), (1, 2));
        assert!(!parse("", 5, true, 0).clean(), "no cases run is no pass");
    }
}
