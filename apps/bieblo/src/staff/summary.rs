//! What the back-office needs from a library's current snapshot: the branch names its
//! copies stand in (suggestions for the kiosk form) and the themes (labels for the
//! statistics).

use suite_domain::bieblo::{Snapshot, Theme};
use suite_domain::i18n::Lang;

use crate::library::theme_label;

/// A small summary of a snapshot, cheap to compare between renders.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Summary {
    /// Distinct branch names of all copies.
    pub(super) branches: Vec<String>,
    pub(super) themes: Vec<Theme>,
}

impl Summary {
    pub(super) fn of(snapshot: &Snapshot) -> Summary {
        // In the order they first appear (a library has a handful; sorting would cost
        // more wasm than it is worth).
        let mut branches: Vec<String> = Vec::new();
        let names = snapshot.books.iter().flat_map(|book| &book.copies);
        for name in names.map(|copy| copy.branch.trim()) {
            if !name.is_empty() && !branches.iter().any(|b| b == name) {
                branches.push(name.to_owned());
            }
        }
        Summary {
            branches,
            themes: snapshot.themes.clone(),
        }
    }

    /// The label of a theme in `lang`; its id when the snapshot does not know it.
    pub(super) fn theme_label<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.themes
            .iter()
            .find(|theme| theme.id.as_str() == id)
            .map_or(id, |theme| theme_label(theme, lang))
    }
}
