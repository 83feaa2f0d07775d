//! The e-reader's API, on SQLite and PostgreSQL: a member logs in with card and PIN
//! (typed with spaces), gets a session of their own (not staff's), logs out with the
//! CSRF token; a wrong PIN and an unknown card get the same Dutch answer; failures are
//! limited per card.

use crate::support::{Backend, Session, TestApp, WETTEREN};

use axum::http::{Method, StatusCode};
use serde_json::json;
use static_api::auth::FREE_FAILURES;
use static_api::auth::member::card_hash;
use static_api::db::ereader::NewTitle;

mod display;
mod members_own;
mod offline;
mod queue;
mod reading;
mod search;

const CARD: &str = "2000000000012";
const PIN: &str = "4321";

async fn with_member(backend: Backend) -> TestApp {
    let app = TestApp::on(backend).await;
    let db = &app.state.db;
    crate::support::ereader_takes_part(db, "demo-wetteren", 24_000, "2026-12-05T10:00:00Z").await;
    let pin_hash = static_api::auth::hash_password(PIN.to_string())
        .await
        .expect("hash");
    db.ereader_add_member(
        "demo-wetteren",
        &card_hash(CARD),
        &pin_hash,
        "2026-12-05T10:00:00Z",
    )
    .await
    .expect("query")
    .expect("a new member");
    app
}

async fn log_in(app: &TestApp, card: &str, pin: &str) -> crate::support::TestResponse {
    app.raw(
        Method::POST,
        "/api/ereader/session",
        Some(json!({"card": card, "pin": pin}).to_string()),
        &[("content-type", "application/json")],
    )
    .await
}

async fn a_member_logs_in_with_card_and_pin(backend: Backend) {
    let app = with_member(backend).await;
    let wrong = log_in(&app, CARD, "0000").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.json["error"]["code"], "bad_card");
    assert_eq!(
        wrong.json["error"]["message"],
        "Je kaartnummer of pincode klopt niet."
    );
    let unknown = log_in(&app, "2000000000099", PIN).await;
    assert_eq!(
        (unknown.status, &unknown.json),
        (wrong.status, &wrong.json),
        "an unknown card gets the same answer"
    );
    let ok = log_in(&app, "2000 0000-0001 2", PIN).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.json);
    assert_eq!(ok.json["library"], "demo-wetteren");
    let set_cookie = ok.header("set-cookie").expect("a cookie");
    for part in [
        "__Host-suite_member=",
        "HttpOnly",
        "Secure",
        "SameSite=Strict",
    ] {
        assert!(set_cookie.contains(part), "{set_cookie}");
    }
    let member = Session {
        cookie: set_cookie.split(';').next().unwrap_or_default().to_string(),
        csrf: ok.json["csrf_token"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    };
    let me = app.get_as("/api/ereader/session", &member).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json["csrf_token"], ok.json["csrf_token"]);
    // The reader opened on a book: its page has the book preloaded for a logged-in
    // member only (a 401 preloaded before the login would be taken after it).
    let reader = app.state.config.site_dir.join("e-reader");
    std::fs::create_dir_all(&reader).expect("e-reader folder");
    std::fs::write(reader.join("index.html"), "<!doctype html><title>E</title>").expect("page");
    let page = app.get_as("/e-reader/?boek=7", &member).await;
    assert_eq!(page.status, StatusCode::OK);
    let links = page.header("link").unwrap_or_default();
    assert!(
        links.contains("</api/ereader/loans/7/book>; rel=preload"),
        "{links}"
    );
    let anonymous = app.get("/e-reader/?boek=7").await;
    assert_eq!(anonymous.status, StatusCode::OK);
    assert_eq!(anonymous.header("link"), None);
    let forged = Session {
        cookie: "__Host-suite_member=not-a-session".into(),
        csrf: String::new(),
    };
    assert_eq!(
        app.get_as("/e-reader/?boek=7", &forged)
            .await
            .header("link"),
        None
    );
    // A staff session is not a member's, and a member's is not staff's.
    let staff = app.session(WETTEREN).await;
    assert_eq!(
        app.get_as("/api/ereader/session", &staff).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get_as("/api/session", &member).await.status,
        StatusCode::NO_CONTENT
    );
    // Logging out needs the CSRF token; afterwards the cookie is worth nothing.
    let forged = app
        .request_as(
            Method::DELETE,
            "/api/ereader/session",
            None,
            &member.without_csrf(),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let out = app
        .request_as(Method::DELETE, "/api/ereader/session", None, &member)
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    assert!(
        out.header("set-cookie")
            .is_some_and(|c| c.contains("Max-Age=0"))
    );
    assert_eq!(
        app.get_as("/api/ereader/session", &member).await.status,
        StatusCode::NO_CONTENT
    );
}

