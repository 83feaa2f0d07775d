//! The team device's rules on the shapes of the demo games.

use suite_domain::bibster::api::TeamAnswer;
use suite_domain::bibster::game::{Branch, Chapter, Spot, Variant};
use suite_domain::bibster::task::{Answer, Verdict};
use suite_domain::bibster::team::{TeamGame, TeamTask, TeamTaskKind};
use wasm_bindgen_test::wasm_bindgen_test;

use super::*;

fn task(id: &str, kind: TeamTaskKind) -> TeamTask {
    TeamTask {
        id: id.into(),
        prompt: id.into(),
        kind,
        points: 5,
        time_limit_secs: None,
        hint_cost: None,
        image: None,
    }
}

fn chapter(
    id: &str,
    tasks: &[&str],
    branch: Option<(&str, &[&str])>,
    next: Option<&str>,
) -> Chapter {
    Chapter {
        id: id.into(),
        text: String::new(),
        tasks: tasks.iter().map(|t| t.to_string()).collect(),
        branch: branch.map(|(task, to)| Branch {
            task: task.into(),
            to: to.iter().map(|t| t.to_string()).collect(),
        }),
        next: next.map(Into::into),
        image: None,
    }
}

/// The demo story: a branch after "spoor" to "strips" or "prenten", both on to "slot".
fn story() -> TeamGame {
    let choice = TeamTaskKind::MultipleChoice {
        options: vec!["strips".into(), "prenten".into()],
        several: false,
    };
    TeamGame {
        title: "Verhaal".into(),
        variant: Variant::Story,
        tasks: vec![
            task("begin", TeamTaskKind::Info),
            task("spoor", choice),
            task("strip", TeamTaskKind::FindCode),
            task("prent", TeamTaskKind::Number),
            task("dader", TeamTaskKind::OpenText),
        ],
        chapters: vec![
            chapter(
                "start",
                &["begin", "spoor"],
                Some(("spoor", &["strips", "prenten"])),
                None,
            ),
            chapter("strips", &["strip"], None, Some("slot")),
            chapter("prenten", &["prent"], None, None),
            chapter("slot", &["dader"], None, None),
        ],
        boards: vec![],
        spots: vec![],
        doors: vec![],
    }
}

fn confirmed(task: &str, chosen: Option<u32>) -> TeamAnswer {
    TeamAnswer {
        task: task.into(),
        verdict: Verdict::Right,
        points: 5,
        chosen,
    }
}

fn pending(task: &str, answer: Answer) -> Pending {
    Pending {
        task: task.into(),
        answer,
    }
}

#[wasm_bindgen_test]
fn a_story_follows_confirmed_and_waiting_answers_along_its_branch() {
    let game = story();
    assert_eq!(story_next(&game, &[], &[]), Some((0, "begin")));
    let read = [confirmed("begin", None)];
    assert_eq!(story_next(&game, &read, &[]), Some((0, "spoor")));
    // The branch answer is still waiting to be sent: it counts for the path.
    let waiting = [pending("spoor", Answer::Choices(vec![1]))];
    assert_eq!(story_next(&game, &read, &waiting), Some((2, "prent")));
    let waiting = [pending("spoor", Answer::Choices(vec![0]))];
    assert_eq!(story_next(&game, &read, &waiting), Some((1, "strip")));
    // Confirmed with the first option: the strips, then on to the last chapter.
    let both = [confirmed("begin", None), confirmed("spoor", Some(0))];
    assert_eq!(story_next(&game, &both, &[]), Some((1, "strip")));
    let waiting = [pending("strip", Answer::Text("kuifje".into()))];
    assert_eq!(story_next(&game, &both, &waiting), Some((3, "dader")));
    let done = [
        pending("strip", Answer::Text("kuifje".into())),
        pending("dader", Answer::Text("x".into())),
    ];
    assert_eq!(story_next(&game, &both, &done), None);
}

