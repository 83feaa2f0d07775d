//! `cargo xtask setup`: installs the pinned tools this project needs, without any
//! download from GitHub (trunk is told to stay offline), and skips what is already
//! installed at the right version.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

use crate::run::{self, Failure, Result, Steps, cargo, is_root, output, root, which};

/// trunk's newest version measured to install and work here (see README).
pub(crate) const TRUNK_VERSION: &str = "0.21.14";
/// npm binaryen whose wasm-opt reads current wasm-bindgen output (Debian's 108 cannot).
pub(crate) const BINARYEN_VERSION: &str = "132.0.0";
/// axe-core, injected by the end-to-end tests only; never shipped.
pub(crate) const AXE_CORE_VERSION: &str = "4.14.1";

/// What the caller is about to do, so only the tools it needs are installed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Needs {
    /// Build the apps.
    Build,
    /// Build and test in a browser.
    All,
    /// Everything plus the load tool.
    Bench,
}

/// Where the installed tools are.
#[derive(Debug, Clone)]
pub(crate) struct Tools {
    /// PATH with the tool folders first, for trunk and the test runners.
    pub(crate) path: OsString,
    pub(crate) chromedriver: Option<PathBuf>,
    pub(crate) axe_core: Option<PathBuf>,
}

/// Folder of the npm tools (wasm-opt, axe-core); kept between runs.
pub(crate) fn tools_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("SUITE_TOOLS_DIR") {
        return PathBuf::from(dir);
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    home.join(".local/share/suite-tools")
}

/// `$CARGO_HOME/bin`, where `cargo install` puts tools (on PATH or not).
pub(crate) fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    home.join("bin")
}

fn tool_path() -> OsString {
    let mut dirs = vec![tools_dir().join("node_modules/.bin"), cargo_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

fn version_of(program: &str, path: &OsString) -> Option<String> {
    output(Command::new(program).arg("--version").env("PATH", path))
}

/// The wasm-bindgen version that Cargo.lock resolved; the CLI must equal it.
pub(crate) fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| Failure::new(format!("cannot read Cargo.lock: {e}")))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_string());
        }
    }
    Err(Failure::new("Cargo.lock has no wasm-bindgen entry"))
}

