//! A class's progress as kept in the browser's `localStorage`: a few lines of text with
//! a version number. Reading back is forgiving in one way only: anything that is not a
//! sound progress of this version on this route gives a fresh start, never a panic.
//!
//! ```text
//! voor-de-show progress 1
//! grade 8-10
//! place podium
//! running
//! done inkom-wie-ben-ik tickets-sfeer
//! skipped
//! ```

use std::collections::BTreeSet;

use super::progress::{Progress, Route};
use super::{Grade, id_ok};

/// The version of the stored form this code writes and reads.
pub const STORAGE_VERSION: u32 = 1;
const HEADER: &str = "voor-de-show progress";

/// Why a stored progress was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Not our header, or another version (`None`: no readable version).
    Version(Option<u32>),
    /// A line that is not what this version writes (its number, from 1).
    Line(usize),
    /// Readable, but not a valid progress on this route (content changed since).
    Invalid(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Version(Some(v)) => {
                write!(f, "stored progress has version {v}, not {STORAGE_VERSION}")
            }
            StoreError::Version(None) => write!(f, "not a stored progress"),
            StoreError::Line(n) => write!(f, "line {n} of the stored progress is not understood"),
            StoreError::Invalid(why) => write!(f, "stored progress does not fit the game: {why}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl Progress {
    /// The text to keep in the browser.
    pub fn to_storage(&self) -> String {
        let list =
            |set: &BTreeSet<String>| set.iter().map(String::as_str).collect::<Vec<_>>().join(" ");
        format!(
            "{HEADER} {STORAGE_VERSION}\ngrade {}\nplace {}\nrunning {}\ndone {}\nskipped {}\n",
            self.grade.map(Grade::label).unwrap_or_default(),
            self.place,
            self.running.as_deref().unwrap_or_default(),
            list(&self.done),
            list(&self.skipped),
        )
        .replace(" \n", "\n")
    }

    /// Reads a stored progress and checks it against `route`.
    pub fn from_storage(route: &Route, stored: &str) -> Result<Progress, StoreError> {
        let mut lines = stored.lines();
        let version = lines
            .next()
            .and_then(|l| l.strip_prefix(HEADER))
            .and_then(|v| v.strip_prefix(' '))
            .ok_or(StoreError::Version(None))?;
        let version = version
            .parse::<u32>()
            .map_err(|_| StoreError::Version(None))?;
        if version != STORAGE_VERSION {
            return Err(StoreError::Version(Some(version)));
        }
        const KEYS: [&str; 5] = ["grade", "place", "running", "done", "skipped"];
        let mut fields: Vec<Vec<&str>> = Vec::with_capacity(KEYS.len());
        for (n, key) in KEYS.into_iter().enumerate() {
            let number = n + 2;
            let mut words = lines.next().ok_or(StoreError::Line(number))?.split(' ');
            let named = words.next() == Some(key);
            let values: Vec<&str> = words.collect();
            if !named || !values.iter().all(|v| id_ok(v)) {
                return Err(StoreError::Line(number));
            }
            fields.push(values);
        }
        if let Some(n) = lines.position(|l| !l.trim().is_empty()) {
            return Err(StoreError::Line(KEYS.len() + 2 + n));
        }
        let one = |n: usize| match fields[n].as_slice() {
            [] => Ok(None),
            [v] => Ok(Some((*v).to_owned())),
            _ => Err(StoreError::Line(n + 2)),
        };
        let grade = match one(0)? {
            None => None,
            Some(label) => Some(Grade::from_label(&label).ok_or(StoreError::Line(2))?),
        };
        let place = one(1)?.ok_or(StoreError::Line(3))?;
        let set = |n: usize| {
            fields[n]
                .iter()
                .map(|v| (*v).to_owned())
                .collect::<BTreeSet<_>>()
        };
        let progress = Progress {
            grade,
            place,
            running: one(2)?,
            done: set(3),
            skipped: set(4),
        };
        progress.check(route).map_err(StoreError::Invalid)?;
        Ok(progress)
    }

    /// The stored progress if it is sound, else a fresh start: what the game calls with
    /// whatever `localStorage` held (nothing, an old version, a damaged value).
    pub fn restore(route: &Route, stored: Option<&str>) -> Progress {
        stored
            .and_then(|s| Progress::from_storage(route, s).ok())
            .unwrap_or_else(|| Progress::new(route))
    }
}
