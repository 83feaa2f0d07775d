//! The problems `game::check` finds, as the editor shows them: a Dutch text per kind,
//! the id of the field at each problem's place (`tasks[2].correct` is
//! `bb-tasks-2-correct`), and a place in words for a refused import.

use suite_domain::bibster::game::{Problem, ProblemKind};
use suite_domain::i18n::{Lang, Msg};

/// The text staff read for a problem of `kind`.
pub(crate) fn message(kind: ProblemKind) -> Msg {
    match kind {
        ProblemKind::NewerFormat => Msg::BibFileNewer,
        ProblemKind::TitleLength => Msg::BibBuildPTitle,
        ProblemKind::TaskCount => Msg::BibBuildPTaskCount,
        ProblemKind::TaskIdLength => Msg::BibBuildPTaskId,
        ProblemKind::TaskIdTwice => Msg::BibBuildPTaskIdTwice,
        ProblemKind::TextTooLong => Msg::BibBuildPTextLong,
        ProblemKind::TimeLimitZero => Msg::BibBuildPTimeLimit,
        ProblemKind::OptionCount => Msg::BibBuildPOptions,
        ProblemKind::NoRightOption => Msg::BibBuildPCorrect,
        ProblemKind::NoAcceptedAnswer => Msg::BibBuildPAccepted,
        ProblemKind::NotANumber => Msg::BibBuildPNumber,
        ProblemKind::ItemCount => Msg::BibBuildPItems,
        ProblemKind::PairCount => Msg::BibBuildPPairs,
        ProblemKind::NoCode => Msg::BibBuildPCode,
        ProblemKind::NoChapters => Msg::BibBuildPNoChapters,
        ProblemKind::ChapterIdTwice => Msg::BibBuildPChapterTwice,
        ProblemKind::NoSuchTask => Msg::BibBuildPNoSuchTask,
        ProblemKind::TaskTwice => Msg::BibBuildPTaskTwice,
        ProblemKind::NoSuchChapter => Msg::BibBuildPNoSuchChapter,
        ProblemKind::BranchTask => Msg::BibBuildPBranchTask,
        ProblemKind::BranchOptions => Msg::BibBuildPBranchOptions,
        ProblemKind::StoryCycle => Msg::BibBuildPStoryCycle,
        ProblemKind::NoSuchBoard => Msg::BibBuildPNoSuchBoard,
        ProblemKind::OffTheBoard => Msg::BibBuildPOffBoard,
        ProblemKind::LockItself => Msg::BibBuildPLockItself,
        ProblemKind::LockCycle => Msg::BibBuildPLockCycle,
        ProblemKind::DoorOneBoard => Msg::BibBuildPDoorOneBoard,
        ProblemKind::BoardNotJoined => Msg::BibBuildPNotJoined,
        ProblemKind::DoorCount => Msg::BibBuildPDoorCount,
        ProblemKind::PictureNotOurs => Msg::BibBuildPPicture,
    }
}

/// The id of the field (or group) at place `at`.
pub(crate) fn field_id(at: &str) -> String {
    let mut id = String::from("bb");
    for part in at.split(['.', '[', ']']).filter(|p| !p.is_empty()) {
        id.push('-');
        id.push_str(&part.replace('_', "-"));
    }
    id
}

/// The text of the first problem exactly at `at`.
pub(crate) fn at(problems: &[Problem], at: &str) -> Option<Msg> {
    problems
        .iter()
        .find(|p| p.at == at)
        .map(|p| message(p.kind))
}

/// The text of the first problem at `at` or at one of its items (`at[2]`, `at[0].x`).
pub(crate) fn within(problems: &[Problem], at: &str) -> Option<Msg> {
    problems
        .iter()
        .find(|p| {
            p.at == at
                || p.at
                    .strip_prefix(at)
                    .is_some_and(|rest| rest.starts_with('['))
        })
        .map(|p| message(p.kind))
}

/// The words for a part of a place (`tasks`, `correct`, ...).
fn part_name(part: &str) -> Option<Msg> {
    Some(match part {
        "title" => Msg::BibBuildTitleLabel,
        "tasks" => Msg::BibBuildTasks,
        "chapters" => Msg::BibBuildChapters,
        "spots" => Msg::BibBuildPlacing,
        "boards" | "board" => Msg::BibBuildBoard,
        "doors" => Msg::BibBuildDoors,
        "ends" => Msg::BibBuildDoorEnd,
        "label" => Msg::BibBuildDoorLabel,
        "image" => Msg::BibBuildImage,
        "options" => Msg::BibBuildOptions,
        "correct" => Msg::BibBuildRightOnes,
        "accepted" => Msg::BibBuildAccepted,
        "items" => Msg::BibBuildItems,
        "pairs" => Msg::BibBuildPairs,
        "code" => Msg::BibBuildCode,
        "time_limit_secs" => Msg::BibBuildTimeLimit,
        "text" => Msg::BibBuildChapterText,
        "branch" | "to" | "next" => Msg::BibBuildAfter,
        "after" => Msg::BibBuildLocks,
        "id" => Msg::BibBuildTaskId,
        "task" => Msg::BibBuildTask,
        "format" | "game" => Msg::BibBuildFile,
        _ => return None,
    })
}

/// A place (`tasks[2].correct`) in words: "Opdracht 3 › Juiste antwoorden".
pub(crate) fn place_words(at: &str, lang: Lang) -> String {
    let mut words: Vec<String> = Vec::new();
    for segment in at.split('.') {
        let (name, index) = match segment.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (segment, None),
        };
        let single = match (name, index) {
            ("tasks", Some(_)) => Some(Msg::BibBuildTask),
            ("chapters", Some(_)) => Some(Msg::BibBuildChapter),
            ("spots", Some(_)) => Some(Msg::BibBuildSpot),
            ("doors", Some(_)) => Some(Msg::BibBuildDoor),
            ("boards", Some(_)) => Some(Msg::BibBuildBoard),
            _ => part_name(name),
        };
        match (single, index) {
            (Some(msg), Some(i)) => words.push(format!("{} {}", msg.text(lang), i + 1)),
            (Some(msg), None) => words.push(msg.text(lang).to_string()),
            (None, Some(i)) => words.push(format!("{name} {}", i + 1)),
            (None, None) if !name.is_empty() => words.push(name.to_string()),
            (None, None) => {}
        }
    }
    words.join(" › ")
}
