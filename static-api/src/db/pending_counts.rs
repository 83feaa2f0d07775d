//! Culture Matcher's anonymous interaction counts, added up in memory and written
//! together: one upsert per show, day and kind of interaction every [`FLUSH_EVERY`],
//! instead of one write per phone's report (a hop to the database and a transaction
//! each, the most frequent write of the suite).
//!
//! - Every read of the counts through this process writes what is pending first, so
//!   this process reads its own reports at once; another instance's reports reach the
//!   database within [`FLUSH_EVERY`].
//! - The server writes what is pending when it stops ([`crate::serve_with`]). A crash
//!   loses at most the last [`FLUSH_EVERY`] of anonymous counts, never anything else.
//! - A write that fails keeps its counts pending for the next one.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use suite_domain::culture::insight::Interaction;

use super::Db;

/// How often the server writes the pending counts.
pub const FLUSH_EVERY: Duration = Duration::from_millis(250);

/// One count: a centre's show, a day (`YYYY-MM-DD`) and a kind of interaction.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    centre: String,
    show: String,
    day: String,
    interaction: Interaction,
}

/// What is added up and not yet written.
#[derive(Debug, Default)]
pub(super) struct PendingCounts {
    /// Per count: how many to add, and the day's cap it may not pass.
    added: Mutex<HashMap<Key, (i64, i64)>>,
    /// Held while writing, so a read that writes first waits for a write under way.
    writing: tokio::sync::Mutex<()>,
}

impl PendingCounts {
    fn add(&self, key: Key, n: i64, cap: i64) {
        if let Ok(mut added) = self.added.lock() {
            let entry = added.entry(key).or_insert((0, cap));
            entry.0 = entry.0.saturating_add(n).min(cap);
        }
    }

    fn take(&self) -> HashMap<Key, (i64, i64)> {
        self.added
            .lock()
            .map(|mut added| std::mem::take(&mut *added))
            .unwrap_or_default()
    }
}

impl Db {
    /// Counts one interaction with `show` on `day`, written within [`FLUSH_EVERY`]; the
    /// day's count stops at `cap`.
    pub fn count_culture_interaction(
        &self,
        centre: &str,
        show: &str,
        day: &str,
        interaction: Interaction,
        cap: i64,
    ) {
        let key = Key {
            centre: centre.to_string(),
            show: show.to_string(),
            day: day.to_string(),
            interaction,
        };
        self.pending.add(key, 1, cap);
    }

    /// Writes the pending counts in one transaction; how many counts (rows) it wrote.
    /// On failure they stay pending.
    pub async fn write_pending_counts(&self) -> Result<usize, sqlx::Error> {
        let _writing = self.pending.writing.lock().await;
        let added = self.pending.take();
        if added.is_empty() {
            return Ok(0);
        }
        let written = async {
            let mut tx = self.begin_write().await?;
            for (key, (n, cap)) in &added {
                super::culture_insight::add_interactions(
                    &mut tx,
                    (&key.centre, &key.show, &key.day, key.interaction),
                    *n,
                    *cap,
                )
                .await?;
            }
            tx.commit().await
        }
        .await;
        match written {
            Ok(()) => Ok(added.len()),
            Err(e) => {
                for (key, (n, cap)) in added {
                    self.pending.add(key, n, cap);
                }
                Err(e)
            }
        }
    }
}

/// Writes the pending counts of `db` every [`FLUSH_EVERY`] until the task is dropped.
pub fn spawn_writer(db: Db) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(FLUSH_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            if let Err(e) = db.write_pending_counts().await {
                tracing::error!(
                    "cannot write the pending interaction counts (kept for the next try): {e}"
                );
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(show: &str) -> Key {
        Key {
            centre: "nova".into(),
            show: show.into(),
            day: "2026-12-05".into(),
            interaction: Interaction::Shown,
        }
    }

    #[test]
    fn counts_add_up_to_their_cap_and_are_taken_once() {
        let pending = PendingCounts::default();
        for _ in 0..5 {
            pending.add(key("a"), 1, 3);
        }
        pending.add(key("b"), 1, 3);
        let taken = pending.take();
        assert_eq!(taken.get(&key("a")), Some(&(3, 3)));
        assert_eq!(taken.get(&key("b")), Some(&(1, 3)));
        assert!(pending.take().is_empty());
    }
}
