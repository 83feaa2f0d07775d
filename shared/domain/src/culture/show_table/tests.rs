//! Unit tests of the shows table: the filter by time, the search, each order, and the
//! choice in the address.

use std::collections::HashMap;

use super::*;
use crate::culture::staff::ShowOrigin;

fn listed(id: &str, title: &str, venue: &str, date: Option<i64>, ended: bool) -> CentreShow {
    CentreShow {
        id: id.into(),
        title: title.into(),
        origin: ShowOrigin::Import,
        in_swipe: true,
        venue: venue.into(),
        date,
        ended,
        input: None,
    }
}

fn venues() -> Vec<CentreVenue> {
    [("zaal-a", "Grote zaal"), ("zaal-b", "Théâtre Ostend")]
        .into_iter()
        .map(|(id, name)| CentreVenue {
            id: id.into(),
            name: name.into(),
            town: "Gent".into(),
            transport_note: None,
            bike_note: None,
        })
        .collect()
}

fn shows() -> Vec<CentreShow> {
    vec![
        listed("over-old", "Bries", "zaal-a", Some(100), true),
        listed("later", "Anemoon", "zaal-b", Some(2_000), false),
        listed("over-new", "Zeewind", "zaal-b", Some(200), true),
        listed("soon", "Één storm", "zaal-a", Some(1_000), false),
        listed("soon-too", "appel", "elders", Some(1_000), false),
        listed("undated", "Zonder datum", "zaal-a", None, false),
    ]
}

fn ids(query: &ShowQuery) -> Vec<String> {
    let (shows, venues) = (shows(), venues());
    table(&shows, &venues, query)
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

fn query(when: When, search: &str, sort: Option<Sort>) -> ShowQuery {
    ShowQuery {
        when,
        search: search.into(),
        sort: sort.unwrap_or(Sort::default_for(when)),
    }
}

#[test]
fn coming_shows_by_default_soonest_first_and_past_ones_latest_first() {
    assert_eq!(
        ids(&ShowQuery::default()),
        ["soon-too", "soon", "later", "undated"],
        "same date: by title, whatever the case; no date last"
    );
    assert_eq!(ids(&query(When::Past, "", None)), ["over-new", "over-old"]);
    assert_eq!(
        ids(&query(When::All, "", None)),
        [
            "over-old", "over-new", "soon-too", "soon", "later", "undated"
        ]
    );
}

#[test]
fn a_search_finds_a_word_of_the_title_or_the_venue_whatever_case_and_accents() {
    assert_eq!(ids(&query(When::Coming, "EEN", None)), ["soon"]);
    assert_eq!(ids(&query(When::Coming, " storm ", None)), ["soon"]);
    assert_eq!(
        ids(&query(When::All, "theatre", None)),
        ["over-new", "later"]
    );
    assert_eq!(ids(&query(When::Past, "theatre", None)), ["over-new"]);
    assert_eq!(
        ids(&query(When::Coming, "grote zaal", None)),
        ["soon", "undated"]
    );
    // A venue the centre does not list is searched by its id.
    assert_eq!(ids(&query(When::Coming, "elders", None)), ["soon-too"]);
    assert!(ids(&query(When::All, "nergens", None)).is_empty());
}

#[test]
fn each_column_sorts_up_and_down() {
    let by = |key, descending| Some(Sort { key, descending });
    assert_eq!(
        ids(&query(When::Coming, "", by(SortKey::Title, false))),
        ["later", "soon-too", "soon", "undated"],
        "Anemoon, appel, Één, Zonder"
    );
    assert_eq!(
        ids(&query(When::Coming, "", by(SortKey::Title, true))),
        ["undated", "soon", "soon-too", "later"]
    );
    // Venues by name (an unlisted one by its id), then by date.
    assert_eq!(
        ids(&query(When::Coming, "", by(SortKey::Venue, false))),
        ["soon-too", "soon", "undated", "later"]
    );
    assert_eq!(
        ids(&query(When::Coming, "", by(SortKey::Date, true))),
        ["later", "soon-too", "soon", "undated"],
        "no date stays last"
    );
}

#[test]
fn a_header_turns_its_order_round_and_another_starts_up() {
    let date = Sort::default_for(When::Coming);
    assert_eq!(date.aria_of(SortKey::Date), Some("ascending"));
    assert_eq!(date.aria_of(SortKey::Title), None);
    let down = date.toggled(SortKey::Date);
    assert!(down.descending);
    assert_eq!(down.aria_of(SortKey::Date), Some("descending"));
    let title = down.toggled(SortKey::Title);
    assert_eq!(
        title,
        Sort {
            key: SortKey::Title,
            descending: false
        }
    );
}

fn from(pairs: &[(&str, &str)]) -> ShowQuery {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    ShowQuery::from_params(|name| map.get(name).cloned())
}

#[test]
fn the_choice_round_trips_through_the_address_and_defaults_stay_out() {
    assert_eq!(from(&[]), ShowQuery::default());
    assert!(
        ShowQuery::default()
            .params()
            .iter()
            .all(|(_, v)| v.is_none()),
        "a plain address for the default table"
    );
    let past = from(&[("wanneer", "voorbije")]);
    assert_eq!(past.sort, Sort::default_for(When::Past));
    assert!(past.params()[2].1.is_none(), "the past list's own order");
    let chosen = ShowQuery {
        when: When::All,
        search: " Één storm ".into(),
        sort: Sort {
            key: SortKey::Venue,
            descending: true,
        },
    };
    let params = chosen.params();
    assert_eq!(
        params,
        [
            ("wanneer", Some("alle".to_owned())),
            ("zoek", Some("Één storm".to_owned())),
            ("sorteer", Some("zaal-af".to_owned())),
        ]
    );
    let pairs: Vec<(&str, &str)> = params
        .iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (*k, v)))
        .collect();
    let back = from(&pairs);
    assert_eq!(back.when, When::All);
    assert_eq!(back.sort, chosen.sort);
    assert_eq!(back.search, "Één storm");
    // Unknown values are the defaults.
    assert_eq!(
        from(&[("wanneer", "morgen"), ("sorteer", "prijs-af")]),
        ShowQuery::default()
    );
    for sort in SortKey::ALL
        .into_iter()
        .flat_map(|key| [false, true].map(|descending| Sort { key, descending }))
    {
        assert_eq!(Sort::parse(&sort.slug()), Some(sort));
    }
    for when in When::ALL {
        assert_eq!(When::parse(when.slug()), Some(when));
    }
}

#[test]
fn another_time_keeps_a_chosen_order_and_takes_its_own_default() {
    let coming = ShowQuery::default();
    assert_eq!(
        coming.with_when(When::Past).sort,
        Sort::default_for(When::Past)
    );
    let by_title = ShowQuery {
        sort: Sort {
            key: SortKey::Title,
            descending: false,
        },
        search: "storm".into(),
        ..ShowQuery::default()
    };
    let past = by_title.with_when(When::Past);
    assert_eq!(past.sort, by_title.sort);
    assert_eq!(past.search, "storm");
}
