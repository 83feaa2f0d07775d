//! The programme of one cultural centre as Culture Matcher reads it
//! (`/data/culture-matcher/<centre-id>.json`): shows with their venue, dates, price,
//! genre, media and ticket link. The importer (UiTdatabank JSON-LD) and the centre's
//! back-office fill it; the app, the recommender and the filters read it.
//!
//! Times are kept twice: as the RFC 3339 text of the source (with its offset, for
//! display) and as Unix seconds (for comparing), so this crate needs no date library.

use serde::{Deserialize, Serialize};

use crate::catalog::AgeRange;
use crate::i18n::Lang;

/// A text in Dutch with an optional English version.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Dutch, or the source's main language when it has no Dutch.
    pub nl: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    pub fn nl(text: impl Into<String>) -> Self {
        Self {
            nl: text.into(),
            en: None,
        }
    }

    /// The text in `lang`, falling back to Dutch.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => self
                .en
                .as_deref()
                .filter(|s| !s.is_empty())
                .unwrap_or(&self.nl),
            Lang::Nl => &self.nl,
        }
    }
}

/// A term of the UiTdatabank taxonomy (event type = genre, theme, ...).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Term {
    /// e.g. `0.55.0.0.0`.
    pub id: String,
    /// e.g. `Theatervoorstelling`.
    pub label: String,
}

/// Where shows take place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Venue {
    pub id: String,
    pub name: Text,
    pub street: String,
    pub postal_code: String,
    pub town: String,
    /// WGS84 coordinates, when known.
    pub geo: Option<Geo>,
    /// The centre's own note on getting there by public transport.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport_note: Option<String>,
    /// The centre's own note on getting there by bike.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bike_note: Option<String>,
}

/// A point on earth in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    pub lat: f64,
    pub lon: f64,
}

impl Geo {
    /// Great-circle distance in kilometres (haversine).
    pub fn km_to(self, other: Geo) -> f64 {
        const EARTH_RADIUS_KM: f64 = 6371.0;
        let (la1, la2) = (self.lat.to_radians(), other.lat.to_radians());
        let dla = la2 - la1;
        let dlo = (other.lon - self.lon).to_radians();
        let a = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
    }
}

/// One moment in time: the source's text and the same instant in Unix seconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moment {
    /// RFC 3339 with offset, e.g. `2026-12-03T20:00:00+01:00`.
    pub at: String,
    pub unix: i64,
}

/// One performance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    pub start: Moment,
    pub end: Option<Moment>,
    /// A single performance can be cancelled while the show goes on.
    pub status: ShowStatus,
}

/// The calendar type of UiTdatabank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalendarKind {
    /// One performance.
    Single,
    /// Several performances (sub-events).
    Multiple,
    /// Open during a period, at opening hours (an exhibition).
    Periodic,
    /// Always open.
    Permanent,
}

/// Opening hours of a periodic or permanent event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningHours {
    /// schema.org day names, e.g. `monday`.
    pub days: Vec<String>,
    /// `HH:MM`.
    pub opens: String,
    pub closes: String,
}

/// When a show can be seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    pub kind: CalendarKind,
    /// Performances, earliest first (single and multiple).
    pub occurrences: Vec<Occurrence>,
    /// First and last day (periodic; also set for single/multiple when the source has it).
    pub start: Option<Moment>,
    pub end: Option<Moment>,
    pub opening_hours: Vec<OpeningHours>,
}

impl Calendar {
    /// The first performance that has not started yet at `now` and is not cancelled;
    /// for periodic events, `now` itself while the period runs (or its start before);
    /// for permanent events, `now`.
    pub fn next_start(&self, now: i64) -> Option<i64> {
        match self.kind {
            CalendarKind::Single | CalendarKind::Multiple => self
                .occurrences
                .iter()
                .filter(|o| o.status != ShowStatus::Cancelled && o.start.unix >= now)
                .map(|o| o.start.unix)
                .min(),
            CalendarKind::Periodic => {
                let ended = self.end.as_ref().is_some_and(|e| e.unix < now);
                (!ended).then(|| self.start.as_ref().map_or(now, |s| s.unix.max(now)))
            }
            CalendarKind::Permanent => Some(now),
        }
    }
}

/// UiTdatabank's status of an event (or of one performance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShowStatus {
    Available,
    /// `TemporarilyUnavailable`.
    Postponed,
    /// `Unavailable`.
    Cancelled,
}

/// One named price, in euro cents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tariff {
    pub name: Text,
    pub cents: u32,
}

/// What a ticket costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    /// The base price (`category: base`); 0 is free.
    pub base_cents: u32,
    /// Reduced or other tariffs.
    pub tariffs: Vec<Tariff>,
}

impl Price {
    /// The lowest price anyone pays.
    pub fn min_cents(&self) -> u32 {
        self.tariffs
            .iter()
            .map(|t| t.cents)
            .fold(self.base_cents, u32::min)
    }

    pub fn is_free(&self) -> bool {
        self.base_cents == 0
    }
}

/// A picture of the show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// Served by our own server (starts with `/`); `None` while only `source` is known,
    /// then the app draws a poster with the title.
    pub src: Option<String>,
    /// Where the importer found it (a third party: never loaded by the app).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub alt: Option<String>,
    pub credit: Option<String>,
}

