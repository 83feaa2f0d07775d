//! The centre's back-office API (`/api/culture/<centre>/shows`, `/venues`): what staff
//! see of their shows and venues, and what they send to change them.

use serde::{Deserialize, Serialize};

use super::programme::{CalendarKind, Show, Venue};
use super::show_input::{ShowInput, show_input_of};
use crate::i18n::Msg;
use crate::validation::FieldError;

/// Where a show comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShowOrigin {
    /// Imported from UiTdatabank; the next import may change it. Staff only choose
    /// whether it takes part in the swipe.
    Import,
    /// Made in the back-office; imports never touch it.
    Staff,
}

impl ShowOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            ShowOrigin::Import => "import",
            ShowOrigin::Staff => "staff",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "import" => Some(ShowOrigin::Import),
            "staff" => Some(ShowOrigin::Staff),
            _ => None,
        }
    }
}

/// One show of the centre as the back-office lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CentreShow {
    pub id: String,
    /// The Dutch title.
    pub title: String,
    pub origin: ShowOrigin,
    pub in_swipe: bool,
    /// The venue's id.
    pub venue: String,
    /// The next performance in Unix seconds (the start of a running period); the last
    /// one when all are over; `None` without dates.
    pub date: Option<i64>,
    /// No performance is still to come.
    pub ended: bool,
    /// The form's values, for shows made by staff (imported shows are not edited here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<ShowInput>,
}

impl CentreShow {
    /// The listing of `show` at `now` (Unix seconds).
    pub fn of(show: &Show, origin: ShowOrigin, now: i64) -> CentreShow {
        let next = show.calendar.next_start(now);
        let last = match show.calendar.kind {
            CalendarKind::Single | CalendarKind::Multiple => {
                show.calendar.occurrences.iter().map(|o| o.start.unix).max()
            }
            CalendarKind::Periodic | CalendarKind::Permanent => {
                show.calendar.start.as_ref().map(|m| m.unix)
            }
        };
        CentreShow {
            id: show.id.clone(),
            title: show.title.nl.clone(),
            origin,
            in_swipe: show.in_swipe,
            venue: show.venue.clone(),
            date: next.or(last),
            ended: next.is_none(),
            input: (origin == ShowOrigin::Staff).then(|| show_input_of(show)),
        }
    }
}

/// `PUT /api/culture/<centre>/shows/<show>/swipe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SwipeChoice {
    pub in_swipe: bool,
}

/// Longest venue note, in characters.
pub const NOTE_MAX: usize = 500;

/// One venue of the centre with its notes on getting there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CentreVenue {
    pub id: String,
    /// The Dutch name.
    pub name: String,
    pub town: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bike_note: Option<String>,
}

impl From<&Venue> for CentreVenue {
    fn from(venue: &Venue) -> Self {
        CentreVenue {
            id: venue.id.clone(),
            name: venue.name.nl.clone(),
            town: venue.town.clone(),
            transport_note: venue.transport_note.clone(),
            bike_note: venue.bike_note.clone(),
        }
    }
}

/// `PUT /api/culture/<centre>/venues/<venue>`: a blank note clears it. Read from a JSON
/// object only (see the `Deserialize` impl).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VenueNotes {
    /// At most [`NOTE_MAX`] characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub transport_note: Option<String>,
    /// At most [`NOTE_MAX`] characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub bike_note: Option<String>,
}

/// [`VenueNotes`]' fields as serde reads them.
#[derive(Deserialize)]
struct VenueNotesFields {
    #[serde(default)]
    transport_note: Option<String>,
    #[serde(default)]
    bike_note: Option<String>,
}

/// A derived reader would take an array too (`[]` as "no notes", since both fields are
/// optional): the API's document says object, and so does the server.
impl<'de> Deserialize<'de> for VenueNotes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Object;

        impl<'de> serde::de::Visitor<'de> for Object {
            type Value = VenueNotes;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object with the venue's notes")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<VenueNotes, A::Error> {
                let fields = VenueNotesFields::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(VenueNotes {
                    transport_note: fields.transport_note,
                    bike_note: fields.bike_note,
                })
            }
        }

        deserializer.deserialize_map(Object)
    }
}

