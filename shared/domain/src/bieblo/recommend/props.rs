//! Property tests of the recommender over random snapshots: random themes among the ten
//! default ones, ages, series, authors, copies across three branches, likes, dislikes,
//! seeds and books already shown.

use std::collections::HashSet;

use proptest::prelude::*;

use super::{Reason, Request, SHELF_SIZE, Shelf, recommend_shelf};
use crate::bieblo::snapshot::{AgeBand, Snapshot, SnapshotBook};
use crate::bieblo::themes::{ThemeId, default_themes};
use crate::catalog::{AgeRange, Copy};

const BRANCHES: [&str; 3] = ["noord", "zuid", "centrum"];
const YEAR: u16 = 2026;

fn theme_id(i: usize) -> ThemeId {
    default_themes()[i].id.clone()
}

fn copy() -> impl Strategy<Value = Copy> {
    (0..BRANCHES.len(), prop::bool::weighted(0.6), 0..4u8).prop_map(|(b, available, rack)| Copy {
        branch: BRANCHES[b].into(),
        location: "Jeugd".into(),
        sub_location: format!("Rek {rack}"),
        shelf_mark: String::new(),
        available,
    })
}

fn book() -> impl Strategy<Value = SnapshotBook> {
    (
        prop::collection::vec(0..10usize, 0..4),
        (4u8..13, 0u8..5),
        prop::option::of(0..6u8),
        prop::collection::vec(0..12u8, 0..3),
        prop::option::of(2018u16..2028),
        prop::collection::vec(copy(), 0..5),
    )
        .prop_map(
            |(themes, (min, span), series, authors, year, copies)| SnapshotBook {
                id: String::new(),
                title: "Titel".into(),
                authors: authors.iter().map(|a| format!("Auteur {a}")).collect(),
                cover: None,
                ages: AgeRange {
                    min,
                    max: min + span,
                },
                themes: themes.into_iter().map(theme_id).collect(),
                series: series.map(|s| format!("Reeks {s}")),
                year,
                copies,
            },
        )
}

/// A random snapshot and request.
#[derive(Debug, Clone)]
struct Case {
    snapshot: Snapshot,
    branch: &'static str,
    age: AgeBand,
    likes: Vec<ThemeId>,
    dislikes: Vec<ThemeId>,
    seed: u64,
    shown: Vec<String>,
}

impl Case {
    fn request(&self) -> Request<'_> {
        Request {
            branch: self.branch,
            age: self.age,
            likes: &self.likes,
            dislikes: &self.dislikes,
            seed: self.seed,
            already_shown: &self.shown,
            current_year: YEAR,
        }
    }

    fn shelf(&self) -> Shelf {
        recommend_shelf(&self.snapshot, &self.request())
    }

    fn eligible(&self) -> Vec<&SnapshotBook> {
        let band = self.age.range();
        self.snapshot
            .books
            .iter()
            .filter(|b| {
                b.ages.overlaps(band)
                    && b.copies
                        .iter()
                        .any(|c| c.available && c.branch == self.branch)
            })
            .collect()
    }

    fn book(&self, id: &str) -> &SnapshotBook {
        self.snapshot
            .books
            .iter()
            .find(|b| b.id == id)
            .unwrap_or_else(|| panic!("picked {id} is not in the snapshot"))
    }

    fn is_shown(&self, b: &SnapshotBook) -> bool {
        self.shown.contains(&b.id)
    }

    /// 0: has a liked theme; 1: no liked or disliked theme; 2: partly disliked; 3: only
    /// disliked (a theme both liked and disliked counts as liked).
    fn rank(&self, b: &SnapshotBook) -> u8 {
        let disliked = |t: &ThemeId| self.dislikes.contains(t) && !self.likes.contains(t);
        if b.themes.iter().any(|t| self.likes.contains(t)) {
            0
        } else if !b.themes.iter().any(disliked) {
            1
        } else if b.themes.iter().all(disliked) {
            3
        } else {
            2
        }
    }
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec(book(), 0..80),
        0..BRANCHES.len(),
        prop::sample::select(AgeBand::ALL.to_vec()),
        prop::collection::vec(0..10usize, 0..4),
        prop::collection::vec(0..10usize, 0..4),
        any::<u64>(),
        prop::collection::vec(prop::bool::weighted(0.3), 80),
    )
        .prop_map(
            |(mut books, branch, age, likes, dislikes, seed, shown_mask)| {
                for (i, b) in books.iter_mut().enumerate() {
                    b.id = format!("b{i}");
                }
                let mut shown: Vec<String> = books
                    .iter()
                    .zip(&shown_mask)
                    .filter(|(_, shown)| **shown)
                    .map(|(b, _)| b.id.clone())
                    .collect();
                shown.push("gone".into());
                Case {
                    snapshot: Snapshot {
                        library: "prop".into(),
                        generated_at: "2026-01-01T00:00:00Z".into(),
                        demo: true,
                        themes: default_themes(),
                        books,
                    },
                    branch: BRANCHES[branch],
                    age,
                    likes: likes.into_iter().map(theme_id).collect(),
                    dislikes: dislikes.into_iter().map(theme_id).collect(),
                    seed,
                    shown,
                }
            },
        )
}

