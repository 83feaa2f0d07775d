//! The book's frame from the app's side: lays the framed document out (pages as CSS
//! columns one frame wide, running left in a right-to-left document and down in
//! vertical writing; one long scroll; or a fixed-layout page scaled whole into the
//! frame) through the CSSOM of the document itself (same origin; the frame runs no
//! scripts), puts the reader's settings into it as a style sheet of its own, counts its
//! pages and shows one. The framed document's objects come from the frame's own realm,
//! where `instanceof` against the app's constructors fails: they are taken as what the
//! DOM says they are.

use wasm_bindgen::JsCast;
use web_sys::{CssStyleDeclaration, Document, Element, HtmlIFrameElement};

use crate::rules::{Flow, Settings, fit, frame_css, is_vertical, page_count, viewport};

/// The id of the style sheet the app puts into the framed document.
const STYLE_ID: &str = "er-settings";
const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// The margin above and below the text in the paginated view.
const MARGIN_TOP: f64 = 16.0;

pub(crate) fn document(frame: &HtmlIFrameElement) -> Option<Document> {
    frame.content_document()
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
    // Only a change is written: new text makes its `@font-face` rules new font faces,
    // which load again (from the cache) and set the document's fonts loading, and a
    // layout waits for fonts that load (`when_fonts_load`): rewriting the same text at
    // every layout made each layout ask for the next.
    let css = frame_css(settings, &font_base());
    if style.text_content().as_deref() != Some(css.as_str()) {
        style.set_text_content(Some(&css));
    }
}

/// An element's inline style, for any element: an SVG document's root is no
/// `HtmlElement`, and the getter of one kind refuses the other.
fn style_of(element: &Element) -> Option<CssStyleDeclaration> {
    js_sys::Reflect::get(element, &"style".into())
        .ok()
        .filter(|s| s.is_object())
        .map(JsCast::unchecked_into)
}

fn set(element: &Element, property: &str, value: &str) {
    if let Some(style) = style_of(element) {
        let _ = style.set_property(property, value);
    }
}

/// The inline properties a layout sets on the root, removed before the next one.
const LAYOUT_PROPERTIES: [&str; 14] = [
    "column-width",
    "column-gap",
    "column-fill",
    "height",
    "width",
    "overflow",
    "overflow-x",
    "overflow-y",
    "padding",
    "writing-mode",
    "transform",
    "transform-origin",
    "font-size",
    "box-sizing",
];

/// A computed style property of `element` in its own window.
fn computed(document: &Document, element: &Element, property: &str) -> String {
    document
        .default_view()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value(property).ok())
        .unwrap_or_default()
}

/// The size a fixed-layout document asks for: its viewport, else an SVG root's size,
/// else what its content takes.
fn fixed_size(document: &Document, root: &Element) -> (f64, f64) {
    let meta = document
        .query_selector("meta[name=viewport]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"));
    if let Some(size) = meta.as_deref().and_then(viewport) {
        return size;
    }
    let attribute = |name: &str| {
        root.get_attribute(name)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<f64>().ok())
            .filter(|v| v.is_finite() && *v >= 1.0)
    };
    if let (Some(w), Some(h)) = (attribute("width"), attribute("height")) {
        return (w, h);
    }
    (
        f64::from(root.scroll_width()),
        f64::from(root.scroll_height()),
    )
}

/// A laid out document: its page count and how it flows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Laid {
    pub(crate) pages: u32,
    pub(crate) flow: Flow,
}

