//! The book's frame from the app's side: lays the framed document out (pages as CSS
//! columns one frame wide, or one long scroll) through the CSSOM of the document itself
//! (same origin; the frame runs no scripts), puts the reader's settings into it as a
//! style sheet of its own, counts its pages and shows one.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlIFrameElement};

use crate::rules::{Settings, frame_css, page_count};

/// The id of the style sheet the app puts into the framed document.
const STYLE_ID: &str = "er-settings";
const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// The margin above and below the text in the paginated view.
const MARGIN_TOP: f64 = 16.0;

pub(crate) fn document(frame: &HtmlIFrameElement) -> Option<Document> {
    frame.content_document()
}

/// The framed document's objects come from the frame's own realm, where `instanceof`
/// against the app's constructors fails: they are taken as what the DOM says they are.
fn root(document: &Document) -> Option<HtmlElement> {
    Some(document.document_element()?.unchecked_into::<HtmlElement>())
}

fn scroller(document: &Document) -> Option<Element> {
    document
        .scrolling_element()
        .or_else(|| document.document_element())
}

/// The frame's inner size (a page).
pub(crate) fn page_size(frame: &HtmlIFrameElement) -> (f64, f64) {
    (
        f64::from(frame.client_width()),
        f64::from(frame.client_height()),
    )
}

/// The absolute URL of the app's `fonts/` folder (beside its page, as trunk copies it),
/// so that the framed document, served from `/api/...`, finds the shipped font.
pub(crate) fn font_base() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let folder = base.split(['?', '#']).next().unwrap_or_default();
    let folder = folder.rfind('/').map_or("", |end| &folder[..=end]);
    format!("{folder}fonts/")
}

/// Puts the settings' style sheet ([`frame_css`]) into `document`, or renews it.
fn apply_style(document: &Document, settings: Settings) {
    let style = match document.get_element_by_id(STYLE_ID) {
        Some(style) => style,
        None => {
            let Ok(style) = document.create_element_ns(Some(XHTML), "style") else {
                return;
            };
            style.set_id(STYLE_ID);
            let parent = document
                .query_selector("head")
                .ok()
                .flatten()
                .or_else(|| document.document_element());
            if let Some(parent) = parent {
                let _ = parent.append_child(&style);
            }
            style
        }
    };
    style.set_text_content(Some(&frame_css(settings, &font_base())));
}

fn set(element: &HtmlElement, property: &str, value: &str) {
    let _ = element.style().set_property(property, value);
}

fn unset(element: &HtmlElement, property: &str) {
    let _ = element.style().remove_property(property);
}

/// Lays the framed document out for `settings` and answers its page count (in the
/// scroll view: how many frame heights it is long).
pub(crate) fn lay_out(frame: &HtmlIFrameElement, settings: Settings) -> Option<u32> {
    let document = document(frame)?;
    let html = root(&document)?;
    let (width, height) = page_size(frame);
    if width < 1.0 || height < 1.0 {
        return None;
    }
    apply_style(&document, settings);
    let margin = settings.margin.margin();
    set(&html, "font-size", &format!("{}%", settings.font_percent));
    set(&html, "margin", "0");
    set(&html, "box-sizing", "border-box");
    if let Some(body) = document.body() {
        set(&body, "margin", "0");
    }
    // Pictures fit on a page.
    if let Ok(images) = document.query_selector_all("img, svg, video") {
        for i in 0..images.length() {
            if let Some(image) = images
                .item(i)
                .and_then(|n| n.dyn_into::<HtmlElement>().ok())
            {
                set(&image, "max-width", "100%");
                set(
                    &image,
                    "max-height",
                    &format!("{}px", height - 2.0 * MARGIN_TOP),
                );
                set(&image, "object-fit", "contain");
            }
        }
    }
    if settings.scroll {
        for property in ["column-width", "column-gap", "column-fill", "height"] {
            unset(&html, property);
        }
        set(&html, "overflow-x", "hidden");
        set(&html, "overflow-y", "auto");
        set(&html, "padding", &format!("{MARGIN_TOP}px {margin}px"));
        let element = scroller(&document)?;
        Some(page_count(f64::from(element.scroll_height()), height))
    } else {
        set(&html, "overflow", "hidden");
        set(&html, "height", &format!("{height}px"));
        set(&html, "padding", &format!("{MARGIN_TOP}px {margin}px"));
        set(
            &html,
            "column-width",
            &format!("{}px", width - 2.0 * margin),
        );
        set(&html, "column-gap", &format!("{}px", 2.0 * margin));
        set(&html, "column-fill", "auto");
        let element = scroller(&document)?;
        Some(page_count(f64::from(element.scroll_width()), width))
    }
}

/// Calls `then` once the framed document's fonts have loaded, if some are loading now
/// (the shipped font arrives after the first layout, and changes the page count).
pub(crate) fn when_fonts_load(frame: &HtmlIFrameElement, then: impl FnOnce() + 'static) {
    let Some(document) = document(frame) else {
        return;
    };
    let Ok(fonts) = js_sys::Reflect::get(&document, &"fonts".into()) else {
        return;
    };
    let loading = js_sys::Reflect::get(&fonts, &"status".into())
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "loading");
    let ready = js_sys::Reflect::get(&fonts, &"ready".into()).ok();
    if let Some(ready) = ready.filter(|_| loading) {
        // Freed once called (`Promise::then` of js-sys wants a closure kept alive).
        let done = wasm_bindgen::closure::Closure::once_into_js(then);
        if let Ok(then) = js_sys::Reflect::get(&ready, &"then".into()) {
            let _ = then
                .unchecked_into::<js_sys::Function>()
                .call1(&ready, &done);
        }
    }
}

/// Shows page `page` (from 0): sideways in pages (to the left in a right-to-left
/// book), down in the scroll view.
pub(crate) fn show(frame: &HtmlIFrameElement, settings: Settings, page: u32, rtl: bool) {
    let Some(element) = document(frame).and_then(|d| scroller(&d)) else {
        return;
    };
    let (width, height) = page_size(frame);
    if settings.scroll {
        element.set_scroll_top((f64::from(page) * height) as i32);
    } else {
        let x = f64::from(page) * width;
        element.set_scroll_left(if rtl { -x } else { x } as i32);
    }
}

/// The page the scroll view shows now (its top).
pub(crate) fn scrolled_page(frame: &HtmlIFrameElement) -> u32 {
    let (_, height) = page_size(frame);
    let top = document(frame)
        .and_then(|d| scroller(&d))
        .map_or(0, |e| e.scroll_top());
    if height < 1.0 {
        return 0;
    }
    ((f64::from(top) + 1.0) / height).floor().max(0.0) as u32
}

/// The page that holds the element with `id` (a table of contents' fragment).
pub(crate) fn page_of_id(
    frame: &HtmlIFrameElement,
    settings: Settings,
    id: &str,
    rtl: bool,
) -> Option<u32> {
    let document = document(frame)?;
    let target = document.get_element_by_id(id)?;
    let element = scroller(&document)?;
    let rect = target.get_bounding_client_rect();
    let (width, height) = page_size(frame);
    let at = if settings.scroll {
        rect.top() + f64::from(element.scroll_top())
    } else if rtl {
        width - rect.right() - f64::from(element.scroll_left())
    } else {
        rect.left() + f64::from(element.scroll_left())
    };
    let size = if settings.scroll { height } else { width };
    (size >= 1.0).then(|| (at.max(0.0) / size).floor() as u32)
}

#[cfg(test)]
mod tests;
