//! A small read-only XML tree built with quick-xml's reader, with positions in every
//! error, a nesting limit, and a check that the input is a catalogue document at all.
//!
//! The catalogue's XML mixes attributes, text and interleaved repeated children (e.g.
//! `<title>`, `<short-title>`, `<origin-title>`), which serde maps awkwardly and without
//! error positions; walking a tree keeps each response parser short and total.

use quick_xml::Reader;
use quick_xml::errors::{Error as XmlError, SyntaxError};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::error::{CatalogueError, api_error_in, json_error};

/// Deeper nesting than this is refused: catalogue responses nest about ten levels.
pub(crate) const MAX_DEPTH: usize = 100;

/// One element: name, attributes, child elements and its own text.
#[derive(Debug, Default)]
pub(crate) struct Element {
    pub(crate) name: String,
    attrs: Vec<(String, String)>,
    pub(crate) children: Vec<Element>,
    text: String,
}

impl Element {
    /// The attribute's value, trimmed, when present and not empty.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The first child element with this name.
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child element with this name, in document order.
    pub(crate) fn children_named<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The element's own text, trimmed (text of child elements not included).
    pub(crate) fn text(&self) -> &str {
        self.text.trim()
    }

    /// The trimmed text of the first child with this name, when not empty.
    pub(crate) fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name)
            .map(Element::text)
            .filter(|t| !t.is_empty())
    }

    /// Every element at the end of `path`, e.g. `["subjects", "topical-subject"]`.
    pub(crate) fn all_at<'a>(&'a self, path: &[&str]) -> Vec<&'a Element> {
        let mut level = vec![self];
        for step in path {
            level = level
                .into_iter()
                .flat_map(|e| e.children.iter().filter(|c| c.name == *step))
                .collect();
        }
        level
    }

    /// The first element at the end of `path`.
    pub(crate) fn first_at<'a>(&'a self, path: &[&str]) -> Option<&'a Element> {
        self.all_at(path).into_iter().next()
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(input: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(input.len());
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    let before = &input[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Parses a catalogue response: anything but an `<aquabrowser>` document with data is an
/// error, including the catalogue's own error bodies (XML or JSON).
pub(crate) fn parse_catalogue(input: &str) -> Result<Element, CatalogueError> {
    let body = input.trim_start_matches('\u{feff}').trim_start();
    if body.is_empty() {
        return Err(CatalogueError::Empty);
    }
    if body.starts_with('{')
        && let Some(api) = json_error(body)
    {
        return Err(CatalogueError::Api(api));
    }
    if let Some(found) = not_xml(body) {
        return Err(CatalogueError::NotXml { found });
    }
    let root = parse_document(input.trim_start_matches('\u{feff}'))?;
    if let Some(api) = api_error_in(&root) {
        return Err(CatalogueError::Api(api));
    }
    if root.name == "html" {
        return Err(CatalogueError::NotXml {
            found: "an HTML page".to_string(),
        });
    }
    if root.name != "aquabrowser" {
        return Err(CatalogueError::UnexpectedRoot {
            expected: "aquabrowser".to_string(),
            found: root.name,
        });
    }
    Ok(root)
}

/// What a body that is clearly not XML looks like instead.
fn not_xml(body: &str) -> Option<String> {
    let head: String = body.chars().take(15).collect::<String>().to_lowercase();
    if body.starts_with('{') || body.starts_with('[') {
        Some("JSON".to_string())
    } else if head.starts_with("<!doctype html") || head.starts_with("<html") {
        Some("an HTML page".to_string())
    } else if !body.starts_with('<') {
        let start: String = body.chars().take(30).collect();
        Some(format!("text starting with {start:?}"))
    } else {
        None
    }
}

/// Parses a whole XML document into its root element.
pub(crate) fn parse_document(input: &str) -> Result<Element, CatalogueError> {
    let mut reader = Reader::from_str(input);
    // Offsets where each open element starts, parallel to `stack`.
    let mut stack: Vec<(Element, usize)> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let before = position(reader.buffer_position());
        let event = reader
            .read_event()
            .map_err(|e| xml_error(input, &reader, &stack, e))?;
        match event {
            Event::Start(start) => {
                check_open(input, &root, &stack, before)?;
                let element = element(input, &start, before)?;
                stack.push((element, before));
            }
            Event::Empty(start) => {
                check_open(input, &root, &stack, before)?;
                let element = element(input, &start, before)?;
                attach(&mut stack, &mut root, element);
            }
            Event::End(_) => match stack.pop() {
                Some((element, _)) => attach(&mut stack, &mut root, element),
                None => return Err(malformed(input, before, "closing tag without opening tag")),
            },
            Event::Text(text) => add_text(input, &mut stack, before, &text.xml10_content())?,
            Event::CData(data) => add_text(input, &mut stack, before, &data.into_inner())?,
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match resolve_predefined_entity(&reference) {
                        Some(s) => s.to_string(),
                        None => {
                            let message = format!("unknown entity &{};", &*reference);
                            return Err(malformed(input, before, &message));
                        }
                    },
                    Err(e) => return Err(malformed(input, before, &e.to_string())),
                };
                add_text(input, &mut stack, before, &resolved)?;
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if let Some((open, at)) = stack.last() {
        let (line, column) = line_column(input, input.len());
        let (open_line, open_column) = line_column(input, *at);
        return Err(CatalogueError::Truncated {
            line,
            column,
            unclosed: format!(
                "<{}> opened at line {open_line}, column {open_column} is never closed",
                open.name
            ),
        });
    }
    root.ok_or(CatalogueError::Empty)
}

fn position(offset: u64) -> usize {
    usize::try_from(offset).unwrap_or(usize::MAX)
}

fn malformed(input: &str, offset: usize, message: &str) -> CatalogueError {
    let (line, column) = line_column(input, offset);
    CatalogueError::MalformedXml {
        line,
        column,
        message: message.to_string(),
    }
}

fn check_open(
    input: &str,
    root: &Option<Element>,
    stack: &[(Element, usize)],
    offset: usize,
) -> Result<(), CatalogueError> {
    if root.is_some() {
        return Err(malformed(
            input,
            offset,
            "a second element after the root element",
        ));
    }
    if stack.len() >= MAX_DEPTH {
        let (line, column) = line_column(input, offset);
        return Err(CatalogueError::TooDeep {
            max: MAX_DEPTH,
            line,
            column,
        });
    }
    Ok(())
}

/// Whether `name` is an XML name (ASCII rules; any non-ASCII letter is let through).
fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    let start_ok = |c: char| c.is_alphabetic() || c == '_' || c == ':';
    chars.next().is_some_and(start_ok)
        && chars.all(|c| start_ok(c) || c.is_alphanumeric() || c == '-' || c == '.')
}

fn element(input: &str, start: &BytesStart<'_>, offset: usize) -> Result<Element, CatalogueError> {
    let name = start.name().as_ref().to_string();
    if !valid_name(&name) {
        return Err(malformed(
            input,
            offset,
            &format!("invalid element name {name:?}"),
        ));
    }
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| malformed(input, offset, &e.to_string()))?;
        let key = attr.key.as_ref();
        if !valid_name(key) {
            return Err(malformed(
                input,
                offset,
                &format!("invalid attribute name {key:?}"),
            ));
        }
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| malformed(input, offset, &e.to_string()))?;
        attrs.push((key.to_string(), value.into_owned()));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
        text: String::new(),
    })
}

