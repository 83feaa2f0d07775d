//! `/culture-matcher/programma?centrum=<id>&<filter>`: the whole programme, filtered by
//! place, distance from a chosen town, period, reachability, budget and genre. The
//! filter lives in the URL (`Filter::to_query`/`from_query` of suite-domain), so a
//! filtered list can be reloaded, bookmarked and shared; the filtering itself is
//! `Filter::apply`.

use suite_domain::culture::filter::{DEFAULT_KM, Filter, LocalDate, Near, Period, Place};
use suite_domain::culture::programme::{Programme, Term};
use suite_domain::i18n::Msg;
use suite_ui::{Button, ButtonVariant, EmptyState, use_lang, use_mark_ready, use_t};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::centre::{ShowRef, use_centre};
use crate::components::choices::{budget_options, km_options, select, town_options};
use crate::components::{SaveButton, ShowFacts};
use crate::nav::{Link, use_nav};
use crate::present::insert_sorted;
use crate::route::{Page, Route};
use crate::time;

#[derive(Properties, PartialEq)]
pub(crate) struct ProgrammePageProps {
    /// The filter's query (without the centre).
    pub(crate) filter_query: AttrValue,
}

/// The genres of the programme's shows, by label.
fn genres(programme: &Programme) -> Vec<&Term> {
    let mut genres: Vec<&Term> = Vec::new();
    for genre in programme.shows.iter().filter_map(|s| s.genre.as_ref()) {
        if !genres.iter().any(|g| g.id == genre.id) {
            insert_sorted(&mut genres, genre, false, |g| g.label.as_str());
        }
    }
    genres
}

/// The towns of the programme's venues, by name.
fn venue_towns(programme: &Programme) -> Vec<&str> {
    let mut towns: Vec<&str> = Vec::new();
    for town in programme.venues.iter().map(|v| v.town.trim()) {
        if !town.is_empty() {
            insert_sorted(&mut towns, town, true, |t| *t);
        }
    }
    towns
}

/// The value of a form field, and whether it is checked.
fn field_value(field: &web_sys::Element) -> (String, bool) {
    if let Some(select) = field.dyn_ref::<HtmlSelectElement>() {
        return (select.value(), false);
    }
    field
        .dyn_ref::<HtmlInputElement>()
        .map(|input| (input.value(), input.checked()))
        .unwrap_or_default()
}

/// Applies the change of `field` to `filter`; `false` for a field that is not the
/// filter's.
fn edit(filter: &mut Filter, field: &web_sys::Element) -> bool {
    let (value, checked) = field_value(field);
    let id = field.id();
    match id.as_str() {
        "cm-f-place" => filter.place = place_from(&value),
        "cm-f-near" => {
            let km = filter.near.as_ref().map_or(DEFAULT_KM, |n| n.km);
            filter.near = (!value.is_empty()).then_some(Near { town: value, km });
        }
        "cm-f-km" => {
            if let (Some(near), Ok(km)) = (filter.near.as_mut(), value.parse()) {
                near.km = km;
            }
        }
        "cm-f-max" => filter.max_cents = value.parse().ok(),
        "cm-f-free" => filter.free_only = checked,
        "cm-f-transit" => filter.transit = checked,
        "cm-f-bike" => filter.bike = checked,
        "cm-f-from" | "cm-f-to" => {
            let day = LocalDate::parse(&value);
            let (mut from, mut to) = match &filter.period {
                Some(Period::Dates { from, to }) => (*from, *to),
                _ => (None, None),
            };
            if id == "cm-f-from" {
                from = day;
            } else {
                to = day;
            }
            filter.period = Some(Period::Dates { from, to });
        }
        _ if id.starts_with("cm-f-when-") => {
            filter.period = match value.as_str() {
                "week" => Some(Period::ThisWeek),
                "weekend" => Some(Period::ThisWeekend),
                "dates" => Some(Period::Dates {
                    from: LocalDate::parse(&time::iso_day(time::now())),
                    to: None,
                }),
                _ => None,
            };
        }
        _ if id.starts_with("cm-f-genre") => {
            filter.genres.retain(|g| *g != value);
            if checked {
                filter.genres.push(value);
            }
        }
        _ => return false,
    }
    true
}

