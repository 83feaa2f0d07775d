//! V3.5 request forgery (CSRF token, content type, cross-site requests) and V8
//! authorization: roles, organisations, no session.

use serde_json::{Value, json};

use super::http::{Call, Resp, Session, login, login_call};
use super::{ADMIN, COMPANY, NOVA, Target, ensure, fresh_email};
use crate::{GENT, Result, WETTEREN};

const OWN_ORG: &str = "/api/orgs/library/demo-wetteren";

/// The organisation's name and town as `PUT` takes them back (an edit that changes
/// nothing).
async fn unchanged_org(t: &Target, s: &Session, path: &str) -> Result<Value> {
    let resp = Call::get(path).cookie(s).send(t).await?;
    resp.expect(&format!("GET {path}"), 200, None)?;
    let org: Value = serde_json::from_str(&resp.body).map_err(|e| e.to_string())?;
    Ok(json!({"name": org["name"], "town": org["town"]}))
}

/// Sends each call and fails unless every answer has `status` and `code`.
async fn all_answer(
    t: &Target,
    status: u16,
    code: &str,
    calls: Vec<(&str, Call)>,
) -> Result<Vec<String>> {
    let mut seen = Vec::new();
    let mut bad = Vec::new();
    for (what, call) in calls {
        let resp = call.send(t).await?;
        match resp.expect(what, status, Some(code)) {
            Ok(()) => seen.push(what.to_string()),
            Err(e) => bad.push(e),
        }
    }
    ensure(bad.is_empty(), || bad.join("; "))?;
    Ok(seen)
}

// ---- V3.5 ----

pub(super) async fn csrf_token(t: &Target) -> Result<String> {
    let s = login(t, WETTEREN).await?;
    let other = login(t, WETTEREN).await?;
    let org = unchanged_org(t, &s, OWN_ORG).await?;
    let put = || Call::new("PUT", OWN_ORG).json(&org);
    all_answer(
        t,
        403,
        "csrf",
        vec![
            ("PUT without x-csrf-token", put().cookie(&s)),
            (
                "PUT with another session's token",
                put().cookie(&s).header("x-csrf-token", &other.csrf),
            ),
            (
                "PUT with an empty token",
                put().cookie(&s).header("x-csrf-token", ""),
            ),
            (
                "DELETE /api/session without token",
                Call::new("DELETE", "/api/session").cookie(&s),
            ),
        ],
    )
    .await?;
    Call::get("/api/session").cookie(&s).send(t).await?.expect(
        "the session after the refused logout",
        200,
        None,
    )?;
    put()
        .authed(&s)
        .send(t)
        .await?
        .expect("PUT with the right token", 200, None)?;
    Ok(
        "403 csrf without, with an empty and with another session's token \
        (PUT, DELETE); 200 with the session's own"
            .into(),
    )
}

pub(super) async fn content_type(t: &Target) -> Result<String> {
    let (email, password) = WETTEREN;
    let creds = json!({"email": email, "password": password}).to_string();
    let form = format!("email={email}&password={password}");
    let post = |ct: Option<&str>, body: &str| {
        let call = Call::new("POST", "/api/session").body(body.to_string());
        match ct {
            Some(ct) => call.header("Content-Type", ct),
            None => call,
        }
    };
    let cases = [
        ("text/plain", post(Some("text/plain"), &creds)),
        (
            "form",
            post(Some("application/x-www-form-urlencoded"), &form),
        ),
        (
            "multipart",
            post(Some("multipart/form-data; boundary=x"), &creds),
        ),
        ("no Content-Type", post(None, &creds)),
    ];
    let mut bad = Vec::new();
    for (what, call) in cases {
        let resp = call.send(t).await?;
        if resp.status != 415 {
            bad.push(format!("login as {what}: {}", resp.brief()));
        }
        if resp.header("set-cookie").is_some() {
            bad.push(format!("login as {what} set a cookie"));
        }
    }
    let s = login(t, WETTEREN).await?;
    let org = unchanged_org(t, &s, OWN_ORG).await?;
    let put = Call::new("PUT", OWN_ORG)
        .authed(&s)
        .header("Content-Type", "text/plain")
        .body(org.to_string())
        .send(t)
        .await?;
    if put.status != 415 {
        bad.push(format!("PUT as text/plain: {}", put.brief()));
    }
    ensure(bad.is_empty(), || bad.join("; "))?;
    Ok(
        "415 for text/plain, form, multipart and no Content-Type (login, PUT); \
        no cookie set"
            .into(),
    )
}

