//! Reading a programme (`/data/culture-matcher/<centre>.json`) with the browser's own
//! `JSON.parse` and a walk over the result, instead of serde's generated deserializer:
//! the same `suite_domain` types, for about a tenth of the wasm (serde's code for these
//! types alone was 16 KB of the brotli bundle, a tenth of the budget).
//!
//! It reads exactly the JSON that `serde_json` writes for
//! [`Programme`](suite_domain::culture::programme::Programme) (the round-trip test below
//! builds every field, so a change of the contract does not compile until this follows).
//! It is lenient where serde is strict: a show or venue that does not fit is left out
//! rather than failing the whole programme; a programme without its own fields is `None`.

use suite_domain::catalog::AgeRange;
use suite_domain::culture::programme::{
    Booking, Calendar, CalendarKind, Geo, Image, Moment, Occurrence, OpeningHours, Price,
    Programme, Show, ShowStatus, Tariff, Term, Text, Trailer, Venue,
};
use wasm_bindgen::JsValue;

use suite_ui::json::{self, all, boolean, get, list, present, string, whole};

/// Parses programme JSON; `None` when it is not JSON or not a programme.
pub(crate) fn parse(text: &str) -> Option<Programme> {
    programme(&json::parse(text)?)
}

fn opt_string(v: &JsValue, key: &str) -> Option<String> {
    present(v, key)?.as_string()
}

fn u32_of(v: &JsValue, key: &str) -> Option<u32> {
    whole(v, key, 0.0, f64::from(u32::MAX)).map(|n| n as u32)
}

fn u8_of(v: &JsValue, key: &str) -> Option<u8> {
    whole(v, key, 0.0, 255.0).map(|n| n as u8)
}

fn text(v: &JsValue) -> Option<Text> {
    Some(Text {
        nl: string(v, "nl")?,
        en: opt_string(v, "en"),
    })
}

fn term(v: &JsValue) -> Option<Term> {
    Some(Term {
        id: string(v, "id")?,
        label: string(v, "label")?,
    })
}

fn geo(v: &JsValue) -> Option<Geo> {
    Some(Geo {
        lat: get(v, "lat").as_f64()?,
        lon: get(v, "lon").as_f64()?,
    })
}

fn moment(v: &JsValue) -> Option<Moment> {
    Some(Moment {
        at: string(v, "at")?,
        unix: whole(v, "unix", -9.0e15, 9.0e15)? as i64,
    })
}

fn status(v: &JsValue, key: &str) -> Option<ShowStatus> {
    match string(v, key)?.as_str() {
        "available" => Some(ShowStatus::Available),
        "postponed" => Some(ShowStatus::Postponed),
        "cancelled" => Some(ShowStatus::Cancelled),
        _ => None,
    }
}

fn venue(v: &JsValue) -> Option<Venue> {
    Some(Venue {
        id: string(v, "id")?,
        name: text(&get(v, "name"))?,
        street: string(v, "street")?,
        postal_code: string(v, "postal_code")?,
        town: string(v, "town")?,
        geo: present(v, "geo").and_then(|g| geo(&g)),
        transport_note: opt_string(v, "transport_note"),
        bike_note: opt_string(v, "bike_note"),
    })
}

fn calendar(v: &JsValue) -> Option<Calendar> {
    let kind = match string(v, "kind")?.as_str() {
        "single" => CalendarKind::Single,
        "multiple" => CalendarKind::Multiple,
        "periodic" => CalendarKind::Periodic,
        "permanent" => CalendarKind::Permanent,
        _ => return None,
    };
    Some(Calendar {
        kind,
        occurrences: all(v, "occurrences", |o| {
            Some(Occurrence {
                start: moment(&get(o, "start"))?,
                end: present(o, "end").and_then(|e| moment(&e)),
                status: status(o, "status")?,
            })
        })?,
        start: present(v, "start").and_then(|m| moment(&m)),
        end: present(v, "end").and_then(|m| moment(&m)),
        opening_hours: list(v, "opening_hours", |h| {
            Some(OpeningHours {
                days: all(h, "days", JsValue::as_string)?,
                opens: string(h, "opens")?,
                closes: string(h, "closes")?,
            })
        }),
    })
}

