//! Limits on the public, anonymous writes (Culture Matcher's interactions and
//! after-show answers, Bieblo's kiosk usage), so a script cannot inflate the counts,
//! push real answers out or starve staff writes of the database.
//!
//! - A token bucket per client address. The address itself is not kept: buckets are
//!   found by a keyed hash (in memory: a key drawn anew at every start; shared: a key in
//!   the database, hashed with the day, so slots change daily).
//! - Per client address and day, at most [`WORDS_PER_ADDRESS_PER_DAY`] after-show
//!   answers with own words; further answers still count, without their words, so a
//!   flood from one address never evicts older real answers.
//! - Daily caps per show and kind of count, and per library, live in the queries
//!   (`db::culture_insight`, `db::bieblo`): a count stops growing at its cap.
//!
//! The rule ([`take_token`]) is one; the buckets live in this process's memory on
//! SQLite (one process) and in the database on PostgreSQL, where several instances must
//! share them (`db::public_writes`).

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Duration;

use crate::db::{Backend, Db};

/// Requests one address may burst.
pub const BURST: f64 = 300.0;
/// Requests per second an address regains (a class of thirty behind one school
/// address, each swiping, stays well under it).
pub const PER_SECOND: f64 = 5.0;
/// After-show answers with own words kept per address and day.
pub const WORDS_PER_ADDRESS_PER_DAY: u32 = 5;
/// Largest count of one kind for one show on one day.
pub const DAILY_CAP_PER_SHOW: i64 = 1_000;
/// Most kiosk visits counted per library per day.
pub const DAILY_CAP_PER_LIBRARY: i64 = 5_000;
/// Buckets kept in memory before full ones are dropped.
const MAX_BUCKETS: usize = 100_000;

/// One address's bucket: its tokens when last used, and when (ms since the epoch).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bucket {
    pub tokens: f64,
    pub at_ms: i64,
}

fn refilled(bucket: Bucket, now_ms: i64) -> f64 {
    let elapsed = u64::try_from(now_ms - bucket.at_ms).unwrap_or(0) as f64 / 1000.0;
    (bucket.tokens + elapsed * PER_SECOND).min(BURST)
}

/// The rule: takes one token of `bucket` (a new address has a full one) at `now_ms`;
/// the bucket to keep, and `Err(wait)` when there was no token.
pub fn take_token(bucket: Option<Bucket>, now_ms: i64) -> (Bucket, Result<(), Duration>) {
    let tokens = bucket.map_or(BURST, |b| refilled(b, now_ms));
    if tokens >= 1.0 {
        (
            Bucket {
                tokens: tokens - 1.0,
                at_ms: now_ms,
            },
            Ok(()),
        )
    } else {
        (
            Bucket {
                tokens,
                at_ms: now_ms,
            },
            Err(Duration::from_secs_f64((1.0 - tokens) / PER_SECOND)),
        )
    }
}

/// The buckets and word counts of one process.
#[derive(Debug, Default)]
pub struct MemoryWrites {
    key: RandomState,
    buckets: Mutex<HashMap<u64, Bucket>>,
    /// (day, address hash) -> answers with words that day.
    words: Mutex<HashMap<(String, u64), u32>>,
}

/// The limits of one server: the rule over a store (see the module).
#[derive(Debug)]
pub enum PublicWrites {
    Memory(MemoryWrites),
    Shared {
        db: Db,
        /// The secret the slots are hashed with, read once from the database.
        key: tokio::sync::OnceCell<String>,
    },
}

/// A day number (days since the Unix epoch) of `now_ms`: slots change with it.
fn day_of(now_ms: i64) -> String {
    (now_ms / 86_400_000).to_string()
}

/// The slot of `address` on `day` among the shared buckets.
async fn shared_slot(
    db: &Db,
    key: &tokio::sync::OnceCell<String>,
    address: Option<IpAddr>,
    day: &str,
) -> Result<String, sqlx::Error> {
    let key = key.get_or_try_init(|| db.public_write_key()).await?;
    let address = address.map_or_else(|| "-".to_string(), |a| a.to_string());
    Ok(crate::auth::token_hash(&format!("{key}|{day}|{address}")))
}

impl Default for PublicWrites {
    fn default() -> Self {
        Self::Memory(MemoryWrites::default())
    }
}

