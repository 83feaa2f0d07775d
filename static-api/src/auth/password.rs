//! Password hashing with argon2id (the crate's defaults: 19 MiB, 2 passes, 1 lane,
//! as OWASP recommends), run off the async threads.
//!
//! Each hash takes 19 MiB while it runs, so the server runs them through a
//! [`PasswordGate`]: at most two per core at once; a request that cannot get a turn
//! within [`GATE_WAIT`] is answered 503 with `Retry-After`, and memory stays bounded
//! under a burst of logins.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use suite_domain::i18n::Msg;
use suite_domain::validation::{FieldError, check_new_password};

use crate::error::AppError;

/// A hash of a password nobody has, verified when an email is unknown so that
/// a wrong email costs as much time as a wrong password.
const DUMMY_PASSWORD: &str = "not-a-real-password-for-timing";

/// How long a login waits for a turn at the [`PasswordGate`] before it is answered 503.
pub const GATE_WAIT: Duration = Duration::from_secs(2);

/// Runs argon2 a few at a time, on threads of its own, and counts the verifications.
///
/// Each of the `at_once` threads keeps one 19 MiB working memory and reuses it for
/// every hash. Measured with the crate's own allocation per hash: each verification
/// left 19 MiB resident (12 wrong logins in a row: 97 → 331 MiB), since the allocator
/// did not hand the freed, 64-byte-aligned blocks back or reuse them; with the reused
/// memory the server holds at most `at_once` × 19 MiB for passwords, however many come.
#[derive(Debug)]
pub struct PasswordGate {
    permits: tokio::sync::Semaphore,
    verifications: AtomicU64,
    jobs: std::sync::Mutex<std::sync::mpsc::Sender<Job>>,
}

type Job = Box<dyn FnOnce() + Send>;

impl Default for PasswordGate {
    /// Two hashes per core at once.
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Self::new(2 * cores)
    }
}

impl PasswordGate {
    pub fn new(at_once: usize) -> Self {
        let at_once = at_once.max(1);
        let (sender, receiver) = std::sync::mpsc::channel::<Job>();
        let receiver = std::sync::Arc::new(std::sync::Mutex::new(receiver));
        for i in 0..at_once {
            let receiver = std::sync::Arc::clone(&receiver);
            let spawned = std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || {
                    loop {
                        let job = match receiver.lock() {
                            Ok(jobs) => jobs.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            // The gate is gone: so is the thread.
                            Err(_) => return,
                        }
                    }
                });
            if let Err(e) = spawned {
                tracing::error!("cannot start a password thread: {e}");
            }
        }
        Self {
            permits: tokio::sync::Semaphore::new(at_once),
            verifications: AtomicU64::new(0),
            jobs: std::sync::Mutex::new(sender),
        }
    }

    /// Runs `work` on one of the gate's threads.
    async fn on_own_thread<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let (done, result) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = done.send(work());
        });
        self.jobs
            .lock()
            .map_err(|_| AppError::Internal("password threads poisoned".into()))?
            .send(job)
            .map_err(|_| AppError::Internal("no password thread".into()))?;
        result
            .await
            .map_err(|_| AppError::Internal("a password thread stopped".into()))
    }

    async fn turn(&self) -> Result<tokio::sync::SemaphorePermit<'_>, AppError> {
        match tokio::time::timeout(GATE_WAIT, self.permits.acquire()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_)) | Err(_) => Err(AppError::Busy {
                retry_after: GATE_WAIT,
            }),
        }
    }

    /// [`verify_password`] in turn, on the gate's threads.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, AppError> {
        let _turn = self.turn().await?;
        self.verifications.fetch_add(1, Ordering::Relaxed);
        self.on_own_thread(move || reusing::verify(&password, stored.as_deref()))
            .await?
    }

    /// [`hash_password`] in turn, on the gate's threads.
    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        let _turn = self.turn().await?;
        self.on_own_thread(move || reusing::hash(&password)).await?
    }

    /// How many passwords were verified since the start.
    pub fn verifications(&self) -> u64 {
        self.verifications.load(Ordering::Relaxed)
    }
}

/// Hashing and verifying with one working memory per thread, kept for the next hash
/// (only on the gate's few threads: elsewhere the memory would stay with any thread).
mod reusing {
    use std::cell::RefCell;

