//! A short memory of read results that many requests ask for again within a second: a
//! staff member's session, a centre's shows. It saves a database round trip (on SQLite a
//! hop to the connection's thread and back) and the decoding of the rows.
//!
//! How fresh an answer is:
//! - A write through this process forgets what it may change ([`Recent::forget_all`]),
//!   so this process reads its own writes at once; a read that began before such a write
//!   is not kept ([`Recent::put`] with the generation it began under).
//! - A write through another process (another instance on PostgreSQL, or the command
//!   line on the same SQLite file) is seen here within [`TTL`] at the latest. That is the
//!   one delay this memory adds: ending a session or disabling an account through one
//!   instance ends its use on every other instance within a second.
//!
//! Only found things are kept: an unknown token is asked of the database every time, so
//! guessing tokens cannot fill the memory.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a read result is used without asking the database again.
pub(super) const TTL: Duration = Duration::from_secs(1);

/// Read results by key, each used for at most [`TTL`].
#[derive(Debug)]
pub(super) struct Recent<V> {
    most: usize,
    inner: Mutex<Inner<V>>,
}

#[derive(Debug)]
struct Inner<V> {
    /// Moves on with every forget; a result read under an older one is not kept.
    generation: u64,
    entries: HashMap<String, (Instant, V)>,
}

impl<V: Clone> Recent<V> {
    /// A memory of at most `most` results.
    pub(super) fn new(most: usize) -> Self {
        Self {
            most,
            inner: Mutex::new(Inner {
                generation: 0,
                entries: HashMap::new(),
            }),
        }
    }

    /// The result kept for `key` if it was read less than [`TTL`] before `now`.
    pub(super) fn get(&self, key: &str, now: Instant) -> Option<V> {
        let inner = self.inner.lock().ok()?;
        let (read_at, value) = inner.entries.get(key)?;
        (now.saturating_duration_since(*read_at) < TTL).then(|| value.clone())
    }

    /// The generation to pass to [`Self::put`]: take it before reading the database.
    pub(super) fn generation(&self) -> u64 {
        self.inner.lock().map_or(u64::MAX, |inner| inner.generation)
    }

    /// Keeps `value`, read at `read_at` under `generation`, unless something was forgotten
    /// since (the value may then be older than that write).
    pub(super) fn put(&self, key: &str, value: V, generation: u64, read_at: Instant) {
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        if inner.generation != generation {
            return;
        }
        if inner.entries.len() >= self.most && !inner.entries.contains_key(key) {
            inner
                .entries
                .retain(|_, (at, _)| read_at.saturating_duration_since(*at) < TTL);
            if inner.entries.len() >= self.most {
                inner.entries.clear();
            }
        }
        inner.entries.insert(key.to_string(), (read_at, value));
    }

    /// Forgets everything: a write may have changed any of it.
    pub(super) fn forget_all(&self) {
        if let Ok(mut inner) = self.inner.lock() {
            inner.generation = inner.generation.wrapping_add(1);
            inner.entries.clear();
        }
    }
}

/// The read results a [`super::Db`] keeps.
#[derive(Debug)]
pub(super) struct Caches {
    /// Live sessions with their staff member, by token hash.
    pub(super) sessions: Recent<super::sessions::KeptSession>,
    /// Every show of a centre, by centre id.
    pub(super) shows: Recent<std::sync::Arc<Vec<super::culture::StoredShow>>>,
    /// Whether an app is switched on for an organisation, by `kind/id/app`.
    pub(super) apps: Recent<bool>,
}

impl Default for Caches {
    fn default() -> Self {
        Self {
            sessions: Recent::new(10_000),
            shows: Recent::new(1_000),
            apps: Recent::new(10_000),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_is_used_for_one_ttl() {
        let recent = Recent::new(8);
        let t0 = Instant::now();
        let generation = recent.generation();
        recent.put("a", 1, generation, t0);
        assert_eq!(recent.get("a", t0), Some(1));
        assert_eq!(recent.get("a", t0 + TTL / 2), Some(1));
        assert_eq!(recent.get("a", t0 + TTL), None);
        assert_eq!(recent.get("b", t0), None);
    }

    #[test]
    fn a_forget_drops_everything_and_a_read_begun_before_it() {
        let recent = Recent::new(8);
        let t0 = Instant::now();
        recent.put("a", 1, recent.generation(), t0);
        let before_write = recent.generation();
        recent.forget_all();
        assert_eq!(recent.get("a", t0), None);
        // A read that began before the write may hold the old value: not kept.
        recent.put("a", 1, before_write, t0);
        assert_eq!(recent.get("a", t0), None);
        recent.put("a", 2, recent.generation(), t0);
        assert_eq!(recent.get("a", t0), Some(2));
    }

    #[test]
    fn it_never_holds_more_than_its_most() {
        let recent = Recent::new(3);
        let t0 = Instant::now();
        for (i, key) in ["a", "b", "c"].into_iter().enumerate() {
            recent.put(key, i, recent.generation(), t0);
        }
        // Full of fresh entries: all go, the new one stays.
        recent.put("d", 3, recent.generation(), t0);
        assert_eq!(recent.get("d", t0), Some(3));
        assert_eq!(recent.get("a", t0), None);
        // Full again later: only the stale ones go.
        let t1 = t0 + TTL;
        recent.put("e", 4, recent.generation(), t1);
        recent.put("f", 5, recent.generation(), t1);
        recent.put("g", 6, recent.generation(), t1);
        assert_eq!(recent.get("e", t1), Some(4));
        assert_eq!(recent.get("g", t1), Some(6));
        assert_eq!(recent.inner.lock().expect("lock").entries.len(), 3);
    }
}
