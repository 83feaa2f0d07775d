//! Session tokens, the session cookie and the `CurrentStaff` extractor, which also
//! checks the CSRF token on state-changing requests.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use rand::RngCore;
use sha2::{Digest, Sha256};
use suite_domain::org::{OrgRef, Role};

use crate::AppState;
use crate::error::AppError;

/// Name of the session cookie: `__Host-` makes the browser insist on Secure, Path=/
/// and no Domain.
pub const SESSION_COOKIE: &str = "__Host-suite_session";
/// Header that must carry the session's CSRF token on POST, PUT, PATCH and DELETE.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Sessions end eight hours after login (a working day).
pub const SESSION_SECONDS: i64 = 8 * 60 * 60;
/// A session unused this long ends (ASVS 5.0 7.3.1): 30 minutes, as NIST SP 800-63B asks
/// of its level 2. Every request with the session counts as a use.
pub const SESSION_IDLE_SECONDS: i64 = 30 * 60;

/// A fresh random token: 256 bits, hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// What the database stores of a token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Lowercase hex of `bytes` (tokens, hashes).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Seconds since the Unix epoch.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Milliseconds since the Unix epoch (the rate limits' clock).
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// The `Set-Cookie` value that starts a session.
pub fn session_cookie(token: &str) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age={SESSION_SECONDS}"
    )
}

/// The `Set-Cookie` value that ends a session in the browser.
pub fn clear_cookie() -> String {
    format!("{SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0")
}

/// A short description of a browser from its `User-Agent` (`Firefox, Windows`), for the
/// list of one's sessions; never more than 80 characters.
pub fn describe_device(user_agent: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(token, _)| user_agent.contains(token))
    .map(|(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("CrOS", "ChromeOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(token, _)| user_agent.contains(token))
    .map(|(_, name)| name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b}, {s}"),
        (Some(one), None) | (None, Some(one)) => one.to_string(),
        (None, None) => user_agent
            .chars()
            .filter(|c| !c.is_control())
            .take(80)
            .collect(),
    }
}

/// The staff session's token from the `Cookie` headers, if any.
pub fn token_from_headers(headers: &HeaderMap) -> Option<String> {
    cookie_token(headers, SESSION_COOKIE)
}

/// The token in cookie `cookie` of the `Cookie` headers, if it has a token's shape (64
/// hex digits).
pub fn cookie_token(headers: &HeaderMap, cookie: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == cookie)
        .map(|(_, value)| value.to_string())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The logged-in staff member of this request.
#[derive(Debug, Clone)]
pub struct CurrentStaff {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub csrf_token: String,
    pub token_hash: String,
    /// May invite, reset and disable colleagues of the same organisation.
    pub manager: bool,
    /// The request's line of the audit log (see [`crate::audit`]).
    pub audit: crate::audit::AuditSlot,
}

impl CurrentStaff {
    /// Refuses unless this staff member may manage `org` (admins manage all).
    pub fn require_scope(&self, org: &OrgRef) -> Result<(), AppError> {
        if self.role.can_manage(org) {
            Ok(())
        } else {
            Err(AppError::Forbidden(format!(
                "{} may not manage {org}",
                self.email
            )))
        }
    }

    /// Refuses unless this staff member may manage the accounts of `org`: an admin, or a
    /// manager of `org` itself.
    pub fn require_manager_of(&self, org: &OrgRef) -> Result<(), AppError> {
        if self.role.is_admin() || (self.manager && self.role.org().as_ref() == Some(org)) {
            Ok(())
        } else {
            Err(AppError::Forbidden(format!(
                "{} may not manage the accounts of {org}",
                self.email
            )))
        }
    }

    pub fn require_admin(&self) -> Result<(), AppError> {
        if self.role.is_admin() {
            Ok(())
        } else {
            Err(AppError::Forbidden(format!(
                "{} is not an admin",
                self.email
            )))
        }
    }
}

pub(super) fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

impl FromRequestParts<AppState> for CurrentStaff {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = token_from_headers(&parts.headers).ok_or(AppError::NotLoggedIn)?;
        let hash = token_hash(&token);
        let session = state
            .db
            .find_session(&hash, now_unix())
            .await?
            .ok_or(AppError::NotLoggedIn)?;
        if !is_safe(&parts.method) {
            let sent = parts.headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
            if !sent.is_some_and(|s| constant_time_eq(s.as_bytes(), session.csrf_token.as_bytes()))
            {
                return Err(AppError::Csrf("missing or wrong x-csrf-token"));
            }
        }
        let staff = session.staff;
        let audit = parts
            .extensions
            .get::<crate::audit::AuditSlot>()
            .cloned()
            .unwrap_or_default();
        audit.actor(&staff.email, staff.role.org());
        Ok(CurrentStaff {
            id: staff.id,
            email: staff.email,
            display_name: staff.display_name,
            role: staff.role,
            csrf_token: session.csrf_token,
            token_hash: hash,
            manager: staff.manager,
            audit,
        })
    }
}

pub(super) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn tokens_are_256_bits_of_hex_and_unique() {
        let a = new_token();
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(a, new_token());
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn cookie_is_host_prefixed_http_only_strict() {
        let c = session_cookie("abc");
        for part in ["__Host-", "Path=/", "Secure", "HttpOnly", "SameSite=Strict"] {
            assert!(c.contains(part), "{c} lacks {part}");
        }
        assert!(!c.contains("Domain"));
    }

    #[test]
    fn token_is_read_from_any_cookie_header_and_checked() {
        let token = new_token();
        let mut headers = HeaderMap::new();
        headers.append("cookie", HeaderValue::from_static("theme=dark"));
        let value = format!("a=b; {SESSION_COOKIE}={token}");
        headers.append("cookie", HeaderValue::from_str(&value).expect("ascii"));
        assert_eq!(token_from_headers(&headers), Some(token));

        let mut forged = HeaderMap::new();
        let value = format!("{SESSION_COOKIE}=../../etc");
        forged.append("cookie", HeaderValue::from_str(&value).expect("ascii"));
        assert_eq!(token_from_headers(&forged), None);
    }

    #[test]
    fn devices_are_described_briefly() {
        let firefox =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
        assert_eq!(describe_device(firefox), "Firefox, Windows");
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36";
        assert_eq!(describe_device(chrome), "Chrome, Linux");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assert_eq!(describe_device(iphone), "Safari, iPhone");
        assert_eq!(describe_device("curl/8.5.0"), "curl/8.5.0");
        assert_eq!(describe_device(&"x".repeat(500)).len(), 80);
    }

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
