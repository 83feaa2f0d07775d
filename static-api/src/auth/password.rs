//! Password hashing with argon2id (the crate's defaults: 19 MiB, 2 passes, 1 lane,
//! as OWASP recommends), run off the async threads.
//!
//! Each hash takes 19 MiB while it runs, so the server runs them through a
//! [`PasswordGate`]: at most two per core at once; a request that cannot get a turn
//! within [`GATE_WAIT`] is answered 503 with `Retry-After`, and memory stays bounded
//! under a burst of logins.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::error::AppError;

/// A hash of a password nobody has, verified when an email is unknown so that
/// a wrong email costs as much time as a wrong password.
const DUMMY_PASSWORD: &str = "not-a-real-password-for-timing";

/// How long a login waits for a turn at the [`PasswordGate`] before it is answered 503.
pub const GATE_WAIT: Duration = Duration::from_secs(2);

/// Runs argon2 a few at a time and counts the verifications.
#[derive(Debug)]
pub struct PasswordGate {
    permits: tokio::sync::Semaphore,
    verifications: AtomicU64,
}

impl Default for PasswordGate {
    /// Two hashes per core at once.
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Self::new(2 * cores)
    }
}

impl PasswordGate {
    pub fn new(at_once: usize) -> Self {
        Self {
            permits: tokio::sync::Semaphore::new(at_once.max(1)),
            verifications: AtomicU64::new(0),
        }
    }

    async fn turn(&self) -> Result<tokio::sync::SemaphorePermit<'_>, AppError> {
        match tokio::time::timeout(GATE_WAIT, self.permits.acquire()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_)) | Err(_) => Err(AppError::Busy {
                retry_after: GATE_WAIT,
            }),
        }
    }

    /// [`verify_password`] in turn.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, AppError> {
        let _turn = self.turn().await?;
        self.verifications.fetch_add(1, Ordering::Relaxed);
        verify_password(password, stored).await
    }

    /// [`hash_password`] in turn.
    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        let _turn = self.turn().await?;
        hash_password(password).await
    }

    /// How many passwords were verified since the start.
    pub fn verifications(&self) -> u64 {
        self.verifications.load(Ordering::Relaxed)
    }
}

/// Hashes `password` into a PHC string.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(format!("hashing password: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(format!("hashing task: {e}")))?
}

/// Checks `password` against a stored PHC string; with `None` it verifies a dummy
/// hash and answers `false`.
pub async fn verify_password(password: String, stored: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let argon = Argon2::default();
        let Some(stored) = stored else {
            let salt = SaltString::generate(&mut OsRng);
            let _ = argon.hash_password(DUMMY_PASSWORD.as_bytes(), &salt);
            return Ok(false);
        };
        let parsed = PasswordHash::new(&stored)
            .map_err(|e| AppError::Internal(format!("stored hash unreadable: {e}")))?;
        Ok(argon.verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .map_err(|e| AppError::Internal(format!("verify task: {e}")))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_salted_and_verify() -> Result<(), AppError> {
        let a = hash_password("correct horse".into()).await?;
        let b = hash_password("correct horse".into()).await?;
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert_ne!(a, b, "salts differ");
        assert!(verify_password("correct horse".into(), Some(a.clone())).await?);
        assert!(!verify_password("correct hors".into(), Some(a)).await?);
        assert!(!verify_password("correct horse".into(), None).await?);
        Ok(())
    }

    #[tokio::test]
    async fn the_gate_answers_busy_when_no_turn_comes() {
        let gate = PasswordGate::new(1);
        let held = gate.permits.acquire().await.expect("a permit");
        let busy = gate.verify("x".into(), None).await;
        assert!(matches!(busy, Err(AppError::Busy { .. })), "{busy:?}");
        assert_eq!(gate.verifications(), 0);
        drop(held);
        assert!(!gate.verify("x".into(), None).await.expect("a turn"));
        assert_eq!(gate.verifications(), 1);
    }
}
