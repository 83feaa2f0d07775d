//! Unit tests of the filters: dates and local days, each criterion, the order, and the
//! URL query.

use super::*;
use crate::culture::programme::{Calendar, Moment, Price};
use crate::culture::testkit::{DAY, NOW, programme, show, venue};

/// Central European winter time.
const CET: i32 = 3600;
/// 2026-12-01 is a Tuesday; `NOW` is 01:00 local time on it.
const HOUR: i64 = 3600;

fn d(text: &str) -> LocalDate {
    LocalDate::parse(text).expect("a date")
}

fn ids(shows: &[&Show]) -> Vec<String> {
    shows.iter().map(|s| s.id.clone()).collect()
}

/// A local time in CET on December `day` of 2026, as Unix seconds.
fn dec(day: i64, hour: i64) -> i64 {
    NOW + (day - 1) * DAY + hour * HOUR - i64::from(CET)
}

#[test]
fn dates_parse_print_and_count_days() {
    let date = d("2026-12-01");
    assert_eq!(date.to_string(), "2026-12-01");
    assert_eq!(date.days_since_epoch() * DAY, NOW);
    assert_eq!(date.weekday(), 1, "a Tuesday");
    assert_eq!(LocalDate::from_days(date.days_since_epoch()), Some(date));
    assert_eq!(d("1970-01-01").days_since_epoch(), 0);
    assert_eq!(d("1970-01-01").weekday(), 3, "a Thursday");
    assert!(LocalDate::parse("2028-02-29").is_some());
    for bad in [
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "2026-1-01",
        "2026/12/01",
        "1969-12-31",
        "+026-12-01",
        "２０26-12-01",
        "",
    ] {
        assert_eq!(LocalDate::parse(bad), None, "{bad}");
    }
    for days in [-1, 0, 59, 365, 11_016, 20_423, 2_932_896] {
        if let Some(date) = LocalDate::from_days(days) {
            assert_eq!(date.days_since_epoch(), days);
        }
    }
    assert_eq!(LocalDate::from_days(-1), None);
    assert_eq!(LocalDate::from_days(i64::MAX), None);
}

#[test]
fn local_days_follow_the_offset() {
    // 23:30 UTC on 1 December is 00:30 on 2 December in Brussels.
    let t = NOW + 23 * HOUR + 30 * 60;
    assert_eq!(local_day(t, 0), d("2026-12-01").days_since_epoch());
    assert_eq!(local_day(t, CET), d("2026-12-02").days_since_epoch());
    assert_eq!(local_day(t, -5 * 3600), d("2026-12-01").days_since_epoch());
}

fn week_programme() -> Programme {
    let mut shows = vec![
        show("di", Some("theater"), &[], dec(1, 20)),
        show("do", Some("concert"), &[], dec(3, 20)),
        show("vr", Some("dans"), &[], dec(4, 20)),
        // Sunday 23:30 local is still this week; Monday 00:30 local is not.
        show("zo-laat", Some("humor"), &[], dec(6, 23) + 30 * 60),
        show("ma-vroeg", Some("humor"), &[], dec(7, 0) + 30 * 60),
        show("volgende-week", Some("film"), &[], dec(9, 20)),
        show("voorbij", Some("film"), &[], NOW - DAY),
    ];
    // An exhibition running from November to January.
    let mut expo = show("expo", Some("expo"), &[], 0);
    expo.calendar = Calendar {
        kind: CalendarKind::Periodic,
        occurrences: vec![],
        start: Some(Moment {
            at: String::new(),
            unix: NOW - 20 * DAY,
        }),
        end: Some(Moment {
            at: String::new(),
            unix: NOW + 40 * DAY,
        }),
        opening_hours: vec![],
    };
    shows.push(expo);
    programme(vec![venue("v1", "Gent", Some((51.0543, 3.7174)))], shows)
}

fn with_period(period: Period) -> Filter {
    Filter {
        period: Some(period),
        ..Filter::default()
    }
}

