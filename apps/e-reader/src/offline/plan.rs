//! The offline copy's names and choices, pure: which cache holds a loan's book, what
//! goes into it, which caches must go, and whether a copy may still be read.

use suite_domain::ereader::BookView;

use crate::rules::content_path;

/// The cache of the app itself (`sw.js` fills it); never deleted by the app.
pub(crate) const SHELL: &str = "ereader-shell";
/// Every cache this app writes starts with this.
const PREFIX: &str = "ereader-";
/// A loan's cache is this and the loan's id.
const LOAN: &str = "ereader-loan-";
/// The entry of a loan's cache that holds the loan's end (`{"until": <unix seconds>}`),
/// as `sw.js` reads it.
pub(crate) const OFFLINE_UNTIL: &str = "offline-until";

/// The cache that holds `loan`'s book.
pub(crate) fn cache_name(loan: i64) -> String {
    format!("{LOAN}{loan}")
}

/// The loan whose book the cache `name` holds, if it is one.
pub(crate) fn loan_of(name: &str) -> Option<i64> {
    let digits = name.strip_prefix(LOAN)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The caches among `names` of loans that are not in `running`: returned, ended, or
/// another member's.
pub(crate) fn stale(names: &[String], running: &[i64]) -> Vec<String> {
    names
        .iter()
        .filter(|name| loan_of(name).is_some_and(|loan| !running.contains(&loan)))
        .cloned()
        .collect()
}

/// The caches among `names` that belong to the member (their books, their last
/// answers): all of ours but the app itself. They go when the member logs out.
pub(crate) fn member_caches(names: &[String]) -> Vec<String> {
    names
        .iter()
        .filter(|name| name.starts_with(PREFIX) && name.as_str() != SHELL)
        .cloned()
        .collect()
}

/// Every address the reader asks for `loan`'s book: the book's outline, the place in
/// it, and each of its files (the reading order's when the server listed none).
pub(crate) fn book_urls(loan: i64, book: &BookView) -> Vec<String> {
    let mut urls = vec![
        format!("/api/ereader/loans/{loan}/book"),
        format!("/api/ereader/loans/{loan}/position"),
    ];
    let files = if book.resources.is_empty() {
        book.spine
            .iter()
            .map(|s| s.path.as_str())
            .collect::<Vec<_>>()
    } else {
        book.resources.iter().map(String::as_str).collect()
    };
    for path in files {
        let url = content_path(loan, path);
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    urls
}

/// What the copy keeps at [`OFFLINE_UNTIL`].
pub(crate) fn until_body(until: i64) -> String {
    format!("{{\"until\":{until}}}")
}

/// Whether a copy of a loan that ends at `until` may be read at `now` (unix seconds).
pub(crate) fn readable(until: i64, now: i64) -> bool {
    now < until
}

#[cfg(test)]
mod tests {
    use suite_domain::ereader::SpineEntry;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[wasm_bindgen_test]
    fn a_loans_cache_is_named_by_its_id_and_read_back() {
        assert_eq!(cache_name(42), "ereader-loan-42");
        assert_eq!(loan_of(&cache_name(42)), Some(42));
        for other in [
            "ereader-shell",
            "ereader-member",
            "ereader-loan-",
            "ereader-loan-4x",
            "loan-4",
            "ereader-loan--1",
        ] {
            assert_eq!(loan_of(other), None, "{other}");
        }
    }

    #[wasm_bindgen_test]
    fn only_caches_of_loans_no_longer_running_are_stale() {
        let all = names(&[
            "ereader-shell",
            "ereader-member",
            "ereader-loan-1",
            "ereader-loan-2",
            "ereader-loan-3",
            "other-app",
        ]);
        assert_eq!(
            stale(&all, &[2]),
            names(&["ereader-loan-1", "ereader-loan-3"])
        );
        assert_eq!(stale(&all, &[1, 2, 3]), Vec::<String>::new());
        // No loans at all: every book goes, the app and the last answers stay.
        assert_eq!(stale(&all, &[]).len(), 3);
    }

    #[wasm_bindgen_test]
    fn logging_out_takes_every_cache_of_the_member_but_not_the_app() {
        let all = names(&[
            "ereader-shell",
            "ereader-member",
            "ereader-loan-1",
            "other-app",
        ]);
        assert_eq!(
            member_caches(&all),
            names(&["ereader-member", "ereader-loan-1"])
        );
    }

    fn book(spine: &[&str], resources: &[&str]) -> BookView {
        BookView {
            title: "Boek".into(),
            title_direction: "auto".into(),
            language: "nl".into(),
            direction: "ltr".into(),
            layout: "reflowable".into(),
            spine: spine
                .iter()
                .map(|p| SpineEntry {
                    path: p.to_string(),
                    linear: true,
                    fixed: false,
                    chars: 0,
                })
                .collect(),
            toc: Vec::new(),
            resources: names(resources),
        }
    }

    #[wasm_bindgen_test]
    fn a_copy_holds_the_outline_the_place_and_every_file_once() {
        let urls = book_urls(
            7,
            &book(
                &["OEBPS/a.xhtml"],
                &["OEBPS/a.xhtml", "OEBPS/my pic.png", "OEBPS/a.xhtml"],
            ),
        );
        assert_eq!(
            urls,
            names(&[
                "/api/ereader/loans/7/book",
                "/api/ereader/loans/7/position",
                "/api/ereader/loans/7/content/OEBPS/a.xhtml",
                "/api/ereader/loans/7/content/OEBPS/my%20pic.png",
            ])
        );
        // An older server without the list: at least the reading order.
        let spine_only = book_urls(7, &book(&["a.xhtml", "b.xhtml"], &[]));
        assert_eq!(spine_only.len(), 4);
        assert!(spine_only[3].ends_with("/content/b.xhtml"));
    }

    #[wasm_bindgen_test]
    fn a_copy_is_read_only_before_the_loan_ends() {
        assert!(readable(1_000, 999));
        assert!(!readable(1_000, 1_000));
        assert!(!readable(1_000, 5_000));
        assert_eq!(until_body(1_700_000_000), "{\"until\":1700000000}");
    }
}
