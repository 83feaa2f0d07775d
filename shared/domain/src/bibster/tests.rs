//! Whole games: a Story with a branch, a Quest with locks, and what `check` refuses.

use std::collections::{HashMap, HashSet};

use super::game::{
    Branch, Chapter, Door, DoorEnd, FORMAT, Game, ProblemKind, Spot, Variant, check, picture_ok,
};
use super::plan::unjoined_boards;
use super::progress::{StoryStep, quest_open, story_next};
use super::task::{Answer, Task, TaskKind};

fn task(id: &str, kind: TaskKind) -> Task {
    Task {
        id: id.into(),
        prompt: format!("Opdracht {id}"),
        kind,
        points: 10,
        time_limit_secs: None,
        hint: None,
        image: None,
    }
}

fn choice(id: &str) -> Task {
    task(
        id,
        TaskKind::MultipleChoice {
            options: vec!["links".into(), "rechts".into()],
            correct: vec![0],
        },
    )
}

fn chapter(id: &str, tasks: &[&str], branch: Option<Branch>) -> Chapter {
    Chapter {
        id: id.into(),
        text: format!("Hoofdstuk {id}"),
        tasks: tasks.iter().map(|t| t.to_string()).collect(),
        branch,
        next: None,
        image: None,
    }
}

/// start (task a, a branch: left to `links`, right to `rechts`), links (b), rechts (c).
fn story() -> Game {
    Game {
        format: FORMAT,
        title: "De verdwenen boeken".into(),
        variant: Variant::Story,
        tasks: vec![
            choice("a"),
            task("b", TaskKind::Info),
            task("c", TaskKind::Info),
        ],
        chapters: vec![
            chapter(
                "start",
                &["a"],
                Some(Branch {
                    task: "a".into(),
                    to: vec!["links".into(), "rechts".into()],
                }),
            ),
            chapter(
                "links",
                &["b"],
                Some(Branch {
                    task: "b".into(),
                    to: vec![],
                }),
            ),
            chapter("rechts", &["c"], None),
        ],
        boards: vec![],
        spots: vec![],
        doors: vec![],
    }
}

fn spot(task: &str, after: &[&str]) -> Spot {
    Spot {
        task: task.into(),
        board: 0,
        x: 0.5,
        y: 0.5,
        after: after.iter().map(|a| a.to_string()).collect(),
    }
}

fn quest() -> Game {
    Game {
        format: FORMAT,
        title: "Speurtocht".into(),
        variant: Variant::Quest,
        tasks: vec![
            task(
                "strips",
                TaskKind::FindCode {
                    code: "STRIP7".into(),
                },
            ),
            task(
                "atlas",
                TaskKind::FindCode {
                    code: "ATLAS".into(),
                },
            ),
            task("schat", TaskKind::Info),
        ],
        chapters: vec![],
        boards: vec!["/data/bibster/plan.png".into()],
        spots: vec![
            spot("strips", &[]),
            spot("atlas", &[]),
            spot("schat", &["strips", "atlas"]),
        ],
        doors: vec![],
    }
}

fn answered(pairs: &[(&str, Answer)]) -> HashMap<String, Answer> {
    pairs
        .iter()
        .map(|(id, a)| (id.to_string(), a.clone()))
        .collect()
}

#[test]
fn a_story_follows_the_branch_its_answer_chose() {
    let mut game = story();
    // The "links" chapter's branch is not a choice task: fix it to go nowhere special.
    game.chapters[1].branch = None;
    assert!(check(&game).is_empty(), "{:?}", check(&game));
    let first = story_next(&game, &HashMap::new());
    assert!(matches!(first, StoryStep::Task { chapter: 0, task } if task.id == "a"));
    let right = story_next(&game, &answered(&[("a", Answer::Choices(vec![1]))]));
    assert!(matches!(right, StoryStep::Task { chapter: 2, task } if task.id == "c"));
    let left = story_next(&game, &answered(&[("a", Answer::Choices(vec![0]))]));
    assert!(matches!(left, StoryStep::Task { chapter: 1, task } if task.id == "b"));
    // Left, then on to the next chapter in order (rechts), then the end.
    let both = answered(&[("a", Answer::Choices(vec![0])), ("b", Answer::Read)]);
    assert!(matches!(story_next(&game, &both), StoryStep::Task { task, .. } if task.id == "c"));
    let all = answered(&[("a", Answer::Choices(vec![1])), ("c", Answer::Read)]);
    assert_eq!(story_next(&game, &all), StoryStep::End);
}

