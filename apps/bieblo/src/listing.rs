//! The lines of a child's book list (on the kiosk's "take your list" screen, on paper and
//! on the phone page): title, authors and where the book stands.

use suite_domain::bieblo::{Pick, Snapshot, SnapshotBook};

/// One book on a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ListedBook {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) authors: String,
    /// "Jeugd - Avontuur - KLEI"; empty when the library has no copy (any more).
    pub(crate) where_to_find: String,
    /// The branch of that copy, when it is not the kiosk's own.
    pub(crate) other_branch: Option<String>,
}

fn line(book: &SnapshotBook, where_to_find: String, other_branch: Option<String>) -> ListedBook {
    ListedBook {
        id: book.id.clone(),
        title: book.title.clone(),
        authors: book.authors.join(", "),
        where_to_find,
        other_branch,
    }
}

/// The kiosk's picks as list lines (their place was found when they were picked).
pub(crate) fn picks_to_lines(snapshot: &Snapshot, picks: &[Pick]) -> Vec<ListedBook> {
    picks
        .iter()
        .filter_map(|pick| {
            let book = snapshot.books.iter().find(|b| b.id == pick.book_id)?;
            Some(line(book, pick.where_to_find.clone(), None))
        })
        .collect()
}

/// The books `ids` of a snapshot as list lines, in the order given; unknown ids are left
/// out. Each book's place: an available copy in `branch`, else any copy in `branch`, else
/// a copy elsewhere (naming its branch).
pub(crate) fn ids_to_lines(
    snapshot: &Snapshot,
    ids: &[String],
    branch: Option<&str>,
) -> Vec<ListedBook> {
    ids.iter()
        .filter_map(|id| snapshot.books.iter().find(|b| &b.id == id))
        .map(|book| {
            let here = |c: &&suite_domain::catalog::Copy| Some(c.branch.as_str()) == branch;
            let copy = book
                .copies
                .iter()
                .filter(here)
                .find(|c| c.available)
                .or_else(|| book.copies.iter().find(here))
                .or_else(|| book.copies.iter().find(|c| c.available))
                .or_else(|| book.copies.first());
            match copy {
                Some(c) if Some(c.branch.as_str()) == branch => line(book, c.where_to_find(), None),
                Some(c) => line(book, c.where_to_find(), Some(c.branch.clone())),
                None => line(book, String::new(), None),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::fixtures::{BRANCH, library};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn ids_become_lines_with_their_place_in_the_branch() {
        let snapshot = library(10).snapshot;
        let ids: Vec<String> = ["b3", "onbekend", "b6"].map(String::from).to_vec();
        let lines = ids_to_lines(&snapshot, &ids, Some(BRANCH));
        let found: Vec<_> = lines
            .iter()
            .map(|l| (l.id.as_str(), l.where_to_find.as_str()))
            .collect();
        // b6 is lent out in the branch, but still stands there when it comes back.
        assert_eq!(
            found,
            [
                ("b3", "Jeugd - Avontuur - KLEI"),
                ("b6", "Jeugd - Avontuur - KLEI")
            ]
        );
        assert_eq!(lines[0].authors, "Auteur 3");
        assert_eq!(lines[0].other_branch, None);

        let elsewhere = ids_to_lines(&snapshot, &ids, None);
        assert_eq!(elsewhere[0].other_branch.as_deref(), Some("Elders"));
        assert_eq!(elsewhere[0].where_to_find, "Jeugd - Avontuur - ELD");
    }
}
