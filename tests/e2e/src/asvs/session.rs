//! V6 passwords and login, V7 sessions, V11 password storage.

use std::time::Instant;

use serde_json::json;
use static_api::auth::{SESSION_IDLE_SECONDS, SESSION_SECONDS, new_token, now_unix, token_hash};

use super::http::{Call, Resp, Session, cookie_attributes, login, login_again, login_call};
use super::{ADMIN, Target, ensure, fresh_email};
use crate::{GENT, Result, WETTEREN};

/// An admin invites a library staff member, who sets `password` through the link: the
/// answer of setting it (204, or why not).
async fn create_staff(t: &Target, admin: &Session, email: &str, password: &str) -> Result<Resp> {
    let invited = Call::new("POST", "/api/staff/invitations")
        .authed(admin)
        .json(
            &json!({"email": email, "display_name": "ASVS", "role": "library_staff",
            "org": "demo-wetteren"}),
        )
        .send(t)
        .await?;
    invited.expect("invitation", 201, None)?;
    let link: serde_json::Value = serde_json::from_str(&invited.body).map_err(|e| e.to_string())?;
    let token = link["path"]
        .as_str()
        .and_then(|p| p.split_once('#'))
        .map(|(_, token)| token.to_string())
        .ok_or("no token in the invitation link")?;
    Call::new("POST", &format!("/api/invitations/{token}"))
        .json(&json!({"password": password}))
        .send(t)
        .await
}

/// A read that needs a live session (the account's own sessions): 200 with one, 401
/// `not_logged_in` without. (`GET /api/session` answers 204 to nobody, not 401: every
/// back-office asks it before its login form.)
async fn me(t: &Target, s: &Session) -> Result<Resp> {
    Call::get("/api/session/all").cookie(s).send(t).await
}

// ---- V6 ----

pub(super) async fn min_length(t: &Target) -> Result<String> {
    let admin = login(t, ADMIN).await?;
    for short in ["zeven77", "ééééééé"] {
        let resp = create_staff(t, &admin, &fresh_email("short"), short).await?;
        resp.expect(
            &format!("{} characters", short.chars().count()),
            422,
            Some("invalid_input"),
        )?;
        ensure(resp.body.contains("\"field\":\"password\""), || {
            format!("the refusal names no password field: {}", resp.body)
        })?;
    }
    create_staff(t, &admin, &fresh_email("eight"), "k7#Vq!2z")
        .await?
        .expect("8 characters", 204, None)?;
    let easy = create_staff(t, &admin, &fresh_email("easy"), "wachtwoord123").await?;
    easy.expect("an easy password", 422, Some("invalid_input"))?;
    Ok(
        "7 characters (also 7 two-byte ones) refused 422 on field password, 8 accepted, \
        an easy one (wachtwoord123) refused; set through the invitation link (nobody types \
        another person's password); the password change applies the same check"
            .into(),
    )
}

pub(super) async fn exact_password(t: &Target) -> Result<String> {
    let admin = login(t, ADMIN).await?;
    let email = fresh_email("exact");
    let password = "Precies-Zo-Getypt-voor-ASVS-628!";
    create_staff(t, &admin, &email, password)
        .await?
        .expect("new account", 204, None)?;
    let chars: Vec<char> = password.chars().collect();
    let shorter: String = chars[..chars.len() - 1].iter().collect();
    for (what, attempt) in [
        ("upper case", password.to_uppercase()),
        ("lower case", password.to_lowercase()),
        ("one character short", shorter),
    ] {
        login_call(t, &email, &attempt)
            .await?
            .expect(what, 401, Some("bad_credentials"))?;
    }
    login(t, (&email, password)).await?;
    Ok("the password in upper case, lower case or one character short: 401; as typed: 200".into())
}

pub(super) async fn long_passwords(t: &Target) -> Result<String> {
    let admin = login(t, ADMIN).await?;
    let mut lengths = Vec::new();
    for len in [64, 200] {
        let email = fresh_email("long");
        let password: String = "Lang wachtwoord, spaties & tekens! "
            .chars()
            .cycle()
            .take(len)
            .collect();
        create_staff(t, &admin, &email, &password).await?.expect(
            &format!("{len} characters"),
            204,
            None,
        )?;
        login(t, (&email, &password)).await?;
        lengths.push(len.to_string());
    }
    Ok(format!(
        "accounts with passwords of {} characters (spaces and punctuation) made and logged in",
        lengths.join(" and ")
    ))
}

