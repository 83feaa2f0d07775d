//! The e-reader's members: who a card and PIN belong to (behind [`MemberDirectory`], so
//! a library's own accounts, an OpenID Connect provider, can replace the local list),
//! their sessions in an HttpOnly `__Host-` cookie of their own (apart from staff's), and
//! the `CurrentMember` extractor, which checks the CSRF token on requests that change
//! something. Readers stay logged in longer than staff: a phone is a personal device
//! and a book is read over weeks.

use std::future::Future;
use std::pin::Pin;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use sha2::{Digest, Sha256};

use super::session::{
    CSRF_HEADER, constant_time_eq, cookie_token, hex, is_safe, now_unix, token_hash,
};
use crate::AppState;
use crate::error::AppError;

/// Name of a member's session cookie.
pub const MEMBER_COOKIE: &str = "__Host-suite_member";
/// A member's session ends 30 days after login...
pub const MEMBER_SESSION_SECONDS: i64 = 30 * 24 * 60 * 60;
/// ...or when it was not used for 14 days.
pub const MEMBER_IDLE_SECONDS: i64 = 14 * 24 * 60 * 60;

/// What the store keeps of a card number (normalised first): its SHA-256, never the
/// number.
pub fn card_hash(card: &str) -> String {
    hex(&Sha256::digest(card.as_bytes()))
}

/// The `Set-Cookie` value that starts a member's session.
pub fn member_cookie(token: &str) -> String {
    format!(
        "{MEMBER_COOKIE}={token}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age={MEMBER_SESSION_SECONDS}"
    )
}

/// The `Set-Cookie` value that ends a member's session in the browser.
pub fn clear_member_cookie() -> String {
    format!("{MEMBER_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0")
}

/// A member the directory knows: the store's id and their library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownMember {
    pub id: i64,
    pub library: String,
}

/// Who a card number and PIN belong to. The local directory checks the store; a
/// library's OpenID Connect provider would answer the same question.
pub trait MemberDirectory: Send + Sync + std::fmt::Debug {
    /// The member of `card` (normalised) when `pin` is theirs; `None` otherwise, in the
    /// same time whether the card is known or not.
    fn verify<'a>(
        &'a self,
        state: &'a AppState,
        card: &'a str,
        pin: String,
    ) -> Pin<Box<dyn Future<Output = Result<Option<KnownMember>, AppError>> + Send + 'a>>;
}

/// Members kept in the store: the SHA-256 of the card, the argon2id hash of the PIN.
#[derive(Debug)]
pub struct LocalMembers;

impl MemberDirectory for LocalMembers {
    fn verify<'a>(
        &'a self,
        state: &'a AppState,
        card: &'a str,
        pin: String,
    ) -> Pin<Box<dyn Future<Output = Result<Option<KnownMember>, AppError>> + Send + 'a>> {
        Box::pin(async move {
            let row = state.db.ereader_member_by_card(&card_hash(card)).await?;
            // An unknown card is checked against the dummy hash: the same time.
            let stored = row.as_ref().map(|r| r.pin_hash.clone());
            let valid = state.passwords.verify(pin, stored).await?;
            Ok(row.filter(|_| valid).map(|r| KnownMember {
                id: r.id,
                library: r.library,
            }))
        })
    }
}

/// Whether `headers` carry the cookie of a member's running session: the server
/// preloads a reader's book for the page only then (`site::early_fetches`), since the
/// app takes a preloaded answer as its own even after a login in between.
pub async fn has_member_session(state: &AppState, headers: &axum::http::HeaderMap) -> bool {
    let Some(token) = cookie_token(headers, MEMBER_COOKIE) else {
        return false;
    };
    matches!(
        state
            .db
            .ereader_session(&token_hash(&token), now_unix(), MEMBER_IDLE_SECONDS)
            .await,
        Ok(Some(_))
    )
}

/// The logged-in member of this request.
#[derive(Debug, Clone)]
pub struct CurrentMember {
    pub id: i64,
    pub library: String,
    pub csrf_token: String,
    pub token_hash: String,
}

impl FromRequestParts<AppState> for CurrentMember {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = cookie_token(&parts.headers, MEMBER_COOKIE).ok_or(AppError::NotLoggedIn)?;
        let hash = token_hash(&token);
        let session = state
            .db
            .ereader_session(&hash, now_unix(), MEMBER_IDLE_SECONDS)
            .await?
            .ok_or(AppError::NotLoggedIn)?;
        if !is_safe(&parts.method) {
            let sent = parts.headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
            if !sent.is_some_and(|s| constant_time_eq(s.as_bytes(), session.csrf_token.as_bytes()))
            {
                return Err(AppError::Csrf("missing or wrong x-csrf-token"));
            }
        }
        Ok(CurrentMember {
            id: session.member,
            library: session.library,
            csrf_token: session.csrf_token,
            token_hash: hash,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_members_cookie_is_its_own_host_prefixed_http_only_strict() {
        let c = member_cookie("abc");
        for part in [
            "__Host-suite_member=",
            "Path=/",
            "Secure",
            "HttpOnly",
            "SameSite=Strict",
        ] {
            assert!(c.contains(part), "{c} lacks {part}");
        }
        assert_ne!(MEMBER_COOKIE, super::super::SESSION_COOKIE);
        assert_eq!(card_hash("2000000000012").len(), 64);
        assert_ne!(card_hash("2000000000012"), card_hash("2000000000013"));
    }
}
