//! The API's JSON shapes of a team's device, read and written through the browser's
//! JSON (`suite_ui::json`), so the bundle carries no `serde_json`: the state, a join, an
//! opened task, a judged answer, and the answers a device keeps until they arrive.

use suite_domain::bibster::api::{
    Joined, Message, PlayState, SessionInfo, TaskOpened, TeamAnswer, TeamMode,
};
use suite_domain::bibster::game::{Branch, Chapter, Door, DoorEnd, Spot, Variant};
use suite_domain::bibster::task::{Answer, Verdict};
use suite_domain::bibster::team::{TeamGame, TeamTask, TeamTaskKind};
use suite_ui::json::{self, array, boolean, get, list, object, present, string, whole};
use wasm_bindgen::JsValue;

use crate::rules::Pending;

const MAX_INT: f64 = 9.0e15;

fn int(v: &JsValue, key: &str) -> Option<i64> {
    whole(v, key, -MAX_INT, MAX_INT).map(|n| n as i64)
}

fn count(v: &JsValue, key: &str) -> Option<u32> {
    whole(v, key, 0.0, f64::from(u32::MAX)).map(|n| n as u32)
}

fn strings(v: &JsValue, key: &str) -> Vec<String> {
    list(v, key, JsValue::as_string)
}

pub(crate) fn session_info(v: &JsValue) -> Option<SessionInfo> {
    Some(SessionInfo {
        code: string(v, "code")?,
        title: string(v, "title")?,
        teams_mode: match string(v, "teams_mode")?.as_str() {
            "premade" => TeamMode::Premade,
            _ => TeamMode::Join,
        },
    })
}

pub(crate) fn joined(v: &JsValue) -> Option<Joined> {
    Some(Joined {
        session: string(v, "session")?,
        team: int(v, "team")?,
        name: string(v, "name")?,
        token: string(v, "token")?,
    })
}

pub(crate) fn team_answer(v: &JsValue) -> Option<TeamAnswer> {
    Some(TeamAnswer {
        task: string(v, "task")?,
        verdict: match string(v, "verdict")?.as_str() {
            "right" => Verdict::Right,
            "to_review" => Verdict::ToReview,
            _ => Verdict::Wrong,
        },
        points: count(v, "points").unwrap_or(0),
        chosen: count(v, "chosen"),
    })
}

pub(crate) fn task_opened(v: &JsValue) -> Option<TaskOpened> {
    Some(TaskOpened {
        task: string(v, "task")?,
        opened_ms: int(v, "opened_ms")?,
        hint: string(v, "hint"),
    })
}

fn task_kind(v: &JsValue) -> Option<TeamTaskKind> {
    Some(match string(v, "type")?.as_str() {
        "multiple_choice" => TeamTaskKind::MultipleChoice {
            options: strings(v, "options"),
            several: boolean(v, "several").unwrap_or(false),
        },
        "open_text" => TeamTaskKind::OpenText,
        "number" => TeamTaskKind::Number,
        "order" => TeamTaskKind::Order {
            items: strings(v, "items"),
        },
        "match_pairs" => TeamTaskKind::MatchPairs {
            left: strings(v, "left"),
            right: strings(v, "right"),
        },
        "photo" => TeamTaskKind::Photo,
        "find_code" => TeamTaskKind::FindCode,
        "info" => TeamTaskKind::Info,
        _ => return None,
    })
}

fn task(v: &JsValue) -> Option<TeamTask> {
    Some(TeamTask {
        id: string(v, "id")?,
        prompt: string(v, "prompt").unwrap_or_default(),
        kind: task_kind(v)?,
        points: count(v, "points").unwrap_or(0),
        time_limit_secs: count(v, "time_limit_secs"),
        hint_cost: count(v, "hint_cost"),
        image: string(v, "image"),
    })
}

fn chapter(v: &JsValue) -> Option<Chapter> {
    Some(Chapter {
        id: string(v, "id")?,
        text: string(v, "text").unwrap_or_default(),
        tasks: strings(v, "tasks"),
        branch: present(v, "branch").and_then(|b| {
            Some(Branch {
                task: string(&b, "task")?,
                to: strings(&b, "to"),
            })
        }),
        next: string(v, "next"),
        image: string(v, "image"),
    })
}

