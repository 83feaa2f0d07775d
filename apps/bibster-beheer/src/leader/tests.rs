//! Tests of the leader view's pure pieces (in headless Chromium, like the other staff
//! bundles' unit tests): places and the podium with ties, the review queue's keys and
//! focus, the points given, the pre-made names, the address, the live state and its
//! reconnection pauses, and the length of a message.

use std::time::Duration;

use suite_domain::bibster::api::TeamRow;
use suite_domain::i18n::Msg;
use wasm_bindgen_test::wasm_bindgen_test;

use super::address::{game_in, join_url, session_in, with_session};
use super::live::{Live, LiveAction, reconnect_delay};
use super::messages::message_fits;
use super::names::premade_names;
use super::ranking::{places, podium};
use super::review_keys::{KeyAction, focus_after_removal, key_action, points_from};

fn team(id: i64, name: &str, score: u32) -> TeamRow {
    TeamRow {
        id,
        name: name.into(),
        code: None,
        joined: true,
        score,
        answered: 0,
        to_review: 0,
        last_answer_at: None,
    }
}

/// `(place, name)` of each team, in order.
fn placed(teams: &[TeamRow]) -> Vec<(u32, String)> {
    places(teams)
        .into_iter()
        .map(|p| (p.place, p.team.name))
        .collect()
}

#[wasm_bindgen_test]
fn places_follow_the_score_and_a_tie_shares_its_place() {
    let teams = [
        team(1, "Uilen", 10),
        team(2, "Bevers", 30),
        team(3, "Vossen", 20),
    ];
    assert_eq!(
        placed(&teams),
        [
            (1, "Bevers".into()),
            (2, "Vossen".into()),
            (3, "Uilen".into())
        ]
    );
    // Two first: both first, the next is third; the same score goes by name.
    let tied = [
        team(1, "Zebra's", 30),
        team(2, "Apen", 30),
        team(3, "Vossen", 20),
        team(4, "Uilen", 5),
    ];
    assert_eq!(
        placed(&tied),
        [
            (1, "Apen".into()),
            (1, "Zebra's".into()),
            (3, "Vossen".into()),
            (4, "Uilen".into())
        ]
    );
    let all_same = [team(1, "A", 0), team(2, "B", 0), team(3, "C", 0)];
    assert!(places(&all_same).iter().all(|p| p.place == 1));
    assert!(places(&[]).is_empty());
}

