//! Unit tests of the recommender, one rule each, on small hand-built programmes.

use super::*;
use crate::culture::programme::{ShowStatus, Trailer};
use crate::culture::testkit::*;

fn ids(shows: &[&Show]) -> Vec<String> {
    shows.iter().map(|s| s.id.clone()).collect()
}

fn suggested(list: &[Suggestion]) -> Vec<&str> {
    list.iter().map(|s| s.show.as_str()).collect()
}

fn hearts(ids: &[&str]) -> Swipes {
    Swipes {
        hearts: ids.iter().map(|s| s.to_string()).collect(),
        crosses: vec![],
        earlier_hearts: vec![],
    }
}

/// Nine upcoming shows: three theatre, three concerts, three dance, on days 1..=9.
fn three_genres() -> Programme {
    let genres = ["theater", "concert", "dans"];
    let shows = (0..9)
        .map(|i| {
            let g = genres[i % 3];
            show(
                &format!("{g}-{i}"),
                Some(g),
                &[],
                NOW + (i as i64 + 1) * DAY,
            )
        })
        .collect();
    programme(vec![venue("v1", "Gent", Some((51.05, 3.72)))], shows)
}

#[test]
fn cards_prefer_marked_shows_and_one_per_genre() {
    let mut p = three_genres();
    for s in p.shows.iter_mut() {
        s.in_swipe = true;
    }
    // Two more marked shows without genre and an unmarked one of a fourth genre.
    p.shows.push(show("a", None, &[], NOW + DAY));
    p.shows[9].in_swipe = true;
    p.shows.push(show("b", Some("humor"), &[], NOW + DAY));
    for seed in 0..20 {
        let cards = swipe_cards(&p, NOW, seed);
        assert_eq!(cards.len(), SWIPE_CARDS);
        assert!(cards.iter().all(|c| c.in_swipe), "{:?}", ids(&cards));
        let mut genres: Vec<&str> = cards.iter().map(|c| genre_key(c)).collect();
        genres.sort_unstable();
        genres.dedup();
        // theater, concert, dans and "no genre" come first, then one more of them.
        assert_eq!(genres.len(), 4, "seed {seed}: {:?}", ids(&cards));
    }
}

#[test]
fn shows_crossed_lately_stay_out_of_the_cards_while_others_are_left() {
    let mut p = three_genres();
    for s in p.shows.iter_mut() {
        s.in_swipe = true;
    }
    for seed in 0..20 {
        let first = ids(&swipe_cards(&p, NOW, seed));
        let next = ids(&swipe_cards_leaving_out(&p, NOW, seed, &first));
        assert_eq!(next.len(), SWIPE_CARDS);
        let again: Vec<_> = next.iter().filter(|id| first.contains(id)).collect();
        // Nine shows: the four not crossed come first, one crossed fills the deck.
        assert_eq!(again.len(), 1, "seed {seed}: {first:?} then {next:?}");
        assert!(first.contains(&next[4]), "the crossed one comes last");
    }
    assert_eq!(
        ids(&swipe_cards_leaving_out(&p, NOW, 5, &[])),
        ids(&swipe_cards(&p, NOW, 5))
    );
}

#[test]
fn earlier_hearts_inform_the_suggestions() {
    let p = three_genres();
    // Nothing hearted in this swipe: only variety and dates decide.
    let nothing = Swipes {
        hearts: vec![],
        crosses: vec!["theater-0".into()],
        earlier_hearts: vec![],
    };
    let earlier = Swipes {
        earlier_hearts: vec!["dans-2".into()],
        ..nothing.clone()
    };
    for seed in 0..10 {
        let list = suggest(&p, &earlier, &Context::at(NOW), seed);
        let first = &list[0];
        assert!(
            first.show.starts_with("dans"),
            "seed {seed}: {:?}",
            suggested(&list)
        );
        assert!(first.show != "dans-2" || first.because.is_empty());
        assert!(
            list.iter().any(|s| s.because == ["dans-2".to_string()]),
            "seed {seed}: {list:?}"
        );
        let without = suggest(&p, &nothing, &Context::at(NOW), seed);
        assert!(without.iter().all(|s| s.because.is_empty()), "{without:?}");
    }
    // A show crossed now does not count as an earlier heart.
    let crossed_now = Swipes {
        crosses: vec!["dans-2".into()],
        ..earlier
    };
    let list = suggest(&p, &crossed_now, &Context::at(NOW), 1);
    assert!(list.iter().all(|s| s.because.is_empty()), "{list:?}");
}

