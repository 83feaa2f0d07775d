//! A generated demo programme for trying Culture Matcher without UiTdatabank access:
//! plainly invented shows, written as UiTdatabank JSON-LD (current field set) in one
//! array document, so they go through the real parser.
//!
//! What it generates, for `count` shows after `now`:
//! - titles combined from Dutch word lists per genre ("De stille storm (demo)", "Lotte &
//!   de Nachtvlinders (demo)"); every title ends in ` (demo)` and every event carries the
//!   label [`DEMO_MARKER`], which a programme not marked demo refuses;
//! - genres in turn (show `i` gets genre `i % 9`): theatre, concert, dance, comedy
//!   (theatre with the theme *Humor en comedy*), film, family show (puppetry, ages
//!   4-10), exhibition (periodic, with opening hours), circus and party, with
//!   UiTdatabank term ids (event types and themes as its documentation lists them);
//! - dates spread over the 90 days after `now`, evenings at 20:00 Brussels time (with
//!   summer time), every fifth show with two or three performances a week apart;
//! - six venues in Wetteren, Dendermonde, Lokeren, Gent and Aalst with approximate
//!   coordinates, addresses that are made up, and for some a transport and bike note
//!   (the centre's own notes, returned beside the document);
//! - prices: free for one show in six, otherwise 8 to 28 euro, often with a cheaper
//!   `-26` tariff, now and then no price at all; ages for family shows (4-10), some
//!   parties (16-) and talks (12-);
//! - a platform trailer for every third show (a YouTube or Vimeo page with an invented
//!   video id), an image reference on `images.invalid` for every other show, ticket links
//!   on `tickets.invalid`: names that never resolve;
//! - show 7 cancelled, shows 13 and 29 postponed, one performance of show 10 cancelled,
//!   show 17 sold out;
//! - about twelve shows of varied genres chosen for the swipe (`in_swipe`).
//!
//! The same seed and `now` give the same document.

use serde_json::{Value, json};
use time::{Date, Month, OffsetDateTime, Weekday};

use crate::rng::Rng;

/// The label every demo event carries; a programme not marked demo refuses such events.
pub const DEMO_MARKER: &str = "DEMO-DATA: verzonnen voorstelling";

/// A generated programme: the JSON-LD document and the centre's own choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoProgramme {
    /// A JSON array of events.
    pub document: String,
    /// Ids of the shows the centre put in the swipe.
    pub in_swipe: Vec<String>,
    /// Per venue id, the centre's transport and bike notes.
    pub venue_notes: Vec<(String, Option<String>, Option<String>)>,
}

struct DemoVenue {
    id: &'static str,
    name: &'static str,
    street: &'static str,
    postal_code: &'static str,
    town: &'static str,
    lat: f64,
    lon: f64,
    transport: Option<&'static str>,
    bike: Option<&'static str>,
}

const VENUES: [DemoVenue; 6] = [
    DemoVenue {
        id: "demo-nova-grote-zaal",
        name: "CC Nova - Grote zaal (demo)",
        street: "Verzonnenlaan 1",
        postal_code: "9230",
        town: "Wetteren",
        lat: 51.0062,
        lon: 3.8830,
        transport: Some("Trein tot station Wetteren, dan 8 minuten te voet."),
        bike: Some("Overdekte fietsenstalling naast de ingang."),
    },
    DemoVenue {
        id: "demo-nova-studio",
        name: "CC Nova - Studio (demo)",
        street: "Verzonnenlaan 3",
        postal_code: "9230",
        town: "Wetteren",
        lat: 51.0058,
        lon: 3.8841,
        transport: Some("Trein tot station Wetteren, dan 8 minuten te voet."),
        bike: None,
    },
    DemoVenue {
        id: "demo-zaal-de-kaai",
        name: "Zaal De Kaai (demo)",
        street: "Denkbeeldige Kaai 12",
        postal_code: "9200",
        town: "Dendermonde",
        lat: 51.0290,
        lon: 4.1002,
        transport: None,
        bike: Some("Fietsenrek aan de kaai."),
    },
    DemoVenue {
        id: "demo-jeugdhuis-het-dok",
        name: "Jeugdhuis Het Dok (demo)",
        street: "Fictiefstraat 7",
        postal_code: "9160",
        town: "Lokeren",
        lat: 51.1040,
        lon: 3.9920,
        transport: Some("Bus tot halte Lokeren Markt."),
        bike: None,
    },
    DemoVenue {
        id: "demo-filmzaal-lumen",
        name: "Filmzaal Lumen (demo)",
        street: "Droomstraat 20",
        postal_code: "9000",
        town: "Gent",
        lat: 51.0530,
        lon: 3.7200,
        transport: Some("Tram tot halte Korenmarkt."),
        bike: Some("Fietsenparking onder het plein."),
    },
    DemoVenue {
        id: "demo-openluchtpodium-het-park",
        name: "Openluchtpodium Het Park (demo)",
        street: "Parkdreef 2",
        postal_code: "9300",
        town: "Aalst",
        lat: 50.9390,
        lon: 4.0380,
        transport: None,
        bike: None,
    },
];