pub(crate) fn apt_install(packages: &[&str], why: &str) -> Result {
    if !is_root() {
        return Err(Failure::new(format!(
            "{why} is missing. Install it with: sudo apt-get install -y {}",
            packages.join(" ")
        )));
    }
    println!(
        "    installing {} with apt-get (about half a minute)…",
        packages.join(" ")
    );
    run::run(Command::new("apt-get").args(["update", "-qq"]))?;
    run::run(
        Command::new("apt-get")
            .args(["install", "-y", "-qq"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// Whether PostgreSQL's server programs are here: on PATH or in Debian's
/// `/usr/lib/postgresql/<version>/bin` (where the tests look for them too).
fn has_postgres() -> bool {
    which("initdb").is_some()
        || std::fs::read_dir("/usr/lib/postgresql")
            .into_iter()
            .flatten()
            .flatten()
            .any(|v| v.path().join("bin/initdb").is_file() && v.path().join("bin/pg_ctl").is_file())
}

/// Starts the apt-get install of the Debian packages `needs` asks for and this machine
/// lacks (Chromium, chromedriver, PostgreSQL; wrk for the bench), when run as root:
/// downloading and unpacking them runs beside the cargo installs. Without root nothing
/// starts, and the steps below say what to install.
fn start_apt_install(needs: Needs) -> Result<Option<run::Background>> {
    if needs == Needs::Build || !is_root() {
        return Ok(None);
    }
    let mut packages = Vec::new();
    if which("chromium").is_none() || which("chromedriver").is_none() {
        packages.extend(["chromium", "chromium-driver"]);
    }
    if !has_postgres() {
        packages.push("postgresql");
    }
    if needs == Needs::Bench && which("wrk").is_none() {
        packages.push("wrk");
    }
    if packages.is_empty() {
        return Ok(None);
    }
    let dir = root().join("target/tools");
    std::fs::create_dir_all(&dir)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", dir.display())))?;
    run::spawn_logged(
        Command::new("sh")
            .arg("-c")
            .arg(format!(
                "apt-get update -qq && apt-get install -y -qq {}",
                packages.join(" ")
            ))
            .env("DEBIAN_FRONTEND", "noninteractive"),
        &dir.join("apt-install.log"),
    )
    .map(Some)
}

/// Starts the npm install of wasm-opt and axe-core when they are missing (npm itself is
/// installed first when it is).
fn start_npm_install() -> Result<Option<run::Background>> {
    let dir = tools_dir();
    let wasm_opt = dir.join("node_modules/.bin/wasm-opt");
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    let wasm_opt_ok = output(Command::new(&wasm_opt).arg("--version"))
        .is_some_and(|v| v.contains(&format!("version {major}")));
    let axe_ok = std::fs::read_to_string(dir.join("node_modules/axe-core/package.json"))
        .is_ok_and(|p| p.contains(&format!("\"version\": \"{AXE_CORE_VERSION}\"")));
    if wasm_opt_ok && axe_ok {
        return Ok(None);
    }
    if which("npm").is_none() {
        apt_install(&["nodejs", "npm"], "npm (Node.js)")?;
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| Failure::new(format!("cannot create {}: {e}", dir.display())))?;
    run::spawn_logged(
        Command::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
            ])
            .arg(&dir)
            .arg(format!("binaryen@{BINARYEN_VERSION}"))
            .arg(format!("axe-core@{AXE_CORE_VERSION}")),
        &dir.join("npm-install.log"),
    )
    .map(Some)
}

/// How a tool is built by `cargo install`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Build {
    /// The tool's own release profile: wasm-bindgen-cli, which works through the game's
    /// 30 MB of wasm.
    Optimised,
    /// Tools that run briefly and hand the heavy work to others (trunk, cargo-deny,
    /// cargo-fuzz): opt-level 1 without their fat LTO and single codegen unit, which
    /// measured here cuts trunk's install from 9 min 18 s to about 6 min (cold).
    Quick,
}

/// `cargo install` of one pinned tool into `~/.cargo/bin`, its build in
/// `target/tools` (one folder for every tool, so the dependencies they share are built
/// once).
pub(crate) fn cargo_install(krate: &str, version: &str, locked: bool, build: Build) -> Result {
    let mut cmd = cargo();
    cmd.args([
        "install",
        "--force",
        krate,
        "--version",
        version,
        "--target-dir",
    ])
    .arg(root().join("target/tools"));
    if locked {
        cmd.arg("--locked");
    }
    if build == Build::Quick {
        cmd.env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1")
            .env("CARGO_PROFILE_RELEASE_LTO", "off")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
            .env("CARGO_PROFILE_RELEASE_DEBUG", "false");
    }
    run::run(&mut cmd)
}

/// Installs whatever is missing for `needs`; returns where the tools are.
pub(crate) fn setup(needs: Needs) -> Result<Tools> {
    let total = match needs {
        Needs::Build => 4,
        Needs::All => 9,
        Needs::Bench => 10,
    };
    let mut steps = Steps::new("setup", total);
    let path = tool_path();

    steps.step("Rust target wasm32-unknown-unknown");
    let has_target = output(cargo().args(["--version"])).is_some()
        && output(Command::new("rustc").args([
            "--print",
            "target-libdir",
            "--target",
            "wasm32-unknown-unknown",
        ]))
        .is_some_and(|dir| PathBuf::from(dir).is_dir());
    if has_target {
        println!("    present");
    } else {
        run::run(
            Command::new("rustup")
                .args(["target", "add", "wasm32-unknown-unknown"])
                .current_dir(root()),
        )?;
    }

    // The downloads (npm's tools, the nightly toolchain) run beside the cargo installs,
    // which keep the cores busy.
    let npm = start_npm_install()?;
    // After npm's: that one may install npm itself with apt-get first.
    let apt = start_apt_install(needs)?;
    let nightly = if needs == Needs::Build {
        None
    } else {
        crate::fuzz::start_nightly_install()?
    };

    let wbg = locked_wasm_bindgen_version()?;
    steps.step(&format!("wasm-bindgen-cli {wbg} (must equal Cargo.lock)"));
    let want = format!("wasm-bindgen {wbg}");
    let runner_ok = version_of("wasm-bindgen-test-runner", &path).is_some_and(|v| v.contains(&wbg));
    if version_of("wasm-bindgen", &path).as_deref() == Some(want.as_str()) && runner_ok {
        println!("    present");
    } else {
        // `--locked` fails here: a locked dependency of the CLI is missing from the
        // registry mirror. Without it the install works (about 2 minutes).
        println!("    installing with cargo (about 2 minutes)…");
        cargo_install("wasm-bindgen-cli", &wbg, false, Build::Optimised)?;
    }

    steps.step(&format!("trunk {TRUNK_VERSION}"));
    if version_of("trunk", &path).as_deref() == Some(format!("trunk {TRUNK_VERSION}").as_str()) {
        println!("    present");
    } else {
        println!("    installing with cargo (about 6 minutes)…");
        cargo_install("trunk", TRUNK_VERSION, true, Build::Quick)?;
    }

    steps.step(&format!(
        "wasm-opt (npm binaryen {BINARYEN_VERSION}) and axe-core {AXE_CORE_VERSION}"
    ));
    let axe = tools_dir().join("node_modules/axe-core/axe.min.js");
    match npm {
        Some(job) => {
            job.wait()?;
            println!("    installed in {}", tools_dir().display());
        }
        None => println!("    present in {}", tools_dir().display()),
    }

    let mut tools = Tools {
        path: path.clone(),
        chromedriver: None,
        axe_core: Some(axe),
    };
    if needs == Needs::Build {
        steps.finish();
        return Ok(tools);
    }

    steps.step("Chromium and chromedriver (Debian packages)");
    if let Some(job) = apt {
        job.wait()?;
    }
    if which("chromium").is_none() || which("chromedriver").is_none() {
        apt_install(
            &["chromium", "chromium-driver"],
            "Chromium with chromedriver",
        )?;
    }
    let chromium = version_of("chromium", &path).unwrap_or_default();
    let driver = version_of("chromedriver", &path).unwrap_or_default();
    println!("    {chromium}\n    {driver}");
    tools.chromedriver = which("chromedriver");

    steps.step("PostgreSQL (Debian packages; the store tests run on it as well as on SQLite)");
    if !has_postgres() {
        apt_install(&["postgresql"], "PostgreSQL (initdb, pg_ctl, postgres)")?;
    }
    println!("    present");

    steps.step("browser test runner");
    if !version_of("wasm-bindgen-test-runner", &path).is_some_and(|v| v.contains(&wbg)) {
        return Err(Failure::new(format!(
            "wasm-bindgen-test-runner {wbg} missing after setup"
        )));
    }
    println!("    wasm-bindgen-test-runner {wbg}");

    steps.step(&format!(
        "schemathesis {} (PyPI, in a venv; the API's bad-input run)",
        crate::schemathesis::SCHEMATHESIS_VERSION
    ));
    crate::schemathesis::install()?;

    steps.step(&format!(
        "fuzzing and dependency checks ({}, cargo-fuzz {}, cargo-deny {})",
        crate::fuzz::NIGHTLY,
        crate::fuzz::CARGO_FUZZ_VERSION,
        crate::deny::CARGO_DENY_VERSION
    ));
    crate::fuzz::install(nightly)?;
    crate::deny::install()?;

    if needs == Needs::Bench {
        steps.step("wrk (load generator, Debian package)");
        if which("wrk").is_none() {
            apt_install(&["wrk"], "wrk")?;
        }
        println!("    present");
    }
    steps.finish();
    Ok(tools)
}
