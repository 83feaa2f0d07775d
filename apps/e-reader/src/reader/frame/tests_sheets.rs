//! The settings' style sheet in a real frame of the test page (put in, renewed, written
//! only when it changes) and when a framed document counts as parsed.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_test::wasm_bindgen_test;

use super::tests::{Page, frame_at, frame_with, long_text};
use super::*;
use crate::rules::Settings;

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

/// Watches `target` and everything in it for changes of its children and text; the
/// changes so far with `take`.
struct Watch {
    observer: js_sys::Object,
    _callback: Closure<dyn Fn()>,
}

impl Watch {
    fn new(target: &web_sys::Element) -> Self {
        let window = web_sys::window().expect("the test page");
        let constructor: js_sys::Function =
            js_sys::Reflect::get(&window, &"MutationObserver".into())
                .expect("MutationObserver")
                .unchecked_into();
        let callback = Closure::<dyn Fn()>::new(|| {});
        let observer: js_sys::Object =
            js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(callback.as_ref()))
                .expect("an observer")
                .unchecked_into();
        let options = js_sys::Object::new();
        for key in ["childList", "characterData", "subtree"] {
            js_sys::Reflect::set(&options, &key.into(), &true.into()).expect("options");
        }
        let observe: js_sys::Function = js_sys::Reflect::get(&observer, &"observe".into())
            .expect("observe")
            .unchecked_into();
        observe
            .call2(&observer, target, &options)
            .expect("observing");
        Watch {
            observer,
            _callback: callback,
        }
    }

    /// How many changes were seen since the last call.
    fn take(&self) -> u32 {
        let take: js_sys::Function = js_sys::Reflect::get(&self.observer, &"takeRecords".into())
            .expect("takeRecords")
            .unchecked_into();
        js_sys::Array::from(&take.call0(&self.observer).expect("records")).length()
    }
}

#[wasm_bindgen_test]
async fn laying_out_again_at_the_same_settings_leaves_the_style_sheet_as_it_is() {
    // Written again, its `@font-face` rules became new font faces that loaded again,
    // and each layout waits for loading fonts to lay out again: while the book was open
    // every layout asked for the next one.
    let frame = frame_with(&long_text()).await;
    lay_out(&frame, Settings::default(), false).expect("laid out");
    let style = document(&frame)
        .and_then(|d| d.get_element_by_id(STYLE_ID))
        .expect("the settings' style element");
    let watch = Watch::new(&style);
    lay_out(&frame, Settings::default(), false).expect("laid out");
    assert_eq!(
        watch.take(),
        0,
        "the same settings: the sheet is not written"
    );
    let dark = Settings {
        theme: crate::rules::Theme::Dark,
        ..Settings::default()
    };
    lay_out(&frame, dark, false).expect("laid out");
    assert!(watch.take() > 0, "other colours: written");
    frame.remove();
}

#[wasm_bindgen_test]
async fn a_document_counts_as_parsed_once_its_style_sheets_are_in() {
    let plain = frame_with("<p>Tekst</p>").await;
    assert!(
        parsed(&document(&plain).expect("its document")),
        "no sheets"
    );
    plain.remove();
    let styled = frame_at(Page::Html(
        "<!doctype html><html><head><style>p { color: red }</style></head><body><p>Tekst</p></body></html>",
    ))
    .await;
    assert!(
        parsed(&document(&styled).expect("its document")),
        "inline style"
    );
    styled.remove();
    // A linked sheet that is not in (this one never comes: it has no address), however
    // its `rel` is written: the document waits for its load, where the reader lays it
    // out anyway.
    let missing = frame_at(Page::Html(
        "<!doctype html><html><head><link rel=\"Stylesheet\"/></head><body><p>Tekst</p></body></html>",
    ))
    .await;
    assert!(
        !parsed(&document(&missing).expect("its document")),
        "a sheet that did not come"
    );
    missing.remove();
}