/// Lays the framed document out for `settings` (or, for a fixed-layout document, as
/// one page scaled to fit) and answers its page count (in the scroll view: how many
/// frame heights it is long) and flow.
pub(crate) fn lay_out(frame: &HtmlIFrameElement, settings: Settings, fixed: bool) -> Option<Laid> {
    let document = document(frame)?;
    let html = document.document_element()?;
    let (width, height) = page_size(frame);
    if width < 1.0 || height < 1.0 {
        return None;
    }
    if let Some(style) = style_of(&html) {
        for property in LAYOUT_PROPERTIES {
            let _ = style.remove_property(property);
        }
    }
    set(&html, "margin", "0");
    if fixed {
        // The page as its maker drew it: no reading settings, scaled whole into the frame.
        if let Some(style) = document.get_element_by_id(STYLE_ID) {
            style.remove();
        }
        let size = fixed_size(&document, &html);
        let (scale, x, y) = fit(size, (width, height));
        set(&html, "width", &format!("{}px", size.0));
        set(&html, "height", &format!("{}px", size.1));
        set(&html, "overflow", "hidden");
        set(&html, "transform-origin", "0 0");
        set(
            &html,
            "transform",
            &format!("translate({x}px, {y}px) scale({scale})"),
        );
        return Some(Laid {
            pages: 1,
            flow: Flow::Fixed,
        });
    }
    apply_style(&document, settings);
    let margin = settings.margin.margin();
    set(&html, "font-size", &format!("{}%", settings.font_percent));
    set(&html, "box-sizing", "border-box");
    if let Some(body) = document.body() {
        set(&body, "margin", "0");
    }
    // Pictures fit on a page.
    if let Ok(images) = document.query_selector_all("img, svg, video") {
        for i in 0..images.length() {
            if let Some(image) = images.item(i).map(JsCast::unchecked_into::<Element>) {
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
    // Vertical writing set on the body is taken up by the root, which holds the pages.
    let mut mode = computed(&document, &html, "writing-mode");
    if !is_vertical(&mode)
        && let Some(body) = document.body()
    {
        let body_mode = computed(&document, &body, "writing-mode");
        if is_vertical(&body_mode) {
            set(&html, "writing-mode", &body_mode);
            mode = body_mode;
        }
    }
    let rtl = computed(&document, &html, "direction") == "rtl";
    let flow = Flow::of(false, is_vertical(&mode), settings.scroll, rtl);
    set(&html, "padding", &format!("{MARGIN_TOP}px {margin}px"));
    let element = scroller(&document)?;
    let pages = match flow {
        Flow::Scroll => {
            set(&html, "overflow-x", "hidden");
            set(&html, "overflow-y", "auto");
            page_count(f64::from(element.scroll_height()), height)
        }
        Flow::Down => {
            // Pages are columns one below the other, as tall as the frame.
            set(&html, "overflow", "hidden");
            set(&html, "width", &format!("{width}px"));
            set(
                &html,
                "column-width",
                &format!("{}px", height - 2.0 * MARGIN_TOP),
            );
            set(&html, "column-gap", &format!("{}px", 2.0 * MARGIN_TOP));
            set(&html, "column-fill", "auto");
            page_count(f64::from(element.scroll_height()), height)
        }
        Flow::Across | Flow::AcrossRtl | Flow::Fixed => {
            set(&html, "overflow", "hidden");
            set(&html, "height", &format!("{height}px"));
            set(
                &html,
                "column-width",
                &format!("{}px", width - 2.0 * margin),
            );
            set(&html, "column-gap", &format!("{}px", 2.0 * margin));
            set(&html, "column-fill", "auto");
            page_count(f64::from(element.scroll_width()), width)
        }
    };
    Some(Laid { pages, flow })
}

/// Whether `document` is parsed and its style sheets are in: enough to lay it out and
/// show its page before its pictures and fonts have come (its `load` waits for them;
/// the layout is made again then, and when fonts load). A style sheet that failed
/// stays without a sheet: that document waits for its `load`.
pub(crate) fn parsed(document: &Document) -> bool {
    if document.ready_state() == "loading" {
        return false;
    }
    let Ok(links) = document.query_selector_all("link[rel~='stylesheet' i]") else {
        return false;
    };
    (0..links.length()).all(|i| {
        links.item(i).is_some_and(|link| {
            js_sys::Reflect::get(&link, &"sheet".into()).is_ok_and(|sheet| sheet.is_object())
        })
    })
}

/// Shows page `page` (from 0): sideways in pages (to the left in a right-to-left
/// document), down in vertical writing and in the scroll view.
pub(crate) fn show(frame: &HtmlIFrameElement, flow: Flow, page: u32) {
    let Some(element) = document(frame).and_then(|d| scroller(&d)) else {
        return;
    };
    let (width, height) = page_size(frame);
    let x = f64::from(page) * width;
    match flow {
        Flow::Scroll | Flow::Down => element.set_scroll_top((f64::from(page) * height) as i32),
        Flow::Across => element.set_scroll_left(x as i32),
        Flow::AcrossRtl => element.set_scroll_left(-x as i32),
        Flow::Fixed => {}
    }
}

/// A point on the first line of the page shown, in the framed window's coordinates:
/// where a selection made with the keys starts (at the top on the right in a
/// right-to-left or vertical document, where their lines begin).
pub(crate) fn first_line(frame: &HtmlIFrameElement, flow: Flow, settings: Settings) -> (f64, f64) {
    let (width, _) = page_size(frame);
    let margin = settings.margin.margin();
    let inset = 4.0;
    match flow {
        Flow::AcrossRtl | Flow::Down => ((width - margin - inset).max(0.0), MARGIN_TOP + inset),
        Flow::Scroll => (margin + inset, inset),
        Flow::Across | Flow::Fixed => (margin + inset, MARGIN_TOP + inset),
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

/// The page that holds the element with `id` (a table of contents' fragment, a link's
/// target).
pub(crate) fn page_of_id(frame: &HtmlIFrameElement, flow: Flow, id: &str) -> Option<u32> {
    let document = document(frame)?;
    let target = document.get_element_by_id(id)?;
    let element = scroller(&document)?;
    let rect = target.get_bounding_client_rect();
    let (width, height) = page_size(frame);
    let (at, size) = match flow {
        Flow::Scroll | Flow::Down => (rect.top() + f64::from(element.scroll_top()), height),
        Flow::AcrossRtl => (
            width - rect.right() - f64::from(element.scroll_left()),
            width,
        ),
        Flow::Across => (rect.left() + f64::from(element.scroll_left()), width),
        Flow::Fixed => return Some(0),
    };
    (size >= 1.0).then(|| (at.max(0.0) / size).floor() as u32)
}

mod fonts;
pub(crate) use fonts::{FontsWait, when_fonts_load};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_flow;
#[cfg(test)]
mod tests_sheets;