#[wasm_bindgen_test]
fn quest_spots_open_when_their_locks_are_done_even_while_waiting_to_be_sent() {
    let game = TeamGame {
        title: "Speurtocht".into(),
        variant: Variant::Quest,
        tasks: vec![
            task("welkom", TeamTaskKind::Info),
            task("nijntje", TeamTaskKind::Number),
            task("jaar", TeamTaskKind::Number),
            task("foto", TeamTaskKind::Photo),
        ],
        chapters: vec![],
        boards: vec!["/plan.svg".into()],
        spots: vec![
            Spot {
                task: "nijntje".into(),
                board: 0,
                x: 0.5,
                y: 0.2,
                after: vec![],
            },
            Spot {
                task: "jaar".into(),
                board: 0,
                x: 0.5,
                y: 0.3,
                after: vec!["nijntje".into()],
            },
            Spot {
                task: "foto".into(),
                board: 0,
                x: 0.1,
                y: 0.9,
                after: vec!["welkom".into(), "nijntje".into()],
            },
        ],
        doors: vec![],
    };
    let states = quest_states(&game, &[], &[]);
    assert_eq!(
        states.iter().map(|(_, s)| s.clone()).collect::<Vec<_>>(),
        vec![
            SpotState::Open,
            SpotState::Open,
            SpotState::Locked(vec!["nijntje".into()]),
            SpotState::Locked(vec!["welkom".into(), "nijntje".into()]),
        ]
    );
    let answers = [confirmed("welkom", None)];
    let waiting = [pending("nijntje", Answer::Number(1955.0))];
    let states = quest_states(&game, &answers, &waiting);
    assert_eq!(states[0].1, SpotState::Done);
    assert_eq!(states[1].1, SpotState::Done);
    assert_eq!(states[2].1, SpotState::Open);
    assert_eq!(states[3].1, SpotState::Open);
}

#[wasm_bindgen_test]
fn the_countdown_runs_on_the_servers_clock() {
    // The device's clock is 5 s behind the server's.
    let offset = clock_offset(1_000_000, 995_000);
    assert_eq!(offset, 5_000);
    // Opened at 1,000,000 on the server with 90 s: at device 995,000 all 90 s are left.
    assert_eq!(seconds_left(1_000_000, 90, offset, 995_000), 90);
    assert_eq!(
        seconds_left(1_000_000, 90, offset, 995_001),
        90,
        "rounded up"
    );
    assert_eq!(seconds_left(1_000_000, 90, offset, 1_084_000), 1);
    assert_eq!(seconds_left(1_000_000, 90, offset, 1_085_000), 0);
    assert_eq!(
        seconds_left(1_000_000, 90, offset, 2_000_000),
        0,
        "never below zero"
    );
    assert_eq!(clock_text(90), "1:30");
    assert_eq!(clock_text(5), "0:05");
}

#[wasm_bindgen_test]
fn answers_are_sent_again_on_network_errors_429_and_5xx_only() {
    assert_eq!(send_outcome(200), SendOutcome::Confirmed);
    for status in [0, 429, 500, 502, 503] {
        assert_eq!(send_outcome(status), SendOutcome::Retry, "{status}");
    }
    for status in [400, 401, 404, 409, 413, 422] {
        assert_eq!(send_outcome(status), SendOutcome::Drop, "{status}");
    }
    assert_eq!(backoff_ms(0), 1000);
    assert_eq!(backoff_ms(1), 2000);
    assert_eq!(backoff_ms(3), 8000);
    assert_eq!(backoff_ms(40), 8000, "at most eight seconds");
}

#[wasm_bindgen_test]
fn codes_numbers_and_moves_are_read_leniently() {
    assert_eq!(code_in_query("?code=ab3-k79"), Some("AB3K79".into()));
    assert_eq!(code_in_query("?code=AB3K7O"), None);
    assert_eq!(code_in_query(""), None);
    assert_eq!(read_number(" 3,5 "), Some(3.5));
    assert_eq!(read_number("1955"), Some(1955.0));
    assert_eq!(read_number("veel"), None);
    assert_eq!(read_number("inf"), None);
    assert_eq!(moved(&[0, 1, 2], 1, true), vec![1, 0, 2]);
    assert_eq!(moved(&[0, 1, 2], 1, false), vec![0, 2, 1]);
    assert_eq!(moved(&[0, 1, 2], 0, true), vec![0, 1, 2]);
    assert_eq!(moved(&[0, 1, 2], 2, false), vec![0, 1, 2]);
}
