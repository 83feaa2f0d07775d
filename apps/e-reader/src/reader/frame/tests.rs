//! The frame's layout in a real frame of the test page: a long document in pages (more
//! pages with larger text), a page shown by its offset, and the scroll view.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlIFrameElement;

use super::*;
use crate::rules::{Flow, Settings};

/// A frame of 400 x 300 px with `body` as its document, once it has loaded.
async fn frame_with(body: &str) -> HtmlIFrameElement {
    frame_at(Page::Html(&format!(
        "<!doctype html><html><body>{body}</body></html>"
    )))
    .await
}

/// What a test frame shows: a page's whole HTML, or a document at an address.
enum Page<'a> {
    Html(&'a str),
    Address(&'a str),
}

/// A frame of 400 x 300 px showing `page`, once it has loaded.
async fn frame_at(page: Page<'_>) -> HtmlIFrameElement {
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

fn long_text() -> String {
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
    let listeners = {
        let heard = heard.clone();
        crate::reader::listen::listen(
            inner.clone(),
            Rc::new(move |d| heard.borrow_mut().push(d)),
            Rc::new(|| {}),
            Rc::new(|_| {}),
        )
    };
    // An event of the frame's own realm, as a key pressed in the book makes.
    let window = frame.content_window().expect("the test page");
    let constructor: js_sys::Function = js_sys::Reflect::get(&window, &"KeyboardEvent".into())
        .expect("the test page")
        .unchecked_into();
    let init = suite_ui::json::object(&[("key", "ArrowRight".into()), ("cancelable", true.into())]);
    let event =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&"keydown".into(), &init))
            .expect("the test page");
    inner
        .dispatch_event(event.unchecked_ref::<web_sys::Event>())
        .expect("the test page");
    assert_eq!(*heard.borrow(), vec![Direction::Forward]);
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
async fn the_settings_style_sheet_goes_into_the_frame_and_is_renewed() {
    use crate::rules::{Step, Theme};

    let frame = frame_with(&long_text()).await;
    let dark = Settings {
        theme: Theme::Dark,
        margin: Step::Large,
        ..Settings::default()
    };
    lay_out(&frame, dark, false).expect("laid out");
    let inner = document(&frame).expect("the test page");
    let window = frame.content_window().expect("the test page");
    let root = inner.document_element().expect("the test page");
    let background = |w: &web_sys::Window, e: &web_sys::Element| {
        w.get_computed_style(e)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("background-color").ok())
            .unwrap_or_default()
    };
    assert_eq!(background(&window, &root), "rgb(18, 18, 18)");
    assert_eq!(
        root.unchecked_ref::<web_sys::HtmlElement>()
            .style()
            .get_property_value("padding-left")
            .ok()
            .as_deref(),
        Some("56px")
    );
    lay_out(&frame, Settings::default(), false).expect("laid out");
    assert_eq!(background(&window, &root), "rgb(255, 255, 255)");
    assert_eq!(
        inner
            .query_selector_all("style#er-settings")
            .expect("the test page")
            .length(),
        1,
        "one style sheet, renewed"
    );
    assert!(font_base().ends_with("/fonts/"), "{}", font_base());
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
    // Across elements and accents: marked from its start to its first node's end.
    assert!(mark::mark(&inner, "cafe noord", 0));
    assert_eq!(
        inner
            .query_selector_all("mark")
            .expect("the test page")
            .length(),
        1,
        "the earlier mark is gone"
    );
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

/// A same-origin address for `text` of media type `kind` (a blob of the test page).
fn blob_address(text: &str, kind: &str) -> String {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).expect("the test page");
    web_sys::Url::create_object_url_with_blob(&blob).expect("the test page")
}

#[wasm_bindgen_test]
async fn a_right_to_left_document_runs_its_pages_to_the_left() {
    let frame = frame_at(Page::Html(&format!(
        "<!doctype html><html dir=\"rtl\" lang=\"he\"><body>{}</body></html>",
        long_text()
    )))
    .await;
    let laid = lay_out(&frame, Settings::default(), false).expect("laid out");
    assert_eq!(laid.flow, Flow::AcrossRtl);
    assert!(laid.pages > 3, "{}", laid.pages);
    show(&frame, laid.flow, 2);
    let scroller = document(&frame)
        .and_then(|d| d.scrolling_element())
        .expect("the test page");
    assert_eq!(
        f64::from(scroller.scroll_left()),
        -2.0 * page_size(&frame).0
    );
    assert_eq!(
        page_of_id(&frame, laid.flow, "p59").expect("found") + 1,
        laid.pages,
        "the last paragraph is on the last page"
    );
    assert_eq!(page_of_id(&frame, laid.flow, "p0"), Some(0));
    frame.remove();
}

