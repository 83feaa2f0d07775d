//! What the device keeps in its storage, so a reload (or a crashed tab) continues where
//! the team was: the team it joined as, and the answers not yet confirmed by the server.

use suite_domain::bibster::api::Joined;
use suite_ui::json::{self, object, string};
use wasm_bindgen::JsValue;
use web_sys::Storage;

use crate::codec;
use crate::rules::Pending;

const TEAM_KEY: &str = "bibster.team";
const PENDING_KEY: &str = "bibster.pending";
const SCANNED_KEY: &str = "bibster.scanned";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

fn save(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

/// The team this device joined as.
pub(crate) fn team() -> Option<Joined> {
    let v = json::parse(&load(TEAM_KEY)?)?;
    Some(Joined {
        session: string(&v, "session")?,
        team: json::whole(&v, "team", -9.0e15, 9.0e15)? as i64,
        name: string(&v, "name")?,
        token: string(&v, "token")?,
    })
}

pub(crate) fn set_team(joined: &Joined) {
    let v = object(&[
        ("session", JsValue::from_str(&joined.session)),
        ("team", JsValue::from_f64(joined.team as f64)),
        ("name", JsValue::from_str(&joined.name)),
        ("token", JsValue::from_str(&joined.token)),
    ]);
    if let Some(text) = json::stringify(&v) {
        save(TEAM_KEY, &text);
    }
}

/// Forgets the team and its waiting answers (a new game on this device).
pub(crate) fn leave() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(TEAM_KEY);
        let _ = storage.remove_item(PENDING_KEY);
    }
}

/// The answers waiting to be sent, oldest first.
pub(crate) fn pending() -> Vec<Pending> {
    load(PENDING_KEY).map_or_else(Vec::new, |t| codec::pending_from_text(&t))
}

/// Keeps an answer until the server confirms it (a second answer to a task is not kept:
/// the first answer counts).
pub(crate) fn push_pending(answer: Pending) {
    let mut queue = pending();
    if queue.iter().all(|p| p.task != answer.task) {
        queue.push(answer);
        save(PENDING_KEY, &codec::pending_to_text(&queue));
    }
}

/// Takes the answer to `task` off the queue.
pub(crate) fn remove_pending(task: &str) {
    let mut queue = pending();
    queue.retain(|p| p.task != task);
    save(PENDING_KEY, &codec::pending_to_text(&queue));
}

/// Hands a scanned code from the scan page to the team app.
pub(crate) fn set_scanned(code: &str) {
    save(SCANNED_KEY, code);
}

/// The code the scan page found, taken once.
pub(crate) fn take_scanned() -> Option<String> {
    let code = load(SCANNED_KEY)?;
    if let Some(storage) = storage() {
        let _ = storage.remove_item(SCANNED_KEY);
    }
    Some(code)
}
