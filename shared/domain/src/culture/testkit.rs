//! Builders of small programmes for the unit and property tests of the recommender and
//! the filters.

use super::programme::*;
use crate::catalog::AgeRange;

pub(crate) const DAY: i64 = 86_400;
/// 2026-12-01T00:00:00Z, a Tuesday.
pub(crate) const NOW: i64 = 1_796_083_200;

pub(crate) fn term(id: &str) -> Term {
    Term {
        id: id.to_string(),
        label: format!("Label {id}"),
    }
}

pub(crate) fn moment(unix: i64) -> Moment {
    Moment {
        at: String::new(),
        unix,
    }
}

/// A single performance `start` seconds from the epoch, at venue `v1`, bookable.
pub(crate) fn show(id: &str, genre: Option<&str>, themes: &[&str], start: i64) -> Show {
    Show {
        id: id.to_string(),
        title: Text::nl(format!("Titel {id}")),
        description_html: Text::default(),
        genre: genre.map(term),
        themes: themes.iter().map(|t| term(t)).collect(),
        venue: "v1".to_string(),
        calendar: Calendar {
            kind: CalendarKind::Single,
            occurrences: vec![Occurrence {
                start: moment(start),
                end: None,
                status: ShowStatus::Available,
            }],
            start: None,
            end: None,
            opening_hours: vec![],
        },
        price: None,
        ages: None,
        image: None,
        trailer: None,
        booking: Booking::default(),
        organizer: None,
        status: ShowStatus::Available,
        bookable: true,
        in_swipe: false,
    }
}

pub(crate) fn venue(id: &str, town: &str, geo: Option<(f64, f64)>) -> Venue {
    Venue {
        id: id.to_string(),
        name: Text::nl(format!("Zaal {id}")),
        street: String::new(),
        postal_code: String::new(),
        town: town.to_string(),
        geo: geo.map(|(lat, lon)| Geo { lat, lon }),
        transport_note: None,
        bike_note: None,
    }
}

pub(crate) fn programme(venues: Vec<Venue>, shows: Vec<Show>) -> Programme {
    Programme {
        centre: "cc".to_string(),
        centre_name: "CC".to_string(),
        generated_at: String::new(),
        demo: false,
        venues,
        shows,
    }
}

pub(crate) fn price(base_cents: u32) -> Option<Price> {
    Some(Price {
        base_cents,
        tariffs: vec![],
    })
}

pub(crate) fn ages(min: u8, max: u8) -> Option<AgeRange> {
    AgeRange::new(min, max)
}
