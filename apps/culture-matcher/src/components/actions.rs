//! The actions on a show: open the ticket page and save it. Both count anonymously for
//! the centre (see `report.rs`).

use suite_domain::culture::insight::Interaction;
use suite_domain::i18n::Msg;
use suite_ui::use_t;
use yew::prelude::*;

use crate::centre::{KeptAction, ShowRef, use_centre};
use crate::present::{visit_time, web_link};
use crate::report::report;
use crate::store::SavedShow;
use crate::time;

#[derive(Properties, PartialEq)]
pub(crate) struct ShowActionProps {
    pub(crate) show: ShowRef,
}

/// The ticket page in a new tab (only an http(s) address), when the show has one.
#[function_component]
pub(crate) fn TicketLink(props: &ShowActionProps) -> Html {
    let t = use_t();
    let centre = use_centre();
    let Some(url) = props.show.booking.url.as_deref().and_then(web_link) else {
        return Html::default();
    };
    let onclick = {
        let id = props.show.id.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(centre) = &centre {
                report(&centre.id, &id, Interaction::Ticket);
            }
        })
    };
    html! {
        <a class="btn btn--primary cm-ticket" href={url.to_string()} target="_blank"
           rel="noopener noreferrer" {onclick}>
            { t(Msg::CmTickets) }
            <span class="visually-hidden">{ " " }{ t(Msg::CmOpensNewTab) }</span>
            <span aria-hidden="true">{ " ↗" }</span>
        </a>
    }
}

/// Saves the show in this browser, or takes it away again.
#[function_component]
pub(crate) fn SaveButton(props: &ShowActionProps) -> Html {
    let t = use_t();
    let Some(centre) = use_centre() else {
        return Html::default();
    };
    let saved = centre.is_saved(&props.show.id);
    let onclick = {
        let show = props.show.clone();
        let centre = centre.clone();
        Callback::from(move |_: MouseEvent| {
            let entry = SavedShow {
                id: show.id.clone(),
                title: show.title.nl.clone(),
                start: visit_time(&show, time::now()),
            };
            if !centre.is_saved(&show.id) {
                report(&centre.id, &show.id, Interaction::Saved);
            }
            centre.kept.dispatch(KeptAction::Toggle(entry));
        })
    };
    html! {
        <button type="button" class={classes!("btn", "btn--secondary", "cm-save", saved.then_some("is-on"))}
                aria-pressed={saved.to_string()} {onclick}>
            <span aria-hidden="true">{ if saved { "★" } else { "☆" } }</span>
            { t(Msg::CmSave) }
        </button>
    }
}
