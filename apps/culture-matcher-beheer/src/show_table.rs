//! The shows table's controls: a search (title or venue), which shows (coming ones by
//! default, past ones, all) and the order, chosen with the columns' headers; all kept in
//! the page's address beside the view (`?onderdeel=voorstellingen&wanneer=alle`), in
//! place of its current entry, so the back button still goes to the view before. What
//! the table lists is `suite_domain::culture::show_table`'s.

use suite_domain::culture::show_table::{ShowQuery, SortKey, When};
use suite_domain::i18n::{Lang, Msg};
use suite_ui::history;
use suite_ui::url::{query_param, with_params};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The id of the search field.
pub(crate) const SEARCH: &str = "cm-bo-search";

/// The table's choice in the address.
pub(crate) fn read_query() -> ShowQuery {
    let query = history::query();
    ShowQuery::from_params(|name| query_param(&query, name))
}

/// Writes the table's choice in the address, in place of the current entry.
pub(crate) fn write_query(choice: &ShowQuery) {
    let query = with_params(&history::query(), &choice.params());
    history::replace(&history::href(&query));
}

/// The search field and the choice of coming, past or all shows, with how many are
/// listed (read out when it changes).
pub(crate) fn controls(
    choice: &ShowQuery,
    listed: usize,
    set: &Callback<ShowQuery>,
    lang: Lang,
) -> Html {
    let oninput = {
        let (choice, set) = (choice.clone(), set.clone());
        Callback::from(move |event: InputEvent| {
            let search = event.target_unchecked_into::<HtmlInputElement>().value();
            set.emit(ShowQuery {
                search,
                ..choice.clone()
            });
        })
    };
    let radios = When::ALL.into_iter().map(|when| {
        let id = format!("cm-bo-when-{}", when.slug());
        let onchange = {
            let (choice, set) = (choice.clone(), set.clone());
            Callback::from(move |_: Event| set.emit(choice.with_when(when)))
        };
        html! {
            <div class="bo-check">
                <input id={id.clone()} type="radio" name="cm-bo-when" value={when.slug()}
                    checked={choice.when == when} {onchange} />
                <label for={id}>{ when.label().text(lang) }</label>
            </div>
        }
    });
    html! {
        <div class="cm-bo-filters">
            <div class="field cm-bo-search">
                <label for={SEARCH}>{ Msg::CmBoSearch.text(lang) }</label>
                <input id={SEARCH} type="search" value={choice.search.clone()} {oninput}
                    autocomplete="off" />
            </div>
            <fieldset class="cm-bo-when">
                <legend>{ Msg::CmBoWhen.text(lang) }</legend>
                { for radios }
            </fieldset>
            <p class="cm-bo-listed" aria-live="polite">
                { format!("{} {listed}", Msg::CmBoListed.text(lang)) }
            </p>
        </div>
    }
}

/// The header of the column `key`: a button that sorts by it (the other way round when
/// it already does), with `aria-sort` on the column it sorts by.
pub(crate) fn sort_header(
    choice: &ShowQuery,
    key: SortKey,
    title: Msg,
    set: &Callback<ShowQuery>,
    lang: Lang,
) -> Html {
    let onclick = {
        let (choice, set) = (choice.clone(), set.clone());
        Callback::from(move |_: MouseEvent| {
            set.emit(ShowQuery {
                sort: choice.sort.toggled(key),
                ..choice.clone()
            });
        })
    };
    html! {
        <th scope="col" aria-sort={choice.sort.aria_of(key)}>
            <button type="button" class="cm-bo-sort" data-sort={key.slug()} {onclick}>
                { title.text(lang) }
            </button>
        </th>
    }
}
