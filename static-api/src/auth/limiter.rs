//! Login rate limit. An attempt is counted *before* its password is verified, so a
//! burst of concurrent attempts cannot slip past the limit while the first ones are
//! still being checked.
//!
//! - Per email *and* client address: after [`FREE_FAILURES`] failures, each further
//!   attempt must wait a delay that doubles with every failure (30 s, 1 min, 2 min, …,
//!   at most 15 min). Someone at another address is not affected, so nobody can lock
//!   a staff member out by typing wrong passwords for their email.
//! - Per client address: at most [`MAX_FAILURES_PER_ADDRESS`] failures within
//!   [`WINDOW`], whatever the emails (a spray over many accounts).
//!
//! Behind a reverse proxy the client address comes from the trusted proxy's header
//! (see [`crate::net::TrustedProxies`]), never from the proxy's own address.
//!
//! The rule ([`decide`]) is one; where its counts live is the store's business: in this
//! process's memory on SQLite (one process), or in the database on PostgreSQL, where
//! several instances must see the same counts (`db::login_limits`: one transaction per
//! attempt, serialised per client address, the keys hashed). Entries stay at most
//! [`MAX_DELAY`] after their last attempt.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Duration;

use super::session::token_hash;
use crate::db::{Backend, Db};

/// Failures per email and address before delays start.
pub const FREE_FAILURES: u32 = 5;
/// Failed attempts allowed per client address within [`WINDOW`].
pub const MAX_FAILURES_PER_ADDRESS: u32 = 20;
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// The first delay after [`FREE_FAILURES`]; it doubles with each further failure.
const FIRST_DELAY: Duration = Duration::from_secs(30);
/// The longest delay, and how long an entry is kept after its last attempt.
pub const MAX_DELAY: Duration = Duration::from_secs(15 * 60);
/// Entries kept in memory before old ones are dropped (bounded under a spray).
const MAX_ENTRIES: usize = 20_000;

/// The failures counted under one key, and since when (milliseconds since the Unix
/// epoch): the start of the window (address) or the last attempt (email and address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub failures: u32,
    pub since_ms: i64,
}

/// The keys of one attempt: hashed, so neither an email nor an address is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    pub pair: String,
    pub address: String,
}

impl Keys {
    fn of(email: &str, address: Option<IpAddr>) -> Self {
        let address = address.map_or_else(|| "-".to_string(), |a| a.to_string());
        Self {
            pair: token_hash(&format!("pair:{email}|{address}")),
            address: token_hash(&format!("addr:{address}")),
        }
    }
}

/// A counted attempt; tell the limiter how it went with [`LoginLimiter::succeeded`].
#[derive(Debug)]
#[must_use]
pub struct Attempt {
    keys: Keys,
}

/// The delay after `failures` failures of one email at one address.
fn delay(failures: u32) -> Duration {
    if failures < FREE_FAILURES {
        return Duration::ZERO;
    }
    let doublings = (failures - FREE_FAILURES).min(10);
    FIRST_DELAY.saturating_mul(1 << doublings).min(MAX_DELAY)
}

fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

fn duration_ms(ms: i64) -> Duration {
    Duration::from_millis(u64::try_from(ms).unwrap_or(0))
}

/// The rule: whether an attempt may be tried at `now_ms`, given the stored entries of
/// its email-and-address pair and of its address; if so, the entries to store (the
/// attempt counted as a failure until it succeeds); if not, how long to wait.
pub fn decide(
    pair: Option<Entry>,
    address: Option<Entry>,
    now_ms: i64,
) -> Result<(Entry, Entry), Duration> {
    let mut wait = Duration::ZERO;
    if let Some(e) = pair {
        wait = wait.max(duration_ms(e.since_ms + ms(delay(e.failures)) - now_ms));
    }
    if let Some(e) = address
        && now_ms - e.since_ms < ms(WINDOW)
        && e.failures >= MAX_FAILURES_PER_ADDRESS
    {
        wait = wait.max(duration_ms(e.since_ms + ms(WINDOW) - now_ms));
    }
    if !wait.is_zero() {
        return Err(wait.max(Duration::from_secs(1)));
    }
    // A pair that stayed quiet for the longest delay starts afresh.
    let pair_failures = pair
        .filter(|e| now_ms - e.since_ms < ms(MAX_DELAY))
        .map_or(0, |e| e.failures);
    let pair = Entry {
        failures: pair_failures + 1,
        since_ms: now_ms,
    };
    let address = match address {
        Some(e) if now_ms - e.since_ms < ms(WINDOW) => Entry {
            failures: e.failures + 1,
            ..e
        },
        _ => Entry {
            failures: 1,
            since_ms: now_ms,
        },
    };
    Ok((pair, address))
}

