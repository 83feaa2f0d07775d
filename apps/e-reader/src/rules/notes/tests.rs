//! Tests of the bookmarks' and highlights' pure rules, in the browser.

use suite_domain::ereader::notes::{AnnotationKind, AnnotationPlace, AnnotationView};
use wasm_bindgen_test::wasm_bindgen_test;

use super::*;
use crate::rules::progress_of_page;
use crate::rules::tests::contrast;

fn texts(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|p| p.to_string()).collect()
}

#[wasm_bindgen_test]
fn a_point_in_a_text_node_is_an_offset_into_the_whole_text() {
    // "é" is one UTF-16 unit, "𝄞" two; offsets count characters.
    let t = texts(&["Call me ", "Ishmaël", " 𝄞 Some"]);
    assert_eq!(char_offset(&t, 0, 0), Some(0));
    assert_eq!(char_offset(&t, 0, 5), Some(5));
    assert_eq!(char_offset(&t, 1, 0), Some(8));
    assert_eq!(char_offset(&t, 1, 7), Some(15));
    assert_eq!(char_offset(&t, 2, 3), Some(17), "after the clef");
    assert_eq!(char_offset(&t, 2, 4), Some(18));
    assert_eq!(char_offset(&t, 1, 8), None, "past the node's end");
    assert_eq!(char_offset(&t, 3, 0), None, "no such node");
}

#[wasm_bindgen_test]
fn a_passage_leaves_out_white_space_at_its_ends() {
    let t = texts(&["  Call me ", "Ishmael", ".  "]);
    assert_eq!(
        passage(&t, 0, 17),
        Some(Passage {
            start: 2,
            end: 17,
            quote: "Call me Ishmael".into()
        })
    );
    assert_eq!(passage(&t, 0, 2), None, "only white space");
    assert_eq!(passage(&t, 5, 5), None, "nothing");
    assert_eq!(
        passage(&t, 7, 99).map(|p| p.quote),
        Some("me Ishmael.".into())
    );
    assert_eq!(
        passage(&t, 8, 99).map(|p| p.quote),
        Some("e Ishmael.".into())
    );
}

#[wasm_bindgen_test]
fn a_passage_across_elements_has_one_piece_per_text_node() {
    // <p>Call me <em>Ishmael</em>. Some</p>\n<p>years ago</p>
    let t = texts(&["Call me ", "Ishmael", ". Some", "\n", "years ago"]);
    let p = passage(&t, 5, 12).expect("passage");
    assert_eq!(p.quote, "me Ishm");
    assert_eq!(
        pieces(&t, p.start, p.end),
        vec![
            Piece {
                node: 0,
                from: 5,
                to: 8
            },
            Piece {
                node: 1,
                from: 0,
                to: 4
            }
        ]
    );
    // Across paragraphs: the newline between them gets no wrapper.
    let whole: String = t.concat();
    let start = whole.find("Some").expect("Some") as u32;
    let q = pieces(&t, start, start + 9);
    assert_eq!(
        q,
        vec![
            Piece {
                node: 2,
                from: 2,
                to: 6
            },
            Piece {
                node: 4,
                from: 0,
                to: 4
            }
        ]
    );
    // UTF-16 units inside a node.
    let t = texts(&["a𝄞b", "c"]);
    assert_eq!(
        pieces(&t, 1, 4),
        vec![
            Piece {
                node: 0,
                from: 1,
                to: 4
            },
            Piece {
                node: 1,
                from: 0,
                to: 1
            }
        ]
    );
}

#[wasm_bindgen_test]
fn every_passage_goes_to_pieces_and_back() {
    // Whatever is selected, its pieces hold its quote (but for nodes of white space
    // only) and their offsets lead back to the same passage.
    let t = texts(&["Ca", "ll m𝄞 ", " ", "Ishmaël", ".", "\n  ", "Some years"]);
    let total: u32 = t.iter().map(|s| s.chars().count() as u32).sum();
    for start in 0..total {
        for end in start..=total {
            let Some(p) = passage(&t, start, end) else {
                continue;
            };
            let pieces = pieces(&t, p.start, p.end);
            let first = pieces.first().expect("a piece");
            let last = pieces.last().expect("a piece");
            assert_eq!(char_offset(&t, first.node, first.from), Some(p.start));
            assert_eq!(char_offset(&t, last.node, last.to), Some(p.end));
            let covered: String = pieces
                .iter()
                .map(|piece| {
                    let units: Vec<u16> = t[piece.node].encode_utf16().collect();
                    String::from_utf16(&units[piece.from as usize..piece.to as usize])
                        .expect("whole characters")
                })
                .collect();
            // Nodes of white space only get no wrapper: all else is covered.
            let squeezed = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(squeezed(&covered), squeezed(&p.quote), "{start}..{end}");
            assert_eq!(
                find_passage(&t, p.start, p.end, &p.quote),
                Some((p.start, p.end))
            );
        }
    }
}

