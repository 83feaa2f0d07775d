//! Searching the whole book: the visible text of an XHTML document, and a case- and
//! accent-insensitive search over the spine (`é` matches `e`, `IJ` matches `ij`).

use quick_xml::Reader;
use quick_xml::events::Event;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::book::Book;
use crate::limits::{MAX_SEARCH_HITS, MAX_XML_SIZE};
use crate::xml::{self, collapse_whitespace};

/// Elements whose content is never shown as text.
const HIDDEN: [&str; 6] = ["head", "script", "style", "template", "noscript", "title"];
/// Elements that break a line: text on either side is not one word.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "section",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "figcaption",
    "aside",
    "header",
    "footer",
];
/// Characters of context on either side of a hit in its snippet.
const SNIPPET_CONTEXT: usize = 40;

/// The visible text of an XHTML document: no tags, no scripts or styles, whitespace
/// collapsed, block elements separated by a space. A broken document gives the text up to
/// the break.
pub fn text_of_xhtml(bytes: &[u8]) -> String {
    let Ok(input) = xml::decode("", bytes) else {
        return String::new();
    };
    let mut reader = Reader::from_str(&input);
    reader.config_mut().check_end_names = false;
    let mut raw = String::new();
    // How many hidden elements we are inside.
    let mut hidden = 0usize;
    // A broken document ends the text where it breaks.
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(start) => {
                let name = start.local_name().as_ref().to_lowercase();
                if hidden > 0 || HIDDEN.contains(&name.as_str()) {
                    hidden += 1;
                } else if BLOCKS.contains(&name.as_str()) {
                    raw.push(' ');
                }
            }
            Event::End(end) => {
                let name = end.local_name().as_ref().to_lowercase();
                if hidden > 0 {
                    hidden -= 1;
                } else if BLOCKS.contains(&name.as_str()) {
                    raw.push(' ');
                }
            }
            Event::Empty(_) => raw.push(' '),
            Event::Text(text) if hidden == 0 => raw.push_str(&text.xml10_content()),
            Event::CData(data) if hidden == 0 => {
                raw.push_str(&data.into_inner());
            }
            Event::GeneralRef(reference) if hidden == 0 => match reference.resolve_char_ref() {
                Ok(Some(c)) => raw.push(c),
                _ => raw.push_str(&xml::entity(&reference)),
            },
            Event::Eof => break,
            _ => {}
        }
    }
    collapse_whitespace(&raw)
}

/// One place a query was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The index of the spine entry the hit is in.
    pub spine_index: usize,
    /// Where in that entry's [`text_of_xhtml`] the hit starts, in characters.
    pub char_offset: usize,
    /// The hit with some text around it.
    pub snippet: String,
}

/// `text` folded for comparison: lowercase, accents removed, and for each folded
/// character the index of the character of `text` it came from.
fn fold(text: &str) -> (Vec<char>, Vec<usize>) {
    let mut folded = Vec::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        for base in std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)) {
            for lower in base.to_lowercase() {
                folded.push(lower);
                origin.push(index);
            }
        }
    }
    (folded, origin)
}

/// The character offsets in `text` where `query` occurs, ignoring case and accents.
pub fn find_all(text: &str, query: &str) -> Vec<usize> {
    let (needle, _) = fold(&collapse_whitespace(query));
    if needle.is_empty() {
        return Vec::new();
    }
    let (haystack, origin) = fold(text);
    let mut hits = Vec::new();
    let mut at = 0;
    while at + needle.len() <= haystack.len() {
        if haystack[at..at + needle.len()] == needle[..] {
            hits.push(origin[at]);
            at += needle.len();
        } else {
            at += 1;
        }
    }
    hits
}

fn snippet(chars: &[char], offset: usize, length: usize) -> String {
    let start = offset.saturating_sub(SNIPPET_CONTEXT);
    let end = (offset + length + SNIPPET_CONTEXT).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// The length in characters of the visible text of spine document `index` (what
/// [`Book::displayed_item`] shows); 0 for a document that is not XHTML or cannot be
/// read.
pub fn text_length(book: &Book, index: usize) -> u32 {
    let Some(item) = book.displayed_item(index) else {
        return 0;
    };
    if item.remote || !item.media_type.contains("xml") {
        return 0;
    }
    match book.resource(&item.path) {
        Ok(bytes) if bytes.len() as u64 <= MAX_XML_SIZE => {
            u32::try_from(text_of_xhtml(&bytes).chars().count()).unwrap_or(u32::MAX)
        }
        _ => 0,
    }
}

/// Searches every spine document (what [`Book::displayed_item`] shows) in reading order,
/// at most [`MAX_SEARCH_HITS`] hits; documents that cannot be read are skipped.
pub fn search(book: &Book, query: &str) -> Vec<Hit> {
    let query_length = collapse_whitespace(query).chars().count();
    let mut hits = Vec::new();
    for index in 0..book.package.spine.len() {
        let Some(item) = book.displayed_item(index) else {
            continue;
        };
        if item.remote || !item.media_type.contains("xml") {
            continue;
        }
        let Ok(bytes) = book.resource(&item.path) else {
            continue;
        };
        if bytes.len() as u64 > MAX_XML_SIZE {
            continue;
        }
        let text = text_of_xhtml(&bytes);
        let chars: Vec<char> = text.chars().collect();
        for offset in find_all(&text, query) {
            if hits.len() >= MAX_SEARCH_HITS {
                return hits;
            }
            hits.push(Hit {
                spine_index: index,
                char_offset: offset,
                snippet: snippet(&chars, offset, query_length),
            });
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_leaves_out_markup_scripts_and_styles() {
        let page = br#"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Kop</title><style>p{color:red}</style></head>
<body><h1>Hoofdstuk&#160;1</h1><p>De <em>kat</em> &amp; de hond.</p><script>alert("nee")</script><p>Einde<br/>regel</p></body></html>"#;
        assert_eq!(
            text_of_xhtml(page),
            "Hoofdstuk 1 De kat & de hond. Einde regel"
        );
    }

    #[test]
    fn broken_documents_give_the_text_before_the_break() {
        assert_eq!(
            text_of_xhtml(b"<html><body><p>Begin</p><p>half"),
            "Begin half"
        );
        assert_eq!(text_of_xhtml(&[0xff, 0x00, 0xc3]), "");
    }

    #[test]
    fn search_ignores_case_and_accents() {
        let text = "Café Één. Een ideë, EEN cafe.";
        assert_eq!(find_all(text, "een"), vec![5, 10, 20]);
        assert_eq!(find_all(text, "CAFÉ"), vec![0, 24]);
        assert_eq!(find_all(text, "idee"), vec![14]);
        assert!(find_all(text, "").is_empty());
        assert!(find_all(text, "hond").is_empty());
    }

    #[test]
    fn snippets_show_the_hit_in_context() {
        let chars: Vec<char> = "a".repeat(100).chars().chain("kat".chars()).collect();
        let cut = snippet(&chars, 100, 3);
        assert!(cut.starts_with('…') && cut.ends_with("kat"), "{cut}");
        assert_eq!(cut.chars().count(), 1 + SNIPPET_CONTEXT + 3);
    }
}
