//! The library's recent sessions (`GET .../sessions`, newest first), each with a button
//! to open it: a running one to go on with, an ended one for its podium.

use suite_domain::bibster::api::SessionSummary;
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{load_failed, section};
use suite_ui::{Button, ButtonVariant, EmptyState, Loading, use_lang, use_t};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::text::day_time;

#[derive(Properties, PartialEq)]
pub(crate) struct RecentSessionsProps {
    pub(crate) library: AttrValue,
    pub(crate) on_open: Callback<i64>,
}

#[derive(Clone, PartialEq)]
enum Sessions {
    Loading,
    Loaded(Vec<SessionSummary>),
    Failed(ApiError),
}

#[function_component]
pub(crate) fn RecentSessions(props: &RecentSessionsProps) -> Html {
    let lang = use_lang();
    let t = use_t();
    let sessions = use_state(|| Sessions::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let sessions = sessions.clone();
        use_effect_with((props.library.clone(), *attempt), move |(library, _)| {
            let path = format!("/api/bibster/{library}/sessions");
            spawn_local(async move {
                sessions.set(match api::get::<Vec<SessionSummary>>(&path).await {
                    Ok(list) => Sessions::Loaded(list),
                    Err(error) => Sessions::Failed(error),
                });
            });
        });
    }
    let body = match &*sessions {
        Sessions::Loading => html! { <Loading /> },
        Sessions::Failed(error) => load_failed(error, lang, &attempt),
        Sessions::Loaded(list) if list.is_empty() => {
            html! { <EmptyState message={Msg::BibLeadNoSessions} /> }
        }
        Sessions::Loaded(list) => {
            let rows = list.iter().map(|s| {
                let id = s.id;
                let onclick = props.on_open.reform(move |_: MouseEvent| id);
                let state = match s.ended_at {
                    Some(_) => t(Msg::BibLeadEnded),
                    None => t(Msg::BibLeadRunning),
                };
                html! {
                    <tr data-session-id={id.to_string()}>
                        <th scope="row">{ s.title.clone() }</th>
                        <td class="bl-code-cell">{ s.code.clone() }</td>
                        <td>{ day_time(&s.started_at) }</td>
                        <td>{ state }</td>
                        <td class="bo-num">{ s.teams }</td>
                        <td>
                            <Button class="bl-open" variant={ButtonVariant::Secondary} {onclick}
                                aria_label={AttrValue::from(format!("{} {} ({})", t(Msg::BibLeadOpen), s.title, s.code))}>
                                { t(Msg::BibLeadOpen) }
                            </Button>
                        </td>
                    </tr>
                }
            });
            html! {
                <table class="bo-table bl-sessions">
                    <caption class="visually-hidden">{ t(Msg::BibLeadRecent) }</caption>
                    <thead><tr>
                        <th scope="col">{ t(Msg::BibLeadGame) }</th>
                        <th scope="col">{ t(Msg::BibLeadColCode) }</th>
                        <th scope="col">{ t(Msg::BibLeadColStarted) }</th>
                        <th scope="col">{ t(Msg::BibLeadColState) }</th>
                        <th scope="col" class="bo-num">{ t(Msg::BibLeadColTeams) }</th>
                        <th scope="col"><span class="visually-hidden">{ t(Msg::BibLeadColActions) }</span></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        }
    };
    section("bl-recent-title", Msg::BibLeadRecent, lang, body)
}