#[wasm_bindgen_test]
fn the_podium_holds_every_team_on_the_first_three_places() {
    let teams = [
        team(1, "A", 50),
        team(2, "B", 40),
        team(3, "C", 30),
        team(4, "D", 30),
        team(5, "E", 10),
    ];
    let (top, rest) = podium(&teams);
    let names = |list: &[super::ranking::Placed]| {
        list.iter()
            .map(|p| (p.place, p.team.name.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&top),
        [
            (1, "A".into()),
            (2, "B".into()),
            (3, "C".into()),
            (3, "D".into())
        ]
    );
    assert_eq!(names(&rest), [(5, "E".into())]);
    // Three teams first: nobody second or third, the fourth is below.
    let (top, rest) = podium(&[
        team(1, "A", 9),
        team(2, "B", 9),
        team(3, "C", 9),
        team(4, "D", 1),
    ]);
    assert_eq!(top.len(), 3);
    assert_eq!(names(&rest), [(4, "D".into())]);
}

#[wasm_bindgen_test]
fn keys_move_through_the_queue_and_judge() {
    assert_eq!(key_action("ArrowRight", 0, 3), Some(KeyAction::Focus(1)));
    assert_eq!(key_action("ArrowDown", 2, 3), Some(KeyAction::Focus(2)));
    assert_eq!(key_action("ArrowLeft", 0, 3), Some(KeyAction::Focus(0)));
    assert_eq!(key_action("ArrowUp", 2, 3), Some(KeyAction::Focus(1)));
    assert_eq!(key_action("Home", 2, 3), Some(KeyAction::Focus(0)));
    assert_eq!(key_action("End", 0, 3), Some(KeyAction::Focus(2)));
    assert_eq!(key_action("a", 1, 3), Some(KeyAction::Approve));
    assert_eq!(key_action("A", 1, 3), Some(KeyAction::Approve));
    assert_eq!(key_action("r", 1, 3), Some(KeyAction::Reject));
    assert_eq!(key_action("x", 1, 3), None);
    assert_eq!(key_action("a", 0, 0), None);
}

#[wasm_bindgen_test]
fn the_focus_goes_to_the_item_that_took_the_place_of_the_judged_one() {
    // Item 1 of 3 judged: 2 left, the one after it is now at 1.
    assert_eq!(focus_after_removal(1, 2), Some(1));
    // The last judged: the new last.
    assert_eq!(focus_after_removal(2, 2), Some(1));
    assert_eq!(focus_after_removal(0, 0), None);
}

#[wasm_bindgen_test]
fn points_are_at_most_the_items() {
    assert_eq!(points_from("3", 5), 3);
    assert_eq!(points_from(" 0 ", 5), 0);
    assert_eq!(points_from("9", 5), 5);
    assert_eq!(points_from("", 5), 5);
    assert_eq!(points_from("-2", 5), 5);
}

/// The problem `premade_names` finds in `text`: its message and line.
fn names_problem(text: &str) -> Option<(Msg, Option<usize>)> {
    premade_names(text).err().map(|p| (p.message, p.line))
}

#[wasm_bindgen_test]
fn premade_names_are_checked_by_the_servers_rule() {
    assert_eq!(
        premade_names("Uilen\n\n  Vossen \n"),
        Ok(vec!["Uilen".to_string(), "Vossen".to_string()])
    );
    assert_eq!(
        names_problem("Uilen\nuilen"),
        Some((Msg::BibLeadNamesDouble, Some(2)))
    );
    assert_eq!(
        names_problem("Uilen\n<b>"),
        Some((Msg::BibTeamNameCharacters, Some(2)))
    );
    assert_eq!(
        names_problem(&"a".repeat(31)),
        Some((Msg::BibTeamNameLength, Some(1)))
    );
    assert_eq!(names_problem(" \n"), Some((Msg::BibLeadNamesEmpty, None)));
    let many: Vec<String> = (0..101).map(|i| format!("Team {i}")).collect();
    assert_eq!(
        names_problem(&many.join("\n")),
        Some((Msg::BibLeadNamesTooMany, None))
    );
}

#[wasm_bindgen_test]
fn the_address_keeps_the_session_and_the_game() {
    assert_eq!(session_in("?sessie=12"), Some(12));
    assert_eq!(session_in("?sessie=0"), None);
    assert_eq!(session_in("?sessie=x"), None);
    assert_eq!(game_in("?spel=4&x=1"), Some(4));
    assert_eq!(
        with_session("?spel=4&taal=en", Some(7)),
        "?taal=en&sessie=7"
    );
    assert_eq!(with_session("?sessie=7", None), "");
    assert_eq!(
        join_url("https://bib.example/", "AB3 K9"),
        "https://bib.example/bibster/?code=AB3%20K9"
    );
}

#[wasm_bindgen_test]
fn the_live_state_fetches_anew_on_changes_drops_and_reconnections() {
    let live = Live::default();
    let open = live.next(LiveAction::Opened);
    assert_eq!(
        open,
        Live {
            online: true,
            version: 1
        }
    );
    let changed = open.next(LiveAction::Changed);
    assert_eq!(changed.version, 2);
    let dropped = changed.next(LiveAction::Dropped);
    assert_eq!(
        dropped,
        Live {
            online: false,
            version: 3
        }
    );
    assert_eq!(
        dropped.next(LiveAction::Opened),
        Live {
            online: true,
            version: 4
        }
    );
    assert_eq!(reconnect_delay(0), Duration::from_secs(1));
    assert_eq!(reconnect_delay(1), Duration::from_secs(2));
    assert_eq!(reconnect_delay(4), Duration::from_secs(16));
    assert_eq!(reconnect_delay(5), Duration::from_secs(30));
    assert_eq!(reconnect_delay(40), Duration::from_secs(30));
}

#[wasm_bindgen_test]
fn a_message_has_one_to_five_hundred_characters() {
    assert!(!message_fits("   "));
    assert!(message_fits(" Kom terug naar de balie! "));
    assert!(message_fits(&"é".repeat(500)));
    assert!(!message_fits(&"é".repeat(501)));
}
