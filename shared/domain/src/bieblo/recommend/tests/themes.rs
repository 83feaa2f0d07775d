//! Which books the themes put first: likes, near themes, any theme, dislikes, spread.

use super::*;

#[test]
fn liked_themes_come_first_with_their_reason() {
    let books = concat(&[many("sport", 8, &["sport"]), many("fun", 8, &["humour"])]);
    check_count(&books, &ask().likes(&["humour"]), "fun", 8);
    let s = shelf(&books, &ask().likes(&["humour"]));
    assert!(!s.filled_from_near_themes);
    for p in &s.picks {
        assert_eq!(
            p.reasons,
            [
                Reason::LikedTheme("humour".into()),
                Reason::AgeFit,
                Reason::AvailableHere
            ]
        );
    }
}

#[test]
fn each_liked_theme_of_a_book_is_a_reason() {
    let books = vec![plain("both", &["sport", "animals", "humour"])];
    let s = shelf(&books, &ask().likes(&["humour", "sport"]));
    let reasons = &pick(&s, "both").reasons;
    assert_eq!(reasons[0], Reason::LikedTheme("humour".into()));
    assert_eq!(reasons[1], Reason::LikedTheme("sport".into()));
}

#[test]
fn disliked_books_come_last_and_only_disliked_ones_after_partly_disliked() {
    let books = concat(&[
        many("only", 3, &["sport"]),
        many("partly", 3, &["sport", "animals"]),
        vec![
            plain("n0", &["humour"]),
            plain("n1", &["love"]),
            plain("n2", &[]),
            plain("n3", &["history"]),
        ],
    ]);
    let ask = ask().dislikes(&["sport"]);
    check_count(&books, &ask, "n", 4);
    check_count(&books, &ask, "partly", 3);
    check_count(&books, &ask, "only", 1);
}

#[test]
fn a_liked_book_with_a_disliked_theme_ranks_below_plain_liked_ones() {
    let books = concat(&[
        many("fun", 8, &["humour"]),
        vec![plain("mixed", &["humour", "sport"])],
    ]);
    check_count(
        &books,
        &ask().likes(&["humour"]).dislikes(&["sport"]),
        "fun",
        8,
    );
    // A theme both liked and disliked counts as liked.
    let s = shelf(&books, &ask().likes(&["sport"]).dislikes(&["sport"]));
    assert_eq!(
        pick(&s, "mixed").reasons[0],
        Reason::LikedTheme("sport".into())
    );
}

#[test]
fn themes_spread_over_the_likes() {
    let books = concat(&[
        many("fun", 10, &["humour"]),
        many("sport", 10, &["sport"]),
        many("dier", 10, &["animals"]),
    ]);
    let ask = ask().likes(&["humour", "sport", "animals"]);
    for seed in 0..20 {
        let got = ids(&shelf(&books, &ask.clone().seed(seed)));
        for prefix in ["fun", "sport", "dier"] {
            let n = got.iter().filter(|id| id.starts_with(prefix)).count();
            assert!((2..=3).contains(&n), "seed {seed}: {got:?}");
        }
    }
}

#[test]
fn a_liked_theme_with_one_book_still_gets_its_place() {
    let books = concat(&[
        many("fun", 12, &["humour"]),
        vec![plain("sport", &["sport"])],
    ]);
    check_count(&books, &ask().likes(&["humour", "sport"]), "sport", 1);
}

#[test]
fn near_themes_fill_in_order_of_nearness() {
    // humour is near friendship, then fantasy, then animals.
    let books = concat(&[
        many("fun", 3, &["humour"]),
        many("vriend", 3, &["friendship"]),
        many("fantasie", 6, &["fantasy"]),
        many("dier", 6, &["animals"]),
        many("sport", 6, &["sport"]),
    ]);
    let ask = ask().likes(&["humour"]);
    check_count(&books, &ask, "fun", 3);
    check_count(&books, &ask, "vriend", 3);
    check_count(&books, &ask, "fantasie", 2);
    let s = shelf(&books, &ask);
    assert!(s.filled_from_near_themes);
    assert_eq!(
        pick(&s, "vriend0").reasons,
        [
            Reason::NearTheme {
                liked: "humour".into(),
                near: "friendship".into()
            },
            Reason::AgeFit,
            Reason::AvailableHere
        ]
    );
}

#[test]
fn a_theme_near_two_likes_counts_at_its_nearest() {
    // friendship is first near humour and second near sport; adventure is first near
    // sport; fantasy is second near humour.
    let books = concat(&[
        many("vriend", 4, &["friendship"]),
        many("avontuur", 4, &["adventure"]),
        many("fantasie", 4, &["fantasy"]),
    ]);
    let ask = ask().likes(&["sport", "humour"]);
    check_count(&books, &ask, "fantasie", 0);
    let s = shelf(&books, &ask);
    assert_eq!(
        pick(&s, "vriend0").reasons[0],
        Reason::NearTheme {
            liked: "humour".into(),
            near: "friendship".into()
        }
    );
}

#[test]
fn a_book_counts_at_its_nearest_theme() {
    // Near humour: friendship first, fantasy second, animals third.
    let books = concat(&[
        vec![plain("mix", &["animals", "friendship"])],
        many("fantasie", 8, &["fantasy"]),
    ]);
    let ask = ask().likes(&["humour"]);
    check_count(&books, &ask, "mix", 1);
    let s = shelf(&books, &ask);
    assert_eq!(
        pick(&s, "mix").reasons[0],
        Reason::NearTheme {
            liked: "humour".into(),
            near: "friendship".into()
        }
    );
}

#[test]
fn then_any_theme_and_a_disliked_near_theme_is_not_near() {
    let books = concat(&[
        many("fun", 2, &["humour"]),
        many("vriend", 6, &["friendship"]),
        many("sport", 6, &["sport"]),
    ]);
    let ask = ask().likes(&["humour"]).dislikes(&["friendship"]);
    check_count(&books, &ask, "sport", 6);
    let s = shelf(&books, &ask);
    assert!(s.filled_from_near_themes);
    assert_eq!(pick(&s, "sport0").reasons[0], Reason::AnyTheme);
}

#[test]
fn without_likes_a_varied_shelf_of_any_theme() {
    let books = concat(&[
        many("fun", 4, &["humour"]),
        many("sport", 4, &["sport"]),
        many("dier", 4, &["animals"]),
        many("liefde", 4, &["love"]),
        many("vroeger", 4, &["history"]),
    ]);
    for seed in 0..20 {
        let s = shelf(&books, &ask().seed(seed));
        assert!(!s.filled_from_near_themes);
        for prefix in ["fun", "sport", "dier", "liefde", "vroeger"] {
            let n = s
                .picks
                .iter()
                .filter(|p| p.book_id.starts_with(prefix))
                .count();
            assert!((1..=2).contains(&n), "seed {seed}: {:?}", ids(&s));
        }
        assert!(s.picks.iter().all(|p| p.reasons[0] == Reason::AnyTheme));
    }
}