#[test]
fn a_quest_opens_a_locked_task_when_its_locks_are_done() {
    let game = quest();
    assert!(check(&game).is_empty(), "{:?}", check(&game));
    let ids = |tasks: Vec<&Task>| tasks.into_iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(quest_open(&game, &HashSet::new())), ["strips", "atlas"]);
    let one: HashSet<String> = ["strips".to_string()].into();
    assert_eq!(ids(quest_open(&game, &one)), ["atlas"]);
    let two: HashSet<String> = ["strips".to_string(), "atlas".to_string()].into();
    assert_eq!(ids(quest_open(&game, &two)), ["schat"]);
}

#[test]
fn check_names_the_place_of_every_problem() {
    let places = |game: &Game| check(game).into_iter().map(|p| p.at).collect::<Vec<_>>();

    let mut newer = story();
    newer.format = FORMAT + 1;
    assert_eq!(places(&newer), ["format"]);

    let game = story();
    // The "links" chapter branches on an information page.
    assert_eq!(places(&game), ["chapters[1].branch.task"]);

    let mut broken = quest();
    broken.title = " ".into();
    broken.tasks[1].id = "strips".into();
    broken.tasks.push(task(
        "keuze",
        TaskKind::MultipleChoice {
            options: vec!["ja".into(), "nee".into()],
            correct: vec![2],
        },
    ));
    broken.tasks.push(task(
        "leeg",
        TaskKind::OpenText {
            accepted: vec!["?!".into()],
            review: false,
        },
    ));
    broken
        .tasks
        .push(task("code", TaskKind::FindCode { code: "--".into() }));
    broken.spots.push(spot("spook", &[]));
    broken.spots[0].x = 1.5;
    assert_eq!(
        places(&broken),
        [
            "title",
            "tasks[1].id",
            "tasks[3].correct",
            "tasks[4].accepted",
            "tasks[5].code",
            "spots[0]",
            "spots[1].task",
            "spots[2].after[1]",
            "spots[3].task",
        ]
    );
    let kinds: Vec<ProblemKind> = check(&broken).into_iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ProblemKind::TitleLength,
            ProblemKind::TaskIdTwice,
            ProblemKind::NoRightOption,
            ProblemKind::NoAcceptedAnswer,
            ProblemKind::NoCode,
            ProblemKind::OffTheBoard,
            ProblemKind::NoSuchTask,
            ProblemKind::NoSuchTask,
            ProblemKind::NoSuchTask,
        ]
    );
    let mut itself = quest();
    itself.spots[0].after = vec![itself.spots[0].task.clone()];
    let problems = check(&itself);
    assert!(
        problems
            .iter()
            .any(|p| p.at == "spots[0].after[0]" && p.kind == ProblemKind::LockItself),
        "{problems:?}"
    );
}

#[test]
fn cycles_of_branches_and_of_locks_are_refused() {
    let mut game = story();
    game.chapters[1].branch = None;
    // rechts leads back to start.
    game.tasks.push(choice("d"));
    game.chapters[2].tasks.push("d".into());
    game.chapters[2].branch = Some(Branch {
        task: "d".into(),
        to: vec!["start".into(), "links".into()],
    });
    let problems = check(&game);
    assert!(
        problems
            .iter()
            .any(|p| p.at == "chapters[2].branch" && p.kind == ProblemKind::StoryCycle),
        "{problems:?}"
    );

    let mut locked = quest();
    locked.spots[0].after = vec!["schat".into()];
    let problems = check(&locked);
    assert!(
        problems
            .iter()
            .any(|p| p.at == "spots" && p.kind == ProblemKind::LockCycle),
        "{problems:?}"
    );
}

#[test]
fn a_game_survives_export_and_import() {
    let game = quest();
    let json = serde_json::to_string(&game).expect("json");
    assert!(json.contains("\"type\":\"find_code\""), "{json}");
    let back: Game = serde_json::from_str(&json).expect("read back");
    assert_eq!(back, game);
    let story = story();
    let back: Game =
        serde_json::from_str(&serde_json::to_string(&story).expect("json")).expect("read");
    assert_eq!(back, story);
    let unknown = json.replace("\"find_code\"", "\"dance\"");
    let error = serde_json::from_str::<Game>(&unknown).expect_err("an unknown task type");
    assert!(error.to_string().contains("dance"), "{error}");
}

#[test]
fn branches_join_again_through_next() {
    // start (a: left to `links`, right to `rechts`), links (b) then `slot`, rechts (c), slot (d).
    let mut game = story();
    game.tasks.push(task("d", TaskKind::Info));
    game.chapters[1].branch = None;
    game.chapters[1].next = Some("slot".into());
    game.chapters.push(chapter("slot", &["d"], None));
    assert_eq!(check(&game), vec![]);
    let mut answers: HashMap<String, Answer> = HashMap::new();
    answers.insert("a".into(), Answer::Choices(vec![0]));
    answers.insert("b".into(), Answer::Read);
    let StoryStep::Task { task, .. } = story_next(&game, &answers) else {
        panic!("a task after links")
    };
    assert_eq!(task.id, "d", "links goes on to slot, not to rechts");
    game.chapters[1].next = Some("nergens".into());
    assert!(check(&game).iter().any(|p| p.at == "chapters[1].next"));
    game.chapters[1].next = Some("start".into());
    assert!(
        check(&game).iter().any(|p| p.what.contains("cycle")),
        "{:?}",
        check(&game)
    );
}

