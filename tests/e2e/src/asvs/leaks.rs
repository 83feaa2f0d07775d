//! V4 methods, V13 information leakage and V16 error answers: what the server refuses,
//! and that its refusals give nothing away.

use super::http::{Call, Resp};
use super::{Target, ensure};
use crate::Result;

/// Not 2xx or 3xx, and nothing of the request echoed.
fn refused(resp: &Resp, marker: &str) -> std::result::Result<(), String> {
    if resp.status < 400 {
        return Err(format!("answered {}", resp.status));
    }
    if resp.body.contains(marker) {
        return Err("echoed the request".into());
    }
    Ok(())
}

async fn refuse_all(t: &Target, calls: &[(&str, &str)]) -> Result<String> {
    let marker = "asvs-echo-marker-7f3a";
    let mut seen = Vec::new();
    let mut bad = Vec::new();
    for (method, path) in calls {
        let resp = Call::new(method, path)
            .header("X-Asvs-Echo", marker)
            .send(t)
            .await?;
        match refused(&resp, marker) {
            Ok(()) => seen.push(format!("{method} {path} {}", resp.status)),
            Err(e) => bad.push(format!("{method} {path}: {e}")),
        }
    }
    ensure(bad.is_empty(), || bad.join("; "))?;
    Ok(seen.join(", "))
}

pub(super) async fn unused_methods(t: &Target) -> Result<String> {
    refuse_all(
        t,
        &[
            ("PATCH", "/api/orgs/library/demo-wetteren"),
            ("DELETE", "/api/health"),
            ("PUT", "/api/session"),
            ("FOO", "/api/health"),
            ("POST", "/"),
            ("DELETE", "/data/culture-matcher/demo-nova.json"),
        ],
    )
    .await
}

// ---- V13 ----

pub(super) async fn no_git(t: &Target) -> Result<String> {
    refuse_all(
        t,
        &[
            ("GET", "/.git/config"),
            ("GET", "/.git/HEAD"),
            ("GET", "/%2egit/config"),
            ("GET", "/data/.git/config"),
            ("GET", "/bieblo/.git/config"),
        ],
    )
    .await
}

pub(super) async fn no_listings(t: &Target) -> Result<String> {
    refuse_all(
        t,
        &[
            ("GET", "/data/"),
            ("GET", "/data/culture-matcher/"),
            ("GET", "/data/bieblo/"),
            ("GET", "/portal/"),
        ],
    )
    .await
}

pub(super) async fn no_trace(t: &Target) -> Result<String> {
    refuse_all(
        t,
        &[
            ("TRACE", "/"),
            ("TRACE", "/api/health"),
            ("TRACE", "/api/session"),
            ("TRACE", "/data/culture-matcher/demo-nova.json"),
        ],
    )
    .await
}

// ---- V16 ----

/// Text that only internals would put in an answer.
const LEAKS: &[&str] = &[
    "panick",
    "backtrace",
    "stack",
    "thread '",
    ".rs:",
    "src/",
    "/home/",
    "/work/",
    "/tmp/",
    "/root/",
    "sqlx",
    "sqlite",
    "select ",
    "insert ",
    "serde",
    "expected",
    "line ",
    "column",
    "failed to",
    "error(",
    "invalid type",
    "missing field",
];

fn leaks(body: &str) -> Option<&'static str> {
    let lower = body.to_ascii_lowercase();
    LEAKS.iter().copied().find(|l| lower.contains(l))
}

/// Only `{"error": {"code", "message"[, "field"]}}`.
fn plain_error_body(body: &str) -> bool {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(body) else {
        return false;
    };
    let top_ok = v.as_object().is_some_and(|o| o.len() == 1);
    let inner = v["error"].as_object();
    top_ok
        && inner.is_some_and(|o| {
            o.contains_key("code")
                && o.contains_key("message")
                && o.keys()
                    .all(|k| ["code", "message", "field"].contains(&k.as_str()))
        })
}

pub(super) async fn generic_errors(t: &Target) -> Result<String> {
    let post = |body: &str| {
        Call::new("POST", "/api/session")
            .header("Content-Type", "application/json")
            .body(body.to_string())
    };
    let cases: Vec<(&str, u16, Call)> = vec![
        ("unknown API path", 404, Call::get("/api/no/such/thing")),
        ("unknown page", 404, Call::get("/no/such/page")),
        ("broken JSON", 400, post(r#"{"email": "a@b.be", "pass"#)),
        ("JSON of the wrong shape", 422, post(r#"{"email": 5}"#)),
        (
            "not JSON",
            415,
            Call::new("POST", "/api/session")
                .header("Content-Type", "text/plain")
                .body("x"),
        ),
        (
            "body too large",
            413,
            post(&format!(r#"{{"email": "{}"}}"#, "a".repeat(70 * 1024))),
        ),
        (
            "a path out of the data",
            404,
            Call::get("/api/bieblo/..%2F..%2Fetc%2Fpasswd/kiosks"),
        ),
        ("no session", 401, Call::get("/api/orgs")),
    ];
    let mut seen = Vec::new();
    let mut bad = Vec::new();
    for (what, status, call) in cases {
        let resp = call.send(t).await?;
        let api = call.label().contains(" /api/");
        if resp.status != status {
            bad.push(format!("{what}: {} (expected {status})", resp.status));
        } else if let Some(leak) = leaks(&resp.body) {
            bad.push(format!("{what}: the body holds {leak:?}: {}", resp.body));
        } else if api && !plain_error_body(&resp.body) {
            bad.push(format!("{what}: not a plain error body: {}", resp.body));
        } else {
            seen.push(format!("{what} {status}"));
        }
    }
    ensure(bad.is_empty(), || bad.join("; "))?;
    Ok(format!(
        "{}: {{error: {{code, message}}}} with a Dutch message, nothing else",
        seen.join(", ")
    ))
}
