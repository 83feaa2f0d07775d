//! Search in a borrowed book (`GET /api/ereader/loans/{loan}/search?q=`), on SQLite and
//! PostgreSQL.

use axum::http::{Method, StatusCode};
use serde_json::json;

use super::{CARD, borrow_children, member_session, with_books};
use crate::support::Backend;

/// `GET .../search?q=`: the member with the running loan finds a text in the whole
/// book, with its document and a snippet; nobody else searches it; a text of under 2
/// or over 100 characters gets a Dutch message at `q`.
async fn a_member_searches_their_borrowed_book(backend: Backend) {
    let app = with_books(backend).await;
    let ann = member_session(&app, CARD).await;
    let bert = member_session(&app, "2000000000099").await;
    let loan = borrow_children(&app, &ann).await;
    let book = app
        .get_as(&format!("/api/ereader/loans/{loan}/book"), &ann)
        .await;
    let spine = book.json["spine"]
        .as_array()
        .expect("a reading order")
        .clone();
    let search = |q: &str| format!("/api/ereader/loans/{loan}/search?q={q}");

    // Case does not matter; the hit names its document as the reader's spine does.
    let found = app.get_as(&search("mother%20GOOSE"), &ann).await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.json);
    let hits = found.json.as_array().expect("a list");
    assert_eq!(hits.len(), 1, "{hits:?}");
    let hit = &hits[0];
    let at = hit["spine"].as_u64().expect("a spine index") as usize;
    assert_eq!(spine[at]["path"], hit["path"], "{hit}");
    assert_eq!(hit["path"], "EPUB/s04.xhtml");
    assert!(hit["offset"].as_u64().expect("an offset") > 1000, "{hit}");
    let snippet = hit["snippet"].as_str().expect("a snippet");
    assert!(snippet.contains("Mother Goose"), "{snippet}");
    assert!(
        snippet.chars().count() > "Mother Goose".len() + 20,
        "with context: {snippet}"
    );
    // Many hits are cut at 100, in reading order.
    let many = app.get_as(&search("the"), &ann).await;
    let many = many.json.as_array().expect("a list");
    assert_eq!(many.len(), 100);
    let offsets: Vec<(u64, u64)> = many
        .iter()
        .map(|h| {
            (
                h["spine"].as_u64().unwrap_or(0),
                h["offset"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert!(offsets.windows(2).all(|w| w[0] < w[1]), "in reading order");
    // Nothing found is an empty list.
    let none = app.get_as(&search("zzqxj"), &ann).await;
    assert_eq!(
        (none.status, none.json.clone()),
        (StatusCode::OK, json!([]))
    );

    // Too short, empty, missing or too long: 422 with the Dutch message at `q`.
    let long = "a".repeat(101);
    for bad in [
        search("a"),
        search("%20%20"),
        search(""),
        search(&long),
        format!("/api/ereader/loans/{loan}/search"),
    ] {
        let refused = app.get_as(&bad, &ann).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad}: {}",
            refused.json
        );
        assert_eq!(refused.json["error"]["field"], "q", "{bad}");
        assert_eq!(
            refused.json["error"]["message"],
            "Zoek op minstens 2 en hoogstens 100 tekens."
        );
    }
    assert_eq!(
        app.get_as(&search(&"a".repeat(100)), &ann).await.status,
        StatusCode::OK
    );

    // Another member's loan, or nobody: nothing.
    assert_eq!(
        app.get_as(&search("mother"), &bert).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&search("mother")).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Returned: no more searching.
    let give_back = format!("/api/ereader/loans/{loan}/return");
    app.request_as(Method::POST, &give_back, None, &ann).await;
    assert_eq!(
        app.get_as(&search("mother"), &ann).await.status,
        StatusCode::NOT_FOUND
    );
}

on_both_backends!(a_member_searches_their_borrowed_book);
