//! Limits on the public, anonymous writes (Culture Matcher's interactions and
//! after-show answers, Bieblo's kiosk usage), so a script cannot inflate the counts,
//! push real answers out or starve staff writes of the database.
//!
//! - A token bucket per client address, in memory only. The address itself is not
//!   kept: buckets are found by a keyed hash whose key is drawn anew at every start.
//! - Per client address and day, at most [`WORDS_PER_ADDRESS_PER_DAY`] after-show
//!   answers with own words; further answers still count, without their words, so a
//!   flood from one address never evicts older real answers.
//! - Daily caps per show and kind of count, and per library, live in the queries
//!   (`db::culture_insight`, `db::bieblo`): a count stops growing at its cap.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

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
/// Buckets kept before full ones are dropped.
const MAX_BUCKETS: usize = 100_000;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

#[derive(Debug, Default)]
pub struct PublicWrites {
    key: RandomState,
    buckets: Mutex<HashMap<u64, Bucket>>,
    /// (day, address hash) -> answers with words that day.
    words: Mutex<HashMap<(String, u64), u32>>,
}

impl PublicWrites {
    fn slot(&self, address: Option<IpAddr>) -> u64 {
        self.key.hash_one(address)
    }

    /// Takes one token of `address`'s bucket, or says how long until there is one.
    pub fn take(&self, address: Option<IpAddr>, now: Instant) -> Result<(), Duration> {
        let slot = self.slot(address);
        let Ok(mut buckets) = self.buckets.lock() else {
            return Err(Duration::from_secs(1));
        };
        if buckets.len() >= MAX_BUCKETS {
            buckets.retain(|_, b| refilled(*b, now) < BURST);
        }
        let bucket = buckets.entry(slot).or_insert(Bucket {
            tokens: BURST,
            at: now,
        });
        let tokens = refilled(*bucket, now);
        if tokens >= 1.0 {
            *bucket = Bucket {
                tokens: tokens - 1.0,
                at: now,
            };
            Ok(())
        } else {
            *bucket = Bucket { tokens, at: now };
            Err(Duration::from_secs_f64((1.0 - tokens) / PER_SECOND))
        }
    }

    /// Whether an answer with own words from `address` on `day` may keep its words.
    pub fn words_allowed(&self, address: Option<IpAddr>, day: &str) -> bool {
        let slot = self.slot(address);
        let Ok(mut words) = self.words.lock() else {
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
}

fn refilled(bucket: Bucket, now: Instant) -> f64 {
    let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
    (bucket.tokens + elapsed * PER_SECOND).min(BURST)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    #[test]
    fn a_burst_is_cut_at_the_bucket_and_refills_over_time() {
        let limits = PublicWrites::default();
        let t0 = Instant::now();
        let taken = (0..2_000)
            .filter(|_| limits.take(ip("6.6.6.6"), t0).is_ok())
            .count();
        assert_eq!(taken, BURST as usize);
        let wait = limits.take(ip("6.6.6.6"), t0).expect_err("empty");
        assert!(wait > Duration::ZERO && wait <= Duration::from_secs(1));
        // Another address has its own bucket.
        assert!(limits.take(ip("81.1.1.1"), t0).is_ok());
        // Ten seconds later, fifty more.
        let later = t0 + Duration::from_secs(10);
        let again = (0..100)
            .filter(|_| limits.take(ip("6.6.6.6"), later).is_ok())
            .count();
        assert_eq!(again, (10.0 * PER_SECOND) as usize);
    }

    #[test]
    fn own_words_are_capped_per_address_and_day() {
        let limits = PublicWrites::default();
        for _ in 0..WORDS_PER_ADDRESS_PER_DAY {
            assert!(limits.words_allowed(ip("6.6.6.6"), "2026-12-04"));
        }
        assert!(!limits.words_allowed(ip("6.6.6.6"), "2026-12-04"));
        assert!(limits.words_allowed(ip("81.1.1.1"), "2026-12-04"));
        assert!(limits.words_allowed(ip("6.6.6.6"), "2026-12-05"));
    }

    #[test]
    fn addresses_are_not_kept() {
        let limits = PublicWrites::default();
        assert!(limits.take(ip("81.82.83.84"), Instant::now()).is_ok());
        assert!(limits.words_allowed(ip("81.82.83.84"), "2026-12-04"));
        let kept = format!("{:?}", limits);
        assert!(!kept.contains("81.82.83.84"), "{kept}");
    }
}
