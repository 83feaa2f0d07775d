//! Test helpers: a server with a temporary database (demo data) and a temporary site.

#![allow(dead_code)] // Each test binary uses a different part of these helpers.

pub(crate) mod catalogue;

use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
use static_api::{AppState, Config, demo};
use tower::ServiceExt;

pub(crate) const ADMIN: (&str, &str) = ("admin@demo.invalid", "demo-admin-2026");
pub(crate) const WETTEREN: (&str, &str) = ("bib.wetteren@demo.invalid", "demo-wetteren-2026");
pub(crate) const GENT: (&str, &str) = ("bib.gent@demo.invalid", "demo-gent-2026");

pub(crate) struct TestApp {
    pub(crate) router: Router,
    pub(crate) state: AppState,
    pub(crate) dir: tempfile::TempDir,
}

pub(crate) struct TestResponse {
    pub(crate) status: StatusCode,
    pub(crate) headers: axum::http::HeaderMap,
    pub(crate) body: Vec<u8>,
    pub(crate) json: serde_json::Value,
}

impl TestResponse {
    pub(crate) fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(String::from)
    }
}

/// A logged-in staff member's cookie and CSRF token.
#[derive(Clone)]
pub(crate) struct Session {
    pub(crate) cookie: String,
    pub(crate) csrf: String,
}

impl Session {
    pub(crate) fn without_csrf(&self) -> Session {
        Session {
            cookie: self.cookie.clone(),
            csrf: String::new(),
        }
    }
}

fn write(path: &Path, content: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create test folder");
    }
    std::fs::write(path, content).expect("write test file");
}

/// A small built site like the one `cargo xtask build` writes.
pub(crate) fn write_site(site: &Path) {
    write(
        &site.join("index.html"),
        b"<!doctype html><title>Portaal</title>",
    );
    write(
        &site.join("bieblo/index.html"),
        b"<!doctype html><title>Bieblo</title>",
    );
    write(
        &site.join("bieblo/bieblo-0123456789abcdef_bg.wasm"),
        b"\0asm-raw",
    );
    write(
        &site.join("bieblo/bieblo-0123456789abcdef_bg.wasm.br"),
        b"brotli-bytes",
    );
    write(
        &site.join("bieblo/bieblo-0123456789abcdef_bg.wasm.gz"),
        b"gzip-bytes",
    );
    write(&site.join("bieblo/themes.png"), b"png");
    write(
        &site.join("bieblo/beheer/index.html"),
        b"<!doctype html><title>Bieblo beheer</title>",
    );
}

impl TestApp {
    pub(crate) async fn new() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let site_dir = dir.path().join("site");
        write_site(&site_dir);
        let config = Config {
            data_dir: dir.path().join("data"),
            site_dir,
            demo: true,
        };
        let state = AppState::open(config).await.expect("open database");
        demo::seed(&state.db).await.expect("seed demo data");
        let router = static_api::app(state.clone());
        TestApp { router, state, dir }
    }

    /// A test app around an existing state (no demo data, no site).
    pub(crate) fn with_state(state: AppState) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let router = static_api::app(state.clone());
        TestApp { router, state, dir }
    }

    pub(crate) async fn raw(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        self.raw_bytes(method, path, body.map(String::into_bytes), headers)
            .await
    }

    /// A request with a body of any bytes (uploads).
    pub(crate) async fn raw_bytes(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut builder = Request::builder().method(method).uri(path);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let request = builder
            .body(body.map(Body::from).unwrap_or_else(Body::empty))
            .expect("request");
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible router");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec();
        let json = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
        TestResponse {
            status,
            headers,
            body,
            json,
        }
    }

    pub(crate) async fn get(&self, path: &str) -> TestResponse {
        self.raw(Method::GET, path, None, &[]).await
    }

    pub(crate) async fn login(&self, email: &str, password: &str) -> TestResponse {
        let body = serde_json::json!({"email": email, "password": password}).to_string();
        self.raw(
            Method::POST,
            "/api/session",
            Some(body),
            &[("content-type", "application/json")],
        )
        .await
    }

    pub(crate) async fn session(&self, (email, password): (&str, &str)) -> Session {
        let res = self.login(email, password).await;
        assert_eq!(res.status, StatusCode::OK, "login {email}");
        let set_cookie = res.header("set-cookie").expect("cookie");
        let cookie = set_cookie.split(';').next().unwrap_or_default().to_string();
        let csrf = res.json["csrf_token"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        Session { cookie, csrf }
    }

    pub(crate) async fn get_as(&self, path: &str, s: &Session) -> TestResponse {
        self.request_as(Method::GET, path, None, s).await
    }

    pub(crate) async fn request_as(
        &self,
        method: Method,
        path: &str,
        body: Option<serde_json::Value>,
        s: &Session,
    ) -> TestResponse {
        let mut headers = vec![
            ("cookie", s.cookie.as_str()),
            ("content-type", "application/json"),
        ];
        if !s.csrf.is_empty() {
            headers.push(("x-csrf-token", s.csrf.as_str()));
        }
        self.raw(method, path, body.map(|b| b.to_string()), &headers)
            .await
    }
}