fn norm(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Two books share a series or an author.
fn clash(a: &SnapshotBook, b: &SnapshotBook) -> bool {
    let series = match (&a.series, &b.series) {
        (Some(x), Some(y)) => norm(x) == norm(y),
        _ => false,
    };
    series
        || a.authors
            .iter()
            .any(|x| b.authors.iter().any(|y| norm(x) == norm(y)))
}

/// The picked books in shelf order and the eligible books left out.
fn split<'c>(case: &'c Case, shelf: &Shelf) -> (Vec<&'c SnapshotBook>, Vec<&'c SnapshotBook>) {
    let picks: Vec<&SnapshotBook> = shelf.picks.iter().map(|p| case.book(&p.book_id)).collect();
    let left_out = case
        .eligible()
        .into_iter()
        .filter(|b| !shelf.picks.iter().any(|p| p.book_id == b.id))
        .collect();
    (picks, left_out)
}

proptest! {
    #[test]
    fn shelf_holds_min_of_eight_and_the_eligible_count(case in case()) {
        let shelf = case.shelf();
        prop_assert!(shelf.picks.len() <= SHELF_SIZE);
        prop_assert_eq!(shelf.picks.len(), case.eligible().len().min(SHELF_SIZE));
    }

    #[test]
    fn picks_are_unique_available_here_and_fit_the_age(case in case()) {
        let shelf = case.shelf();
        let ids: HashSet<&str> = shelf.picks.iter().map(|p| p.book_id.as_str()).collect();
        prop_assert_eq!(ids.len(), shelf.picks.len());
        for p in &shelf.picks {
            let b = case.book(&p.book_id);
            prop_assert!(b.ages.overlaps(case.age.range()));
            let here = b.copies.iter().any(|c| {
                c.available && c.branch == case.branch && c.where_to_find() == p.where_to_find
            });
            prop_assert!(here, "{} has no available copy here at {}", b.id, p.where_to_find);
        }
    }

    #[test]
    fn deterministic_and_independent_of_book_order(case in case()) {
        let shelf = case.shelf();
        prop_assert_eq!(&shelf, &case.shelf());
        let mut reversed = case.clone();
        reversed.snapshot.books.reverse();
        let other = reversed.shelf();
        let ids = |s: &Shelf| s.picks.iter().map(|p| p.book_id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&shelf), ids(&other));
    }

    /// Shown books come back only once every unshown eligible book is on the shelf.
    #[test]
    fn other_tips_rotate_through_the_pool(case in case()) {
        let shelf = case.shelf();
        let (picks, _) = split(&case, &shelf);
        let unshown: Vec<&SnapshotBook> =
            case.eligible().into_iter().filter(|b| !case.is_shown(b)).collect();
        if unshown.len() >= SHELF_SIZE {
            prop_assert!(picks.iter().all(|b| !case.is_shown(b)));
        } else {
            prop_assert!(unshown.iter().all(|u| picks.iter().any(|p| p.id == u.id)));
        }
        prop_assert_eq!(shelf.pool_restarted, picks.iter().any(|b| case.is_shown(b)));
    }

    /// A pick shares a series or an author with an earlier pick only when every eligible
    /// book left out of its group (shown before or not) clashes with some pick too.
    #[test]
    fn series_and_authors_repeat_only_when_forced(case in case()) {
        let shelf = case.shelf();
        let (picks, left_out) = split(&case, &shelf);
        for (k, p) in picks.iter().enumerate() {
            if picks[..k].iter().any(|q| clash(p, q)) {
                for b in left_out.iter().filter(|b| case.is_shown(b) == case.is_shown(p)) {
                    prop_assert!(picks.iter().any(|q| clash(b, q)), "{} left out for {}", b.id, p.id);
                }
            }
        }
    }

    /// Liked before the rest, the rest before partly disliked, only disliked last: a book
    /// left out of a pick's group ranks no better unless it clashes with some pick.
    #[test]
    fn likes_first_and_dislikes_last(case in case()) {
        let shelf = case.shelf();
        let (picks, left_out) = split(&case, &shelf);
        for p in &picks {
            for b in left_out.iter().filter(|b| case.is_shown(b) == case.is_shown(p)) {
                prop_assert!(
                    case.rank(b) >= case.rank(p) || picks.iter().any(|q| clash(b, q)),
                    "{} left out for {}", b.id, p.id
                );
            }
        }
    }

    #[test]
    fn every_pick_says_why(case in case()) {
        let shelf = case.shelf();
        let themes = default_themes();
        for p in &shelf.picks {
            let b = case.book(&p.book_id);
            prop_assert!(p.reasons.contains(&Reason::AgeFit));
            prop_assert!(p.reasons.contains(&Reason::AvailableHere));
            let recent = b.year.is_some_and(|y| y <= YEAR && YEAR - y < 3);
            prop_assert_eq!(p.reasons.contains(&Reason::Recent), recent);
            let liked = case.rank(b) == 0;
            match &p.reasons[0] {
                Reason::LikedTheme(_) => {
                    prop_assert!(liked);
                    for r in &p.reasons {
                        if let Reason::LikedTheme(t) = r {
                            prop_assert!(case.likes.contains(t) && b.themes.contains(t));
                        }
                    }
                }
                Reason::NearTheme { liked: l, near } => {
                    prop_assert!(!liked && case.likes.contains(l) && b.themes.contains(near));
                    let theme = themes.iter().find(|t| &t.id == l).expect("a default theme");
                    prop_assert!(theme.near.contains(near));
                    prop_assert!(!case.dislikes.contains(near));
                }
                Reason::AnyTheme => prop_assert!(!liked),
                other => prop_assert!(false, "first reason {:?}", other),
            }
        }
        let unliked = shelf.picks.iter().any(|p| !matches!(p.reasons[0], Reason::LikedTheme(_)));
        prop_assert_eq!(shelf.filled_from_near_themes, !case.likes.is_empty() && unliked);
    }
}
