//! The frame's layout in a real frame of the test page: a long document in pages (more
//! pages with larger text), a page shown by its offset, and the scroll view.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlIFrameElement;

use super::*;
use crate::rules::{Flow, Settings};

/// A frame of 400 x 300 px with `body` as its document, once it has loaded.
pub(super) async fn frame_with(body: &str) -> HtmlIFrameElement {
    frame_at(Page::Html(&format!(
        "<!doctype html><html><body>{body}</body></html>"
    )))
    .await
}

/// What a test frame shows: a page's whole HTML, or a document at an address.
pub(super) enum Page<'a> {
    Html(&'a str),
    Address(&'a str),
}

/// A frame of 400 x 300 px showing `page`, once it has loaded.
pub(super) async fn frame_at(page: Page<'_>) -> HtmlIFrameElement {
    let document = web_sys::window()
        .expect("the test page")
        .document()
        .expect("the test page");
    let frame: HtmlIFrameElement = document
        .create_element("iframe")
        .expect("the test page")
        .dyn_into()
        .expect("the test page");
    frame
        .set_attribute("sandbox", "allow-same-origin")
        .expect("the test page");
    frame.set_width("400");
    frame.set_height("300");
    let _ = frame.style().set_property("border", "0");
    match page {
        Page::Html(html) => frame.set_srcdoc(html),
        Page::Address(address) => frame.set_src(address),
    }
    let loaded = js_sys::Promise::new(&mut |resolve, _| {
        let done = Closure::once_into_js(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
        frame
            .add_event_listener_with_callback("load", done.unchecked_ref())
            .expect("the test page");
    });
    document
        .body()
        .expect("the test page")
        .append_child(&frame)
        .expect("the test page");
    wasm_bindgen_futures::JsFuture::from(loaded)
        .await
        .expect("the test page");
    frame
}

pub(super) fn long_text() -> String {
    (0..60)
        .map(|i| format!("<p id=\"p{i}\">Paragraaf {i}: het was een lange, koude winter in de stad aan de rivier, en niemand wist nog wat er zou komen.</p>"))
        .collect()
}

#[wasm_bindgen_test]
async fn a_long_document_is_laid_out_in_pages_and_larger_text_has_more() {
    let frame = frame_with(&long_text()).await;
    assert!(document(&frame).is_some(), "document");
    assert!(
        document(&frame)
            .expect("the test page")
            .document_element()
            .is_some(),
        "root"
    );
    assert_eq!(page_size(&frame), (400.0, 300.0));
    let normal = lay_out(&frame, Settings::default(), false)
        .expect("laid out")
        .pages;
    assert!(normal > 3, "a long text has several pages: {normal}");
    let larger = lay_out(
        &frame,
        Settings {
            font_percent: 200,
            ..Settings::default()
        },
        false,
    )
    .expect("laid out")
    .pages;
    assert!(larger > normal, "{larger} pages at 200% over {normal}");

    // A page is shown by its offset: the paragraph on it is in view.
    show(&frame, Flow::Across, 2);
    let document = document(&frame).expect("the test page");
    let scroller = document.scrolling_element().expect("the test page");
    assert_eq!(f64::from(scroller.scroll_left()), 2.0 * page_size(&frame).0);
    let page = page_of_id(&frame, Flow::Across, "p59").expect("found");
    assert_eq!(page + 1, larger, "the last paragraph is on the last page");
    frame.remove();
}

#[wasm_bindgen_test]
async fn the_scroll_view_counts_frame_heights_and_hears_its_place() {
    let frame = frame_with(&long_text()).await;
    let settings = Settings {
        scroll: true,
        ..Settings::default()
    };
    let pages = lay_out(&frame, settings, false).expect("laid out").pages;
    assert!(pages > 3, "{pages}");
    show(&frame, Flow::Scroll, 3);
    assert_eq!(scrolled_page(&frame), 3);
    // Back to pages: no scroll height left over from the scroll view.
    let paged = lay_out(&frame, Settings::default(), false)
        .expect("laid out")
        .pages;
    assert!(paged > 1);
    frame.remove();
}

#[wasm_bindgen_test]
async fn keys_inside_the_frame_reach_the_app() {
    use std::cell::RefCell;
    use std::rc::Rc;

    use crate::rules::Direction;

    let frame = frame_with(&long_text()).await;
    let inner = document(&frame).expect("the test page");
    let heard = Rc::new(RefCell::new(Vec::new()));
    let other = Rc::new(RefCell::new(Vec::new()));
    let listeners = {
        let (heard, other) = (heard.clone(), other.clone());
        crate::reader::listen::listen(
            inner.clone(),
            Rc::new(move |d| heard.borrow_mut().push(d)),
            Rc::new(|| {}),
            Rc::new(|_| {}),
            Rc::new(move |key: &str, shift| {
                other.borrow_mut().push((key.to_string(), shift));
                key == "m"
            }),
        )
    };
    // An event of the frame's own realm, as a key pressed in the book makes.
    let window = frame.content_window().expect("the test page");
    let constructor: js_sys::Function = js_sys::Reflect::get(&window, &"KeyboardEvent".into())
        .expect("the test page")
        .unchecked_into();
    let press = |key: &str, shift: bool| {
        let init = suite_ui::json::object(&[
            ("key", key.into()),
            ("shiftKey", shift.into()),
            ("cancelable", true.into()),
        ]);
        let event =
            js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&"keydown".into(), &init))
                .expect("the test page");
        let event = event.unchecked_into::<web_sys::Event>();
        inner.dispatch_event(&event).expect("the test page");
        event.default_prevented()
    };
    assert!(press("ArrowRight", false), "a turn is the reader's");
    assert_eq!(*heard.borrow(), vec![Direction::Forward]);
    // Shift with an arrow selects: no turn; a key the reader's other keys take is theirs.
    assert!(
        !press("ArrowRight", true),
        "the other keys did nothing with it"
    );
    assert!(press("m", false));
    assert_eq!(heard.borrow().len(), 1, "Shift and an arrow turn no page");
    assert_eq!(
        *other.borrow(),
        vec![
            ("ArrowRight".to_string(), false),
            ("ArrowRight".to_string(), true),
            ("m".to_string(), false)
        ]
    );
    let init = suite_ui::json::object(&[("key", "ArrowRight".into()), ("cancelable", true.into())]);
    drop(listeners);
    let again =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&"keydown".into(), &init))
            .expect("the test page");
    inner
        .dispatch_event(again.unchecked_ref::<web_sys::Event>())
        .expect("the test page");
    assert_eq!(heard.borrow().len(), 1, "dropped listeners hear nothing");
    frame.remove();
}