    use argon2::password_hash::rand_core::OsRng;
    use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
    use argon2::{Algorithm, Argon2, Block, Params, Version};

    use crate::error::AppError;

    thread_local! {
        static MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
    }

    fn internal(what: &'static str) -> impl Fn(argon2::password_hash::Error) -> AppError {
        move |e| AppError::Internal(format!("{what}: {e}"))
    }

    /// argon2 of `password` and `salt` into `out`, in this thread's working memory.
    fn fill(
        argon: &Argon2<'_>,
        password: &[u8],
        salt: &[u8],
        out: &mut [u8],
    ) -> argon2::Result<()> {
        MEMORY.with(|memory| {
            let mut memory = memory.borrow_mut();
            let needed = argon.params().block_count();
            if memory.len() < needed {
                memory.resize(needed, Block::default());
            }
            argon.hash_password_into_with_memory(password, salt, out, &mut memory[..needed])
        })
    }

    fn compute<'a>(
        argon: &Argon2<'_>,
        password: &str,
        salt: argon2::password_hash::Salt<'a>,
        len: usize,
    ) -> argon2::password_hash::Result<Output> {
        let mut salt_bytes = [0_u8; 64];
        let salt_bytes = salt.decode_b64(&mut salt_bytes)?;
        Output::init_with(len, |out| {
            Ok(fill(argon, password.as_bytes(), salt_bytes, out)?)
        })
    }

    /// A new argon2id PHC string of `password` (the crate's default parameters).
    pub(super) fn hash(password: &str) -> Result<String, AppError> {
        let argon = Argon2::default();
        let salt = SaltString::generate(&mut OsRng);
        let len = argon
            .params()
            .output_len()
            .unwrap_or(Params::DEFAULT_OUTPUT_LEN);
        let output = compute(&argon, password, salt.as_salt(), len).map_err(internal("hashing"))?;
        let phc = PasswordHash {
            algorithm: Algorithm::Argon2id.ident(),
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(argon.params()).map_err(internal("hashing"))?,
            salt: Some(salt.as_salt()),
            hash: Some(output),
        };
        Ok(phc.to_string())
    }

    /// Whether `password` matches the stored PHC string (compared in constant time);
    /// with `None`, a dummy hash of the same cost and `false`.
    pub(super) fn verify(password: &str, stored: Option<&str>) -> Result<bool, AppError> {
        let Some(stored) = stored else {
            hash(super::DUMMY_PASSWORD)?;
            return Ok(false);
        };
        let parsed = PasswordHash::new(stored).map_err(internal("stored hash unreadable"))?;
        let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
            return Err(AppError::Internal(
                "stored hash has no salt or output".into(),
            ));
        };
        let algorithm = Algorithm::try_from(parsed.algorithm).map_err(internal("stored hash"))?;
        let version = parsed
            .version
            .map(Version::try_from)
            .transpose()
            .map_err(|e| AppError::Internal(format!("stored hash: {e}")))?
            .unwrap_or_default();
        let params = Params::try_from(&parsed).map_err(internal("stored hash"))?;
        let argon = Argon2::new(algorithm, version, params);
        let computed =
            compute(&argon, password, salt, expected.len()).map_err(internal("verifying"))?;
        // `Output`'s equality is constant-time.
        Ok(computed == expected)
    }
}

/// One password thread for the hashes outside a server's gate (the command line, the
/// demo seed, tests), with its one working memory.
static SHARED: std::sync::LazyLock<PasswordGate> =
    std::sync::LazyLock::new(|| PasswordGate::new(1));

/// Hashes `password` into a PHC string (off the async threads; for the command line and
/// the demo seed; the server's handlers go through their [`PasswordGate`]).
pub async fn hash_password(password: String) -> Result<String, AppError> {
    SHARED
        .on_own_thread(move || reusing::hash(&password))
        .await?
}

/// Checks `password` against a stored PHC string; with `None` it verifies a dummy
/// hash and answers `false`.
pub async fn verify_password(password: String, stored: Option<String>) -> Result<bool, AppError> {
    SHARED
        .on_own_thread(move || reusing::verify(&password, stored.as_deref()))
        .await?
}

