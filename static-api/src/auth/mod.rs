//! Staff authentication: argon2id password hashes, server-side sessions in an
//! HttpOnly `__Host-` cookie, a CSRF token per session and a login rate limit; the
//! e-reader's members (card and PIN) in `member`, with sessions of their own.

pub mod limiter;
pub mod member;
mod password;
mod session;

pub use limiter::{Attempt, FREE_FAILURES, LoginLimiter, MAX_FAILURES_PER_ADDRESS};
pub use password::{GATE_WAIT, PasswordGate, check_strength, hash_password, verify_password};
pub use session::{
    CSRF_HEADER, CurrentStaff, SESSION_COOKIE, SESSION_IDLE_SECONDS, SESSION_SECONDS, clear_cookie,
    cookie_token, describe_device, hex, new_token, now_ms, now_unix, session_cookie,
    token_from_headers, token_hash,
};