/// Notes of at most [`NOTE_MAX`] characters each.
pub fn check_venue_notes(notes: &VenueNotes) -> Result<(), FieldError> {
    let too_long = |note: &Option<String>| {
        note.as_ref()
            .is_some_and(|n| n.trim().chars().count() > NOTE_MAX)
    };
    let field = if too_long(&notes.transport_note) {
        "transport_note"
    } else if too_long(&notes.bike_note) {
        "bike_note"
    } else {
        return Ok(());
    };
    Err(FieldError {
        field,
        message: Msg::CmBoNoteTooLong,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::culture::programme::{Booking, Calendar, Moment, Occurrence, ShowStatus, Text};

    #[test]
    fn venue_notes_come_as_an_object_only() {
        let read = |json: &str| serde_json::from_str::<VenueNotes>(json);
        assert_eq!(read("{}").ok(), Some(VenueNotes::default()));
        let notes = read(r#"{"bike_note": "Rekken aan de zij-ingang", "other": 1}"#);
        assert_eq!(
            notes.ok().and_then(|n| n.bike_note).as_deref(),
            Some("Rekken aan de zij-ingang")
        );
        assert!(read(r#"{"bike_note": 3}"#).is_err());
        assert!(read("[]").is_err());
        assert!(read(r#"["a", "b"]"#).is_err());
        assert!(read("null").is_err());
    }

    fn show(kind: CalendarKind, starts: &[i64]) -> Show {
        let moment = |unix| Moment {
            at: String::new(),
            unix,
        };
        Show {
            id: "s".into(),
            title: Text::nl("Storm"),
            description_html: Text::nl("<p>Wind</p>"),
            genre: None,
            themes: vec![],
            venue: "zaal".into(),
            calendar: Calendar {
                kind,
                occurrences: starts
                    .iter()
                    .map(|&s| Occurrence {
                        start: moment(s),
                        end: None,
                        status: ShowStatus::Available,
                    })
                    .collect(),
                start: starts.first().map(|&s| moment(s)),
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
            in_swipe: true,
        }
    }

    #[test]
    fn the_listing_gives_the_next_date_or_the_last_one() {
        let s = show(CalendarKind::Multiple, &[100, 300, 200]);
        let listed = CentreShow::of(&s, ShowOrigin::Import, 150);
        assert_eq!((listed.date, listed.ended), (Some(200), false));
        assert_eq!(listed.input, None, "imported shows are not edited");
        assert!(listed.in_swipe);
        let over = CentreShow::of(&s, ShowOrigin::Staff, 400);
        assert_eq!((over.date, over.ended), (Some(300), true));
        let input = over.input.expect("staff shows carry their form");
        assert_eq!(input.text, "Wind");
        assert_eq!(input.dates.len(), 3);
        let none = CentreShow::of(&show(CalendarKind::Single, &[]), ShowOrigin::Staff, 1);
        assert_eq!((none.date, none.ended), (None, true));
        let period = CentreShow::of(&show(CalendarKind::Periodic, &[500]), ShowOrigin::Import, 1);
        assert_eq!((period.date, period.ended), (Some(500), false));
    }

    #[test]
    fn origins_round_trip() {
        for origin in [ShowOrigin::Import, ShowOrigin::Staff] {
            assert_eq!(ShowOrigin::parse(origin.as_str()), Some(origin));
        }
        assert_eq!(ShowOrigin::parse("other"), None);
    }

    #[test]
    fn notes_have_a_length_limit() {
        let mut notes = VenueNotes {
            transport_note: Some("é".repeat(NOTE_MAX)),
            bike_note: None,
        };
        assert_eq!(check_venue_notes(&notes), Ok(()));
        notes.bike_note = Some("x".repeat(NOTE_MAX + 1));
        assert_eq!(
            check_venue_notes(&notes).map_err(|e| e.field),
            Err("bike_note")
        );
        notes.transport_note = Some("x".repeat(NOTE_MAX + 1));
        assert_eq!(
            check_venue_notes(&notes).map_err(|e| e.field),
            Err("transport_note")
        );
    }
}
