//! Builds a library's Bieblo snapshot from catalogue records and their copies: which
//! themes each book belongs to, which books a child of 6-11 can be offered, and a report
//! of what was left out and why.
//!
//! A record is matched against a theme field by field, like the original Bieblo queries:
//! its genres against the theme's genres, its subject headings against the theme's
//! subjects, its awards against the theme's awards. Terms compare trimmed and
//! case-insensitively; a compound heading such as `Vriendschap ; kinderen` counts as each
//! of its parts. An award matches when the theme's term appears in it as whole words
//! (`Zilveren Griffel 2019` matches `zilveren griffel`). A theme with
//! `requires_any_subject` (humour) also needs one of those subjects.

use std::collections::{HashMap, HashSet};

use suite_domain::bieblo::{AgeBand, Snapshot, SnapshotBook, Theme, ThemeId};
use suite_domain::catalog::{AgeRange, Copy};
use suite_domain::import::ImportReport;

use super::age::age_range;
use super::demo::DEMO_MARKER;
use super::record::CatalogueRecord;

/// The ages the kiosk serves: a book must overlap them.
pub const KIOSK_AGES: AgeRange = AgeRange { min: 6, max: 11 };

/// Why a record was left out of a snapshot; `Display` gives the report's reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// The same id came earlier in the input.
    Duplicate,
    /// A record of the demo generator in a snapshot that is not marked demo.
    DemoRecord,
    /// The record has no title.
    NoTitle,
    /// Neither target audience nor reading level gives an age.
    NoTargetAge,
    /// The ages given are outside 6-11.
    NotForChildren(AgeRange),
    /// No theme's genres, subjects or awards match.
    NoThemeMatches,
    /// No copy in the library.
    NoCopies,
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::Duplicate => write!(f, "duplicate record"),
            SkipReason::DemoRecord => write!(f, "demo record in a snapshot not marked demo"),
            SkipReason::NoTitle => write!(f, "no title"),
            SkipReason::NoTargetAge => write!(f, "no target age"),
            SkipReason::NotForChildren(ages) => write!(
                f,
                "no children's target age: {}-{} is outside {}-{}",
                ages.min, ages.max, KIOSK_AGES.min, KIOSK_AGES.max
            ),
            SkipReason::NoThemeMatches => write!(f, "no theme matches"),
            SkipReason::NoCopies => write!(f, "no copies"),
        }
    }
}

