//! A Bibster task and how an answer to it is judged and scored. Pure: the team's
//! device, the leader's review and the server all use these rules.

use serde::{Deserialize, Serialize};

/// What a team has to do; each kind carries what it needs to judge an answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TaskKind {
    /// Choose among `options`; `correct` are the indexes of the right ones (one or more).
    MultipleChoice {
        options: Vec<String>,
        correct: Vec<usize>,
    },
    /// Free text, right when it matches one of `accepted` (case, accents, spaces and
    /// punctuation aside); with `review`, the leader judges it instead.
    OpenText {
        #[serde(default)]
        accepted: Vec<String>,
        #[serde(default)]
        review: bool,
    },
    /// A number within `tolerance` of `value`.
    Number { value: f64, tolerance: f64 },
    /// Put `items` in order: they are written in the right order.
    Order { items: Vec<String> },
    /// Match each left item to its right one: `pairs` are the right matches.
    MatchPairs { pairs: Vec<(String, String)> },
    /// A photo taken with the device's camera; the leader judges it.
    Photo,
    /// Find the code placed at a shelf or spot (typed, or scanned from its QR code).
    FindCode { code: String },
    /// Text and an image to read; no answer.
    Info,
}

/// An optional hint, which costs points when a team opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hint {
    pub text: String,
    pub cost: u32,
}

/// One task of a game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// Unique within its game.
    pub id: String,
    /// What the team reads.
    pub prompt: String,
    #[serde(flatten)]
    pub kind: TaskKind,
    /// Points for a right answer.
    #[serde(default)]
    pub points: u32,
    /// Seconds the team has, from the server's clock; none means no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_secs: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Hint>,
    /// A picture of the library's own (a path on our server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// A team's answer to a task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Choices(Vec<usize>),
    Text(String),
    Number(f64),
    /// Indexes into the task's items, in the team's order.
    Order(Vec<usize>),
    /// For each left item (by index), the index of the right item chosen.
    Pairs(Vec<usize>),
    /// The stored photo's path.
    Photo(String),
    /// An information page read.
    Read,
}

/// How an answer was judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Right,
    Wrong,
    /// Waits for the leader (photos, open text under review).
    ToReview,
}

