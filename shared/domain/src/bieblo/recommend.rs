//! The Bieblo recommender: from a child's age band and swiped themes, a shelf of eight
//! books that stand on the shelf now in the kiosk's branch, varied, each with why it was
//! picked. Pure and deterministic: the only variety comes from the request's seed.
//!
//! How a shelf is built:
//! 1. **Eligible** books have a copy with `available` in `Request::branch` and an age range
//!    that overlaps the band. Nothing else is ever picked; a book id is picked at most once.
//! 2. Each eligible book falls in a **tier**, tried in this order: it has a liked theme;
//!    it has a near theme of a liked theme (`Theme::near`, nearest first) and no disliked
//!    theme; it has no disliked theme; some of its themes are disliked; all of its themes
//!    are disliked. A theme both liked and disliked counts as liked.
//! 3. Within a tier a book **scores** by its liked themes (each one halved for every pick
//!    already on the shelf with that theme, so the likes share the shelf), minus disliked
//!    themes, minus a variety penalty for themes already on the shelf (other tiers), plus a
//!    small bonus when its age range lies within or centres on the band, a smaller one for a
//!    recent year, and a seeded jitter smaller than both together, so equal books rotate.
//! 4. **Selection** is greedy, best first, slot by slot: first among books not in
//!    `already_shown`, then among shown ones; within each group first only books that share
//!    no series and no author with a pick, then any left (only when the group has nothing
//!    clash-free left). So a shelf shows a shown book again only after every eligible unshown
//!    book is on it, and a series or author appears twice only when no clash-free book of the
//!    same group was left.

use serde::{Deserialize, Serialize};

use super::snapshot::{AgeBand, Snapshot};
use super::themes::ThemeId;

mod pool;
#[cfg(test)]
mod props;
mod score;
#[cfg(test)]
mod tests;

use pool::{Candidate, Pool, Tier};

/// How many books a shelf shows.
pub const SHELF_SIZE: usize = 8;

/// What the child chose at the kiosk, and what this session showed before.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The branch the kiosk stands in, as in `Copy::branch`.
    pub branch: &'a str,
    /// The age band the child picked.
    pub age: AgeBand,
    /// Themes swiped right, in swipe order.
    pub likes: &'a [ThemeId],
    /// Themes swiped left.
    pub dislikes: &'a [ThemeId],
    /// Seed of the jitter that rotates equally good books between sessions.
    pub seed: u64,
    /// Ids of books shown on earlier shelves of this session ("8 other tips").
    pub already_shown: &'a [String],
    /// This year, for the small bonus of recent books.
    pub current_year: u16,
}

/// The books to show, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shelf {
    /// At most `SHELF_SIZE` picks; fewer only when fewer books are eligible.
    pub picks: Vec<Pick>,
    /// The child liked themes, but some picks have none of them (near or any theme).
    pub filled_from_near_themes: bool,
    /// Too few unshown books were left, so some picks were shown before in this session.
    pub pool_restarted: bool,
}

/// One book on the shelf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pick {
    /// `SnapshotBook::id`.
    pub book_id: String,
    /// Why it was picked: its theme reason(s) first, then `AgeFit`, `AvailableHere` and,
    /// for a recent book, `Recent`.
    pub reasons: Vec<Reason>,
    /// `Copy::where_to_find` of the first available copy in the branch.
    pub where_to_find: String,
}

/// One reason a book is on the shelf, for the kiosk's "why this book?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The book has this liked theme.
    LikedTheme(ThemeId),
    /// The book has none of the liked themes but `near`, which is near the liked `liked`.
    NearTheme {
        /// The liked theme.
        liked: ThemeId,
        /// The book's theme that is near it.
        near: ThemeId,
    },
    /// The book's ages suit the chosen band.
    AgeFit,
    /// A copy is on the shelf now in this branch.
    AvailableHere,
    /// Published in the last few years.
    Recent,
    /// Picked to fill the shelf (or for variety without likes), whatever its themes.
    AnyTheme,
}

/// Picks the shelf for `req` from the books of `snapshot`; see the module documentation for
/// the rules. Deterministic for equal input; allocation and time linear in the number of
/// books times `SHELF_SIZE`.
pub fn recommend_shelf(snapshot: &Snapshot, req: &Request<'_>) -> Shelf {
    let pool = Pool::new(snapshot, req);
    let chosen: Vec<&Candidate<'_>> = pool
        .select()
        .into_iter()
        .map(|i| &pool.candidates[i])
        .collect();
    Shelf {
        filled_from_near_themes: !req.likes.is_empty()
            && chosen.iter().any(|c| c.tier != Tier::Liked),
        pool_restarted: chosen.iter().any(|c| c.shown),
        picks: chosen.iter().map(|c| pick(&pool, c)).collect(),
    }
}

fn pick(pool: &Pool<'_>, c: &Candidate<'_>) -> Pick {
    let mut reasons: Vec<Reason> = match (c.tier, c.near) {
        (Tier::Liked, _) => c
            .liked
            .iter()
            .map(|&slot| Reason::LikedTheme(pool.theme(slot).clone()))
            .collect(),
        (Tier::Near(_), Some((like, slot))) => vec![Reason::NearTheme {
            liked: pool.like(like).clone(),
            near: pool.theme(slot).clone(),
        }],
        _ => vec![Reason::AnyTheme],
    };
    reasons.push(Reason::AgeFit);
    reasons.push(Reason::AvailableHere);
    if c.recent {
        reasons.push(Reason::Recent);
    }
    Pick {
        book_id: c.book.id.clone(),
        reasons,
        where_to_find: c.copy.where_to_find(),
    }
}
