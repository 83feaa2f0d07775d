//! Bookmarks and highlights as pure rules: a passage of a document as character
//! offsets into its text (the body's text nodes one after the other) and back to a
//! piece per text node, found again by its quote when the offsets drift; the two lists
//! kept apart and in reading order; which bookmarks are on the page shown; and the
//! highlight's colours per theme.

use suite_domain::ereader::notes::{AnnotationKind, AnnotationView};

use crate::rules::{Theme, page_of_progress};

/// A passage of a document's text: character offsets (`start` inclusive, `end`
/// exclusive) and the text between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Passage {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) quote: String,
}

/// The part of a passage inside one text node: the node's index and its range in
/// UTF-16 units (as the DOM counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) node: usize,
    pub(crate) from: u32,
    pub(crate) to: u32,
}

/// The character offset into the whole text of the point `utf16` (in UTF-16 units)
/// into text node `node` of `texts`; `None` for a node or point that is not there.
pub(crate) fn char_offset(texts: &[String], node: usize, utf16: u32) -> Option<u32> {
    let text = texts.get(node)?;
    let before: usize = texts[..node].iter().map(|t| t.chars().count()).sum();
    let mut units = 0u32;
    let mut chars = 0usize;
    for c in text.chars() {
        if units >= utf16 {
            break;
        }
        units += c.len_utf16() as u32;
        chars += 1;
    }
    (units >= utf16).then(|| (before + chars) as u32)
}

/// The passage from character `start` to `end` of the whole text, without the white
/// space at its ends; `None` when nothing but white space is in it.
pub(crate) fn passage(texts: &[String], start: u32, end: u32) -> Option<Passage> {
    let chars: Vec<char> = texts.iter().flat_map(|t| t.chars()).collect();
    let (mut start, mut end) = (start as usize, (end as usize).min(chars.len()));
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    (start < end).then(|| Passage {
        start: start as u32,
        end: end as u32,
        quote: chars[start..end].iter().collect(),
    })
}

/// Where a kept passage is now: at its offsets if its quote is still there, or else at
/// the place of its quote nearest to them; `None` when the quote is nowhere.
pub(crate) fn find_passage(
    texts: &[String],
    start: u32,
    end: u32,
    quote: &str,
) -> Option<(u32, u32)> {
    let chars: Vec<char> = texts.iter().flat_map(|t| t.chars()).collect();
    let needle: Vec<char> = quote.chars().collect();
    if needle.is_empty() || needle.len() > chars.len() {
        return None;
    }
    let (s, e) = (start as usize, end as usize);
    if e <= chars.len() && s < e && chars[s..e] == *needle {
        return Some((start, end));
    }
    (0..=chars.len() - needle.len())
        .filter(|&at| chars[at..at + needle.len()] == *needle)
        .min_by_key(|&at| at.abs_diff(s))
        .map(|at| (at as u32, (at + needle.len()) as u32))
}

/// The pieces of the passage from character `start` to `end`, one per text node it
/// touches (in document order), leaving out nodes where it has only white space (a
/// wrapper between block elements would not be valid there).
pub(crate) fn pieces(texts: &[String], start: u32, end: u32) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0u32;
    for (node, text) in texts.iter().enumerate() {
        let (mut from, mut to, mut units) = (None, None, 0u32);
        let mut inside = String::new();
        for c in text.chars() {
            if (start..end).contains(&at) {
                from.get_or_insert(units);
                inside.push(c);
                to = Some(units + c.len_utf16() as u32);
            }
            at += 1;
            units += c.len_utf16() as u32;
        }
        if let (Some(from), Some(to)) = (from, to)
            && !inside.trim().is_empty()
        {
            out.push(Piece { node, from, to });
        }
        if at >= end {
            break;
        }
    }
    out
}

/// The bookmarks and the highlights, kept apart, each in reading order (by document,
/// then by place in it).
pub(crate) fn split(items: &[AnnotationView]) -> (Vec<&AnnotationView>, Vec<&AnnotationView>) {
    let (mut bookmarks, mut highlights): (Vec<_>, Vec<_>) = items
        .iter()
        .partition(|a| a.kind == AnnotationKind::Bookmark);
    bookmarks.sort_by(|a, b| {
        (a.place.spine, a.place.progress, a.id)
            .partial_cmp(&(b.place.spine, b.place.progress, b.id))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    highlights.sort_by_key(|a| (a.place.spine, a.place.start.unwrap_or(0), a.id));
    (bookmarks, highlights)
}

/// The bookmarks on page `page` of `pages` of spine document `spine`.
pub(crate) fn bookmarks_on_page(
    items: &[AnnotationView],
    spine: usize,
    page: u32,
    pages: u32,
) -> Vec<i64> {
    items
        .iter()
        .filter(|a| {
            a.kind == AnnotationKind::Bookmark
                && a.place.spine as usize == spine
                && page_of_progress(a.place.progress, pages) == page.min(pages.saturating_sub(1))
        })
        .map(|a| a.id)
        .collect()
}

/// How far into its document a place is, in whole percent.
pub(crate) fn percent(progress: f64) -> u32 {
    if progress.is_finite() {
        (progress.clamp(0.0, 1.0) * 100.0).round() as u32
    } else {
        0
    }
}

/// A highlight's colours on a theme's page: its background, its text, and the line
/// under it (which sets it apart from the page for those who do not see the tint).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HighlightColours {
    pub(crate) background: &'static str,
    pub(crate) text: &'static str,
    pub(crate) line: &'static str,
}

/// The highlight's colours in `theme`: the text at least 4.5:1 on the highlight, the
/// line at least 3:1 on the page.
pub(crate) fn highlight_colours(theme: Theme) -> HighlightColours {
    match theme {
        Theme::Light => HighlightColours {
            background: "#fff3a3",
            text: "#1b1b1f",
            line: "#8a6d00",
        },
        Theme::Sepia => HighlightColours {
            background: "#f3d98b",
            text: "#2b2116",
            line: "#7a3a00",
        },
        Theme::Dark => HighlightColours {
            background: "#5a4a00",
            text: "#ffffff",
            line: "#e0c050",
        },
    }
}

/// The style of the highlights (`mark.er-note`) in the book's frame for `theme`.
pub(crate) fn highlight_css(theme: Theme) -> String {
    let HighlightColours {
        background,
        text,
        line,
    } = highlight_colours(theme);
    format!(
        "mark.er-note{{background:{background}!important;color:{text}!important;\
         text-decoration:underline 2px {line}!important;text-underline-offset:2px}}"
    )
}

#[cfg(test)]
mod tests;
