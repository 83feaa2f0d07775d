//! The builder's pure pieces: the editor's changes, the problems as staff read them, the
//! preview's play, the statistics' CSV and the sheet's cards.

use suite_domain::bibster::api::{GameStats, TaskStats};
use suite_domain::bibster::game::{Variant, check};
use suite_domain::bibster::task::{Answer, TaskKind, Verdict};
use suite_domain::bibster::team::TeamTaskKind;
use suite_domain::i18n::{Lang, Msg};
use wasm_bindgen_test::wasm_bindgen_test;

use super::edit::{self, After, Kind};
use super::preview::Play;
use super::print::code_cards;
use super::problems::{at, field_id, place_words, within};
use super::stats::{STATS_CSV_HEADER, right_percent, stats_csv};

/// A quest with a code task, a choice and an information page, all filled in.
fn quest() -> suite_domain::bibster::game::Game {
    let mut game = edit::new_game(Variant::Quest);
    game.title = "Speurtocht".into();
    let code = edit::add_task(&mut game, Kind::FindCode);
    game.tasks[code].prompt = "Welke code hangt bij de strips?".into();
    game.tasks[code].kind = TaskKind::FindCode {
        code: "STRIP-7".into(),
    };
    let choice = edit::add_task(&mut game, Kind::MultipleChoice);
    game.tasks[choice].kind = TaskKind::MultipleChoice {
        options: vec!["Dick Bruna".into(), "Paul van Loon".into()],
        correct: vec![0],
    };
    edit::add_task(&mut game, Kind::Info);
    game
}

#[wasm_bindgen_test]
fn a_new_quest_with_filled_in_tasks_is_sound() {
    let game = quest();
    assert_eq!(check(&game), vec![]);
    assert_eq!(game.spots.len(), 3, "every new task gets a spot");
    let ids: Vec<&str> = game.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["opdracht-1", "opdracht-2", "opdracht-3"]);
}

#[wasm_bindgen_test]
fn an_empty_code_is_named_at_its_field_in_dutch() {
    let mut game = quest();
    game.tasks[0].kind = Kind::FindCode.fresh();
    let problems = check(&game);
    assert_eq!(at(&problems, "tasks[0].code"), Some(Msg::BibBuildPCode));
    assert_eq!(field_id("tasks[0].code"), "bb-tasks-0-code");
    assert_eq!(
        field_id("tasks[0].time_limit_secs"),
        "bb-tasks-0-time-limit-secs"
    );
    assert!(Msg::BibBuildPCode.text(Lang::Nl).contains("code"));
    assert_eq!(at(&problems, "tasks[1].code"), None);
}

#[wasm_bindgen_test]
fn problems_of_a_list_are_found_under_it() {
    let mut game = quest();
    game.spots[2].after = vec!["weg".into()];
    let problems = check(&game);
    assert_eq!(
        within(&problems, "spots[2].after"),
        Some(Msg::BibBuildPNoSuchTask)
    );
    assert_eq!(within(&problems, "spots[1].after"), None);
    assert_eq!(
        place_words("tasks[2].correct", Lang::Nl),
        "Opdracht 3 › Juiste antwoorden"
    );
    assert_eq!(
        place_words("spots[0].after[1]", Lang::Nl),
        "Plaats 1 › Eerst klaar 2"
    );
}

#[wasm_bindgen_test]
fn removing_a_task_removes_its_spot_locks_and_branches() {
    let mut game = quest();
    edit::set_lock(&mut game, "opdracht-3", "opdracht-1", true);
    edit::remove_task(&mut game, 0);
    assert_eq!(game.tasks.len(), 2);
    assert!(game.spots.iter().all(|s| s.task != "opdracht-1"));
    assert!(game.spots.iter().all(|s| s.after.is_empty()));
    assert_eq!(check(&game), vec![]);

    let mut story = edit::new_game(Variant::Story);
    story.title = "Verhaal".into();
    let t = edit::add_task(&mut story, Kind::MultipleChoice);
    story.tasks[t].kind = TaskKind::MultipleChoice {
        options: vec!["a".into(), "b".into()],
        correct: vec![0, 1],
    };
    edit::add_chapter(&mut story);
    edit::add_chapter(&mut story);
    edit::set_after(&mut story, 0, After::Branch("opdracht-1".into()));
    assert_eq!(
        story.chapters[0].branch.as_ref().map(|b| b.to.len()),
        Some(2)
    );
    edit::set_kind(&mut story, 0, Kind::Info);
    assert_eq!(
        story.chapters[0].branch, None,
        "a branch needs a multiple-choice task"
    );
}

