//! Browsing the programme with filters: where (a venue or a town), how near (a town and
//! kilometres), when (dates, this week, this weekend), what it costs (a maximum, free
//! only), which genres, and how to get there (a public transport note). A filter lives
//! in the page's URL query, so a filtered list can be bookmarked and shared.
//!
//! Query keys (values percent-encoded, `+` read as a space):
//!
//! | key | value | meaning |
//! |-----|-------|---------|
//! | `venue` | venue id | at this venue (wins over `town`) |
//! | `town` | town name | at a venue in this town |
//! | `near` | town of [`towns`](super::towns) | venue within `km` of that town's centre |
//! | `km` | 1..=300 | with `near`; [`DEFAULT_KM`] when missing or bad |
//! | `when` | `week` or `weekend` | this week / this weekend (wins over dates) |
//! | `from`, `to` | `YYYY-MM-DD` | a performance on these local days (inclusive) |
//! | `max_cents` | euro cents | lowest price at most this (price must be known) |
//! | `free` | `1` | free only |
//! | `genre` | term id, repeatable | genre is one of these |
//! | `transit` | `1` | the venue has a public transport note |
//! | `bike` | `1` | the venue has a bike note (racks, a route) |
//!
//! Unknown keys and bad values are ignored; nothing panics.
//!
//! Days are local: the caller passes the UTC offset in seconds (the browser's, at `now`).
//! "This week" runs from today to Sunday; "this weekend" is Friday to Sunday (from today
//! when it is already Friday, Saturday or Sunday).

use serde::{Deserialize, Serialize};

use super::programme::{CalendarKind, Programme, Show, ShowStatus};
use super::towns;

/// Kilometres used with `near` when none (or a bad value) is given.
pub const DEFAULT_KM: u32 = 15;
/// The largest distance accepted.
pub const MAX_KM: u32 = 300;

const DAY: i64 = 86_400;

/// Where the show takes place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Place {
    /// `Venue::id`.
    Venue(String),
    /// A town name, compared with [`towns::normalise`] to `Venue::town`.
    Town(String),
}

/// Within `km` of a town's centre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Near {
    /// The name of a town of [`towns::TOWNS`].
    pub town: String,
    pub km: u32,
}

pub use crate::date::LocalDate;

/// The local day (days since the epoch) of a Unix time.
pub fn local_day(unix: i64, utc_offset_seconds: i32) -> i64 {
    unix.saturating_add(i64::from(utc_offset_seconds))
        .div_euclid(DAY)
}

/// When.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Period {
    /// From and/or to a day, inclusive.
    Dates {
        from: Option<LocalDate>,
        to: Option<LocalDate>,
    },
    /// Today to Sunday.
    ThisWeek,
    /// Friday to Sunday of this week (from today on Friday to Sunday).
    ThisWeekend,
}

impl Period {
    /// The local days (since the epoch), inclusive; `None` for an open end.
    pub fn days(&self, now: i64, utc_offset_seconds: i32) -> (Option<i64>, Option<i64>) {
        let today = local_day(now, utc_offset_seconds);
        let weekday = (today + 3).rem_euclid(7);
        let sunday = today + 6 - weekday;
        match self {
            Period::Dates { from, to } => (
                from.map(LocalDate::days_since_epoch),
                to.map(LocalDate::days_since_epoch),
            ),
            Period::ThisWeek => (Some(today), Some(sunday)),
            Period::ThisWeekend => (Some(today.max(sunday - 2)), Some(sunday)),
        }
    }
}

/// A filter of the programme; the default lets everything upcoming through.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    pub place: Option<Place>,
    pub near: Option<Near>,
    pub period: Option<Period>,
    /// The lowest price must be at most this; shows without a known price are left out.
    pub max_cents: Option<u32>,
    pub free_only: bool,
    /// Genre term ids; empty lets every genre through.
    pub genres: Vec<String>,
    /// Only venues with a public transport note.
    pub transit: bool,
    /// Only venues with a bike note.
    pub bike: bool,
}

