//! The book's frame from the app's side: lays the framed document out (pages as CSS
//! columns one frame wide, or one long scroll) through the CSSOM of the document itself
//! (same origin; the frame runs no scripts), counts its pages and shows one.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlIFrameElement};

use crate::rules::{Settings, page_count};

/// The side margin of a page, in CSS pixels.
const MARGIN: f64 = 24.0;
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
        set(&html, "padding", &format!("{MARGIN_TOP}px {MARGIN}px"));
        let element = scroller(&document)?;
        Some(page_count(f64::from(element.scroll_height()), height))
    } else {
        set(&html, "overflow", "hidden");
        set(&html, "height", &format!("{height}px"));
        set(&html, "padding", &format!("{MARGIN_TOP}px {MARGIN}px"));
        set(
            &html,
            "column-width",
            &format!("{}px", width - 2.0 * MARGIN),
        );
        set(&html, "column-gap", &format!("{}px", 2.0 * MARGIN));
        set(&html, "column-fill", "auto");
        let element = scroller(&document)?;
        Some(page_count(f64::from(element.scroll_width()), width))
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
