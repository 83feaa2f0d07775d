//! The Culture Matcher recommender: the five trailer cards a young person swipes first,
//! and the three shows suggested after the swipe, each with why. Pure and deterministic:
//! the only variety comes from the caller's seed.
//!
//! **Cards** ([`swipe_cards`]): upcoming shows the centre marked `in_swipe`, one per
//! genre first (shows with a trailer before those without, then in seeded order), then
//! more of those shows whatever their genre; when fewer than [`SWIPE_CARDS`] were
//! marked, other upcoming shows fill the deck by the same rules. Shows the young person
//! crossed lately ([`swipe_cards_leaving_out`]) come only when nothing else is left.
//!
//! **Suggestions** ([`suggest`]): only upcoming, not cancelled shows that were not
//! swiped (neither hearted nor crossed) and that [`fits`] the person qualify: with an age,
//! a show whose age range leaves it out never does; with a home and a farthest distance,
//! neither does a venue on the map farther away. Hearts of earlier swipes
//! ([`Swipes::earlier_hearts`]) count for taste like this swipe's, after them. Each
//! scores (integer points):
//! - per hearted show of the same genre `+GENRE_HEART`, per crossed one `-GENRE_CROSS`;
//!   per hearted show sharing a theme `+THEME_HEART` (each theme), per crossed
//!   `-THEME_CROSS`;
//! - free `+FREE`; with a budget, within it `+IN_BUDGET`, above it `-OVER_BUDGET`;
//! - with a home and a venue on the map, `NEAR_MAX` minus the kilometres (down to
//!   `-FAR_PENALTY` from 90 km on);
//! - sooner a bit better: `SOON_MAX` today, falling to 0 at 60 days;
//! - with an age and a show age range holding it, `+AGE_FIT`;
//! - postponed `-POSTPONED`, sold out (not bookable) `-NOT_BOOKABLE`;
//! - a seeded jitter below `JITTER` that rotates equally good shows.
//!
//! Picks are greedy, best first; every pick of a genre lowers the others of that genre
//! by `VARIETY`, and a genre gets a third pick only when no show of another genre is
//! left. Ties are broken by id, so the programme's order never matters.

use serde::{Deserialize, Serialize};

use super::programme::{Geo, Programme, Show, ShowStatus, Term};
use super::seeded;
use super::towns;

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

/// How many cards the cold-start swipe shows.
pub const SWIPE_CARDS: usize = 5;
/// How many shows are suggested after the swipe.
pub const SUGGESTIONS: usize = 3;

/// Points per hearted show of the same genre.
pub const GENRE_HEART: i64 = 100;
/// Points off per crossed show of the same genre.
pub const GENRE_CROSS: i64 = 70;
/// Points per hearted show sharing a theme, per theme.
pub const THEME_HEART: i64 = 50;
/// Points off per crossed show sharing a theme, per theme.
pub const THEME_CROSS: i64 = 35;
/// Points for a free show.
pub const FREE: i64 = 30;
/// Points for a show within the budget.
pub const IN_BUDGET: i64 = 20;
/// Points off for a show above the budget.
pub const OVER_BUDGET: i64 = 120;
/// Points for a venue at the home's door; one less per kilometre.
pub const NEAR_MAX: i64 = 30;
/// Kilometres from which the distance stops counting further.
pub const FAR_KM: i64 = 90;
/// Points for a show today; falls to 0 at 60 days.
pub const SOON_MAX: i64 = 20;
/// Points for a show whose age range holds the age.
pub const AGE_FIT: i64 = 25;
/// Points off for a postponed show.
pub const POSTPONED: i64 = 40;
/// Points off for a show without tickets left.
pub const NOT_BOOKABLE: i64 = 25;
/// Points off per pick already made of the same genre.
pub const VARIETY: i64 = 60;
/// The seeded jitter is below this.
pub const JITTER: u64 = 12;

/// Within this many kilometres a venue counts as nearby (a reason).
pub const NEARBY_KM: f64 = 15.0;
/// Within this many days a show counts as soon (a reason).
pub const SOON_DAYS: i64 = 7;

