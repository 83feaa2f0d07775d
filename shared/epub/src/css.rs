//! EPUB 3's prefixed CSS (`-epub-writing-mode`, `-epub-hyphens`, `-epub-fullwidth`, ...)
//! as browsers know it today: the reading system maps each prefixed property or value
//! to its standard name (EPUB 3.3, "Prefixed properties"), in style sheets and in the
//! style attributes and `<style>` elements of content documents. The book's text itself
//! is left alone (a book about CSS may well mention `-epub-hyphens`).

use std::borrow::Cow;

/// Prefixed names and what browsers call them; the longest match wins.
const NAMES: &[(&str, &str)] = &[
    ("-epub-writing-mode", "writing-mode"),
    ("-epub-text-orientation", "text-orientation"),
    ("-epub-text-combine-horizontal", "text-combine-upright"),
    ("-epub-text-combine", "text-combine-upright"),
    ("-epub-hyphens", "hyphens"),
    ("-epub-line-break", "line-break"),
    ("-epub-word-break", "word-break"),
    ("-epub-text-align-last", "text-align-last"),
    ("-epub-text-emphasis-color", "text-emphasis-color"),
    ("-epub-text-emphasis-position", "text-emphasis-position"),
    ("-epub-text-emphasis-style", "text-emphasis-style"),
    ("-epub-text-emphasis", "text-emphasis"),
    ("-epub-text-underline-position", "text-underline-position"),
    ("-epub-text-transform", "text-transform"),
    ("-epub-fullwidth", "full-width"),
];

const PREFIX: &str = "-epub-";

