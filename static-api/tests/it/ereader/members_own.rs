//! What is the member's own in the API: their reading history (off by default), their
//! bookmarks and highlights, and a copy of a borrowed book for an e-reader device.

use axum::http::{Method, StatusCode};
use serde_json::json;

use super::{CARD, borrow, member_session, title, with_books, with_member};
use crate::support::{Backend, Session, TestApp};

/// Ended loans of `title` that still name a member.
async fn ended_with_member(app: &TestApp, title: i64) -> i64 {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM ereader_loans WHERE title_id = $1 AND ended_at IS NOT NULL \
         AND member_id IS NOT NULL",
    )
    .bind(title)
    .fetch_one(app.state.db.pool_for_tests())
    .await
    .expect("count");
    n
}

async fn reading_history_is_off_until_the_member_wants_it(backend: Backend) {
    let app = with_member(backend).await;
    let a = title(&app, "Aap", 1).await;
    let ann = member_session(&app, CARD).await;
    let read_and_return = || async {
        let loan = borrow(&app, &ann, a, None).await;
        assert_eq!(loan.status, StatusCode::CREATED, "{}", loan.json);
        let back = format!("/api/ereader/loans/{}/return", loan.json["id"]);
        assert_eq!(
            app.request_as(Method::POST, &back, None, &ann).await.status,
            StatusCode::NO_CONTENT
        );
    };
    read_and_return().await;
    let off = app.get_as("/api/ereader/history", &ann).await;
    assert_eq!(off.json, json!({"keep": false, "books": []}));
    assert_eq!(ended_with_member(&app, a).await, 0, "no trace of Ann");
    let choose = |keep: bool| {
        app.request_as(
            Method::PUT,
            "/api/ereader/history",
            Some(json!({"keep": keep})),
            &ann,
        )
    };
    assert_eq!(choose(true).await.json["keep"], true);
    read_and_return().await;
    let on = app.get_as("/api/ereader/history", &ann).await;
    assert_eq!(
        on.json["books"].as_array().map(Vec::len),
        Some(1),
        "{}",
        on.json
    );
    assert_eq!(on.json["books"][0]["title"], "Aap");
    assert_eq!(ended_with_member(&app, a).await, 1);
    // Off again: forgotten at once.
    let forgot = choose(false).await;
    assert_eq!(forgot.json, json!({"keep": false, "books": []}));
    assert_eq!(ended_with_member(&app, a).await, 0);
    let forged = app
        .request_as(
            Method::PUT,
            "/api/ereader/history",
            Some(json!({"keep": true})),
            &ann.without_csrf(),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
}

on_both_backends!(reading_history_is_off_until_the_member_wants_it);

async fn bookmarks_and_highlights_are_the_members_own(backend: Backend) {
    let app = with_member(backend).await;
    let a = title(&app, "Aap", 2).await;
    let ann = member_session(&app, CARD).await;
    let bert = member_session(&app, "2000000000099").await;
    let loan = borrow(&app, &ann, a, None).await.json["id"]
        .as_i64()
        .expect("a loan");
    let notes = format!("/api/ereader/loans/{loan}/annotations");
    let add = |who: &Session, body: serde_json::Value| {
        let (app, notes, who) = (&app, notes.clone(), who.clone());
        async move { app.request_as(Method::POST, &notes, Some(body), &who).await }
    };
    let highlight = json!({"kind": "highlight", "note": "Het begin",
        "place": {"spine": 2, "progress": 0.1, "start": 10, "end": 25, "quote": "Call me Ishmael"}});
    let bookmark = json!({"kind": "bookmark", "place": {"spine": 3, "progress": 0.5}});
    assert_eq!(
        add(&ann, highlight.clone()).await.status,
        StatusCode::CREATED
    );
    let kept = add(&ann, bookmark.clone()).await;
    assert_eq!(kept.status, StatusCode::CREATED, "{}", kept.json);
    let bare = add(
        &ann,
        json!({"kind": "highlight", "place": {"spine": 2, "progress": 0.1}}),
    )
    .await;
    assert_eq!(bare.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bare.json["error"]["field"], "place.start");
    assert_eq!(
        bare.json["error"]["message"],
        "Deze plek in het boek kunnen we niet bewaren. Probeer het opnieuw."
    );
    let long = add(
        &ann,
        json!({"kind": "bookmark", "note": "x".repeat(1_001), "place": {"spine": 0, "progress": 0.0}}),
    )
    .await;
    assert_eq!(long.json["error"]["field"], "note");
    let listed = app.get_as(&notes, &ann).await;
    let kinds: Vec<&str> = listed
        .json
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|n| n["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        ["bookmark", "highlight"],
        "kept apart, bookmarks first"
    );
    assert_eq!(listed.json[1]["place"]["quote"], "Call me Ishmael");
    assert_eq!(listed.json[1]["note"], "Het begin");
    // Another member reaches none of it.
    assert_eq!(
        app.get_as(&notes, &bert).await.status,
        StatusCode::NOT_FOUND
    );
    let one = format!("{notes}/{}", kept.json["id"]);
    assert_eq!(
        app.request_as(Method::DELETE, &one, None, &bert)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        add(&bert, bookmark.clone()).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.request_as(Method::DELETE, &one, None, &ann)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.request_as(Method::DELETE, &one, None, &ann)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // The loan ends: without a reading history, its highlight goes with it.
    let count = || async {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM ereader_annotations")
            .fetch_one(app.state.db.pool_for_tests())
            .await
            .expect("count");
        n
    };
    assert_eq!(count().await, 1);
    let back = format!("/api/ereader/loans/{loan}/return");
    assert_eq!(
        app.request_as(Method::POST, &back, None, &ann).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(count().await, 0);
    // With the history on, the next loan of the book finds them again.
    app.request_as(
        Method::PUT,
        "/api/ereader/history",
        Some(json!({"keep": true})),
        &ann,
    )
    .await;
    let again = borrow(&app, &ann, a, None).await.json["id"]
        .as_i64()
        .expect("a loan");
    let notes = format!("/api/ereader/loans/{again}/annotations");
    app.request_as(Method::POST, &notes, Some(bookmark), &ann)
        .await;
    let back = format!("/api/ereader/loans/{again}/return");
    app.request_as(Method::POST, &back, None, &ann).await;
    let third = borrow(&app, &ann, a, None).await.json["id"]
        .as_i64()
        .expect("a loan");
    let listed = app
        .get_as(&format!("/api/ereader/loans/{third}/annotations"), &ann)
        .await;
    assert_eq!(
        listed.json.as_array().map(Vec::len),
        Some(1),
        "{}",
        listed.json
    );
}

on_both_backends!(bookmarks_and_highlights_are_the_members_own);

async fn a_copy_for_a_device_carries_the_loans_end(backend: Backend) {
    let app = with_books(backend).await;
    let ann = member_session(&app, CARD).await;
    let bert = member_session(&app, "2000000000099").await;
    let titles = app.get("/api/ereader/titles").await;
    let id_of = |name: &str| {
        titles
            .json
            .as_array()
            .and_then(|t| {
                t.iter()
                    .find(|t| t["title"].as_str().is_some_and(|n| n.starts_with(name)))
            })
            .and_then(|t| t["id"].as_i64())
            .expect("a demo book")
    };
    let (children, moby) = (id_of("Children"), id_of("Moby"));
    sqlx::query("UPDATE ereader_titles SET download = 1 WHERE id = $1")
        .bind(moby)
        .execute(app.state.db.pool_for_tests())
        .await
        .expect("the admin allows it");
    let kept = borrow(&app, &ann, children, None).await.json["id"].clone();
    let no = app
        .get_as(&format!("/api/ereader/loans/{kept}/download"), &ann)
        .await;
    assert_eq!(no.status, StatusCode::FORBIDDEN);
    assert_eq!(
        no.json["error"]["message"],
        "Dit boek kun je alleen hier in de browser lezen, niet downloaden."
    );
    let loan = borrow(&app, &ann, moby, Some(14)).await;
    assert_eq!(loan.json["download"], true, "{}", loan.json);
    let url = format!("/api/ereader/loans/{}/download", loan.json["id"]);
    let copy = app.get_as(&url, &ann).await;
    assert_eq!(copy.status, StatusCode::OK, "{}", copy.json);
    assert_eq!(
        copy.header("content-type").as_deref(),
        Some("application/epub+zip")
    );
    let disposition = copy.header("content-disposition").unwrap_or_default();
    assert!(
        disposition.starts_with("attachment; filename=\"Moby-Dick")
            && disposition.ends_with(".epub\""),
        "{disposition}"
    );
    let book = suite_epub::Book::open(copy.body.clone()).expect("the copy is a whole EPUB");
    let first = book.spine_items()[0].path.clone();
    let page = String::from_utf8(book.resource(&first).expect("the notice")).expect("text");
    let until = loan.json["until"].as_i64().expect("an end");
    let notice = suite_domain::ereader::download::loan_notice("Moby-Dick", until).expect("words");
    assert!(page.contains(&notice.heading), "{page}");
    // Only the member whose loan it is.
    assert_eq!(app.get_as(&url, &bert).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&url).await.status, StatusCode::UNAUTHORIZED);
}

on_both_backends!(a_copy_for_a_device_carries_the_loans_end);