fn price(v: &JsValue) -> Option<Price> {
    Some(Price {
        base_cents: u32_of(v, "base_cents")?,
        tariffs: all(v, "tariffs", |t| {
            Some(Tariff {
                name: text(&get(t, "name"))?,
                cents: u32_of(t, "cents")?,
            })
        })?,
    })
}

fn image(v: &JsValue) -> Option<Image> {
    v.is_object().then(|| Image {
        src: opt_string(v, "src"),
        source: opt_string(v, "source"),
        alt: opt_string(v, "alt"),
        credit: opt_string(v, "credit"),
    })
}

fn trailer(v: &JsValue) -> Option<Trailer> {
    match string(v, "kind")?.as_str() {
        "file" => Some(Trailer::File {
            src: string(v, "src")?,
            mime: string(v, "mime")?,
        }),
        "platform" => Some(Trailer::Platform {
            platform: string(v, "platform")?,
            url: string(v, "url")?,
            embed_url: opt_string(v, "embed_url"),
        }),
        _ => None,
    }
}

fn booking(v: &JsValue) -> Booking {
    Booking {
        url: opt_string(v, "url"),
        url_label: opt_string(v, "url_label"),
        phone: opt_string(v, "phone"),
        email: opt_string(v, "email"),
    }
}

fn show(v: &JsValue) -> Option<Show> {
    Some(Show {
        id: string(v, "id")?,
        title: text(&get(v, "title"))?,
        description_html: text(&get(v, "description_html"))?,
        genre: present(v, "genre").and_then(|g| term(&g)),
        themes: all(v, "themes", term)?,
        venue: string(v, "venue")?,
        calendar: calendar(&get(v, "calendar"))?,
        price: present(v, "price").and_then(|p| price(&p)),
        ages: present(v, "ages").and_then(|a| {
            Some(AgeRange {
                min: u8_of(&a, "min")?,
                max: u8_of(&a, "max")?,
            })
        }),
        image: present(v, "image").and_then(|i| image(&i)),
        trailer: present(v, "trailer").and_then(|t| trailer(&t)),
        booking: booking(&get(v, "booking")),
        organizer: opt_string(v, "organizer"),
        status: status(v, "status")?,
        bookable: boolean(v, "bookable")?,
        in_swipe: boolean(v, "in_swipe")?,
    })
}

