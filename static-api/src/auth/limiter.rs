//! Login rate limit: after a few failed attempts for one email (or from one address)
//! further attempts are refused for a while, even with the right password.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed attempts allowed per email within [`WINDOW`].
const MAX_FAILURES_PER_EMAIL: u32 = 5;
/// Failed attempts allowed per client address within [`WINDOW`].
const MAX_FAILURES_PER_ADDRESS: u32 = 20;
const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Default)]
pub struct LoginLimiter {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl LoginLimiter {
    fn keys(email: &str, address: Option<&str>) -> Vec<(String, u32)> {
        let mut keys = vec![(format!("email:{email}"), MAX_FAILURES_PER_EMAIL)];
        if let Some(addr) = address {
            keys.push((format!("addr:{addr}"), MAX_FAILURES_PER_ADDRESS));
        }
        keys
    }

    /// Whether a login for `email` from `address` may be tried now.
    pub fn allowed(&self, email: &str, address: Option<&str>, now: Instant) -> bool {
        let Ok(map) = self.failures.lock() else {
            return false;
        };
        Self::keys(email, address)
            .iter()
            .all(|(key, max)| match map.get(key) {
                Some((count, since)) if now.duration_since(*since) < WINDOW => count < max,
                _ => true,
            })
    }

    pub fn record_failure(&self, email: &str, address: Option<&str>, now: Instant) {
        let Ok(mut map) = self.failures.lock() else {
            return;
        };
        // Keep the map from growing without bound under a spray of emails.
        if map.len() > 10_000 {
            map.retain(|_, (_, since)| now.duration_since(*since) < WINDOW);
        }
        for (key, _) in Self::keys(email, address) {
            let entry = map.entry(key).or_insert((0, now));
            if now.duration_since(entry.1) >= WINDOW {
                *entry = (0, now);
            }
            entry.0 += 1;
        }
    }

    /// A successful login clears the email's failures (not the address's).
    pub fn record_success(&self, email: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(&format!("email:{email}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_five_failures_per_email_until_the_window_passes() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for _ in 0..MAX_FAILURES_PER_EMAIL {
            assert!(limiter.allowed("a@b.be", Some("1.2.3.4"), t0));
            limiter.record_failure("a@b.be", Some("1.2.3.4"), t0);
        }
        assert!(!limiter.allowed("a@b.be", Some("5.6.7.8"), t0));
        assert!(limiter.allowed("other@b.be", Some("1.2.3.4"), t0));
        assert!(limiter.allowed("a@b.be", None, t0 + WINDOW));
    }

    #[test]
    fn blocks_an_address_spraying_many_emails() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for i in 0..MAX_FAILURES_PER_ADDRESS {
            limiter.record_failure(&format!("u{i}@b.be"), Some("9.9.9.9"), t0);
        }
        assert!(!limiter.allowed("fresh@b.be", Some("9.9.9.9"), t0));
        assert!(limiter.allowed("fresh@b.be", Some("8.8.8.8"), t0));
    }

    #[test]
    fn success_clears_the_email() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for _ in 0..MAX_FAILURES_PER_EMAIL {
            limiter.record_failure("a@b.be", None, t0);
        }
        limiter.record_success("a@b.be");
        assert!(limiter.allowed("a@b.be", None, t0));
    }
}
