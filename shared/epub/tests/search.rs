//! Searching a whole book: hits in spine order with a snippet, case- and
//! accent-insensitive (Dutch readers type `een` for `één`).

mod common;

use common::{fixture, small_epub};
use suite_epub::{Book, search, text_of_xhtml};

#[test]
fn moby_dick_finds_ishmael_in_chapter_one_first() {
    let book = Book::open(fixture("books/moby-dick.epub")).expect("opens");
    let hits = search(&book, "call me ISHMAEL");
    assert_eq!(hits.len(), 1, "{hits:?}");
    let chapter_one = book
        .package
        .spine
        .iter()
        .position(|s| s.idref == "xchapter_001");
    assert_eq!(Some(hits[0].spine_index), chapter_one);
    assert!(
        hits[0].snippet.contains("Call me Ishmael."),
        "{}",
        hits[0].snippet
    );
    let text = text_of_xhtml(&book.resource("OPS/chapter_001.xhtml").expect("chapter"));
    let at: String = text.chars().skip(hits[0].char_offset).take(15).collect();
    assert_eq!(at, "Call me Ishmael");
    // Hits come in reading order.
    let whale = search(&book, "whale");
    assert!(whale.len() > 100, "{}", whale.len());
    assert!(
        whale
            .windows(2)
            .all(|w| (w[0].spine_index, w[0].char_offset) < (w[1].spine_index, w[1].char_offset))
    );
}

#[test]
fn search_ignores_case_and_accents_and_skips_markup() {
    let book = Book::open(small_epub(&[])).expect("opens");
    let hits = search(&book, "een");
    // "één", "ÉÉN" and "een" in the chapter; the <title> "Een" is not shown, so not found.
    assert_eq!(hits.len(), 3, "{hits:?}");
    assert_eq!(search(&book, "cafe").len(), 1);
    assert!(search(&book, "p>").is_empty());
    assert!(search(&book, "   ").is_empty());
}
