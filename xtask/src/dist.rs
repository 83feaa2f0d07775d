//! The shapes without a site folder: `cargo xtask dist`, the whole suite as one program
//! for a small library (the server as it runs in production, carrying the built portal
//! and apps: `static-api pack`); `cargo xtask export <dir>`, the public apps and the
//! published data as plain files for a static host (`static-api export`).

use std::path::PathBuf;

use crate::build::{build_site, server_binary};
use crate::run::{self, Result, Steps, root};
use crate::setup::{Needs, setup};
use crate::site;

/// Where the program is written.
pub(crate) fn dist_binary() -> PathBuf {
    root().join("target/dist/suite-server")
}

pub(crate) fn dist() -> Result {
    let tools = setup(Needs::Build)?;
    let mut steps = Steps::new("dist", 3 + suite_domain::apps::APPS.len());
    build_site(&tools, &mut steps)?;
    steps.step("server (--profile server)");
    let server = server_binary()?;
    steps.step("one program: the server carrying the site");
    let output = dist_binary();
    run::run(
        std::process::Command::new(&server)
            .arg("pack")
            .arg("--site-dir")
            .arg(site::site_dir())
            .arg("--output")
            .arg(&output),
    )?;
    steps.finish();
    let size = std::fs::metadata(&output).map(|m| m.len()).unwrap_or(0);
    println!(
        "\n{} ({:.1} MB). Copy it anywhere and start it in an empty folder:\n  \
         ./suite-server --data-dir data serve --addr 127.0.0.1:8080\n\
         It unpacks its site into data/.site/ on the first start; the database is \
         data/suite.sqlite. Create the first admin with\n  \
         ./suite-server --data-dir data create-admin --email you@example.org --name 'Your Name'",
        output.display(),
        size as f64 / 1_000_000.0
    );
    Ok(())
}

const EXPORT_USAGE: &str = "usage: cargo xtask export <dir> [--api-base https://suite.example.org] [--data-dir <data folder>]";

/// `cargo xtask export <dir> [--api-base URL] [--data-dir DIR]`: the built site and the
/// published data of `DIR` (default `target/demo-data`, where `cargo xtask serve` keeps
/// its data) into `<dir>`, the apps asking `/api` of `URL` (default: the same origin).
pub(crate) fn export(args: &[String]) -> Result {
    let mut output = None;
    let mut api_base = String::new();
    let mut data_dir = root().join("target/demo-data");
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--api-base" => {
                api_base = rest
                    .next()
                    .cloned()
                    .ok_or_else(|| run::Failure::new(EXPORT_USAGE))?
            }
            "--data-dir" => {
                data_dir = rest
                    .next()
                    .map(PathBuf::from)
                    .ok_or_else(|| run::Failure::new(EXPORT_USAGE))?;
            }
            other if output.is_none() && !other.starts_with("--") => {
                output = Some(PathBuf::from(other))
            }
            _ => return Err(run::Failure::new(EXPORT_USAGE)),
        }
    }
    let output = output.ok_or_else(|| run::Failure::new(EXPORT_USAGE))?;
    let tools = setup(Needs::Build)?;
    let mut steps = Steps::new("export", 3 + suite_domain::apps::APPS.len());
    build_site(&tools, &mut steps)?;
    steps.step("server (--profile server)");
    let server = server_binary()?;
    steps.step("the public apps and the published data as plain files");
    run::run(
        std::process::Command::new(&server)
            .arg("--data-dir")
            .arg(&data_dir)
            .arg("export")
            .arg("--site-dir")
            .arg(site::site_dir())
            .arg("--output")
            .arg(&output)
            .arg("--api-base")
            .arg(&api_base),
    )?;
    steps.finish();
    println!(
        "\n{} holds the portal, the public apps and the data of {}. Serve it from any static \
         host; start the instances with --allow-origin <the static host's origin>.",
        output.display(),
        data_dir.display()
    );
    Ok(())
}
