//! The editor's changes to a game, as plain functions over `Game`: a new game, a new
//! task of a kind, a task's kind changed, tasks removed and moved (with the chapters,
//! spots and locks that name them kept in step), chapters added and removed. The
//! components only call these, so every rule is tested without a browser.

use suite_domain::bibster::game::{Door, DoorEnd, FORMAT, Game, Spot, Variant};
use suite_domain::bibster::plan::unjoined_boards;
use suite_domain::bibster::task::{Task, TaskKind};
use suite_domain::i18n::Msg;

pub(crate) use super::chapters::{
    After, add_chapter, after_of, remove_chapter, set_after, set_in_chapter, sync_branches,
};

/// The eight kinds of task, in the order of the editor's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    MultipleChoice,
    OpenText,
    Number,
    Order,
    MatchPairs,
    Photo,
    FindCode,
    Info,
}

impl Kind {
    pub(crate) const ALL: [Kind; 8] = [
        Kind::MultipleChoice,
        Kind::OpenText,
        Kind::Number,
        Kind::Order,
        Kind::MatchPairs,
        Kind::Photo,
        Kind::FindCode,
        Kind::Info,
    ];

    /// The kind of `task`.
    pub(crate) fn of(task: &TaskKind) -> Kind {
        match task {
            TaskKind::MultipleChoice { .. } => Kind::MultipleChoice,
            TaskKind::OpenText { .. } => Kind::OpenText,
            TaskKind::Number { .. } => Kind::Number,
            TaskKind::Order { .. } => Kind::Order,
            TaskKind::MatchPairs { .. } => Kind::MatchPairs,
            TaskKind::Photo => Kind::Photo,
            TaskKind::FindCode { .. } => Kind::FindCode,
            TaskKind::Info => Kind::Info,
        }
    }

    /// The value of its option in the editor's select.
    pub(crate) fn slug(self) -> &'static str {
        match self {
            Kind::MultipleChoice => "multiple_choice",
            Kind::OpenText => "open_text",
            Kind::Number => "number",
            Kind::Order => "order",
            Kind::MatchPairs => "match_pairs",
            Kind::Photo => "photo",
            Kind::FindCode => "find_code",
            Kind::Info => "info",
        }
    }

    pub(crate) fn from_slug(slug: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// Its name for staff.
    pub(crate) fn name(self) -> Msg {
        match self {
            Kind::MultipleChoice => Msg::BibBuildKindChoice,
            Kind::OpenText => Msg::BibBuildKindOpen,
            Kind::Number => Msg::BibBuildKindNumber,
            Kind::Order => Msg::BibBuildKindOrder,
            Kind::MatchPairs => Msg::BibBuildKindPairs,
            Kind::Photo => Msg::BibBuildKindPhoto,
            Kind::FindCode => Msg::BibBuildKindCode,
            Kind::Info => Msg::BibBuildKindInfo,
        }
    }

    /// A fresh task of this kind: the fields to fill in, empty (two options, items or
    /// pairs to start from).
    pub(crate) fn fresh(self) -> TaskKind {
        let two = || vec![String::new(), String::new()];
        match self {
            Kind::MultipleChoice => TaskKind::MultipleChoice {
                options: two(),
                correct: vec![],
            },
            Kind::OpenText => TaskKind::OpenText {
                accepted: vec![String::new()],
                review: false,
            },
            Kind::Number => TaskKind::Number {
                value: 0.0,
                tolerance: 0.0,
            },
            Kind::Order => TaskKind::Order { items: two() },
            Kind::MatchPairs => TaskKind::MatchPairs {
                pairs: vec![(String::new(), String::new()); 2],
            },
            Kind::Photo => TaskKind::Photo,
            Kind::FindCode => TaskKind::FindCode {
                code: String::new(),
            },
            Kind::Info => TaskKind::Info,
        }
    }
}

/// The name of a variant for staff.
pub(crate) fn variant_name(variant: Variant) -> Msg {
    match variant {
        Variant::Story => Msg::BibBuildStory,
        Variant::Quest => Msg::BibBuildQuest,
    }
}

/// A new game of `variant`: no title yet, no tasks; a Story starts with one chapter.
pub(crate) fn new_game(variant: Variant) -> Game {
    let mut game = Game {
        format: FORMAT,
        title: String::new(),
        variant,
        tasks: vec![],
        chapters: vec![],
        boards: vec![],
        spots: vec![],
        doors: vec![],
    };
    set_variant(&mut game, variant);
    game
}

/// Switches the variant: a Story gets a first chapter when it has none; the chapters,
/// plans and spots of the other variant are kept (they do no harm and come back when
/// staff switch again).
pub(crate) fn set_variant(game: &mut Game, variant: Variant) {
    game.variant = variant;
    if variant == Variant::Story && game.chapters.is_empty() {
        add_chapter(game);
    }
}

/// The first id of the form `{stem}-{n}` that `taken` does not hold.
pub(crate) fn free_id<'a>(stem: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("{stem}-{n}"))
        .find(|id| !taken.clone().any(|t| t == id))
        .unwrap_or_else(|| stem.to_string())
}

/// Adds a task of `kind` (10 points) at the end and returns its index. In a Story it
/// joins the last chapter; in a Quest it gets a spot in the middle of the first plan.
pub(crate) fn add_task(game: &mut Game, kind: Kind) -> usize {
    let id = free_id("opdracht", game.tasks.iter().map(|t| t.id.as_str()));
    game.tasks.push(Task {
        id: id.clone(),
        prompt: String::new(),
        kind: kind.fresh(),
        points: if kind == Kind::Info { 0 } else { 10 },
        time_limit_secs: None,
        hint: None,
        image: None,
    });
    match game.variant {
        Variant::Story => {
            if let Some(last) = game.chapters.last_mut() {
                last.tasks.push(id);
            }
        }
        Variant::Quest => game.spots.push(Spot {
            task: id,
            board: 0,
            x: 0.5,
            y: 0.5,
            after: vec![],
        }),
    }
    game.tasks.len() - 1
}

