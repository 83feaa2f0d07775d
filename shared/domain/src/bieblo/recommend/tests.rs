//! Unit tests of the recommender, one rule each, on small hand-built snapshots: the
//! helpers, and the tests in `themes` and `shelf`.

mod shelf;
mod themes;

use std::collections::BTreeSet;

use super::score::{AGE_FIT, JITTER, LIKE, RECENT_PER_YEAR, age_fit, freshness, jitter};
use super::{Pick, Reason, Request, SHELF_SIZE, Shelf, recommend_shelf};
use crate::bieblo::snapshot::{AgeBand, Snapshot, SnapshotBook};
use crate::bieblo::themes::{ThemeId, default_themes};
use crate::catalog::{AgeRange, Copy};

const HERE: &str = "hoofdbib";
const YEAR: u16 = 2026;

fn copy(branch: &str, place: &str, available: bool) -> Copy {
    Copy {
        branch: branch.into(),
        location: "Jeugd".into(),
        sub_location: place.into(),
        shelf_mark: String::new(),
        available,
    }
}

fn book(
    id: &str,
    themes: &[&str],
    ages: (u8, u8),
    series: Option<&str>,
    authors: &[&str],
    available_in: &[&str],
) -> SnapshotBook {
    SnapshotBook {
        id: id.into(),
        title: format!("Titel {id}"),
        authors: authors.iter().map(|a| a.to_string()).collect(),
        cover: None,
        ages: AgeRange::new(ages.0, ages.1).expect("valid ages"),
        themes: themes.iter().map(|t| ThemeId::from(*t)).collect(),
        series: series.map(str::to_string),
        year: Some(2000),
        copies: available_in.iter().map(|b| copy(b, id, true)).collect(),
    }
}

/// A book for ages 8-9 on the shelf here, with no series or author.
fn plain(id: &str, themes: &[&str]) -> SnapshotBook {
    book(id, themes, (8, 9), None, &[], &[HERE])
}

/// `n` plain books with ids `{prefix}0`, `{prefix}1`, ...
fn many(prefix: &str, n: usize, themes: &[&str]) -> Vec<SnapshotBook> {
    (0..n)
        .map(|i| plain(&format!("{prefix}{i}"), themes))
        .collect()
}

fn snapshot(books: Vec<SnapshotBook>) -> Snapshot {
    Snapshot {
        library: "test".into(),
        generated_at: "2026-01-01T00:00:00Z".into(),
        demo: true,
        themes: default_themes(),
        books,
    }
}

/// What a child asks, with defaults: here, ages 8-9, no likes, seed 1.
#[derive(Clone)]
struct Ask {
    age: AgeBand,
    likes: Vec<ThemeId>,
    dislikes: Vec<ThemeId>,
    seed: u64,
    shown: Vec<String>,
}

fn ask() -> Ask {
    Ask {
        age: AgeBand::EightNine,
        likes: vec![],
        dislikes: vec![],
        seed: 1,
        shown: vec![],
    }
}

impl Ask {
    fn likes(mut self, themes: &[&str]) -> Self {
        self.likes = themes.iter().map(|t| ThemeId::from(*t)).collect();
        self
    }
    fn dislikes(mut self, themes: &[&str]) -> Self {
        self.dislikes = themes.iter().map(|t| ThemeId::from(*t)).collect();
        self
    }
    fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
    fn shown(mut self, ids: &[String]) -> Self {
        self.shown = ids.to_vec();
        self
    }
}

fn shelf(books: &[SnapshotBook], ask: &Ask) -> Shelf {
    let snapshot = snapshot(books.to_vec());
    recommend_shelf(
        &snapshot,
        &Request {
            branch: HERE,
            age: ask.age,
            likes: &ask.likes,
            dislikes: &ask.dislikes,
            seed: ask.seed,
            already_shown: &ask.shown,
            current_year: YEAR,
        },
    )
}

fn ids(shelf: &Shelf) -> Vec<String> {
    shelf.picks.iter().map(|p| p.book_id.clone()).collect()
}

fn pick<'s>(shelf: &'s Shelf, id: &str) -> &'s Pick {
    shelf
        .picks
        .iter()
        .find(|p| p.book_id == id)
        .unwrap_or_else(|| panic!("{id} not on the shelf {:?}", ids(shelf)))
}

/// For seeds 0..20, the shelf holds exactly the books `expected`, each once, in any order.
fn check(books: &[SnapshotBook], ask: &Ask, expected: &[&str]) {
    for seed in 0..20 {
        let mut got = ids(&shelf(books, &ask.clone().seed(seed)));
        got.sort();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "seed {seed}");
    }
}

/// For seeds 0..20, `count` of the picks have an id starting with `prefix`.
fn check_count(books: &[SnapshotBook], ask: &Ask, prefix: &str, count: usize) {
    for seed in 0..20 {
        let got = ids(&shelf(books, &ask.clone().seed(seed)));
        let n = got.iter().filter(|id| id.starts_with(prefix)).count();
        assert_eq!(n, count, "seed {seed}: {prefix}* in {got:?}");
    }
}

fn concat(parts: &[Vec<SnapshotBook>]) -> Vec<SnapshotBook> {
    parts.concat()
}
