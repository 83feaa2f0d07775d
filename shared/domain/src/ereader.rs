//! The JSON shapes of the e-reader's API (`/api/ereader/...`): a member's login and
//! who they are, the titles of the collection and a member's loans. The lending rules
//! themselves are `lending`.

use serde::{Deserialize, Serialize};

pub mod admin;
pub mod download;
pub mod notes;
pub mod page_map;

/// Longest card number and PIN read (longer ones are refused before any work).
pub const MAX_CARD_CHARS: usize = 32;
pub const MAX_PIN_CHARS: usize = 64;

/// `POST /api/ereader/session`: a member logs in with their library card and PIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberLogin {
    pub card: String,
    pub pin: String,
}

/// The logged-in member: their library and the CSRF token their requests that change
/// something carry (`x-csrf-token`). No name: the suite keeps none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberInfo {
    pub library: String,
    pub csrf_token: String,
}

/// `GET /api/ereader/titles`: a title of the collection, how many of its licences are
/// free now (neither lent nor held for a member in the queue) and how many members
/// wait for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TitleView {
    pub id: i64,
    pub title: String,
    /// `ltr`, `rtl` or `auto`: the title's own direction (its `dir` in the package).
    #[serde(default = "auto")]
    pub title_direction: String,
    pub creators: Vec<String>,
    pub language: String,
    pub licences: u32,
    pub free: u32,
    #[serde(default)]
    pub waiting: u32,
}

/// `GET /api/ereader/loans`: a running loan of the member (`until` in Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoanView {
    pub id: i64,
    pub title_id: i64,
    pub title: String,
    pub until: i64,
    /// Whole days left, rounded up (`lending::days_left`).
    pub days_left: u32,
    /// Whether the title may be downloaded for an e-reader device during the loan
    /// (`GET /api/ereader/loans/{loan}/download`).
    #[serde(default)]
    pub download: bool,
}

/// `POST /api/ereader/loans`: borrow `title` for `days` (by default the library's
/// longest loan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BorrowBody {
    pub title: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
}

/// `GET /api/ereader/reservations`: the member's place in a title's queue (times in
/// Unix seconds). `hold_until` is set while a licence waits for them: borrow it
/// (`POST /api/ereader/loans`) before then, or pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReservationView {
    pub title_id: i64,
    pub title: String,
    /// Place in the queue, counting from 1.
    pub place: u32,
    /// Members in the queue in all.
    pub waiting: u32,
    pub since: i64,
    pub suspended: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_until: Option<i64>,
}

/// `POST /api/ereader/reservations`: join the queue of `title`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReserveBody {
    pub title: i64,
}

/// `POST /api/ereader/reservations/{title}`: what the member does with their place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlaceAction {
    /// Keep the place but let others go first until resumed.
    Suspend,
    Resume,
    /// Decline the licence held for the member (they leave the queue).
    Pass,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlaceBody {
    pub action: PlaceAction,
}

/// `GET/PUT /api/ereader/history`: whether the member keeps a reading history (off by
/// default: an ended loan then keeps no trace of the member) and, while it is on, the
/// books they read, the latest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryView {
    pub keep: bool,
    pub books: Vec<HistoryEntry>,
}

/// A book the member read: its loan's start and end (Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    pub title_id: i64,
    pub title: String,
    pub started: i64,
    pub ended: i64,
}

/// `PUT /api/ereader/history`: switch the reading history on or off (off forgets it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryChoice {
    pub keep: bool,
}

/// A document of the book in reading order (`path` inside the EPUB, for
/// `GET /api/ereader/loans/{loan}/content/{path}`); a non-linear one is reached by links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpineEntry {
    pub path: String,
    pub linear: bool,
    /// A fixed-layout page (the book's `rendition:layout`, or the item's own
    /// `rendition:layout-*` property): shown whole, scaled to the screen.
    #[serde(default)]
    pub fixed: bool,
    /// The length of its visible text in characters: the book's page count is
    /// estimated from it before every document is laid out (`page_map`).
    #[serde(default)]
    pub chars: u32,
}

