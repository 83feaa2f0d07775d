//! The conformance run: every W3C test book imported by the server's importer (as
//! `static-api import epub` does), borrowed by the demo member through the API, opened in
//! the reader in headless Chromium and checked by its check in `bench/conformance.js`
//! (the reader's own page, then the collection where a test is about the interface), then
//! returned. A test the importer refuses fails with the importer's report, except where the
//! test asks for an error.

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use serde_json::{Value, json};

use serde::Serialize;

use super::{GroupRate, Outcome, TestMeta, Verdict, markdown, parse_metadata, rates};
use crate::member::Member;
use crate::{Browser, Result, TestServer};

/// Tests that pass when the reading system reports an error (`pub-xml-names`: an invalid
/// XML name): a refusal by the importer, with its report, is such an error.
const ERROR_WANTED: [&str; 1] = ["pub-xml-names"];

/// The bench's section: the tests' outcomes and rates, or why they did not run.
#[derive(Debug, Serialize)]
pub struct Conformance {
    pub outcomes: Vec<Outcome>,
    pub rates: Vec<GroupRate>,
    pub error: Option<String>,
}

impl Conformance {
    /// The report's section (`commit`: what it ran on).
    pub fn markdown(&self, commit: &str) -> String {
        match &self.error {
            Some(e) => {
                format!("\n## W3C EPUB reading-system tests (e-reader)\n\nNot measured: {e}\n")
            }
            None => markdown(&self.outcomes, commit),
        }
    }
}

/// Runs every test of [`tests_dir`] on a demo server of its own (the tests add their
/// books to its collection).
pub async fn conformance() -> Conformance {
    let outcomes = match TestServer::start().await {
        Ok(server) => run_all(&server, &tests_dir()).await,
        Err(e) => Err(e),
    };
    match outcomes {
        Ok(outcomes) => Conformance {
            rates: rates(&outcomes),
            outcomes,
            error: None,
        },
        Err(e) => Conformance {
            outcomes: Vec::new(),
            rates: Vec::new(),
            error: Some(e),
        },
    }
}

/// The folder of the test books (`tests/fixtures/epub/w3c-epub-tests`).
pub fn tests_dir() -> PathBuf {
    crate::reader_bench::e2e_dir().join("../fixtures/epub/w3c-epub-tests")
}

/// The bench's scripts put into the reader's page: the contract (to wait for a page and
/// turn) and the checks.
fn scripts() -> Result<String> {
    let dir = crate::reader_bench::scripts_dir();
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .map_err(|e| format!("cannot read {}: {e}", dir.join(name).display()))
    };
    Ok(format!(
        "{};\n{};\n",
        read("ours.js")?,
        read("conformance.js")?
    ))
}

/// Imports, opens and checks every test of `dir` on `server` (a server of its own: it
/// adds the tests to the collection).
pub async fn run_all(server: &TestServer, dir: &Path) -> Result<Vec<Outcome>> {
    let json = std::fs::read_to_string(dir.join("tests-metadata.json"))
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let tests = parse_metadata(&json).map_err(|e| e.to_string())?;
    let at = "2026-01-01T00:00:00Z";
    let mut imported = Vec::new();
    for test in &tests {
        let bytes = std::fs::read(dir.join(&test.file))
            .map_err(|e| format!("cannot read {}: {e}", test.file))?;
        let added = static_api::ereader_books::add_title(
            &server.state.db,
            &server.state.config.data_dir,
            bytes,
            Some(1),
            "conformance",
            at,
        )
        .await;
        imported.push(added.map(|a| a.id).map_err(|e| e.to_string()));
    }
    let browser = Browser::start(&server.url(""), 1024, 768).await?;
    browser
        .client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(120)),
            Some(Duration::from_secs(60)),
            None,
        ))
        .await
        .map_err(|e| format!("timeouts: {e}"))?;
    browser.cdp("Page.enable", json!({})).await?;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": scripts()?}),
        )
        .await?;
    let member = Member::log_in(&browser).await?;
    let mut outcomes = Vec::new();
    for (test, title) in tests.iter().zip(imported) {
        eprintln!("  {} …", test.name());
        let wants_error = ERROR_WANTED.contains(&test.name());
        let verdict = match title {
            Err(e) if wants_error => Verdict::Pass(format!("refused at import: {e}")),
            Err(e) => Verdict::Fail(format!("refused at import: {e}")),
            Ok(title) => check(&browser, &member, test, title)
                .await
                .unwrap_or_else(|e| Verdict::Fail(format!("the check could not run: {e}"))),
        };
        outcomes.push(Outcome {
            name: test.name().to_string(),
            verdict,
        });
    }
    browser.close().await;
    Ok(outcomes)
}

/// Runs one of the page's checks (`reader` or `collection`): `None` when it has none.
async fn page_check(browser: &Browser, kind: &str, id: &str) -> Result<Option<(bool, String)>> {
    let v = browser
        .eval_async(&format!(
            "if (!window.__conformance) {{ done({{missing: true}}); }}
             const check = window.__conformance && window.__conformance[{kind}][{id}];
             if (!check) {{ done(null); }} else {{
               check().then(done, e => done({{pass: false, reason: 'the check threw: ' + e}}));
             }}",
            kind = json!(kind),
            id = json!(id),
        ))
        .await?;
    if v["missing"] == Value::Bool(true) {
        return Err("the bench's checks are not in the page (bench/conformance.js)".into());
    }
    Ok((v != Value::Null).then(|| {
        (
            v["pass"].as_bool().unwrap_or(false),
            v["reason"].as_str().unwrap_or_default().to_string(),
        )
    }))
}

async fn check(browser: &Browser, member: &Member, test: &TestMeta, title: i64) -> Result<Verdict> {
    let loan = member.loan_of(browser, title).await?;
    browser.goto(&format!("/e-reader/?boek={loan}")).await?;
    // The first page shown (the contract's `opened`), or 15 s.
    let opened = browser
        .eval_async(
            "const wait = async () => { while (!window.__bench) await new Promise(r => setTimeout(r, 20)); \
               return window.__bench.opened; };
             Promise.race([wait().then(() => true), new Promise(r => setTimeout(() => r(false), 15000))])
               .then(done, () => done(false));",
        )
        .await?
        == Value::Bool(true);
    let mut results = Vec::new();
    if let Some(r) = page_check(browser, "reader", test.name()).await? {
        results.push(r);
    }
    browser.goto("/e-reader/").await?;
    browser
        .wait_until("the collection", "document.querySelector('.er-item')")
        .await?;
    if let Some((pass, reason)) = page_check(browser, "collection", test.name()).await? {
        results.push((pass, format!("collection: {reason}")));
    }
    member.give_back(browser, loan).await?;
    if results.is_empty() {
        return Ok(Verdict::NotChecked("no check written for it".into()));
    }
    let mut reason = results
        .iter()
        .map(|(_, r)| r.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    if !opened {
        reason.push_str(" (the reader did not lay its first document out within 15 s)");
    }
    Ok(if results.iter().all(|(pass, _)| *pass) {
        Verdict::Pass(reason)
    } else {
        Verdict::Fail(reason)
    })
}