const SECONDS_PER_DAY: i64 = 86_400;

/// What the young person swiped: show ids, in swipe order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Swipes {
    pub hearts: Vec<String>,
    pub crosses: Vec<String>,
    /// Shows hearted in earlier swipes, newest first: they tell taste too, and may be
    /// suggested again.
    #[serde(default)]
    pub earlier_hearts: Vec<String>,
}

impl Swipes {
    /// Whether the show was swiped either way.
    pub fn swiped(&self, id: &str) -> bool {
        self.hearts.iter().chain(&self.crosses).any(|s| s == id)
    }
}

/// What the app knows of the moment and, when the user chose to say, of them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Context {
    /// Now, in Unix seconds.
    pub now_unix: i64,
    /// Where the user starts from (a town centre they chose, never a device location).
    pub home: Option<Geo>,
    /// The most they want to pay.
    pub max_price_cents: Option<u32>,
    pub age: Option<u8>,
    /// The farthest a venue may be from home, in kilometres.
    pub max_km: Option<u32>,
}

/// The age the suggestions assume when a young person does not say theirs: the middle
/// of Culture Matcher's audience (16-25).
pub const DEFAULT_AGE: u8 = 20;

impl Context {
    /// Only the time is known.
    pub fn at(now_unix: i64) -> Self {
        Self {
            now_unix,
            home: None,
            max_price_cents: None,
            age: None,
            max_km: None,
        }
    }

    /// Culture Matcher's audience when nobody says more: young people of
    /// [`DEFAULT_AGE`].
    pub fn for_young_people(now_unix: i64) -> Self {
        Self {
            age: Some(DEFAULT_AGE),
            ..Self::at(now_unix)
        }
    }
}

/// Whether `show` is for this person at all: its age range holds their age (when both
/// are known), and its venue is within their farthest distance from home (when home,
/// distance and the venue's place are known).
pub fn fits(programme: &Programme, show: &Show, ctx: &Context) -> bool {
    let age_fits = match (ctx.age, show.ages) {
        (Some(age), Some(ages)) => ages.contains(age),
        _ => true,
    };
    let near_enough = match (
        ctx.home,
        ctx.max_km,
        programme.venue(&show.venue).and_then(towns::venue_geo),
    ) {
        (Some(home), Some(max), Some(geo)) => {
            let km = home.km_to(geo);
            !km.is_finite() || km <= f64::from(max)
        }
        _ => true,
    };
    age_fits && near_enough
}

/// One suggested show and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// `Show::id`.
    pub show: String,
    /// Ids of hearted shows it resembles (same genre or a shared theme), in heart order,
    /// at most three: "omdat je X leuk vond".
    pub because: Vec<String>,
    /// Why, strongest first.
    pub reasons: Vec<Reason>,
}

/// One reason a show is suggested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// A hearted show has this genre too.
    LikedGenre {
        genre: Term,
    },
    /// A hearted show has this theme too.
    LikedTheme {
        theme: Term,
    },
    /// Nothing hearted resembles it: something to discover.
    Discover,
    /// It starts within [`SOON_DAYS`] days.
    Soon {
        days: u32,
    },
    /// The venue is within [`NEARBY_KM`] of home.
    Nearby {
        km: u32,
    },
    Free,
    /// Within the budget given (and not free).
    WithinBudget,
    /// The show's age range holds the age given.
    AgeFit,
}

/// Five cards for the cold start; see the module documentation. Deterministic for
/// (programme, now, seed), whatever the order of the shows.
pub fn swipe_cards(programme: &Programme, now_unix: i64, seed: u64) -> Vec<&Show> {
    swipe_cards_leaving_out(programme, now_unix, seed, &[])
}

