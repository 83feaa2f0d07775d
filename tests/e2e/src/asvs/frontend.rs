//! V3 cookies, headers and CORS; V4 content types.

use super::http::{Call, Resp, cookie_attributes, cookie_name, login};
use super::{Target, ensure};
use crate::{Result, WETTEREN};

const EVIL: &str = "http://evil.example";

// ---- V3.3 cookies ----

fn has_attribute(set_cookie: &str, name: &str) -> bool {
    cookie_attributes(set_cookie).iter().any(|(n, _)| n == name)
}

fn attribute(set_cookie: &str, name: &str) -> Option<String> {
    cookie_attributes(set_cookie)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v)
}

pub(super) async fn cookie_secure(t: &Target) -> Result<String> {
    let s = login(t, WETTEREN).await?;
    let name = cookie_name(&s.set_cookie);
    ensure(has_attribute(&s.set_cookie, "secure"), || {
        format!("no Secure: {}", s.set_cookie)
    })?;
    ensure(
        name.starts_with("__Host-") || name.starts_with("__Secure-"),
        || format!("cookie {name} has neither prefix"),
    )?;
    Ok(format!("{name}: Secure"))
}

pub(super) async fn cookie_same_site(t: &Target) -> Result<String> {
    let s = login(t, WETTEREN).await?;
    let value = attribute(&s.set_cookie, "samesite").unwrap_or_default();
    ensure(value.eq_ignore_ascii_case("strict"), || {
        format!("SameSite is {value:?}: {}", s.set_cookie)
    })?;
    Ok(format!("SameSite={value}"))
}

pub(super) async fn cookie_host_prefix(t: &Target) -> Result<String> {
    let s = login(t, WETTEREN).await?;
    let name = cookie_name(&s.set_cookie);
    ensure(name.starts_with("__Host-"), || format!("cookie {name}"))?;
    ensure(
        attribute(&s.set_cookie, "path").as_deref() == Some("/"),
        || format!("Path is not /: {}", s.set_cookie),
    )?;
    ensure(!has_attribute(&s.set_cookie, "domain"), || {
        format!("has a Domain: {}", s.set_cookie)
    })?;
    Ok(format!("{name}; Path=/; no Domain"))
}

pub(super) async fn cookie_http_only(t: &Target) -> Result<String> {
    let s = login(t, WETTEREN).await?;
    ensure(has_attribute(&s.set_cookie, "httponly"), || {
        format!("no HttpOnly: {}", s.set_cookie)
    })?;
    ensure(!s.body.contains(&s.token), || {
        "the login body holds the session token".into()
    })?;
    let me = Call::get("/api/session").cookie(&s).send(t).await?;
    me.expect("GET /api/session", 200, None)?;
    ensure(!me.body.contains(&s.token), || {
        "GET /api/session shows the session token".into()
    })?;
    Ok("HttpOnly; the token is in no body (login, GET /api/session)".into())
}

// ---- V3.4 headers ----

/// Answers of every kind: pages, app pages, a script, JSON, static JSON, errors;
/// labelled with method, path and status.
async fn samples(t: &Target) -> Result<Vec<(String, Resp)>> {
    let mut calls = vec![
        Call::get("/"),
        Call::get("/bieblo/"),
        Call::get("/api/health"),
        Call::get("/data/culture-matcher/demo-nova.json"),
        Call::get("/api/no-such-thing"),
        Call::get("/no-such-page"),
        Call::get("/api/orgs"),
        Call::new("POST", "/api/session")
            .header("Content-Type", "text/plain")
            .body("{}"),
        Call::new("TRACE", "/"),
    ];
    let page = Call::get("/bieblo/").send(t).await?;
    let script = first_script(&page.body).ok_or("/bieblo/ loads no script")?;
    calls.push(Call::get(&script));
    let mut out = Vec::new();
    for call in calls {
        let resp = call.send(t).await?;
        out.push((format!("{} {}", call.label(), resp.status), resp));
    }
    Ok(out)
}

/// The first script an app page loads.
fn first_script(html: &str) -> Option<String> {
    html.split('"')
        .find(|s| s.starts_with('/') && s.ends_with(".js"))
        .map(str::to_string)
}

/// Runs `check` on the named header of every sample.
async fn every_answer(
    t: &Target,
    header: &str,
    check: impl Fn(&str) -> std::result::Result<(), String>,
) -> Result<String> {
    let samples = samples(t).await?;
    let mut bad = Vec::new();
    for (label, resp) in &samples {
        match resp.header(header) {
            None => bad.push(format!("{label}: no {header}")),
            Some(v) => {
                if let Err(e) = check(v) {
                    bad.push(format!("{label}: {e}"));
                }
            }
        }
    }
    ensure(bad.is_empty(), || bad.join("; "))?;
    Ok(format!(
        "{} answers (pages, script, JSON, 401, 404, 405, 415)",
        samples.len()
    ))
}

/// The directives of a CSP: name and its values.
fn directives(csp: &str) -> Vec<(String, Vec<String>)> {
    csp.split(';')
        .filter_map(|d| {
            let mut words = d.split_whitespace();
            let name = words.next()?.to_ascii_lowercase();
            Some((name, words.map(str::to_string).collect()))
        })
        .collect()
}

