//! `static-api import catalogue`: Cultuurconnect catalogue responses (search, details,
//! availability; XML or JSON) into the Bieblo snapshot of one library, published at
//! `/data/bieblo/<library>.json`. The live client (`live`) ends in the same builder
//! ([`finish`]) and the same [`publish`].

use std::path::{Path, PathBuf};

use suite_domain::bieblo::{Snapshot, Theme, default_themes};
use suite_domain::catalog::Copy;
use suite_domain::import::ImportReport;
use suite_import::catalogue::{
    CatalogueRecord, build_snapshot, generate_demo_catalogue, parse_availability,
    parse_availability_json, parse_details, parse_details_json, parse_error, parse_search,
    parse_search_json,
};

use super::covers::CoverStore;
use super::{is_safe_id, read_inputs};

/// Where a library's snapshot is published, under the public data folder.
pub fn snapshot_path(public_dir: &Path, library: &str) -> PathBuf {
    public_dir.join("bieblo").join(format!("{library}.json"))
}

/// What one import run is about.
#[derive(Debug, Clone)]
pub struct CatalogueImport<'a> {
    pub library: &'a str,
    /// Keep only copies under this catalogue location id (e.g. `/root/bibnet/Wetteren`);
    /// all copies when `None`.
    pub location: Option<&'a str>,
    /// The snapshot is built from generated demo data.
    pub demo: bool,
    /// RFC 3339 time of the run.
    pub now: &'a str,
    /// The library's themes (its own, or the defaults): their terms tag the books.
    pub themes: &'a [Theme],
}

/// Parses every input and builds the snapshot. Each input is sniffed: an API error
/// body, a search page, an availability response or a details record.
pub fn build(
    import: &CatalogueImport<'_>,
    inputs: &[(String, String)],
    mut report: ImportReport,
) -> (Snapshot, ImportReport) {
    let mut records: Vec<CatalogueRecord> = Vec::new();
    let mut availability: Vec<(String, Vec<Copy>)> = Vec::new();
    for (name, body) in inputs {
        if let Some(api_error) = parse_error(body) {
            report.skip(
                name.clone(),
                format!("the catalogue answered with an error: {api_error}"),
            );
            continue;
        }
        let json = body
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{');
        let search = if json {
            body.contains("\"results\"") && body.contains("\"meta\"")
        } else {
            body.contains("<results")
        };
        if search {
            let parsed = if json {
                parse_search_json(body)
            } else {
                parse_search(body)
            };
            match parsed {
                Ok(page) => {
                    for unreadable in page.unreadable {
                        report.skip(format!("{name}#{unreadable}"), "unreadable search result");
                    }
                    records.extend(page.records);
                }
                Err(e) => report.skip(name.clone(), e.to_string()),
            }
        } else if body.contains("<locations") || (json && body.contains("\"locations\"")) {
            let parsed = if json {
                parse_availability_json(body)
            } else {
                parse_availability(body)
            };
            match parsed {
                Ok(avail) => {
                    let copies = match import.location {
                        Some(prefix) => avail.copies_under(prefix),
                        None => avail.copies(),
                    };
                    for edition in &avail.editions {
                        availability.push((edition.id.clone(), copies.clone()));
                    }
                }
                Err(e) => report.skip(name.clone(), e.to_string()),
            }
        } else {
            let parsed = if json {
                parse_details_json(body)
            } else {
                parse_details(body)
            };
            match parsed {
                Ok(record) => records.push(record),
                Err(e) => report.skip(name.clone(), e.to_string()),
            }
        }
    }
    finish(import, &records, &availability, report)
}

/// Builds the snapshot from records and their copies with the library's themes, adding the
/// builder's report to `report`: the one step every catalogue importer (files, upload,
/// live) ends with.
pub fn finish(
    import: &CatalogueImport<'_>,
    records: &[CatalogueRecord],
    availability: &[(String, Vec<Copy>)],
    mut report: ImportReport,
) -> (Snapshot, ImportReport) {
    let (snapshot, built) = build_snapshot(
        import.library,
        records,
        availability,
        import.themes,
        import.now,
        import.demo,
    );
    report.imported = built.imported;
    report.skipped.extend(built.skipped);
    report.warnings.extend(built.warnings);
    (snapshot, report)
}

/// Why an import could not even start.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("library id {0:?} must be lower-case letters, digits, '-' or '_'")]
    BadLibraryId(String),
    #[error("cannot publish the snapshot at {path}: {source}")]
    Publish {
        path: String,
        source: std::io::Error,
    },
}