/// Changes the kind of task `index` (its prompt, points, limit and hint stay). A branch
/// on it ends when it is no longer a multiple-choice task.
pub(crate) fn set_kind(game: &mut Game, index: usize, kind: Kind) {
    let Some(task) = game.tasks.get_mut(index) else {
        return;
    };
    if Kind::of(&task.kind) == kind {
        return;
    }
    task.kind = kind.fresh();
    let id = task.id.clone();
    for chapter in &mut game.chapters {
        if chapter.branch.as_ref().is_some_and(|b| b.task == id) {
            chapter.branch = None;
        }
    }
}

/// Removes task `index` and every mention of it: in chapters, branches, spots, locks.
pub(crate) fn remove_task(game: &mut Game, index: usize) {
    if index >= game.tasks.len() {
        return;
    }
    let id = game.tasks.remove(index).id;
    for chapter in &mut game.chapters {
        chapter.tasks.retain(|t| t != &id);
        if chapter.branch.as_ref().is_some_and(|b| b.task == id) {
            chapter.branch = None;
        }
    }
    game.spots.retain(|s| s.task != id);
    for spot in &mut game.spots {
        spot.after.retain(|a| a != &id);
    }
}

/// Moves task `index` one place up (`up`) or down; the order in its chapter follows.
/// Returns the task's new index.
pub(crate) fn move_task(game: &mut Game, index: usize, up: bool) -> usize {
    let other = match up {
        true if index > 0 => index - 1,
        false if index + 1 < game.tasks.len() => index + 1,
        _ => return index,
    };
    game.tasks.swap(index, other);
    let (a, b) = (game.tasks[index].id.clone(), game.tasks[other].id.clone());
    for chapter in &mut game.chapters {
        let pa = chapter.tasks.iter().position(|t| *t == a);
        let pb = chapter.tasks.iter().position(|t| *t == b);
        if let (Some(pa), Some(pb)) = (pa, pb) {
            chapter.tasks.swap(pa, pb);
        }
    }
    other
}

/// Places task `task` on plan `board` at `x`, `y` (each kept within 0..1), giving it a
/// spot when it had none.
pub(crate) fn place(game: &mut Game, task: &str, board: usize, x: f64, y: f64) {
    let (x, y) = (x.clamp(0.0, 1.0), y.clamp(0.0, 1.0));
    match game.spots.iter_mut().find(|s| s.task == task) {
        Some(spot) => {
            spot.board = board;
            spot.x = x;
            spot.y = y;
        }
        None => game.spots.push(Spot {
            task: task.to_string(),
            board,
            x,
            y,
            after: vec![],
        }),
    }
}

/// Removes floor plan `index`; the spots on it move to the first plan, those on later
/// plans one plan up; the doors to it go.
pub(crate) fn remove_board(game: &mut Game, index: usize) {
    if index >= game.boards.len() {
        return;
    }
    game.boards.remove(index);
    for spot in &mut game.spots {
        if spot.board == index {
            spot.board = 0;
        } else if spot.board > index {
            spot.board -= 1;
        }
    }
    game.doors
        .retain(|door| door.ends.iter().all(|end| end.board != index));
    for end in game.doors.iter_mut().flat_map(|d| d.ends.iter_mut()) {
        if end.board > index {
            end.board -= 1;
        }
    }
}

/// Adds a door from the first plan to the first plan no door leads to yet (or to the
/// second plan), both ends in the middle; its index.
pub(crate) fn add_door(game: &mut Game) -> usize {
    let to = unjoined_boards(game.boards.len(), &game.doors)
        .first()
        .copied()
        .unwrap_or(1);
    let end = |board| DoorEnd {
        board,
        x: 0.5,
        y: 0.5,
    };
    game.doors.push(Door {
        label: String::new(),
        ends: [end(0), end(to)],
    });
    game.doors.len() - 1
}

/// Puts end `end` (0 or 1) of door `door` on plan `board` at `x`, `y` (kept within 0..1).
pub(crate) fn place_door(game: &mut Game, door: usize, end: usize, board: usize, x: f64, y: f64) {
    if let Some(end) = game.doors.get_mut(door).and_then(|d| d.ends.get_mut(end)) {
        *end = DoorEnd {
            board,
            x: x.clamp(0.0, 1.0),
            y: y.clamp(0.0, 1.0),
        };
    }
}

/// Turns task `before` into a lock of task `task`'s spot (`on`) or not.
pub(crate) fn set_lock(game: &mut Game, task: &str, before: &str, on: bool) {
    if let Some(spot) = game.spots.iter_mut().find(|s| s.task == task) {
        spot.after.retain(|a| a != before);
        if on && before != task {
            spot.after.push(before.to_string());
        }
    }
}

/// A percentage as typed (`"25"`, `"12,5"`) as a place between 0 and 1.
pub(crate) fn fraction(percent: &str) -> Option<f64> {
    let value: f64 = percent.trim().replace(',', ".").parse().ok()?;
    value.is_finite().then(|| (value / 100.0).clamp(0.0, 1.0))
}

/// A place between 0 and 1 as a whole percentage for the number fields.
pub(crate) fn percent(fraction: f64) -> String {
    format!("{}", (fraction * 100.0).round())
}

/// A number as typed in a Dutch form (`"1,5"` or `"1.5"`).
pub(crate) fn number(text: &str) -> Option<f64> {
    let value: f64 = text.trim().replace(',', ".").parse().ok()?;
    value.is_finite().then_some(value)
}