/// [`swipe_cards`] without the shows of `left_out` (crossed lately), unless too few
/// others are upcoming: then they fill the deck last.
pub fn swipe_cards_leaving_out<'a>(
    programme: &'a Programme,
    now_unix: i64,
    seed: u64,
    left_out: &[String],
) -> Vec<&'a Show> {
    let mut upcoming: Vec<&Show> = distinct(programme)
        .filter(|s| s.is_upcoming(now_unix))
        .collect();
    upcoming.sort_by_key(|s| (s.trailer.is_none(), seeded(seed, &s.id), s.id.as_str()));
    let (later, upcoming): (Vec<&Show>, Vec<&Show>) =
        upcoming.into_iter().partition(|s| left_out.contains(&s.id));
    let (marked, others): (Vec<&Show>, Vec<&Show>) = upcoming.into_iter().partition(|s| s.in_swipe);
    let mut cards: Vec<&Show> = Vec::with_capacity(SWIPE_CARDS);
    for pool in [marked, others, later] {
        // One per genre first, then any.
        for one_per_genre in [true, false] {
            for show in &pool {
                if cards.len() == SWIPE_CARDS {
                    return cards;
                }
                let taken = cards.iter().any(|c| c.id == show.id);
                let genre_seen = cards.iter().any(|c| genre_key(c) == genre_key(show));
                if !taken && !(one_per_genre && genre_seen) {
                    cards.push(show);
                }
            }
        }
    }
    cards
}

/// Up to three suggestions; see the module documentation. Fewer only when fewer shows
/// qualify. Deterministic for (programme, swipes, context, seed).
pub fn suggest(
    programme: &Programme,
    swipes: &Swipes,
    ctx: &Context,
    seed: u64,
) -> Vec<Suggestion> {
    let profile = Profile::new(programme, swipes);
    let mut candidates: Vec<Candidate<'_>> = distinct(programme)
        .filter(|s| s.is_upcoming(ctx.now_unix) && !swipes.swiped(&s.id) && fits(programme, s, ctx))
        .filter_map(|s| Candidate::new(programme, s, &profile, ctx, seed))
        .collect();
    let mut picks: Vec<Candidate<'_>> = Vec::with_capacity(SUGGESTIONS);
    while picks.len() < SUGGESTIONS && !candidates.is_empty() {
        let same = |c: &Candidate<'_>| {
            picks
                .iter()
                .filter(|p| genre_key(p.show) == genre_key(c.show))
                .count()
        };
        let fresh_genre_left = candidates.iter().any(|c| same(c) < 2);
        let best = candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| !fresh_genre_left || same(c) < 2)
            .max_by(|(_, a), (_, b)| {
                let va = a.score - VARIETY * same(a) as i64;
                let vb = b.score - VARIETY * same(b) as i64;
                va.cmp(&vb).then_with(|| b.show.id.cmp(&a.show.id))
            })
            .map(|(i, _)| i);
        let Some(best) = best else { break };
        picks.push(candidates.swap_remove(best));
    }
    picks.into_iter().map(|c| c.suggestion).collect()
}

/// The shows of the programme with the first of each id only.
fn distinct(programme: &Programme) -> impl Iterator<Item = &Show> {
    programme
        .shows
        .iter()
        .enumerate()
        .filter(|(i, s)| !programme.shows[..*i].iter().any(|o| o.id == s.id))
        .map(|(_, s)| s)
}

/// The genre's term id, `""` for a show without genre.
fn genre_key(show: &Show) -> &str {
    show.genre.as_ref().map_or("", |g| g.id.as_str())
}

/// What the swipes say about taste.
struct Profile<'a> {
    /// Hearted shows found in the programme, in heart order, without repeats.
    hearts: Vec<&'a Show>,
    crosses: Vec<&'a Show>,
}

impl<'a> Profile<'a> {
    fn new(programme: &'a Programme, swipes: &Swipes) -> Self {
        let find = |ids: &[String]| {
            let mut found: Vec<&'a Show> = Vec::new();
            for id in ids {
                if let Some(show) = programme.show(id)
                    && !found.iter().any(|f| f.id == show.id)
                {
                    found.push(show);
                }
            }
            found
        };
        let mut hearts = find(&swipes.hearts);
        for earlier in find(&swipes.earlier_hearts) {
            if !hearts.iter().any(|h| h.id == earlier.id) && !swipes.crosses.contains(&earlier.id) {
                hearts.push(earlier);
            }
        }
        Self {
            hearts,
            crosses: find(&swipes.crosses),
        }
    }
}

