//! Tests of the UiTdatabank events importer against every sample in
//! `tests/fixtures/uitdatabank/` (real field values), the schema's read examples, broken
//! and hostile input, and the programme builder's rules.

use serde_json::{Value, json};
use suite_domain::catalog::AgeRange;
use suite_domain::culture::programme::*;
use suite_domain::import::ImportReport;
use suite_import::events::*;

#[path = "events/broken.rs"]
mod broken;
#[path = "events/demo.rs"]
mod demo;

pub(crate) fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/uitdatabank/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

/// Every sample file of the fixtures folder.
pub(crate) const SAMPLES: [&str; 19] = [
    "udb3-backend__copied_event.json",
    "udb3-backend__event_with_booking_info.json",
    "udb3-backend__event_with_dates.json",
    "udb3-backend__event_with_html_description.json",
    "udb3-backend__event_with_main_image.json",
    "udb3-backend__event_with_price.json",
    "udb3-backend__event_with_status.json",
    "udb3-backend__event_with_terms.json",
    "udb3-backend__event_with_translated_address_and_main_language.json",
    "udb3-backend__event_with_typical_age_range.json",
    "udb3-search-service__event-original-for-all-ages.json",
    "udb3-search-service__event-original-periodic-with-opening-hours.json",
    "udb3-search-service__event-original-permanent.json",
    "udb3-search-service__event-original-with-birthdate-range.json",
    "udb3-search-service__event-original-with-multiple-dates.json",
    "udb3-search-service__event-original-with-optional-fields.json",
    "udb3-search-service__event-original-with-unavailable-status.json",
    "udb3-search-service__place-original-with-opening-hours.json",
    "udb3-search-service__place-original-with-optional-fields.json",
];

fn parse(name: &str, body: &str) -> (Vec<Event>, ImportReport) {
    let mut report = ImportReport::new("events");
    let events = parse_document(name, body, &mut report);
    (events, report)
}

/// The one event of a sample file, with the report's warnings.
fn one(file: &str) -> (Event, Vec<String>) {
    let (mut events, report) = parse(file, &fixture(file));
    assert!(report.skipped.is_empty(), "{report}");
    assert_eq!(events.len(), 1, "{file}");
    (events.remove(0), report.warnings)
}

fn skipped(file: &str) -> String {
    let (events, report) = parse(file, &fixture(file));
    assert!(events.is_empty(), "{file}");
    assert_eq!(report.skipped.len(), 1, "{report}");
    format!(
        "{} | {}",
        report.skipped[0].record, report.skipped[0].reason
    )
}

fn term(id: &str, label: &str) -> Term {
    Term {
        id: id.into(),
        label: label.into(),
    }
}

fn at(text: &str) -> Moment {
    parse_moment(text).expect("a date")
}

fn occurrence(start: &str, end: Option<&str>, status: ShowStatus) -> Occurrence {
    Occurrence {
        start: at(start),
        end: end.map(at),
        status,
    }
}

const KORAN: &str = "Koran, kaliefen en kruistochten - De fundamenten van de islam";
const KORAN_ID: &str = "d1f0e71d-a9a8-4069-81fb-530134502c58";
const KRUISBOOG_ID: &str = "a871db85-01db-dbd3-daf62cdb2dd7b871";
const PUNKFEST_ID: &str = "23017cb7-e515-47b4-87c4-780735acc942";
const HUNGARIA_ID: &str = "179c89c5-dba4-417b-ae96-62e7a12c2405";

fn kruisboog() -> Venue {
    Venue {
        id: KRUISBOOG_ID.into(),
        name: Text::nl("Cultuurcentrum De Kruisboog"),
        street: "Sint-Jorisplein 20".into(),
        postal_code: "3300".into(),
        town: "Tienen".into(),
        geo: None,
        transport_note: None,
        bike_note: None,
    }
}

fn hungaria(geo: Option<Geo>) -> Venue {
    Venue {
        id: HUNGARIA_ID.into(),
        name: Text::nl("Hungaria"),
        street: "Vaartkom 35".into(),
        postal_code: "3000".into(),
        town: "Leuven".into(),
        geo,
        transport_note: None,
        bike_note: None,
    }
}

