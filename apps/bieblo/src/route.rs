//! The app's routes under `/bieblo/`: a tiny path match instead of a router, because every
//! page is entered by a full page load (links from the start page, a scanned QR code).

use crate::url::{list_ids, query_param};

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    /// `/bieblo/`: the start page for adults, listing the active kiosks.
    Home,
    /// `/bieblo/kiosk/<library>/<branch>`: the kiosk of a branch.
    Kiosk { library: String, branch: String },
    /// `/bieblo/kiosk/<library>`: the library's kiosks that are on, to choose from (the
    /// address of a kiosk from before there was one per branch).
    Library { library: String },
    /// `/bieblo/lijst?bib=<library>&v=<branch>&b=<ids>`: a child's list, on a phone.
    List {
        library: String,
        /// The branch of the kiosk that made the list, when the link names one.
        branch: Option<String>,
        book_ids: Vec<String>,
    },
    /// `/bieblo/beheer`: the staff corner.
    Staff,
    /// Anything else.
    NotFound,
}

/// The address of a branch's kiosk (absolute, so it works from the staff bundle too).
pub(crate) fn kiosk_href(library: &str, branch: &str) -> String {
    format!("/bieblo/kiosk/{library}/{branch}")
}

/// Whether `id` looks like a library or branch id (lower case, digits, `-`, `_`).
fn is_library_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

impl Route {
    /// The route of a location: its path (with or without the `/bieblo` prefix) and its
    /// query string.
    pub(crate) fn parse(path: &str, query: &str) -> Route {
        let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        if segments.first() == Some(&"bieblo") {
            segments.remove(0);
        }
        match segments.as_slice() {
            [] => Route::Home,
            ["kiosk", library] if is_library_id(library) => Route::Library {
                library: (*library).to_string(),
            },
            ["kiosk", library, branch] if is_library_id(library) && is_library_id(branch) => {
                Route::Kiosk {
                    library: (*library).to_string(),
                    branch: (*branch).to_string(),
                }
            }
            ["lijst"] => match query_param(query, "bib").filter(|l| is_library_id(l)) {
                Some(library) => Route::List {
                    library,
                    branch: query_param(query, "v").filter(|b| is_library_id(b)),
                    book_ids: list_ids(query),
                },
                None => Route::NotFound,
            },
            [segment] if *segment == suite_ui::STAFF_SEGMENT => Route::Staff,
            _ => Route::NotFound,
        }
    }

    /// The route of the page the browser shows.
    pub(crate) fn current() -> Route {
        let location = web_sys::window().map(|w| w.location());
        let path = location.as_ref().and_then(|l| l.pathname().ok());
        let query = location.as_ref().and_then(|l| l.search().ok());
        Route::parse(&path.unwrap_or_default(), &query.unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn check(path: &str, query: &str, expected: Route) {
        assert_eq!(Route::parse(path, query), expected, "{path}{query}");
    }

    #[wasm_bindgen_test]
    fn paths_map_to_pages() {
        let kiosk = |l: &str, b: &str| Route::Kiosk {
            library: l.into(),
            branch: b.into(),
        };
        let library = |l: &str| Route::Library { library: l.into() };
        check("/bieblo/", "", Route::Home);
        check("/bieblo", "", Route::Home);
        check(
            "/bieblo/kiosk/demo-wetteren/hoofd",
            "",
            kiosk("demo-wetteren", "hoofd"),
        );
        check(
            "/bieblo/kiosk/demo-gent/krook/",
            "",
            kiosk("demo-gent", "krook"),
        );
        check("/bieblo/kiosk/demo-wetteren", "", library("demo-wetteren"));
        check("/bieblo/kiosk/", "", Route::NotFound);
        check("/bieblo/kiosk/Bad%20Id", "", Route::NotFound);
        check("/bieblo/kiosk/demo-gent/Bad%20Id", "", Route::NotFound);
        check("/bieblo/kiosk/demo-gent/krook/x", "", Route::NotFound);
        check("/bieblo/beheer", "", Route::Staff);
        check("/bieblo/beheer/", "", Route::Staff);
        check("/bieblo/elders", "", Route::NotFound);
        check(
            "/bieblo/lijst",
            "?bib=demo-gent&b=a,b%2Cc",
            Route::List {
                library: "demo-gent".into(),
                branch: None,
                book_ids: vec!["a".into(), "b,c".into()],
            },
        );
        check(
            "/bieblo/lijst",
            "?bib=demo-gent&v=krook&b=a",
            Route::List {
                library: "demo-gent".into(),
                branch: Some("krook".into()),
                book_ids: vec!["a".into()],
            },
        );
        check("/bieblo/lijst", "?b=a", Route::NotFound);
    }
}
