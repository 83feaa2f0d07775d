//! The app's pages under `/culture-matcher/` and the centre they are about
//! (`?centrum=<id>` on every page). Every page has its own URL, so a shared link or a
//! reload opens the same page; inside the app, links change the page without a reload
//! (see `nav.rs`).

use crate::url::{encode, query_param, without_param};

/// Where the server serves the app.
pub(crate) const BASE: &str = "/culture-matcher/";
/// The query parameter naming the centre.
pub(crate) const CENTRE_PARAM: &str = "centrum";

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Page {
    /// `/culture-matcher/`: the swipe (with a centre) or the choice of a centre.
    Home,
    /// `/culture-matcher/programma?<filter>`: the whole programme; the rest of the query
    /// (without the centre) is the filter's.
    Programme {
        filter_query: String,
    },
    /// `/culture-matcher/voorstelling/<id>`: one show (the link people share).
    Show {
        id: String,
    },
    /// `/culture-matcher/bewaard`: saved shows and the after-show chats.
    Saved,
    /// `/culture-matcher/beheer`: the staff login.
    Staff,
    NotFound,
}

/// A page and the centre it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Route {
    pub(crate) centre: Option<String>,
    pub(crate) page: Page,
}

/// Whether `id` looks like a centre id (lower case, digits, `-`, `_`).
pub(crate) fn is_centre_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

impl Route {
    pub(crate) fn new(centre: Option<&str>, page: Page) -> Self {
        Self {
            centre: centre.map(str::to_string),
            page,
        }
    }

    /// The route of a location: its path (with or without the app's prefix) and query.
    pub(crate) fn parse(path: &str, query: &str) -> Route {
        let centre = query_param(query, CENTRE_PARAM).filter(|c| is_centre_id(c));
        let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        if segments.first() == Some(&"culture-matcher") {
            segments.remove(0);
        }
        let page = match segments.as_slice() {
            [] => Page::Home,
            ["programma"] => Page::Programme {
                filter_query: without_param(query, CENTRE_PARAM),
            },
            ["voorstelling", id] => Page::Show {
                id: crate::url::decode(id),
            },
            ["bewaard"] => Page::Saved,
            [segment] if *segment == suite_ui::STAFF_SEGMENT => Page::Staff,
            _ => Page::NotFound,
        };
        Route { centre, page }
    }

    /// The route of the page the browser shows.
    pub(crate) fn current() -> Route {
        let location = web_sys::window().map(|w| w.location());
        let path = location.as_ref().and_then(|l| l.pathname().ok());
        let query = location.as_ref().and_then(|l| l.search().ok());
        Route::parse(&path.unwrap_or_default(), &query.unwrap_or_default())
    }

    /// The absolute path and query of this route.
    pub(crate) fn href(&self) -> String {
        let (path, extra) = match &self.page {
            Page::Home | Page::NotFound => (String::new(), String::new()),
            Page::Programme { filter_query } => ("programma".into(), filter_query.clone()),
            Page::Show { id } => (format!("voorstelling/{}", encode(id)), String::new()),
            Page::Saved => ("bewaard".into(), String::new()),
            Page::Staff => (suite_ui::STAFF_SEGMENT.into(), String::new()),
        };
        let mut query: Vec<String> = Vec::new();
        if let Some(centre) = &self.centre {
            query.push(format!("{CENTRE_PARAM}={}", encode(centre)));
        }
        if !extra.is_empty() {
            query.push(extra);
        }
        if query.is_empty() {
            format!("{BASE}{path}")
        } else {
            format!("{BASE}{path}?{}", query.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn check(path: &str, query: &str, centre: Option<&str>, page: Page) {
        assert_eq!(
            Route::parse(path, query),
            Route::new(centre, page),
            "{path}{query}"
        );
    }

    #[wasm_bindgen_test]
    fn paths_map_to_pages() {
        let nova = Some("demo-nova");
        check("/culture-matcher/", "", None, Page::Home);
        check("/culture-matcher", "?centrum=demo-nova", nova, Page::Home);
        check(
            "/culture-matcher/",
            "?centrum=Demo%20Nova",
            None,
            Page::Home,
        );
        check(
            "/culture-matcher/programma",
            "?centrum=demo-nova&max=1500&week",
            nova,
            Page::Programme {
                filter_query: "max=1500&week=".into(),
            },
        );
        check(
            "/culture-matcher/voorstelling/a%2Fb%20c",
            "?centrum=demo-nova",
            nova,
            Page::Show { id: "a/b c".into() },
        );
        check("/culture-matcher/bewaard", "", None, Page::Saved);
        check("/culture-matcher/beheer/", "", None, Page::Staff);
        check("/culture-matcher/elders/x", "", None, Page::NotFound);
    }

    #[wasm_bindgen_test]
    fn hrefs_parse_back_to_the_same_route() {
        let routes = [
            Route::new(None, Page::Home),
            Route::new(Some("demo-nova"), Page::Home),
            Route::new(
                Some("demo-nova"),
                Page::Programme {
                    filter_query: "max=1500&genre=Dans".into(),
                },
            ),
            Route::new(Some("demo-nova"), Page::Show { id: "x/y z".into() }),
            Route::new(Some("demo-nova"), Page::Saved),
        ];
        for route in routes {
            let href = route.href();
            let (path, query) = href.split_once('?').unwrap_or((&href, ""));
            assert_eq!(Route::parse(path, query), route, "{href}");
        }
        assert_eq!(
            Route::new(Some("demo-nova"), Page::Show { id: "s 1".into() }).href(),
            "/culture-matcher/voorstelling/s%201?centrum=demo-nova"
        );
    }
}