/// A term as compared: trimmed, lower case, inner whitespace collapsed.
fn normal(term: &str) -> String {
    term.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The record's subject terms: every heading and every `;`-separated part of it.
fn subject_terms(record: &CatalogueRecord) -> HashSet<String> {
    let mut terms = HashSet::new();
    for text in record.subject_texts() {
        terms.insert(normal(text));
        terms.extend(text.split(';').map(normal).filter(|t| !t.is_empty()));
    }
    terms
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the award's name contains the term as consecutive whole words.
fn award_matches(award: &str, term: &str) -> bool {
    let award = words(award);
    let term = words(term);
    !term.is_empty() && award.windows(term.len()).any(|w| w == term.as_slice())
}

/// The themes whose terms match the record, in the order of `themes`.
pub fn match_themes(record: &CatalogueRecord, themes: &[Theme]) -> Vec<ThemeId> {
    let genres: HashSet<String> = record.genres.iter().map(|g| normal(g)).collect();
    let subjects = subject_terms(record);
    let has =
        |set: &HashSet<String>, terms: &[String]| terms.iter().any(|t| set.contains(&normal(t)));
    themes
        .iter()
        .filter(|theme| {
            let matched = has(&genres, &theme.genres)
                || has(&subjects, &theme.subjects)
                || theme
                    .awards
                    .iter()
                    .any(|term| record.awards.iter().any(|a| award_matches(&a.name, term)));
            matched
                && (theme.requires_any_subject.is_empty()
                    || has(&subjects, &theme.requires_any_subject))
        })
        .map(|theme| theme.id.clone())
        .collect()
}

/// Builds the snapshot of `library` and the report of what was kept, skipped and warned.
///
/// `availability` pairs record ids with their copies in this library (several entries for
/// one id are joined). A book is kept when it has a title, an age overlapping 6-11, at
/// least one theme and at least one copy, checked in that order; the first failing check
/// is the skip reason. A kept book without cover is kept with `cover: None` and a warning.
/// `cover` holds the catalogue's cover URL: the importer that fetches covers must replace
/// it by its own server's URL (or `None`) before publishing the snapshot. Books are
/// ordered by title, then id.
pub fn build_snapshot(
    library: &str,
    records: &[CatalogueRecord],
    availability: &[(String, Vec<Copy>)],
    themes: &[Theme],
    generated_at: &str,
    demo: bool,
) -> (Snapshot, ImportReport) {
    let mut report = ImportReport::new("catalogue");
    let mut copies_by_id: HashMap<&str, Vec<&Copy>> = HashMap::new();
    for (id, copies) in availability {
        copies_by_id.entry(id.as_str()).or_default().extend(copies);
    }
    let mut seen = HashSet::new();
    let mut books = Vec::new();
    for record in records {
        match snapshot_book(record, &copies_by_id, themes, demo, &mut seen) {
            Ok(book) => {
                if book.cover.is_none() {
                    report
                        .warnings
                        .push(format!("{}: no cover ({})", book.id, book.title));
                }
                books.push(book);
            }
            Err(reason) => report.skip(record.id.clone(), reason.to_string()),
        }
    }
    books.sort_by(|a, b| a.title.cmp(&b.title).then_with(|| a.id.cmp(&b.id)));
    report.imported = books.len();
    let snapshot = Snapshot {
        library: library.to_string(),
        generated_at: generated_at.to_string(),
        demo,
        themes: themes.to_vec(),
        books,
    };
    (snapshot, report)
}

/// Whether `record` can be a kiosk book, judged on the record alone (everything but
/// duplicates and copies): its ages and themes, or the reason it is left out. An importer
/// that fetches copies per record asks this first and fetches only for candidates.
pub fn candidate(
    record: &CatalogueRecord,
    themes: &[Theme],
    demo: bool,
) -> Result<(AgeRange, Vec<ThemeId>), SkipReason> {
    if !demo && record.subject_texts().any(|s| s == DEMO_MARKER) {
        return Err(SkipReason::DemoRecord);
    }
    if record.title.trim().is_empty() {
        return Err(SkipReason::NoTitle);
    }
    let ages = age_range(record).ok_or(SkipReason::NoTargetAge)?;
    if !ages.overlaps(KIOSK_AGES) {
        return Err(SkipReason::NotForChildren(ages));
    }
    let book_themes = match_themes(record, themes);
    if book_themes.is_empty() {
        return Err(SkipReason::NoThemeMatches);
    }
    Ok((ages, book_themes))
}

fn snapshot_book(
    record: &CatalogueRecord,
    copies_by_id: &HashMap<&str, Vec<&Copy>>,
    themes: &[Theme],
    demo: bool,
    seen: &mut HashSet<String>,
) -> Result<SnapshotBook, SkipReason> {
    if !seen.insert(record.id.clone()) {
        return Err(SkipReason::Duplicate);
    }
    let (ages, book_themes) = candidate(record, themes, demo)?;
    let copies: Vec<Copy> = copies_by_id
        .get(record.id.as_str())
        .map(|copies| copies.iter().map(|c| (*c).clone()).collect())
        .unwrap_or_default();
    if copies.is_empty() {
        return Err(SkipReason::NoCopies);
    }
    Ok(SnapshotBook {
        id: record.id.clone(),
        title: record.title.clone(),
        authors: record.authors.clone(),
        cover: record.cover_url.clone(),
        ages,
        themes: book_themes,
        series: record.series.first().map(|s| match &s.volume {
            Some(volume) => format!("{} ; {volume}", s.title),
            None => s.title.clone(),
        }),
        year: record.year,
        copies,
    })
}

/// The age bands a book's ages overlap, for checking that a snapshot serves every band.
pub fn age_bands(ages: AgeRange) -> Vec<AgeBand> {
    AgeBand::ALL
        .into_iter()
        .filter(|band| band.range().overlaps(ages))
        .collect()
}