fn programme(v: &JsValue) -> Option<Programme> {
    Some(Programme {
        centre: string(v, "centre")?,
        centre_name: string(v, "centre_name")?,
        generated_at: string(v, "generated_at")?,
        demo: boolean(v, "demo")?,
        venues: list(v, "venues", venue),
        shows: list(v, "shows", show),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn moment(unix: i64) -> Moment {
        Moment {
            at: format!("2026-12-0{}T20:00:00+01:00", unix % 9),
            unix,
        }
    }

    fn text(nl: &str, en: Option<&str>) -> Text {
        Text {
            nl: nl.into(),
            en: en.map(Into::into),
        }
    }

    /// A programme with every field of every type set, and the other shapes of each
    /// enum and option in a second show.
    fn full() -> Programme {
        let term = |id: &str| Term {
            id: id.into(),
            label: format!("Label {id}"),
        };
        let first = Show {
            id: "s-1".into(),
            title: text("Dansnacht", Some("Dance night")),
            description_html: text("<p>Een <em>nacht</em> vol dans.</p>", None),
            genre: Some(term("0.54.0.0.0")),
            themes: vec![term("t-1"), term("t-2")],
            venue: "v-1".into(),
            calendar: Calendar {
                kind: CalendarKind::Multiple,
                occurrences: vec![
                    Occurrence {
                        start: moment(1_800_000_000),
                        end: Some(moment(1_800_007_200)),
                        status: ShowStatus::Available,
                    },
                    Occurrence {
                        start: moment(1_800_086_400),
                        end: None,
                        status: ShowStatus::Cancelled,
                    },
                ],
                start: Some(moment(1_799_000_000)),
                end: Some(moment(1_801_000_000)),
                opening_hours: vec![OpeningHours {
                    days: vec!["monday".into(), "friday".into()],
                    opens: "10:00".into(),
                    closes: "17:30".into(),
                }],
            },
            price: Some(Price {
                base_cents: 1800,
                tariffs: vec![Tariff {
                    name: text("-26 jaar", Some("Under 26")),
                    cents: 1200,
                }],
            }),
            ages: Some(AgeRange { min: 16, max: 99 }),
            image: Some(Image {
                src: Some("/media/dans.jpg".into()),
                source: Some("https://images.example/dans.jpg".into()),
                alt: Some("Dansers in rood licht".into()),
                credit: Some("Foto: Iemand".into()),
            }),
            trailer: Some(Trailer::File {
                src: "/media/dans.mp4".into(),
                mime: "video/mp4".into(),
            }),
            booking: Booking {
                url: Some("https://tickets.example/dans".into()),
                url_label: Some("Tickets".into()),
                phone: Some("+32 9 123 45 67".into()),
                email: Some("tickets@example.org".into()),
            },
            organizer: Some("Cultuurcentrum Nova".into()),
            status: ShowStatus::Postponed,
            bookable: false,
            in_swipe: true,
        };
        let second = Show {
            id: "s-2".into(),
            title: text("Stille film", None),
            description_html: text("", None),
            genre: None,
            themes: vec![],
            venue: "v-2".into(),
            calendar: Calendar {
                kind: CalendarKind::Periodic,
                occurrences: vec![],
                start: None,
                end: None,
                opening_hours: vec![],
            },
            price: Some(Price {
                base_cents: 0,
                tariffs: vec![],
            }),
            ages: None,
            image: Some(Image {
                src: None,
                source: None,
                alt: None,
                credit: None,
            }),
            trailer: Some(Trailer::Platform {
                platform: "youtube".into(),
                url: "https://www.youtube.com/watch?v=abc".into(),
                embed_url: Some("https://www.youtube.com/embed/abc".into()),
            }),
            booking: Booking::default(),
            organizer: None,
            status: ShowStatus::Available,
            bookable: true,
            in_swipe: false,
        };
        let mut third = second.clone();
        third.id = "s-3".into();
        third.calendar.kind = CalendarKind::Permanent;
        third.price = None;
        third.image = None;
        third.status = ShowStatus::Cancelled;
        third.trailer = Some(Trailer::Platform {
            platform: "vimeo".into(),
            url: "https://vimeo.com/1".into(),
            embed_url: None,
        });
        let mut fourth = third.clone();
        fourth.id = "s-4".into();
        fourth.calendar.kind = CalendarKind::Single;
        fourth.trailer = None;
        Programme {
            centre: "demo-nova".into(),
            centre_name: "Cultuurcentrum Nova (demo)".into(),
            generated_at: "2026-11-28T10:00:00Z".into(),
            demo: true,
            venues: vec![
                Venue {
                    id: "v-1".into(),
                    name: text("Grote zaal", Some("Main hall")),
                    street: "Markt 1".into(),
                    postal_code: "9230".into(),
                    town: "Wetteren".into(),
                    geo: Some(Geo {
                        lat: 51.0024,
                        lon: 3.8823,
                    }),
                    transport_note: Some("Bus 34 tot Markt".into()),
                    bike_note: Some("Fietsenstalling achteraan".into()),
                },
                Venue {
                    id: "v-2".into(),
                    name: text("Kelder", None),
                    street: String::new(),
                    postal_code: String::new(),
                    town: "Gent".into(),
                    geo: None,
                    transport_note: None,
                    bike_note: None,
                },
            ],
            shows: vec![first, second, third, fourth],
        }
    }

    #[wasm_bindgen_test]
    fn reads_what_serde_writes() {
        let programme = full();
        let json = serde_json::to_string(&programme).expect("serialises");
        assert_eq!(parse(&json), Some(programme));
    }

    #[wasm_bindgen_test]
    fn a_show_that_does_not_fit_is_left_out_and_a_non_programme_is_refused() {
        let mut json: serde_json::Value = serde_json::to_value(full()).expect("serialises");
        json["shows"][0]["calendar"]["kind"] = "sometimes".into();
        json["shows"][1]["price"]["base_cents"] = (-5).into();
        json["venues"][1]["name"] = serde_json::Value::Null;
        let read = parse(&json.to_string()).expect("still a programme");
        let ids: Vec<_> = read.shows.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s-2", "s-3", "s-4"]);
        assert_eq!(read.shows[0].price, None, "a bad price is no price");
        assert_eq!(read.venues.len(), 1);
        for not_a_programme in ["", "[]", "{\"centre\": 3}", "null", "{not json"] {
            assert_eq!(parse(not_a_programme), None, "{not_a_programme}");
        }
    }
}
