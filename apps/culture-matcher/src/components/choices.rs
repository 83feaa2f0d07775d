//! The choices the programme's filter and the "about you" step share: the towns to start
//! from, the distances and the budgets, and a labelled select to offer them in.

use suite_domain::culture::towns::TOWNS;
use suite_domain::i18n::{Lang, Msg};
use yew::prelude::*;

use crate::present::{euro, insert_sorted};

/// The budgets offered, in cents.
pub(crate) const BUDGETS: [u32; 5] = [500, 1000, 1500, 2000, 3000];
/// The distances offered, in kilometres.
pub(crate) const DISTANCES: [u32; 7] = [5, 10, 15, 25, 40, 50, 100];

/// A value and its text, as a select lists them.
pub(crate) type Options = Vec<(String, String)>;

/// A labelled select; `selected` is the chosen value.
pub(crate) fn select(
    id: &'static str,
    label: &str,
    options: &[(String, String)],
    selected: &str,
    disabled: bool,
) -> Html {
    html! {
        <>
            <label for={id}>{ label.to_string() }</label>
            <select {id} {disabled}>
                { for options.iter().map(|(value, text)| html! {
                    <option value={value.clone()} selected={value == selected}>{ text.clone() }</option>
                }) }
            </select>
        </>
    }
}

/// "No town" and then every town of the table by name.
pub(crate) fn town_options(lang: Lang) -> Options {
    let mut names: Vec<&str> = Vec::with_capacity(TOWNS.len());
    for town in TOWNS {
        insert_sorted(&mut names, town.name, true, |t| *t);
    }
    let mut options = vec![(String::new(), Msg::CmNoStart.text(lang).to_string())];
    options.extend(names.into_iter().map(|n| (n.to_string(), n.to_string())));
    options
}

/// The distances, `first` (if any) before them with an empty value.
pub(crate) fn km_options(first: Option<&str>) -> Options {
    let mut options: Options = first
        .map(|text| (String::new(), text.to_string()))
        .into_iter()
        .collect();
    options.extend(
        DISTANCES
            .iter()
            .map(|km| (km.to_string(), format!("{km} km"))),
    );
    options
}

/// "Any price" and then "up to" each budget, in cents.
pub(crate) fn budget_options(lang: Lang) -> Options {
    let mut options = vec![(String::new(), Msg::CmAnyPrice.text(lang).to_string())];
    options.extend(BUDGETS.iter().map(|&c| {
        (
            c.to_string(),
            format!("{} {}", Msg::CmUpTo.text(lang), euro(c, lang)),
        )
    }));
    options
}
