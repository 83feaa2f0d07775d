//! A small XML tree for the EPUB's own documents (container, package, nav, NCX): local
//! names, attributes by qualified name, text, the line of each element, and a depth limit.

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use crate::error::{EpubError, Place};
use crate::limits::MAX_XML_DEPTH;

/// One node of a document in order: an element or a run of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

/// An element: its local name (prefix dropped), attributes and children in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Element {
    /// The name without its prefix: `title` for `dc:title`.
    pub(crate) name: String,
    /// Attributes by their qualified name (`epub:type`, `xml:lang`, `href`), values unescaped.
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) children: Vec<Node>,
    /// The 1-based line the start tag is on.
    pub(crate) line: usize,
}

impl Element {
    /// The value of the attribute with this qualified name.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The child elements.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this local name.
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first element with this local name in the subtree (itself included), depth first.
    pub(crate) fn find(&self, name: &str) -> Option<&Element> {
        if self.name == name {
            return Some(self);
        }
        self.elements().find_map(|e| e.find(name))
    }

    /// All text inside, whitespace collapsed to single spaces and trimmed.
    pub(crate) fn text(&self) -> String {
        let mut raw = String::new();
        self.collect_text(&mut raw);
        collapse_whitespace(&raw)
    }

    fn collect_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Element(element) => element.collect_text(out),
            }
        }
    }
}

/// `text` with every run of whitespace made one space, and trimmed.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The bytes of a document as text: UTF-8 (a byte order mark dropped) or UTF-16 with a mark.
pub(crate) fn decode(entry: &str, bytes: &[u8]) -> Result<String, EpubError> {
    let not_text = || EpubError::NotText {
        entry: entry.to_string(),
    };
    let utf16 = |rest: &[u8], big_endian: bool| {
        let units = rest.as_chunks::<2>().0.iter().map(|pair| {
            if big_endian {
                u16::from_be_bytes(*pair)
            } else {
                u16::from_le_bytes(*pair)
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| not_text())
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec()).map_err(|_| not_text()),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, true),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, false),
        _ => String::from_utf8(bytes.to_vec()).map_err(|_| not_text()),
    }
}

/// The 1-based line of a byte offset.
pub(crate) fn line_of(input: &str, offset: usize) -> usize {
    let end = offset.min(input.len());
    input.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Parses a whole document of `entry` into its root element.
pub(crate) fn parse(entry: &str, input: &str) -> Result<Element, EpubError> {
    let mut reader = Reader::from_str(input);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let error = |offset: usize, reason: String| EpubError::Xml {
        place: Place::new(entry, Some(line_of(input, offset))),
        reason,
    };
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| {
            let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
            error(at, e.to_string())
        })?;
        match event {
            Event::Start(start) | Event::Empty(start) if root.is_some() => {
                let name = start.name().as_ref().to_string();
                return Err(error(before, format!("<{name}> after the root element")));
            }
            Event::Start(start) => {
                if stack.len() >= MAX_XML_DEPTH {
                    let reason = format!("elements nested deeper than {MAX_XML_DEPTH}");
                    return Err(error(before, reason));
                }
                let element =
                    element(&start, line_of(input, before)).map_err(|r| error(before, r))?;
                stack.push(element);
            }
            Event::Empty(start) => {
                let element =
                    element(&start, line_of(input, before)).map_err(|r| error(before, r))?;
                attach(&mut stack, &mut root, element);
            }
            Event::End(_) => match stack.pop() {
                Some(element) => attach(&mut stack, &mut root, element),
                None => {
                    return Err(error(
                        before,
                        "a closing tag without its opening tag".into(),
                    ));
                }
            },
            Event::Text(text) => {
                add_text(&mut stack, &text.xml10_content());
            }
            Event::CData(data) => {
                add_text(&mut stack, &data.into_inner());
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => entity(&reference),
                    Err(e) => return Err(error(before, e.to_string())),
                };
                add_text(&mut stack, &resolved);
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        let reason = format!("<{}> on line {} is never closed", open.name, open.line);
        return Err(error(input.len(), reason));
    }
    root.ok_or_else(|| error(0, "no root element".into()))
}

/// An entity reference's text: the XML ones, a no-break space for `&nbsp;` (common in
/// EPUB 2 books with an XHTML DTD), and any other kept as written.
pub(crate) fn entity(name: &str) -> String {
    match resolve_predefined_entity(name) {
        Some(text) => text.to_string(),
        None if name == "nbsp" => "\u{a0}".to_string(),
        None => format!("&{name};"),
    }
}

fn element(start: &BytesStart<'_>, line: usize) -> Result<Element, String> {
    let qualified = start.name().as_ref().to_string();
    let name = local(&qualified).to_string();
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = attr.key.as_ref().to_string();
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| e.to_string())?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
        line,
    })
}

/// The local part of a qualified name.
pub(crate) fn local(qualified: &str) -> &str {
    qualified.rsplit(':').next().unwrap_or(qualified)
}

fn attach(stack: &mut [Element], root: &mut Option<Element>, element: Element) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Element(element)),
        None => *root = Some(element),
    }
}

fn add_text(stack: &mut [Element], text: &str) {
    // Text outside the root element (whitespace, in practice) has nowhere to go.
    if let Some(parent) = stack.last_mut() {
        match parent.children.last_mut() {
            Some(Node::Text(previous)) => previous.push_str(text),
            _ => parent.children.push(Node::Text(text.to_string())),
        }
    }
}