#[wasm_bindgen_test]
fn moving_tasks_keeps_the_chapters_in_step() {
    let mut story = edit::new_game(Variant::Story);
    story.title = "Verhaal".into();
    edit::add_task(&mut story, Kind::Info);
    edit::add_task(&mut story, Kind::Photo);
    assert_eq!(story.chapters[0].tasks, ["opdracht-1", "opdracht-2"]);
    assert_eq!(edit::move_task(&mut story, 1, true), 0);
    assert_eq!(story.tasks[0].id, "opdracht-2");
    assert_eq!(story.chapters[0].tasks, ["opdracht-2", "opdracht-1"]);
    assert_eq!(
        edit::move_task(&mut story, 0, true),
        0,
        "the first stays first"
    );
    edit::add_chapter(&mut story);
    edit::set_in_chapter(&mut story, 1, "opdracht-1", true);
    assert_eq!(story.chapters[0].tasks, ["opdracht-2"]);
    assert_eq!(story.chapters[1].tasks, ["opdracht-1"]);
    edit::remove_chapter(&mut story, 1);
    assert_eq!(check(&story), vec![], "{:?}", check(&story));
}

#[wasm_bindgen_test]
fn places_are_typed_in_percent() {
    assert_eq!(edit::fraction("25"), Some(0.25));
    assert_eq!(edit::fraction("12,5"), Some(0.125));
    assert_eq!(edit::fraction("150"), Some(1.0));
    assert_eq!(edit::fraction("x"), None);
    assert_eq!(edit::percent(0.333), "33");
    assert_eq!(edit::number("1,5"), Some(1.5));
    let mut game = quest();
    edit::place(&mut game, "opdracht-1", 0, 0.1, 1.4);
    assert_eq!((game.spots[0].x, game.spots[0].y), (0.1, 1.0));
}

#[wasm_bindgen_test]
fn the_preview_judges_and_opens_locked_tasks() {
    let mut game = quest();
    edit::set_lock(&mut game, "opdracht-3", "opdracht-1", true);
    let mut play = Play::default();
    assert_eq!(play.quest_open(&game), ["opdracht-1", "opdracht-2"]);
    assert_eq!(
        play.answer(&game, "opdracht-1", Answer::Text("strip 7".into())),
        Some(Verdict::Right)
    );
    assert_eq!(play.score, 10);
    assert_eq!(play.quest_open(&game), ["opdracht-2", "opdracht-3"]);
    assert_eq!(
        play.answer(&game, "opdracht-2", Answer::Choices(vec![1])),
        Some(Verdict::Wrong)
    );
    assert_eq!(
        play.answer(&game, "opdracht-2", Answer::Choices(vec![0])),
        Some(Verdict::Wrong),
        "the first answer counts"
    );
    assert_eq!(play.score, 10);
    assert_eq!(play.answer(&game, "weg", Answer::Read), None);
}

#[wasm_bindgen_test]
fn the_preview_answers_in_the_order_the_team_saw() {
    let mut game = quest();
    let order = edit::add_task(&mut game, Kind::Order);
    game.tasks[order].kind = TaskKind::Order {
        items: vec!["a".into(), "b".into(), "c".into()],
    };
    let team = Play::team_view(&game);
    let TeamTaskKind::Order { items } = &team.tasks[order].kind else {
        panic!("an order task stays one");
    };
    // Put the shown items back in the right order: the place of "a", "b", "c".
    let places: Vec<usize> = ["a", "b", "c"]
        .iter()
        .map(|x| items.iter().position(|i| i == x).unwrap_or(9))
        .collect();
    let mut play = Play::default();
    let id = game.tasks[order].id.clone();
    assert_eq!(
        play.answer(&game, &id, Answer::Order(places)),
        Some(Verdict::Right)
    );
}

