//! Importers of outside data: read files, fetch a URL or ask a live API (`live`), parse
//! with `suite-import`, fetch covers (`covers`), and publish a snapshot under
//! `<data-dir>/public/` only when something could be imported, so a bad import never
//! replaces good data. `refresh` runs the live catalogue import on a schedule, `programme_refresh` each
//! centre's UiTdatabank source, both through `schedule`.

pub mod catalogue;
pub mod covers;
pub mod events;
pub mod live;
pub mod programme_refresh;
pub mod refresh;
pub mod schedule;

use std::path::PathBuf;

use suite_domain::import::ImportReport;

/// Now as RFC 3339 (UTC), for snapshot stamps.
pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Whether `id` is safe as a file name and URL segment (`demo-wetteren`).
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Reads import files; a file that cannot be read becomes a skip in `report`.
pub fn read_inputs(files: &[PathBuf], report: &mut ImportReport) -> Vec<(String, String)> {
    files
        .iter()
        .filter_map(|path| {
            let name = path.display().to_string();
            match std::fs::read(path) {
                Ok(bytes) => Some((name, String::from_utf8_lossy(&bytes).into_owned())),
                Err(e) => {
                    report.skip(name, format!("cannot read file: {e}"));
                    None
                }
            }
        })
        .collect()
}

pub use crate::publish::write_atomically;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_ids() {
        for ok in ["demo-wetteren", "gent", "lib_2"] {
            assert!(is_safe_id(ok), "{ok}");
        }
        for bad in ["", "../x", "a/b", "Gent", "a.json", &"x".repeat(65)] {
            assert!(!is_safe_id(bad), "{bad}");
        }
    }
}
