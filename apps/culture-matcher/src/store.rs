//! What stays in this browser, and only here: what a young person said about themselves
//! (age band, home town, distance, budget: [`About`]), saved shows, the chats already answered,
//! the shows hearted (for better tips next time) and those crossed lately (they stay out
//! of the next swipes for [`CROSS_PAUSE_SECS`]). No account, no name, no device id;
//! the server only ever gets anonymous counts.
//!
//! localStorage may be missing or full (private browsing): then nothing is remembered
//! and the app still works.

use suite_domain::culture::about::About;
use wasm_bindgen::JsValue;

use suite_ui::json;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Reads a string.
pub(crate) fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Writes a string; a failure is not worth bothering anyone with.
pub(crate) fn save(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

/// What the young person said about themselves ("Over jou"), for every centre; `None`
/// when they were never asked (a skip stores an empty answer, so they are not asked
/// again after every swipe).
pub(crate) fn load_about() -> Option<About> {
    load(ABOUT_KEY).map(|text| About::from_stored(&text))
}

pub(crate) fn save_about(about: &About) {
    save(ABOUT_KEY, &about.to_stored());
}

const ABOUT_KEY: &str = "culture.about";

/// A saved show, with what the after-show chat needs even when the show has left the
/// programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SavedShow {
    pub(crate) id: String,
    /// The title (Dutch) when it was saved.
    pub(crate) title: String,
    /// The performance that was next when it was saved (Unix seconds); the chat opens
    /// after it. `None` for shows without a date (always open).
    pub(crate) start: Option<i64>,
}

/// How long after the start of a performance the chat about it opens.
pub(crate) const CHAT_AFTER_SECS: i64 = 2 * 60 * 60;

impl SavedShow {
    /// Whether the performance is over at `now`, so the chat may ask how it was.
    pub(crate) fn is_past(&self, now: i64) -> bool {
        self.start
            .is_some_and(|start| now >= start + CHAT_AFTER_SECS)
    }
}

/// Everything the browser keeps for one centre.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Kept {
    /// Saved shows, newest first.
    pub(crate) saved: Vec<SavedShow>,
    /// Shows whose chat was answered or declined: it does not come back.
    pub(crate) chats_done: Vec<String>,
    /// Shows hearted in swipes, newest first.
    pub(crate) hearts: Vec<String>,
    /// Shows crossed in swipes with when (Unix seconds), newest first.
    pub(crate) crossed: Vec<Crossed>,
}

/// A show crossed in a swipe, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Crossed {
    pub(crate) id: String,
    pub(crate) at: i64,
}

/// How long a crossed show stays out of the swipe: two weeks.
pub(crate) const CROSS_PAUSE_SECS: i64 = 14 * 24 * 60 * 60;
/// Most hearts and crosses remembered (the oldest go).
pub(crate) const MAX_SWIPES_KEPT: usize = 100;

/// Most saved shows kept (the oldest go).
pub(crate) const MAX_SAVED: usize = 100;
/// Most finished chats remembered.
pub(crate) const MAX_CHATS_DONE: usize = 200;

impl Kept {
    fn key(centre: &str) -> String {
        format!("culture.kept.{centre}")
    }

    /// What this browser kept for `centre` (nothing when unreadable).
    pub(crate) fn read(centre: &str) -> Kept {
        load(&Self::key(centre))
            .and_then(|text| json::parse(&text))
            .map(|v| Kept::from_js(&v))
            .unwrap_or_default()
    }

    pub(crate) fn write(&self, centre: &str) {
        if let Some(text) = json::stringify(&self.to_js()) {
            save(&Self::key(centre), &text);
        }
    }

    fn to_js(&self) -> JsValue {
        let saved = self.saved.iter().map(|s| {
            let start = s
                .start
                .map_or(JsValue::NULL, |t| JsValue::from_f64(t as f64));
            json::object(&[
                ("id", s.id.as_str().into()),
                ("title", s.title.as_str().into()),
                ("start", start),
            ])
        });
        json::object(&[
            ("saved", json::array(saved)),
            ("chats_done", json::strings(&self.chats_done)),
            ("hearts", json::strings(&self.hearts)),
            (
                "crossed",
                json::array(self.crossed.iter().map(|c| {
                    json::object(&[
                        ("id", c.id.as_str().into()),
                        ("at", JsValue::from_f64(c.at as f64)),
                    ])
                })),
            ),
        ])
    }

    fn from_js(v: &JsValue) -> Kept {
        let strings = |key| json::list(v, key, JsValue::as_string);
        Kept {
            saved: json::list(v, "saved", |s| {
                Some(SavedShow {
                    id: json::string(s, "id")?,
                    title: json::string(s, "title")?,
                    start: json::whole(s, "start", -9.0e15, 9.0e15).map(|t| t as i64),
                })
            }),
            chats_done: strings("chats_done"),
            hearts: strings("hearts"),
            crossed: json::list(v, "crossed", |c| {
                Some(Crossed {
                    id: json::string(c, "id")?,
                    at: json::whole(c, "at", -9.0e15, 9.0e15)? as i64,
                })
            }),
        }
    }

    pub(crate) fn is_saved(&self, id: &str) -> bool {
        self.saved.iter().any(|s| s.id == id)
    }

    /// Saves `show`, or takes it away when it was saved; answers whether it is saved now.
    pub(crate) fn toggle(&mut self, show: SavedShow) -> bool {
        if let Some(at) = self.saved.iter().position(|s| s.id == show.id) {
            self.saved.remove(at);
            false
        } else {
            self.saved.insert(0, show);
            self.saved.truncate(MAX_SAVED);
            true
        }
    }