pub(super) async fn no_enumeration(t: &Target) -> Result<String> {
    let started = Instant::now();
    let wrong = login_call(t, GENT.0, "not-the-password-1").await?;
    let wrong_ms = started.elapsed().as_millis();
    let started = Instant::now();
    let unknown = login_call(t, &fresh_email("nobody"), "not-the-password-1").await?;
    let unknown_ms = started.elapsed().as_millis();
    wrong.expect("wrong password", 401, Some("bad_credentials"))?;
    ensure(wrong.status == unknown.status, || {
        format!("status {} against {}", wrong.status, unknown.status)
    })?;
    ensure(wrong.body == unknown.body, || {
        format!("bodies differ: {} against {}", wrong.body, unknown.body)
    })?;
    let headers = |r: &Resp| {
        let mut h: Vec<(String, String)> = r
            .headers
            .iter()
            .filter(|(n, _)| n != "date")
            .cloned()
            .collect();
        h.sort();
        h
    };
    ensure(headers(&wrong) == headers(&unknown), || {
        format!(
            "headers differ: {:?} against {:?}",
            headers(&wrong),
            headers(&unknown)
        )
    })?;
    Ok(format!(
        "both {} with the same body and headers; time {wrong_ms} ms against {unknown_ms} ms \
         (an unknown email verifies a dummy hash; time not asserted)",
        wrong.brief()
    ))
}

// ---- V7 ----

pub(super) async fn forged_token(t: &Target) -> Result<String> {
    let real = login(t, WETTEREN).await?;
    let forged = |token: String| Session {
        token,
        ..real.clone()
    };
    let cases = [
        ("a random token of the right form", forged(new_token())),
        ("the CSRF token as session token", forged(real.csrf.clone())),
        (
            "the real token in upper case",
            forged(real.token.to_uppercase()),
        ),
        ("a path", forged("../../etc/passwd".into())),
        ("an empty token", forged(String::new())),
    ];
    for (what, session) in cases {
        me(t, &session)
            .await?
            .expect(what, 401, Some("not_logged_in"))?;
    }
    me(t, &real).await?.expect("the real token", 200, None)?;
    Ok(
        "401 for a random token, the CSRF token, the token in upper case, a path, \
        an empty one; 200 for the issued token"
            .into(),
    )
}

pub(super) async fn token_entropy(t: &Target) -> Result<String> {
    let mut tokens = Vec::new();
    for _ in 0..3 {
        let s = login(t, WETTEREN).await?;
        tokens.push(s.token.clone());
        tokens.push(s.csrf.clone());
    }
    let mut distinct = tokens.clone();
    distinct.sort();
    distinct.dedup();
    ensure(distinct.len() == tokens.len(), || "a token repeated".into())?;
    for token in &tokens {
        let bits = token.len() * 4;
        ensure(
            token.bytes().all(|b| b.is_ascii_hexdigit()) && bits >= 128,
            || format!("token {token:?}: not hex or under 128 bits"),
        )?;
    }
    let mut stored = String::new();
    if let Some(state) = &t.state {
        let token = &tokens[0];
        let by_raw = state.db.find_session(token, now_unix()).await;
        let by_hash = state.db.find_session(&token_hash(token), now_unix()).await;
        ensure(
            matches!(by_raw, Ok(None)) && matches!(by_hash, Ok(Some(_))),
            || "the database keys sessions by the raw token".into(),
        )?;
        stored = "; the database keeps only its SHA-256".into();
    }
    Ok(format!(
        "3 logins: session and CSRF tokens all different, {} hex characters ({} bits){stored}",
        tokens[0].len(),
        tokens[0].len() * 4
    ))
}