#[wasm_bindgen_test]
fn a_story_preview_follows_the_branch() {
    let mut story = edit::new_game(Variant::Story);
    let t = edit::add_task(&mut story, Kind::MultipleChoice);
    story.tasks[t].kind = TaskKind::MultipleChoice {
        options: vec!["links".into(), "rechts".into()],
        correct: vec![0, 1],
    };
    edit::add_chapter(&mut story);
    edit::add_task(&mut story, Kind::Info);
    edit::add_chapter(&mut story);
    edit::add_task(&mut story, Kind::Photo);
    edit::set_after(&mut story, 0, After::Branch("opdracht-1".into()));
    if let Some(branch) = story.chapters[0].branch.as_mut() {
        branch.to = vec!["hoofdstuk-2".into(), "hoofdstuk-3".into()];
    }
    let mut play = Play::default();
    assert_eq!(play.story_next(&story), Some((0, "opdracht-1")));
    play.answer(&story, "opdracht-1", Answer::Choices(vec![1]));
    assert_eq!(play.story_next(&story), Some((2, "opdracht-3")));
}

#[wasm_bindgen_test]
fn statistics_as_csv_and_the_sheet_of_codes() {
    let stats = GameStats {
        game: 1,
        sessions: 2,
        teams: 5,
        answers: 6,
        tasks: vec![
            TaskStats {
                task: "a".into(),
                prompt: "=Zoek \"de\" code".into(),
                answered: 4,
                right: 3,
                median_secs: Some(42),
            },
            TaskStats {
                task: "b".into(),
                prompt: "Info".into(),
                answered: 0,
                right: 0,
                median_secs: None,
            },
        ],
    };
    let csv = stats_csv(&stats);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], STATS_CSV_HEADER);
    assert_eq!(lines[1], "\"a\",\"'=Zoek \"\"de\"\" code\",4,3,75,42");
    assert_eq!(lines[2], "\"b\",\"Info\",0,0,,");
    assert_eq!(right_percent(3, 2), Some(67));
    assert_eq!(right_percent(0, 0), None);
    let cards = code_cards(&quest());
    assert_eq!(
        cards,
        vec![(
            1,
            "Welke code hangt bij de strips?".to_string(),
            "STRIP-7".to_string()
        )]
    );
}

