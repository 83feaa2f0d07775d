//! Reading a borrowed book through the API, on SQLite and PostgreSQL: its view, its
//! resources under the book's own policy (with an ETag: a current copy gets 304),
//! closed to anyone else and after the return; the place kept for another device.

use axum::http::{Method, StatusCode};
use serde_json::json;

use super::{CARD, borrow_children, member_session, with_books};
use crate::support::{Backend, Session};

async fn a_borrowed_book_is_read_by_its_member_only(backend: Backend) {
    let app = with_books(backend).await;
    let ann = member_session(&app, CARD).await;
    let bert = member_session(&app, "2000000000099").await;
    let loan = borrow_children(&app, &ann).await;
    let book = app
        .get_as(&format!("/api/ereader/loans/{loan}/book"), &ann)
        .await;
    assert_eq!(book.status, StatusCode::OK, "{}", book.json);
    assert_eq!(book.json["title"], "Children's Literature");
    assert_eq!(book.json["direction"], "ltr");
    let spine = book.json["spine"].as_array().expect("a reading order");
    assert_eq!(spine.len(), 3, "cover, contents, text: {spine:?}");
    assert!(!book.json["toc"].as_array().expect("a toc").is_empty());
    let first = spine[2]["path"].as_str().expect("a path").to_string();
    assert!(
        first.contains('/'),
        "a path inside the EPUB's folder: {first}"
    );
    let url = format!("/api/ereader/loans/{loan}/content/{first}");
    let page = app.get_as(&url, &ann).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.header("content-type").as_deref(),
        Some("application/xhtml+xml")
    );
    let policy = page.header("content-security-policy").unwrap_or_default();
    assert!(
        policy.contains("script-src 'none'") && policy.contains("frame-ancestors 'self'"),
        "{policy}"
    );
    assert_eq!(
        page.header("x-frame-options").as_deref(),
        Some("SAMEORIGIN")
    );
    assert!(String::from_utf8_lossy(&page.body).contains("<html"));
    // The reader's copy is asked about again each time (authorised), and a current one
    // gets 304 without the bytes; another document has another tag.
    assert_eq!(
        page.header("cache-control").as_deref(),
        Some("private, no-cache")
    );
    let etag = page.header("etag").expect("an ETag");
    let again = app
        .raw(
            Method::GET,
            &url,
            None,
            &[
                ("cookie", ann.cookie.as_str()),
                ("if-none-match", etag.as_str()),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag").as_deref(), Some(etag.as_str()));
    let other = format!(
        "/api/ereader/loans/{loan}/content/{}",
        spine[1]["path"].as_str().expect("a path")
    );
    let other = app.get_as(&other, &ann).await;
    assert_ne!(other.header("etag"), Some(etag.clone()));
    let stranger = app
        .raw(Method::GET, &url, None, &[("if-none-match", etag.as_str())])
        .await;
    assert_eq!(
        stranger.status,
        StatusCode::UNAUTHORIZED,
        "no tag without a member"
    );
    // The app's own pages keep the strict policy and may not be framed.
    let own = app.get("/api/ereader/titles").await;
    assert_eq!(own.header("x-frame-options").as_deref(), Some("DENY"));
    // Another member, nobody, or a path outside the book: nothing.
    assert_eq!(app.get_as(&url, &bert).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&url).await.status, StatusCode::UNAUTHORIZED);
    let outside = format!("/api/ereader/loans/{loan}/content/EPUB/../../../etc/passwd");
    assert_eq!(
        app.get_as(&outside, &ann).await.status,
        StatusCode::NOT_FOUND
    );
    let missing = format!("/api/ereader/loans/{loan}/content/EPUB/nothing.xhtml");
    assert_eq!(
        app.get_as(&missing, &ann).await.status,
        StatusCode::NOT_FOUND
    );

    // Where Ann is in the book is kept for her other devices.
    let place = format!("/api/ereader/loans/{loan}/position");
    assert_eq!(
        app.get_as(&place, &ann).await.status,
        StatusCode::NO_CONTENT
    );
    let save = |who: &Session, body: serde_json::Value| {
        let (who, place) = (who.clone(), place.clone());
        let app = &app;
        async move {
            app.request_as(Method::PUT, &place, Some(body), &who)
                .await
                .status
        }
    };
    assert_eq!(
        save(&ann, json!({"spine": 3, "progress": 0.5})).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        save(&ann, json!({"spine": 3, "progress": 2.0})).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        save(&bert, json!({"spine": 0, "progress": 0.0})).await,
        StatusCode::NOT_FOUND
    );
    let back = app.get_as(&place, &ann).await;
    assert_eq!(back.json, json!({"spine": 3, "progress": 0.5}));
    // Returned: the book is closed to her too.
    let give_back = format!("/api/ereader/loans/{loan}/return");
    assert_eq!(
        app.request_as(Method::POST, &give_back, None, &ann)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(app.get_as(&url, &ann).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get_as(&place, &ann).await.status, StatusCode::NOT_FOUND);
}

on_both_backends!(a_borrowed_book_is_read_by_its_member_only);
