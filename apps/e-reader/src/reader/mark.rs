//! Marks a search hit in the framed document: its text nodes folded as the server folds
//! the book's text (`rules::find`), the hit's occurrence found again, and a `<mark
//! class="er-hit">` put around its part in each text node it touches, the first with
//! the id `er-hit` (the frame's layout then goes to its page).

use web_sys::{Document, Node};

use crate::rules::{Folded, fold_ascii, fold_query};

/// The id of the marked hit.
pub(crate) const HIT_ID: &str = "er-hit";
/// The class of every part of the marked hit.
const CLASS: &str = "er-hit";
const XHTML: &str = "http://www.w3.org/1999/xhtml";
const TEXT_NODE: u16 = 3;
const ELEMENT_NODE: u16 = 1;

/// Lower case without accents, through the browser's Unicode normalisation (NFD, then
/// the combining marks left out) for all but ASCII.
fn fold(c: char) -> String {
    if let Some(folded) = fold_ascii(c) {
        return folded;
    }
    let decomposed: String = js_sys::JsString::from(c.to_string())
        .normalize("NFD")
        .into();
    decomposed
        .chars()
        .filter(|d| !('\u{300}'..='\u{36f}').contains(d))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text nodes under `node` in document order (not in `script` or `style`).
pub(crate) fn text_nodes(node: &Node, out: &mut Vec<Node>) {
    let mut child = node.first_child();
    while let Some(current) = child {
        match current.node_type() {
            TEXT_NODE => out.push(current.clone()),
            ELEMENT_NODE => {
                let name = current.node_name().to_ascii_lowercase();
                if name != "script" && name != "style" {
                    text_nodes(&current, out);
                }
            }
            _ => {}
        }
        child = current.next_sibling();
    }
}

/// Removes an earlier mark, keeping its text.
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

/// Marks the `n`-th (from 0) place of `query` in `document`'s body; whether it was found.
pub(crate) fn mark(document: &Document, query: &str, n: usize) -> bool {
    clear(document);
    let Some(body) = document.body() else {
        return false;
    };
    let mut nodes = Vec::new();
    text_nodes(&body, &mut nodes);
    // Each folded character's origin: its text node and its offset in UTF-16 units.
    let mut text = Folded::<(usize, u32)>::default();
    for (index, node) in nodes.iter().enumerate() {
        let mut offset = 0u32;
        for c in node.node_value().unwrap_or_default().chars() {
            text.push(c, (index, offset), &fold);
            offset += c.len_utf16() as u32;
        }
    }
    let Some(((first, start), (last, end))) = text.nth(&fold_query(query, &fold), n) else {
        return false;
    };
    // `end` is where the hit's last character starts: past it (a surrogate pair is two).
    let end = end
        + nodes[last]
            .node_value()
            .and_then(|v| v.encode_utf16().nth(end as usize))
            .map_or(1, |u| if (0xd800..0xdc00).contains(&u) { 2 } else { 1 });
    // One mark per text node the hit touches (a hit across elements, such as "Mother
    // <em>Goose</em>", is two), from the last back so that splitting a node moves
    // nothing still to come; white space between blocks is left alone.
    let mut marked = true;
    for index in (first..=last).rev() {
        let node = &nodes[index];
        let text = node.node_value().unwrap_or_default();
        let from = if index == first { start } else { 0 };
        let to = if index == last {
            end
        } else {
            text.encode_utf16().count() as u32
        };
        if from >= to || (index != first && index != last && text.trim().is_empty()) {
            continue;
        }
        let (Ok(range), Ok(mark)) = (
            document.create_range(),
            document.create_element_ns(Some(XHTML), "mark"),
        ) else {
            return false;
        };
        mark.set_class_name(CLASS);
        if index == first {
            mark.set_id(HIT_ID);
        }
        marked &= range.set_start(node, from).is_ok()
            && range.set_end(node, to).is_ok()
            && range.surround_contents(&mark).is_ok();
    }
    marked
}