impl PublicWrites {
    /// The limits for `db`: in memory on SQLite, in the database on PostgreSQL.
    pub fn for_db(db: &Db) -> Self {
        match db.backend() {
            Backend::Sqlite => Self::default(),
            Backend::Postgres => Self::Shared {
                db: db.clone(),
                key: tokio::sync::OnceCell::new(),
            },
        }
    }

    /// Takes one token of `address`'s bucket, or says how long until there is one. A
    /// store that cannot be reached refuses for a second (fails closed).
    pub async fn take(&self, address: Option<IpAddr>, now_ms: i64) -> Result<(), Duration> {
        match self {
            Self::Memory(m) => {
                let slot = m.key.hash_one(address);
                let Ok(mut buckets) = m.buckets.lock() else {
                    return Err(Duration::from_secs(1));
                };
                if buckets.len() >= MAX_BUCKETS {
                    buckets.retain(|_, b| refilled(*b, now_ms) < BURST);
                }
                let (bucket, taken) = take_token(buckets.get(&slot).copied(), now_ms);
                buckets.insert(slot, bucket);
                taken
            }
            Self::Shared { db, key } => match async {
                let slot = shared_slot(db, key, address, &day_of(now_ms)).await?;
                db.public_write_take(&slot, now_ms).await
            }
            .await
            {
                Ok(taken) => taken,
                Err(e) => {
                    tracing::error!("public write limits cannot be read ({e}); refusing");
                    Err(Duration::from_secs(1))
                }
            },
        }
    }

    /// Whether an answer with own words from `address` on `day` may keep its words.
    pub async fn words_allowed(&self, address: Option<IpAddr>, day: &str) -> bool {
        match self {
            Self::Memory(m) => {
                let slot = m.key.hash_one(address);
                let Ok(mut words) = m.words.lock() else {
                    return false;
                };
                // Only today's entries are ever needed.
                words.retain(|(d, _), _| d == day);
                let count = words.entry((day.to_string(), slot)).or_insert(0);
                if *count >= WORDS_PER_ADDRESS_PER_DAY {
                    return false;
                }
                *count += 1;
                true
            }
            Self::Shared { db, key } => async {
                let slot = shared_slot(db, key, address, day).await?;
                db.public_words_allowed(&slot, day).await
            }
            .await
            .unwrap_or_else(|e: sqlx::Error| {
                tracing::error!("public word limits cannot be read ({e}); words left out");
                false
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    fn block_on<T>(future: impl std::future::Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime")
            .block_on(future)
    }

    const T0: i64 = 1_800_000_000_000;

    #[test]
    fn a_burst_is_cut_at_the_bucket_and_refills_over_time() {
        let limits = PublicWrites::default();
        let take = |address: &str, now: i64| block_on(limits.take(ip(address), now));
        let taken = (0..2_000).filter(|_| take("6.6.6.6", T0).is_ok()).count();
        assert_eq!(taken, BURST as usize);
        let wait = take("6.6.6.6", T0).expect_err("empty");
        assert!(wait > Duration::ZERO && wait <= Duration::from_secs(1));
        // Another address has its own bucket.
        assert!(take("81.1.1.1", T0).is_ok());
        // Ten seconds later, fifty more.
        let later = T0 + 10_000;
        let again = (0..100).filter(|_| take("6.6.6.6", later).is_ok()).count();
        assert_eq!(again, (10.0 * PER_SECOND) as usize);
    }

    #[test]
    fn own_words_are_capped_per_address_and_day() {
        let limits = PublicWrites::default();
        let allowed = |address: &str, day: &str| block_on(limits.words_allowed(ip(address), day));
        for _ in 0..WORDS_PER_ADDRESS_PER_DAY {
            assert!(allowed("6.6.6.6", "2026-12-04"));
        }
        assert!(!allowed("6.6.6.6", "2026-12-04"));
        assert!(allowed("81.1.1.1", "2026-12-04"));
        assert!(allowed("6.6.6.6", "2026-12-05"));
    }

    #[test]
    fn addresses_are_not_kept() {
        let limits = PublicWrites::default();
        assert!(block_on(limits.take(ip("81.82.83.84"), T0)).is_ok());
        assert!(block_on(
            limits.words_allowed(ip("81.82.83.84"), "2026-12-04")
        ));
        let kept = format!("{:?}", limits);
        assert!(!kept.contains("81.82.83.84"), "{kept}");
    }
}