#[test]
fn this_week_and_this_weekend_in_local_time() {
    let p = week_programme();
    let week = with_period(Period::ThisWeek).apply(&p, NOW, CET);
    assert_eq!(ids(&week), ["expo", "di", "do", "vr", "zo-laat"]);
    let weekend = with_period(Period::ThisWeekend).apply(&p, NOW, CET);
    // The expo counts from the weekend's first moment.
    assert_eq!(ids(&weekend), ["expo", "vr", "zo-laat"]);
    // On Saturday the weekend starts today: Friday's show is past.
    let saturday = NOW + 4 * DAY;
    let weekend = with_period(Period::ThisWeekend).apply(&p, saturday, CET);
    assert_eq!(ids(&weekend), ["expo", "zo-laat"]);
    // In UTC the Monday 00:30 show is on Sunday.
    let weekend = with_period(Period::ThisWeekend).apply(&p, NOW, 0);
    assert!(ids(&weekend).contains(&"ma-vroeg".to_string()));
}

#[test]
fn dates_are_inclusive_local_days() {
    let p = week_programme();
    let f = with_period(Period::Dates {
        from: Some(d("2026-12-03")),
        to: Some(d("2026-12-04")),
    });
    assert_eq!(ids(&f.apply(&p, NOW, CET)), ["expo", "do", "vr"]);
    let f = with_period(Period::Dates {
        from: Some(d("2026-12-07")),
        to: None,
    });
    assert_eq!(
        ids(&f.apply(&p, NOW, CET)),
        ["expo", "ma-vroeg", "volgende-week"]
    );
    let f = with_period(Period::Dates {
        from: None,
        to: Some(d("2026-12-01")),
    });
    assert_eq!(ids(&f.apply(&p, NOW, CET)), ["expo", "di"]);
    let after_the_expo = with_period(Period::Dates {
        from: Some(d("2027-02-01")),
        to: None,
    });
    assert!(after_the_expo.apply(&p, NOW, CET).is_empty());
}

#[test]
fn the_empty_filter_lists_every_upcoming_show_by_date() {
    let p = week_programme();
    let all = Filter::default().apply(&p, NOW, CET);
    assert_eq!(
        ids(&all),
        [
            "expo",
            "di",
            "do",
            "vr",
            "zo-laat",
            "ma-vroeg",
            "volgende-week"
        ]
    );
    assert!(Filter::default().is_empty());
}

#[test]
fn place_near_transit_and_bike() {
    let mut wetteren = venue("wet", "Wetteren", Some((51.0056, 3.8825)));
    wetteren.transport_note = Some("Bus 34 tot aan de Markt".into());
    wetteren.bike_note = Some("  ".into());
    let mut leuven = venue("leu", "Leuven", Some((50.8798, 4.7005)));
    leuven.bike_note = Some("Fietsenstalling aan de zij-ingang".into());
    // No coordinates: the town centre from the table counts.
    let aalst = venue("aal", "AALST", None);
    let nowhere = venue("x", "Atlantis", None);
    let mut shows = vec![];
    for (i, v) in ["wet", "leu", "aal", "x"].iter().enumerate() {
        let mut s = show(v, None, &[], NOW + (i as i64 + 1) * DAY);
        s.venue = v.to_string();
        shows.push(s);
    }
    let p = programme(vec![wetteren, leuven, aalst, nowhere], shows);
    let run = |f: Filter| ids(&f.apply(&p, NOW, CET));

    assert_eq!(
        run(Filter {
            place: Some(Place::Venue("leu".into())),
            ..Filter::default()
        }),
        ["leu"]
    );
    assert_eq!(
        run(Filter {
            place: Some(Place::Town("aalst".into())),
            ..Filter::default()
        }),
        ["aal"]
    );
    assert_eq!(
        run(Filter {
            place: Some(Place::Town("Wettéren ".into())),
            ..Filter::default()
        }),
        ["wet"]
    );
    let near = |km| Filter {
        near: Some(Near {
            town: "Gent".into(),
            km,
        }),
        ..Filter::default()
    };
    assert_eq!(run(near(15)), ["wet"]);
    assert_eq!(run(near(30)), ["wet", "aal"]);
    assert_eq!(
        run(near(80)),
        ["wet", "leu", "aal"],
        "Atlantis is on no map"
    );
    let unknown = Filter {
        near: Some(Near {
            town: "Atlantis".into(),
            km: 300,
        }),
        ..Filter::default()
    };
    assert!(run(unknown).is_empty());
    assert_eq!(
        run(Filter {
            transit: true,
            ..Filter::default()
        }),
        ["wet"]
    );
    assert_eq!(
        run(Filter {
            bike: true,
            ..Filter::default()
        }),
        ["leu"],
        "a blank bike note does not count"
    );
    assert!(
        run(Filter {
            transit: true,
            bike: true,
            ..Filter::default()
        })
        .is_empty(),
        "both: a venue with both notes"
    );
}