/// An entry of the table of contents, with the entries under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TocView {
    pub label: String,
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fragment: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<TocView>,
}

/// `GET /api/ereader/loans/{loan}/book`: what the reader needs to show a borrowed book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookView {
    pub title: String,
    /// `ltr`, `rtl` or `auto`: the title's own direction (its `dir`, else the package's).
    #[serde(default = "auto")]
    pub title_direction: String,
    pub language: String,
    /// `ltr` or `rtl`: the order pages follow (the spine's page progression).
    pub direction: String,
    /// `reflowable` or `pre-paginated` (fixed layout: one page per document).
    pub layout: String,
    pub spine: Vec<SpineEntry>,
    pub toc: Vec<TocView>,
    /// The full path of every file in the book (the package's manifest, remote items
    /// left out), each fetched under `content/`: what an offline copy holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
}

fn auto() -> String {
    "auto".into()
}

/// `GET/PUT /api/ereader/loans/{loan}/position`: where the member is in the book: the
/// spine document (index) and how far into it (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReadingPosition {
    pub spine: u32,
    pub progress: f64,
}

impl ReadingPosition {
    /// Whether it can be stored: a finite progress between 0 and 1.
    pub fn is_valid(&self) -> bool {
        self.progress.is_finite() && (0.0..=1.0).contains(&self.progress)
    }
}

/// `GET /api/ereader/loans/{loan}/search?q=`: the query's length in characters (after
/// trimming) lies within these bounds, and at most [`MAX_SEARCH_HITS`] hits are answered.
pub const SEARCH_MIN_CHARS: usize = 2;
pub const SEARCH_MAX_CHARS: usize = 100;
pub const MAX_SEARCH_HITS: usize = 100;

/// A place in the book where the searched text was found: the spine document (its index
/// and its path, as in [`BookView::spine`]), how far into that document's text the hit
/// starts (in characters) and the hit with some text around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    pub spine: u32,
    pub path: String,
    pub offset: u32,
    pub snippet: String,
}

/// The text searched for in `q`: trimmed, when its length lies within
/// [`SEARCH_MIN_CHARS`]..=[`SEARCH_MAX_CHARS`] characters; `None` otherwise.
pub fn search_query(q: &str) -> Option<&str> {
    let q = q.trim();
    (SEARCH_MIN_CHARS..=SEARCH_MAX_CHARS)
        .contains(&q.chars().count())
        .then_some(q)
}

/// A card number as the store keys it: its digits and letters, upper case, without
/// spaces or dashes (`"2000 0000-0001 2"` and `"2000000000012"` are one card); `None`
/// when nothing is left or it is too long.
pub fn normalise_card(card: &str) -> Option<String> {
    if card.chars().count() > MAX_CARD_CHARS {
        return None;
    }
    let kept: String = card
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (!kept.is_empty() && kept.chars().all(|c| c.is_ascii_alphanumeric())).then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::{normalise_card, search_query};

    #[test]
    fn a_search_is_two_to_a_hundred_characters_after_trimming() {
        assert_eq!(search_query("  wal "), Some("wal"));
        assert_eq!(search_query(" a "), None);
        assert_eq!(search_query(""), None);
        assert_eq!(search_query("éé"), Some("éé"), "characters, not bytes");
        assert_eq!(search_query(&"x".repeat(100)).map(str::len), Some(100));
        assert_eq!(search_query(&"x".repeat(101)), None);
        assert_eq!(
            search_query(&"é".repeat(100)).map(|q| q.chars().count()),
            Some(100)
        );
    }

    #[test]
    fn card_numbers_are_read_as_typed_or_printed() {
        assert_eq!(
            normalise_card("2000 0000-0001 2").as_deref(),
            Some("2000000000012")
        );
        assert_eq!(normalise_card("ab12").as_deref(), Some("AB12"));
        assert_eq!(normalise_card(" - "), None);
        assert_eq!(normalise_card("12;DROP"), None);
        assert_eq!(normalise_card(&"1".repeat(33)), None);
    }
}