fn is_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// A style sheet's text with the prefixed names replaced.
pub fn unprefix_css(css: &str) -> Cow<'_, str> {
    if !css.contains(PREFIX) {
        return Cow::Borrowed(css);
    }
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find(PREFIX) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let name = NAMES
            .iter()
            .filter(|(prefixed, _)| {
                tail.starts_with(prefixed)
                    && !tail
                        .as_bytes()
                        .get(prefixed.len())
                        .is_some_and(|&b| is_name_char(b))
            })
            .max_by_key(|(prefixed, _)| prefixed.len());
        match name {
            Some((prefixed, standard)) => {
                out.push_str(standard);
                rest = &tail[prefixed.len()..];
            }
            None => {
                out.push_str(PREFIX);
                rest = &tail[PREFIX.len()..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Where the next `needle` (ASCII, any case) starts in `text` from `from`.
fn find_ci(text: &str, needle: &str, from: usize) -> Option<usize> {
    let (hay, pin) = (text.as_bytes(), needle.as_bytes());
    (from..=hay.len().checked_sub(pin.len())?)
        .find(|&i| hay[i..i + pin.len()].eq_ignore_ascii_case(pin))
}

/// The end (one past its `>`) of the tag that starts at `start`, quotes respected.
fn tag_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(start + 1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// A tag's text with its `style` attribute's value unprefixed.
fn unprefix_tag(tag: &str, out: &mut String) {
    let bytes = tag.as_bytes();
    let mut i = 0;
    let mut quote = None;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
        } else if b == b'"' || b == b'\'' {
            quote = Some(b);
        } else if i > 0
            && bytes[i - 1].is_ascii_whitespace()
            && tag[i..].len() >= 5
            && tag.as_bytes()[i..i + 5].eq_ignore_ascii_case(b"style")
        {
            // `style`, spaces, `=`, spaces, a quoted value.
            let mut j = i + 5;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if bytes.get(j) == Some(&b'=') {
                j += 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = bytes.get(j)
                    && let Some(len) = tag[j + 1..].find(char::from(q))
                {
                    out.push_str(&tag[i..=j]);
                    out.push_str(&unprefix_css(&tag[j + 1..j + 1 + len]));
                    i = j + 1 + len;
                    continue;
                }
            }
        }
        let width = tag[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&tag[i..i + width]);
        i += width;
    }
}

/// A content document's text with the prefixed names replaced in its style attributes
/// and `<style>` elements (comments and the text itself untouched).
pub fn unprefix_markup(markup: &str) -> Cow<'_, str> {
    if !markup.contains(PREFIX) {
        return Cow::Borrowed(markup);
    }
    let mut out = String::with_capacity(markup.len());
    let mut at = 0;
    while let Some(open) = markup[at..].find('<').map(|i| i + at) {
        out.push_str(&markup[at..open]);
        let rest = &markup[open..];
        let skip_to = |end: &str| {
            markup[open..]
                .find(end)
                .map_or(markup.len(), |i| open + i + end.len())
        };
        if rest.starts_with("<!--") {
            let end = skip_to("-->");
            out.push_str(&markup[open..end]);
            at = end;
            continue;
        }
        if rest.starts_with("<![CDATA[") {
            let end = skip_to("]]>");
            out.push_str(&markup[open..end]);
            at = end;
            continue;
        }
        let end = tag_end(markup, open);
        unprefix_tag(&markup[open..end], &mut out);
        at = end;
        let is_style = rest.len() > 6
            && rest.as_bytes()[1..6].eq_ignore_ascii_case(b"style")
            && !is_name_char(rest.as_bytes()[6])
            && !markup[..end].ends_with("/>");
        if is_style {
            let close = find_ci(markup, "</style", at).unwrap_or(markup.len());
            out.push_str(&unprefix_css(&markup[at..close]));
            at = close;
        }
    }
    out.push_str(&markup[at..]);
    Cow::Owned(out)
}

/// A resource as the reader shows it: style sheets and content documents (XHTML, HTML,
/// SVG) with the prefixed names replaced; `None` when nothing changes (other types,
/// text that is not UTF-8, no prefixed name).
pub fn unprefixed(bytes: &[u8], media_type: &str) -> Option<Vec<u8>> {
    let kind = media_type.split(';').next().unwrap_or("").trim();
    let markup = matches!(
        kind,
        "application/xhtml+xml" | "text/html" | "image/svg+xml"
    );
    if !markup && kind != "text/css" {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let changed = if markup {
        unprefix_markup(text)
    } else {
        unprefix_css(text)
    };
    match changed {
        Cow::Owned(text) if text.as_bytes() != bytes => Some(text.into_bytes()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixed_properties_and_values_get_their_standard_names() {
        assert_eq!(
            unprefix_css("body { -epub-writing-mode: vertical-rl; -epub-hyphens:auto }"),
            "body { writing-mode: vertical-rl; hyphens:auto }"
        );
        assert_eq!(
            unprefix_css("p{text-transform:-epub-fullwidth}"),
            "p{text-transform:full-width}"
        );
        // The longest name wins; an unknown or longer name stays as it is.
        assert_eq!(
            unprefix_css("-epub-text-emphasis-color: red; -epub-text-emphasis: dot"),
            "text-emphasis-color: red; text-emphasis: dot"
        );
        assert_eq!(
            unprefix_css("-epub-hyphens-x: 1; -epub-unknown: 2"),
            "-epub-hyphens-x: 1; -epub-unknown: 2"
        );
        assert!(matches!(unprefix_css("p { color: red }"), Cow::Borrowed(_)));
    }

    #[test]
    fn in_markup_only_styles_change_not_the_text() {
        let page = "<html><head><style type=\"text/css\">\nbody { -epub-writing-mode:vertical-rl; }\n</style></head>\
            <body><h1>-epub-hyphens Test</h1><!-- -epub-hyphens: none -->\
            <p class=\"-epub-hyphens\" style='margin: 1em; -epub-hyphens: none;'>Tekst over -epub-hyphens.</p>\
            <p STYLE = \"text-transform: -epub-fullwidth\" title=\"a > b\">ｘ</p></body></html>";
        let shown = unprefix_markup(page);
        assert_eq!(
            shown,
            "<html><head><style type=\"text/css\">\nbody { writing-mode:vertical-rl; }\n</style></head>\
            <body><h1>-epub-hyphens Test</h1><!-- -epub-hyphens: none -->\
            <p class=\"-epub-hyphens\" style='margin: 1em; hyphens: none;'>Tekst over -epub-hyphens.</p>\
            <p STYLE = \"text-transform: full-width\" title=\"a > b\">ｘ</p></body></html>"
        );
        // A self-closed style element has no sheet; an unclosed one runs to the end.
        assert_eq!(
            unprefix_markup("<style/><p>-epub-hyphens</p>"),
            "<style/><p>-epub-hyphens</p>"
        );
        assert_eq!(
            unprefix_markup("<style>p{-epub-hyphens:auto}"),
            "<style>p{hyphens:auto}"
        );
    }

    #[test]
    fn only_changed_text_resources_are_rewritten() {
        let css = b"p { -epub-word-break: keep-all }";
        assert_eq!(
            unprefixed(css, "text/css; charset=utf-8").as_deref(),
            Some(&b"p { word-break: keep-all }"[..])
        );
        assert_eq!(unprefixed(css, "image/png"), None);
        assert_eq!(unprefixed(b"p { color: red }", "text/css"), None);
        assert_eq!(unprefixed(&[0xff, 0xfe, b'-'], "text/css"), None);
        assert_eq!(
            unprefixed(b"<p>-epub-hyphens</p>", "application/xhtml+xml"),
            None
        );
    }
}
