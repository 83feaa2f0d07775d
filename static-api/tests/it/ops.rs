//! What operators rely on: readiness that follows the database (SQLite's file moved
//! away, PostgreSQL's connections cut) while liveness does not; `/metrics` counting by
//! route pattern, for the operators' network only; one JSON log line per request.

use crate::support;

use std::process::Command;

use axum::http::{Method, StatusCode};
use serde_json::json;
use support::{Backend, TestApp, WETTEREN};

/// Makes the test app's database unreachable (`down`) or reachable again, for real:
/// SQLite's file moved away and back; PostgreSQL's database closed to connections and
/// its open ones ended.
async fn database_reachable(app: &TestApp, reachable: bool) {
    match &app.state.config.database_url {
        Some(url) => support::postgres::allow_connections(url, reachable).await,
        None => {
            let file = app.state.config.data_dir.join(static_api::db::DB_FILE);
            let moved = file.with_extension("moved");
            let (from, to) = if reachable {
                (moved, file)
            } else {
                (file, moved)
            };
            std::fs::rename(&from, &to).expect("move the database file");
        }
    }
}

/// The readiness check's answer, which must have `status`.
async fn health(app: &TestApp, status: StatusCode) -> support::TestResponse {
    let ready = app.get("/api/health").await;
    assert_eq!(ready.status, status, "{}", ready.json);
    ready
}

async fn readiness_follows_the_database_and_liveness_does_not(backend: Backend) {
    let app = TestApp::on(backend).await;
    assert_eq!(app.get("/api/health").await.status, StatusCode::OK);

    database_reachable(&app, false).await;
    let ready = health(&app, StatusCode::SERVICE_UNAVAILABLE).await;
    assert_eq!(ready.json["error"]["code"], "busy");
    assert!(ready.json["error"]["message"].is_string());
    assert_eq!(ready.header("retry-after").as_deref(), Some("5"));
    let live = app.get("/api/health/live").await;
    assert_eq!(live.status, StatusCode::OK);
    assert_eq!(live.json["status"], "ok");
    assert_eq!(live.json["version"], env!("CARGO_PKG_VERSION"));

    database_reachable(&app, true).await;
    let ready = health(&app, StatusCode::OK).await;
    assert_eq!(ready.json["status"], "ok");

    // SQLite's file replaced by another one (a copy, a database as well): the pool's
    // connections still answer from the first, the next one would open the other.
    if app.state.config.database_url.is_none() {
        let file = app.state.config.data_dir.join(static_api::db::DB_FILE);
        let (kept, copy) = (file.with_extension("kept"), file.with_extension("copy"));
        std::fs::hard_link(&file, &kept).expect("keep the file");
        std::fs::copy(&file, &copy).expect("copy the file");
        std::fs::rename(&copy, &file).expect("replace the file");
        health(&app, StatusCode::SERVICE_UNAVAILABLE).await;
        std::fs::rename(&kept, &file).expect("put the first file back");
        health(&app, StatusCode::OK).await;
    }
}

on_both_backends!(readiness_follows_the_database_and_liveness_does_not);

/// `/metrics` as the operators' monitoring on this machine reads it.
async fn scrape(app: &TestApp) -> String {
    let res = app
        .raw_from(Some("127.0.0.1:9100"), Method::GET, "/metrics", None, &[])
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        res.header("content-type").as_deref(),
        Some("text/plain; version=0.0.4; charset=utf-8")
    );
    String::from_utf8(res.body).expect("UTF-8")
}