    /// Saved shows whose chat is due at `now`, oldest performance first.
    pub(crate) fn chats_due(&self, now: i64) -> Vec<SavedShow> {
        let mut due: Vec<SavedShow> = Vec::new();
        for saved in self
            .saved
            .iter()
            .filter(|s| s.is_past(now) && !self.chats_done.contains(&s.id))
        {
            crate::present::insert_sorted(&mut due, saved.clone(), false, |s| s.start);
        }
        due
    }

    /// Remembers a finished swipe at `now`: hearts and crosses newest first; a show
    /// hearted now is no longer crossed, and the other way round.
    pub(crate) fn swiped(&mut self, hearts: &[String], crosses: &[String], now: i64) {
        self.hearts
            .retain(|h| !hearts.contains(h) && !crosses.contains(h));
        self.crossed
            .retain(|c| !hearts.contains(&c.id) && !crosses.contains(&c.id));
        for (i, id) in hearts.iter().enumerate() {
            self.hearts.insert(i, id.clone());
        }
        for (i, id) in crosses.iter().enumerate() {
            self.crossed.insert(
                i,
                Crossed {
                    id: id.clone(),
                    at: now,
                },
            );
        }
        self.hearts.truncate(MAX_SWIPES_KEPT);
        self.crossed.truncate(MAX_SWIPES_KEPT);
    }

    /// The shows crossed less than [`CROSS_PAUSE_SECS`] before `now`: they stay out of
    /// the swipe.
    pub(crate) fn crossed_lately(&self, now: i64) -> Vec<String> {
        self.crossed
            .iter()
            .filter(|c| now - c.at < CROSS_PAUSE_SECS)
            .map(|c| c.id.clone())
            .collect()
    }

    /// The chat about `id` is over (answered or declined).
    pub(crate) fn finish_chat(&mut self, id: &str) {
        if !self.chats_done.iter().any(|d| d == id) {
            self.chats_done.insert(0, id.to_string());
            self.chats_done.truncate(MAX_CHATS_DONE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn saved(id: &str, start: Option<i64>) -> SavedShow {
        SavedShow {
            id: id.into(),
            title: format!("Titel {id}"),
            start,
        }
    }

    #[wasm_bindgen_test]
    fn toggling_saves_and_unsaves_newest_first() {
        let mut kept = Kept::default();
        assert!(kept.toggle(saved("a", Some(10))));
        assert!(kept.toggle(saved("b", None)));
        assert_eq!(kept.saved[0].id, "b");
        assert!(kept.is_saved("a"));
        assert!(!kept.toggle(saved("a", Some(10))));
        assert!(!kept.is_saved("a"));
        for i in 0..MAX_SAVED + 3 {
            kept.toggle(saved(&i.to_string(), None));
        }
        assert_eq!(kept.saved.len(), MAX_SAVED);
    }

    #[wasm_bindgen_test]
    fn chats_are_due_after_the_show_and_only_once() {
        let mut kept = Kept::default();
        kept.toggle(saved("later", Some(1_000_000)));
        kept.toggle(saved("done", Some(100)));
        kept.toggle(saved("undated", None));
        kept.toggle(saved("first", Some(50)));
        let now = 100 + CHAT_AFTER_SECS;
        let due: Vec<_> = kept.chats_due(now).into_iter().map(|s| s.id).collect();
        assert_eq!(due, ["first", "done"]);
        assert!(kept.chats_due(100).is_empty(), "not during the show");
        kept.finish_chat("done");
        kept.finish_chat("done");
        assert_eq!(kept.chats_done, ["done"]);
        let due: Vec<_> = kept.chats_due(now).into_iter().map(|s| s.id).collect();
        assert_eq!(due, ["first"]);
    }

    #[wasm_bindgen_test]
    fn swipes_are_remembered_and_crosses_pause_for_two_weeks() {
        let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut kept = Kept::default();
        kept.swiped(&ids(&["a", "b"]), &ids(&["c", "d"]), 1_000);
        kept.swiped(&ids(&["c"]), &ids(&["a", "e"]), 2_000);
        assert_eq!(kept.hearts, ["c", "b"], "a crossed later, c hearted later");
        let crossed: Vec<_> = kept.crossed.iter().map(|c| (c.id.as_str(), c.at)).collect();
        assert_eq!(crossed, [("a", 2_000), ("e", 2_000), ("d", 1_000)]);
        assert_eq!(kept.crossed_lately(2_000), ["a", "e", "d"]);
        assert_eq!(
            kept.crossed_lately(1_000 + CROSS_PAUSE_SECS),
            ["a", "e"],
            "d crossed two weeks ago comes back"
        );
        kept.write("test-swipes");
        assert_eq!(Kept::read("test-swipes"), kept);
        for i in 0..MAX_SWIPES_KEPT + 5 {
            kept.swiped(&[format!("h{i}")], &[format!("x{i}")], 3_000);
        }
        assert_eq!(kept.hearts.len(), MAX_SWIPES_KEPT);
        assert_eq!(kept.crossed.len(), MAX_SWIPES_KEPT);
    }

    #[wasm_bindgen_test]
    fn unreadable_storage_gives_the_default() {
        save("culture.kept.test-broken", "{not json");
        assert_eq!(Kept::read("test-broken"), Kept::default());
        let mut kept = Kept::default();
        kept.toggle(saved("x", Some(1)));
        kept.write("test-ok");
        assert_eq!(Kept::read("test-ok"), kept);
    }
}