// ---------------------------------------------------------------------------------------
// The old read model (udb3-backend)

#[test]
fn copied_event_without_a_location_name_is_skipped() {
    assert_eq!(
        skipped("udb3-backend__copied_event.json"),
        "udb3-backend__copied_event.json f0b24f97-4b03-4eb2-96d1-5074819a7648 | the location has no name"
    );
}

#[test]
fn event_with_booking_info_is_a_periodic_exhibition_with_a_ticket_link() {
    let (e, warnings) = one("udb3-backend__event_with_booking_info.json");
    let s = &e.show;
    assert_eq!(s.id, "caacf59e-29e7-4787-9197-bf3933e86288");
    assert_eq!(
        s.title,
        Text::nl("Testing Museumpas event (tentoonstelling Q1-2 2017)")
    );
    assert_eq!(s.description_html, Text::default());
    assert_eq!(s.genre, Some(term("0.0.0.0.0", "Tentoonstelling")));
    assert_eq!(s.themes, [term("1.1.0.0.0", "Audiovisuele kunst")]);
    assert_eq!(s.calendar.kind, CalendarKind::Periodic);
    assert_eq!(s.calendar.start, Some(at("2017-01-01T00:00:00+01:00")));
    assert_eq!(s.calendar.end, Some(at("2017-06-30T00:00:00+02:00")));
    assert!(s.calendar.occurrences.is_empty() && s.calendar.opening_hours.is_empty());
    assert_eq!(
        s.booking,
        Booking {
            url: Some("http://www.museumpas.be/smak".into()),
            url_label: Some("Reserveer plaatsen".into()),
            phone: Some("09987654321".into()),
            email: Some("dirk@du.de".into()),
        }
    );
    assert_eq!(s.organizer.as_deref(), Some("SMAK"));
    assert_eq!(
        (
            s.price.as_ref(),
            s.ages,
            s.image.as_ref(),
            s.trailer.as_ref()
        ),
        (None, None, None, None)
    );
    assert_eq!(
        (s.status, s.bookable, s.in_swipe),
        (ShowStatus::Available, true, false)
    );
    assert_eq!(
        e.venue,
        Venue {
            id: "311b5e88-2c60-499f-9302-f6c10551b4f5".into(),
            name: Text::nl("SMAK"),
            street: "Jan Hoetplein 1".into(),
            postal_code: "9000".into(),
            town: "Gent".into(),
            geo: None,
            transport_note: None,
            bike_note: None,
        }
    );
    assert_eq!(s.venue, e.venue.id);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(!e.demo);
}

#[test]
fn event_with_dates_without_sub_events_keeps_its_first_and_last_day() {
    let (e, warnings) = one("udb3-backend__event_with_dates.json");
    let s = &e.show;
    assert_eq!(s.id, KORAN_ID);
    assert_eq!(s.title.nl, KORAN);
    assert!(
        s.description_html
            .nl
            .starts_with("<p>De islam is niet meer weg te denken uit onze maatschappij."),
        "{}",
        s.description_html.nl
    );
    assert!(
        s.description_html
            .nl
            .ends_with("actuele ontwikkelingen beter te begrijpen.</p>")
    );
    assert_eq!(s.genre, Some(term("0.3.1.0.0", "Cursus of workshop")));
    assert_eq!(s.themes, [term("1.11.0.0.0", "Geschiedenis")]);
    assert_eq!(s.calendar.kind, CalendarKind::Multiple);
    assert_eq!(
        s.calendar.occurrences,
        [occurrence(
            "2015-03-02T13:30:00+01:00",
            Some("2015-03-30T16:30:00+02:00"),
            ShowStatus::Available
        )]
    );
    assert_eq!(s.calendar.occurrences[0].start.unix, 1_425_299_400);
    assert!(
        warnings.iter().any(|w| w.contains("without subEvent")),
        "{warnings:?}"
    );
    assert_eq!(s.organizer.as_deref(), Some("Davidsfonds Academie"));
    assert_eq!(
        s.image,
        Some(Image {
            src: None,
            source: Some(
                "http://media.uitdatabank.be/20141211/558bb7cf-5ff8-40b4-872b-5f5b46bb16c2.jpg"
                    .into()
            ),
            alt: None,
            credit: None,
        })
    );
    // The old model's bookingInfo on the location is not a price of the event.
    assert_eq!(s.price, None);
    assert_eq!(s.booking, Booking::default());
    assert_eq!(e.venue, kruisboog());
}

