//! Property tests of the recommender over random programmes: genres and themes from small
//! sets, performances from ten days ago to ninety days ahead, cancelled and postponed
//! shows, prices, ages, venues with and without coordinates, random swipes (including ids
//! not in the programme), contexts and seeds.

use std::collections::HashSet;

use proptest::prelude::*;

use super::*;
use crate::culture::programme::ShowStatus;
use crate::culture::testkit::*;

const GENRES: [&str; 5] = ["theater", "concert", "dans", "humor", "film"];
const THEMES: [&str; 4] = ["liefde", "politiek", "familie", "humor"];

fn a_show() -> impl Strategy<Value = Show> {
    (
        prop::option::of(0..GENRES.len()),
        prop::collection::vec(0..THEMES.len(), 0..3),
        -10i64..90,
        0..10u8,
        (any::<bool>(), any::<bool>(), 0..3usize),
        prop::option::of(prop_oneof![Just(0u32), 500u32..4000]),
        prop::option::of((0u8..30, 0u8..20)),
    )
        .prop_map(
            |(genre, themes, day, status, (in_swipe, bookable, venue), price, ages)| {
                let themes: Vec<&str> = themes.into_iter().map(|t| THEMES[t]).collect();
                let mut s = show(
                    "",
                    genre.map(|g| GENRES[g]),
                    &themes,
                    NOW + day * DAY + 3600,
                );
                s.status = match status {
                    0 => ShowStatus::Cancelled,
                    1 => ShowStatus::Postponed,
                    _ => ShowStatus::Available,
                };
                s.in_swipe = in_swipe;
                s.bookable = bookable;
                s.venue = format!("v{venue}");
                s.price = price.and_then(crate::culture::testkit::price);
                s.ages =
                    ages.and_then(|(min, span)| crate::culture::testkit::ages(min, min + span));
                s
            },
        )
}

#[derive(Debug, Clone)]
struct Case {
    programme: Programme,
    swipes: Swipes,
    ctx: Context,
    seed: u64,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec(a_show(), 0..25),
        prop::collection::vec(0..30usize, 0..6),
        prop::collection::vec(0..30usize, 0..6),
        (
            prop::option::of((50.7f64..51.4, 2.6f64..5.8)),
            prop::option::of(0u32..3000),
            prop::option::of(10u8..30),
        ),
        any::<u64>(),
    )
        .prop_map(|(mut shows, hearts, crosses, (home, max, age), seed)| {
            for (i, s) in shows.iter_mut().enumerate() {
                s.id = format!("s{i}");
            }
            let venues = vec![
                venue("v0", "Gent", Some((51.05, 3.72))),
                venue("v1", "Leuven", Some((50.88, 4.70))),
                venue("v2", "Nergens", None),
            ];
            let ids = |list: Vec<usize>| list.into_iter().map(|i| format!("s{i}")).collect();
            Case {
                programme: programme(venues, shows),
                swipes: Swipes {
                    hearts: ids(hearts),
                    crosses: ids(crosses),
                    earlier_hearts: vec![],
                },
                ctx: Context {
                    now_unix: NOW,
                    home: home.map(|(lat, lon)| Geo { lat, lon }),
                    max_price_cents: max,
                    age,
                    max_km: home.and(Some(60)),
                },
                seed,
            }
        })
}

impl Case {
    fn suggest(&self) -> Vec<Suggestion> {
        suggest(&self.programme, &self.swipes, &self.ctx, self.seed)
    }

    fn qualifying(&self) -> Vec<&Show> {
        self.programme
            .shows
            .iter()
            .filter(|s| {
                s.is_upcoming(NOW)
                    && !self.swipes.swiped(&s.id)
                    && fits(&self.programme, s, &self.ctx)
            })
            .collect()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn at_most_three_distinct_upcoming_unswiped(case in case()) {
        let list = case.suggest();
        prop_assert_eq!(list.len(), case.qualifying().len().min(SUGGESTIONS));
        let ids: HashSet<&str> = list.iter().map(|s| s.show.as_str()).collect();
        prop_assert_eq!(ids.len(), list.len());
        for s in &list {
            let show = case.programme.show(&s.show).expect("from the programme");
            prop_assert!(show.is_upcoming(NOW));
            prop_assert!(show.status != ShowStatus::Cancelled);
            prop_assert!(!case.swipes.hearts.contains(&s.show));
            prop_assert!(!case.swipes.crosses.contains(&s.show));
            for b in &s.because {
                prop_assert!(case.swipes.hearts.contains(b));
            }
            prop_assert!(!s.reasons.is_empty());
        }
    }

    #[test]
    fn deterministic_and_independent_of_order(case in case()) {
        let list = case.suggest();
        prop_assert_eq!(&list, &case.suggest());
        let mut reversed = case.clone();
        reversed.programme.shows.reverse();
        prop_assert_eq!(&list, &reversed.suggest());
    }

    #[test]
    fn three_of_one_genre_only_when_unavoidable(case in case()) {
        let list = case.suggest();
        let genre = |id: &str| case.programme.show(id).map(genre_key);
        if list.len() == 3 && list.iter().all(|s| genre(&s.show) == genre(&list[0].show)) {
            let g = genre(&list[0].show);
            prop_assert!(case.qualifying().iter().all(|s| Some(genre_key(s)) == g));
        }
    }

    #[test]
    fn cards_are_five_distinct_upcoming_marked_first_and_varied(case in case()) {
        let cards = swipe_cards(&case.programme, NOW, case.seed);
        let upcoming: Vec<&Show> = case.programme.shows.iter().filter(|s| s.is_upcoming(NOW)).collect();
        prop_assert_eq!(cards.len(), upcoming.len().min(SWIPE_CARDS));
        let ids: HashSet<&str> = cards.iter().map(|s| s.id.as_str()).collect();
        prop_assert_eq!(ids.len(), cards.len());
        prop_assert!(cards.iter().all(|c| c.is_upcoming(NOW)));
        let marked: Vec<&Show> = upcoming.iter().copied().filter(|s| s.in_swipe).collect();
        let marked_cards = cards.iter().filter(|c| c.in_swipe).count();
        prop_assert_eq!(marked_cards, marked.len().min(SWIPE_CARDS));
        // Marked cards come first.
        prop_assert!(cards.iter().take(marked_cards).all(|c| c.in_swipe));
        let genres = |shows: &[&Show]| shows.iter().map(|s| genre_key(s)).collect::<HashSet<_>>().len();
        prop_assert_eq!(
            genres(&cards[..marked_cards]),
            genres(&marked).min(marked_cards)
        );
        prop_assert_eq!(&ids_of(&cards), &ids_of(&swipe_cards(&case.programme, NOW, case.seed)));
    }
}

fn ids_of(shows: &[&Show]) -> Vec<String> {
    shows.iter().map(|s| s.id.clone()).collect()
}
