//! What a team's device gets of a game, and how its answers come back: the game without
//! what would give answers away (which options are right, accepted answers, numbers,
//! codes, hints' texts), with the items of "put in order" and the right column of "match
//! pairs" shuffled per team. The device answers in the order it showed; [`from_team`]
//! turns that into the game's own [`Answer`] for [`super::task::judge`].

use serde::{Deserialize, Serialize};

use super::game::{Chapter, Door, Game, Spot, Variant};
use super::task::{Answer, Task, TaskKind};

/// A task as a team sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TeamTaskKind {
    /// Choose one (`several` false) or several of `options`.
    MultipleChoice {
        options: Vec<String>,
        several: bool,
    },
    OpenText,
    Number,
    /// The items to put in order, shuffled for this team.
    Order {
        items: Vec<String>,
    },
    /// The left items in order, the right items shuffled for this team.
    MatchPairs {
        left: Vec<String>,
        right: Vec<String>,
    },
    Photo,
    FindCode,
    Info,
}

/// A task of a team's game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamTask {
    pub id: String,
    pub prompt: String,
    #[serde(flatten)]
    pub kind: TeamTaskKind,
    pub points: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_secs: Option<u32>,
    /// What the hint costs, when there is one (its text comes when the team opens it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint_cost: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// A game as a team's device gets it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamGame {
    pub title: String,
    pub variant: Variant,
    pub tasks: Vec<TeamTask>,
    #[serde(default)]
    pub chapters: Vec<Chapter>,
    #[serde(default)]
    pub boards: Vec<String>,
    #[serde(default)]
    pub spots: Vec<Spot>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doors: Vec<Door>,
}

/// The order a team sees `n` items in: a permutation (`shown[i]` is the index in the
/// game of the item shown at place `i`) from `seed` and the task's id, the same each time
/// it is asked, never the game's own order when `n > 1`.
pub fn shuffled(n: usize, seed: u64, task: &str) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if n < 2 {
        return order;
    }
    // FNV-1a of the task id mixed into the seed, then a Fisher-Yates shuffle driven by
    // SplitMix64.
    let mut state = task.bytes().fold(seed ^ 0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let mut next = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    if order.iter().enumerate().all(|(i, &j)| i == j) {
        order.rotate_left(1);
    }
    order
}

/// The team's view of `task` with `seed` (the team's).
pub fn team_task(task: &Task, seed: u64) -> TeamTask {
    let kind = match &task.kind {
        TaskKind::MultipleChoice { options, correct } => TeamTaskKind::MultipleChoice {
            options: options.clone(),
            several: correct.len() > 1,
        },
        TaskKind::OpenText { .. } => TeamTaskKind::OpenText,
        TaskKind::Number { .. } => TeamTaskKind::Number,
        TaskKind::Order { items } => TeamTaskKind::Order {
            items: shuffled(items.len(), seed, &task.id)
                .into_iter()
                .map(|i| items[i].clone())
                .collect(),
        },
        TaskKind::MatchPairs { pairs } => TeamTaskKind::MatchPairs {
            left: pairs.iter().map(|p| p.0.clone()).collect(),
            right: shuffled(pairs.len(), seed, &task.id)
                .into_iter()
                .map(|i| pairs[i].1.clone())
                .collect(),
        },
        TaskKind::Photo => TeamTaskKind::Photo,
        TaskKind::FindCode { .. } => TeamTaskKind::FindCode,
        TaskKind::Info => TeamTaskKind::Info,
    };
    TeamTask {
        id: task.id.clone(),
        prompt: task.prompt.clone(),
        kind,
        points: task.points,
        time_limit_secs: task.time_limit_secs,
        hint_cost: task.hint.as_ref().map(|h| h.cost),
        image: task.image.clone(),
    }
}

/// The team's view of `game` with `seed` (the team's).
pub fn team_game(game: &Game, seed: u64) -> TeamGame {
    TeamGame {
        title: game.title.clone(),
        variant: game.variant,
        tasks: game.tasks.iter().map(|t| team_task(t, seed)).collect(),
        chapters: game.chapters.clone(),
        boards: game.boards.clone(),
        spots: game.spots.clone(),
        doors: game.doors.clone(),
    }
}

