//! Tables of contents: the EPUB 3 navigation document (toc, landmarks, page-list) and the
//! EPUB 2 NCX (navMap, pageList), as trees of labelled links into the archive.

use crate::error::{EpubError, Place};
use crate::path::{self, Target};
use crate::xml::{self, Element};

/// One entry of a table of contents, landmarks or page list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    /// The visible label, whitespace collapsed.
    pub label: String,
    /// The full path of the document it opens (none for a heading without a link, or a
    /// link to a remote URL).
    pub path: Option<String>,
    /// The fragment inside that document (`#id` without the `#`), if any.
    pub fragment: Option<String>,
    /// The `epub:type` of the link (landmarks: `bodymatter`, `toc`...), if any.
    pub kind: Option<String>,
    /// Nested entries, in order.
    pub children: Vec<TocEntry>,
}

impl TocEntry {
    /// This entry and all nested ones, depth first in reading order.
    pub fn flatten(&self) -> Vec<&TocEntry> {
        let mut out = vec![self];
        for child in &self.children {
            out.extend(child.flatten());
        }
        out
    }
}

/// What a navigation document or an NCX gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Navigation {
    /// The table of contents.
    pub toc: Vec<TocEntry>,
    /// Landmarks (EPUB 3 `nav epub:type="landmarks"`), flat.
    pub landmarks: Vec<TocEntry>,
    /// Print page numbers (`page-list` or the NCX's `pageList`), flat.
    pub page_list: Vec<TocEntry>,
}

fn link(base: &str, href: Option<&str>) -> (Option<String>, Option<String>) {
    match href.map(|h| path::resolve(base, h)) {
        Some(Ok(Target::Local { path, fragment })) => (Some(path), fragment),
        _ => (None, None),
    }
}

fn nav_kind(element: &Element) -> String {
    element.attr("epub:type").unwrap_or("").to_string()
}

/// Parses the EPUB 3 navigation document at `path`.
pub(crate) fn parse_nav(path: &str, text: &str) -> Result<Navigation, EpubError> {
    let root = xml::parse(path, text)?;
    let mut navs = Vec::new();
    collect_navs(&root, &mut navs);
    let toc_nav = navs
        .iter()
        .find(|nav| nav_kind(nav).split_whitespace().any(|t| t == "toc"))
        .or(navs.first())
        .ok_or_else(|| EpubError::MissingElement {
            place: Place::new(path, Some(root.line)),
            element: "nav",
        })?;
    let list_of = |kind: &str| -> Vec<TocEntry> {
        navs.iter()
            .find(|nav| nav_kind(nav).split_whitespace().any(|t| t == kind))
            .map(|nav| entries_of_nav(path, nav))
            .unwrap_or_default()
    };
    Ok(Navigation {
        toc: entries_of_nav(path, toc_nav),
        landmarks: list_of("landmarks"),
        page_list: list_of("page-list"),
    })
}

fn collect_navs<'a>(element: &'a Element, out: &mut Vec<&'a Element>) {
    if element.name == "nav" {
        out.push(element);
        return;
    }
    for child in element.elements() {
        collect_navs(child, out);
    }
}

fn entries_of_nav(base: &str, nav: &Element) -> Vec<TocEntry> {
    nav.find("ol")
        .map(|ol| entries_of_list(base, ol))
        .unwrap_or_default()
}

fn entries_of_list(base: &str, ol: &Element) -> Vec<TocEntry> {
    ol.elements()
        .filter(|e| e.name == "li")
        .map(|li| {
            let anchor = li.elements().find(|e| e.name == "a" || e.name == "span");
            let label = anchor.map(Element::text).unwrap_or_default();
            let (path, fragment) = link(base, anchor.and_then(|a| a.attr("href")));
            let kind = anchor.and_then(|a| a.attr("epub:type")).map(str::to_string);
            let children = li
                .child("ol")
                .map(|nested| entries_of_list(base, nested))
                .unwrap_or_default();
            TocEntry {
                label,
                path,
                fragment,
                kind,
                children,
            }
        })
        .collect()
}

/// Parses the EPUB 2 NCX at `path`.
pub(crate) fn parse_ncx(path: &str, text: &str) -> Result<Navigation, EpubError> {
    let root = xml::parse(path, text)?;
    if root.name != "ncx" {
        return Err(EpubError::WrongRoot {
            place: Place::new(path, Some(root.line)),
            found: root.name.clone(),
            expected: "ncx",
        });
    }
    let nav_map = root
        .child("navMap")
        .ok_or_else(|| EpubError::MissingElement {
            place: Place::new(path, Some(root.line)),
            element: "navMap",
        })?;
    let page_list = root
        .child("pageList")
        .map(|list| ncx_points(path, list, "pageTarget"))
        .unwrap_or_default();
    Ok(Navigation {
        toc: ncx_points(path, nav_map, "navPoint"),
        landmarks: Vec::new(),
        page_list,
    })
}

fn ncx_points(base: &str, parent: &Element, name: &str) -> Vec<TocEntry> {
    parent
        .elements()
        .filter(|e| e.name == name)
        .map(|point| {
            let label = point
                .child("navLabel")
                .map(Element::text)
                .unwrap_or_default();
            let src = point.child("content").and_then(|c| c.attr("src"));
            let (path, fragment) = link(base, src);
            TocEntry {
                label,
                path,
                fragment,
                kind: None,
                children: ncx_points(base, point, name),
            }
        })
        .collect()
}