/// (event type id, label, theme id and label or empty) per genre.
const GENRES: [(&str, &str, &str, &str); 9] = [
    (
        "0.55.0.0.0",
        "Theatervoorstelling",
        "1.3.1.0.0",
        "Tekst- en muziektheater",
    ),
    ("0.50.4.0.0", "Concert", "1.8.3.1.0", "Pop en rock"),
    (
        "0.54.0.0.0",
        "Dansvoorstelling",
        "1.9.2.0.0",
        "Moderne dans",
    ),
    (
        "0.55.0.0.0",
        "Theatervoorstelling",
        "1.3.10.0.0",
        "Humor en comedy",
    ),
    ("0.50.6.0.0", "Film", "1.7.3.0.0", "Komedie"),
    (
        "0.55.0.0.0",
        "Theatervoorstelling",
        "1.3.4.0.0",
        "Figuren- en poppentheater",
    ),
    ("0.0.0.0.0", "Tentoonstelling", "1.0.6.0.0", "Fotografie"),
    ("0.52.0.0.0", "Circus", "", ""),
    ("0.49.0.0.0", "Party of fuif", "1.8.3.3.0", "Dance"),
];
/// Extra themes a concert or film may get instead of its default one.
const CONCERT_THEMES: [(&str, &str); 4] = [
    ("1.8.3.2.0", "Hip hop, R&B en rap"),
    ("1.8.2.0.0", "Jazz en blues"),
    ("1.8.1.0.0", "Klassieke muziek"),
    ("1.8.4.0.0", "Folk en wereldmuziek"),
];
const FILM_THEMES: [(&str, &str); 3] = [
    ("1.7.7.0.0", "Science fiction"),
    ("1.7.1.0.0", "Documentaires en reportages"),
    ("1.7.6.0.0", "Griezelfilm of horror"),
];

const ADJECTIVES: [&str; 12] = [
    "stille",
    "verloren",
    "gouden",
    "wilde",
    "eindeloze",
    "vergeten",
    "zachte",
    "rusteloze",
    "blauwe",
    "laatste",
    "onzichtbare",
    "halve",
];
const NOUNS: [&str; 12] = [
    "storm", "zomer", "stad", "brief", "nacht", "reis", "kamer", "rivier", "droom", "grens",
    "haven", "maan",
];
const FIRST_NAMES: [&str; 10] = [
    "Lotte", "Jonas", "Amira", "Wout", "Fien", "Yassin", "Noor", "Milan", "Ines", "Bram",
];
const SURNAMES: [&str; 8] = [
    "Vanderwolk",
    "De Pluim",
    "Maanhout",
    "Verbeelde",
    "Zonnekind",
    "Van Nergens",
    "Dromerick",
    "Luchtenberg",
];
const BANDS: [&str; 8] = [
    "Nachtvlinders",
    "Neonmeeuwen",
    "Kartonnen Kroon",
    "Zeven Zuchten",
    "Papieren Tijgers",
    "Blauwe Maandag",
    "Late Treinen",
    "Koude Koffie",
];
const JOKES: [&str; 6] = [
    "Geen paniek",
    "Bijna volwassen",
    "Te laat, zoals altijd",
    "Wie heeft de wifi?",
    "Ik doe het morgen",
    "Allemaal normaal",
];

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn title(rng: &mut Rng, genre: usize) -> String {
    let adjective = rng.pick(&ADJECTIVES);
    let noun = rng.pick(&NOUNS);
    let base = match genre {
        0 => format!("De {adjective} {noun}"),
        1 => format!("{} & de {}", rng.pick(&FIRST_NAMES), rng.pick(&BANDS)),
        2 => format!("{} in beweging", capitalise(noun)),
        3 => format!(
            "{} {}: {}",
            rng.pick(&FIRST_NAMES),
            rng.pick(&SURNAMES),
            rng.pick(&JOKES)
        ),
        4 => format!("Filmavond: de {adjective} {noun}"),
        5 => format!("{} en de {adjective} {noun}", rng.pick(&FIRST_NAMES)),
        6 => format!("Expo: {} in beeld", capitalise(noun)),
        7 => format!("Circus {}", rng.pick(&SURNAMES)),
        _ => format!("Fuif: {} {}", capitalise(adjective), rng.pick(&NOUNS)),
    };
    format!("{base} (demo)")
}