fn attach(stack: &mut [(Element, usize)], root: &mut Option<Element>, element: Element) {
    match stack.last_mut() {
        Some((parent, _)) => parent.children.push(element),
        None => *root = Some(element),
    }
}

fn add_text(
    input: &str,
    stack: &mut [(Element, usize)],
    offset: usize,
    text: &str,
) -> Result<(), CatalogueError> {
    match stack.last_mut() {
        Some((parent, _)) => {
            parent.text.push_str(text);
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None => Err(malformed(input, offset, "text outside the root element")),
    }
}

fn xml_error(
    input: &str,
    reader: &Reader<&[u8]>,
    stack: &[(Element, usize)],
    error: XmlError,
) -> CatalogueError {
    let offset = position(reader.error_position());
    match error {
        XmlError::Syntax(SyntaxError::InvalidBangMarkup) => {
            malformed(input, offset, &SyntaxError::InvalidBangMarkup.to_string())
        }
        XmlError::Syntax(syntax) => {
            let (line, column) = line_column(input, input.len());
            let inside = stack
                .last()
                .map(|(e, _)| format!(" inside <{}>", e.name))
                .unwrap_or_default();
            CatalogueError::Truncated {
                line,
                column,
                unclosed: format!("{syntax}{inside}"),
            }
        }
        other => malformed(input, offset, &other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree_with_text_attributes_and_entities() {
        let doc = parse_document(
            "<?xml version=\"1.0\"?><a x=\" 1 &amp; 2 \"><b>Tom &amp; Jerry &#233;</b><c/><b><![CDATA[<raw>]]></b></a>",
        )
        .expect("well-formed");
        assert_eq!(doc.name, "a");
        assert_eq!(doc.attr("x"), Some("1 & 2"));
        let texts: Vec<&str> = doc.children_named("b").map(Element::text).collect();
        assert_eq!(texts, ["Tom & Jerry é", "<raw>"]);
        assert!(doc.child("c").is_some());
        assert_eq!(
            doc.first_at(&["b"]).map(Element::text),
            Some("Tom & Jerry é")
        );
    }

    #[test]
    fn positions_are_one_based_lines_and_character_columns() {
        assert_eq!(line_column("ab\ncé\nx", 0), (1, 1));
        assert_eq!(line_column("ab\ncé\nx", 3), (2, 1));
        assert_eq!(line_column("ab\ncé\nx", 7), (3, 1));
        assert_eq!(line_column("é", 1), (1, 1));
    }

    #[test]
    fn refuses_deep_nesting() {
        let deep = "<a>".repeat(MAX_DEPTH + 5);
        assert!(matches!(
            parse_document(&deep),
            Err(CatalogueError::TooDeep { .. })
        ));
    }
}
