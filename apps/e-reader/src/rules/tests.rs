//! Tests of the reader's pure rules, in the browser (the crate is built for wasm).

use wasm_bindgen_test::wasm_bindgen_test;

use super::*;

#[wasm_bindgen_test]
fn an_address_names_its_page_and_back() {
    let cases = [
        ("", Route::Collection),
        ("?", Route::Collection),
        ("?pagina=leningen", Route::Loans),
        ("?boek=7", Route::Reader { loan: 7 }),
        ("?pagina=leningen&boek=12", Route::Reader { loan: 12 }),
        ("?boek=nul", Route::Collection),
        ("?boek=-3", Route::Collection),
        ("?pagina=iets", Route::Collection),
    ];
    for (query, route) in cases {
        assert_eq!(Route::from_query(query), route, "{query}");
    }
    for route in [Route::Collection, Route::Loans, Route::Reader { loan: 42 }] {
        assert_eq!(Route::from_query(&route.to_query()), route);
    }
}

#[wasm_bindgen_test]
fn pages_are_counted_from_the_columns_width() {
    assert_eq!(page_count(800.0, 800.0), 1);
    assert_eq!(page_count(800.5, 800.0), 1);
    assert_eq!(page_count(1600.0, 800.0), 2);
    assert_eq!(page_count(1700.0, 800.0), 3);
    assert_eq!(page_count(0.0, 800.0), 1);
    assert_eq!(page_count(1600.0, 0.0), 1);
    assert_eq!(page_count(f64::NAN, 800.0), 1);
}

#[wasm_bindgen_test]
fn a_position_finds_its_page_again_at_any_page_count() {
    for pages in 1..60 {
        for page in 0..pages {
            let progress = progress_of_page(page, pages);
            assert!((0.0..1.0).contains(&progress));
            assert_eq!(page_of_progress(progress, pages), page, "{page}/{pages}");
        }
    }
    assert_eq!(page_of_progress(1.0, 10), 9);
    assert_eq!(page_of_progress(f64::NAN, 10), 0);
    assert_eq!(page_of_progress(-0.5, 10), 0);
    // A larger text has more pages: the same point is on a later page.
    assert_eq!(page_of_progress(progress_of_page(3, 10), 20), 6);
}

#[wasm_bindgen_test]
fn turning_crosses_into_the_next_and_previous_documents() {
    assert_eq!(next_page(0, 3, 0, 2), Turn::Page(1));
    assert_eq!(next_page(2, 3, 0, 2), Turn::NextDocument(1));
    assert_eq!(next_page(2, 3, 1, 2), Turn::Stay);
    assert_eq!(previous_page(2, 1), Turn::Page(1));
    assert_eq!(previous_page(0, 1), Turn::PreviousDocument(0));
    assert_eq!(previous_page(0, 0), Turn::Stay);
}

#[wasm_bindgen_test]
fn swipes_keys_and_right_to_left() {
    assert_eq!(swipe(-120.0, 10.0), Some(Direction::Forward));
    assert_eq!(swipe(120.0, -10.0), Some(Direction::Back));
    assert_eq!(swipe(30.0, 0.0), None);
    assert_eq!(swipe(-80.0, 90.0), None);
    assert_eq!(key_turn("ArrowRight"), Some(Direction::Forward));
    assert_eq!(key_turn("ArrowLeft"), Some(Direction::Back));
    assert_eq!(key_turn("a"), None);
    assert_eq!(mirrored(Direction::Forward, true), Direction::Back);
    assert_eq!(mirrored(Direction::Forward, false), Direction::Forward);
}

#[wasm_bindgen_test]
fn settings_read_back_what_they_wrote_and_keep_defaults_for_the_rest() {
    let settings = Settings {
        font_percent: 130,
        scroll: true,
    };
    assert_eq!(Settings::parse(&settings.to_text()), settings);
    assert_eq!(Settings::parse(""), Settings::default());
    assert_eq!(Settings::parse("font=9999;scroll=1").font_percent, 100);
    assert_eq!(Settings::parse("font=abc").font_percent, 100);
    assert!(!Settings::parse("scroll=yes").scroll);
    let mut s = Settings::default();
    for _ in 0..100 {
        s = s.resized(true);
    }
    assert_eq!(s.font_percent, FONT_MAX);
    for _ in 0..100 {
        s = s.resized(false);
    }
    assert_eq!(s.font_percent, FONT_MIN);
    assert_eq!(Settings::default().resized(true).font_percent, 110);
}

#[wasm_bindgen_test]
fn content_paths_keep_their_folders_and_encode_the_rest() {
    assert_eq!(
        content_path(3, "OEBPS/text/ch 1.xhtml"),
        "/api/ereader/loans/3/content/OEBPS/text/ch%201.xhtml"
    );
}
