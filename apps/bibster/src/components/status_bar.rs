//! `StatusBar`: the team's name and score (a live region, so a new score is read out),
//! answers waiting to be sent, a lost connection, and an answer the server refused.

use suite_domain::i18n::Msg;
use suite_ui::use_t;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(crate) struct StatusBarProps {
    pub(crate) name: AttrValue,
    pub(crate) score: u32,
    pub(crate) waiting: bool,
    pub(crate) offline: bool,
    pub(crate) refused: Option<String>,
}

#[function_component]
pub(crate) fn StatusBar(props: &StatusBarProps) -> Html {
    let t = use_t();
    html! {
        <div class="bib-status">
            <p class="bib-status__team">{ props.name.clone() }</p>
            <p class="bib-status__score" aria-live="polite">
                { t(Msg::BibTeamScore) }{ ": " }<strong id="bib-score">{ props.score }</strong>
            </p>
            <p class="bib-status__note" role="status">
                if props.waiting {
                    <span class="bib-waiting">{ t(Msg::BibTeamPending) }</span>
                }
                if props.offline {
                    <span class="bib-offline">{ t(Msg::BibTeamOffline) }</span>
                }
            </p>
            if let Some(refused) = &props.refused {
                <p class="bib-refused" role="alert">{ t(Msg::BibTeamRefused) }{ " " }{ refused.clone() }</p>
            }
        </div>
    }
}
