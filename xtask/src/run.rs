//! Running commands with clear step messages and clear failures.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Why a command stopped, said plainly.
#[derive(Debug)]
pub(crate) struct Failure(String);

impl Failure {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Failure(message.into())
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub(crate) type Result<T = ()> = std::result::Result<T, Failure>;

/// The workspace root (the folder with the top `Cargo.toml`). `cargo run` says where
/// the manifest is at run time; the path compiled in is only the fallback, because
/// checkouts that share one target folder (git worktrees) share this binary too, and
/// it would otherwise work on whichever checkout built it last.
pub(crate) fn root() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Prints a numbered step so long commands say where they are.
pub(crate) struct Steps {
    name: &'static str,
    total: usize,
    done: usize,
    started: Instant,
}

impl Steps {
    pub(crate) fn new(name: &'static str, total: usize) -> Self {
        Steps {
            name,
            total,
            done: 0,
            started: Instant::now(),
        }
    }

    pub(crate) fn step(&mut self, what: &str) {
        self.done += 1;
        let secs = self.started.elapsed().as_secs();
        println!(
            "\n==> [{} {}/{}] {what}   ({}m{:02}s)",
            self.name,
            self.done,
            self.total,
            secs / 60,
            secs % 60
        );
    }

    pub(crate) fn finish(&self) {
        let secs = self.started.elapsed().as_secs();
        println!(
            "\n==> {} finished in {}m{:02}s",
            self.name,
            secs / 60,
            secs % 60
        );
    }
}

/// Runs `cmd` with inherited output; fails with a message naming it.
pub(crate) fn run(cmd: &mut Command) -> Result {
    let shown = show(cmd);
    let status = cmd
        .status()
        .map_err(|e| Failure::new(format!("cannot start `{shown}`: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure::new(format!("`{shown}` failed ({status})")))
    }
}

/// A command running in the background (a download beside a build), its output going
/// to a log file; [`Background::wait`] for it before using what it makes.
#[derive(Debug)]
pub(crate) struct Background {
    child: std::process::Child,
    shown: String,
    log: PathBuf,
}

/// Starts `cmd` in the background with its output in `log`.
pub(crate) fn spawn_logged(cmd: &mut Command, log: &Path) -> Result<Background> {
    let shown = show(cmd);
    let file = std::fs::File::create(log)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", log.display())))?;
    let errors = file
        .try_clone()
        .map_err(|e| Failure::new(format!("cannot open {}: {e}", log.display())))?;
    let child = cmd
        .stdout(file)
        .stderr(errors)
        .spawn()
        .map_err(|e| Failure::new(format!("cannot start `{shown}`: {e}")))?;
    println!(
        "    started in the background: `{shown}` (log: {})",
        log.display()
    );
    Ok(Background {
        child,
        shown,
        log: log.to_path_buf(),
    })
}

impl Background {
    /// Waits for the command; a failure carries the end of its log.
    pub(crate) fn wait(mut self) -> Result {
        let status = self
            .child
            .wait()
            .map_err(|e| Failure::new(format!("cannot wait for `{}`: {e}", self.shown)))?;
        if status.success() {
            return Ok(());
        }
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        let tail = lines[lines.len().saturating_sub(30)..].join("\n");
        Err(Failure::new(format!(
            "`{}` failed ({status}); the end of {}:\n{tail}",
            self.shown,
            self.log.display()
        )))
    }
}

/// Runs `cmd` and returns its stdout, or `None` when it cannot run or fails.
pub(crate) fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Runs `cmd` with its output shown, and returns its stdout and stderr as text
/// (whether it succeeded or not).
pub(crate) fn output_and_errors(cmd: &mut Command) -> String {
    match cmd.output() {
        Ok(out) => {
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            println!("{text}");
            text
        }
        Err(e) => format!("cannot start `{}`: {e}", show(cmd)),
    }
}

fn show(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().to_string();
    for arg in cmd.get_args() {
        s.push(' ');
        s.push_str(&arg.to_string_lossy());
    }
    s
}

/// `cargo` as the one running xtask (same toolchain).
pub(crate) fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

/// Whether this process runs as root (so apt-get can install packages).
pub(crate) fn is_root() -> bool {
    output(Command::new("id").arg("-u")).as_deref() == Some("0")
}

/// Finds an executable on PATH.
pub(crate) fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Free bytes on the file system that holds `dir` (or its nearest existing parent), as
/// `df` reports them; `None` when that cannot be read.
pub(crate) fn free_bytes(dir: &Path) -> Option<u64> {
    let existing = dir.ancestors().find(|d| d.exists())?;
    let out = Command::new("df")
        .args(["-Pk"])
        .arg(existing)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    // POSIX format: a header, then "fs blocks used available capacity mount".
    let available: u64 = text
        .lines()
        .nth(1)?
        .split_whitespace()
        .nth(3)?
        .parse()
        .ok()?;
    available.checked_mul(1024)
}

/// Stops when the disk that will hold the build (`target`) is too full for the test
/// command, instead of failing half-way with "No space left on device"; warns when a
/// first (cold) build may not fit. A cold `./run test` took 10.1 GB at its peak
/// (measured on 2026-12-05).
pub(crate) fn check_disk(target: &Path) -> Result {
    const GIB: u64 = 1024 * 1024 * 1024;
    const AT_LEAST: u64 = 3 * GIB;
    const COLD: u64 = 11 * GIB;
    let Some(free) = free_bytes(target) else {
        return Ok(());
    };
    let gib = |n: u64| format!("{:.1} GiB", n as f64 / GIB as f64);
    if free < AT_LEAST {
        return Err(Failure::new(format!(
            "only {} free on the disk of {}: the test command needs at least {} even on a \
             warm build (a cold one about {}). Free space first, e.g. `cargo clean` or removing \
             old files under /tmp.",
            gib(free),
            target.display(),
            gib(AT_LEAST),
            gib(COLD)
        )));
    }
    if free < COLD && !target.join("debug").exists() {
        println!(
            "warning: {} free on the disk of {}; a first build of everything takes about {}.",
            gib(free),
            target.display(),
            gib(COLD)
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_background_command_that_fails_reports_the_end_of_its_log() {
        let log = std::env::temp_dir().join(format!("xtask-bg-{}.log", std::process::id()));
        let job = spawn_logged(
            Command::new("sh").args(["-c", "echo first; echo 'no such package' >&2; exit 3"]),
            &log,
        )
        .expect("starts");
        let failure = job.wait().expect_err("exit 3 is a failure").to_string();
        assert!(failure.contains("no such package"), "{failure}");
        assert!(failure.contains("first"), "{failure}");
        let ok = spawn_logged(Command::new("sh").args(["-c", "echo fine"]), &log).expect("starts");
        ok.wait().expect("exit 0 is fine");
        assert_eq!(std::fs::read_to_string(&log).expect("log"), "fine\n");
        std::fs::remove_file(&log).ok();
    }

    #[test]
    fn free_space_is_read_for_a_folder_not_made_yet() {
        let tmp = std::env::temp_dir();
        let here = free_bytes(&tmp).expect("df answers");
        let later = free_bytes(&tmp.join("xtask-not/made/yet")).expect("its parent's disk");
        assert!(here > 0);
        // The same disk: the readings differ only by what others wrote meanwhile.
        assert!(
            here.abs_diff(later) < 1024 * 1024 * 1024,
            "{here} vs {later}"
        );
    }
}