#[test]
fn event_with_html_description_is_sanitised() {
    let (e, _) = one("udb3-backend__event_with_html_description.json");
    let s = &e.show;
    assert_eq!(s.id, "152dc82b-d04b-4c8d-9ee6-55402ec3a958");
    assert_eq!(s.title.nl, "Jan De Smet, Stoomboot & Stefan Bracaval");
    let html = &s.description_html.nl;
    assert!(
        html.starts_with("<p>Opnieuw twee dagen na elkaar"),
        "{html}"
    );
    assert!(html.contains("f<br>\nOpnieuw"), "{html}");
    assert!(html.contains("<br><br><br><br>"), "{html}");
    assert!(html.contains("twee stemmen én bovenal"), "{html}");
    assert!(html.ends_with("songs.\n</p>"), "{html}");
    assert_eq!(s.genre, Some(term("0.50.4.0.0", "Concert")));
    assert_eq!(s.themes, [term("1.8.4.0.0", "Folk en wereldmuziek")]);
    assert_eq!(
        s.calendar.occurrences,
        [occurrence(
            "2015-05-23T20:30:00+02:00",
            Some("2015-05-24T00:00:00+02:00"),
            ShowStatus::Available
        )]
    );
    assert_eq!(s.organizer.as_deref(), Some("gc de wildeman"));
    // The old list form of bookingInfo holds only a price text: no link, phone or email.
    assert_eq!(s.booking, Booking::default());
    assert_eq!(
        s.price, None,
        "the price list of the location is not the event's"
    );
    assert_eq!(e.venue.id, "61da6e33-d632-a342-28f34d5e9e1688b3");
    assert_eq!(e.venue.name.nl, "GC De Wildeman");
    assert_eq!(
        (
            e.venue.street.as_str(),
            e.venue.postal_code.as_str(),
            e.venue.town.as_str()
        ),
        ("Schoolstraat 15", "3020", "Herent")
    );
}

#[test]
fn event_with_main_image_takes_the_matching_media_object() {
    let (e, _) = one("udb3-backend__event_with_main_image.json");
    assert_eq!(
        e.show.image,
        Some(Image {
            src: None,
            source: Some(
                "http://media.uitdatabank.be/558bb7cf-5ff8-40b4-872b-5f5b46bb16c2.jpg".into()
            ),
            alt: Some("De Kortste Nacht".into()),
            credit: Some("Rode Ridder".into()),
        })
    );
    assert_eq!(
        e.show.calendar.occurrences,
        [occurrence(
            "2015-03-02T13:30:00+01:00",
            None,
            ShowStatus::Available
        )]
    );
    assert_eq!(e.show.calendar.end, None);
}

#[test]
fn event_with_price_has_a_base_price_and_a_free_tariff() {
    let (e, _) = one("udb3-backend__event_with_price.json");
    let price = e.show.price.expect("a price");
    assert_eq!(price.base_cents, 1050);
    assert_eq!(
        price.tariffs,
        [Tariff {
            name: Text::nl("Senioren"),
            cents: 0
        }]
    );
    assert_eq!(price.min_cents(), 0);
    assert!(!price.is_free());
    assert_eq!(e.venue, kruisboog());
}

#[test]
fn event_with_status_is_available_and_free() {
    let (e, _) = one("udb3-backend__event_with_status.json");
    assert_eq!(e.show.status, ShowStatus::Available);
    assert_eq!(
        e.show.price,
        Some(Price {
            base_cents: 0,
            tariffs: vec![]
        })
    );
    assert!(e.show.price.as_ref().is_some_and(Price::is_free));
    assert_eq!(
        (e.show.genre.as_ref(), e.show.themes.len()),
        (None, 0),
        "no terms"
    );
}