fn same_genre(a: &Show, b: &Show) -> bool {
    matches!((&a.genre, &b.genre), (Some(x), Some(y)) if x.id == y.id)
}

fn has_theme(show: &Show, theme: &Term) -> bool {
    show.themes.iter().any(|t| t.id == theme.id)
}

fn resembles(show: &Show, other: &Show) -> bool {
    same_genre(show, other) || show.themes.iter().any(|t| has_theme(other, t))
}

/// A qualifying show with its score and suggestion.
struct Candidate<'a> {
    show: &'a Show,
    score: i64,
    suggestion: Suggestion,
}

impl<'a> Candidate<'a> {
    fn new(
        programme: &Programme,
        show: &'a Show,
        profile: &Profile<'_>,
        ctx: &Context,
        seed: u64,
    ) -> Option<Self> {
        let start = show.calendar.next_start(ctx.now_unix)?;
        let mut score = (seeded(seed, &show.id) % JITTER) as i64;
        let mut taste = Vec::new();
        let mut extra = Vec::new();

        // A show hearted in an earlier swipe does not recommend itself.
        let count = |shows: &[&Show], f: &dyn Fn(&Show) -> bool| {
            shows.iter().filter(|s| s.id != show.id && f(s)).count() as i64
        };
        if let Some(genre) = &show.genre {
            let hearts = count(&profile.hearts, &|h| same_genre(h, show));
            score += GENRE_HEART * hearts
                - GENRE_CROSS * count(&profile.crosses, &|c| same_genre(c, show));
            if hearts > 0 {
                taste.push(Reason::LikedGenre {
                    genre: genre.clone(),
                });
            }
        }
        for theme in &show.themes {
            let hearts = count(&profile.hearts, &|h| has_theme(h, theme));
            score += THEME_HEART * hearts
                - THEME_CROSS * count(&profile.crosses, &|c| has_theme(c, theme));
            if hearts > 0
                && !taste
                    .iter()
                    .any(|r| matches!(r, Reason::LikedTheme { theme: t } if t.id == theme.id))
            {
                taste.push(Reason::LikedTheme {
                    theme: theme.clone(),
                });
            }
        }
        if taste.is_empty() {
            taste.push(Reason::Discover);
        }

        let days = (start - ctx.now_unix).max(0) / SECONDS_PER_DAY;
        score += SOON_MAX - days.min(60) / 3;
        if days < SOON_DAYS {
            extra.push(Reason::Soon { days: days as u32 });
        }
        if let (Some(home), Some(geo)) = (
            ctx.home,
            programme.venue(&show.venue).and_then(towns::venue_geo),
        ) {
            let km = home.km_to(geo);
            if km.is_finite() {
                score += NEAR_MAX - (km.round() as i64).clamp(0, FAR_KM);
                if km <= NEARBY_KM {
                    extra.push(Reason::Nearby {
                        km: km.round() as u32,
                    });
                }
            }
        }
        if let Some(price) = &show.price {
            if price.is_free() {
                score += FREE;
                extra.push(Reason::Free);
            }
            match ctx.max_price_cents {
                Some(max) if price.min_cents() <= max => {
                    score += IN_BUDGET;
                    if !price.is_free() {
                        extra.push(Reason::WithinBudget);
                    }
                }
                Some(_) => score -= OVER_BUDGET,
                None => {}
            }
        }
        if let (Some(age), Some(ages)) = (ctx.age, show.ages)
            && ages.contains(age)
        {
            score += AGE_FIT;
            extra.push(Reason::AgeFit);
        }
        if show.status == ShowStatus::Postponed {
            score -= POSTPONED;
        }
        if !show.bookable {
            score -= NOT_BOOKABLE;
        }

        let because = profile
            .hearts
            .iter()
            .filter(|h| h.id != show.id && resembles(show, h))
            .take(3)
            .map(|h| h.id.clone())
            .collect();
        taste.extend(extra);
        Some(Self {
            show,
            score,
            suggestion: Suggestion {
                show: show.id.clone(),
                because,
                reasons: taste,
            },
        })
    }
}