#[wasm_bindgen_test]
async fn vertical_writing_on_the_body_runs_its_pages_down() {
    let text: String = (0..40)
        .map(|i| {
            format!("<p id=\"v{i}\">これはテストです。縦書きの段落{i}、右から左へ読みます。</p>")
        })
        .collect();
    let frame = frame_at(Page::Html(&format!(
        "<!doctype html><html lang=\"ja\"><body style=\"writing-mode: vertical-rl\">{text}</body></html>"
    )))
    .await;
    let laid = lay_out(&frame, Settings::default(), false).expect("laid out");
    assert_eq!(laid.flow, Flow::Down);
    assert!(laid.pages > 1, "{}", laid.pages);
    let inner = document(&frame).expect("the test page");
    let html = inner.document_element().expect("the test page");
    assert_eq!(computed(&inner, &html, "writing-mode"), "vertical-rl");
    // Nothing sticks out sideways: a page is the frame's width.
    assert!(html.scroll_width() <= 400, "{}", html.scroll_width());
    show(&frame, laid.flow, 1);
    let scroller = inner.scrolling_element().expect("the test page");
    assert_eq!(f64::from(scroller.scroll_top()), page_size(&frame).1);
    assert_eq!(page_of_id(&frame, laid.flow, "v0"), Some(0));
    assert_eq!(
        page_of_id(&frame, laid.flow, "v39").expect("found") + 1,
        laid.pages
    );
    // Even in the scroll view, vertical text stays in pages.
    let scroll = Settings {
        scroll: true,
        ..Settings::default()
    };
    assert_eq!(
        lay_out(&frame, scroll, false).expect("laid out").flow,
        Flow::Down
    );
    frame.remove();
}

#[wasm_bindgen_test]
async fn a_fixed_layout_page_is_scaled_whole_into_the_frame() {
    let frame = frame_at(Page::Html(
        "<!doctype html><html><head><meta name=\"viewport\" content=\"width=800, height=1200\"/></head>\
         <body style=\"margin:0\"><div id=\"box\" style=\"width:800px;height:1200px;background:#0a0\"></div></body></html>",
    ))
    .await;
    let laid = lay_out(&frame, Settings::default(), true).expect("laid out");
    assert_eq!(
        laid,
        Laid {
            pages: 1,
            flow: Flow::Fixed
        }
    );
    let inner = document(&frame).expect("the test page");
    assert!(
        inner.get_element_by_id(STYLE_ID).is_none(),
        "no reading settings"
    );
    // 300 / 1200 = 0.25 of its size, centred: 100 px wide in a 400 px frame.
    let rect = inner
        .get_element_by_id("box")
        .expect("the test page")
        .get_bounding_client_rect();
    assert!((rect.width() - 200.0).abs() < 0.5, "{}", rect.width());
    assert!((rect.height() - 300.0).abs() < 0.5, "{}", rect.height());
    assert!((rect.left() - 100.0).abs() < 0.5, "{}", rect.left());
    assert_eq!(page_of_id(&frame, laid.flow, "box"), Some(0));
    // Laid out as text again (another document of a mixed book), the scale is gone.
    let text = lay_out(&frame, Settings::default(), false).expect("laid out");
    assert_eq!(text.flow, Flow::Across);
    let root = inner.document_element().expect("the test page");
    assert_eq!(computed(&inner, &root, "transform"), "none");
    frame.remove();
}

#[wasm_bindgen_test]
async fn an_svg_document_is_laid_out_without_failing() {
    let address = blob_address(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"300\"><rect id=\"r\" width=\"600\" height=\"300\" fill=\"green\"/></svg>",
        "image/svg+xml",
    );
    let frame = frame_at(Page::Address(&address)).await;
    let laid = lay_out(&frame, Settings::default(), true).expect("laid out");
    assert_eq!(laid.flow, Flow::Fixed);
    let inner = document(&frame).expect("the test page");
    let rect = inner
        .get_element_by_id("r")
        .expect("the test page")
        .get_bounding_client_rect();
    // 400 / 600 of its size, centred up and down.
    assert!((rect.width() - 400.0).abs() < 0.5, "{}", rect.width());
    assert!((rect.top() - 50.0).abs() < 0.5, "{}", rect.top());
    // As a reflowable document too, without a body.
    assert!(lay_out(&frame, Settings::default(), false).is_some());
    frame.remove();
    let _ = web_sys::Url::revoke_object_url(&address);
}

#[wasm_bindgen_test]
async fn a_link_in_the_book_is_followed_by_the_reader_not_the_frame() {
    use std::cell::RefCell;
    use std::rc::Rc;

    let frame = frame_with(
        "<p><a id=\"next\" href=\"ch2.xhtml#n1\">verder</a> <a id=\"none\">geen</a></p>",
    )
    .await;
    let inner = document(&frame).expect("the test page");
    let followed = Rc::new(RefCell::new(Vec::<String>::new()));
    let listeners = {
        let followed = followed.clone();
        crate::reader::listen::listen(
            inner.clone(),
            Rc::new(|_| {}),
            Rc::new(|| {}),
            Rc::new(move |href| followed.borrow_mut().push(href)),
        )
    };
    let click = |id: &str| {
        inner
            .get_element_by_id(id)
            .expect("the test page")
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
    };
    click("none");
    click("next");
    assert_eq!(followed.borrow().len(), 1, "{:?}", followed.borrow());
    assert!(
        followed.borrow()[0].ends_with("/ch2.xhtml#n1"),
        "{:?}",
        followed.borrow()
    );
    // The frame stayed on its document.
    gloo_timers::future::TimeoutFuture::new(100).await;
    assert!(
        document(&frame)
            .and_then(|d| d.get_element_by_id("next"))
            .is_some()
    );
    drop(listeners);
    frame.remove();
}