/// The fewest guesses (log10, zxcvbn's estimate) a new password needs: 10^8, what 8
/// random characters give, so a password of the minimum length can still be taken.
/// zxcvbn's scores 0 to 2 ("too guessable" to "somewhat guessable") fall below it;
/// `Welkom123!` and `Gent1234` are estimated at 10^6.
const MIN_GUESSES_LOG10: f64 = 8.0;

/// A new password: long enough, not too long ([`check_new_password`]), and not easy to
/// guess, also from `personal` (the person's email and name, the organisation's name),
/// which zxcvbn counts as known words.
pub fn check_strength(password: &str, personal: &[&str]) -> Result<(), FieldError> {
    check_new_password(password)?;
    let mut inputs: Vec<&str> = personal.to_vec();
    // Words of this service anyone would try first.
    inputs.extend([
        "bibliotheek",
        "bib",
        "cultuurcentrum",
        "cultuur",
        "wachtwoord",
        "welkom",
        "bieblo",
        "bibster",
        "cultuurmatcher",
        "theater",
        "vlaanderen",
    ]);
    let split: Vec<String> = personal
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect();
    inputs.extend(split.iter().map(String::as_str));
    // Names run together (`annpeeters`), and an email's name before the `@`.
    let joined: Vec<String> = personal
        .iter()
        .flat_map(|p| [*p, p.split('@').next().unwrap_or_default()])
        .map(|p| {
            p.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| w.chars().count() >= 3)
        .collect();
    inputs.extend(joined.iter().map(String::as_str));
    // The first 100 characters decide (zxcvbn's matching grows with the square of the
    // length; a password that long is out of any guesser's reach already).
    let head: String = password.chars().take(100).collect();
    if zxcvbn::zxcvbn(&head, &inputs).guesses_log10() < MIN_GUESSES_LOG10 {
        return Err(FieldError::new("password", Msg::ErrPasswordTooEasy));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::Argon2;
    use argon2::password_hash::rand_core::OsRng;
    use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

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
    async fn the_gate_hashes_and_verifies_like_the_crate() -> Result<(), AppError> {
        let gate = PasswordGate::new(2);
        // A hash made by the crate verifies through the gate's own code, and back.
        let by_crate = Argon2::default()
            .hash_password(b"correct horse", &SaltString::generate(&mut OsRng))
            .map_err(|e| AppError::Internal(e.to_string()))?
            .to_string();
        assert!(
            gate.verify("correct horse".into(), Some(by_crate.clone()))
                .await?
        );
        assert!(!gate.verify("correct hors".into(), Some(by_crate)).await?);
        let by_gate = gate.hash("battery staple".into()).await?;
        assert!(
            by_gate.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{by_gate}"
        );
        let parsed = PasswordHash::new(&by_gate).map_err(|e| AppError::Internal(e.to_string()))?;
        assert!(
            Argon2::default()
                .verify_password(b"battery staple", &parsed)
                .is_ok()
        );
        assert!(
            Argon2::default()
                .verify_password(b"battery stapl", &parsed)
                .is_err()
        );
        assert!(gate.verify("battery staple".into(), Some(by_gate)).await?);
        assert!(!gate.verify("x".into(), None).await?);
        assert!(
            gate.verify("x".into(), Some("not a hash".into()))
                .await
                .is_err()
        );
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

    #[test]
    fn easy_passwords_are_refused_and_long_unrelated_words_taken() {
        for easy in [
            "wachtwoord",
            "Welkom123!",
            "password1",
            "azertyuiop",
            "12345678",
            "annpeeters2026",
            "bibliotheek2026",
            "Gent1234",
            "acht8888",
        ] {
            assert!(
                check_strength(easy, &["ann.peeters@bib.example", "Ann Peeters"]).is_err(),
                "{easy}"
            );
        }
        for fine in [
            "paars-kanon-wolk-zeven",
            "Lieve zeemeeuw eet frieten",
            "x7#Qm2!vR9@kLp",
        ] {
            assert_eq!(
                check_strength(fine, &["ann@bib.example", "Ann"]),
                Ok(()),
                "{fine}"
            );
        }
        let long: String = "é".repeat(300);
        assert!(check_strength(&long, &[]).is_err(), "too long");
    }
}
