//! Highlights in the framed document: the reader's selection read as a passage of the
//! document's text (`rules::notes`), each kept highlight drawn as `<mark class="er-note">`
//! wrappers (one per text node it touches, the first with the id `er-note-<id>` that a
//! jump goes to), drawn again after each load, and the selection watched so the app's
//! chrome can offer "Markeren". The keys select too: Shift with the arrows from the
//! first line of the page shown ([`extend`]).

use suite_domain::ereader::notes::{AnnotationKind, AnnotationView};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Event, Node};

use crate::reader::mark::text_nodes;
use crate::rules::{Passage, SelectStep, char_offset, find_passage, passage, pieces};

const XHTML: &str = "http://www.w3.org/1999/xhtml";
/// The class of a highlight's wrappers.
pub(crate) const CLASS: &str = "er-note";

/// The id of a highlight's first wrapper.
pub(crate) fn mark_id(id: i64) -> String {
    format!("er-note-{id}")
}

/// The body's text nodes and their text.
fn texts(document: &Document) -> (Vec<Node>, Vec<String>) {
    let mut nodes = Vec::new();
    if let Some(body) = document.body() {
        text_nodes(&body, &mut nodes);
    }
    let texts = nodes
        .iter()
        .map(|n| n.node_value().unwrap_or_default())
        .collect();
    (nodes, texts)
}

/// What the reader has selected in `document`, as a passage of its text; `None` for no
/// selection or one of white space only.
pub(crate) fn selected(document: &Document) -> Option<Passage> {
    let selection = document.get_selection().ok().flatten()?;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let (start_node, end_node) = (range.start_container().ok()?, range.end_container().ok()?);
    let (start_at, end_at) = (range.start_offset().ok()?, range.end_offset().ok()?);
    let (nodes, texts) = texts(document);
    let mut first = None;
    let mut last = None;
    for (index, node) in nodes.iter().enumerate() {
        if !range.intersects_node(node).unwrap_or(false) {
            continue;
        }
        let length = texts[index].encode_utf16().count() as u32;
        let from = if node.is_same_node(Some(&start_node)) {
            start_at
        } else {
            0
        };
        let to = if node.is_same_node(Some(&end_node)) {
            end_at
        } else {
            length
        };
        first.get_or_insert((index, from));
        last = Some((index, to));
    }
    let (start, end) = (first?, last?);
    let start = char_offset(&texts, start.0, start.1)?;
    let end = char_offset(&texts, end.0, end.1)?;
    passage(&texts, start, end)
}

/// Takes every highlight's wrappers out of `document`, keeping their text.
pub(crate) fn clear(document: &Document) {
    let Ok(marks) = document.query_selector_all(&format!("mark.{CLASS}")) else {
        return;
    };
    for i in 0..marks.length() {
        let Some(mark) = marks.item(i) else { continue };
        if let Some(parent) = mark.parent_node() {
            while let Some(child) = mark.first_child() {
                let _ = parent.insert_before(&child, Some(&mark));
            }
            let _ = parent.remove_child(&mark);
            parent.normalize();
        }
    }
}

/// Wraps the highlight `id` from character `start` to `end` of the document's text.
fn wrap(document: &Document, id: i64, start: u32, end: u32) -> bool {
    let (nodes, texts) = texts(document);
    let pieces = pieces(&texts, start, end);
    // From the last piece back, so that splitting a node moves nothing still to come.
    for (n, piece) in pieces.iter().enumerate().rev() {
        let (Ok(range), Ok(mark)) = (
            document.create_range(),
            document.create_element_ns(Some(XHTML), "mark"),
        ) else {
            return false;
        };
        mark.set_class_name(CLASS);
        let _ = mark.set_attribute("data-note", &id.to_string());
        if n == 0 {
            mark.set_id(&mark_id(id));
        }
        let node = &nodes[piece.node];
        let done = range.set_start(node, piece.from).is_ok()
            && range.set_end(node, piece.to).is_ok()
            && range.surround_contents(&mark).is_ok();
        if !done {
            return false;
        }
    }
    !pieces.is_empty()
}

/// Draws the highlights of spine document `spine` among `items` in `document` (those
/// drawn before are taken out first); a highlight whose quote is no longer in the text
/// is left out.
pub(crate) fn draw(document: &Document, spine: usize, items: &[AnnotationView]) {
    clear(document);
    for item in items {
        let place = &item.place;
        if item.kind != AnnotationKind::Highlight || place.spine as usize != spine {
            continue;
        }
        let (Some(start), Some(end), Some(quote)) = (place.start, place.end, &place.quote) else {
            continue;
        };
        let (_, texts) = texts(document);
        if let Some((start, end)) = find_passage(&texts, start, end, quote) {
            wrap(document, item.id, start, end);
        }
    }
}

/// A caret at the text nearest to the point `(x, y)` of the document's window
/// (Chromium's `caretRangeFromPoint`; `None` where there is none).
fn caret_at(document: &Document, x: f64, y: f64) -> Option<web_sys::Range> {
    let find = js_sys::Reflect::get(document, &"caretRangeFromPoint".into()).ok()?;
    let find = find.dyn_ref::<js_sys::Function>()?;
    let range = find.call2(document, &x.into(), &y.into()).ok()?;
    (!range.is_null() && !range.is_undefined()).then(|| range.unchecked_into())
}

/// Extends the selection in `document` by `step`, a keyboard's way to select a passage
/// to highlight. Without a selection it starts at the text nearest to `start` (the
/// first line of the page shown, in the window's coordinates). False when nothing
/// could be selected.
pub(crate) fn extend(document: &Document, start: (f64, f64), step: SelectStep) -> bool {
    let Some(selection) = document.get_selection().ok().flatten() else {
        return false;
    };
    if selection.range_count() == 0 || selection.is_collapsed() {
        let Some(caret) = caret_at(document, start.0, start.1) else {
            return false;
        };
        let (Ok(node), Ok(offset)) = (caret.start_container(), caret.start_offset()) else {
            return false;
        };
        if selection.collapse_with_offset(Some(&node), offset).is_err() {
            return false;
        }
    }
    selection
        .modify("extend", step.direction, step.granularity)
        .is_ok()
        && !selection.is_collapsed()
}

/// A `selectionchange` listener on a framed document; dropping it removes it.
pub(crate) struct SelectionWatch {
    document: Document,
    handler: Closure<dyn Fn(Event)>,
}

impl Drop for SelectionWatch {
    fn drop(&mut self) {
        let _ = self.document.remove_event_listener_with_callback(
            "selectionchange",
            self.handler.as_ref().unchecked_ref(),
        );
    }
}

/// Calls `changed` with the selected passage (or none) whenever the selection in
/// `document` changes.
pub(crate) fn watch(
    document: Document,
    changed: impl Fn(Option<Passage>) + 'static,
) -> SelectionWatch {
    let inside = document.clone();
    let handler = Closure::<dyn Fn(Event)>::new(move |_: Event| changed(selected(&inside)));
    let _ = document
        .add_event_listener_with_callback("selectionchange", handler.as_ref().unchecked_ref());
    SelectionWatch { document, handler }
}

/// The wrappers of highlight `id` (for tests and the e2e's checks alike).
#[cfg(test)]
pub(crate) fn marks_of(document: &Document, id: i64) -> Vec<web_sys::Element> {
    let Ok(list) = document.query_selector_all(&format!("mark.{CLASS}[data-note=\"{id}\"]")) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<web_sys::Element>())
        .collect()
}

#[cfg(test)]
mod tests;