#[wasm_bindgen_test]
async fn a_search_hit_is_marked_on_its_page() {
    use crate::reader::mark;

    let frame = frame_with(&format!(
        "{}<p>Een <em>Café</em> Noord aan het eind.</p>",
        long_text()
    ))
    .await;
    let settings = Settings::default();
    let pages = lay_out(&frame, settings, false).expect("laid out").pages;
    let inner = document(&frame).expect("the test page");
    // The second "paragraaf 5" (of "Paragraaf 5:" and "Paragraaf 50:" ...) is in p50.
    assert!(mark::mark(&inner, "PARAGRAAF  5", 1));
    let hit = inner.get_element_by_id(mark::HIT_ID).expect("marked");
    assert_eq!(hit.text_content().as_deref(), Some("Paragraaf 5"));
    assert_eq!(hit.parent_element().map(|p| p.id()).as_deref(), Some("p50"));
    // Across elements and accents: a mark in each text node of the hit.
    assert!(mark::mark(&inner, "cafe noord", 0));
    let marks = inner.query_selector_all("mark").expect("the test page");
    let parts: Vec<String> = (0..marks.length())
        .filter_map(|i| marks.item(i)?.text_content())
        .collect();
    assert_eq!(parts, ["Café", " Noord"], "the earlier mark is gone");
    let hit = inner.get_element_by_id(mark::HIT_ID).expect("marked");
    assert_eq!(hit.text_content().as_deref(), Some("Café"));
    assert_eq!(
        inner
            .get_element_by_id("p50")
            .and_then(|p| p.text_content())
            .map(|t| t.starts_with("Paragraaf 50:")),
        Some(true),
        "the text of the earlier mark is back"
    );
    let page = page_of_id(&frame, Flow::Across, mark::HIT_ID).expect("found");
    assert_eq!(
        page + 1,
        lay_out(&frame, settings, false)
            .expect("laid out")
            .pages
            .max(pages),
        "on the last page"
    );
    assert!(!mark::mark(&inner, "niet in de tekst", 0));
    assert!(inner.get_element_by_id(mark::HIT_ID).is_none());
    frame.remove();
}

#[wasm_bindgen_test]
async fn reading_aloud_starts_at_the_first_block_of_the_shown_page() {
    let frame = frame_with(&format!(
        "<ul><li><p>Lijst een</p></li></ul>{}",
        long_text()
    ))
    .await;
    let settings = Settings::default();
    lay_out(&frame, settings, false).expect("laid out");
    let inner = document(&frame).expect("the test page");
    let all = crate::reader::speech::texts_from_here(&inner);
    assert_eq!(all.len(), 61, "a block holding a block is read as its part");
    assert_eq!(all[0], "Lijst een");
    assert!(all[1].starts_with("Paragraaf 0:"), "{}", all[1]);
    show(&frame, Flow::Across, 3);
    let here = crate::reader::speech::texts_from_here(&inner);
    let first = page_of_id(&frame, Flow::Across, "p0").expect("found");
    assert_eq!(first, 0);
    assert!(
        here.len() < all.len() && !here.is_empty(),
        "{} of {}",
        here.len(),
        all.len()
    );
    // The first block read reaches into page 3, the one before does not.
    let number: usize = here[0]["Paragraaf ".len()..]
        .split(':')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a paragraph");
    let rect = |id: String| {
        inner
            .get_element_by_id(&id)
            .expect("the test page")
            .get_bounding_client_rect()
    };
    assert!(rect(format!("p{number}")).right() > 0.0);
    assert!(rect(format!("p{}", number - 1)).right() <= 0.0);
    frame.remove();
}
