//! The shows: a company's own (new, edit through `show_form`, preview) and the shows of
//! a centre's companies (read, preview).

use suite_domain::i18n::{Lang, Msg};
use suite_domain::show::api::ShowRecord;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{load_failed, section};
use suite_ui::{EmptyState, Loading, use_lang};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::office::SHOWS_HEADING;
use crate::preview::Preview;
use crate::show_form::ShowForm;

/// What the view shows beside the list.
#[derive(Clone, Copy, PartialEq)]
enum Open {
    Nothing,
    New,
    Edit(i64),
    Preview(i64),
}

/// The loaded shows (or the failure), once loaded.
type Loaded = UseStateHandle<Option<Result<Vec<ShowRecord>, ApiError>>>;

/// Loads `path`'s shows again whenever the attempt changes.
#[hook]
fn use_shows(path: String) -> (Loaded, UseStateHandle<u32>) {
    let load = use_state(|| None::<Result<Vec<ShowRecord>, ApiError>>);
    let attempt = use_state(|| 0_u32);
    {
        let load = load.clone();
        use_effect_with(*attempt, move |_| {
            spawn_local(async move { load.set(Some(api::get::<Vec<ShowRecord>>(&path).await)) });
        });
    }
    (load, attempt)
}

fn show_table(
    shows: &[ShowRecord],
    lang: Lang,
    open: &UseStateHandle<Open>,
    editable: bool,
) -> Html {
    if shows.is_empty() {
        return html! { <EmptyState message={Msg::VdsAdminNoShows} /> };
    }
    let rows = shows.iter().map(|s| {
        let (id, title) = (s.id, s.data.title.clone());
        let button = |msg: Msg, next: Open| {
            let open = open.clone();
            let onclick = Callback::from(move |_| open.set(next));
            html! {
                <button type="button" class="button" {onclick}
                    aria-label={format!("{}: {title}", msg.text(lang))}>{ msg.text(lang) }</button>
            }
        };
        html! {
            <tr class="vds-bo-show" data-show={id.to_string()}>
                <th scope="row">{ s.data.title.clone() }</th>
                <td>{ s.data.company.clone() }</td>
                <td class="vds-bo-actions">
                    if editable { { button(Msg::VdsAdminEdit, Open::Edit(id)) } }
                    { button(Msg::VdsAdminPreview, Open::Preview(id)) }
                </td>
            </tr>
        }
    });
    html! {
        <table class="bo-table vds-bo-shows">
            <caption class="visually-hidden">{ Msg::VdsAdminShows.text(lang) }</caption>
            <thead><tr>
                <th scope="col">{ Msg::VdsAdminTitle.text(lang) }</th>
                <th scope="col">{ Msg::VdsAdminCompanyLabel.text(lang) }</th>
                <th scope="col">{ "" }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct CompanyShowsProps {
    pub(crate) company: AttrValue,
}

#[function_component]
pub(crate) fn CompanyShows(props: &CompanyShowsProps) -> Html {
    let lang = use_lang();
    let (load, attempt) = use_shows(format!(
        "/api/voor-de-show/companies/{}/shows",
        props.company
    ));
    let open = use_state(|| Open::Nothing);
    let on_done = {
        let (open, attempt) = (open.clone(), attempt.clone());
        Callback::from(move |saved: Option<i64>| {
            if let Some(id) = saved {
                attempt.set(*attempt + 1);
                open.set(Open::Preview(id));
            } else {
                open.set(Open::Nothing);
            }
        })
    };
    let new = {
        let open = open.clone();
        Callback::from(move |_| open.set(Open::New))
    };
    let body = match &*load {
        None => html! { <Loading /> },
        Some(Err(error)) => load_failed(error, lang, &attempt),
        Some(Ok(shows)) => {
            let opened = match *open {
                Open::Nothing => Html::default(),
                Open::New => {
                    html! { <ShowForm key="new" company={props.company.clone()} show={None::<ShowRecord>} on_done={on_done.clone()} /> }
                }
                Open::Edit(id) => match shows.iter().find(|s| s.id == id) {
                    Some(s) => {
                        html! { <ShowForm key={id.to_string()} company={props.company.clone()} show={Some(s.clone())} on_done={on_done.clone()} /> }
                    }
                    None => Html::default(),
                },
                Open::Preview(id) => html! { <Preview key={format!("p{id}")} show={id} /> },
            };
            html! {
                <>
                    <p><button type="button" class="button button--primary" id="vds-bo-new-show" onclick={new}>
                        { Msg::VdsAdminNewShow.text(lang) }
                    </button></p>
                    { show_table(shows, lang, &open, true) }
                    { opened }
                </>
            }
        }
    };
    section(SHOWS_HEADING, Msg::VdsAdminShows, lang, body)
}

#[derive(Properties, PartialEq)]
pub(crate) struct CentreShowsProps {
    pub(crate) centre: AttrValue,
}

#[function_component]
pub(crate) fn CentreShows(props: &CentreShowsProps) -> Html {
    let lang = use_lang();
    let (load, attempt) = use_shows(format!("/api/voor-de-show/centres/{}/shows", props.centre));
    let open = use_state(|| Open::Nothing);
    let body = match &*load {
        None => html! { <Loading /> },
        Some(Err(error)) => load_failed(error, lang, &attempt),
        Some(Ok(shows)) => {
            let opened = match *open {
                Open::Preview(id) => html! { <Preview key={format!("p{id}")} show={id} /> },
                _ => Html::default(),
            };
            html! { <>{ show_table(shows, lang, &open, false) }{ opened }</> }
        }
    };
    section(SHOWS_HEADING, Msg::VdsAdminShows, lang, body)
}
