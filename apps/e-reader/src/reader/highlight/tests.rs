//! Highlights in a real frame of the test page: a selection across elements read as a
//! passage, drawn as one wrapper per text node, found again when its offsets drift,
//! drawn again without doubling, and taken out leaving the text as it was.

use suite_domain::ereader::notes::{AnnotationKind, AnnotationPlace, AnnotationView};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Document, HtmlIFrameElement};

use super::*;

const BODY: &str = "<p>Call me <em>Ishmael</em>. Some years ago</p>\n<p>never mind how long</p>";

/// The document of a sandboxed frame (as the reader's) with `body`, once loaded.
async fn framed(body: &str) -> Document {
    let page = web_sys::window()
        .and_then(|w| w.document())
        .expect("the test page");
    let frame: HtmlIFrameElement = page
        .create_element("iframe")
        .expect("an iframe")
        .dyn_into()
        .expect("an iframe");
    frame
        .set_attribute("sandbox", "allow-same-origin")
        .expect("sandbox");
    frame.set_srcdoc(&format!("<!doctype html><html><body>{body}</body></html>"));
    let loaded = js_sys::Promise::new(&mut |resolve, _| {
        let done = Closure::once_into_js(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
        frame
            .add_event_listener_with_callback("load", done.unchecked_ref())
            .expect("load");
    });
    page.body()
        .expect("body")
        .append_child(&frame)
        .expect("append");
    wasm_bindgen_futures::JsFuture::from(loaded)
        .await
        .expect("loaded");
    frame.content_document().expect("the framed document")
}

fn highlight(id: i64, spine: u32, passage: &Passage) -> AnnotationView {
    AnnotationView {
        id,
        kind: AnnotationKind::Highlight,
        place: AnnotationPlace {
            spine,
            progress: 0.0,
            start: Some(passage.start),
            end: Some(passage.end),
            quote: Some(passage.quote.clone()),
        },
        note: String::new(),
        created: 0,
    }
}

fn body_html(document: &Document) -> String {
    document.body().expect("body").inner_html()
}

/// Selects from `quote_start` in the first text node to `end` in the `<em>`'s text.
fn select(document: &Document, start: u32, end: u32) {
    let p = document.query_selector("p").ok().flatten().expect("p");
    let first = p.first_child().expect("text");
    let em_text = document
        .query_selector("em")
        .ok()
        .flatten()
        .and_then(|e| e.first_child())
        .expect("em text");
    let range = document.create_range().expect("range");
    range.set_start(&first, start).expect("start");
    range.set_end(&em_text, end).expect("end");
    let selection = document.get_selection().ok().flatten().expect("selection");
    selection.remove_all_ranges().expect("clear");
    selection.add_range(&range).expect("add");
}

#[wasm_bindgen_test]
async fn a_selection_across_elements_is_drawn_with_one_wrapper_per_text_node() {
    let document = framed(BODY).await;
    let before = body_html(&document);
    assert_eq!(selected(&document), None, "nothing selected");
    select(&document, 5, 4);
    let passage = selected(&document).expect("a passage");
    assert_eq!(
        passage,
        Passage {
            start: 5,
            end: 12,
            quote: "me Ishm".into()
        }
    );
    draw(&document, 2, &[highlight(7, 2, &passage)]);
    let marks = marks_of(&document, 7);
    let texts: Vec<String> = marks.iter().filter_map(|m| m.text_content()).collect();
    assert_eq!(texts, vec!["me ".to_string(), "Ishm".to_string()]);
    assert_eq!(
        marks[0].id(),
        mark_id(7),
        "the first wrapper is the jump's target"
    );
    assert_eq!(marks[1].id(), "");
    assert_eq!(
        marks[1].parent_node().map(|p| p.node_name().to_lowercase()),
        Some("em".into()),
        "the wrapper stays inside its element"
    );
    // Drawn again (a new list, or the same one after a layout): never doubled.
    draw(&document, 2, &[highlight(7, 2, &passage)]);
    assert_eq!(marks_of(&document, 7).len(), 2);
    // Another document's highlights are not drawn here.
    draw(&document, 3, &[highlight(7, 2, &passage)]);
    assert!(marks_of(&document, 7).is_empty());
    assert_eq!(body_html(&document), before, "the text as it was");
}

#[wasm_bindgen_test]
async fn a_highlight_across_paragraphs_is_found_again_when_its_offsets_drift() {
    let document = framed(BODY).await;
    let before = body_html(&document);
    let passage = Passage {
        start: 0,
        end: 1,
        quote: "ago\nnever".into(),
    };
    let other = Passage {
        start: 3,
        end: 5,
        quote: "Ishmael".into(),
    };
    draw(
        &document,
        0,
        &[highlight(1, 0, &passage), highlight(2, 0, &other)],
    );
    let texts: Vec<String> = marks_of(&document, 1)
        .iter()
        .filter_map(|m| m.text_content())
        .collect();
    assert_eq!(texts, vec!["ago".to_string(), "never".to_string()]);
    let texts: Vec<String> = marks_of(&document, 2)
        .iter()
        .filter_map(|m| m.text_content())
        .collect();
    assert_eq!(texts, vec!["Ishmael".to_string()]);
    // A quote that is gone draws nothing.
    let gone = Passage {
        start: 0,
        end: 5,
        quote: "walrus".into(),
    };
    draw(&document, 0, &[highlight(3, 0, &gone)]);
    assert!(marks_of(&document, 3).is_empty());
    assert!(
        marks_of(&document, 1).is_empty(),
        "the earlier ones taken out"
    );
    assert_eq!(body_html(&document), before);
}

#[wasm_bindgen_test]
async fn a_drawn_highlight_is_selected_again_as_the_same_passage() {
    let document = framed(BODY).await;
    select(&document, 5, 4);
    let passage = selected(&document).expect("a passage");
    draw(&document, 0, &[highlight(4, 0, &passage)]);
    // Selecting the wrappers' text gives the same offsets (the wrappers add no text).
    let marks = marks_of(&document, 4);
    let range = document.create_range().expect("range");
    range.set_start_before(&marks[0]).expect("start");
    range.set_end_after(&marks[1]).expect("end");
    let selection = document.get_selection().ok().flatten().expect("selection");
    selection.remove_all_ranges().expect("clear");
    selection.add_range(&range).expect("add");
    assert_eq!(selected(&document), Some(passage));
}

#[wasm_bindgen_test]
async fn the_keys_select_word_by_word_from_the_first_line() {
    let document = framed(BODY).await;
    let right = crate::rules::key_select("ArrowRight", true).expect("a step");
    // From the first line's start: the first word, then the next.
    assert!(extend(&document, (4.0, 4.0), right));
    let first = selected(&document).expect("a passage");
    assert_eq!(first.quote.trim(), "Call");
    assert!(extend(&document, (4.0, 4.0), right));
    let two = selected(&document).expect("a passage");
    assert_eq!(two.quote.trim(), "Call me");
    assert_eq!(two.start, 0);
    // Back one word; a point with no text near it starts nothing in an empty document.
    let left = crate::rules::key_select("ArrowLeft", true).expect("a step");
    assert!(extend(&document, (4.0, 4.0), left));
    assert_eq!(selected(&document).expect("a passage").quote.trim(), "Call");
    let empty = framed("").await;
    assert!(!extend(&empty, (4.0, 4.0), right));
    assert!(selected(&empty).is_none());
}