#[wasm_bindgen_test]
fn a_quote_is_found_again_when_its_offsets_drift() {
    let t = texts(&["the whale, the ", "whale", " and the whale"]);
    // At its place.
    assert_eq!(find_passage(&t, 4, 9, "whale"), Some((4, 9)));
    // Drifted: the nearest place of the quote.
    assert_eq!(find_passage(&t, 14, 19, "whale"), Some((15, 20)));
    assert_eq!(find_passage(&t, 30, 35, "whale"), Some((29, 34)));
    assert_eq!(find_passage(&t, 0, 5, "walrus"), None);
    assert_eq!(find_passage(&t, 0, 5, ""), None);
}

fn note(
    id: i64,
    kind: AnnotationKind,
    spine: u32,
    progress: f64,
    start: Option<u32>,
) -> AnnotationView {
    AnnotationView {
        id,
        kind,
        place: AnnotationPlace {
            spine,
            progress,
            start,
            end: start.map(|s| s + 4),
            quote: start.map(|_| "word".into()),
        },
        note: String::new(),
        created: 0,
    }
}

#[wasm_bindgen_test]
fn the_lists_are_kept_apart_in_reading_order() {
    use AnnotationKind::{Bookmark, Highlight};
    let items = vec![
        note(1, Highlight, 3, 0.5, Some(40)),
        note(2, Bookmark, 3, 0.25, None),
        note(3, Highlight, 1, 0.9, Some(900)),
        note(4, Bookmark, 0, 0.75, None),
        note(5, Highlight, 3, 0.1, Some(10)),
        note(6, Bookmark, 3, 0.0, None),
    ];
    let (bookmarks, highlights) = split(&items);
    let ids = |list: Vec<&AnnotationView>| list.iter().map(|a| a.id).collect::<Vec<_>>();
    assert_eq!(ids(bookmarks), vec![4, 6, 2]);
    assert_eq!(ids(highlights), vec![3, 5, 1]);
    let (none, _) = split(&[]);
    assert!(none.is_empty());
}

#[wasm_bindgen_test]
fn a_bookmark_belongs_to_the_page_of_its_place() {
    use AnnotationKind::{Bookmark, Highlight};
    let pages = 7;
    let items = vec![
        note(1, Bookmark, 2, progress_of_page(3, pages), None),
        note(2, Bookmark, 2, progress_of_page(4, pages), None),
        note(3, Bookmark, 1, progress_of_page(3, pages), None),
        note(4, Highlight, 2, progress_of_page(3, pages), Some(0)),
    ];
    assert_eq!(bookmarks_on_page(&items, 2, 3, pages), vec![1]);
    assert_eq!(bookmarks_on_page(&items, 2, 4, pages), vec![2]);
    assert_eq!(bookmarks_on_page(&items, 1, 3, pages), vec![3]);
    assert!(bookmarks_on_page(&items, 2, 5, pages).is_empty());
    // Every page's own bookmark is found at any page count.
    for pages in 1..40 {
        for page in 0..pages {
            let items = vec![note(9, Bookmark, 0, progress_of_page(page, pages), None)];
            assert_eq!(
                bookmarks_on_page(&items, 0, page, pages),
                vec![9],
                "{page}/{pages}"
            );
        }
    }
    assert_eq!(percent(0.254), 25);
    assert_eq!(percent(f64::NAN), 0);
    assert_eq!(percent(2.0), 100);
}

#[wasm_bindgen_test]
fn highlights_keep_aa_contrast_in_every_theme() {
    for theme in Theme::ALL {
        let h = highlight_colours(theme);
        let page = theme.colours().background;
        let text = contrast(h.text, h.background).expect("#rrggbb");
        assert!(text >= 4.5, "{theme:?} text on the highlight: {text:.2}:1");
        let line = contrast(h.line, page).expect("#rrggbb");
        assert!(line >= 3.0, "{theme:?} line on the page: {line:.2}:1");
        let css = highlight_css(theme);
        assert!(css.contains(h.background) && css.contains(h.text) && css.contains(h.line));
    }
}