impl Filter {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The URL query, without `?`; empty for an empty filter. Keys in a fixed order.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        match &self.place {
            Some(Place::Venue(id)) => pairs.push(("venue", id.clone())),
            Some(Place::Town(town)) => pairs.push(("town", town.clone())),
            None => {}
        }
        if let Some(near) = &self.near {
            pairs.push(("near", near.town.clone()));
            pairs.push(("km", near.km.to_string()));
        }
        match &self.period {
            Some(Period::ThisWeek) => pairs.push(("when", "week".into())),
            Some(Period::ThisWeekend) => pairs.push(("when", "weekend".into())),
            Some(Period::Dates { from, to }) => {
                pairs.extend(from.map(|d| ("from", d.to_string())));
                pairs.extend(to.map(|d| ("to", d.to_string())));
            }
            None => {}
        }
        pairs.extend(self.max_cents.map(|c| ("max_cents", c.to_string())));
        if self.free_only {
            pairs.push(("free", "1".into()));
        }
        pairs.extend(self.genres.iter().map(|g| ("genre", g.clone())));
        if self.transit {
            pairs.push(("transit", "1".into()));
        }
        if self.bike {
            pairs.push(("bike", "1".into()));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads a URL query (with or without `?`); unknown keys and bad values are ignored.
    pub fn from_query(query: &str) -> Filter {
        let mut f = Filter::default();
        let (mut venue, mut town, mut near, mut km, mut when) = (None, None, None, None, None);
        let (mut from, mut to) = (None, None);
        for pair in query.strip_prefix('?').unwrap_or(query).split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = decode(value) else { continue };
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "venue" => venue = Some(value.to_string()),
                "town" => town = Some(value.to_string()),
                "near" => {
                    if let Some(t) = towns::find(value) {
                        near = Some(t.name.to_string());
                    }
                }
                "km" => {
                    if let Some(n) = value.parse().ok().filter(|n| (1..=MAX_KM).contains(n)) {
                        km = Some(n);
                    }
                }
                "when" => match value {
                    "week" => when = Some(Period::ThisWeek),
                    "weekend" => when = Some(Period::ThisWeekend),
                    _ => {}
                },
                "from" => from = LocalDate::parse(value).or(from),
                "to" => to = LocalDate::parse(value).or(to),
                "max_cents" => f.max_cents = value.parse().ok().or(f.max_cents),
                "free" if value == "1" => f.free_only = true,
                "transit" if value == "1" => f.transit = true,
                "bike" if value == "1" => f.bike = true,
                "genre" if !f.genres.iter().any(|g| g == value) => {
                    f.genres.push(value.to_string());
                }
                _ => {}
            }
        }
        f.place = venue.map(Place::Venue).or(town.map(Place::Town));
        f.near = near.map(|town| Near {
            town,
            km: km.unwrap_or(DEFAULT_KM),
        });
        f.period = when.or((from.is_some() || to.is_some()).then_some(Period::Dates { from, to }));
        f
    }

    /// The shows that pass, upcoming only, by their first matching performance (then
    /// title and id).
    pub fn apply<'a>(
        &self,
        programme: &'a Programme,
        now: i64,
        utc_offset_seconds: i32,
    ) -> Vec<&'a Show> {
        let mut passed: Vec<(i64, &'a Show)> = programme
            .shows
            .iter()
            .filter_map(|s| {
                self.first_start(programme, s, now, utc_offset_seconds)
                    .map(|t| (t, s))
            })
            .collect();
        passed.sort_by(|(ta, a), (tb, b)| {
            ta.cmp(tb)
                .then_with(|| a.title.nl.cmp(&b.title.nl))
                .then_with(|| a.id.cmp(&b.id))
        });
        passed.into_iter().map(|(_, s)| s).collect()
    }

    /// When the show passes the filter, the Unix time of its first matching performance
    /// (for a running exhibition, `now` or the period's first day); `None` when it does
    /// not pass or is not upcoming.
    pub fn first_start(
        &self,
        programme: &Programme,
        show: &Show,
        now: i64,
        utc_offset_seconds: i32,
    ) -> Option<i64> {
        if !show.is_upcoming(now) || !self.passes_venue(programme, show) {
            return None;
        }
        if let Some(max) = self.max_cents
            && show.price.as_ref().is_none_or(|p| p.min_cents() > max)
        {
            return None;
        }
        if self.free_only && !show.price.as_ref().is_some_and(|p| p.is_free()) {
            return None;
        }
        if !self.genres.is_empty()
            && !show
                .genre
                .as_ref()
                .is_some_and(|g| self.genres.contains(&g.id))
        {
            return None;
        }
        let offset = i64::from(utc_offset_seconds);
        let (lo, hi) = match &self.period {
            Some(p) => {
                let (from, to) = p.days(now, utc_offset_seconds);
                (
                    from.map_or(now, |d| (d * DAY - offset).max(now)),
                    to.map_or(i64::MAX, |d| (d + 1) * DAY - offset),
                )
            }
            None => (now, i64::MAX),
        };
        first_in(show, lo, hi)
    }

    fn passes_venue(&self, programme: &Programme, show: &Show) -> bool {
        let venue = programme.venue(&show.venue);
        let passes_place = match &self.place {
            None => true,
            Some(Place::Venue(id)) => show.venue == *id,
            Some(Place::Town(town)) => {
                venue.is_some_and(|v| towns::normalise(&v.town) == towns::normalise(town))
            }
        };
        let passes_near = match &self.near {
            None => true,
            Some(near) => {
                let centre = towns::find(&near.town).map(|t| t.geo);
                let geo = venue.and_then(towns::venue_geo);
                match (centre, geo) {
                    (Some(c), Some(g)) => c.km_to(g) <= f64::from(near.km),
                    _ => false,
                }
            }
        };
        let has = |note: Option<&str>| note.is_some_and(|n| !n.trim().is_empty());
        let passes_transit =
            !self.transit || venue.is_some_and(|v| has(v.transport_note.as_deref()));
        let passes_bike = !self.bike || venue.is_some_and(|v| has(v.bike_note.as_deref()));
        passes_place && passes_near && passes_transit && passes_bike
    }
}

/// The first performance (not cancelled) starting in `lo..hi`; for a periodic show the
/// first moment of its period in `lo..hi`, for a permanent one `lo`.
fn first_in(show: &Show, lo: i64, hi: i64) -> Option<i64> {
    let c = &show.calendar;
    match c.kind {
        CalendarKind::Single | CalendarKind::Multiple => c
            .occurrences
            .iter()
            .filter(|o| o.status != ShowStatus::Cancelled)
            .map(|o| o.start.unix)
            .filter(|&t| t >= lo && t < hi)
            .min(),
        CalendarKind::Periodic => {
            let start = c.start.as_ref().map_or(lo, |s| s.unix.max(lo));
            let end = c.end.as_ref().map_or(i64::MAX, |e| e.unix);
            (start < hi && start <= end).then_some(start)
        }
        CalendarKind::Permanent => (lo < hi).then_some(lo),
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+`; `None` for a broken escape or bytes that are not UTF-8.
fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = value.get(i + 1..i + 3)?;
                if !hex.bytes().all(|h| h.is_ascii_hexdigit()) {
                    return None;
                }
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