/// The trailer of a show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Trailer {
    /// A video file on our own server: plays muted, a tap gives sound.
    File { src: String, mime: String },
    /// A video on a platform (YouTube, Vimeo): loaded only after the user taps it.
    Platform {
        /// e.g. `youtube`, `vimeo`, or the host name.
        platform: String,
        /// The page of the video.
        url: String,
        /// The player to put in an iframe after the tap.
        embed_url: Option<String>,
    },
}

/// How to book.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Booking {
    /// The ticket page.
    pub url: Option<String>,
    pub url_label: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// A show (event) of the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Show {
    /// Stable id: the UiTdatabank UUID, or one the back-office made.
    pub id: String,
    pub title: Text,
    /// Sanitised HTML (paragraphs, lists, links, emphasis); never raw source markup.
    pub description_html: Text,
    /// The event type term, e.g. `Theatervoorstelling`.
    pub genre: Option<Term>,
    /// Theme terms, e.g. `Humor`.
    pub themes: Vec<Term>,
    /// Id of the venue in [`Programme::venues`].
    pub venue: String,
    pub calendar: Calendar,
    /// `None` when the source gives no price.
    pub price: Option<Price>,
    pub ages: Option<AgeRange>,
    pub image: Option<Image>,
    pub trailer: Option<Trailer>,
    pub booking: Booking,
    pub organizer: Option<String>,
    pub status: ShowStatus,
    /// `bookingAvailability`: tickets still to be had.
    pub bookable: bool,
    /// The centre chose this show for the swipe.
    pub in_swipe: bool,
}

impl Show {
    /// Upcoming (a performance still to come) and not cancelled.
    pub fn is_upcoming(&self, now: i64) -> bool {
        self.status != ShowStatus::Cancelled && self.calendar.next_start(now).is_some()
    }
}

/// Everything Culture Matcher needs of one centre.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub centre: String,
    pub centre_name: String,
    /// When the programme was built (RFC 3339).
    pub generated_at: String,
    /// Marks a programme with generated demo shows.
    pub demo: bool,
    pub venues: Vec<Venue>,
    pub shows: Vec<Show>,
}

impl Programme {
    pub fn venue(&self, id: &str) -> Option<&Venue> {
        self.venues.iter().find(|v| v.id == id)
    }

    pub fn show(&self, id: &str) -> Option<&Show> {
        self.shows.iter().find(|s| s.id == id)
    }
}

/// A centre with a published programme (`GET /api/culture/centres`), for the app's
/// choice of centre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CentreSummary {
    /// The centre's id, as in `/data/culture-matcher/<id>.json`.
    pub id: String,
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment(unix: i64) -> Moment {
        Moment {
            at: String::new(),
            unix,
        }
    }

    fn calendar(kind: CalendarKind, starts: &[(i64, ShowStatus)]) -> Calendar {
        Calendar {
            kind,
            occurrences: starts
                .iter()
                .map(|&(s, status)| Occurrence {
                    start: moment(s),
                    end: None,
                    status,
                })
                .collect(),
            start: None,
            end: None,
            opening_hours: vec![],
        }
    }

    #[test]
    fn next_start_skips_past_and_cancelled_performances() {
        use ShowStatus::*;
        let c = calendar(
            CalendarKind::Multiple,
            &[(100, Available), (300, Cancelled), (400, Available)],
        );
        assert_eq!(c.next_start(50), Some(100));
        assert_eq!(c.next_start(101), Some(400));
        assert_eq!(c.next_start(401), None);
    }

    #[test]
    fn periodic_runs_until_its_end_and_permanent_always() {
        let mut c = calendar(CalendarKind::Periodic, &[]);
        c.start = Some(moment(100));
        c.end = Some(moment(200));
        assert_eq!(c.next_start(50), Some(100));
        assert_eq!(c.next_start(150), Some(150));
        assert_eq!(c.next_start(201), None);
        assert_eq!(
            calendar(CalendarKind::Permanent, &[]).next_start(9),
            Some(9)
        );
    }

    #[test]
    fn lowest_price_and_free() {
        let p = Price {
            base_cents: 1999,
            tariffs: vec![Tariff {
                name: Text::nl("Student"),
                cents: 1499,
            }],
        };
        assert_eq!(p.min_cents(), 1499);
        assert!(!p.is_free());
        assert!(
            Price {
                base_cents: 0,
                tariffs: vec![]
            }
            .is_free()
        );
    }

    #[test]
    fn distance_between_leuven_and_gent() {
        let leuven = Geo {
            lat: 50.8798,
            lon: 4.7005,
        };
        let gent = Geo {
            lat: 51.0543,
            lon: 3.7174,
        };
        let km = leuven.km_to(gent);
        assert!((70.0..74.0).contains(&km), "{km}");
        assert!(leuven.km_to(leuven) < 1e-9);
    }

    #[test]
    fn english_falls_back_to_dutch() {
        let mut t = Text::nl("Voorstelling");
        assert_eq!(t.get(Lang::En), "Voorstelling");
        t.en = Some("Show".into());
        assert_eq!(t.get(Lang::En), "Show");
        assert_eq!(t.get(Lang::Nl), "Voorstelling");
    }
}