pub(super) async fn cross_site(t: &Target) -> Result<String> {
    let (email, password) = WETTEREN;
    let login_forged = Call::new("POST", "/api/session")
        .header("Origin", "http://evil.example")
        .json(&json!({"email": email, "password": password}))
        .send(t)
        .await?;
    login_forged.expect("login from a foreign Origin", 403, Some("csrf"))?;
    ensure(login_forged.header("set-cookie").is_none(), || {
        "the refused login set a cookie".into()
    })?;
    let s = login(t, WETTEREN).await?;
    let org = unchanged_org(t, &s, OWN_ORG).await?;
    let put = || Call::new("PUT", OWN_ORG).authed(&s).json(&org);
    all_answer(
        t,
        403,
        "csrf",
        vec![
            (
                "Origin evil.example",
                put().header("Origin", "http://evil.example"),
            ),
            ("Origin null", put().header("Origin", "null")),
            (
                "Origin of another port",
                put().header("Origin", "http://127.0.0.1:1"),
            ),
            (
                "Sec-Fetch-Site cross-site",
                put().header("Sec-Fetch-Site", "cross-site"),
            ),
            (
                "Sec-Fetch-Site same-site",
                put().header("Sec-Fetch-Site", "same-site"),
            ),
        ],
    )
    .await?;
    put()
        .header("Origin", &format!("http://{}", t.addr))
        .header("Sec-Fetch-Site", "same-origin")
        .send(t)
        .await?
        .expect("PUT from the server's own origin", 200, None)?;
    Ok(
        "403 csrf for a login and a PUT with a foreign Origin, Origin null, another \
        port, Sec-Fetch-Site cross-site and same-site; 200 from the own origin"
            .into(),
    )
}

// ---- V8 ----

pub(super) async fn role_without_right(t: &Target) -> Result<String> {
    let wetteren = login(t, WETTEREN).await?;
    let company = login(t, COMPANY).await?;
    let nova = login(t, NOVA).await?;
    let email = fresh_email("not-admin");
    let new_admin = json!({"email": email, "display_name": "Nieuwe beheerder",
        "role": "admin", "org": null});
    all_answer(
        t,
        403,
        "forbidden",
        vec![
            (
                "library staff make an admin",
                Call::new("POST", "/api/staff/invitations")
                    .authed(&wetteren)
                    .json(&new_admin),
            ),
            (
                "a company reads a centre's shows",
                Call::get("/api/culture/demo-nova/shows").cookie(&company),
            ),
            (
                "library staff read a centre's insight",
                Call::get("/api/culture/demo-nova/insight").cookie(&wetteren),
            ),
            (
                "centre staff read a library's statistics",
                Call::get("/api/bieblo/demo-wetteren/stats").cookie(&nova),
            ),
        ],
    )
    .await?;
    let made = login_call(t, &email, "a-long-enough-password").await?;
    made.expect("login of the refused admin", 401, Some("bad_credentials"))?;
    let admin = login(t, ADMIN).await?;
    Call::get("/api/culture/demo-nova/shows")
        .cookie(&admin)
        .send(t)
        .await?
        .expect("an admin reads the centre's shows", 200, None)?;
    Ok(
        "403 forbidden: library staff making an admin (none made), a company or \
        library staff reading centre data, centre staff reading library statistics; \
        200 for an admin"
            .into(),
    )
}