#[test]
fn cards_fall_back_to_other_upcoming_shows() {
    let mut p = three_genres();
    p.shows[0].in_swipe = true;
    p.shows[4].in_swipe = true;
    // A past marked show never comes.
    p.shows.push(show("oud", Some("expo"), &[], NOW - DAY));
    p.shows[9].in_swipe = true;
    let cards = swipe_cards(&p, NOW, 3);
    assert_eq!(cards.len(), 5);
    assert_eq!(
        ids(&cards[..2])
            .iter()
            .filter(|id| ["theater-0", "concert-4"].contains(&id.as_str()))
            .count(),
        2,
        "marked shows first: {:?}",
        ids(&cards)
    );
    assert!(cards.iter().all(|c| c.id != "oud"));
    // The three unmarked ones added are of the third genre first.
    assert_eq!(genre_key(cards[2]), "dans", "{:?}", ids(&cards));
}

#[test]
fn cards_with_a_trailer_come_before_those_without() {
    let mut p = three_genres();
    for s in p.shows.iter_mut() {
        s.in_swipe = true;
    }
    p.shows[7].trailer = Some(Trailer::File {
        src: "/media/t.mp4".into(),
        mime: "video/mp4".into(),
    });
    for seed in 0..10 {
        assert_eq!(swipe_cards(&p, NOW, seed)[0].id, "concert-7");
    }
}

#[test]
fn cards_are_deterministic_per_seed_and_vary_between_seeds() {
    let mut p = three_genres();
    for s in p.shows.iter_mut() {
        s.in_swipe = true;
    }
    let first = ids(&swipe_cards(&p, NOW, 1));
    assert_eq!(ids(&swipe_cards(&p, NOW, 1)), first);
    p.shows.reverse();
    assert_eq!(
        ids(&swipe_cards(&p, NOW, 1)),
        first,
        "order of the programme"
    );
    let decks: std::collections::HashSet<Vec<String>> = (0..30)
        .map(|seed| ids(&swipe_cards(&p, NOW, seed)))
        .collect();
    assert!(decks.len() > 3, "{decks:?}");
}

#[test]
fn hearts_on_a_genre_pull_that_genre_up() {
    let p = three_genres();
    for (genre, heart) in [
        ("concert", "concert-1"),
        ("dans", "dans-2"),
        ("theater", "theater-3"),
    ] {
        for seed in 0..10 {
            let list = suggest(&p, &hearts(&[heart]), &Context::at(NOW), seed);
            assert_eq!(list.len(), 3);
            let first = p.show(&list[0].show).expect("in programme");
            assert_eq!(genre_key(first), genre, "seed {seed}: {list:?}");
            assert_eq!(list[0].because, vec![heart.to_string()]);
            assert!(
                matches!(&list[0].reasons[0], Reason::LikedGenre { genre: g } if g.id == genre)
            );
            // Two of that genre at most: the third is another.
            let of_genre = list
                .iter()
                .filter(|s| p.show(&s.show).is_some_and(|s| genre_key(s) == genre))
                .count();
            assert_eq!(of_genre, 2, "{list:?}");
        }
    }
}

#[test]
fn crosses_push_a_genre_down_and_themes_count() {
    let mut p = three_genres();
    p.shows[1].themes = vec![term("humor")]; // concert-1
    p.shows[5].themes = vec![term("humor")]; // dans-5
    let swipes = Swipes {
        hearts: vec!["concert-1".into()],
        crosses: vec!["theater-0".into(), "theater-3".into()],
        earlier_hearts: vec![],
    };
    let list = suggest(&p, &swipes, &Context::at(NOW), 4);
    let chosen = suggested(&list);
    assert!(
        chosen.iter().all(|id| !id.starts_with("theater")),
        "{chosen:?}"
    );
    let dans5 = list
        .iter()
        .find(|s| s.show == "dans-5")
        .expect("shared theme wins a place");
    assert_eq!(dans5.because, vec!["concert-1".to_string()]);
    assert!(matches!(&dans5.reasons[0], Reason::LikedTheme { theme } if theme.id == "humor"));
}