#[test]
fn event_with_terms_has_genre_and_theme_but_no_regions() {
    let (e, _) = one("udb3-backend__event_with_terms.json");
    assert_eq!(e.show.genre, Some(term("0.3.1.0.0", "Cursus of workshop")));
    assert_eq!(e.show.themes, [term("1.11.0.0.0", "Geschiedenis")]);
    assert_eq!(e.show.price.map(|p| p.base_cents), Some(0));
}

#[test]
fn event_with_translated_address_reads_the_main_language_address() {
    let (e, _) = one("udb3-backend__event_with_translated_address_and_main_language.json");
    assert_eq!(
        e.show.title.nl, KORAN,
        "Dutch name before the main language"
    );
    assert_eq!(e.venue, kruisboog());
}

#[test]
fn event_with_typical_age_range_is_for_everyone_from_zero() {
    let (e, _) = one("udb3-backend__event_with_typical_age_range.json");
    assert_eq!(e.show.ages, AgeRange::new(0, 99));
    assert_eq!(
        e.show.image.and_then(|i| i.source).as_deref(),
        Some("https://media.uitdatabank.be/20141211/558bb7cf-5ff8-40b4-872b-5f5b46bb16c2.jpg"),
        "a protocol-relative URL becomes https"
    );
}

// ---------------------------------------------------------------------------------------
// The current field set (udb3-search-service)