/// The game's own answer to `task` for what the team answered in the order it was shown
/// (`seed` as in [`team_task`]). Places out of range stay out of range (judged wrong).
pub fn from_team(task: &Task, seed: u64, answer: Answer) -> Answer {
    match (&task.kind, answer) {
        (TaskKind::Order { items }, Answer::Order(places)) => {
            let shown = shuffled(items.len(), seed, &task.id);
            Answer::Order(
                places
                    .into_iter()
                    .map(|p| shown.get(p).copied().unwrap_or(usize::MAX))
                    .collect(),
            )
        }
        (TaskKind::MatchPairs { pairs }, Answer::Pairs(places)) => {
            let shown = shuffled(pairs.len(), seed, &task.id);
            Answer::Pairs(
                places
                    .into_iter()
                    .map(|p| shown.get(p).copied().unwrap_or(usize::MAX))
                    .collect(),
            )
        }
        (_, answer) => answer,
    }
}

/// Most characters of a team's name.
pub const TEAM_NAME_MAX: usize = 30;

/// Why a team name is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Empty, or longer than [`TEAM_NAME_MAX`].
    Length,
    /// Not only letters, digits, spaces and `-'.!?`.
    Characters,
    /// A rude word, or what looks like a person's contact (an email address or a phone
    /// number): teams need no personal data.
    NotAllowed,
}

/// Words a team name may not contain (Dutch and English, as letters only, accents
/// dropped). A short list of the obvious: the leader renames or removes what slips by.
const RUDE: &[&str] = &[
    "kut",
    "lul",
    "klootzak",
    "hoer",
    "kanker",
    "tering",
    "tyfus",
    "mongool",
    "flikker",
    "neuk",
    "pik",
    "slet",
    "stoephoer",
    "godver",
    "fuck",
    "shit",
    "bitch",
    "cunt",
    "dick",
    "whore",
    "slut",
    "nazi",
    "hitler",
    "kkk",
    "bastard",
    "asshole",
    "klote",
    "sukkel",
    "debiel",
    "idioot",
];

/// The team name as kept: spaces trimmed and joined, or why it is refused.
pub fn check_team_name(name: &str) -> Result<String, NameProblem> {
    let tidy = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let count = tidy.chars().count();
    if count == 0 || count > TEAM_NAME_MAX {
        return Err(NameProblem::Length);
    }
    if !tidy
        .chars()
        .all(|c| c.is_alphanumeric() || " -'.!?".contains(c))
    {
        return Err(NameProblem::Characters);
    }
    let digits = tidy.chars().filter(char::is_ascii_digit).count();
    if digits >= 6 {
        return Err(NameProblem::NotAllowed);
    }
    let words: Vec<String> = tidy
        .split([' ', '-', '\'', '.', '!', '?'])
        .map(super::task::fold)
        .collect();
    let joined: String = words.concat();
    let rude = RUDE.iter().any(|bad| {
        // Most only as a whole word (so "Pikachu", "Dickens" and "Catering" pass); the
        // long ones also inside a word or across spaces ("k l o o t z a k").
        if bad.len() < 7 {
            words.iter().any(|w| w == bad)
        } else {
            joined.contains(bad)
        }
    });
    if rude {
        return Err(NameProblem::NotAllowed);
    }
    Ok(tidy)
}

/// The letters of game and team codes: no 0/O, 1/I/L, so they are read aloud and typed
/// without doubt.
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Length of a game's code (31^6: some 887 million).
pub const CODE_LEN: usize = 6;

/// A code of [`CODE_LEN`] letters from `random` (any 64 random bits per letter).
pub fn code_from(mut random: impl FnMut() -> u64) -> String {
    (0..CODE_LEN)
        .map(|_| {
            let i = (random() % CODE_ALPHABET.len() as u64) as usize;
            char::from(CODE_ALPHABET[i])
        })
        .collect()
}