pub(super) async fn new_token_on_login(t: &Target) -> Result<String> {
    let first = login(t, WETTEREN).await?;
    let second = login_again(t, &first, WETTEREN).await?;
    ensure(second.token != first.token, || {
        "the second login kept the token".into()
    })?;
    me(t, &second).await?.expect("the new session", 200, None)?;
    me(t, &first)
        .await?
        .expect("the session the login replaced", 401, Some("not_logged_in"))?;
    Ok("a login sent with a session cookie gets a new token; the old one is refused (401)".into())
}

pub(super) async fn idle_timeout(t: &Target) -> Result<String> {
    let state = t.state()?;
    let s = login(t, WETTEREN).await?;
    let unused_until = now_unix() + SESSION_IDLE_SECONDS + 60;
    let still = state
        .db
        .find_session(&token_hash(&s.token), unused_until)
        .await
        .map_err(|e| e.to_string())?;
    ensure(still.is_none(), || {
        format!(
            "a session left unused for {} minutes is still valid (the server checks sessions \
             by their expiry alone): no inactivity timeout, only the {}-hour lifetime",
            (SESSION_IDLE_SECONDS + 60) / 60,
            SESSION_SECONDS / 3600
        )
    })?;
    // Use keeps a session alive: used two thirds into the limit, it is still valid two
    // thirds into the next one.
    let used = login(t, WETTEREN).await?;
    let hash = token_hash(&used.token);
    let step = SESSION_IDLE_SECONDS * 2 / 3;
    for later in [step, 2 * step] {
        let found = state
            .db
            .find_session(&hash, now_unix() + later)
            .await
            .map_err(|e| e.to_string())?;
        ensure(found.is_some(), || {
            format!("a session used every {} minutes ended", step / 60)
        })?;
    }
    Ok(format!(
        "a session unused for {} minutes is no longer valid; one used every {} minutes lives on",
        (SESSION_IDLE_SECONDS + 60) / 60,
        step / 60
    ))
}

pub(super) async fn absolute_timeout(t: &Target) -> Result<String> {
    let state = t.state()?;
    let s = login(t, WETTEREN).await?;
    let max_age: i64 = cookie_attributes(&s.set_cookie)
        .into_iter()
        .find(|(n, _)| n == "max-age")
        .and_then(|(_, v)| v.parse().ok())
        .ok_or("the session cookie has no Max-Age")?;
    ensure(max_age > 0 && max_age <= SESSION_SECONDS, || {
        format!("Max-Age {max_age}")
    })?;
    let later = state
        .db
        .find_session(&token_hash(&s.token), now_unix() + SESSION_SECONDS + 1)
        .await
        .map_err(|e| e.to_string())?;
    ensure(later.is_none(), || {
        "the session is still valid after its lifetime".into()
    })?;
    // A session whose lifetime ran out a second ago, and a control that has an hour.
    let staff = state
        .db
        .find_staff_by_email(WETTEREN.0)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("no Wetteren account")?;
    let mut sessions = Vec::new();
    for expires in [now_unix() - 1, now_unix() + 3600] {
        let token = new_token();
        state
            .db
            .insert_session(
                &token_hash(&token),
                staff.id,
                &new_token(),
                now_unix(),
                expires,
                "ASVS",
            )
            .await
            .map_err(|e| e.to_string())?;
        sessions.push(Session { token, ..s.clone() });
    }
    me(t, &sessions[0])
        .await?
        .expect("an expired session", 401, Some("not_logged_in"))?;
    me(t, &sessions[1])
        .await?
        .expect("a session within its lifetime", 200, None)?;
    Ok(format!(
        "Max-Age {max_age} s; the server refuses a session after {} hours (401 for an \
         expired one, 200 within its lifetime)",
        SESSION_SECONDS / 3600
    ))
}

