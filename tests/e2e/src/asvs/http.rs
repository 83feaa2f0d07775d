//! Plain HTTP/1.1 over a loopback socket, written by hand (as in `hardening.rs`): the
//! checks send exactly the methods, headers and bodies they mean to, with no client
//! library adding, normalising or following anything.

use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::Target;
use crate::Result;

/// One request, built up and then sent on a fresh connection.
#[derive(Debug, Clone)]
pub struct Call {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
}

/// An answer: status, headers (names in lower case, in order, repeated ones kept) and
/// the body as text.
#[derive(Debug, Clone)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// A logged-in staff member: the session token from `Set-Cookie`, the whole
/// `Set-Cookie` value and the CSRF token from the answer's body.
#[derive(Debug, Clone)]
pub struct Session {
    pub token: String,
    pub set_cookie: String,
    pub csrf: String,
    pub body: String,
}

impl Call {
    pub fn new(method: &str, path: &str) -> Self {
        Call {
            method: method.into(),
            path: path.into(),
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn get(path: &str) -> Self {
        Self::new("GET", path)
    }

    /// `METHOD path`, for details.
    pub fn label(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// A JSON body with `Content-Type: application/json`.
    pub fn json(self, value: &Value) -> Self {
        self.header("Content-Type", "application/json")
            .body(value.to_string())
    }

    /// A body as it is, with no `Content-Type` unless one is added.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = Some(body.into());
        self
    }

    /// The session cookie of `session`.
    pub fn cookie(self, session: &Session) -> Self {
        let value = format!("{}={}", cookie_name(&session.set_cookie), session.token);
        self.header("Cookie", &value)
    }

    /// The session cookie and its CSRF token.
    pub fn authed(self, session: &Session) -> Self {
        let csrf = session.csrf.clone();
        self.cookie(session).header("x-csrf-token", &csrf)
    }

    pub async fn send(&self, target: &Target) -> Result<Resp> {
        tokio::time::timeout(Duration::from_secs(30), self.exchange(target))
            .await
            .map_err(|_| format!("{} {}: no answer within 30 s", self.method, self.path))?
    }

    async fn exchange(&self, target: &Target) -> Result<Resp> {
        let what = format!("{} {}", self.method, self.path);
        let mut stream = TcpStream::connect(target.addr)
            .await
            .map_err(|e| format!("{what}: connect: {e}"))?;
        let mut head = format!(
            "{} {} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.method, self.path, target.addr
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if let Some(body) = &self.body {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(self.body.as_deref().unwrap_or_default());
        stream
            .write_all(&bytes)
            .await
            .map_err(|e| format!("{what}: write: {e}"))?;
        let mut answer = Vec::new();
        stream
            .read_to_end(&mut answer)
            .await
            .map_err(|e| format!("{what}: read: {e}"))?;
        parse(&answer).ok_or_else(|| {
            format!(
                "{what}: not an HTTP answer: {:?}",
                String::from_utf8_lossy(&answer)
            )
        })
    }
}

fn parse(answer: &[u8]) -> Option<Resp> {
    let split = answer.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&answer[..split]).ok()?;
    let raw_body = &answer[split + 4..];
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        dechunk(raw_body)?
    } else {
        raw_body.to_vec()
    };
    Some(Resp {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

impl Resp {
    /// The first header of this name (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// `error.code` of a JSON error body.
    pub fn error_code(&self) -> Option<String> {
        let v: Value = serde_json::from_str(&self.body).ok()?;
        v["error"]["code"].as_str().map(str::to_string)
    }

    /// Status and error code, for details: `403 csrf`.
    pub fn brief(&self) -> String {
        match self.error_code() {
            Some(code) => format!("{} {code}", self.status),
            None => self.status.to_string(),
        }
    }

    /// Fails unless the status is `status` (and the error code `code`, when given).
    pub fn expect(&self, what: &str, status: u16, code: Option<&str>) -> Result<()> {
        let code_ok = code.is_none_or(|c| self.error_code().as_deref() == Some(c));
        if self.status == status && code_ok {
            Ok(())
        } else {
            let want = code.map(|c| format!(" {c}")).unwrap_or_default();
            Err(format!(
                "{what}: {} (expected {status}{want})",
                self.brief()
            ))
        }
    }
}

/// The cookie name of a `Set-Cookie` value.
pub fn cookie_name(set_cookie: &str) -> &str {
    set_cookie
        .split(';')
        .next()
        .and_then(|pair| pair.split_once('='))
        .map(|(name, _)| name.trim())
        .unwrap_or_default()
}

/// The attributes of a `Set-Cookie` value, names in lower case: `("samesite", "Strict")`.
pub fn cookie_attributes(set_cookie: &str) -> Vec<(String, String)> {
    set_cookie
        .split(';')
        .skip(1)
        .map(|a| match a.split_once('=') {
            Some((n, v)) => (n.trim().to_ascii_lowercase(), v.trim().to_string()),
            None => (a.trim().to_ascii_lowercase(), String::new()),
        })
        .collect()
}

/// The login answer, as it came.
pub async fn login_call(target: &Target, email: &str, password: &str) -> Result<Resp> {
    Call::new("POST", "/api/session")
        .json(&serde_json::json!({"email": email, "password": password}))
        .send(target)
        .await
}

/// Logs in, or fails with the answer.
pub async fn login(target: &Target, (email, password): (&str, &str)) -> Result<Session> {
    session_of(login_call(target, email, password).await?, email)
}

/// Logs in sending an existing session's cookie along (a second login in one browser).
pub async fn login_again(
    target: &Target,
    old: &Session,
    (email, password): (&str, &str),
) -> Result<Session> {
    let resp = Call::new("POST", "/api/session")
        .cookie(old)
        .json(&serde_json::json!({"email": email, "password": password}))
        .send(target)
        .await?;
    session_of(resp, email)
}

fn session_of(resp: Resp, email: &str) -> Result<Session> {
    resp.expect(&format!("login of {email}"), 200, None)?;
    let set_cookie = resp
        .header("set-cookie")
        .ok_or("login answered without Set-Cookie")?
        .to_string();
    let token = set_cookie
        .split(';')
        .next()
        .and_then(|pair| pair.split_once('='))
        .map(|(_, v)| v.trim().to_string())
        .ok_or("Set-Cookie without a value")?;
    let info: Value = serde_json::from_str(&resp.body).map_err(|e| format!("login body: {e}"))?;
    let csrf = info["csrf_token"]
        .as_str()
        .ok_or("login body without csrf_token")?
        .to_string();
    Ok(Session {
        token,
        set_cookie,
        csrf,
        body: resp.body,
    })
}
