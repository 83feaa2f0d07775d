//! The report every importer of outside data gives: what it took in, what it skipped
//! and why. The command line prints it (or its JSON) and exits non-zero when nothing
//! could be imported.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One record an importer left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Where the record came from: file and record id or position.
    pub record: String,
    /// Why it was left out, in English for the operator.
    pub reason: String,
}

/// The outcome of one import run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// What was imported, e.g. `catalogue` or `events`.
    pub kind: String,
    pub imported: usize,
    pub skipped: Vec<Skipped>,
    /// Problems that did not stop a record, e.g. a missing cover.
    pub warnings: Vec<String>,
}

impl ImportReport {
    pub fn new(kind: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            ..Self::default()
        }
    }

    pub fn skip(&mut self, record: impl Into<String>, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            record: record.into(),
            reason: reason.into(),
        });
    }

    /// True when nothing at all could be imported: the command exits non-zero and
    /// the previous data stays live.
    pub fn failed(&self) -> bool {
        self.imported == 0
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} import: {} imported, {} skipped, {} warnings",
            self.kind,
            self.imported,
            self.skipped.len(),
            self.warnings.len()
        )?;
        for s in &self.skipped {
            writeln!(f, "  skipped {}: {}", s.record, s.reason)?;
        }
        for w in &self.warnings {
            writeln!(f, "  warning: {w}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_with_nothing_imported_has_failed() {
        let mut report = ImportReport::new("events");
        report.skip("a.json#3", "no name");
        assert!(report.failed());
        report.imported = 1;
        assert!(!report.failed());
        let text = report.to_string();
        assert!(
            text.starts_with("events import: 1 imported, 1 skipped, 0 warnings"),
            "{text}"
        );
        assert!(text.contains("skipped a.json#3: no name"), "{text}");
    }
}