/// The limiter of one server: the rule over a store (see the module).
#[derive(Debug)]
pub enum LoginLimiter {
    /// One process: the entries in memory.
    Memory(Mutex<HashMap<String, Entry>>),
    /// Several instances: the entries in the database.
    Shared(Db),
}

impl Default for LoginLimiter {
    fn default() -> Self {
        Self::Memory(Mutex::default())
    }
}

impl LoginLimiter {
    /// The limiter for `db`: in memory on SQLite, in the database on PostgreSQL.
    pub fn for_db(db: &Db) -> Self {
        match db.backend() {
            Backend::Sqlite => Self::default(),
            Backend::Postgres => Self::Shared(db.clone()),
        }
    }

    /// Counts an attempt for `email` from `address` at `now_ms` as a failure until it is
    /// known to have succeeded; or, when it may not be tried now, how long to wait. A
    /// store that cannot be reached refuses the attempt for a while (fails closed).
    pub async fn begin(
        &self,
        email: &str,
        address: Option<IpAddr>,
        now_ms: i64,
    ) -> Result<Attempt, Duration> {
        let keys = Keys::of(email, address);
        match self {
            Self::Memory(entries) => {
                let Ok(mut map) = entries.lock() else {
                    return Err(FIRST_DELAY);
                };
                if map.len() > MAX_ENTRIES {
                    map.retain(|_, e| now_ms - e.since_ms < ms(MAX_DELAY.max(WINDOW)));
                }
                let (pair, address) = decide(
                    map.get(&keys.pair).copied(),
                    map.get(&keys.address).copied(),
                    now_ms,
                )?;
                map.insert(keys.pair.clone(), pair);
                map.insert(keys.address.clone(), address);
            }
            Self::Shared(db) => match db.login_limit_begin(&keys, now_ms).await {
                Ok(decided) => decided?,
                Err(e) => {
                    tracing::error!("login limits cannot be read ({e}); refusing the attempt");
                    return Err(FIRST_DELAY);
                }
            },
        }
        Ok(Attempt { keys })
    }