#[wasm_bindgen_test]
fn archived_games_are_listed_on_demand() {
    use suite_domain::bibster::api::{GameState, GameSummary};
    let game = |id: i64, state: GameState| GameSummary {
        id,
        library: "demo-wetteren".into(),
        title: format!("Spel {id}"),
        variant: Variant::Quest,
        state,
        tasks: 1,
        shared: false,
        source: None,
        updated_at: "2026-01-01T00:00:00Z".into(),
        updated_by: "demo".into(),
    };
    let games = [
        game(1, GameState::Draft),
        game(2, GameState::Archived),
        game(3, GameState::Published),
    ];
    let ids = |archived| {
        super::games::listed(&games, archived)
            .iter()
            .map(|g| g.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(false), [1, 3]);
    assert_eq!(ids(true), [1, 2, 3]);
}

#[wasm_bindgen_test]
fn doors_join_the_plans_and_follow_removed_plans() {
    let mut game = quest();
    game.boards = vec![
        "/data/bibster/w/pictures/a.png".into(),
        "/data/bibster/w/pictures/b.png".into(),
        "/data/bibster/w/pictures/c.png".into(),
    ];
    let problems = check(&game);
    assert_eq!(at(&problems, "boards[1]"), Some(Msg::BibBuildPNotJoined));
    assert_eq!(
        place_words("boards[2]", Lang::Nl),
        "Grondplan 3",
        "a plan's place in words"
    );
    // Each new door leads from the first plan to the first plan not yet reached.
    assert_eq!(edit::add_door(&mut game), 0);
    assert_eq!(edit::add_door(&mut game), 1);
    assert_eq!(
        game.doors
            .iter()
            .map(|d| (d.ends[0].board, d.ends[1].board))
            .collect::<Vec<_>>(),
        [(0, 1), (0, 2)]
    );
    assert_eq!(check(&game), vec![]);
    edit::place_door(&mut game, 1, 0, 1, 0.2, 7.0);
    assert_eq!(
        (
            game.doors[1].ends[0].board,
            game.doors[1].ends[0].x,
            game.doors[1].ends[0].y
        ),
        (1, 0.2, 1.0)
    );
    // Removing the middle plan takes its doors away and moves the later plan up.
    edit::remove_board(&mut game, 1);
    assert_eq!(game.doors.len(), 0, "both doors had an end on plan 2");
    let mut game2 = quest();
    game2.boards = game.boards.clone();
    game2.boards.push("/data/bibster/w/pictures/d.png".into());
    edit::add_door(&mut game2);
    edit::add_door(&mut game2);
    edit::remove_board(&mut game2, 0);
    assert_eq!(game2.doors.len(), 0);
    let mut game3 = quest();
    game3.boards = game2.boards.clone();
    game3.boards.push("/data/bibster/w/pictures/e.png".into());
    edit::add_door(&mut game3);
    edit::add_door(&mut game3);
    edit::remove_board(&mut game3, 1);
    assert_eq!(
        game3
            .doors
            .iter()
            .map(|d| (d.ends[0].board, d.ends[1].board))
            .collect::<Vec<_>>(),
        [(0, 1)],
        "the door to the third plan now leads to the second"
    );
}

#[wasm_bindgen_test]
fn a_click_places_a_task_or_a_door_end() {
    use super::editor::Placing;
    let mut game = quest();
    game.boards = vec![
        "/data/bibster/w/pictures/a.png".into(),
        "/data/bibster/w/pictures/b.png".into(),
    ];
    edit::add_door(&mut game);
    let all = Placing::all(&game);
    assert_eq!(all.len(), game.tasks.len() + 2);
    for placing in &all {
        assert_eq!(Placing::read(&placing.write()).as_ref(), Some(placing));
        assert!(placing.exists(&game));
    }
    assert_eq!(all[3].name(&game, Lang::Nl), "Deur 1, kant 1");
    assert_eq!(Placing::read("t:a:b"), Some(Placing::Task("a:b".into())));
    assert_eq!(Placing::read("d:0:2"), None);
    assert_eq!(Placing::read("x"), None);
    assert!(!Placing::Door(1, 0).exists(&game));
}

#[wasm_bindgen_test]
fn the_library_statistics_as_csv() {
    use super::library_stats::{LIBRARY_CSV_HEADER, library_csv};
    use suite_domain::bibster::api::{GameState, GameTotals};
    use suite_domain::bibster::stats::library_stats;
    let game = |id, title: &str, state, answers, right| GameTotals {
        game: id,
        title: title.into(),
        state,
        sessions: 2,
        teams: 9,
        answers,
        right,
    };
    let stats = library_stats(
        vec![
            game(3, "Speurtocht, \"de grote\"", GameState::Published, 40, 30),
            game(5, "Oud", GameState::Archived, 0, 0),
        ],
        &[],
    );
    let csv = library_csv(&stats);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], LIBRARY_CSV_HEADER);
    assert_eq!(
        lines[1],
        "3,\"Speurtocht, \"\"de grote\"\"\",published,2,9,40,30,75"
    );
    assert_eq!(
        lines[2], "5,\"Oud\",archived,2,9,0,0,",
        "texts are always quoted"
    );
    assert_eq!(lines.len(), 3);
}