/// The value of the sample line that starts with `series` (name and labels).
fn value(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .and_then(|v| v.parse().ok())
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern_imports_and_the_pool() {
    let app = TestApp::new().await;
    for _ in 0..3 {
        app.get("/api/health").await;
    }
    app.get("/api/health/live").await;
    // Two organisations, one pattern; not logged in: 401.
    app.get("/api/orgs/library/demo-wetteren?secret=yes").await;
    app.get("/api/orgs/library/demo-gent").await;
    // The site's fallback: an app's page and an unknown path.
    app.get("/bieblo/").await;
    app.get("/no-such-page").await;
    let staff = app.session(WETTEREN).await;
    let broken = json!({"files": [{"name": "kapot.xml", "content": "<aquabrowser>"}]});
    let import = app
        .request_as(
            Method::POST,
            "/api/bieblo/demo-wetteren/imports",
            Some(broken),
            &staff,
        )
        .await;
    assert_eq!(import.status, StatusCode::OK, "{}", import.json);

    let text = scrape(&app).await;
    let count = |route: &str, method: &str, class: &str| {
        value(
            &text,
            &format!(
                "suite_http_requests_total{{route=\"{route}\",method=\"{method}\",status=\"{class}\"}}"
            ),
        )
    };
    assert_eq!(count("/api/health", "GET", "2xx"), Some(3.0), "{text}");
    assert_eq!(count("/api/health/live", "GET", "2xx"), Some(1.0));
    assert_eq!(count("/api/orgs/{kind}/{id}", "GET", "4xx"), Some(2.0));
    assert_eq!(count("/api/session", "POST", "2xx"), Some(1.0));
    assert_eq!(
        count("/api/bieblo/{library}/imports", "POST", "2xx"),
        Some(1.0)
    );
    assert_eq!(count("unmatched", "GET", "2xx"), Some(1.0));
    assert_eq!(count("unmatched", "GET", "4xx"), Some(1.0));
    let histogram = "suite_http_request_duration_seconds";
    let health = "route=\"/api/health\",method=\"GET\"";
    assert_eq!(
        value(
            &text,
            &format!("{histogram}_bucket{{{health},le=\"+Inf\"}}")
        ),
        Some(3.0)
    );
    assert_eq!(
        value(&text, &format!("{histogram}_count{{{health}}}")),
        Some(3.0)
    );
    assert!(value(&text, &format!("{histogram}_sum{{{health}}}")).is_some_and(|s| s > 0.0));
    assert_eq!(
        value(
            &text,
            "suite_import_runs_total{kind=\"catalogue\",outcome=\"failed\"}"
        ),
        Some(1.0)
    );
    assert_eq!(value(&text, "suite_db_pool_max_connections"), Some(8.0));
    assert!(value(&text, "suite_db_pool_connections").is_some_and(|n| (1.0..=8.0).contains(&n)));
    assert!(value(&text, "suite_db_pool_idle_connections").is_some());
    // Patterns only: no organisation, query or page a client asked for.
    for asked in [
        "demo-wetteren",
        "demo-gent",
        "secret",
        "no-such-page",
        "\"/bieblo/\"",
    ] {
        assert!(!text.contains(asked), "{asked} in\n{text}");
    }

    // The scrape itself is counted, by the next one.
    let again = scrape(&app).await;
    assert_eq!(
        value(
            &again,
            "suite_http_requests_total{route=\"/metrics\",method=\"GET\",status=\"2xx\"}"
        ),
        Some(1.0)
    );
}

#[tokio::test]
async fn metrics_answer_only_the_operators_network() {
    let site_404 = |res: &support::TestResponse| {
        res.status == StatusCode::NOT_FOUND
            && String::from_utf8_lossy(&res.body).contains("Niet gevonden")
    };
    // The default: this machine only.
    let app = TestApp::new().await;
    let from = |peer: Option<&'static str>, method: Method, headers: &'static [(&str, &str)]| {
        app.raw_from(peer, method, "/metrics", None, headers)
    };
    assert_eq!(
        from(Some("[::1]:9100"), Method::GET, &[]).await.status,
        StatusCode::OK
    );
    for outside in ["81.1.2.3:4000", "10.0.0.7:4000", "[2a02:1800::1]:443"] {
        let res = from(Some(outside), Method::GET, &[]).await;
        assert!(site_404(&res), "{outside}: {}", res.status);
    }
    assert!(
        site_404(&from(None, Method::GET, &[]).await),
        "no socket, no address"
    );
    // Other methods: 405 for the operators, the same 404 for everyone else.
    assert!(site_404(
        &from(Some("81.1.2.3:4000"), Method::POST, &[]).await
    ));
    assert_eq!(
        from(Some("127.0.0.1:9100"), Method::POST, &[]).await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
    // A header does not make an outsider an operator.
    let forged: &[(&str, &str)] = &[("x-forwarded-for", "127.0.0.1")];
    assert!(site_404(
        &from(Some("81.1.2.3:4000"), Method::GET, forged).await
    ));

    // Behind a reverse proxy on this machine, the client is the forwarded one: the
    // internet through the proxy is not this machine.
    let app = TestApp::with_config_on(Backend::Sqlite, |config| {
        config.proxies = static_api::net::TrustedProxies::parse("127.0.0.1", None).expect("list");
    })
    .await;
    let proxied = &app;
    let through = move |client: &'static str| async move {
        proxied
            .raw_from(
                Some("127.0.0.1:80"),
                Method::GET,
                "/metrics",
                None,
                &[("x-forwarded-for", client)],
            )
            .await
    };
    assert!(site_404(&through("81.1.2.3").await));
    assert_eq!(through("127.0.0.1").await.status, StatusCode::OK);

    // An operators' network instead of loopback (`--metrics-from 10.8.0.0/16`).
    let app = TestApp::with_config_on(Backend::Sqlite, |config| {
        config.metrics_from = static_api::net::NetList::parse("10.8.0.0/16").expect("list");
    })
    .await;
    let get = |peer: &'static str| app.raw_from(Some(peer), Method::GET, "/metrics", None, &[]);
    assert_eq!(get("10.8.3.4:9100").await.status, StatusCode::OK);
    assert!(site_404(&get("10.9.0.1:9100").await));
    assert!(site_404(&get("127.0.0.1:9100").await));
}

/// `serve --log-format json`: one JSON object a line on stderr, one `request` line per
/// request with its method, route pattern, status and latency, and neither the query
/// nor the client's address.
#[test]
fn json_logs_have_one_line_per_request_without_query_or_address() {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = crate::cli::free_port();
    let server = crate::cli::serve(
        dir.path(),
        &[
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--log-format",
            "json",
        ],
        None,
    );
    assert!(crate::cli::wait_until_up(port), "the server came up");
    let asked = http_get(port, "/api/orgs/library/bib-12345?token=geheim-42");
    assert!(asked.starts_with("HTTP/1.1 401"), "{asked}");
    let _ = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    let output = server.wait_with_output().expect("stderr");
    let stderr = String::from_utf8_lossy(&output.stderr);

    let lines: Vec<serde_json::Value> = stderr
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    let requests: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["message"] == "request" && l["route"] == "/api/orgs/{kind}/{id}")
        .collect();
    assert_eq!(requests.len(), 1, "{stderr}");
    let line = requests[0];
    assert_eq!(line["method"], "GET");
    assert_eq!(line["status"], 401);
    assert_eq!(line["level"], "INFO");
    assert!(
        line["latency_ms"].as_f64().is_some_and(|ms| ms >= 0.0),
        "{line}"
    );
    assert!(line["timestamp"].is_string());
    let mut fields: Vec<&str> = line
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "latency_ms",
            "level",
            "message",
            "method",
            "route",
            "status",
            "target",
            "timestamp"
        ]
    );
    // Neither the query, nor the organisation asked for, nor a client address in any
    // line about the request (the start line names the listening address).
    for asked in ["geheim-42", "token", "bib-12345"] {
        assert!(!stderr.contains(asked), "{asked} in {stderr}");
    }
    let health_lines = lines
        .iter()
        .filter(|l| l["message"] == "request" && l["route"] == "/api/health")
        .count();
    assert!(health_lines >= 1, "the readiness polls are logged too");
}

/// A plain HTTP/1.1 GET on loopback; the whole answer.
fn http_get(port: u16, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("read");
    answer
}