#[test]
fn event_for_all_ages_is_a_single_performance() {
    let (e, warnings) = one("udb3-search-service__event-original-for-all-ages.json");
    let s = &e.show;
    assert_eq!(s.id, PUNKFEST_ID);
    assert_eq!(s.title, Text::nl("Punkfest"));
    assert_eq!(s.ages, None, "\"-\" is all ages");
    assert_eq!(s.calendar.kind, CalendarKind::Single);
    assert_eq!(
        s.calendar.occurrences,
        [occurrence(
            "2017-04-22T10:00:00+02:00",
            Some("2017-04-22T18:00:00+02:00"),
            ShowStatus::Available
        )]
    );
    assert_eq!(s.calendar.occurrences[0].start.unix, 1_492_848_000);
    assert_eq!(e.venue, hungaria(None));
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn periodic_event_keeps_its_opening_hours() {
    let (e, _) = one("udb3-search-service__event-original-periodic-with-opening-hours.json");
    let c = &e.show.calendar;
    assert_eq!(c.kind, CalendarKind::Periodic);
    assert_eq!(c.start, Some(at("2017-01-01T10:00:00+02:00")));
    assert_eq!(c.end, Some(at("2017-06-30T23:00:00+02:00")));
    let weekdays: Vec<String> = ["monday", "tuesday", "wednesday", "thursday", "friday"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        c.opening_hours,
        [
            OpeningHours {
                days: weekdays.clone(),
                opens: "09:00".into(),
                closes: "12:00".into()
            },
            OpeningHours {
                days: weekdays,
                opens: "13:00".into(),
                closes: "18:00".into()
            },
            OpeningHours {
                days: vec!["saturday".into()],
                opens: "10:00".into(),
                closes: "14:00".into()
            },
        ]
    );
}

#[test]
fn permanent_event_is_always_upcoming() {
    let (e, _) = one("udb3-search-service__event-original-permanent.json");
    assert_eq!(e.show.calendar.kind, CalendarKind::Permanent);
    assert!(e.show.calendar.occurrences.is_empty());
    assert_eq!(e.show.calendar.start, None);
    assert!(e.show.is_upcoming(4_000_000_000));
}

#[test]
fn event_with_birthdate_range_is_a_single_performance_in_utc() {
    let (e, _) = one("udb3-search-service__event-original-with-birthdate-range.json");
    assert_eq!(
        e.show.calendar.occurrences,
        [occurrence(
            "2017-04-22T10:00:00+00:00",
            Some("2017-04-22T18:00:00+00:00"),
            ShowStatus::Available
        )]
    );
    assert_eq!(e.show.ages, None);
}

#[test]
fn event_with_multiple_dates_has_three_performances() {
    let (e, _) = one("udb3-search-service__event-original-with-multiple-dates.json");
    let c = &e.show.calendar;
    assert_eq!(c.kind, CalendarKind::Multiple);
    let starts: Vec<&str> = c.occurrences.iter().map(|o| o.start.at.as_str()).collect();
    assert_eq!(
        starts,
        [
            "2017-04-30T00:00:00+02:00",
            "2017-05-01T00:00:00+02:00",
            "2017-05-07T00:00:00+02:00"
        ]
    );
    assert!(
        c.occurrences
            .iter()
            .all(|o| o.status == ShowStatus::Available)
    );
    assert_eq!(
        c.next_start(at("2017-05-01T12:00:00+02:00").unix),
        Some(at(starts[2]).unix)
    );
}

#[test]
fn event_with_unavailable_status_is_cancelled_with_every_performance() {
    let (e, _) = one("udb3-search-service__event-original-with-unavailable-status.json");
    assert_eq!(e.show.status, ShowStatus::Cancelled);
    assert_eq!(e.show.calendar.occurrences.len(), 3);
    assert!(
        e.show
            .calendar
            .occurrences
            .iter()
            .all(|o| o.status == ShowStatus::Cancelled)
    );
    assert!(!e.show.is_upcoming(0));
}

#[test]
fn event_with_optional_fields_but_no_calendar_is_skipped() {
    assert_eq!(
        skipped("udb3-search-service__event-original-with-optional-fields.json"),
        format!(
            "udb3-search-service__event-original-with-optional-fields.json {PUNKFEST_ID} | no calendarType and no dates"
        )
    );
}

#[test]
fn event_with_optional_fields_given_a_calendar_keeps_them_all() {
    let mut value: Value = serde_json::from_str(&fixture(
        "udb3-search-service__event-original-with-optional-fields.json",
    ))
    .expect("json");
    value["calendarType"] = json!("permanent");
    let mut warnings = Vec::new();
    let e = parse_event(&value, &mut warnings).expect("an event");
    let s = &e.show;
    assert_eq!(
        s.title,
        Text {
            nl: "Punkfest".into(),
            en: Some("Some English name".into())
        }
    );
    assert_eq!(
        s.description_html,
        Text {
            nl: "<p>Lorem ipsum dolor sit amet</p>".into(),
            en: Some("<p>Some English description</p>".into())
        }
    );
    assert_eq!(s.genre, Some(term("0.7.0.0.0", "Begeleide rondleiding")));
    assert_eq!(
        s.themes,
        [term("1.11.0.0.0", "Geschiedenis")],
        "facilities are not themes"
    );
    assert_eq!(s.ages, AgeRange::new(0, 4));
    assert_eq!(
        s.price,
        Some(Price {
            base_cents: 1999,
            tariffs: vec![Tariff {
                name: Text::nl("Student"),
                cents: 1499
            }]
        })
    );
    assert_eq!(
        s.image,
        Some(Image {
            src: None,
            source: Some(
                "http://udb-silex.dev/media/f09d624e-515d-43fd-8e07-3e45926f6270.bmp".into()
            ),
            alt: Some("BMP file".into()),
            credit: Some("Foo Bar".into()),
        })
    );
    assert_eq!(
        s.trailer,
        Some(Trailer::Platform {
            platform: "youtube".into(),
            url: "https://www.youtube.com/watch?v=123".into(),
            embed_url: Some("https://www.youtube.com/embed/123".into()),
        })
    );
    assert_eq!(s.organizer.as_deref(), Some("PHPLeuven"));
    assert_eq!(
        e.venue,
        Venue {
            name: Text {
                nl: "Hungaria".into(),
                en: Some("English name for place".into())
            },
            ..hungaria(Some(Geo {
                lat: 50.8876694,
                lon: 4.70373
            }))
        }
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn places_are_not_events() {
    for file in [
        "udb3-search-service__place-original-with-opening-hours.json",
        "udb3-search-service__place-original-with-optional-fields.json",
    ] {
        assert_eq!(
            skipped(file),
            format!("{file} {HUNGARIA_ID} | not an event: a place")
        );
    }
    // Without @type, the @id path tells.
    let (events, report) = parse(
        "p",
        r#"{"@id": "https://io.uitdatabank.be/places/abc", "name": "Zaal"}"#,
    );
    assert!(events.is_empty());
    assert_eq!(report.skipped[0].reason, "not an event: a place");
}

#[test]
fn schema_read_examples_in_the_current_format() {
    let schema: Value =
        serde_json::from_str(&fixture("schema/event-with-read-example.json")).expect("json");
    let examples = serde_json::to_string(&schema["examples"]).expect("json");
    let (events, report) = parse("examples", &examples);
    assert_eq!(events.len(), 1, "{report}");
    let reasons: Vec<String> = report
        .skipped
        .iter()
        .map(|s| format!("{} | {}", s.record, s.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            "examples#2 92c04395-579d-51g6-c4ee-570efb5398c4 | the location has no name",
            "examples#3 a3f4c827-6d9e-42ab-b1f0-e34567890abc | the location has no name",
        ]
    );
    let e = &events[0];
    let s = &e.show;
    assert_eq!(s.id, "85b04295-479c-40f5-b3dd-469dfb4387b3");
    assert_eq!(
        s.title,
        Text {
            nl: "Nederlandse naam".into(),
            en: Some("English name".into())
        }
    );
    assert_eq!(s.description_html.nl, "<p>Nederlandse beschrijving</p>");
    assert_eq!(s.genre, Some(term("0.50.4.0.0", "Concert")));
    assert_eq!(s.ages, AgeRange::new(6, 12));
    assert_eq!(s.price.as_ref().map(|p| p.base_cents), Some(1050));
    assert_eq!(
        s.calendar.occurrences,
        [occurrence(
            "2021-05-17T16:00:00+00:00",
            Some("2021-05-17T22:00:00+00:00"),
            ShowStatus::Available
        )]
    );
    assert_eq!(
        s.booking,
        Booking {
            url: Some("https://www.example.com".into()),
            url_label: Some("Nederlandse beschrijving".into()),
            phone: Some("016/112233".into()),
            email: Some("info@example.com".into()),
        }
    );
    assert_eq!(s.organizer.as_deref(), Some("Nederlandse tekst"));
    assert_eq!(s.trailer, None, "the example's videos belong to its place");
    assert_eq!(
        s.image.as_ref().and_then(|i| i.source.as_deref()),
        Some("https://images-test.uitdatabank.be/85b04295-479c-40f5-b3dd-469dfb4387b3.png")
    );
    assert!(s.bookable);
    assert_eq!(e.venue.town, "Brussel");
    assert_eq!(e.venue.street, "Wetstraat 1");
    assert_eq!(
        e.venue.geo,
        Some(Geo {
            lat: 50.8816177,
            lon: 4.7137986
        })
    );
}

#[test]
fn every_sample_file_imports_or_says_why_not() {
    let mut imported = 0;
    for file in SAMPLES {
        let (events, report) = parse(file, &fixture(file));
        assert_eq!(events.len() + report.skipped.len(), 1, "{file}: {report}");
        imported += events.len();
        for e in &events {
            assert!(!e.show.id.is_empty() && !e.show.title.nl.is_empty());
            assert_eq!(e.show.venue, e.venue.id);
            let all = format!(
                "{}{}",
                e.show.description_html.nl,
                e.show.description_html.en.clone().unwrap_or_default()
            );
            assert!(!all.contains("<div") && !all.contains("<script"), "{file}");
        }
    }
    assert_eq!(imported, 15);
}

// ---------------------------------------------------------------------------------------
// The programme builder

fn import(demo: bool) -> ProgrammeImport<'static> {
    ProgrammeImport {
        centre: "cc-tienen",
        centre_name: "CC De Kruisboog",
        now: "2026-11-28T08:00:00Z",
        demo,
    }
}

#[test]
fn a_programme_from_all_samples_has_each_show_once_and_each_venue_once() {
    let inputs: Vec<(String, String)> = SAMPLES
        .iter()
        .map(|f| (f.to_string(), fixture(f)))
        .collect();
    let (programme, report) = build_programme(&import(false), &inputs, ImportReport::new("events"));
    // Six backend samples are the same Koran event; eight search samples the same Punkfest.
    let ids: Vec<&str> = programme.shows.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "caacf59e-29e7-4787-9197-bf3933e86288",
            KORAN_ID,
            "152dc82b-d04b-4c8d-9ee6-55402ec3a958",
            PUNKFEST_ID
        ]
    );
    assert_eq!(report.imported, 4);
    let duplicates = report
        .skipped
        .iter()
        .filter(|s| s.reason.starts_with("duplicate event id"))
        .count();
    assert_eq!(duplicates, 11, "{report}");
    assert_eq!(report.skipped.len(), 11 + 4, "{report}");
    let venues: Vec<&str> = programme.venues.iter().map(|v| v.town.as_str()).collect();
    assert_eq!(venues, ["Gent", "Tienen", "Herent", "Leuven"]);
    assert!(
        programme
            .venues
            .iter()
            .all(|v| programme.shows.iter().any(|s| s.venue == v.id))
    );
    assert_eq!(programme.centre, "cc-tienen");
    assert_eq!(programme.generated_at, "2026-11-28T08:00:00Z");
    assert!(!programme.demo);
}

