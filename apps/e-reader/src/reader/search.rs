//! Search in the whole book as a panel: a form (the text, 2 to 100 characters, said at
//! the field when not), a loading state, "Niets gevonden", or the places as a list of
//! buttons with their snippet; a place opens its document at the marked hit. Escape or
//! the close button closes it and gives the focus back to its button.

use std::rc::Rc;

use suite_domain::ereader::{SearchHit, search_query};
use suite_domain::i18n::Msg;
use suite_ui::{use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::reader::panel::{PanelHandlers, use_panel};

use crate::net;

/// A hit to show: the query, the hit, and its occurrence in its document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) query: String,
    pub(crate) hit: SearchHit,
    pub(crate) occurrence: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Results {
    Idle,
    Loading,
    Done(String, Rc<Vec<SearchHit>>),
    Failed(String),
}

#[derive(Properties, PartialEq)]
pub(crate) struct SearchPanelProps {
    pub(crate) loan: i64,
    pub(crate) on_open: Callback<Found>,
    pub(crate) on_close: Callback<()>,
}

#[function_component]
pub(crate) fn SearchPanel(props: &SearchPanelProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let input = use_node_ref();
    let results = use_state(|| Results::Idle);
    let invalid = use_state(|| false);
    let PanelHandlers { onkeydown, close } = use_panel("er-search-q", &props.on_close);
    let onsubmit = {
        let (input, results, invalid, loan) =
            (input.clone(), results.clone(), invalid.clone(), props.loan);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = input
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let Some(query) = search_query(&text).map(str::to_string) else {
                invalid.set(true);
                suite_ui::back_office::focus_id_soon("er-search-q".into());
                return;
            };
            invalid.set(false);
            results.set(Results::Loading);
            let results = results.clone();
            yew::platform::spawn_local(async move {
                results.set(match net::search(loan, &query).await {
                    Ok(hits) => Results::Done(query, Rc::new(hits)),
                    Err(error) => Results::Failed(error.localized(lang)),
                });
            });
        })
    };
    let body = match &*results {
        Results::Idle => html! {},
        Results::Loading => {
            html! { <p class="er-search__status" role="status">{ t(Msg::EreaderSearching) }</p> }
        }
        Results::Failed(message) => {
            html! { <p class="er-search__status" role="alert">{ message }</p> }
        }
        Results::Done(_, hits) if hits.is_empty() => html! {
            <p class="er-search__status" role="status">{ t(Msg::EreaderNothingFound) }</p>
        },
        Results::Done(query, hits) => {
            let spines: Vec<u32> = hits.iter().map(|h| h.spine).collect();
            html! {
                <>
                    <p class="er-search__status" role="status">{ format!("{} {}", hits.len(), t(Msg::EreaderHits)) }</p>
                    <ol class="er-search__hits">
                        { for hits.iter().enumerate().map(|(index, hit)| {
                            let found = Found {
                                query: query.clone(),
                                hit: hit.clone(),
                                occurrence: crate::rules::occurrence(&spines, index),
                            };
                            let onclick = {
                                let on_open = props.on_open.clone();
                                Callback::from(move |_: MouseEvent| on_open.emit(found.clone()))
                            };
                            html! {
                                <li>
                                    <button type="button" class="er-search__hit" {onclick}>
                                        <span class="er-search__where">{ format!("{} {}", t(Msg::EreaderDocument), hit.spine + 1) }</span>
                                        { " " }{ &hit.snippet }
                                    </button>
                                </li>
                            }
                        }) }
                    </ol>
                </>
            }
        }
    };
    html! {
        <section id="er-search" class="er-panel er-search" aria-labelledby="er-search-title" {onkeydown}>
            <div class="er-panel__head">
                <h3 id="er-search-title" class="er-panel__title">{ t(Msg::EreaderSearch) }</h3>
                <button type="button" id="er-search-close" class="er-button" onclick={close}>
                    { t(Msg::EreaderCloseSearch) }
                </button>
            </div>
            <form class="er-search__form" role="search" {onsubmit}>
                <label class="er-label" for="er-search-q">{ t(Msg::EreaderSearchLabel) }</label>
                <div class="er-search__row">
                    <input ref={input} id="er-search-q" class="er-input" type="search" name="q"
                           maxlength="100" aria-invalid={invalid.then_some("true")}
                           aria-describedby={invalid.then_some("er-search-error")} />
                    <button type="submit" id="er-search-go" class="er-button er-button--main">{ t(Msg::EreaderSearch) }</button>
                </div>
                if *invalid {
                    <p id="er-search-error" class="er-field-error">{ t(Msg::EreaderSearchLength) }</p>
                }
            </form>
            { body }
        </section>
    }
}
