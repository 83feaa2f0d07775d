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

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures per email and address before delays start.
pub const FREE_FAILURES: u32 = 5;
/// Failed attempts allowed per client address within [`WINDOW`].
pub const MAX_FAILURES_PER_ADDRESS: u32 = 20;
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// The first delay after [`FREE_FAILURES`]; it doubles with each further failure.
const FIRST_DELAY: Duration = Duration::from_secs(30);
const MAX_DELAY: Duration = Duration::from_secs(15 * 60);
/// Entries kept before old ones are dropped (memory stays bounded under a spray).
const MAX_ENTRIES: usize = 20_000;

#[derive(Debug, Clone, Copy)]
struct Entry {
    failures: u32,
    /// Start of the window (address) or time of the last attempt (email and address).
    since: Instant,
}

#[derive(Debug, Default)]
pub struct LoginLimiter {
    entries: Mutex<HashMap<String, Entry>>,
}

/// A counted attempt; tell the limiter how it went with [`LoginLimiter::succeeded`].
#[derive(Debug)]
#[must_use]
pub struct Attempt {
    pair: String,
    address: String,
}

/// The delay after `failures` failures of one email at one address.
fn delay(failures: u32) -> Duration {
    if failures < FREE_FAILURES {
        return Duration::ZERO;
    }
    let doublings = (failures - FREE_FAILURES).min(10);
    FIRST_DELAY.saturating_mul(1 << doublings).min(MAX_DELAY)
}

fn keys(email: &str, address: Option<IpAddr>) -> (String, String) {
    let address = address.map_or_else(|| "-".to_string(), |a| a.to_string());
    (format!("pair:{email}|{address}"), format!("addr:{address}"))
}

impl LoginLimiter {
    /// Counts an attempt for `email` from `address` as a failure until it is known to
    /// have succeeded; or, when it may not be tried now, how long to wait.
    pub fn begin(
        &self,
        email: &str,
        address: Option<IpAddr>,
        now: Instant,
    ) -> Result<Attempt, Duration> {
        let (pair, addr) = keys(email, address);
        let Ok(mut map) = self.entries.lock() else {
            return Err(FIRST_DELAY);
        };
        if map.len() > MAX_ENTRIES {
            map.retain(|_, e| now.duration_since(e.since) < MAX_DELAY.max(WINDOW));
        }
        let mut wait = Duration::ZERO;
        if let Some(e) = map.get(&pair) {
            let until = e.since + delay(e.failures);
            wait = wait.max(until.saturating_duration_since(now));
        }
        if let Some(e) = map.get(&addr)
            && now.duration_since(e.since) < WINDOW
            && e.failures >= MAX_FAILURES_PER_ADDRESS
        {
            wait = wait.max((e.since + WINDOW).saturating_duration_since(now));
        }
        if !wait.is_zero() {
            return Err(wait.max(Duration::from_secs(1)));
        }
        let entry = map.entry(pair.clone()).or_insert(Entry {
            failures: 0,
            since: now,
        });
        // A pair that stayed quiet for the longest delay starts afresh.
        if now.duration_since(entry.since) >= MAX_DELAY {
            entry.failures = 0;
        }
        entry.failures += 1;
        entry.since = now;
        let entry = map.entry(addr.clone()).or_insert(Entry {
            failures: 0,
            since: now,
        });
        if now.duration_since(entry.since) >= WINDOW {
            *entry = Entry {
                failures: 0,
                since: now,
            };
        }
        entry.failures += 1;
        Ok(Attempt {
            pair,
            address: addr,
        })
    }

    /// The attempt was right: the email's failures at that address are forgotten and
    /// the attempt does not count against the address.
    pub fn succeeded(&self, attempt: Attempt) {
        if let Ok(mut map) = self.entries.lock() {
            map.remove(&attempt.pair);
            if let Some(e) = map.get_mut(&attempt.address) {
                e.failures = e.failures.saturating_sub(1);
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
        let t0 = Instant::now();
        // Five attempts in flight at once, none finished: the sixth must wait.
        let pending: Vec<Attempt> = (0..FREE_FAILURES)
            .map(|_| limiter.begin("a@b.be", ip("1.2.3.4"), t0).expect("allowed"))
            .collect();
        let wait = limiter
            .begin("a@b.be", ip("1.2.3.4"), t0)
            .expect_err("sixth waits");
        assert_eq!(wait, Duration::from_secs(30));
        assert_eq!(pending.len(), 5);
    }

    #[test]
    fn another_address_is_not_locked_out() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for _ in 0..FREE_FAILURES {
            let _failed = limiter.begin("a@b.be", ip("6.6.6.6"), t0).expect("allowed");
        }
        assert!(limiter.begin("a@b.be", ip("6.6.6.6"), t0).is_err());
        let ok = limiter
            .begin("a@b.be", ip("81.1.1.1"), t0)
            .expect("the staff member's own address is not locked");
        limiter.succeeded(ok);
        // The attacker's delay runs out, then doubles with the next failure.
        let later = t0 + Duration::from_secs(31);
        let _failed = limiter
            .begin("a@b.be", ip("6.6.6.6"), later)
            .expect("after 30 s");
        assert_eq!(
            limiter.begin("a@b.be", ip("6.6.6.6"), later).err(),
            Some(Duration::from_secs(60))
        );
    }

    #[test]
    fn an_address_spraying_many_emails_is_blocked_for_the_window() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for i in 0..MAX_FAILURES_PER_ADDRESS {
            let _failed = limiter
                .begin(&format!("u{i}@b.be"), ip("9.9.9.9"), t0)
                .expect("allowed");
        }
        assert_eq!(
            limiter.begin("fresh@b.be", ip("9.9.9.9"), t0).err(),
            Some(WINDOW)
        );
        assert!(limiter.begin("fresh@b.be", ip("8.8.8.8"), t0).is_ok());
        assert!(
            limiter
                .begin("fresh@b.be", ip("9.9.9.9"), t0 + WINDOW)
                .is_ok()
        );
    }

    #[test]
    fn success_clears_the_pair_and_does_not_count_against_the_address() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for _ in 0..FREE_FAILURES - 1 {
            let _failed = limiter.begin("a@b.be", None, t0).expect("allowed");
        }
        let ok = limiter.begin("a@b.be", None, t0).expect("allowed");
        limiter.succeeded(ok);
        for _ in 0..FREE_FAILURES {
            let _failed = limiter.begin("a@b.be", None, t0).expect("a fresh start");
        }
        // 20 successful logins from one address never block it.
        let limiter = LoginLimiter::default();
        for _ in 0..3 * MAX_FAILURES_PER_ADDRESS {
            let ok = limiter.begin("a@b.be", ip("5.5.5.5"), t0).expect("allowed");
            limiter.succeeded(ok);
        }
    }
}
