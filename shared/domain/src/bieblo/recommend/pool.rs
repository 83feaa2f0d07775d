//! The candidates of one request: which books are eligible, their tier and score, and the
//! greedy selection that keeps a shelf varied and rotates through the pool.

use std::collections::{HashMap, HashSet};

use super::score::{DISLIKE, LIKE, VARIETY, age_fit, freshness, jitter};
use super::{Request, SHELF_SIZE};
use crate::bieblo::snapshot::{Snapshot, SnapshotBook};
use crate::bieblo::themes::ThemeId;
use crate::catalog::Copy;

/// Order in which groups of books fill the shelf; a lower tier always goes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Tier {
    /// Has at least one liked theme.
    Liked,
    /// No liked or disliked theme; a theme at this position in a liked theme's `near`.
    Near(usize),
    /// No liked, near or disliked theme (or no theme at all).
    Other,
    /// Some but not all of its themes are disliked.
    PartlyDisliked,
    /// Every theme it has is disliked.
    OnlyDisliked,
}

/// An eligible book with what selection needs, computed once per request. Themes, series
/// and authors are numbered per request, so selection compares numbers, not strings.
pub(super) struct Candidate<'a> {
    pub(super) book: &'a SnapshotBook,
    /// The first available copy in the branch.
    pub(super) copy: &'a Copy,
    /// In `Request::already_shown`.
    pub(super) shown: bool,
    pub(super) tier: Tier,
    /// Theme slots of its liked themes, in the order of the likes.
    pub(super) liked: Vec<usize>,
    /// For `Tier::Near`: (index of the liked theme, slot of the book's near theme).
    pub(super) near: Option<(usize, usize)>,
    pub(super) recent: bool,
    /// Theme slots of all its themes, without repeats.
    slots: Vec<usize>,
    disliked: i64,
    /// Age fit, freshness and jitter.
    base: i64,
    series: Option<usize>,
    authors: Vec<usize>,
}

impl Candidate<'_> {
    /// Score for the next slot, given how many picks show each theme slot.
    fn score(&self, counts: &[u32]) -> i64 {
        let themes = match self.tier {
            Tier::Liked => self.liked.iter().map(|&s| LIKE >> counts[s].min(16)).sum(),
            _ => {
                -VARIETY
                    * self
                        .slots
                        .iter()
                        .map(|&s| i64::from(counts[s]))
                        .sum::<i64>()
            }
        };
        themes - DISLIKE * self.disliked + self.base
    }
}

/// What one theme means for this request.
struct SlotTheme<'a> {
    id: &'a ThemeId,
    /// Index in the likes.
    like: Option<usize>,
    disliked: bool,
    /// (position in a liked theme's `near`, index of that liked theme), the nearest.
    near: Option<(usize, usize)>,
}

/// The eligible books of one request.
pub(super) struct Pool<'a> {
    pub(super) candidates: Vec<Candidate<'a>>,
    likes: Vec<&'a ThemeId>,
    themes: Vec<SlotTheme<'a>>,
    series: usize,
    authors: usize,
}

impl<'a> Pool<'a> {
    pub(super) fn new(snapshot: &'a Snapshot, req: &Request<'a>) -> Self {
        let band = req.age.range();
        let mut likes: Vec<&ThemeId> = Vec::new();
        for like in req.likes {
            if !likes.contains(&like) {
                likes.push(like);
            }
        }
        let near = near_themes(snapshot, &likes);
        let shown: HashSet<&str> = req.already_shown.iter().map(String::as_str).collect();

        let mut ids = HashSet::new();
        let mut themes: Vec<SlotTheme<'a>> = Vec::new();
        let mut slot_of: HashMap<&'a str, usize> = HashMap::new();
        let (mut series, mut authors) = (Names::default(), Names::default());
        let mut candidates = Vec::new();
        for book in &snapshot.books {
            let Some(copy) = book
                .copies
                .iter()
                .find(|c| c.available && c.branch == req.branch)
            else {
                continue;
            };
            if !book.ages.overlaps(band) || !ids.insert(book.id.as_str()) {
                continue;
            }
            let mut slots = Vec::with_capacity(book.themes.len());
            for id in &book.themes {
                let slot = *slot_of.entry(id.as_str()).or_insert_with(|| {
                    let like = likes.iter().position(|l| *l == id);
                    themes.push(SlotTheme {
                        id,
                        like,
                        disliked: like.is_none() && req.dislikes.contains(id),
                        near: near.get(id.as_str()).copied(),
                    });
                    themes.len() - 1
                });
                if !slots.contains(&slot) {
                    slots.push(slot);
                }
            }
            let mut liked: Vec<usize> = slots
                .iter()
                .copied()
                .filter(|&s| themes[s].like.is_some())
                .collect();
            liked.sort_by_key(|&s| themes[s].like);
            let disliked = slots.iter().filter(|&&s| themes[s].disliked).count();
            let nearest = slots
                .iter()
                .filter_map(|&s| themes[s].near.map(|(rank, like)| (rank, like, s)))
                .min();
            let (tier, near_reason) = if !liked.is_empty() {
                (Tier::Liked, None)
            } else if disliked > 0 && disliked == slots.len() {
                (Tier::OnlyDisliked, None)
            } else if disliked > 0 {
                (Tier::PartlyDisliked, None)
            } else if let Some((rank, like, slot)) = nearest {
                (Tier::Near(rank), Some((like, slot)))
            } else {
                (Tier::Other, None)
            };
            let fresh = freshness(book.year, req.current_year);
            candidates.push(Candidate {
                book,
                copy,
                shown: shown.contains(book.id.as_str()),
                tier,
                liked,
                near: near_reason,
                recent: fresh > 0,
                slots,
                disliked: disliked as i64,
                base: age_fit(book.ages, req.age) + fresh + jitter(req.seed, &book.id),
                series: book.series.as_deref().and_then(|s| series.number(s)),
                authors: book
                    .authors
                    .iter()
                    .filter_map(|a| authors.number(a))
                    .collect(),
            });
        }
        Pool {
            candidates,
            likes,
            themes,
            series: series.len(),
            authors: authors.len(),
        }
    }