/// Reads `files`, builds the snapshot and publishes it when at least one book was
/// imported; otherwise the previous snapshot stays live. Covers are left out (the kiosk
/// draws them); [`import_files_with_covers`] fetches them.
pub fn import_files(
    public_dir: &Path,
    import: &CatalogueImport<'_>,
    files: &[PathBuf],
) -> Result<ImportReport, ImportError> {
    if !is_safe_id(import.library) {
        return Err(ImportError::BadLibraryId(import.library.to_string()));
    }
    let mut report = ImportReport::new("catalogue");
    let inputs = read_inputs(files, &mut report);
    let (snapshot, report) = build(import, &inputs, report);
    publish(public_dir, &snapshot, report)
}

/// Like [`import_files`], and fetches the kept books' covers into `covers` first.
pub async fn import_files_with_covers(
    public_dir: &Path,
    import: &CatalogueImport<'_>,
    files: &[PathBuf],
    covers: &CoverStore,
) -> Result<ImportReport, ImportError> {
    if !is_safe_id(import.library) {
        return Err(ImportError::BadLibraryId(import.library.to_string()));
    }
    let mut report = ImportReport::new("catalogue");
    let inputs = read_inputs(files, &mut report);
    let (mut snapshot, mut report) = build(import, &inputs, report);
    if !report.failed() {
        covers.resolve(&mut snapshot, &mut report).await;
    }
    publish(public_dir, &snapshot, report)
}

/// Publishes `snapshot` when `report` imported something; otherwise keeps the previous
/// snapshot and says so in the report.
pub fn publish(
    public_dir: &Path,
    snapshot: &Snapshot,
    mut report: ImportReport,
) -> Result<ImportReport, ImportError> {
    if report.failed() {
        report
            .warnings
            .push("nothing imported: the previous snapshot stays live".into());
        return Ok(report);
    }
    // Only covers on this server are published (see `covers`): the kiosk never asks a
    // third party for an image, and draws a cover with the title instead.
    let mut snapshot = snapshot.clone();
    for book in &mut snapshot.books {
        if !book
            .cover
            .as_deref()
            .is_some_and(super::covers::is_own_cover)
        {
            book.cover = None;
        }
    }
    let path = snapshot_path(public_dir, &snapshot.library);
    let bytes = serde_json::to_vec(&snapshot).map_err(|e| ImportError::Publish {
        path: path.display().to_string(),
        source: std::io::Error::other(e),
    })?;
    crate::publish::publish_file(&path, &bytes).map_err(|source| ImportError::Publish {
        path: path.display().to_string(),
        source,
    })?;
    Ok(report)
}

/// Puts `themes` (labels and pictures staff just saved) into the library's published
/// snapshot, if there is one, keeping its books; new terms only tag books at the next
/// import. Returns whether a snapshot was rewritten.
pub fn restyle_snapshot(
    public_dir: &Path,
    library: &str,
    themes: &[Theme],
) -> Result<bool, ImportError> {
    let path = snapshot_path(public_dir, library);
    let failed = |source: std::io::Error| ImportError::Publish {
        path: path.display().to_string(),
        source,
    };
    // Read, change and write under the file's lock: an import publishing meanwhile
    // is either seen whole or waits, and is never overwritten with the older books.
    let lock = crate::publish::PublishLock::acquire_blocking(&path).map_err(failed)?;
    let Some(bytes) = lock.read().map_err(failed)? else {
        return Ok(false);
    };
    let mut snapshot: Snapshot =
        serde_json::from_slice(&bytes).map_err(|e| failed(std::io::Error::other(e)))?;
    snapshot.themes = themes.to_vec();
    let bytes = serde_json::to_vec(&snapshot).map_err(|e| failed(std::io::Error::other(e)))?;
    lock.write(&bytes).map_err(failed)?;
    Ok(true)
}

/// Builds and publishes a generated demo catalogue for `library` (invented titles,
/// marked as demo data), with copies in `branches`.
pub fn import_demo(
    public_dir: &Path,
    library: &str,
    branches: &[&str],
    seed: u64,
    now: &str,
) -> Result<ImportReport, ImportError> {
    if !is_safe_id(library) {
        return Err(ImportError::BadLibraryId(library.to_string()));
    }
    let demo = generate_demo_catalogue(seed, 240, branches);
    let mut inputs = vec![("demo-search.xml".to_string(), demo.search_xml)];
    inputs.extend(
        demo.availability_xml
            .into_iter()
            .map(|(id, xml)| (format!("demo-availability {id}"), xml)),
    );
    let themes = default_themes();
    let import = CatalogueImport {
        library,
        location: None,
        demo: true,
        now,
        themes: &themes,
    };
    let (snapshot, report) = build(&import, &inputs, ImportReport::new("catalogue"));
    publish(public_dir, &snapshot, report)
}
