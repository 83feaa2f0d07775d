//! `TipCard`: one of the three suggestions: why ("because you liked ..."), when, where,
//! the price, and the ticket link, save and share.

use suite_domain::culture::recommend::Reason;
use suite_domain::i18n::Msg;
use suite_ui::{use_lang, use_t};
use yew::prelude::*;

use crate::centre::ShowRef;

use super::actions::{SaveButton, TicketLink};
use super::poster::Poster;
use super::share::ShareButton;
use super::show_facts::ShowFacts;
use crate::nav::{Link, use_nav};
use crate::route::{Page, Route};

#[derive(Properties, PartialEq)]
pub(crate) struct TipCardProps {
    pub(crate) show: ShowRef,
    /// Titles of the hearted shows it resembles.
    pub(crate) because: Vec<String>,
    pub(crate) reasons: Vec<Reason>,
}

/// A short word for the reasons worth a badge.
fn badge(reason: &Reason) -> Option<Msg> {
    match reason {
        Reason::Free => Some(Msg::CmFree),
        Reason::Soon { .. } => Some(Msg::CmSoon),
        Reason::Nearby { .. } => Some(Msg::CmNearby),
        Reason::Discover => Some(Msg::CmDiscover),
        _ => None,
    }
}

#[function_component]
pub(crate) fn TipCard(props: &TipCardProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let nav = use_nav();
    let show = &props.show;
    let to = Route::new(
        nav.route.centre.as_deref(),
        Page::Show {
            id: show.id.clone(),
        },
    );
    let badges: Vec<Msg> = props.reasons.iter().filter_map(badge).collect();
    html! {
        <article class="cm-tip" data-show-id={show.id.clone()}>
            <div class="cm-tip__poster"><Poster show={show.clone()} /></div>
            <div class="cm-tip__body">
                <h3 class="cm-tip__title">
                    <Link {to}>{ show.title.get(lang).to_string() }</Link>
                </h3>
                if !props.because.is_empty() {
                    <p class="cm-tip__because">
                        { t(Msg::CmBecauseYouLiked) }{ " " }
                        <strong>{ props.because.join(", ") }</strong>
                    </p>
                }
                if !badges.is_empty() {
                    <ul class="cm-badges">
                        { for badges.into_iter().map(|b| html! { <li class="cm-badge">{ t(b) }</li> }) }
                    </ul>
                }
                <ShowFacts show={show.clone()} />
                <div class="cm-actions">
                    <TicketLink show={show.clone()} />
                    <SaveButton show={show.clone()} />
                    <ShareButton show={show.clone()} />
                </div>
            </div>
        </article>
    }
}