    /// The attempt was right: the email's failures at that address are forgotten and
    /// the attempt does not count against the address.
    pub async fn succeeded(&self, attempt: Attempt) {
        match self {
            Self::Memory(entries) => {
                if let Ok(mut map) = entries.lock() {
                    map.remove(&attempt.keys.pair);
                    if let Some(e) = map.get_mut(&attempt.keys.address) {
                        e.failures = e.failures.saturating_sub(1);
                    }
                }
            }
            Self::Shared(db) => {
                if let Err(e) = db.login_limit_succeeded(&attempt.keys).await {
                    tracing::warn!("cannot clear the login limit of a right login: {e}");
                }
            }
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

    fn limiter_begin(
        limiter: &LoginLimiter,
        email: &str,
        address: Option<IpAddr>,
        now_ms: i64,
    ) -> Result<Attempt, Duration> {
        block_on(limiter.begin(email, address, now_ms))
    }

    fn limiter_succeeded(limiter: &LoginLimiter, attempt: Attempt) {
        block_on(limiter.succeeded(attempt));
    }

    #[test]
    fn keys_keep_neither_the_email_nor_the_address() {
        let keys = Keys::of("jan@bib.be", ip("81.82.83.84"));
        for kept in [&keys.pair, &keys.address] {
            assert_eq!(kept.len(), 64);
            assert!(!kept.contains("jan") && !kept.contains("81.82"), "{kept}");
        }
        assert_ne!(keys, Keys::of("jan@bib.be", ip("81.82.83.85")));
        assert_eq!(
            keys.address,
            Keys::of("piet@bib.be", ip("81.82.83.84")).address
        );
    }

    #[test]
    fn delays_grow_after_five_failures_and_are_capped() {
        assert_eq!(delay(4), Duration::ZERO);
        assert_eq!(delay(5), Duration::from_secs(30));
        assert_eq!(delay(6), Duration::from_secs(60));
        assert_eq!(delay(8), Duration::from_secs(240));
        assert_eq!(delay(40), MAX_DELAY);
    }

    #[test]
    fn attempts_are_counted_before_they_are_verified() {
        let limiter = LoginLimiter::default();
        let t0: i64 = 1_800_000_000_000;
        // Five attempts in flight at once, none finished: the sixth must wait.
        let pending: Vec<Attempt> = (0..FREE_FAILURES)
            .map(|_| limiter_begin(&limiter, "a@b.be", ip("1.2.3.4"), t0).expect("allowed"))
            .collect();
        let wait = limiter_begin(&limiter, "a@b.be", ip("1.2.3.4"), t0).expect_err("sixth waits");
        assert_eq!(wait, Duration::from_secs(30));
        assert_eq!(pending.len(), 5);
    }

    #[test]
    fn another_address_is_not_locked_out() {
        let limiter = LoginLimiter::default();
        let t0: i64 = 1_800_000_000_000;
        for _ in 0..FREE_FAILURES {
            let _failed = limiter_begin(&limiter, "a@b.be", ip("6.6.6.6"), t0).expect("allowed");
        }
        assert!(limiter_begin(&limiter, "a@b.be", ip("6.6.6.6"), t0).is_err());
        let ok = limiter_begin(&limiter, "a@b.be", ip("81.1.1.1"), t0)
            .expect("the staff member's own address is not locked");
        limiter_succeeded(&limiter, ok);
        // The attacker's delay runs out, then doubles with the next failure.
        let later = t0 + 31_000;
        let _failed = limiter_begin(&limiter, "a@b.be", ip("6.6.6.6"), later).expect("after 30 s");
        assert_eq!(
            limiter_begin(&limiter, "a@b.be", ip("6.6.6.6"), later).err(),
            Some(Duration::from_secs(60))
        );
    }

    #[test]
    fn an_address_spraying_many_emails_is_blocked_for_the_window() {
        let limiter = LoginLimiter::default();
        let t0: i64 = 1_800_000_000_000;
        for i in 0..MAX_FAILURES_PER_ADDRESS {
            let _failed =
                limiter_begin(&limiter, &format!("u{i}@b.be"), ip("9.9.9.9"), t0).expect("allowed");
        }
        assert_eq!(
            limiter_begin(&limiter, "fresh@b.be", ip("9.9.9.9"), t0).err(),
            Some(WINDOW)
        );
        assert!(limiter_begin(&limiter, "fresh@b.be", ip("8.8.8.8"), t0).is_ok());
        assert!(limiter_begin(&limiter, "fresh@b.be", ip("9.9.9.9"), t0 + ms(WINDOW)).is_ok());
    }

    #[test]
    fn success_clears_the_pair_and_does_not_count_against_the_address() {
        let limiter = LoginLimiter::default();
        let t0: i64 = 1_800_000_000_000;
        for _ in 0..FREE_FAILURES - 1 {
            let _failed = limiter_begin(&limiter, "a@b.be", None, t0).expect("allowed");
        }
        let ok = limiter_begin(&limiter, "a@b.be", None, t0).expect("allowed");
        limiter_succeeded(&limiter, ok);
        for _ in 0..FREE_FAILURES {
            let _failed = limiter_begin(&limiter, "a@b.be", None, t0).expect("a fresh start");
        }
        // 20 successful logins from one address never block it.
        let limiter = LoginLimiter::default();
        for _ in 0..3 * MAX_FAILURES_PER_ADDRESS {
            let ok = limiter_begin(&limiter, "a@b.be", ip("5.5.5.5"), t0).expect("allowed");
            limiter_succeeded(&limiter, ok);
        }
    }
}
