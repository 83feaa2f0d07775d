//! The W3C EPUB reading-system tests (`tests/fixtures/epub/w3c-epub-tests`) as the bench's
//! conformance section: the tests' metadata read into groups (the file name's prefix:
//! `cnt`, `css`, `lay`, `nav`, `ocf`, `pkg`, `pub`, `scr`, `mol`), each test's outcome, and
//! the pass rate per group. Pure; [`run`] imports, opens and checks the books in Chromium.

pub mod run;

use serde::{Deserialize, Serialize};

/// One test of `tests-metadata.json`: what it is and what it says a passing reader does.
/// A test is named by its file ([`TestMeta::name`]): two tests share one `dc:identifier`
/// on purpose (`pkg-unique-id` and `pkg-unique-id_duplicate`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct TestMeta {
    pub identifier: String,
    pub file: String,
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub coverage: String,
}

impl TestMeta {
    /// The test's name: its file without `.epub` (the folder's name in w3c/epub-tests).
    pub fn name(&self) -> &str {
        self.file.strip_suffix(".epub").unwrap_or(&self.file)
    }
}

#[derive(Deserialize)]
struct Metadata {
    tests: Vec<TestMeta>,
}

/// `tests-metadata.json` that cannot be used, with what and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetadataError {
    /// Not JSON of the expected shape (`{"tests": [{identifier, file, title, description}]}`).
    Shape(String),
    /// A test whose name has no group prefix (`<group>-<name>`).
    NoGroup { name: String },
    /// Two tests with one file.
    Duplicate { name: String },
}

impl std::fmt::Display for MetadataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MetadataError::Shape(e) => write!(f, "tests-metadata.json: {e}"),
            MetadataError::NoGroup { name } => write!(
                f,
                "tests-metadata.json: test {name:?} has no group prefix (<group>-<name>)"
            ),
            MetadataError::Duplicate { name } => {
                write!(f, "tests-metadata.json: test {name:?} is listed twice")
            }
        }
    }
}

/// The group of a test: its name up to the first `-` (`pkg-spine-order` is `pkg`).
pub fn group_of(name: &str) -> Option<&str> {
    name.split_once('-')
        .map(|(group, _)| group)
        .filter(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_lowercase()))
}

/// Reads `tests-metadata.json`: every test with a group, no file twice.
pub fn parse_metadata(json: &str) -> Result<Vec<TestMeta>, MetadataError> {
    let metadata: Metadata =
        serde_json::from_str(json).map_err(|e| MetadataError::Shape(e.to_string()))?;
    let mut seen = std::collections::BTreeSet::new();
    for test in &metadata.tests {
        if group_of(test.name()).is_none() {
            return Err(MetadataError::NoGroup {
                name: test.name().to_string(),
            });
        }
        if !seen.insert(test.name()) {
            return Err(MetadataError::Duplicate {
                name: test.name().to_string(),
            });
        }
    }
    Ok(metadata.tests)
}

/// What a check decided about one test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", content = "reason", rename_all = "snake_case")]
pub enum Verdict {
    Pass(String),
    Fail(String),
    /// No honest check exists for it (the reason says why); it counts in no rate.
    NotChecked(String),
}

/// One test's outcome, by the test's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub name: String,
    pub verdict: Verdict,
}

/// A group's counts; its rate is passed over checked (passed and failed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupRate {
    pub group: String,
    pub passed: usize,
    pub failed: usize,
    pub not_checked: usize,
}

impl GroupRate {
    /// Passed over checked, as a share (none when nothing was checked).
    pub fn rate(&self) -> Option<f64> {
        let checked = self.passed + self.failed;
        (checked > 0).then(|| self.passed as f64 / checked as f64)
    }
}

/// The rates per group, in the groups' alphabetical order; an outcome whose name has no
/// group counts under `?`.
pub fn rates(outcomes: &[Outcome]) -> Vec<GroupRate> {
    let mut groups: std::collections::BTreeMap<String, GroupRate> = Default::default();
    for outcome in outcomes {
        let group = group_of(&outcome.name).unwrap_or("?").to_string();
        let rate = groups.entry(group.clone()).or_insert(GroupRate {
            group,
            passed: 0,
            failed: 0,
            not_checked: 0,
        });
        match outcome.verdict {
            Verdict::Pass(_) => rate.passed += 1,
            Verdict::Fail(_) => rate.failed += 1,
            Verdict::NotChecked(_) => rate.not_checked += 1,
        }
    }
    groups.into_values().collect()
}

/// The report's section: the rate per group and overall, then every failure and every
/// test not checked with its reason.
pub fn markdown(outcomes: &[Outcome], commit: &str) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let percent = |r: Option<f64>| r.map_or("n/a".to_string(), |r| format!("{:.0} %", r * 100.0));
    let mut md = format!(
        "\n## W3C EPUB reading-system tests (e-reader)\n\nEvery test book of \
         `tests/fixtures/epub/w3c-epub-tests` imported by the server's importer, borrowed by a \
         member, opened in the reader in headless Chromium and checked as its own text says a \
         passing reader shows it (`tests/e2e/bench/conformance.js`); commit `{commit}`.\n\n\
         | group | passed | failed | not checked | pass rate |\n|---|---|---|---|---|\n"
    );
    let groups = rates(outcomes);
    for g in &groups {
        md.push_str(&format!(
            "| {} | {} | {} | {} | **{}** |\n",
            g.group,
            g.passed,
            g.failed,
            g.not_checked,
            percent(g.rate())
        ));
    }
    let all = GroupRate {
        group: "all".into(),
        passed: groups.iter().map(|g| g.passed).sum(),
        failed: groups.iter().map(|g| g.failed).sum(),
        not_checked: groups.iter().map(|g| g.not_checked).sum(),
    };
    md.push_str(&format!(
        "| **all** | {} | {} | {} | **{}** |\n",
        all.passed,
        all.failed,
        all.not_checked,
        percent(all.rate())
    ));
    md.push_str("\n| test | result | reason |\n|---|---|---|\n");
    for o in outcomes {
        let (result, reason) = match &o.verdict {
            Verdict::Pass(r) => ("pass", r),
            Verdict::Fail(r) => ("**FAIL**", r),
            Verdict::NotChecked(r) => ("not checked", r),
        };
        md.push_str(&format!("| {} | {result} | {} |\n", o.name, cell(reason)));
    }
    md
}

#[cfg(test)]
mod tests;
