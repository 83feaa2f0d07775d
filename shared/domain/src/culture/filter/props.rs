//! Property tests of the filters: any filter survives its URL query, any text is read
//! without panicking, and `apply` lists only upcoming shows that pass, by date.

use proptest::prelude::*;

use super::*;
use crate::culture::programme::ShowStatus;
use crate::culture::testkit::{DAY, NOW, programme, show, venue};

/// Trimmed, non-empty text with characters a URL must escape.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9éèçï &=+%?#/ -]{1,14}"
        .prop_map(|s| s.trim().to_string())
        .prop_filter("not blank", |s| !s.is_empty())
}

fn date() -> impl Strategy<Value = LocalDate> {
    (0i64..40_000).prop_filter_map("a date", LocalDate::from_days)
}

fn filter() -> impl Strategy<Value = Filter> {
    let place = prop_oneof![
        Just(None),
        text().prop_map(|s| Some(Place::Venue(s))),
        text().prop_map(|s| Some(Place::Town(s))),
    ];
    let near = prop::option::of(
        (0..towns::TOWNS.len(), 1..=MAX_KM).prop_map(|(t, km)| Near {
            town: towns::TOWNS[t].name.to_string(),
            km,
        }),
    );
    let period = prop_oneof![
        Just(None),
        Just(Some(Period::ThisWeek)),
        Just(Some(Period::ThisWeekend)),
        (prop::option::of(date()), prop::option::of(date()))
            .prop_filter("a day", |(f, t)| f.is_some() || t.is_some())
            .prop_map(|(from, to)| Some(Period::Dates { from, to })),
    ];
    (
        place,
        near,
        period,
        prop::option::of(any::<u32>()),
        any::<bool>(),
        prop::collection::vec(text(), 0..4),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(place, near, period, max_cents, free_only, mut genres, transit, bike)| {
                let mut seen = Vec::new();
                genres.retain(|g| {
                    let fresh = !seen.contains(g);
                    seen.push(g.clone());
                    fresh
                });
                Filter {
                    place,
                    near,
                    period,
                    max_cents,
                    free_only,
                    genres,
                    transit,
                    bike,
                }
            },
        )
}

fn a_programme() -> impl Strategy<Value = Programme> {
    let a_show = (
        0..3usize,
        prop::option::of(0..3usize),
        -5i64..60,
        0..8u8,
        prop::option::of(0u32..3000),
    )
        .prop_map(|(v, genre, day, status, price)| {
            let mut s = show(
                "",
                genre.map(|g| ["theater", "concert", "dans"][g]),
                &[],
                NOW + day * DAY,
            );
            s.venue = format!("v{v}");
            s.status = if status == 0 {
                ShowStatus::Cancelled
            } else {
                ShowStatus::Available
            };
            s.price = price.and_then(crate::culture::testkit::price);
            s
        });
    prop::collection::vec(a_show, 0..20).prop_map(|mut shows| {
        for (i, s) in shows.iter_mut().enumerate() {
            s.id = format!("s{i}");
        }
        let mut v0 = venue("v0", "Gent", Some((51.05, 3.72)));
        v0.transport_note = Some("Tram 1".into());
        programme(
            vec![
                v0,
                venue("v1", "Aalst", None),
                venue("v2", "Leuven", Some((50.88, 4.70))),
            ],
            shows,
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_filter_survives_its_query(f in filter()) {
        let q = f.to_query();
        prop_assert_eq!(Filter::from_query(&q), f.clone());
        prop_assert!(q.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%=&".contains(&b)), "{}", q);
        prop_assert_eq!(q.is_empty(), f.is_empty());
    }

    #[test]
    fn any_text_is_read_without_panicking(q in any::<String>(), pairs in prop::collection::vec(("(venue|town|near|km|when|from|to|max_cents|free|genre|transit|bike|x)", "[%+=&a-zA-Z0-9€é-]{0,8}"), 0..8)) {
        let _ = Filter::from_query(&q);
        let built: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let f = Filter::from_query(&built.join("&"));
        // What was read is written back and read again the same.
        prop_assert_eq!(Filter::from_query(&f.to_query()), f);
    }

    #[test]
    fn apply_lists_upcoming_passing_shows_by_date(p in a_programme(), f in filter(), offset in -43_200i32..50_400) {
        let listed = f.apply(&p, NOW, offset);
        let mut last = i64::MIN;
        for s in &listed {
            prop_assert!(s.is_upcoming(NOW));
            let t = f.first_start(&p, s, NOW, offset).expect("passes");
            prop_assert!(t >= NOW && t >= last);
            last = t;
        }
        let passing = p.shows.iter().filter(|s| f.first_start(&p, s, NOW, offset).is_some()).count();
        prop_assert_eq!(listed.len(), passing);
        let all = Filter::default().apply(&p, NOW, offset);
        prop_assert_eq!(all.len(), p.shows.iter().filter(|s| s.is_upcoming(NOW)).count());
        prop_assert!(listed.iter().all(|s| all.iter().any(|a| a.id == s.id)));
    }
}