#[test]
fn collections_and_lists_hold_several_events() {
    let a: Value =
        serde_json::from_str(&fixture("udb3-backend__event_with_dates.json")).expect("json");
    let b: Value = serde_json::from_str(&fixture(
        "udb3-search-service__event-original-for-all-ages.json",
    ))
    .expect("json");
    let place: Value = serde_json::from_str(&fixture(
        "udb3-search-service__place-original-with-opening-hours.json",
    ))
    .expect("json");
    let collection = json!({"@type": "PagedCollection", "totalItems": 3, "member": [a, b, place]});
    let (events, report) = parse("page.json", &collection.to_string());
    assert_eq!(events.len(), 2);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(
        report.skipped[0].record,
        format!("page.json#3 {HUNGARIA_ID}")
    );
    let list = json!([a, 7, "x"]);
    let (events, report) = parse("list.json", &list.to_string());
    assert_eq!(events.len(), 1);
    let reasons: Vec<&str> = report.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(reasons, ["not an event: a value that is not an object"; 2]);
}

#[test]
fn demo_events_only_in_a_demo_programme() {
    let mut value: Value = serde_json::from_str(&fixture(
        "udb3-search-service__event-original-for-all-ages.json",
    ))
    .expect("json");
    value["labels"] = json!([DEMO_MARKER]);
    let inputs = vec![("demo.json".to_string(), value.to_string())];
    let (programme, report) = build_programme(&import(false), &inputs, ImportReport::new("events"));
    assert!(programme.shows.is_empty() && report.failed());
    assert_eq!(
        report.skipped[0].reason,
        "demo event in a programme not marked demo"
    );
    let (programme, report) = build_programme(&import(true), &inputs, ImportReport::new("events"));
    assert_eq!(programme.shows.len(), 1, "{report}");
    assert!(programme.demo);
}

#[test]
fn deleted_events_and_unsafe_links_are_left_out() {
    let mut value: Value =
        serde_json::from_str(&fixture("udb3-backend__event_with_booking_info.json")).expect("json");
    value["bookingInfo"]["url"] = json!("javascript:alert(1)");
    value["description"] = json!({"nl": "<p onclick=\"x()\">Hallo <a href=\"javascript:alert(1)\">klik</a><img src=x onerror=y></p>"});
    let mut warnings = Vec::new();
    let e = parse_event(&value, &mut warnings).expect("event");
    assert_eq!(e.show.booking.url, None);
    assert_eq!(
        e.show.description_html.nl,
        "<p>Hallo <a rel=\"noopener noreferrer\">klik</a></p>"
    );
    value["workflowStatus"] = json!("DELETED");
    assert_eq!(
        parse_event(&value, &mut warnings),
        Err("workflowStatus DELETED".into())
    );
}
