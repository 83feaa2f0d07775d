//! Bibster game files: the example in `tests/fixtures/bibster/` reads, plays and goes
//! back out unchanged; every kind of bad file gets its own clear refusal and no game.

use std::collections::HashSet;

use suite_domain::bibster::game::{FORMAT, Variant};
use suite_domain::bibster::progress::quest_open;
use suite_domain::bibster::task::{Answer, Verdict, judge};
use suite_import::bibster::{GameFileError, MAX_GAME_BYTES, parse_game, write_game};

fn example() -> String {
    let path = format!(
        "{}/../../tests/fixtures/bibster/speurtocht.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_example_game_reads_plays_and_round_trips() {
    let game = parse_game(&example()).expect("the example is a sound game");
    assert_eq!(game.format, FORMAT);
    assert_eq!(game.variant, Variant::Quest);
    assert_eq!(game.tasks.len(), 9);
    // The locked tasks wait for theirs.
    let open: Vec<&str> = quest_open(&game, &HashSet::new())
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert!(
        !open.contains(&"jaar") && !open.contains(&"foto"),
        "{open:?}"
    );
    assert!(open.contains(&"nijntje"));
    let code = game
        .tasks
        .iter()
        .find(|t| t.id == "strips")
        .expect("strips");
    assert_eq!(
        judge(&code.kind, &Answer::Text("strip 7".into())),
        Verdict::Right
    );
    assert_eq!(parse_game(&write_game(&game)), Ok(game));
}

#[test]
fn bad_files_are_refused_each_with_its_reason() {
    let text = example();
    assert!(matches!(
        parse_game("dit is geen json"),
        Err(GameFileError::NotAGame(_))
    ));
    assert!(matches!(
        parse_game("[1, 2]"),
        Err(GameFileError::NotAGame(_))
    ));

    let newer = text.replacen("\"format\": 1", "\"format\": 7", 1);
    assert_eq!(parse_game(&newer), Err(GameFileError::NewerFormat(7)));
    // A newer file with a task type this code does not know: the format is the answer.
    let newer_kind = newer.replace("\"type\": \"photo\"", "\"type\": \"dance\"");
    assert_eq!(parse_game(&newer_kind), Err(GameFileError::NewerFormat(7)));

    let unknown = text.replace("\"type\": \"photo\"", "\"type\": \"dance\"");
    match parse_game(&unknown) {
        Err(GameFileError::NotAGame(why)) => {
            assert!(why.contains("dance") && why.contains("line"), "{why}");
        }
        other => panic!("an unknown task type: {other:?}"),
    }

    let huge = format!("{}{}", text, " ".repeat(MAX_GAME_BYTES));
    assert_eq!(parse_game(&huge), Err(GameFileError::TooLarge(huge.len())));

    // Sound JSON, unsound game: a branch-free quest with a lock cycle and a bad answer.
    let unsound = text
        .replace("\"correct\": [0]", "\"correct\": [5]")
        .replace(
            "{\"task\": \"strips\", \"x\": 0.2, \"y\": 0.3}",
            "{\"task\": \"strips\", \"x\": 0.2, \"y\": 0.3, \"after\": [\"foto\"]}",
        );
    match parse_game(&unsound) {
        Err(GameFileError::Problems(problems)) => {
            let at: Vec<&str> = problems.iter().map(|p| p.at.as_str()).collect();
            assert_eq!(at, ["tasks[2].correct", "spots"], "{problems:?}");
            let said = GameFileError::Problems(problems).to_string();
            assert!(
                said.contains("tasks[2].correct") && said.contains("cycle"),
                "{said}"
            );
        }
        other => panic!("an unsound game: {other:?}"),
    }

    // Markup is kept as text: the game stores it, the apps render it as text.
    let markup = text.replace("Welkom in de bib!", "<script>alert(1)</script>");
    let game = parse_game(&markup).expect("markup in a prompt is text");
    assert!(game.tasks[0].prompt.starts_with("<script>"));
}

#[test]
fn long_numbers_come_back_exactly() {
    // Found by the fuzz target: a number with more digits than a float holds was read
    // back one step off after export.
    let text = example().replace(
        "\"value\": 1955",
        &format!("\"value\": 1954{}", "4".repeat(106)),
    );
    let game = parse_game(&text).expect("a sound game");
    assert_eq!(parse_game(&write_game(&game)), Ok(game));
}
