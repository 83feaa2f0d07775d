//! OWASP ASVS 5.0 level-2 checks against a running server (issue 10): the items that
//! apply to the suite's staff accounts, sessions, roles, CSRF defence, rate limits,
//! headers and error answers. Each check sends real HTTP requests to the server and
//! passes or fails with a line that says what it saw.
//!
//! Ids and wording follow ASVS 5.0.0 (`5.0/en` of OWASP/ASVS): V3 Web Frontend
//! Security, V4 API and Web Service, V6 Authentication, V7 Session Management, V8
//! Authorization, V11 Cryptography, V13 Configuration, V16 Security Logging and Error
//! Handling. 6.3.8 (no account enumeration) and 4.1.4 (unused methods blocked) are
//! level 3; they are here because they are cheap to check and the server meets them.
//!
//! A few checks read the server's database through its [`AppState`] (the stored
//! password hash, a session's stored lifetime, a session made to have expired); they
//! fail when the target has no state to read.

mod access;
mod frontend;
pub mod http;
mod leaks;
mod session;

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;

use serde::Serialize;
use static_api::AppState;

use crate::Result;

/// The server under test.
#[derive(Clone)]
pub struct Target {
    pub addr: SocketAddr,
    /// The in-process server's state, for the checks that read its database.
    pub state: Option<AppState>,
}

impl Target {
    pub fn of(server: &crate::TestServer) -> Target {
        Target {
            addr: server.addr,
            state: Some(server.state.clone()),
        }
    }

    fn state(&self) -> Result<&AppState> {
        self.state
            .as_ref()
            .ok_or_else(|| "needs the server's database, which this target does not share".into())
    }
}

/// A check: `Ok(detail)` passes, `Err(detail)` fails.
pub type Check = for<'a> fn(&'a Target) -> Pin<Box<dyn Future<Output = Result<String>> + 'a>>;

/// One ASVS requirement and the check that verifies it.
pub struct Item {
    pub id: &'static str,
    pub title: &'static str,
    pub check: Check,
}

/// What a check found.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub id: &'static str,
    pub title: &'static str,
    pub passed: bool,
    pub detail: String,
}

macro_rules! item {
    ($id:literal, $title:literal, $check:path) => {
        Item {
            id: $id,
            title: $title,
            check: |target| Box::pin($check(target)),
        }
    };
}