    /// The theme of a slot.
    pub(super) fn theme(&self, slot: usize) -> &'a ThemeId {
        self.themes[slot].id
    }

    /// The liked theme at an index of the (deduplicated) likes.
    pub(super) fn like(&self, index: usize) -> &'a ThemeId {
        self.likes[index]
    }

    /// Indices into `candidates` of the shelf, in the order picked (best first).
    pub(super) fn select(&self) -> Vec<usize> {
        let mut shelf = ShelfState {
            picked: Vec::with_capacity(SHELF_SIZE),
            taken: vec![false; self.candidates.len()],
            counts: vec![0; self.themes.len()],
            series: vec![false; self.series],
            authors: vec![false; self.authors],
        };
        for shown in [false, true] {
            for clash_free in [true, false] {
                while shelf.picked.len() < SHELF_SIZE {
                    let Some(i) = self.best(&shelf, shown, clash_free) else {
                        break;
                    };
                    shelf.take(i, &self.candidates[i]);
                }
            }
        }
        shelf.picked
    }

    /// The best book for the next slot among those not taken, of the given group.
    fn best(&self, shelf: &ShelfState, shown: bool, clash_free: bool) -> Option<usize> {
        self.candidates
            .iter()
            .enumerate()
            .filter(|&(i, c)| {
                !shelf.taken[i] && c.shown == shown && !(clash_free && shelf.clashes(c))
            })
            .map(|(i, c)| (i, c.tier, c.score(&shelf.counts)))
            .max_by(|a, b| {
                // Lower tier, then higher score, then smaller id (ids are unique here).
                b.1.cmp(&a.1).then(a.2.cmp(&b.2)).then_with(|| {
                    let id = |i: usize| self.candidates[i].book.id.as_str();
                    id(b.0).cmp(id(a.0))
                })
            })
            .map(|(i, ..)| i)
    }
}

/// What is on the shelf so far.
struct ShelfState {
    picked: Vec<usize>,
    taken: Vec<bool>,
    /// Picks per theme slot.
    counts: Vec<u32>,
    /// Series and authors on the shelf, by number.
    series: Vec<bool>,
    authors: Vec<bool>,
}

impl ShelfState {
    /// Shares a series or an author with a pick.
    fn clashes(&self, c: &Candidate<'_>) -> bool {
        c.series.is_some_and(|s| self.series[s]) || c.authors.iter().any(|&a| self.authors[a])
    }

    fn take(&mut self, i: usize, c: &Candidate<'_>) {
        self.picked.push(i);
        self.taken[i] = true;
        for &s in &c.slots {
            self.counts[s] += 1;
        }
        if let Some(s) = c.series {
            self.series[s] = true;
        }
        for &a in &c.authors {
            self.authors[a] = true;
        }
    }
}

/// Numbers distinct series or author names, compared trimmed and ignoring case; an empty
/// name gets none. Lower-cases each distinct spelling once.
#[derive(Default)]
struct Names<'a> {
    spelled: HashMap<&'a str, Option<usize>>,
    normal: HashMap<String, usize>,
}

impl<'a> Names<'a> {
    fn number(&mut self, name: &'a str) -> Option<usize> {
        if let Some(&n) = self.spelled.get(name) {
            return n;
        }
        let trimmed = name.trim();
        let next = self.normal.len();
        let n = (!trimmed.is_empty())
            .then(|| *self.normal.entry(trimmed.to_lowercase()).or_insert(next));
        self.spelled.insert(name, n);
        n
    }

    fn len(&self) -> usize {
        self.normal.len()
    }
}

/// Near themes of the likes: theme id -> (position in a liked theme's `near`, index of that
/// liked theme), the nearest kept. (A liked or disliked theme may be listed; it does not
/// matter, as books with one are in other tiers.)
fn near_themes<'a>(snapshot: &'a Snapshot, likes: &[&ThemeId]) -> HashMap<&'a str, (usize, usize)> {
    let mut near: HashMap<&str, (usize, usize)> = HashMap::new();
    for (l, like) in likes.iter().enumerate() {
        let Some(theme) = snapshot.themes.iter().find(|t| &&t.id == like) else {
            continue;
        };
        for (rank, n) in theme.near.iter().enumerate() {
            let entry = near.entry(n.as_str()).or_insert((rank, l));
            *entry = (*entry).min((rank, l));
        }
    }
    near
}