/// A code as typed, tidied (upper case, spaces and dashes dropped), if it can be one.
pub fn read_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == CODE_LEN && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffles_are_stable_per_team_and_never_the_right_order() {
        for n in 2..12 {
            for seed in 0..50 {
                let a = shuffled(n, seed, "t1");
                assert_eq!(a, shuffled(n, seed, "t1"));
                let mut sorted = a.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..n).collect::<Vec<_>>());
                assert!(a.iter().enumerate().any(|(i, &j)| i != j), "{n} {seed}");
            }
        }
        assert_ne!(shuffled(8, 1, "t1"), shuffled(8, 2, "t1"));
    }

    #[test]
    fn the_team_sees_no_answers_and_its_order_answers_come_back() {
        let order = Task {
            id: "volgorde".into(),
            prompt: "Zet in volgorde".into(),
            kind: TaskKind::Order {
                items: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            },
            points: 5,
            time_limit_secs: None,
            hint: Some(super::super::task::Hint {
                text: "geheim".into(),
                cost: 2,
            }),
            image: None,
        };
        let seen = team_task(&order, 7);
        let json = serde_json::to_string(&seen).unwrap_or_default();
        assert!(!json.contains("geheim"), "{json}");
        assert_eq!(seen.hint_cost, Some(2));
        let TeamTaskKind::Order { items } = &seen.kind else {
            panic!("order")
        };
        assert_ne!(items, &["a", "b", "c", "d"]);
        // The team puts what it sees in the right order: places of a, b, c, d.
        let places: Vec<usize> = ["a", "b", "c", "d"]
            .iter()
            .map(|x| items.iter().position(|i| i == x).unwrap_or(99))
            .collect();
        let back = from_team(&order, 7, Answer::Order(places));
        assert_eq!(
            super::super::task::judge(&order.kind, &back),
            super::super::task::Verdict::Right
        );
        // The shown order itself is wrong.
        let back = from_team(&order, 7, Answer::Order(vec![0, 1, 2, 3]));
        assert_eq!(
            super::super::task::judge(&order.kind, &back),
            super::super::task::Verdict::Wrong
        );
        let code = Task {
            kind: TaskKind::FindCode {
                code: "BOEK42".into(),
            },
            ..order.clone()
        };
        let json = serde_json::to_string(&team_task(&code, 7)).unwrap_or_default();
        assert!(!json.contains("BOEK42"), "{json}");
        let choice = Task {
            kind: TaskKind::MultipleChoice {
                options: vec!["x".into(), "y".into()],
                correct: vec![1],
            },
            ..order
        };
        let json = serde_json::to_string(&team_task(&choice, 7)).unwrap_or_default();
        assert!(!json.contains("correct"), "{json}");
    }

    #[test]
    fn team_names_are_tidied_and_rude_or_personal_ones_refused() {
        assert_eq!(
            check_team_name("  De   Boekenwurmen "),
            Ok("De Boekenwurmen".into())
        );
        assert_eq!(check_team_name("Pikachu's"), Ok("Pikachu's".into()));
        assert_eq!(check_team_name("Dickens fans"), Ok("Dickens fans".into()));
        assert_eq!(check_team_name("Team 5B"), Ok("Team 5B".into()));
        assert_eq!(check_team_name("Catering"), Ok("Catering".into()));
        assert_eq!(check_team_name(""), Err(NameProblem::Length));
        assert_eq!(check_team_name(&"a".repeat(31)), Err(NameProblem::Length));
        assert_eq!(check_team_name("<b>hoi</b>"), Err(NameProblem::Characters));
        assert_eq!(
            check_team_name("jan@school.be"),
            Err(NameProblem::Characters)
        );
        assert_eq!(
            check_team_name("0470 12 34 56"),
            Err(NameProblem::NotAllowed)
        );
        assert_eq!(check_team_name("Kut team"), Err(NameProblem::NotAllowed));
        assert_eq!(
            check_team_name("K l o o t z a k"),
            Err(NameProblem::NotAllowed)
        );
        assert_eq!(check_team_name("Kánker"), Err(NameProblem::NotAllowed));
    }

    #[test]
    fn codes_use_a_clear_alphabet_and_are_read_leniently() {
        let mut n = 0_u64;
        let code = code_from(|| {
            n += 7;
            n
        });
        assert_eq!(code.len(), CODE_LEN);
        assert_eq!(read_code(&code.to_lowercase()), Some(code.clone()));
        assert_eq!(read_code("ab3-k7 9"), Some("AB3K79".into()));
        assert_eq!(read_code("ab3-k79x"), None, "7 letters");
        assert_eq!(read_code("AB3-K79"), Some("AB3K79".into()));
        assert_eq!(read_code("AB3K7O"), None, "O is not in the alphabet");
    }
}