fn door(label: &str, from: usize, to: usize) -> Door {
    Door {
        label: label.into(),
        ends: [
            DoorEnd {
                board: from,
                x: 0.9,
                y: 0.1,
            },
            DoorEnd {
                board: to,
                x: 0.1,
                y: 0.1,
            },
        ],
    }
}

#[test]
fn floor_plans_are_joined_by_doors_both_ways() {
    let mut game = quest();
    game.boards = vec![
        "/data/bibster/w/pictures/gelijkvloers.png".into(),
        "/data/bibster/w/pictures/eerste.png".into(),
        "/data/bibster/w/pictures/tweede.png".into(),
    ];
    game.spots[2].board = 2;
    // Without doors the upper floors cannot be reached.
    let at: Vec<(String, ProblemKind)> = check(&game).into_iter().map(|p| (p.at, p.kind)).collect();
    assert_eq!(
        at,
        [
            ("boards[1]".to_string(), ProblemKind::BoardNotJoined),
            ("boards[2]".to_string(), ProblemKind::BoardNotJoined),
        ]
    );
    // Stairs from the first floor up to the second: still nothing reaches the first.
    game.doors = vec![door("Trap", 1, 2)];
    assert_eq!(unjoined_boards(3, &game.doors), [1, 2]);
    // A lift from the ground floor to the first: a door works both ways.
    game.doors.push(door("Lift", 1, 0));
    assert_eq!(check(&game), vec![]);
    assert_eq!(
        Door::on_board(&game.doors, 1)
            .iter()
            .map(|(i, _, to)| (*i, *to))
            .collect::<Vec<_>>(),
        [(0, 2), (1, 0)]
    );
    // A door on one plan, to a plan that is not there, or off the plan.
    let mut broken = game.clone();
    broken.doors[0].ends[1].board = 1;
    broken.doors[1].ends[0].board = 7;
    broken.doors.push(door(&"x".repeat(101), 0, 1));
    broken.doors[2].ends[0].x = 1.5;
    let found: Vec<(String, ProblemKind)> =
        check(&broken).into_iter().map(|p| (p.at, p.kind)).collect();
    assert_eq!(
        found,
        [
            (
                "doors[0].ends[1].board".to_string(),
                ProblemKind::DoorOneBoard
            ),
            (
                "doors[1].ends[0].board".to_string(),
                ProblemKind::NoSuchBoard
            ),
            ("doors[2].label".to_string(), ProblemKind::TextTooLong),
            ("doors[2].ends[0]".to_string(), ProblemKind::OffTheBoard),
            ("boards[2]".to_string(), ProblemKind::BoardNotJoined),
        ]
    );
    // One plan needs no doors; the format keeps them.
    let text = serde_json::to_string(&game).expect("writes");
    assert_eq!(serde_json::from_str::<Game>(&text).expect("reads"), game);
    assert!(
        !serde_json::to_string(&quest())
            .expect("writes")
            .contains("doors")
    );
}

#[test]
fn pictures_are_ours_or_refused() {
    assert!(picture_ok("/data/bibster/demo-wetteren/pictures/ab12.png"));
    for bad in [
        "https://tracker.example/pixel.png",
        "//tracker.example/pixel.png",
        "/data/bibster/../../etc/passwd",
        "/data/bieblo/x.png",
        "/data/bibster/a b.png",
        "/data/bibster/a\".png",
        "javascript:alert(1)",
    ] {
        assert!(!picture_ok(bad), "{bad}");
    }
    let mut game = story();
    game.chapters[1].branch = None;
    game.chapters[0].image = Some("/data/bibster/w/pictures/kaart.png".into());
    assert_eq!(check(&game), vec![]);
    game.chapters[2].image = Some("https://elders.example/kaart.png".into());
    game.tasks[1].image = Some("http://elders.example/x.png".into());
    let found: Vec<(String, ProblemKind)> =
        check(&game).into_iter().map(|p| (p.at, p.kind)).collect();
    assert_eq!(
        found,
        [
            ("tasks[1].image".to_string(), ProblemKind::PictureNotOurs),
            ("chapters[2].image".to_string(), ProblemKind::PictureNotOurs),
        ]
    );
    let mut plan = quest();
    plan.boards[0] = "https://elders.example/plan.png".into();
    assert_eq!(check(&plan)[0].at, "boards[0]");
}