/// Text as compared for open answers and codes: the towns' comparison
/// (`towns::normalise`: lower case, accents dropped) with everything but letters and
/// digits dropped too (`"De Kleine Prins!"` is `"dekleineprins"`).
pub fn fold(text: &str) -> String {
    crate::culture::towns::normalise(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Judges `answer` to `task`. An answer of the wrong shape for the task is wrong.
pub fn judge(task: &TaskKind, answer: &Answer) -> Verdict {
    let right = match (task, answer) {
        (TaskKind::MultipleChoice { correct, .. }, Answer::Choices(chosen)) => {
            let mut a = chosen.clone();
            let mut b = correct.clone();
            a.sort_unstable();
            a.dedup();
            b.sort_unstable();
            b.dedup();
            a == b
        }
        (TaskKind::OpenText { review: true, .. }, Answer::Text(_))
        | (TaskKind::Photo, Answer::Photo(_)) => {
            return Verdict::ToReview;
        }
        (TaskKind::OpenText { accepted, .. }, Answer::Text(text)) => {
            let given = fold(text);
            !given.is_empty() && accepted.iter().any(|a| fold(a) == given)
        }
        (TaskKind::Number { value, tolerance }, Answer::Number(n)) => {
            n.is_finite() && (n - value).abs() <= tolerance.abs()
        }
        (TaskKind::Order { items }, Answer::Order(order)) => {
            order.len() == items.len() && order.iter().enumerate().all(|(i, &j)| i == j)
        }
        (TaskKind::MatchPairs { pairs }, Answer::Pairs(chosen)) => {
            chosen.len() == pairs.len()
                && chosen.iter().enumerate().all(|(left, &right)| {
                    // Two right items with the same text match either way.
                    pairs.get(right).map(|p| &p.1) == pairs.get(left).map(|p| &p.1)
                })
        }
        (TaskKind::FindCode { code }, Answer::Text(text)) => {
            let given = fold(text);
            !given.is_empty() && given == fold(code)
        }
        (TaskKind::Info, Answer::Read) => true,
        _ => false,
    };
    if right {
        Verdict::Right
    } else {
        Verdict::Wrong
    }
}

/// The points a judged answer earns: the task's points when right (none otherwise), less
/// the hint's cost when the team opened it, never below zero. An answer after the time
/// limit earns nothing.
pub fn score(task: &Task, verdict: Verdict, hint_opened: bool, in_time: bool) -> u32 {
    if verdict != Verdict::Right || !in_time {
        return 0;
    }
    let cost = match (&task.hint, hint_opened) {
        (Some(hint), true) => hint.cost,
        _ => 0,
    };
    task.points.saturating_sub(cost)
}

/// Whether an answer given `elapsed_secs` after the task opened (server's clock) is in
/// time.
pub fn in_time(task: &Task, elapsed_secs: u64) -> bool {
    task.time_limit_secs
        .is_none_or(|limit| elapsed_secs <= u64::from(limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(kind: TaskKind) -> Task {
        Task {
            id: "t".into(),
            prompt: "?".into(),
            kind,
            points: 10,
            time_limit_secs: Some(60),
            hint: Some(Hint {
                text: "kijk bij de strips".into(),
                cost: 3,
            }),
            image: None,
        }
    }

    #[test]
    fn multiple_choice_needs_exactly_the_right_options() {
        let kind = TaskKind::MultipleChoice {
            options: vec!["a".into(), "b".into(), "c".into()],
            correct: vec![0, 2],
        };
        assert_eq!(judge(&kind, &Answer::Choices(vec![2, 0])), Verdict::Right);
        assert_eq!(judge(&kind, &Answer::Choices(vec![0])), Verdict::Wrong);
        assert_eq!(
            judge(&kind, &Answer::Choices(vec![0, 1, 2])),
            Verdict::Wrong
        );
        assert_eq!(
            judge(&kind, &Answer::Text("a".into())),
            Verdict::Wrong,
            "wrong shape"
        );
    }

    #[test]
    fn open_text_and_codes_ignore_case_accents_and_punctuation() {
        let kind = TaskKind::OpenText {
            accepted: vec!["De Kleine Prins".into()],
            review: false,
        };
        assert_eq!(
            judge(&kind, &Answer::Text("de kleine prins!".into())),
            Verdict::Right
        );
        assert_eq!(
            judge(&kind, &Answer::Text("de grote prins".into())),
            Verdict::Wrong
        );
        assert_eq!(judge(&kind, &Answer::Text("  ".into())), Verdict::Wrong);
        let reviewed = TaskKind::OpenText {
            accepted: vec![],
            review: true,
        };
        assert_eq!(
            judge(&reviewed, &Answer::Text("iets".into())),
            Verdict::ToReview
        );
        let code = TaskKind::FindCode {
            code: "BOEK-42".into(),
        };
        assert_eq!(
            judge(&code, &Answer::Text("boek 42".into())),
            Verdict::Right
        );
        assert_eq!(
            judge(&code, &Answer::Text("boek 24".into())),
            Verdict::Wrong
        );
        assert_eq!(fold("Één café"), "eencafe");
    }

    #[test]
    fn numbers_order_pairs_photos_and_pages() {
        let number = TaskKind::Number {
            value: 1984.0,
            tolerance: 1.0,
        };
        assert_eq!(judge(&number, &Answer::Number(1985.0)), Verdict::Right);
        assert_eq!(judge(&number, &Answer::Number(1986.0)), Verdict::Wrong);
        assert_eq!(judge(&number, &Answer::Number(f64::NAN)), Verdict::Wrong);
        let order = TaskKind::Order {
            items: vec!["a".into(), "b".into(), "c".into()],
        };
        assert_eq!(judge(&order, &Answer::Order(vec![0, 1, 2])), Verdict::Right);
        assert_eq!(judge(&order, &Answer::Order(vec![1, 0, 2])), Verdict::Wrong);
        assert_eq!(judge(&order, &Answer::Order(vec![0, 1])), Verdict::Wrong);
        let pairs = TaskKind::MatchPairs {
            pairs: vec![
                ("Nijntje".into(), "Dick Bruna".into()),
                ("Dolfje".into(), "Paul van Loon".into()),
            ],
        };
        assert_eq!(judge(&pairs, &Answer::Pairs(vec![0, 1])), Verdict::Right);
        assert_eq!(judge(&pairs, &Answer::Pairs(vec![1, 0])), Verdict::Wrong);
        assert_eq!(judge(&pairs, &Answer::Pairs(vec![0, 9])), Verdict::Wrong);
        assert_eq!(
            judge(&TaskKind::Photo, &Answer::Photo("/x.jpg".into())),
            Verdict::ToReview
        );
        assert_eq!(judge(&TaskKind::Info, &Answer::Read), Verdict::Right);
    }

    #[test]
    fn points_less_the_hint_and_nothing_late_or_wrong() {
        let t = task(TaskKind::Info);
        assert_eq!(score(&t, Verdict::Right, false, true), 10);
        assert_eq!(score(&t, Verdict::Right, true, true), 7);
        assert_eq!(score(&t, Verdict::Right, false, false), 0);
        assert_eq!(score(&t, Verdict::Wrong, false, true), 0);
        assert_eq!(score(&t, Verdict::ToReview, false, true), 0);
        let dear = Task {
            hint: Some(Hint {
                text: "".into(),
                cost: 50,
            }),
            ..t.clone()
        };
        assert_eq!(
            score(&dear, Verdict::Right, true, true),
            0,
            "never below zero"
        );
        assert!(in_time(&t, 60));
        assert!(!in_time(&t, 61));
        let open = Task {
            time_limit_secs: None,
            ..t
        };
        assert!(in_time(&open, u64::MAX));
    }
}