/// The place select's value of a filter: `venue:<id>`, `town:<name>` or empty.
fn place_value(place: Option<&Place>) -> String {
    match place {
        Some(Place::Venue(id)) => format!("venue:{id}"),
        Some(Place::Town(town)) => format!("town:{town}"),
        None => String::new(),
    }
}

fn place_from(value: &str) -> Option<Place> {
    if let Some(id) = value.strip_prefix("venue:") {
        Some(Place::Venue(id.to_string()))
    } else {
        value
            .strip_prefix("town:")
            .map(|t| Place::Town(t.to_string()))
    }
}

/// The period radio's value of a filter.
fn period_value(period: Option<&Period>) -> &'static str {
    match period {
        None => "",
        Some(Period::ThisWeek) => "week",
        Some(Period::ThisWeekend) => "weekend",
        Some(Period::Dates { .. }) => "dates",
    }
}

/// A labelled date field (`YYYY-MM-DD`).
fn date(id: &'static str, label: &str, value: String) -> Html {
    html! {
        <>
            <label for={id}>{ label.to_string() }</label>
            <input {id} type="date" {value} />
        </>
    }
}

/// A checkbox or radio button with its label.
struct Choice {
    id: String,
    kind: &'static str,
    name: &'static str,
    value: String,
    label: String,
    checked: bool,
}

fn choice(c: Choice) -> Html {
    html! {
        <label class="cm-choice" for={c.id.clone()}>
            <input type={c.kind} id={c.id} name={c.name} value={c.value} checked={c.checked} />
            { c.label }
        </label>
    }
}