#[test]
fn budget_free_and_genres() {
    let priced = |id: &str, genre: &str, price: Option<(u32, u32)>| {
        let mut s = show(id, Some(genre), &[], NOW + DAY);
        s.price = price.map(|(base, student)| Price {
            base_cents: base,
            tariffs: vec![crate::culture::programme::Tariff {
                name: crate::culture::programme::Text::nl("Student"),
                cents: student,
            }],
        });
        s
    };
    let p = programme(
        vec![],
        vec![
            priced("gratis", "concert", Some((0, 0))),
            priced("student", "theater", Some((2000, 1200))),
            priced("duur", "theater", Some((3500, 3000))),
            priced("onbekend", "dans", None),
        ],
    );
    let run = |f: Filter| ids(&f.apply(&p, NOW, CET));
    assert_eq!(
        run(Filter {
            max_cents: Some(1200),
            ..Filter::default()
        }),
        ["gratis", "student"]
    );
    assert_eq!(
        run(Filter {
            max_cents: Some(1199),
            ..Filter::default()
        }),
        ["gratis"]
    );
    assert_eq!(
        run(Filter {
            free_only: true,
            ..Filter::default()
        }),
        ["gratis"]
    );
    assert_eq!(
        run(Filter {
            genres: vec!["theater".into(), "dans".into()],
            ..Filter::default()
        }),
        ["duur", "onbekend", "student"],
        "same date: by title"
    );
}

#[test]
fn a_full_query_reads_back() {
    let f = Filter {
        place: Some(Place::Town("Sint-Niklaas".into())),
        near: Some(Near {
            town: "Gent".into(),
            km: 20,
        }),
        period: Some(Period::Dates {
            from: Some(d("2026-12-03")),
            to: None,
        }),
        max_cents: Some(1500),
        free_only: true,
        genres: vec!["0.55.0.0.0".into(), "Comedy & co".into()],
        transit: true,
        bike: true,
    };
    let q = f.to_query();
    assert_eq!(
        q,
        "town=Sint-Niklaas&near=Gent&km=20&from=2026-12-03&max_cents=1500&free=1\
         &genre=0.55.0.0.0&genre=Comedy%20%26%20co&transit=1&bike=1"
    );
    assert_eq!(Filter::from_query(&q), f);
    assert_eq!(Filter::from_query(&format!("?{q}")), f);
    assert_eq!(Filter::default().to_query(), "");
}

#[test]
fn queries_people_type_are_read_kindly() {
    let f = Filter::from_query("near=sint+niklaas&when=weekend&genre=a&genre=a&venue=z1&town=Gent");
    assert_eq!(
        f.near,
        Some(Near {
            town: "Sint-Niklaas".into(),
            km: DEFAULT_KM
        })
    );
    assert_eq!(f.period, Some(Period::ThisWeekend));
    assert_eq!(f.genres, ["a"]);
    assert_eq!(
        f.place,
        Some(Place::Venue("z1".into())),
        "venue wins over town"
    );
    let f = Filter::from_query("when=week&from=2026-12-03");
    assert_eq!(f.period, Some(Period::ThisWeek), "when wins over dates");
}

#[test]
fn bad_values_and_unknown_keys_are_ignored() {
    for q in [
        "",
        "?",
        "&&=&",
        "km=12",
        "near=Atlantis&km=5",
        "from=2026-13-01&to=gisteren",
        "max_cents=-5&max_cents=1.5&max_cents=99999999999",
        "free=yes&transit=true",
        "genre=%ZZ&genre=%&genre=%4&genre=%E2%82&genre=%€&genre=+",
        "when=tomorrow&foo=bar&venue=&town=%20",
        "%",
        "=%",
        "near=Gent&km=0&km=301&km=abc",
    ] {
        let f = Filter::from_query(q);
        if q.starts_with("near=Gent") {
            assert_eq!(
                f.near,
                Some(Near {
                    town: "Gent".into(),
                    km: DEFAULT_KM
                }),
                "{q}"
            );
        } else {
            assert_eq!(f, Filter::default(), "{q}");
        }
    }
    // The last good value wins.
    assert_eq!(
        Filter::from_query("max_cents=100&max_cents=x").max_cents,
        Some(100)
    );
    assert_eq!(
        Filter::from_query("max_cents=100&max_cents=200").max_cents,
        Some(200)
    );
}