#[test]
fn never_swiped_past_or_cancelled() {
    let mut p = three_genres();
    p.shows[0].calendar.occurrences[0].start.unix = NOW - DAY;
    p.shows[1].status = ShowStatus::Cancelled;
    p.shows[2].calendar.occurrences[0].status = ShowStatus::Cancelled;
    let swipes = Swipes {
        hearts: vec!["theater-3".into(), "onbekend".into()],
        crosses: vec!["concert-4".into()],
        earlier_hearts: vec![],
    };
    for seed in 0..20 {
        let list = suggest(&p, &swipes, &Context::at(NOW), seed);
        for id in suggested(&list) {
            assert!(
                !["theater-0", "concert-1", "dans-2", "theater-3", "concert-4"].contains(&id),
                "{id}"
            );
        }
        assert_eq!(list.len(), 3);
    }
}

#[test]
fn fewer_only_when_fewer_qualify() {
    let p = programme(
        vec![],
        vec![
            show("a", Some("x"), &[], NOW + DAY),
            show("b", Some("x"), &[], NOW - DAY),
        ],
    );
    assert_eq!(
        suggested(&suggest(&p, &Swipes::default(), &Context::at(NOW), 0)),
        ["a"]
    );
    assert!(suggest(&p, &hearts(&["a"]), &Context::at(NOW), 0).is_empty());
}

#[test]
fn three_of_one_genre_only_when_nothing_else_is_left() {
    let shows = (0..5)
        .map(|i| show(&format!("t{i}"), Some("theater"), &[], NOW + DAY))
        .collect();
    let p = programme(vec![], shows);
    let list = suggest(&p, &hearts(&["t0"]), &Context::at(NOW), 0);
    assert_eq!(list.len(), 3, "no other genre: three of one");

    // Hearts on three theatre shows give the other theatre shows a lead of hundreds of
    // points; still the third pick is the one concert left.
    let mut shows: Vec<Show> = (0..8)
        .map(|i| show(&format!("t{i}"), Some("theater"), &[], NOW + DAY))
        .collect();
    shows.push(show("c", Some("concert"), &[], NOW + 80 * DAY));
    let p = programme(vec![], shows);
    for seed in 0..10 {
        let list = suggest(&p, &hearts(&["t0", "t1", "t2"]), &Context::at(NOW), seed);
        assert_eq!(list.len(), 3);
        assert_eq!(list[2].show, "c", "seed {seed}: {list:?}");
        assert_eq!(list[2].reasons, [Reason::Discover]);
    }
}

