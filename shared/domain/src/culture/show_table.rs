//! The back-office's table of a centre's shows: which ones it lists (coming ones by
//! default, past ones, or all), what a search finds (a word of the title or the venue,
//! whatever the case and accents), and their order; with the query parameters that keep
//! that choice in the page's address (`?wanneer=voorbije&zoek=storm&sorteer=titel`).

use std::cmp::Ordering;

use super::staff::{CentreShow, CentreVenue};
use super::towns::normalise;
use crate::i18n::Msg;

/// The query parameters of the table's choice.
pub const WHEN_PARAM: &str = "wanneer";
pub const SEARCH_PARAM: &str = "zoek";
pub const SORT_PARAM: &str = "sorteer";

/// Which shows the table lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum When {
    /// Shows with a performance still to come (and those without dates).
    #[default]
    Coming,
    /// Shows whose performances are all over.
    Past,
    All,
}

impl When {
    pub const ALL: [When; 3] = [When::Coming, When::Past, When::All];

    /// Its value in the address.
    pub fn slug(self) -> &'static str {
        match self {
            When::Coming => "komende",
            When::Past => "voorbije",
            When::All => "alle",
        }
    }

    pub fn parse(slug: &str) -> Option<When> {
        When::ALL.into_iter().find(|w| w.slug() == slug)
    }

    /// Its name in the table's filter.
    pub fn label(self) -> Msg {
        match self {
            When::Coming => Msg::CmBoWhenComing,
            When::Past => Msg::CmBoWhenPast,
            When::All => Msg::CmBoWhenAll,
        }
    }

    pub fn includes(self, show: &CentreShow) -> bool {
        match self {
            When::Coming => !show.ended,
            When::Past => show.ended,
            When::All => true,
        }
    }
}

/// The column the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Date,
    Title,
    Venue,
}

impl SortKey {
    pub const ALL: [SortKey; 3] = [SortKey::Date, SortKey::Title, SortKey::Venue];

    pub fn slug(self) -> &'static str {
        match self {
            SortKey::Date => "datum",
            SortKey::Title => "titel",
            SortKey::Venue => "zaal",
        }
    }
}

/// The table's order: a column, up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// The ending of a sort's value in the address when it goes down (`sorteer=titel-af`).
const DOWN: &str = "-af";

impl Sort {
    /// The order a list starts in: by date, the soonest coming show first, the latest
    /// past one first.
    pub fn default_for(when: When) -> Sort {
        Sort {
            key: SortKey::Date,
            descending: when == When::Past,
        }
    }

    pub fn slug(self) -> String {
        let down = if self.descending { DOWN } else { "" };
        format!("{}{down}", self.key.slug())
    }

    pub fn parse(slug: &str) -> Option<Sort> {
        let (key, descending) = match slug.strip_suffix(DOWN) {
            Some(key) => (key, true),
            None => (slug, false),
        };
        let key = SortKey::ALL.into_iter().find(|k| k.slug() == key)?;
        Some(Sort { key, descending })
    }

    /// The order after choosing the column `key`: the other way round when it is the
    /// column already sorted by, otherwise up.
    pub fn toggled(self, key: SortKey) -> Sort {
        Sort {
            key,
            descending: self.key == key && !self.descending,
        }
    }

    /// `aria-sort` of the header of `key`'s column: `None` when not sorted by it.
    pub fn aria_of(self, key: SortKey) -> Option<&'static str> {
        (self.key == key).then_some(if self.descending {
            "descending"
        } else {
            "ascending"
        })
    }
}

/// What the table lists, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShowQuery {
    pub when: When,
    /// What staff typed, as typed.
    pub search: String,
    pub sort: Sort,
}

impl Default for ShowQuery {
    fn default() -> Self {
        ShowQuery {
            when: When::Coming,
            search: String::new(),
            sort: Sort::default_for(When::Coming),
        }
    }
}

impl ShowQuery {
    /// The choice an address holds: `param` gives a decoded parameter's value; what is
    /// missing or unknown is the default.
    pub fn from_params(param: impl Fn(&str) -> Option<String>) -> ShowQuery {
        let when = param(WHEN_PARAM)
            .and_then(|w| When::parse(&w))
            .unwrap_or_default();
        ShowQuery {
            when,
            search: param(SEARCH_PARAM).unwrap_or_default(),
            sort: param(SORT_PARAM)
                .and_then(|s| Sort::parse(&s))
                .unwrap_or(Sort::default_for(when)),
        }
    }

    /// The parameters that hold this choice, `None` for a default (so the address of the
    /// default table stays plain).
    pub fn params(&self) -> [(&'static str, Option<String>); 3] {
        let search = self.search.trim();
        [
            (
                WHEN_PARAM,
                (self.when != When::default()).then(|| self.when.slug().to_owned()),
            ),
            (
                SEARCH_PARAM,
                (!search.is_empty()).then(|| search.to_owned()),
            ),
            (
                SORT_PARAM,
                (self.sort != Sort::default_for(self.when)).then(|| self.sort.slug()),
            ),
        ]
    }

    /// This choice listing `when`; an order left at its default becomes the new list's.
    pub fn with_when(&self, when: When) -> ShowQuery {
        let sort = if self.sort == Sort::default_for(self.when) {
            Sort::default_for(when)
        } else {
            self.sort
        };
        ShowQuery {
            when,
            sort,
            search: self.search.clone(),
        }
    }
}

/// The name of the venue `id` (its id when the centre does not list it).
pub fn venue_name<'a>(venues: &'a [CentreVenue], id: &'a str) -> &'a str {
    venues
        .iter()
        .find(|v| v.id == id)
        .map_or(id, |v| v.name.as_str())
}

/// The shows the table lists for `query`, in its order. Shows without a date come last
/// when sorted by date; equal keys fall back to the date, then the title, then the id.
pub fn table<'a>(
    shows: &'a [CentreShow],
    venues: &[CentreVenue],
    query: &ShowQuery,
) -> Vec<&'a CentreShow> {
    let needle = normalise(&query.search);
    let mut rows: Vec<(&CentreShow, String, String)> = shows
        .iter()
        .filter(|show| query.when.includes(show))
        .map(|show| {
            let venue = normalise(venue_name(venues, &show.venue));
            (show, normalise(&show.title), venue)
        })
        .filter(|(_, title, venue)| {
            needle.is_empty() || title.contains(&needle) || venue.contains(&needle)
        })
        .collect();
    let Sort { key, descending } = query.sort;
    let direction = |order: Ordering| if descending { order.reverse() } else { order };
    rows.sort_by(|(a, a_title, a_venue), (b, b_title, b_venue)| {
        let by_date = match (a.date, b.date) {
            (Some(x), Some(y)) => direction(x.cmp(&y)),
            // Without a date: last, whichever way.
            (x, y) => x.is_none().cmp(&y.is_none()),
        };
        let first = match key {
            SortKey::Date => Ordering::Equal,
            SortKey::Title => direction(a_title.cmp(b_title)),
            SortKey::Venue => direction(a_venue.cmp(b_venue)),
        };
        first
            .then(by_date)
            .then_with(|| a_title.cmp(b_title))
            .then_with(|| a.id.cmp(&b.id))
    });
    rows.into_iter().map(|(show, _, _)| show).collect()
}

#[cfg(test)]
mod tests;
