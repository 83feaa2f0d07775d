//! The static site: portal, apps with client-side route fallback, precompressed
//! variants, caching rules, `/data` JSON, and one request over a real socket.

use crate::support;

use axum::http::{Method, StatusCode};
use support::TestApp;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn portal_and_apps_with_client_side_routes() {
    let app = TestApp::new().await;
    let portal = app.get("/").await;
    assert_eq!(portal.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&portal.body).contains("Portaal"));
    assert_eq!(portal.header("cache-control").as_deref(), Some("no-cache"));
    assert!(portal.header("etag").is_some());

    let redirect = app.get("/bieblo").await;
    assert_eq!(redirect.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(redirect.header("location").as_deref(), Some("/bieblo/"));

    for (path, title) in [
        ("/bieblo/", "<title>Bieblo</title>"),
        ("/bieblo/rek/3", "<title>Bieblo</title>"),
        // The staff pages are a bundle of their own, with their own client-side routes.
        ("/bieblo/beheer", "<title>Bieblo beheer</title>"),
        ("/bieblo/beheer/", "<title>Bieblo beheer</title>"),
        ("/bieblo/beheer/thema", "<title>Bieblo beheer</title>"),
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status, StatusCode::OK, "{path}");
        assert!(String::from_utf8_lossy(&res.body).contains(title), "{path}");
        assert_eq!(
            res.header("content-type").as_deref(),
            Some("text/html; charset=utf-8")
        );
    }
    // A missing file with an extension is a 404, not the app shell.
    assert_eq!(
        app.get("/bieblo/missing.js").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get("/no-such-app/").await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get("/bieblo/../../etc/passwd").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/bieblo/%2e%2e/%2e%2e/Cargo.toml").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.raw(Method::POST, "/bieblo/", None, &[]).await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[tokio::test]
async fn precompressed_variants_and_immutable_hashed_assets() {
    let app = TestApp::new().await;
    let path = "/bieblo/bieblo-0123456789abcdef_bg.wasm";
    let br = app
        .raw(
            Method::GET,
            path,
            None,
            &[("accept-encoding", "gzip, deflate, br")],
        )
        .await;
    assert_eq!(br.body, b"brotli-bytes");
    assert_eq!(br.header("content-encoding").as_deref(), Some("br"));
    assert_eq!(
        br.header("content-type").as_deref(),
        Some("application/wasm")
    );
    assert_eq!(
        br.header("cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(br.header("vary").as_deref(), Some("accept-encoding"));

    let gz = app
        .raw(Method::GET, path, None, &[("accept-encoding", "gzip")])
        .await;
    assert_eq!(gz.body, b"gzip-bytes");
    assert_eq!(gz.header("content-encoding").as_deref(), Some("gzip"));

    let plain = app.get(path).await;
    assert_eq!(plain.body, b"\0asm-raw");
    assert!(plain.header("content-encoding").is_none());

    // No compressed sibling: served as is, even when br is accepted.
    let png = app
        .raw(
            Method::GET,
            "/bieblo/themes.png",
            None,
            &[("accept-encoding", "br")],
        )
        .await;
    assert_eq!(png.body, b"png");
    assert!(png.header("content-encoding").is_none());
    assert_eq!(png.header("cache-control").as_deref(), Some("no-cache"));
}

#[tokio::test]
async fn data_json_is_revalidated_with_etags() {
    let app = TestApp::new().await;
    let public = app.state.config.public_data_dir().join("bieblo");
    std::fs::create_dir_all(&public).expect("mkdir");
    std::fs::write(public.join("demo-wetteren.json"), br#"{"books":[]}"#).expect("write");

    let first = app.get("/data/bieblo/demo-wetteren.json").await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(
        first.header("content-type").as_deref(),
        Some("application/json")
    );
    assert_eq!(first.header("cache-control").as_deref(), Some("no-cache"));
    let etag = first.header("etag").expect("etag");
    let again = app
        .raw(
            Method::GET,
            "/data/bieblo/demo-wetteren.json",
            None,
            &[("if-none-match", &etag)],
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());

    assert!(
        first.header("last-modified").is_none(),
        "no dates: a file rewritten within the second must not look unchanged"
    );
    std::fs::write(public.join("demo-wetteren.json"), br#"{"books":[1,2]}"#).expect("write");
    let dated = app
        .raw(
            Method::GET,
            "/data/bieblo/demo-wetteren.json",
            None,
            &[("if-modified-since", "Fri, 31 Dec 2100 23:59:59 GMT")],
        )
        .await;
    assert_eq!(
        dated.status,
        StatusCode::OK,
        "a date is not a validator here"
    );
    assert_eq!(dated.json["books"][1], 2);
    let changed = app
        .raw(
            Method::GET,
            "/data/bieblo/demo-wetteren.json",
            None,
            &[("if-none-match", &etag)],
        )
        .await;
    assert_eq!(
        changed.status,
        StatusCode::OK,
        "a changed file has a new etag"
    );
    assert_eq!(
        app.get("/data/bieblo/../../suite.sqlite").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/data/suite.sqlite").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn serves_over_a_real_socket() {
    let app = TestApp::new().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let server = tokio::spawn(static_api::serve(listener, app.state.clone()));
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let request = format!("GET /api/health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains(r#""status":"ok""#), "{response}");
    server.abort();
}

#[tokio::test]
async fn files_answer_byte_ranges_so_a_video_plays_from_the_middle() {
    let app = TestApp::new().await;
    // An uploaded trailer, as the back-office stores it.
    let media = app
        .state
        .config
        .public_data_dir()
        .join("culture-matcher/media/demo-nova");
    std::fs::create_dir_all(&media).expect("mkdir");
    let video: Vec<u8> = (0..100_000_u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(media.join("0123456789abcdef.mp4"), &video).expect("write");
    let url = "/data/culture-matcher/media/demo-nova/0123456789abcdef.mp4";

    let whole = app.get(url).await;
    assert_eq!(whole.status, StatusCode::OK);
    assert_eq!(whole.header("accept-ranges").as_deref(), Some("bytes"));
    assert_eq!(whole.header("content-type").as_deref(), Some("video/mp4"));
    assert_eq!(whole.body, video);

    let first = app
        .raw(Method::GET, url, None, &[("range", "bytes=0-99")])
        .await;
    assert_eq!(first.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(first.body, video[..100]);
    assert_eq!(
        first.header("content-range").as_deref(),
        Some("bytes 0-99/100000")
    );
    // From the middle, as a player seeking does.
    let middle = app
        .raw(Method::GET, url, None, &[("range", "bytes=50000-")])
        .await;
    assert_eq!(middle.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(middle.body, video[50_000..]);
    assert!(middle.header("etag").is_some());
    let past = app
        .raw(Method::GET, url, None, &[("range", "bytes=200000-")])
        .await;
    assert_eq!(past.status, StatusCode::RANGE_NOT_SATISFIABLE);
    // The built apps too (the game's wasm is 14 MB).
    let wasm = app
        .raw(
            Method::GET,
            "/bieblo/bieblo-0123456789abcdef_bg.wasm",
            None,
            &[("range", "bytes=0-3")],
        )
        .await;
    assert_eq!(wasm.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(wasm.body, b"\0asm");
    assert_eq!(
        wasm.header("cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    let head = app.raw(Method::HEAD, url, None, &[]).await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.body.is_empty());
    assert_eq!(head.header("content-length").as_deref(), Some("100000"));
}

#[tokio::test]
async fn data_paths_lose_exactly_one_data_prefix() {
    let app = TestApp::new().await;
    let public = app.state.config.public_data_dir();
    std::fs::create_dir_all(&public).expect("mkdir");
    std::fs::write(public.join("set.json"), b"{\"wrong\":true}").expect("write");
    std::fs::write(public.join("dataset.json"), b"{\"right\":true}").expect("write");
    let res = app.get("/data/dataset.json").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json["right"], true);
    assert_eq!(
        app.get("/data/data/set.json").await.status,
        StatusCode::NOT_FOUND
    );
    // Hidden files (temporary and lock files of publishing) are never served.
    std::fs::write(public.join(".dataset.json.lock"), b"").expect("write");
    assert_eq!(
        app.get("/data/.dataset.json.lock").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_handler_that_panics_is_answered_500_with_the_security_headers() {
    use axum::routing::get;
    let router = static_api::with_layers(
        axum::Router::new().route(
            "/boom",
            get(|| async {
                if std::hint::black_box(true) {
                    panic!("a bug");
                }
                "never"
            }),
        ),
        std::sync::Arc::default(),
    );
    let response = tower::ServiceExt::oneshot(
        router,
        axum::http::Request::builder()
            .uri("/boom")
            .body(axum::body::Body::empty())
            .expect("request"),
    )
    .await
    .expect("answer");
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers();
    assert_eq!(
        headers
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok()),
        Some(static_api::security::CONTENT_SECURITY_POLICY)
    );
    assert_eq!(
        headers
            .get("x-content-type-options")
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
}

/// Reads until the server closes the connection (or 10 s pass); what it sent.
async fn read_until_closed(stream: &mut tokio::net::TcpStream) -> Option<String> {
    let mut answer = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_to_end(&mut answer),
    )
    .await;
    read.ok()
        .map(|_| String::from_utf8_lossy(&answer).into_owned())
}

#[tokio::test]
async fn connections_are_capped_and_silent_ones_are_closed() {
    let app = TestApp::new().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let limits = static_api::ConnectionLimits {
        max_connections: 2,
        header_timeout: std::time::Duration::from_millis(500),
        ..Default::default()
    };
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(static_api::serve_with(
        listener,
        app.state.clone(),
        limits,
        async move {
            let _ = stop_rx.await;
        },
    ));
    // Two clients connect and send nothing (slowloris).
    let mut a = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let mut b = tokio::net::TcpStream::connect(addr).await.expect("connect");
    // Half a request line, then nothing more.
    b.write_all(b"GET /api/hea").await.expect("write");
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    // A third is over the cap: closed without an answer.
    let mut c = tokio::net::TcpStream::connect(addr).await.expect("connect");
    assert_eq!(read_until_closed(&mut c).await.as_deref(), Some(""));
    // The silent two are closed after the header timeout.
    assert!(read_until_closed(&mut a).await.is_some(), "a closed");
    assert!(read_until_closed(&mut b).await.is_some(), "b closed");
    // Then a normal client is served again.
    let mut d = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let request = format!("GET /api/health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    d.write_all(request.as_bytes()).await.expect("write");
    let answer = read_until_closed(&mut d).await.unwrap_or_default();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // Stopping: the server returns, and takes no more connections.
    stop_tx.send(()).expect("stop");
    tokio::time::timeout(std::time::Duration::from_secs(10), server)
        .await
        .expect("stops")
        .expect("task")
        .expect("served");
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn the_e_readers_worker_may_take_the_books_scope_and_its_manifest_is_typed() {
    let app = TestApp::new().await;
    let reader = app.state.config.site_dir.join("e-reader");
    std::fs::create_dir_all(&reader).expect("e-reader folder");
    std::fs::write(
        reader.join("sw.js"),
        "self.addEventListener('fetch', () => {});",
    )
    .expect("sw.js");
    std::fs::write(
        reader.join("manifest.webmanifest"),
        r#"{"name":"E-boeken"}"#,
    )
    .expect("manifest");
    std::fs::write(reader.join("other.js"), "export {};").expect("other.js");

    let worker = app.get("/e-reader/sw.js").await;
    assert_eq!(worker.status, StatusCode::OK);
    assert_eq!(
        worker.header("content-type").as_deref(),
        Some("text/javascript; charset=utf-8")
    );
    // Its scopes, `/e-reader/` and `/api/ereader/loans/`, share only `/`; it is
    // revalidated on every check (a new worker is seen at once).
    assert_eq!(
        worker.header("service-worker-allowed").as_deref(),
        Some("/")
    );
    assert_eq!(worker.header("cache-control").as_deref(), Some("no-cache"));
    // Any other script keeps the default: its own folder.
    let other = app.get("/e-reader/other.js").await;
    assert_eq!(other.status, StatusCode::OK);
    assert_eq!(other.header("service-worker-allowed"), None);

    let manifest = app.get("/e-reader/manifest.webmanifest").await;
    assert_eq!(manifest.status, StatusCode::OK);
    assert_eq!(
        manifest.header("content-type").as_deref(),
        Some("application/manifest+json")
    );
    // The pages' policy names the worker and the manifest: our own origin only.
    let csp = app.get("/").await.header("content-security-policy");
    let csp = csp.unwrap_or_default();
    assert!(csp.contains("worker-src 'self'"), "{csp}");
    assert!(csp.contains("manifest-src 'self'"), "{csp}");
}