pub(super) async fn logout(t: &Target) -> Result<String> {
    let s = login(t, WETTEREN).await?;
    let out = Call::new("DELETE", "/api/session")
        .authed(&s)
        .send(t)
        .await?;
    out.expect("logout", 204, None)?;
    let cleared = out.header("set-cookie").unwrap_or_default();
    ensure(
        cookie_attributes(cleared)
            .iter()
            .any(|(n, v)| n == "max-age" && v == "0"),
        || format!("the logout does not clear the cookie: {cleared:?}"),
    )?;
    me(t, &s).await?.expect(
        "GET /api/session/all after logout",
        401,
        Some("not_logged_in"),
    )?;
    Call::new("PUT", "/api/orgs/library/demo-wetteren")
        .authed(&s)
        .json(&json!({"name": "Na afmelden", "town": "Wetteren"}))
        .send(t)
        .await?
        .expect(
            "PUT with the old cookie and token",
            401,
            Some("not_logged_in"),
        )?;
    Call::new("DELETE", "/api/session")
        .authed(&s)
        .send(t)
        .await?
        .expect("a second logout", 401, Some("not_logged_in"))?;
    Ok("204 with Max-Age=0; then the old cookie gets 401 on GET, PUT and DELETE".into())
}

// ---- V11 ----

/// OWASP's Password Storage Cheat Sheet: argon2id with at least one of these memory
/// (KiB) and iteration pairs, parallelism 1.
const ARGON2ID_MINIMUMS: &[(u32, u32)] = &[
    (47_104, 1),
    (19_456, 2),
    (12_288, 3),
    (9_216, 4),
    (7_168, 5),
];

/// `(m, t, p)` of an argon2id PHC string.
fn argon2id_params(phc: &str) -> Option<(u32, u32, u32)> {
    let mut parts = phc.split('$');
    let (_, algorithm, _version, params) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if algorithm != "argon2id" {
        return None;
    }
    let get = |name: &str| {
        params
            .split(',')
            .find_map(|p| p.strip_prefix(name)?.strip_prefix('='))
            .and_then(|v| v.parse().ok())
    };
    Some((get("m")?, get("t")?, get("p")?))
}

pub(super) async fn argon2id(t: &Target) -> Result<String> {
    let state = t.state()?;
    let admin = login(t, ADMIN).await?;
    let password = "zelfde-wachtwoord-twee-keer";
    let mut hashes = Vec::new();
    for _ in 0..2 {
        let email = fresh_email("hash");
        create_staff(t, &admin, &email, password)
            .await?
            .expect("new account", 204, None)?;
        let staff = state
            .db
            .find_staff_by_email(&email)
            .await
            .map_err(|e| e.to_string())?
            .ok_or("the new account is not in the database")?;
        hashes.push(staff.password_hash);
    }
    let (m, t_cost, p) = argon2id_params(&hashes[0])
        .ok_or_else(|| format!("not an argon2id PHC string: {}", hashes[0]))?;
    ensure(
        ARGON2ID_MINIMUMS
            .iter()
            .any(|&(m0, t0)| m >= m0 && t_cost >= t0)
            && p >= 1,
        || format!("m={m}, t={t_cost}, p={p} is below OWASP's minimums"),
    )?;
    ensure(hashes[0] != hashes[1], || {
        "two accounts with one password have the same hash (no salt)".into()
    })?;
    ensure(!hashes[0].contains(password), || {
        "the password is stored".into()
    })?;
    Ok(format!(
        "argon2id m={m} KiB, t={t_cost}, p={p}, salted (two accounts with one password \
         differ), read from the database after the invitation link set it"
    ))
}

pub(super) async fn rate_limit(t: &Target) -> Result<String> {
    let email = fresh_email("brute");
    let mut answers = Vec::new();
    for i in 0..5 {
        let resp = login_call(t, &email, &format!("guess-{i}")).await?;
        resp.expect(
            &format!("wrong login {}", i + 1),
            401,
            Some("bad_credentials"),
        )?;
        answers.push(resp.status.to_string());
    }
    let sixth = login_call(t, &email, "guess-6").await?;
    sixth.expect("the sixth wrong login", 429, Some("too_many_attempts"))?;
    let retry: u64 = sixth
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .ok_or("429 without a Retry-After in seconds")?;
    ensure(retry >= 1, || format!("Retry-After {retry}"))?;
    login_call(t, &fresh_email("other"), "guess")
        .await?
        .expect(
            "another email from the same address",
            401,
            Some("bad_credentials"),
        )?;
    login(t, WETTEREN).await?;
    Ok(format!(
        "5 wrong logins for one email: {}; the sixth 429 too_many_attempts, Retry-After \
         {retry} s; another email still 401, and the right password of another account 200",
        answers.join(", ")
    ))
}
