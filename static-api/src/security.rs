//! Security middleware: strict headers on every response, and an origin check on
//! every state-changing request (the first CSRF defence; the session's CSRF token in
//! [`crate::auth::CurrentStaff`] is the second, SameSite=Strict the third).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

/// Only our own origin; wasm needs 'wasm-unsafe-eval'. No inline scripts or styles.
/// The one exception is `frame-src`: Culture Matcher puts a video platform's player in
/// a frame, but only after the user tapped "play" on that trailer (YouTube through its
/// no-cookie host, Vimeo's player); and the e-reader frames a book's pages from our own
/// origin (which answers them with a policy of their own, see [`add_security_headers`]).
/// `worker-src` and `manifest-src` name our own origin outright (they would fall back to
/// it): the e-reader is an installable app with a service worker.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; \
connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com; \
object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Adds the security headers to every response. A response that brings its own
/// Content-Security-Policy keeps it (a book's page in the e-reader: no scripts, framed
/// only by our own pages) and may be framed by our own origin; every other response
/// gets [`CONTENT_SECURITY_POLICY`] and may not be framed at all.
pub async fn add_security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let own_policy = headers.contains_key(header::CONTENT_SECURITY_POLICY);
    if !own_policy {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        );
    }
    let frames = if own_policy { "SAMEORIGIN" } else { "DENY" };
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static(frames));
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            header::HeaderName::from_static("permissions-policy"),
            // Our own pages may use the camera (Bibster's code scanner); nothing else.
            "camera=(self), microphone=(), geolocation=()",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

fn is_state_changing(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Why a state-changing request looks cross-site, if it does.
pub fn cross_site_reason(headers: &HeaderMap) -> Option<&'static str> {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return Some("sec-fetch-site is not same-origin");
    }
    let origin = headers.get(header::ORIGIN)?;
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin.to_str().ok().and_then(|o| {
        o.strip_prefix("https://")
            .or_else(|| o.strip_prefix("http://"))
    });
    match (origin_host, host) {
        (Some(o), Some(h)) if o.eq_ignore_ascii_case(h) => None,
        _ => Some("origin does not match host"),
    }
}

/// Whether the request's `Origin` is one of `allowed` (the static hosts of an export).
pub fn origin_allowed(headers: &HeaderMap, allowed: &[String]) -> bool {
    headers
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .is_some_and(|o| allowed.iter().any(|a| a.eq_ignore_ascii_case(o)))
}

/// Refuses state-changing requests that come from another site, except from the
/// origins of an export (`--allow-origin`). Those never carry a staff cookie (it is
/// SameSite=Strict and the apps send no credentials across origins), so staff changes
/// stay refused for them by the session's checks.
pub async fn guard_unsafe_methods(
    State(allowed): State<Arc<Vec<String>>>,
    request: Request,
    next: Next,
) -> Response {
    if is_state_changing(request.method())
        && let Some(reason) = cross_site_reason(request.headers())
        && !origin_allowed(request.headers(), &allowed)
    {
        return AppError::Csrf(reason).into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn same_origin_and_non_browser_requests_pass() {
        assert_eq!(cross_site_reason(&headers(&[])), None);
        let same = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
        ]);
        assert_eq!(cross_site_reason(&same), None);
        let fetch = headers(&[("sec-fetch-site", "same-origin"), ("host", "a.be")]);
        assert_eq!(cross_site_reason(&fetch), None);
    }

    #[test]
    fn cross_site_requests_are_refused() {
        let other = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://evil.example"),
        ]);
        assert!(cross_site_reason(&other).is_some());
        let null = headers(&[("host", "a.be"), ("origin", "null")]);
        assert!(cross_site_reason(&null).is_some());
        let site = headers(&[("sec-fetch-site", "cross-site")]);
        assert!(cross_site_reason(&site).is_some());
        let same_site = headers(&[("sec-fetch-site", "same-site")]);
        assert!(cross_site_reason(&same_site).is_some());
    }
}
