//! Common content types of library catalogues: books and their copies. Importers fill
//! them; apps and recommenders read them. Shows of a cultural programme live in
//! [`crate::culture`].

use serde::{Deserialize, Serialize};

/// An inclusive range of ages in years, as catalogues and programmes give them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeRange {
    pub min: u8,
    pub max: u8,
}

impl AgeRange {
    /// A range, or `None` when `min > max`.
    pub fn new(min: u8, max: u8) -> Option<Self> {
        (min <= max).then_some(Self { min, max })
    }

    pub fn contains(self, age: u8) -> bool {
        (self.min..=self.max).contains(&age)
    }

    /// Whether two ranges share at least one age.
    pub fn overlaps(self, other: AgeRange) -> bool {
        self.min <= other.max && other.min <= self.max
    }
}

/// Where one copy of a book stands in one branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Copy {
    pub branch: String,
    /// e.g. `Jeugd`.
    pub location: String,
    /// e.g. `Avontuur`.
    pub sub_location: String,
    /// e.g. `KLEI`.
    pub shelf_mark: String,
    /// On the shelf now (not lent out).
    pub available: bool,
}

impl Copy {
    /// How a child finds the book: "Jeugd - Avontuur - KLEI", skipping empty parts.
    pub fn where_to_find(&self) -> String {
        [&self.location, &self.sub_location, &self.shelf_mark]
            .into_iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" - ")
    }
}

/// A title from a library catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Book {
    pub id: String,
    pub title: String,
    pub authors: Vec<String>,
    pub cover_url: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub ages: Option<AgeRange>,
    pub subjects: Vec<String>,
    pub series: Option<String>,
    pub year: Option<u16>,
    pub copies: Vec<Copy>,
}

impl Book {
    /// Whether a copy is on the shelf now in `branch`.
    pub fn available_in(&self, branch: &str) -> bool {
        self.copies
            .iter()
            .any(|c| c.available && c.branch == branch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_ranges() {
        assert_eq!(AgeRange::new(9, 6), None);
        let r = AgeRange::new(6, 8).expect("valid range");
        assert!(r.contains(6) && r.contains(8) && !r.contains(9) && !r.contains(5));
        let overlaps = |a, b| r.overlaps(AgeRange::new(a, b).expect("valid range"));
        assert!(overlaps(8, 11));
        assert!(overlaps(0, 6));
        assert!(!overlaps(9, 11));
    }

    #[test]
    fn where_to_find_skips_empty_parts() {
        let mut copy = Copy {
            branch: "hoofd".into(),
            location: "Jeugd".into(),
            sub_location: "Avontuur".into(),
            shelf_mark: "KLEI".into(),
            available: true,
        };
        assert_eq!(copy.where_to_find(), "Jeugd - Avontuur - KLEI");
        copy.sub_location = " ".into();
        assert_eq!(copy.where_to_find(), "Jeugd - KLEI");
    }

    #[test]
    fn availability_is_per_branch() {
        let copy = |branch: &str, available| Copy {
            branch: branch.into(),
            location: String::new(),
            sub_location: String::new(),
            shelf_mark: String::new(),
            available,
        };
        let book = Book {
            id: "1".into(),
            title: "t".into(),
            authors: vec![],
            cover_url: None,
            description: None,
            language: None,
            ages: None,
            subjects: vec![],
            series: None,
            year: None,
            copies: vec![copy("a", false), copy("b", true)],
        };
        assert!(!book.available_in("a"));
        assert!(book.available_in("b"));
        assert!(!book.available_in("c"));
    }
}