#[function_component]
pub(crate) fn ProgrammePage(props: &ProgrammePageProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let nav = use_nav();
    let centre = use_centre();
    use_mark_ready(true);
    let Some(centre) = centre else {
        return Html::default();
    };
    let filter = Filter::from_query(&props.filter_query);
    let programme = &centre.programme;
    let now = time::now();
    let shows: Vec<ShowRef> = filter
        .apply(programme, now, time::utc_offset_secs())
        .into_iter()
        .filter_map(|s| ShowRef::of(programme, s))
        .collect();

    // Every change in the form becomes the URL's filter at once; one listener on the
    // form reads which field changed.
    let onchange = {
        let (nav, centre_id, filter) = (nav.clone(), centre.id.clone(), filter.clone());
        Callback::from(move |event: Event| {
            let Some(field) = event.target_dyn_into::<web_sys::Element>() else {
                return;
            };
            let mut next = filter.clone();
            if !edit(&mut next, &field) {
                return;
            }
            nav.replace(Route::new(
                Some(&centre_id),
                Page::Programme {
                    filter_query: next.to_query(),
                },
            ));
        })
    };
    let reset = {
        let (nav, centre_id) = (nav.clone(), centre.id.clone());
        Callback::from(move |_: MouseEvent| {
            nav.replace(Route::new(
                Some(&centre_id),
                Page::Programme {
                    filter_query: String::new(),
                },
            ));
        })
    };

    let place = place_value(filter.place.as_ref());
    let mut place_options = vec![(String::new(), t(Msg::CmEverywhere).to_string())];
    place_options.extend(
        programme
            .venues
            .iter()
            .map(|v| (format!("venue:{}", v.id), v.name.get(lang).to_string())),
    );
    place_options.extend(venue_towns(programme).into_iter().map(|town| {
        (
            format!("town:{town}"),
            format!("{town} ({})", t(Msg::CmTowns)),
        )
    }));
    let near_town = filter
        .near
        .as_ref()
        .map(|n| n.town.clone())
        .unwrap_or_default();
    let near_km = filter.near.as_ref().map_or(DEFAULT_KM, |n| n.km);
    let near_options = town_options(lang);
    let km_options = km_options(None);
    let budget_options = budget_options(lang);
    let period = period_value(filter.period.as_ref());
    let periods = [
        ("", Msg::CmAnyTime),
        ("week", Msg::CmThisWeek),
        ("weekend", Msg::CmThisWeekend),
        ("dates", Msg::CmChooseDates),
    ]
    .into_iter()
    .map(|(value, label)| {
        let id = format!("cm-f-when-{}", if value.is_empty() { "any" } else { value });
        choice(Choice {
            id,
            kind: "radio",
            name: "cm-f-when",
            value: value.to_string(),
            label: t(label).to_string(),
            checked: period == value,
        })
    });
    let (from, to) = match &filter.period {
        Some(Period::Dates { from, to }) => (*from, *to),
        _ => (None, None),
    };
    let day_text = |d: Option<LocalDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let genre_boxes = genres(programme).into_iter().map(|genre| {
        choice(Choice {
            id: crate::present::dom_id("cm-f-genre", &genre.id),
            kind: "checkbox",
            name: "cm-f-genre",
            value: genre.id.clone(),
            label: genre.label.clone(),
            checked: filter.genres.contains(&genre.id),
        })
    });
    let transit = choice(Choice {
        id: "cm-f-transit".into(),
        kind: "checkbox",
        name: "cm-f-transit",
        value: "1".into(),
        label: t(Msg::CmTransitOnly).into(),
        checked: filter.transit,
    });
    let bike = choice(Choice {
        id: "cm-f-bike".into(),
        kind: "checkbox",
        name: "cm-f-bike",
        value: "1".into(),
        label: t(Msg::CmBikeOnly).into(),
        checked: filter.bike,
    });
    let free = choice(Choice {
        id: "cm-f-free".into(),
        kind: "checkbox",
        name: "cm-f-free",
        value: "1".into(),
        label: t(Msg::CmFreeOnly).into(),
        checked: filter.free_only,
    });
    let count = match shows.len() {
        1 => format!("1 {}", t(Msg::CmOneShowFound)),
        n => format!("{n} {}", t(Msg::CmShowsFound)),
    };
    let results = shows.iter().map(|show| {
        let to = Route::new(Some(&centre.id), Page::Show { id: show.id.clone() });
        html! {
            <li class="cm-result" key={show.id.clone()} data-show-id={show.id.clone()}>
                <h3 class="cm-result__title"><Link {to}>{ show.title.get(lang).to_string() }</Link></h3>
                <ShowFacts show={show.clone()} />
                <div class="cm-actions"><SaveButton show={show.clone()} /></div>
            </li>
        }
    });
    html! {
        <section class="cm-programme" aria-labelledby="cm-programme-title">
            <h2 id="cm-programme-title">{ t(Msg::CmNavProgramme) }</h2>
            <details class="cm-filter">
                <summary class="cm-filter__toggle">
                    { t(Msg::CmFilters) }
                    if !filter.is_empty() {
                        { " (" }{ t(Msg::CmFiltersOn) }{ ")" }
                    }
                </summary>
                <form class="cm-filter__form" {onchange}
                      onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <fieldset class="cm-fieldset">
                        <legend>{ t(Msg::CmPlace) }</legend>
                        { select("cm-f-place", t(Msg::CmWhere), &place_options, &place, false) }
                        { select("cm-f-near", t(Msg::CmStartFrom), &near_options, &near_town, false) }
                        { select("cm-f-km", t(Msg::CmWithinKm), &km_options, &near_km.to_string(), near_town.is_empty()) }
                    </fieldset>
                    <fieldset class="cm-fieldset cm-period">
                        <legend>{ t(Msg::CmWhen) }</legend>
                        { for periods }
                        if period == "dates" {
                            { date("cm-f-from", t(Msg::CmDateFrom), day_text(from)) }
                            { date("cm-f-to", t(Msg::CmDateTo), day_text(to)) }
                        }
                    </fieldset>
                    <fieldset class="cm-fieldset">
                        <legend>{ t(Msg::CmReach) }</legend>
                        { transit }
                        { bike }
                    </fieldset>
                    <fieldset class="cm-fieldset">
                        <legend>{ t(Msg::CmBudget) }</legend>
                        { select("cm-f-max", t(Msg::CmPrice), &budget_options,
                                 &filter.max_cents.map(|c| c.to_string()).unwrap_or_default(), false) }
                        { free }
                    </fieldset>
                    <fieldset class="cm-fieldset">
                        <legend>{ t(Msg::CmGenre) }</legend>
                        { for genre_boxes }
                    </fieldset>
                    if !filter.is_empty() {
                        <Button class="cm-filter-reset" variant={ButtonVariant::Secondary} onclick={reset}>
                            { t(Msg::CmReset) }
                        </Button>
                    }
                </form>
            </details>
            <p class="cm-count" role="status">{ count }</p>
            if shows.is_empty() {
                <EmptyState message={Msg::CmNoResults} />
            } else {
                <ul class="cm-results">{ for results }</ul>
            }
        </section>
    }
}
