//! Test helpers: a server with a temporary database (demo data) and a temporary site.
//! The database is SQLite in the temporary data folder, or a fresh database on this
//! test binary's throwaway PostgreSQL server ([`postgres`]); tests of the store run on
//! both through [`on_both_backends!`].

pub(crate) mod catalogue;
pub(crate) mod postgres;

/// Runs each test body `async fn name(backend: Backend)` once per backend, as the tests
/// `name::sqlite` and `name::postgres`; `on_both_backends!(multi_thread: name)` on a
/// multi-threaded runtime.
macro_rules! on_both_backends {
    (multi_thread: $($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn sqlite() {
                    super::$name(static_api::db::Backend::Sqlite).await;
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn postgres() {
                    super::$name(static_api::db::Backend::Postgres).await;
                }
            }
        )+
    };
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$name(static_api::db::Backend::Sqlite).await;
                }
                #[tokio::test]
                async fn postgres() {
                    super::$name(static_api::db::Backend::Postgres).await;
                }
            }
        )+
    };
}

use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
pub(crate) use static_api::db::Backend;
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

/// The next server-sent event of `body` within `wait` (comment lines, the keep-alive,
/// skipped): its `event:` name and `data:` text; `None` when none comes in time.
pub(crate) async fn next_event(
    body: &mut Body,
    wait: std::time::Duration,
) -> Option<(String, String)> {
    let deadline = tokio::time::Instant::now() + wait;
    let mut text = String::new();
    loop {
        let frame = tokio::time::timeout_at(deadline, body.frame())
            .await
            .ok()??;
        if let Ok(data) = frame.expect("a frame of the stream").into_data() {
            text.push_str(&String::from_utf8_lossy(&data));
        }
        // An event ends with an empty line.
        while let Some(end) = text.find("\n\n") {
            let block: String = text.drain(..end + 2).collect();
            let (mut name, mut data) = (String::new(), String::new());
            for line in block.lines() {
                if let Some(v) = line.strip_prefix("event:") {
                    name = v.trim().to_string();
                } else if let Some(v) = line.strip_prefix("data:") {
                    data.push_str(v.trim());
                }
            }
            if !data.is_empty() {
                return Some((name, data));
            }
        }
    }
}

/// Serves `router` on a free port of 127.0.0.1 (a stand-in for a server elsewhere): its
/// base URL (`http://127.0.0.1:<port>`) and its task, to abort.
pub(crate) async fn serve_on_loopback(router: Router) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (format!("http://{addr}"), task)
}

/// The import runs recorded for `org_kind`/`org_id`, waiting up to five seconds for the
/// first (a spawned refresh's first tick).
pub(crate) async fn runs_soon(
    app: &TestApp,
    org_kind: &str,
    org_id: &str,
) -> Vec<(String, String)> {
    let mut recorded = Vec::new();
    for _ in 0..100 {
        recorded = app
            .state
            .db
            .import_runs(org_kind, org_id, 10)
            .await
            .expect("runs");
        if !recorded.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    recorded
}

/// A real PNG of `width` x `height` pixels of one colour (red `r`).
pub(crate) fn png_of(width: u32, height: u32, r: u8) -> Vec<u8> {
    let image = image::RgbaImage::from_pixel(width, height, image::Rgba([r, 90, 30, 255]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgba8(image)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("encode png");
    out
}

/// Cover settings that may fetch from the tests' stand-ins on loopback.
pub(crate) fn loopback_covers() -> static_api::import::covers::CoverSettings {
    static_api::import::covers::CoverSettings {
        allow_private: true,
        ..Default::default()
    }
}

/// A configuration for tests: demo data, and fetches from the stand-ins on loopback.
pub(crate) fn test_config(data_dir: &Path, site_dir: &Path) -> Config {
    let mut config = Config::new(data_dir, site_dir);
    config.demo = true;
    config.allow_private_fetch = true;
    config
}

/// The database URL of a test on `backend`: none for SQLite (the data folder's file), a
/// fresh database for PostgreSQL.
pub(crate) async fn database_url(backend: Backend) -> Option<static_api::db::DatabaseUrl> {
    match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some(postgres::fresh_database().await),
    }
}

impl TestApp {
    /// A test app on SQLite.
    pub(crate) async fn new() -> TestApp {
        Self::on(Backend::Sqlite).await
    }

    /// A test app whose database is on `backend`.
    pub(crate) async fn on(backend: Backend) -> TestApp {
        Self::with_config_on(backend, |_| {}).await
    }

    /// A test app (demo data, a small site) on `backend`, whose configuration `change`
    /// adjusts.
    pub(crate) async fn with_config_on(
        backend: Backend,
        change: impl FnOnce(&mut Config),
    ) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let site_dir = dir.path().join("site");
        write_site(&site_dir);
        let mut config = test_config(&dir.path().join("data"), &site_dir);
        config.database_url = database_url(backend).await;
        change(&mut config);
        let state = AppState::open(config).await.expect("open database");
        demo::seed(&state.db).await.expect("seed demo data");
        let router = static_api::app(state.clone());
        TestApp { router, state, dir }
    }

    /// Another instance of the same service: the same database and the same data folder
    /// (the folder several instances share), with a state and caches of its own.
    pub(crate) async fn second_instance(&self) -> TestApp {
        let state = AppState::open((*self.state.config).clone())
            .await
            .expect("open the shared database");
        Self::with_state(state)
    }

    /// Opens a request whose answer streams (server-sent events): its status, and the
    /// body to read events from with [`next_event`].
    pub(crate) async fn open_stream(
        &self,
        path: &str,
    ) -> (StatusCode, axum::http::HeaderMap, Body) {
        let request = Request::builder()
            .uri(path)
            .body(Body::empty())
            .expect("request");
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible router");
        let (parts, body) = response.into_parts();
        (parts.status, parts.headers, body)
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
        self.raw_from(None, method, path, body, headers).await
    }

    /// A request as if it came over a socket from `peer` (`"81.1.2.3:4000"`).
    pub(crate) async fn raw_from(
        &self,
        peer: Option<&str>,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut builder = Request::builder().method(method).uri(path);
        if let Some(peer) = peer {
            let addr: std::net::SocketAddr = peer.parse().expect("a socket address");
            builder = builder.extension(axum::extract::ConnectInfo(addr));
        }
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

    /// A login from `peer`, with extra headers (a proxy's `X-Forwarded-For`).
    pub(crate) async fn login_from(
        &self,
        peer: &str,
        email: &str,
        password: &str,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let body = serde_json::json!({"email": email, "password": password}).to_string();
        let mut all = vec![("content-type", "application/json")];
        all.extend_from_slice(headers);
        self.raw_from(
            Some(peer),
            Method::POST,
            "/api/session",
            Some(body.into_bytes()),
            &all,
        )
        .await
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

/// Library `library` takes part in the e-reader serving `population` inhabitants: its
/// active `e-reader` subscription (the one source of the libraries taking part).
pub(crate) async fn ereader_takes_part(
    db: &static_api::db::Db,
    library: &str,
    population: i64,
    at: &str,
) {
    let org = suite_domain::org::OrgRef::new(suite_domain::org::OrgKind::Library, library);
    db.write_subscription(static_api::db::service::SubscriptionWrite {
        org: &org,
        app: "e-reader",
        state: suite_domain::service::SubscriptionState::Active,
        by: "test",
        at,
        population: Some(population),
    })
    .await
    .expect("an active e-reader subscription");
}
