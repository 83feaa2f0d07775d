//! The reader's pure rules: where the app is (its address), page arithmetic of the
//! paginated view, the reading position within a document, the reader's settings as
//! kept in the device's storage (`settings`), which way a tap or swipe turns, finding
//! a search hit again in the shown text (`find`), how a document is laid out and which
//! documents a turn visits (`layout`), where a link in the book leads (`links`), and
//! bookmarks' and highlights' places (`notes`).

/// The pages of the app, each at its own address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Route {
    /// The collection (`?`), the first page after logging in.
    Collection,
    /// The member's loans (`?pagina=leningen`).
    Loans,
    /// A borrowed book in the reader (`?boek=<loan>`).
    Reader { loan: i64 },
}

/// The query parameter of the reader's loan.
pub(crate) const BOOK_PARAM: &str = "boek";
const PAGE_PARAM: &str = "pagina";
const LOANS_VALUE: &str = "leningen";

impl Route {
    /// Reads an address's query string (`?boek=7`); anything unknown is the collection.
    pub(crate) fn from_query(query: &str) -> Route {
        let mut route = Route::Collection;
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                BOOK_PARAM => {
                    if let Some(loan) = value.parse::<i64>().ok().filter(|&l| l > 0) {
                        return Route::Reader { loan };
                    }
                }
                PAGE_PARAM if value == LOANS_VALUE => route = Route::Loans,
                _ => {}
            }
        }
        route
    }

    /// The query string of this page (with its `?`, or empty for the collection).
    pub(crate) fn to_query(self) -> String {
        match self {
            Route::Collection => String::new(),
            Route::Loans => format!("?{PAGE_PARAM}={LOANS_VALUE}"),
            Route::Reader { loan } => format!("?{BOOK_PARAM}={loan}"),
        }
    }
}

/// How many pages a document of `scroll_width` pixels laid out in columns of
/// `page_width` pixels has: at least one (a sliver under a pixel is no page).
pub(crate) fn page_count(scroll_width: f64, page_width: f64) -> u32 {
    if page_width.is_nan() || page_width <= 0.0 || !scroll_width.is_finite() {
        return 1;
    }
    let pages = ((scroll_width - 1.0) / page_width).ceil();
    pages.clamp(1.0, f64::from(u32::MAX)) as u32
}

/// How far into a document (0 to 1) the start of page `page` (from 0) of `pages` is.
pub(crate) fn progress_of_page(page: u32, pages: u32) -> f64 {
    if pages <= 1 {
        return 0.0;
    }
    f64::from(page.min(pages - 1)) / f64::from(pages)
}

/// The page of `pages` that holds the point `progress` (0 to 1) into a document, so
/// that `page_of_progress(progress_of_page(p, n), n) == p` for every page.
pub(crate) fn page_of_progress(progress: f64, pages: u32) -> u32 {
    if pages <= 1 || !progress.is_finite() || progress <= 0.0 {
        return 0;
    }
    // A hair over the start of a page belongs to it despite rounding.
    let page = (progress * f64::from(pages) + 1e-9).floor();
    (page as u32).min(pages - 1)
}

/// Where a turn of the page leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Turn {
    /// Another page of the same document.
    Page(u32),
    /// The next document in reading order, from its first page.
    NextDocument(usize),
    /// The previous document, at its last page.
    PreviousDocument(usize),
    /// The book's first or last page: nowhere.
    Stay,
}

/// The next page after `page` of `pages` in document `spine`, whose book's documents
/// are `linear` or not (a turn skips the non-linear ones).
pub(crate) fn next_page(page: u32, pages: u32, spine: usize, linear: &[bool]) -> Turn {
    if page + 1 < pages {
        Turn::Page(page + 1)
    } else if let Some(next) = next_linear(spine, linear) {
        Turn::NextDocument(next)
    } else {
        Turn::Stay
    }
}

/// The page before `page` in document `spine`.
pub(crate) fn previous_page(page: u32, spine: usize, linear: &[bool]) -> Turn {
    if page > 0 {
        Turn::Page(page - 1)
    } else if let Some(previous) = previous_linear(spine, linear) {
        Turn::PreviousDocument(previous)
    } else {
        Turn::Stay
    }
}

/// A way the reader turns: forward (the next page) or back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Forward,
    Back,
}

/// A swipe of `dx`, `dy` pixels: mostly sideways and at least 40 px turns the page (a
/// swipe to the left is forward, as a page turned by hand).
pub(crate) fn swipe(dx: f64, dy: f64) -> Option<Direction> {
    const MIN: f64 = 40.0;
    if dx.abs() < MIN || dx.abs() < dy.abs() * 1.5 {
        return None;
    }
    Some(if dx < 0.0 {
        Direction::Forward
    } else {
        Direction::Back
    })
}

/// What a key does in the reader (`ArrowRight`, `PageDown`, space: forward); with Shift
/// an arrow selects instead ([`key_select`]).
pub(crate) fn key_turn(key: &str) -> Option<Direction> {
    match key {
        "ArrowRight" | "PageDown" | " " => Some(Direction::Forward),
        "ArrowLeft" | "PageUp" => Some(Direction::Back),
        _ => None,
    }
}

/// A step of a selection made with the keys: Shift with an arrow selects word by word
/// (left and right as the text is drawn, so also in a right-to-left book) and line by
/// line (up and down). The names are those of the DOM's `Selection.modify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SelectStep {
    pub(crate) direction: &'static str,
    pub(crate) granularity: &'static str,
}

/// The selection step of a key with Shift held, if it is one (without Shift an arrow
/// turns the page).
pub(crate) fn key_select(key: &str, shift: bool) -> Option<SelectStep> {
    if !shift {
        return None;
    }
    let (direction, granularity) = match key {
        "ArrowRight" => ("right", "word"),
        "ArrowLeft" => ("left", "word"),
        "ArrowDown" => ("forward", "line"),
        "ArrowUp" => ("backward", "line"),
        _ => return None,
    };
    Some(SelectStep {
        direction,
        granularity,
    })
}

/// The key that keeps the selection as a highlight (as the "Markeren" button does).
pub(crate) const HIGHLIGHT_KEY: &str = "m";

/// For a right-to-left book the sides are mirrored: its next page is to the left.
pub(crate) fn mirrored(direction: Direction, rtl: bool) -> Direction {
    match (direction, rtl) {
        (d, false) => d,
        (Direction::Forward, true) => Direction::Back,
        (Direction::Back, true) => Direction::Forward,
    }
}

/// A spine document's path as it goes in the content URL: each segment encoded, the
/// slashes kept.
pub(crate) fn content_path(loan: i64, path: &str) -> String {
    let encoded: Vec<String> = path.split('/').map(suite_ui::url::encode).collect();
    format!("/api/ereader/loans/{loan}/content/{}", encoded.join("/"))
}

mod find;
mod layout;
mod links;
mod notes;
mod settings;
pub(crate) use find::*;
pub(crate) use layout::*;
pub(crate) use links::*;
pub(crate) use notes::*;
pub(crate) use settings::*;

#[cfg(test)]
mod tests;
