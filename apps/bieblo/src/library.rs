//! What the kiosk knows about its library: the settings staff chose and the snapshot of
//! books and themes, kept together because one is useless without the other.

use suite_domain::bieblo::kiosk::{DEFAULT_IDLE_SECONDS, IDLE_SECONDS_RANGE, KioskSettings};
use suite_domain::bieblo::{Snapshot, SnapshotBook, Theme, ThemeId};
use suite_domain::i18n::Lang;

/// One library's kiosk data, as loaded (or remembered) together.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Library {
    pub(crate) settings: KioskSettings,
    pub(crate) snapshot: Snapshot,
}

impl Library {
    /// The book with this id.
    pub(crate) fn book(&self, id: &str) -> Option<&SnapshotBook> {
        self.snapshot.books.iter().find(|b| b.id == id)
    }

    /// The theme with this id.
    pub(crate) fn theme(&self, id: &ThemeId) -> Option<&Theme> {
        self.snapshot.themes.iter().find(|t| &t.id == id)
    }

    /// Seconds without input before the kiosk starts over; staff's choice, kept within
    /// the allowed range.
    pub(crate) fn idle_seconds(&self) -> u32 {
        match self.settings.idle_seconds {
            0 => DEFAULT_IDLE_SECONDS,
            s => s.clamp(*IDLE_SECONDS_RANGE.start(), *IDLE_SECONDS_RANGE.end()),
        }
    }
}

/// A theme's label in `lang`.
pub(crate) fn theme_label(theme: &Theme, lang: Lang) -> &str {
    match lang {
        Lang::Nl => &theme.label_nl,
        Lang::En => &theme.label_en,
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! A small library for the tests: ten default themes, books in two branches.

    use super::*;
    use suite_domain::bieblo::default_themes;
    use suite_domain::catalog::{AgeRange, Copy};

    pub(crate) const BRANCH: &str = "Hoofdbib";

    fn copy(branch: &str, shelf: &str, available: bool) -> Copy {
        Copy {
            branch: branch.into(),
            location: "Jeugd".into(),
            sub_location: "Avontuur".into(),
            shelf_mark: shelf.into(),
            available,
        }
    }

    /// `n` books: book `i` has theme `i % 10`, ages 6-11, a copy in `BRANCH` (available
    /// except every seventh) and one in `Elders`.
    pub(crate) fn library(n: usize) -> Library {
        let themes = default_themes();
        let books = (0..n)
            .map(|i| SnapshotBook {
                id: format!("b{i}"),
                title: format!("Boek {i}"),
                authors: vec![format!("Auteur {i}")],
                cover: None,
                ages: AgeRange { min: 6, max: 11 },
                themes: vec![themes[i % themes.len()].id.clone()],
                series: None,
                year: Some(2020),
                copies: vec![
                    copy("Elders", "ELD", true),
                    copy(BRANCH, "KLEI", i % 7 != 6),
                ],
            })
            .collect();
        Library {
            settings: KioskSettings {
                library: "demo".into(),
                library_name: "Bib Demo".into(),
                branch_id: "hoofd".into(),
                branch: BRANCH.into(),
                idle_seconds: 60,
                active: true,
                lang: Lang::Nl,
                subscribed: true,
            },
            snapshot: Snapshot {
                library: "demo".into(),
                generated_at: "2026-11-28T08:00:00Z".into(),
                demo: true,
                themes,
                books,
            },
        }
    }
}
