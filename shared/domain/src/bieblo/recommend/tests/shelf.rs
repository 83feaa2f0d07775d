//! The shelf itself: eligibility, size, series and authors, rotation, determinism,
//! the small score terms and the JSON the kiosk reads.

use super::*;

#[test]
fn only_books_available_here_and_fitting_the_age() {
    let mut lent_out = plain("lent-out", &[]);
    lent_out.copies = vec![copy(HERE, "x", false), copy("elders", "x", true)];
    let books = vec![
        plain("ok", &[]),
        book("elsewhere", &[], (8, 9), None, &[], &["elders"]),
        lent_out,
        book("too-old", &[], (10, 12), None, &[], &[HERE]),
        book("too-young", &[], (4, 7), None, &[], &[HERE]),
        book("overlaps", &[], (4, 8), None, &[], &[HERE]),
        book("wide", &[], (6, 14), None, &[], &[HERE]),
    ];
    check(&books, &ask(), &["ok", "overlaps", "wide"]);
    check(
        &books,
        &ask().likes(&["humour"]),
        &["ok", "overlaps", "wide"],
    );
}

#[test]
fn where_to_find_names_an_available_copy_here() {
    let mut b = plain("b", &[]);
    b.copies = vec![
        copy(HERE, "Uitgeleend", false),
        copy("elders", "Elders", true),
        copy(HERE, "Avontuur", true),
        copy(HERE, "Tweede", true),
    ];
    assert_eq!(
        pick(&shelf(&[b], &ask()), "b").where_to_find,
        "Jeugd - Avontuur"
    );
}

#[test]
fn at_most_eight_and_fewer_only_when_fewer_are_eligible() {
    assert_eq!(shelf(&many("b", 30, &[]), &ask()).picks.len(), SHELF_SIZE);
    assert_eq!(shelf(&many("b", 3, &["humour"]), &ask()).picks.len(), 3);
    assert_eq!(
        shelf(&[], &ask().likes(&["humour"])),
        Shelf {
            picks: vec![],
            filled_from_near_themes: false,
            pool_restarted: false,
        }
    );
}

#[test]
fn a_book_listed_twice_is_picked_once() {
    check(
        &[plain("a", &[]), plain("a", &[]), plain("b", &[])],
        &ask(),
        &["a", "b"],
    );
}

#[test]
fn one_book_per_series() {
    let dolfje = |i: usize| {
        book(
            &format!("dolfje{i}"),
            &["humour"],
            (8, 9),
            Some("Dolfje"),
            &[],
            &[HERE],
        )
    };
    let books = concat(&[(0..5).map(dolfje).collect(), many("sport", 8, &["sport"])]);
    check_count(&books, &ask().likes(&["humour"]), "dolfje", 1);
    // Series are compared ignoring case and surrounding spaces.
    let mut odd = dolfje(9);
    odd.series = Some("  dolfje ".into());
    let books = concat(&[vec![dolfje(0), odd], many("sport", 8, &["sport"])]);
    check_count(&books, &ask().likes(&["humour"]), "dolfje", 1);
}

#[test]
fn one_book_per_author() {
    let by = |id: &str, author: &str| {
        book(
            id,
            &["humour"],
            (8, 9),
            None,
            &[author, "Co Auteur"],
            &[HERE],
        )
    };
    let books = concat(&[
        vec![
            by("kaat0", "Kaat Kleijne"),
            by("kaat1", "kaat kleijne"),
            by("kaat2", "KAAT KLEIJNE"),
        ],
        many("sport", 8, &["sport"]),
    ]);
    check_count(&books, &ask().likes(&["humour"]), "kaat", 1);
    // Sharing any one author is a clash.
    let books = concat(&[
        vec![
            book("bo-a", &[], (8, 9), None, &["An", "Bo"], &[HERE]),
            book("bo-b", &[], (8, 9), None, &["Bo", "Cas"], &[HERE]),
        ],
        many("x", 7, &[]),
    ]);
    check_count(&books, &ask(), "bo-", 1);
}

#[test]
fn a_series_repeats_only_when_the_pool_forces_it() {
    let books: Vec<SnapshotBook> = (0..10)
        .map(|i| {
            book(
                &format!("s{i}"),
                &["humour"],
                (8, 9),
                Some("Reeks"),
                &["Zelfde"],
                &[HERE],
            )
        })
        .collect();
    let s = shelf(&books, &ask().likes(&["humour"]));
    assert_eq!(s.picks.len(), SHELF_SIZE);
}

