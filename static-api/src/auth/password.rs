//! Password hashing with argon2id (the crate's defaults: 19 MiB, 2 passes, 1 lane,
//! as OWASP recommends), run off the async threads.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::error::AppError;

/// A hash of a password nobody has, verified when an email is unknown so that
/// a wrong email costs as much time as a wrong password.
const DUMMY_PASSWORD: &str = "not-a-real-password-for-timing";

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
}
