//! What the reader gets to show a book as its maker meant (W3C EPUB reading-system
//! tests): a right-to-left title and page progression, non-linear documents, and
//! EPUB's prefixed CSS served as browsers know it.

use axum::http::{Method, StatusCode};

use super::{CARD, borrow, member_session};
use crate::support::{Backend, TestApp};

/// A W3C test book added to the collection; its title id.
async fn w3c_book(app: &TestApp, name: &str) -> i64 {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/epub/w3c-epub-tests")
        .join(format!("{name}.epub"));
    let bytes = std::fs::read(&path).expect("the fixture");
    static_api::ereader_books::add_title(
        &app.state.db,
        &app.state.config.data_dir,
        bytes,
        Some(1),
        "test",
        "2026-12-05T10:00:00Z",
    )
    .await
    .unwrap_or_else(|e| panic!("{name}: {e}"))
    .id
}

async fn the_reader_gets_direction_layout_and_unprefixed_css(backend: Backend) {
    let app = TestApp::on(backend).await;
    let ann = member_session(&app, CARD).await;
    // Borrows `name`, answers its book view and a reader for its content, and returns it.
    let read = |name: &'static str| {
        let (app, ann) = (&app, ann.clone());
        async move {
            let title = w3c_book(app, name).await;
            let loan = borrow(app, &ann, title, None).await;
            assert_eq!(loan.status, StatusCode::CREATED, "{}", loan.json);
            let loan = loan.json["id"].as_i64().expect("a loan");
            let book = app
                .get_as(&format!("/api/ereader/loans/{loan}/book"), &ann)
                .await;
            assert_eq!(book.status, StatusCode::OK, "{}", book.json);
            let mut pages = Vec::new();
            for entry in book.json["spine"].as_array().expect("a spine") {
                let path = entry["path"].as_str().expect("a path");
                let page = app
                    .get_as(&format!("/api/ereader/loans/{loan}/content/{path}"), &ann)
                    .await;
                assert_eq!(page.status, StatusCode::OK, "{path}");
                pages.push(String::from_utf8_lossy(&page.body).into_owned());
            }
            let back = format!("/api/ereader/loans/{loan}/return");
            let returned = app.request_as(Method::POST, &back, None, &ann).await;
            assert_eq!(returned.status, StatusCode::NO_CONTENT);
            (book.json, pages)
        }
    };

    let (book, pages) = read("pkg-dir_rtl-root-unset").await;
    assert_eq!(book["title_direction"], "rtl", "{book}");
    // The collection shows the title in its direction too (stored when it was added).
    let titles = app.get_as("/api/ereader/titles", &ann).await;
    let directions: Vec<&str> = titles
        .json
        .as_array()
        .expect("titles")
        .iter()
        .filter_map(|t| t["title_direction"].as_str())
        .collect();
    assert_eq!(directions, ["rtl"], "{}", titles.json);
    // Each document comes with the length of its visible text, no more than its bytes.
    for (entry, page) in book["spine"]
        .as_array()
        .expect("a spine")
        .iter()
        .zip(&pages)
    {
        let chars = entry["chars"].as_u64().expect("chars");
        assert!(chars > 0 && chars < page.chars().count() as u64, "{entry}");
    }
    let (book, _) = read("pkg-spine-progression_rtl").await;
    assert_eq!(book["direction"], "rtl");
    assert_eq!(book["title_direction"], "auto");
    assert_eq!(book["layout"], "reflowable");

    let (book, _) = read("pkg-spine-nonlinear-activation").await;
    let linear: Vec<bool> = book["spine"]
        .as_array()
        .expect("a spine")
        .iter()
        .map(|e| e["linear"].as_bool().expect("linear"))
        .collect();
    assert_eq!(linear, [true, false]);
    assert!(book["spine"][0]["fixed"] == false);

    // `-epub-writing-mode` in a `<style>` and on a body, `-epub-hyphens` in style
    // attributes, `-epub-fullwidth` as a value: standard names; the text keeps its own.
    let (_, pages) = read("css-epub-writing-mode").await;
    let all = pages.concat();
    assert!(!all.contains("-epub-writing-mode:"), "{all}");
    assert!(all.contains("writing-mode: vertical-rl"), "{all}");
    assert!(
        all.contains("-epub-writing-mode Tests"),
        "the text is left alone"
    );
    let (_, pages) = read("css-epub-hyphens").await;
    let all = pages.concat();
    assert!(
        all.contains("style=\"margin: 1em; hyphens: none;\""),
        "{all}"
    );
    assert!(all.contains("<h1>-epub-hyphens Test</h1>"), "{all}");
    let (_, pages) = read("css-epub-text-transform").await;
    assert!(pages.concat().contains("text-transform: full-width"));
}

on_both_backends!(the_reader_gets_direction_layout_and_unprefixed_css);