#[test]
fn price_distance_date_and_age_count() {
    let gent = (51.0543, 3.7174);
    let brugge = (51.2093, 3.2247);
    let venues = vec![
        venue("gent", "Gent", Some(gent)),
        venue("brugge", "Brugge", Some(brugge)),
    ];
    let base = |id: &str| show(id, Some("x"), &[], NOW + 10 * DAY);
    let ctx = Context::at(NOW);

    // Free beats expensive, other things equal.
    let mut free = base("free");
    free.price = price(0);
    let mut dear = base("dear");
    dear.price = price(4500);
    let p = programme(venues.clone(), vec![dear.clone(), free.clone()]);
    let list = suggest(&p, &Swipes::default(), &ctx, 0);
    assert_eq!(list[0].show, "free");
    assert!(list[0].reasons.contains(&Reason::Free));

    // Above the budget sinks.
    let mut cheap = base("cheap");
    cheap.price = price(800);
    let p = programme(venues.clone(), vec![dear, cheap]);
    let budget = Context {
        max_price_cents: Some(1000),
        ..ctx
    };
    let list = suggest(&p, &Swipes::default(), &budget, 0);
    assert_eq!(list[0].show, "cheap");
    assert!(list[0].reasons.contains(&Reason::WithinBudget));

    // Near beats far.
    let mut near = base("near");
    near.venue = "gent".into();
    let mut far = base("far");
    far.venue = "brugge".into();
    let p = programme(venues.clone(), vec![far, near]);
    let home = Context {
        home: Some(Geo {
            lat: gent.0,
            lon: gent.1,
        }),
        ..ctx
    };
    let list = suggest(&p, &Swipes::default(), &home, 0);
    assert_eq!(list[0].show, "near");
    assert!(list[0].reasons.contains(&Reason::Nearby { km: 0 }));

    // Sooner beats later.
    let soon = show("soon", Some("x"), &[], NOW + DAY);
    let late = show("late", Some("x"), &[], NOW + 50 * DAY);
    let p = programme(venues.clone(), vec![late, soon]);
    let list = suggest(&p, &Swipes::default(), &ctx, 0);
    assert_eq!(list[0].show, "soon");
    assert!(list[0].reasons.contains(&Reason::Soon { days: 1 }));

    // A toddler show is never suggested to a 17-year-old, nor to the young people the
    // app assumes when nobody says their age; a show for 16-25 is, with its reason.
    let mut toddler = base("toddler");
    toddler.ages = ages(3, 6);
    let mut teen = base("teen");
    teen.ages = ages(16, 25);
    let p = programme(venues.clone(), vec![toddler, teen]);
    let age = Context {
        age: Some(17),
        ..ctx
    };
    let list = suggest(&p, &Swipes::default(), &age, 0);
    assert_eq!(suggested(&list), ["teen"]);
    assert!(list[0].reasons.contains(&Reason::AgeFit));
    for seed in 0..10 {
        let list = suggest(
            &p,
            &Swipes::default(),
            &Context::for_young_people(NOW),
            seed,
        );
        assert_eq!(suggested(&list), ["teen"], "seed {seed}");
    }
    let list = suggest(&p, &Swipes::default(), &Context::at(NOW), 0);
    assert_eq!(list.len(), 2, "without an age both may come");

    // With a farthest distance, a venue beyond it never comes; one without a place may.
    let mut far = base("far");
    far.venue = "brugge".into();
    let mut near = base("near");
    near.venue = "gent".into();
    let mut nowhere = base("nowhere");
    nowhere.venue = "onbekend".into();
    // A venue without coordinates stands at its town's centre.
    let mut far_town = base("far-town");
    far_town.venue = "brugge-zaal".into();
    let mut venues = venues;
    venues.push(venue("brugge-zaal", "Brugge", None));
    let p = programme(venues, vec![far, near, nowhere, far_town]);
    // Brugge is some 38 km from Gent.
    let within_30 = Context {
        home: Some(Geo {
            lat: gent.0,
            lon: gent.1,
        }),
        max_km: Some(30),
        ..ctx
    };
    for seed in 0..10 {
        let list = suggest(&p, &Swipes::default(), &within_30, seed);
        let mut chosen = suggested(&list);
        chosen.sort_unstable();
        assert_eq!(chosen, ["near", "nowhere"], "seed {seed}");
    }
}

#[test]
fn without_hearts_every_suggestion_is_a_discovery() {
    let p = three_genres();
    let list = suggest(&p, &Swipes::default(), &Context::at(NOW), 9);
    assert_eq!(list.len(), 3);
    for s in &list {
        assert_eq!(s.reasons[0], Reason::Discover);
        assert!(s.because.is_empty());
    }
    let genres: std::collections::HashSet<&str> = list
        .iter()
        .filter_map(|s| p.show(&s.show))
        .map(genre_key)
        .collect();
    assert_eq!(genres.len(), 3, "variety without hearts: {list:?}");
}

#[test]
fn reasons_serialise_with_a_kind() {
    let json = serde_json::to_string(&Reason::Nearby { km: 4 }).expect("json");
    assert_eq!(json, r#"{"kind":"nearby","km":4}"#);
    let json = serde_json::to_string(&Reason::LikedGenre {
        genre: term("0.50.4.0.0"),
    })
    .expect("json");
    assert!(
        json.starts_with(r#"{"kind":"liked_genre","genre":{"id":"0.50.4.0.0""#),
        "{json}"
    );
}