fn spot(v: &JsValue) -> Option<Spot> {
    Some(Spot {
        task: string(v, "task")?,
        board: count(v, "board").unwrap_or(0) as usize,
        x: get(v, "x").as_f64()?,
        y: get(v, "y").as_f64()?,
        after: strings(v, "after"),
    })
}

fn door_end(v: &JsValue) -> Option<DoorEnd> {
    Some(DoorEnd {
        board: count(v, "board")? as usize,
        x: get(v, "x").as_f64()?,
        y: get(v, "y").as_f64()?,
    })
}

fn door(v: &JsValue) -> Option<Door> {
    let ends = list(v, "ends", door_end);
    Some(Door {
        label: string(v, "label").unwrap_or_default(),
        ends: [*ends.first()?, *ends.get(1)?],
    })
}

fn game(v: &JsValue) -> Option<TeamGame> {
    Some(TeamGame {
        title: string(v, "title")?,
        variant: match string(v, "variant")?.as_str() {
            "quest" => Variant::Quest,
            _ => Variant::Story,
        },
        tasks: list(v, "tasks", task),
        chapters: list(v, "chapters", chapter),
        boards: strings(v, "boards"),
        spots: list(v, "spots", spot),
        doors: list(v, "doors", door),
    })
}

pub(crate) fn play_state(v: &JsValue) -> Option<PlayState> {
    Some(PlayState {
        session: string(v, "session")?,
        team: int(v, "team")?,
        name: string(v, "name")?,
        game: game(&get(v, "game"))?,
        score: count(v, "score").unwrap_or(0),
        answers: list(v, "answers", team_answer),
        opened: list(v, "opened", task_opened),
        messages: list(v, "messages", |m| {
            Some(Message {
                text: string(m, "text")?,
                sent_at: string(m, "sent_at").unwrap_or_default(),
            })
        }),
        now_ms: int(v, "now_ms")?,
        ended: boolean(v, "ended").unwrap_or(false),
    })
}

fn indexes(values: &[usize]) -> JsValue {
    array(values.iter().map(|&i| JsValue::from_f64(i as f64)))
}

/// An answer as the API reads it (`{"type": "choices", "value": [0]}`).
pub(crate) fn answer_to_js(answer: &Answer) -> JsValue {
    let (kind, value) = match answer {
        Answer::Choices(c) => ("choices", indexes(c)),
        Answer::Text(t) => ("text", JsValue::from_str(t)),
        Answer::Number(n) => ("number", JsValue::from_f64(*n)),
        Answer::Order(o) => ("order", indexes(o)),
        Answer::Pairs(p) => ("pairs", indexes(p)),
        Answer::Photo(p) => ("photo", JsValue::from_str(p)),
        Answer::Read => return object(&[("type", JsValue::from_str("read"))]),
    };
    object(&[("type", JsValue::from_str(kind)), ("value", value)])
}

fn index_list(v: &JsValue) -> Option<Vec<usize>> {
    json::all(&object(&[("v", v.clone())]), "v", |i| {
        let n = i.as_f64()?;
        (n.fract() == 0.0 && (0.0..1e6).contains(&n)).then_some(n as usize)
    })
}

pub(crate) fn answer_from_js(v: &JsValue) -> Option<Answer> {
    let value = get(v, "value");
    Some(match string(v, "type")?.as_str() {
        "choices" => Answer::Choices(index_list(&value)?),
        "text" => Answer::Text(value.as_string()?),
        "number" => Answer::Number(value.as_f64()?),
        "order" => Answer::Order(index_list(&value)?),
        "pairs" => Answer::Pairs(index_list(&value)?),
        "photo" => Answer::Photo(value.as_string()?),
        "read" => Answer::Read,
        _ => return None,
    })
}

/// The queue of answers waiting to be sent, as kept in the device's storage.
pub(crate) fn pending_to_text(queue: &[Pending]) -> String {
    let items = queue.iter().map(|p| {
        object(&[
            ("task", JsValue::from_str(&p.task)),
            ("answer", answer_to_js(&p.answer)),
        ])
    });
    json::stringify(&array(items)).unwrap_or_else(|| "[]".into())
}