#[test]
fn other_tips_rotate_through_the_pool_before_repeating() {
    let books = many("b", 12, &["humour"]);
    let ask = ask().likes(&["humour"]);
    let first = shelf(&books, &ask);
    assert!(!first.pool_restarted);
    let shown = ids(&first);
    let second = shelf(&books, &ask.clone().seed(2).shown(&shown));
    assert!(second.pool_restarted);
    let unshown: Vec<String> = books
        .iter()
        .map(|b| b.id.clone())
        .filter(|id| !shown.contains(id))
        .collect();
    let got = ids(&second);
    assert!(unshown.iter().all(|id| got.contains(id)), "{got:?}");
    assert_eq!(got.iter().filter(|id| shown.contains(id)).count(), 4);

    let books = many("b", 20, &["humour"]);
    let first = ids(&shelf(&books, &ask));
    let mut shown = first.clone();
    shown.push("not-in-this-snapshot".into());
    let second = shelf(&books, &ask.clone().shown(&shown));
    assert!(!second.pool_restarted);
    assert!(ids(&second).iter().all(|id| !first.contains(id)));
}

#[test]
fn deterministic_for_a_seed_and_varied_across_seeds() {
    let books = many("b", 30, &["humour"]);
    let ask = ask().likes(&["humour"]);
    let shelves: BTreeSet<Vec<String>> = (0..10)
        .map(|seed| {
            let a = shelf(&books, &ask.clone().seed(seed));
            assert_eq!(a, shelf(&books, &ask.clone().seed(seed)));
            ids(&a)
        })
        .collect();
    assert!(shelves.len() >= 5, "{shelves:?}");
}

#[test]
fn a_book_fitting_the_band_scores_a_bit_higher() {
    let r = |min, max| AgeRange::new(min, max).expect("valid ages");
    for (ages, band, fit) in [
        (r(8, 9), AgeBand::EightNine, true),
        (r(8, 8), AgeBand::EightNine, true),
        (r(6, 12), AgeBand::EightNine, true),
        (r(7, 10), AgeBand::EightNine, true),
        (r(4, 8), AgeBand::EightNine, false),
        (r(9, 14), AgeBand::EightNine, false),
        (r(0, 99), AgeBand::SixSeven, false),
        (r(6, 7), AgeBand::SixSeven, true),
        (r(10, 12), AgeBand::TenEleven, true),
    ] {
        assert_eq!(age_fit(ages, band) == AGE_FIT, fit, "{ages:?} {band:?}");
    }
    assert!(AGE_FIT < LIKE / 8 && AGE_FIT < JITTER as i64);
    // Seven liked books fill the shelf; the last place goes to the better fit most times.
    let books = concat(&[
        many("fun", 7, &["humour"]),
        vec![
            book("fits", &[], (8, 9), None, &[], &[HERE]),
            book("overlaps", &[], (3, 8), None, &[], &[HERE]),
        ],
    ]);
    let wins = (0..100)
        .filter(|&seed| {
            ids(&shelf(&books, &ask().likes(&["humour"]).seed(seed))).contains(&"fits".to_string())
        })
        .count();
    assert!(wins >= 80, "{wins}");
}

#[test]
fn a_recent_book_gets_a_small_bonus_and_a_reason() {
    assert_eq!(freshness(Some(YEAR), YEAR), 3 * RECENT_PER_YEAR);
    assert_eq!(freshness(Some(YEAR - 2), YEAR), RECENT_PER_YEAR);
    assert_eq!(freshness(Some(YEAR - 3), YEAR), 0);
    assert_eq!(freshness(Some(YEAR + 1), YEAR), 0);
    assert_eq!(freshness(None, YEAR), 0);
    assert!(freshness(Some(YEAR), YEAR) < AGE_FIT);
    let mut new = plain("new", &[]);
    new.year = Some(YEAR - 1);
    let s = shelf(&[new, plain("old", &[])], &ask());
    assert_eq!(pick(&s, "new").reasons.last(), Some(&Reason::Recent));
    assert!(!pick(&s, "old").reasons.contains(&Reason::Recent));
}

#[test]
fn jitter_depends_on_seed_and_id_only() {
    assert_eq!(jitter(7, "a"), jitter(7, "a"));
    assert!((0..JITTER as i64).contains(&jitter(7, "a")));
    let across_seeds: BTreeSet<i64> = (0..50).map(|s| jitter(s, "a")).collect();
    assert!(across_seeds.len() > 20);
}

#[test]
fn reasons_serialise_for_the_kiosk() {
    let json = serde_json::to_value(Reason::LikedTheme("humour".into())).expect("serialises");
    assert_eq!(json, serde_json::json!({"liked_theme": "humour"}));
    let json = serde_json::to_value(Reason::NearTheme {
        liked: "humour".into(),
        near: "friendship".into(),
    })
    .expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({"near_theme": {"liked": "humour", "near": "friendship"}})
    );
    assert_eq!(
        serde_json::to_value(Reason::AgeFit).expect("serialises"),
        "age_fit"
    );
    let s = shelf(&many("b", 3, &["humour"]), &ask().likes(&["fantasy"]));
    let text = serde_json::to_string(&s).expect("serialises");
    assert_eq!(serde_json::from_str::<Shelf>(&text).expect("parses"), s);
}
