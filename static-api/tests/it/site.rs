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

    std::fs::write(public.join("demo-wetteren.json"), br#"{"books":[1,2]}"#).expect("write");
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