/// Every item, in the order they run. The login rate limit's check runs last: its
/// failed logins count against the address (20 in 15 minutes) for the checks after it.
#[rustfmt::skip]
pub const ITEMS: &[Item] = &[
    // V3 Web Frontend Security
    item!("3.3.1", "Session cookie is Secure, with a __Host- or __Secure- prefix", frontend::cookie_secure),
    item!("3.3.2", "Session cookie is SameSite=Strict", frontend::cookie_same_site),
    item!("3.3.3", "Session cookie has the __Host- prefix: Path=/, no Domain", frontend::cookie_host_prefix),
    item!("3.3.4", "Session cookie is HttpOnly and its token travels only in Set-Cookie", frontend::cookie_http_only),
    item!("3.4.2", "CORS: no Access-Control-Allow-Origin for a foreign origin", frontend::cors),
    item!("3.4.3", "CSP on every answer: object-src 'none', base-uri restricted, no inline scripts", frontend::csp),
    item!("3.4.4", "X-Content-Type-Options: nosniff on every answer", frontend::nosniff),
    item!("3.4.5", "Referrer-Policy on every answer", frontend::referrer_policy),
    item!("3.4.6", "CSP frame-ancestors 'none' on every answer", frontend::frame_ancestors),
    item!("3.5.1", "State-changing request without the session's CSRF token is refused", access::csrf_token),
    item!("3.5.2", "CORS-safelisted bodies (text/plain, form, none) are refused with 415", access::content_type),
    item!("3.5.3", "Cross-site state-changing requests (Origin, Sec-Fetch-Site) are refused", access::cross_site),
    // V4 API and Web Service
    item!("4.1.1", "Answers with a body carry a Content-Type that matches it", frontend::content_types),
    item!("4.1.4", "Methods the API does not support are refused", leaks::unused_methods),
    // V6 Authentication
    item!("6.2.1", "New passwords shorter than 8 characters are refused", session::min_length),
    item!("6.2.8", "Passwords are verified exactly as typed (no truncation, no case change)", session::exact_password),
    item!("6.2.9", "Passwords of 64 characters and more are permitted", session::long_passwords),
    item!("6.3.8", "Wrong password and unknown email get the same answer (no enumeration)", session::no_enumeration),
    // V7 Session Management
    item!("7.2.1", "Session tokens are verified by the server: a forged token is refused", session::forged_token),
    item!("7.2.3", "Session tokens are random, unique and at least 128 bits", session::token_entropy),
    item!("7.2.4", "Login issues a new session token and ends the session it replaces", session::new_token_on_login),
    item!("7.3.1", "Inactivity timeout: an unused session ends before the absolute lifetime", session::idle_timeout),
    item!("7.3.2", "Absolute session lifetime (8 hours) is enforced by the server", session::absolute_timeout),
    item!("7.4.1", "Logout ends the session on the server: the old cookie is refused", session::logout),
    // V8 Authorization
    item!("8.2.1", "A role without the right is refused (403)", access::role_without_right),
    item!("8.2.2", "Staff of one organisation cannot read or change another's data", access::other_org),
    item!("8.3.1", "Requests without a session are refused (401)", access::unauthenticated),
    item!("8.4.1", "Lists show only the caller's own organisation (tenant isolation)", access::own_orgs_only),
    // V11 Cryptography
    item!("11.4.2", "Passwords are stored as argon2id at OWASP's parameters", session::argon2id),
    // V13 Configuration
    item!("13.4.1", "No source-control metadata is served", leaks::no_git),
    item!("13.4.3", "No directory listings", leaks::no_listings),
    item!("13.4.4", "HTTP TRACE is not supported", leaks::no_trace),
    // V16 Security Logging and Error Handling
    item!("16.5.1", "Error answers are generic: no stack trace, query, path or parser text", leaks::generic_errors),
    // V6 again, last (see above).
    item!("6.3.1", "Login brute force is limited: 429 with Retry-After, others not locked out", session::rate_limit),
];

/// Level-2 requirements that apply to the suite but have nothing to check yet, because
/// what they ask for is not built: the bench report lists them as open, not as passed.
pub const NOT_BUILT: &[(&str, &str)] = &[
    (
        "3.4.1",
        "HSTS: the server speaks plain HTTP behind the TLS proxy, which must send Strict-Transport-Security (README, proxy setup); not checked here",
    ),
    (
        "6.2.2, 6.2.3",
        "staff cannot change their own password yet (issue 12: accounts)",
    ),
    (
        "6.2.4",
        "new passwords are not checked against a list of common passwords",
    ),
    ("6.3.2", "no second factor for staff logins"),
    (
        "7.4.5, 7.5.2",
        "staff cannot list or end their other sessions",
    ),
    (
        "16.2, 16.3",
        "security events are logged (tracing) but the log format and its protection are not checked",
    ),
];

/// Runs every item against `target`, one after the other.
pub async fn run_all(target: &Target) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    for item in ITEMS {
        let result = (item.check)(target).await;
        let (passed, detail) = match result {
            Ok(detail) => (true, detail),
            Err(detail) => (false, detail),
        };
        outcomes.push(Outcome {
            id: item.id,
            title: item.title,
            passed,
            detail,
        });
    }
    outcomes
}

/// Demo accounts besides [`crate::WETTEREN`] and [`crate::GENT`] (README).
const ADMIN: (&str, &str) = ("admin@demo.invalid", "demo-admin-2026");
const NOVA: (&str, &str) = ("cc.nova@demo.invalid", "demo-nova-2026");
const COMPANY: (&str, &str) = ("gezelschap@demo.invalid", "demo-theater-2026");

/// Fails with `what` unless `ok`.
fn ensure(ok: bool, what: impl FnOnce() -> String) -> Result<()> {
    if ok { Ok(()) } else { Err(what()) }
}

/// An email no account has, unique to this run and `label`.
fn fresh_email(label: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    format!("asvs-{label}-{}-{n}@demo.invalid", std::process::id())
}