pub(crate) fn pending_from_text(text: &str) -> Vec<Pending> {
    let Some(v) = json::parse(text) else {
        return Vec::new();
    };
    list(&object(&[("q", v)]), "q", |item| {
        Some(Pending {
            task: string(item, "task")?,
            answer: answer_from_js(&get(item, "answer"))?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn every_answer_survives_the_devices_storage() {
        let queue = vec![
            Pending {
                task: "a".into(),
                answer: Answer::Choices(vec![1, 0]),
            },
            Pending {
                task: "b".into(),
                answer: Answer::Text("Kuifje".into()),
            },
            Pending {
                task: "c".into(),
                answer: Answer::Number(3.5),
            },
            Pending {
                task: "d".into(),
                answer: Answer::Order(vec![2, 0, 1]),
            },
            Pending {
                task: "e".into(),
                answer: Answer::Pairs(vec![1, 0]),
            },
            Pending {
                task: "f".into(),
                answer: Answer::Read,
            },
        ];
        let text = pending_to_text(&queue);
        assert!(
            text.contains(r#"{"type":"choices","value":[1,0]}"#),
            "{text}"
        );
        assert!(text.contains(r#"{"type":"read"}"#), "{text}");
        assert_eq!(pending_from_text(&text), queue);
        assert_eq!(pending_from_text("kapot"), vec![]);
    }

    #[wasm_bindgen_test]
    fn a_state_is_read_with_its_game_answers_and_clock() {
        let text = r#"{"session":"AB3K79","team":4,"name":"De Uilen","score":15,
            "game":{"title":"Verhaal","variant":"story",
              "tasks":[{"id":"spoor","prompt":"Waar?","type":"multiple_choice","options":["a","b"],
                        "several":false,"points":5,"time_limit_secs":90,"hint_cost":3},
                       {"id":"x","prompt":"?","type":"teleport","points":1},
                       {"id":"paren","prompt":"Koppel","type":"match_pairs","left":["l1","l2"],"right":["r2","r1"],"points":2}],
              "chapters":[{"id":"start","text":"Hallo","tasks":["spoor"],"branch":{"task":"spoor","to":["a","b"]},
                           "image":"/data/bibster/w/pictures/a.png"}],
              "spots":[{"task":"paren","x":0.5,"y":0.25,"after":["spoor"]}],"boards":["/p.svg","/q.svg"],
              "doors":[{"label":"Trap","ends":[{"board":0,"x":0.9,"y":0.1},{"board":1,"x":0.1,"y":0.1}]},
                       {"label":"kapot","ends":[{"board":0,"x":0.9,"y":0.1}]}]},
            "answers":[{"task":"spoor","verdict":"right","points":5,"chosen":1}],
            "opened":[{"task":"spoor","opened_ms":1700000000000,"hint":"Kijk bij K"}],
            "messages":[{"text":"Nog 5 minuten!","sent_at":"2026-12-05T10:00:00Z"}],
            "now_ms":1700000005000,"ended":false}"#;
        let state = json::parse(text)
            .and_then(|v| play_state(&v))
            .expect("reads");
        assert_eq!(state.team, 4);
        assert_eq!(state.score, 15);
        assert_eq!(state.game.tasks.len(), 2, "an unknown kind is left out");
        assert_eq!(state.game.tasks[0].time_limit_secs, Some(90));
        assert_eq!(state.game.tasks[0].hint_cost, Some(3));
        assert_eq!(
            state.game.tasks[1].kind,
            TeamTaskKind::MatchPairs {
                left: vec!["l1".into(), "l2".into()],
                right: vec!["r2".into(), "r1".into()]
            }
        );
        assert_eq!(
            state.game.chapters[0].branch.as_ref().map(|b| b.to.len()),
            Some(2)
        );
        assert_eq!(state.game.spots[0].after, vec!["spoor".to_string()]);
        assert_eq!(
            state.game.chapters[0].image.as_deref(),
            Some("/data/bibster/w/pictures/a.png")
        );
        assert_eq!(state.game.doors.len(), 1, "a door with one end is left out");
        assert_eq!(state.game.doors[0].label, "Trap");
        assert_eq!(state.game.doors[0].ends[1].board, 1);
        assert_eq!(state.answers[0].chosen, Some(1));
        assert_eq!(state.opened[0].hint.as_deref(), Some("Kijk bij K"));
        assert_eq!(state.messages[0].text, "Nog 5 minuten!");
        assert_eq!(state.now_ms, 1_700_000_005_000);
        assert!(json::parse("{}").and_then(|v| play_state(&v)).is_none());
    }
}