fn directive(csp: &str, name: &str) -> Option<Vec<String>> {
    directives(csp)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v)
}

fn check_csp(csp: &str) -> std::result::Result<(), String> {
    let object = directive(csp, "object-src").unwrap_or_default();
    if object != ["'none'"] {
        return Err(format!("object-src {object:?}"));
    }
    let base = directive(csp, "base-uri").unwrap_or_default();
    if base != ["'none'"] && base != ["'self'"] {
        return Err(format!("base-uri {base:?}"));
    }
    let scripts = directive(csp, "script-src")
        .or_else(|| directive(csp, "default-src"))
        .ok_or("no script-src or default-src")?;
    let unsafe_sources = [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "*",
        "data:",
        "http:",
        "https:",
    ];
    if let Some(bad) = scripts
        .iter()
        .find(|s| unsafe_sources.contains(&s.as_str()))
    {
        return Err(format!("script-src allows {bad}"));
    }
    Ok(())
}

pub(super) async fn csp(t: &Target) -> Result<String> {
    let seen = every_answer(t, "content-security-policy", check_csp).await?;
    let root = Call::get("/").send(t).await?;
    let csp = root.header("content-security-policy").unwrap_or_default();
    let base = directive(csp, "base-uri").unwrap_or_default().join(" ");
    let scripts = directive(csp, "script-src").unwrap_or_default().join(" ");
    Ok(format!(
        "{seen}: object-src 'none'; script-src {scripts}; base-uri {base} \
         (ASVS names 'none'; 'self' keeps the apps' <base href> and still refuses a foreign base)"
    ))
}

pub(super) async fn nosniff(t: &Target) -> Result<String> {
    every_answer(t, "x-content-type-options", |v| {
        ensure(v.eq_ignore_ascii_case("nosniff"), || v.to_string())
    })
    .await
}

pub(super) async fn referrer_policy(t: &Target) -> Result<String> {
    let safe = [
        "no-referrer",
        "same-origin",
        "strict-origin",
        "strict-origin-when-cross-origin",
    ];
    let seen = every_answer(t, "referrer-policy", |v| {
        ensure(safe.contains(&v.trim()), || format!("Referrer-Policy {v}"))
    })
    .await?;
    Ok(format!("{seen}: no-referrer"))
}

pub(super) async fn frame_ancestors(t: &Target) -> Result<String> {
    let seen = every_answer(t, "content-security-policy", |csp| {
        let fa = directive(csp, "frame-ancestors").unwrap_or_default();
        ensure(fa == ["'none'"], || format!("frame-ancestors {fa:?}"))
    })
    .await?;
    Ok(format!(
        "{seen}: frame-ancestors 'none' (and X-Frame-Options)"
    ))
}

pub(super) async fn cors(t: &Target) -> Result<String> {
    let s = login(t, WETTEREN).await?;
    let read = Call::get("/api/session")
        .cookie(&s)
        .header("Origin", EVIL)
        .send(t)
        .await?;
    let preflight = Call::new("OPTIONS", "/api/session")
        .header("Origin", EVIL)
        .header("Access-Control-Request-Method", "DELETE")
        .header("Access-Control-Request-Headers", "x-csrf-token")
        .send(t)
        .await?;
    for (what, resp) in [("GET", &read), ("preflight", &preflight)] {
        let allow = resp.header("access-control-allow-origin");
        ensure(allow.is_none(), || {
            format!("{what} from {EVIL}: Access-Control-Allow-Origin {allow:?}")
        })?;
        let creds = resp.header("access-control-allow-credentials");
        ensure(creds.is_none(), || {
            format!("{what}: Access-Control-Allow-Credentials {creds:?}")
        })?;
    }
    Ok(format!(
        "no CORS headers for {EVIL} (GET {}, preflight {})",
        read.status, preflight.status
    ))
}

// ---- V4 ----

pub(super) async fn content_types(t: &Target) -> Result<String> {
    let samples = samples(t).await?;
    let mut bad = Vec::new();
    let mut checked = 0;
    for (label, resp) in samples.iter().filter(|(_, r)| !r.body.is_empty()) {
        checked += 1;
        let ct = resp
            .header("content-type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let body = resp.body.trim_start().to_ascii_lowercase();
        let json = serde_json::from_str::<serde_json::Value>(&resp.body).is_ok();
        let expected = if json {
            "application/json"
        } else if body.starts_with("<!doctype html") || body.starts_with("<html") {
            "text/html"
        } else if label.contains(".js") {
            "text/javascript"
        } else {
            ""
        };
        if ct.is_empty() || !ct.starts_with(expected) {
            bad.push(format!("{label}: Content-Type {ct:?}, expected {expected}"));
        } else if ct.starts_with("text/") && !ct.contains("charset=") {
            bad.push(format!("{label}: {ct} without a charset"));
        }
    }
    ensure(bad.is_empty(), || bad.join("; "))?;
    Ok(format!(
        "{checked} answers with a body: JSON as application/json, pages as text/html, scripts as text/javascript, text with a charset"
    ))
}