/// The UTC offset of Brussels on `date`: +02:00 from the last Sunday of March to the last
/// Sunday of October, +01:00 otherwise (switching at the day's start is close enough).
fn brussels_offset_hours(date: Date) -> i64 {
    let last_sunday = |month: Month| {
        let mut d =
            Date::from_calendar_date(date.year(), month, month.length(date.year())).unwrap_or(date);
        while d.weekday() != Weekday::Sunday {
            d = d.previous_day().unwrap_or(d);
        }
        d
    };
    if date >= last_sunday(Month::March) && date < last_sunday(Month::October) {
        2
    } else {
        1
    }
}

/// `days` after the local day of `now`, at `hour` Brussels time, as RFC 3339 text.
fn local_time(now: i64, days: i64, hour: u8) -> String {
    let day = OffsetDateTime::from_unix_timestamp(now.saturating_add(days.saturating_mul(86_400)))
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .date();
    let offset = brussels_offset_hours(day);
    format!(
        "{:04}-{:02}-{:02}T{hour:02}:00:00+{offset:02}:00",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

fn venue_json(v: &DemoVenue) -> Value {
    json!({
        "@id": format!("https://demo.invalid/place/{}", v.id),
        "@type": "Place",
        "name": {"nl": v.name},
        "address": {"nl": {
            "addressCountry": "BE",
            "addressLocality": v.town,
            "postalCode": v.postal_code,
            "streetAddress": v.street,
        }},
        "geo": {"latitude": v.lat, "longitude": v.lon},
    })
}

fn description(rng: &mut Rng, title: &str, genre_label: &str) -> String {
    let mood = rng.pick(&[
        "grappig",
        "ontroerend",
        "spannend",
        "luid",
        "verrassend",
        "dromerig",
    ]);
    format!(
        "<p><strong>{title}</strong> is een verzonnen {} om Culture Matcher mee uit te \
         proberen: {mood}, kort en zonder pauze.</p><ul><li>Verzonnen door de demo</li>\
         <li>Geen echte artiesten</li></ul>",
        genre_label.to_lowercase()
    )
}

fn event(rng: &mut Rng, i: usize, count: usize, now: i64) -> Value {
    let genre = i % GENRES.len();
    let (type_id, type_label, mut theme_id, mut theme_label) = GENRES[genre];
    if genre == 1 && rng.below(2) == 0 {
        (theme_id, theme_label) = CONCERT_THEMES[rng.below(CONCERT_THEMES.len())];
    }
    if genre == 4 && rng.below(2) == 0 {
        (theme_id, theme_label) = FILM_THEMES[rng.below(FILM_THEMES.len())];
    }
    let venue = match genre {
        4 => &VENUES[4],
        8 => &VENUES[3],
        6 => &VENUES[1],
        _ => &VENUES[[0, 0, 1, 2, 5][rng.below(5)]],
    };
    let name = title(rng, genre);
    let id = format!("demo-show-{:02}", i + 1);
    let day = 1 + (i as i64 * 89) / count.max(1) as i64 + rng.below(2) as i64;
    let hour = if genre == 5 { 15 } else { 20 };
    let mut terms = vec![json!({"id": type_id, "label": type_label, "domain": "eventtype"})];
    if !theme_id.is_empty() {
        terms.push(json!({"id": theme_id, "label": theme_label, "domain": "theme"}));
    }
    let mut e = json!({
        "@id": format!("https://demo.invalid/event/{id}"),
        "@type": "Event",
        "mainLanguage": "nl",
        "name": {"nl": name.clone()},
        "description": {"nl": description(rng, &name, type_label)},
        "terms": terms,
        "location": venue_json(venue),
        "organizer": {"name": {"nl": "Cultuurcentrum Nova (demo)"}},
        "labels": [DEMO_MARKER],
        "workflowStatus": "APPROVED",
        "bookingInfo": {
            "url": format!("https://tickets.invalid/nova/{id}"),
            "urlLabel": {"nl": "Koop tickets"},
            "email": "tickets@demo.invalid",
        },
    });
    if genre == 6 {
        e["calendarType"] = json!("periodic");
        e["startDate"] = json!(local_time(now, day - 10, 10));
        e["endDate"] = json!(local_time(now, day + 50, 18));
        e["openingHours"] = json!([
            {"dayOfWeek": ["wednesday", "thursday", "friday"], "opens": "13:00", "closes": "18:00"},
            {"dayOfWeek": ["saturday", "sunday"], "opens": "10:00", "closes": "18:00"},
        ]);
    } else {
        let performances = if i % 5 == 4 { 2 + rng.below(2) } else { 1 };
        let sub: Vec<Value> = (0..performances)
            .map(|k| {
                let d = day + 7 * k as i64;
                let cancelled = i == 9 && k == 0;
                json!({
                    "id": k,
                    "@type": "Event",
                    "startDate": local_time(now, d, hour),
                    "endDate": local_time(now, d, hour + 2),
                    "status": {"type": if cancelled { "Unavailable" } else { "Available" }},
                    "bookingAvailability": {"type": "Available"},
                })
            })
            .collect();
        e["calendarType"] = json!(if performances > 1 {
            "multiple"
        } else {
            "single"
        });
        e["startDate"] = sub[0]["startDate"].clone();
        e["endDate"] = sub[sub.len() - 1]["endDate"].clone();
        e["subEvent"] = Value::Array(sub);
    }
    let status = match i {
        6 => "Unavailable",
        12 | 28 => "TemporarilyUnavailable",
        _ => "Available",
    };
    e["status"] = json!({"type": status});
    e["bookingAvailability"] = json!({"type": if i == 16 { "Unavailable" } else { "Available" }});
    if i % 6 == 2 || genre == 6 {
        e["priceInfo"] = json!([{"category": "base", "name": {"nl": "Basistarief"}, "price": 0, "priceCurrency": "EUR"}]);
    } else if i % 11 != 10 {
        let base = [8.0, 10.0, 12.0, 15.0, 18.0, 22.0, 28.0][rng.below(7)];
        let mut prices = vec![
            json!({"category": "base", "name": {"nl": "Basistarief"}, "price": base, "priceCurrency": "EUR"}),
        ];
        if rng.below(2) == 0 {
            prices.push(json!({"category": "tariff", "name": {"nl": "-26 jaar"}, "price": base - 3.0, "priceCurrency": "EUR"}));
        }
        e["priceInfo"] = Value::Array(prices);
    }
    let ages = match genre {
        5 => "4-10",
        8 => "16-",
        _ if i % 7 == 3 => "12-",
        _ => "-",
    };
    e["typicalAgeRange"] = json!(ages);
    if i % 3 == 1 {
        let video = if rng.below(2) == 0 {
            let v = format!("demo{:07}", rng.below(10_000_000));
            json!({"url": format!("https://www.youtube.com/watch?v={v}"), "embedUrl": format!("https://www.youtube.com/embed/{v}"), "language": "nl"})
        } else {
            let v = 100_000_000 + rng.below(900_000_000);
            json!({"url": format!("https://vimeo.com/{v}"), "language": "nl"})
        };
        e["videos"] = json!([video]);
    }
    if i.is_multiple_of(2) {
        e["mediaObject"] = json!([{
            "@id": format!("https://images.invalid/demo/{id}"),
            "@type": "schema:ImageObject",
            "contentUrl": format!("https://images.invalid/demo/{id}.jpg"),
            "description": format!("Affiche van {name}"),
            "copyrightHolder": "Demo",
        }]);
    }
    e
}

/// Generates `count` invented shows over the 90 days after `now` (Unix seconds); see the
/// module documentation for what they look like.
pub fn generate_demo_programme(seed: u64, now: i64, count: usize) -> DemoProgramme {
    let mut rng = Rng(seed);
    let events: Vec<Value> = (0..count).map(|i| event(&mut rng, i, count, now)).collect();
    // Genres cycle with the index: the first twelve shows that are neither cancelled
    // nor postponed cover every genre.
    let in_swipe = (0..count)
        .filter(|i| ![6, 12, 28].contains(i))
        .take(12)
        .map(|i| format!("demo-show-{:02}", i + 1))
        .collect();
    DemoProgramme {
        document: Value::Array(events).to_string(),
        in_swipe,
        venue_notes: VENUES
            .iter()
            .filter(|v| v.transport.is_some() || v.bike.is_some())
            .map(|v| {
                (
                    v.id.to_string(),
                    v.transport.map(str::to_string),
                    v.bike.map(str::to_string),
                )
            })
            .collect(),
    }
}
