//! How documents flow in a real frame of the test page: a right-to-left document's
//! pages run to the left, vertical writing's down, a fixed-layout page (an SVG one too)
//! is scaled whole into the frame, and a link is followed by the reader.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use super::tests::{Page, frame_at, frame_with, long_text};
use super::*;
use crate::rules::{Flow, Settings};

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
            Rc::new(|_: &str, _| false),
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
