//! What the e-reader's offline copy of a borrowed book relies on: the book lists every
//! file it holds (`resources`), each of which its member fetches under `content/` with
//! the book's own policy and a private cache, and nobody else fetches; once the loan is
//! returned, the book is refused (the worker then deletes the copy). On SQLite and
//! PostgreSQL.

use axum::http::{Method, StatusCode};

use super::{CARD, borrow_children, member_session, with_books};
use crate::support::Backend;

async fn a_borrowed_book_lists_every_file_an_offline_copy_needs(backend: Backend) {
    let app = with_books(backend).await;
    let ann = member_session(&app, CARD).await;
    let bert = member_session(&app, "2000000000099").await;
    let loan = borrow_children(&app, &ann).await;
    let book = app
        .get_as(&format!("/api/ereader/loans/{loan}/book"), &ann)
        .await;
    assert_eq!(book.status, StatusCode::OK, "{}", book.json);
    let resources: Vec<String> = book.json["resources"]
        .as_array()
        .expect("the book's files")
        .iter()
        .filter_map(|r| r.as_str().map(String::from))
        .collect();
    // Every document of the reading order is among them, and more (styles, pictures).
    let spine = book.json["spine"].as_array().expect("a reading order");
    for entry in spine {
        let path = entry["path"].as_str().expect("a path");
        assert!(
            resources.iter().any(|r| r == path),
            "{path} in {resources:?}"
        );
    }
    assert!(resources.len() > spine.len(), "{resources:?}");
    for path in &resources {
        let url = format!("/api/ereader/loans/{loan}/content/{path}");
        let file = app.get_as(&url, &ann).await;
        assert_eq!(file.status, StatusCode::OK, "{path}");
        // Kept by this member's browser only, and still the book's strict policy when
        // the worker answers from its copy (it keeps the headers).
        assert_eq!(
            file.header("cache-control").as_deref(),
            Some("private, no-cache"),
            "{path}"
        );
        let policy = file.header("content-security-policy").unwrap_or_default();
        assert!(policy.contains("script-src 'none'"), "{path}: {policy}");
        assert_eq!(app.get_as(&url, &bert).await.status, StatusCode::NOT_FOUND);
    }
    // Returned: the book is refused, which tells the worker to delete its copy.
    let give_back = format!("/api/ereader/loans/{loan}/return");
    app.request_as(Method::POST, &give_back, None, &ann).await;
    assert_eq!(
        app.get_as(&format!("/api/ereader/loans/{loan}/book"), &ann)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

on_both_backends!(a_borrowed_book_lists_every_file_an_offline_copy_needs);