async fn guessing_a_pin_is_limited(backend: Backend) {
    let app = with_member(backend).await;
    let mut statuses = Vec::new();
    for n in 0..=FREE_FAILURES + 1 {
        statuses.push(log_in(&app, CARD, &format!("{n:04}")).await.status);
    }
    assert_eq!(
        statuses.last(),
        Some(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    // Even the right PIN waits now.
    let right = log_in(&app, CARD, PIN).await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(right.header("retry-after").is_some());
}

on_both_backends!(
    a_member_logs_in_with_card_and_pin,
    guessing_a_pin_is_limited
);

async fn title(app: &TestApp, name: &str, licences: i64) -> i64 {
    app.state
        .db
        .ereader_add_title(&NewTitle {
            title: name,
            creators: r#"["Schrijver"]"#,
            language: "nl",
            title_direction: "auto",
            file_sha256: &format!("{name:0>64}"),
            file_bytes: 1000,
            licences,
            licences_set: None,
            download: false,
            added_at: "2026-12-05T10:00:00Z",
            added_by: "test",
        })
        .await
        .expect("a title")
}

async fn member_session(app: &TestApp, card: &str) -> Session {
    let pin_hash = static_api::auth::hash_password(PIN.to_string())
        .await
        .expect("hash");
    app.state
        .db
        .ereader_add_member(
            "demo-wetteren",
            &card_hash(card),
            &pin_hash,
            "2026-12-05T10:00:00Z",
        )
        .await
        .expect("query");
    let ok = log_in(app, card, PIN).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.json);
    Session {
        cookie: ok
            .header("set-cookie")
            .and_then(|c| c.split(';').next().map(String::from))
            .unwrap_or_default(),
        csrf: ok.json["csrf_token"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    }
}

async fn borrow(
    app: &TestApp,
    who: &Session,
    title: i64,
    days: Option<u32>,
) -> crate::support::TestResponse {
    let body = match days {
        Some(days) => json!({"title": title, "days": days}),
        None => json!({"title": title}),
    };
    app.request_as(Method::POST, "/api/ereader/loans", Some(body), who)
        .await
}

async fn a_member_borrows_up_to_two_books_and_returns_one(backend: Backend) {
    let app = with_member(backend).await;
    let (a, b, c) = (
        title(&app, "Aap", 1).await,
        title(&app, "Beer", 2).await,
        title(&app, "Cobra", 1).await,
    );
    let ann = member_session(&app, CARD).await;
    let bert = member_session(&app, "2000000000099").await;
    let first = borrow(&app, &ann, a, None).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.json);
    assert_eq!(
        (first.json["title"].clone(), first.json["days_left"].clone()),
        (json!("Aap"), json!(42))
    );
    let titles = app.get("/api/ereader/titles").await;
    let free: Vec<(String, u64)> = titles
        .json
        .as_array()
        .expect("titles")
        .iter()
        .map(|t| {
            (
                t["title"].as_str().unwrap_or_default().to_string(),
                t["free"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    assert_eq!(
        free,
        [
            ("Aap".to_string(), 0),
            ("Beer".to_string(), 2),
            ("Cobra".to_string(), 1)
        ]
    );
    // Bert finds no licence of Aap free; a loan longer than six weeks is refused.
    let none = borrow(&app, &bert, a, None).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(none.json["error"]["field"], "title");
    let long = borrow(&app, &bert, b, Some(50)).await;
    assert_eq!(long.json["error"]["field"], "days", "{}", long.json);
    assert_eq!(borrow(&app, &ann, b, Some(14)).await.json["days_left"], 14);
    // A third loan is refused with the Dutch message.
    let third = borrow(&app, &ann, c, None).await;
    assert_eq!(third.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        third.json["error"]["message"],
        "Je hebt al 2 boeken geleend. Breng er eerst een terug."
    );
    assert_eq!(
        borrow(&app, &ann, 9_999, None).await.status,
        StatusCode::NOT_FOUND
    );
    let forged = borrow(&app, &ann.without_csrf(), c, None).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    // Ann's loans, the soonest end first; Bert cannot return them; Ann returns Aap.
    let loans = app.get_as("/api/ereader/loans", &ann).await;
    let names: Vec<&str> = loans
        .json
        .as_array()
        .expect("loans")
        .iter()
        .filter_map(|l| l["title"].as_str())
        .collect();
    assert_eq!(names, ["Beer", "Aap"]);
    let aap = first.json["id"].as_i64().expect("an id");
    let back = format!("/api/ereader/loans/{aap}/return");
    for (who, expected) in [
        (&bert, StatusCode::NOT_FOUND),
        (&ann, StatusCode::NO_CONTENT),
        (&ann, StatusCode::NOT_FOUND),
    ] {
        let status = app.request_as(Method::POST, &back, None, who).await.status;
        assert_eq!(status, expected);
    }
    // The licence is Bert's now, and Ann may borrow Cobra.
    assert_eq!(
        borrow(&app, &bert, a, None).await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        borrow(&app, &ann, c, None).await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        app.get("/api/ereader/loans").await.status,
        StatusCode::UNAUTHORIZED,
        "loans are a member's"
    );
}

on_both_backends!(a_member_borrows_up_to_two_books_and_returns_one);

/// `who` borrows the demo's Children's Literature: the loan's id.
async fn borrow_children(app: &TestApp, who: &Session) -> i64 {
    let titles = app.get("/api/ereader/titles").await;
    let children = titles
        .json
        .as_array()
        .and_then(|t| t.iter().find(|t| t["title"] == "Children's Literature"))
        .and_then(|t| t["id"].as_i64())
        .expect("the demo's children's book");
    let loan = borrow(app, who, children, None).await;
    assert_eq!(loan.status, StatusCode::CREATED, "{}", loan.json);
    loan.json["id"].as_i64().expect("a loan")
}

/// A test app with the demo's books and members.
async fn with_books(backend: Backend) -> TestApp {
    let app = TestApp::on(backend).await;
    static_api::demo::ereader::seed(&app.state.db, &app.state.config.data_dir)
        .await
        .expect("the demo's books");
    app
}

/// `static-api import epub`: an operator adds EPUB files; a broken one is refused with
/// its reason and the others still go in, each with the licences the population gives
/// (or set by hand); the same file twice is refused.
async fn an_operator_imports_epub_files(backend: Backend) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().to_str().expect("a UTF-8 path");
    let url = crate::support::database_url(backend).await;
    let run = |args: &[&str]| {
        let mut all = vec!["--data-dir", data];
        all.extend_from_slice(args);
        let out = crate::cli::static_api(&all, url.as_ref());
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let books = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/epub");
    let children = books.join("books/childrens-literature.epub");
    let minimal = books.join("epubcheck/ocf-minimal-valid.epub");
    let broken = dir.path().join("kapot.epub");
    let bytes = std::fs::read(&children).expect("the fixture");
    std::fs::write(&broken, &bytes[..bytes.len() / 2]).expect("a broken copy");
    let path = |p: &std::path::Path| p.to_str().expect("path").to_string();
    let (children, minimal, broken) = (path(&children), path(&minimal), path(&broken));
    let (ok, out, err) = run(&["import", "epub", &broken, &children]);
    assert!(!ok, "one file was refused: {out}");
    assert!(
        err.contains("kapot.epub: refused: not a usable EPUB")
            && err.contains("1 of 2 files refused"),
        "{err}"
    );
    assert!(
        out.contains("added \"Children's Literature\"") && out.contains("1 licences"),
        "no library takes part yet: one licence: {out}"
    );
    let (ok, out, err) = run(&["import", "epub", "--licences", "3", &minimal]);
    assert!(ok, "{err}");
    assert!(out.contains("3 licences"), "{out}");
    let (ok, _, err) = run(&["import", "epub", &children]);
    assert!(!ok && err.contains("in the collection already"), "{err}");
    // Both stored books are in the data folder, the broken one is not.
    let kept = std::fs::read_dir(dir.path().join("ereader"))
        .expect("the books' folder")
        .count();
    assert_eq!(kept, 2);
}

on_both_backends!(an_operator_imports_epub_files);