pub(super) async fn other_org(t: &Target) -> Result<String> {
    let gent = login(t, GENT).await?;
    let before = unchanged_org(t, &gent, "/api/orgs/library/demo-gent").await?;
    let s = login(t, WETTEREN).await?;
    let email = fresh_email("planted");
    let kiosk = json!({"idle_seconds": 60, "active": false});
    let colleague = json!({"email": email, "display_name": "Geplant",
        "role": "library_staff", "org": "demo-gent"});
    let seen = all_answer(
        t,
        403,
        "forbidden",
        vec![
            (
                "GET Gent's organisation",
                Call::get("/api/orgs/library/demo-gent").cookie(&s),
            ),
            (
                "GET Gent's staff",
                Call::get("/api/orgs/library/demo-gent/staff").cookie(&s),
            ),
            (
                "GET Gent's statistics",
                Call::get("/api/bieblo/demo-gent/stats").cookie(&s),
            ),
            (
                "PUT Gent's organisation",
                Call::new("PUT", "/api/orgs/library/demo-gent")
                    .authed(&s)
                    .json(&json!({"name": "Overgenomen", "town": "Wetteren"})),
            ),
            (
                "PUT Gent's kiosk",
                Call::new("PUT", "/api/bieblo/demo-gent/kiosks/gent-de-krook-demo")
                    .authed(&s)
                    .json(&kiosk),
            ),
            (
                "POST a colleague into Gent",
                Call::new("POST", "/api/staff/invitations")
                    .authed(&s)
                    .json(&colleague),
            ),
        ],
    )
    .await?;
    let after = unchanged_org(t, &gent, "/api/orgs/library/demo-gent").await?;
    ensure(after == before, || {
        format!("Gent changed: {before} → {after}")
    })?;
    let staff = Call::get("/api/orgs/library/demo-gent/staff")
        .cookie(&gent)
        .send(t)
        .await?;
    ensure(!staff.body.contains(&email), || {
        "the planted colleague is on Gent's staff".into()
    })?;
    let kiosk_now = Call::get("/api/bieblo/demo-gent/kiosks/gent-de-krook-demo")
        .cookie(&gent)
        .send(t)
        .await?;
    ensure(kiosk_now.body.contains("\"active\":true"), || {
        format!("Gent's kiosk changed: {}", kiosk_now.body)
    })?;
    Ok(format!(
        "Wetteren's staff get 403 forbidden for {} requests on Gent's data (read, change, \
         add staff); Gent's organisation, staff and kiosk unchanged",
        seen.len()
    ))
}

pub(super) async fn unauthenticated(t: &Target) -> Result<String> {
    let org = json!({"name": "Niemand", "town": "Nergens"});
    let seen = all_answer(
        t,
        401,
        "not_logged_in",
        vec![
            ("GET /api/session/all", Call::get("/api/session/all")),
            ("GET /api/orgs", Call::get("/api/orgs")),
            ("GET an organisation", Call::get(OWN_ORG)),
            (
                "GET statistics",
                Call::get("/api/bieblo/demo-wetteren/stats"),
            ),
            ("GET shows", Call::get("/api/culture/demo-nova/shows")),
            ("PUT an organisation", Call::new("PUT", OWN_ORG).json(&org)),
            (
                "POST /api/staff/invitations",
                Call::new("POST", "/api/staff/invitations").json(&json!({})),
            ),
            ("DELETE /api/session", Call::new("DELETE", "/api/session")),
        ],
    )
    .await?;
    // The session check itself answers "nobody" without an error status.
    Call::get("/api/session").send(t).await?.expect(
        "GET /api/session without a session",
        204,
        None,
    )?;
    Ok(format!(
        "401 not_logged_in for {} requests (read and change); GET /api/session: 204",
        seen.len()
    ))
}

fn org_ids(resp: &Resp) -> Vec<String> {
    serde_json::from_str::<Value>(&resp.body)
        .ok()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .map(|o| {
            format!(
                "{}/{}",
                o["kind"].as_str().unwrap_or("?"),
                o["id"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

pub(super) async fn own_orgs_only(t: &Target) -> Result<String> {
    let mut seen = Vec::new();
    for (account, own) in [
        (WETTEREN, "library/demo-wetteren"),
        (NOVA, "centre/demo-nova"),
        (COMPANY, "company/demo-klein-verhaal"),
    ] {
        let s = login(t, account).await?;
        let resp = Call::get("/api/orgs").cookie(&s).send(t).await?;
        resp.expect("GET /api/orgs", 200, None)?;
        let ids = org_ids(&resp);
        ensure(ids == [own], || format!("{} sees {ids:?}", account.0))?;
        seen.push(own);
    }
    let admin = login(t, ADMIN).await?;
    let all = org_ids(&Call::get("/api/orgs").cookie(&admin).send(t).await?);
    ensure(all.len() >= 4, || format!("the admin sees only {all:?}"))?;
    Ok(format!(
        "GET /api/orgs: each staff member sees only their own ({}); the admin all {}",
        seen.join(", "),
        all.len()
    ))
}
