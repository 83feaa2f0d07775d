//! `cargo xtask dist`: the whole suite as one program for a small library: the server
//! as it runs in production, carrying the built portal and apps (`static-api pack`).

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
