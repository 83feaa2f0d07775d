//! Where a link in the book leads when the reader follows it: another place in the
//! book (a document of this loan, maybe an element in it), a page outside the book
//! (opened apart from the app), or nowhere.

use suite_ui::url::decode_path;

/// A followed link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Link {
    /// A resource of the book by its path inside the EPUB, and an element's id.
    Book {
        path: String,
        fragment: Option<String>,
    },
    /// An address outside the app (`http`, `https`, `mailto`).
    Outside(String),
    /// Anything else: not followed.
    Nowhere,
}

/// Where the resolved address `href` of a link in loan `loan`'s book leads, for an app
/// at `origin` (`https://host`).
pub(crate) fn link_target(href: &str, origin: &str, loan: i64) -> Link {
    let content = format!("{origin}/api/ereader/loans/{loan}/content/");
    if let Some(rest) = href.strip_prefix(&content) {
        let (rest, fragment) = match rest.split_once('#') {
            Some((rest, fragment)) => (rest, Some(fragment)),
            None => (rest, None),
        };
        let path = rest.split(['?']).next().unwrap_or_default();
        let path: Vec<String> = path.split('/').map(decode_path).collect();
        let path = path.join("/");
        if path.is_empty() || path.split('/').any(|s| s.is_empty() || s == "..") {
            return Link::Nowhere;
        }
        return Link::Book {
            path,
            fragment: fragment
                .map(decode_path)
                .filter(|fragment| !fragment.is_empty()),
        };
    }
    let lower = href.to_ascii_lowercase();
    let same_origin = lower.starts_with(&format!("{}/", origin.to_ascii_lowercase()));
    if !same_origin
        && ["http://", "https://", "mailto:"]
            .iter()
            .any(|scheme| lower.starts_with(scheme))
    {
        return Link::Outside(href.to_string());
    }
    Link::Nowhere
}
