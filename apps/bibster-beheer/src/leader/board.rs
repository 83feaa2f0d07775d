//! The live board: the teams by score (same score, same place) with their progress
//! (answered of the game's tasks, waiting for review, last answer), each renamed or
//! removed in its row (`team_row`); and a pre-made team added.

use std::rc::Rc;

use suite_domain::bibster::api::{Board, TeamName};
use suite_domain::bibster::team::check_team_name;
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{described, field_error, focus_id_soon};
use suite_ui::{Button, ButtonVariant, EmptyState, use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::names::name_message;
use super::ranking::places;
use super::session::SessionRef;
use super::team_row::TeamLine;

const ADD_ID: &str = "bl-add-name";

#[derive(Properties, PartialEq)]
pub(crate) struct TeamBoardProps {
    pub(crate) session: SessionRef,
    pub(crate) board: Rc<Board>,
}

#[function_component]
pub(crate) fn TeamBoard(props: &TeamBoardProps) -> Html {
    let t = use_t();
    // What the last change of the leader's did, read out by screen readers.
    let notice = use_state(|| None::<Msg>);
    let on_notice = {
        let notice = notice.clone();
        Callback::from(move |msg: Msg| notice.set(Some(msg)))
    };
    let board = &props.board;
    let rows = places(&board.teams).into_iter().map(|placed| {
        let key = placed.team.id.to_string();
        html! {
            <TeamLine {key} session={props.session.clone()} place={placed.place}
                team={placed.team} tasks={board.tasks} on_notice={on_notice.clone()} />
        }
    });
    let table = if board.teams.is_empty() {
        html! { <EmptyState message={Msg::BibLeadNoTeams} /> }
    } else {
        html! {
            <table class="bo-table bl-board">
                <caption class="visually-hidden">{ t(Msg::BibLeadBoardTitle) }</caption>
                <thead><tr>
                    <th scope="col" class="bo-num">{ t(Msg::BibLeadColPlace) }</th>
                    <th scope="col">{ t(Msg::BibLeadTeamName) }</th>
                    <th scope="col" class="bo-num">{ t(Msg::BibLeadColScore) }</th>
                    <th scope="col" class="bo-num">{ t(Msg::BibLeadColProgress) }</th>
                    <th scope="col" class="bo-num">{ t(Msg::BibLeadColReview) }</th>
                    <th scope="col">{ t(Msg::BibLeadColLast) }</th>
                    <th scope="col">{ t(Msg::BibLeadColActions) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        }
    };
    let add = (board.session.teams_mode == suite_domain::bibster::api::TeamMode::Premade).then(
        || html! { <AddTeam session={props.session.clone()} on_notice={on_notice.clone()} /> },
    );
    html! {
        <section class="card bo-section bl-board-section" aria-labelledby="bl-board-title">
            <h3 id="bl-board-title" tabindex="-1">{ t(Msg::BibLeadBoardTitle) }</h3>
            <p class="visually-hidden" role="status">{ notice.map(t).unwrap_or_default() }</p>
            { table }
            { add.unwrap_or_default() }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AddTeamProps {
    session: SessionRef,
    on_notice: Callback<Msg>,
}

/// Adds a pre-made team (it gets a code of its own).
#[function_component]
fn AddTeam(props: &AddTeamProps) -> Html {
    let lang = use_lang();
    let t = use_t();
    let name = use_state(String::new);
    let problem = use_state(|| None::<Msg>);
    let refused = use_state(|| None::<ApiError>);
    let on_input = {
        let (name, problem) = (name.clone(), problem.clone());
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value());
            problem.set(None);
        })
    };
    let on_submit = {
        let (session, on_notice) = (props.session.clone(), props.on_notice.clone());
        let (name, problem, refused) = (name.clone(), problem.clone(), refused.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let checked = match check_team_name(&name) {
                Ok(checked) => checked,
                Err(p) => {
                    problem.set(Some(name_message(p)));
                    focus_id_soon(ADD_ID.into());
                    return;
                }
            };
            refused.set(None);
            let (session, on_notice, name, refused) = (
                session.clone(),
                on_notice.clone(),
                name.clone(),
                refused.clone(),
            );
            spawn_local(async move {
                let body = TeamName { name: checked };
                match api::post::<_, Board>(&session.path("/teams"), &body).await {
                    Ok(_) => {
                        name.set(String::new());
                        on_notice.emit(Msg::BibLeadAdded);
                        session.on_changed.emit(());
                    }
                    Err(error) => {
                        refused.set(Some(error));
                        focus_id_soon(ADD_ID.into());
                    }
                }
            });
        })
    };
    let (invalid, describedby) = described(ADD_ID, *problem, None);
    let server = refused.as_ref().map(|error| {
        html! { <p id="bl-add-name-refused" class="field-error">{ error.localized(lang) }</p> }
    });
    let describedby = match (&describedby, refused.is_some()) {
        (_, true) => Some(AttrValue::from("bl-add-name-refused")),
        _ => describedby,
    };
    html! {
        <form class="bo-form bl-add" onsubmit={on_submit} novalidate=true>
            <div class="field">
                <label for={ADD_ID}>{ t(Msg::BibLeadTeamName) }</label>
                <input id={ADD_ID} type="text" value={(*name).clone()} oninput={on_input}
                    aria-invalid={invalid.or(refused.is_some().then_some(AttrValue::Static("true")))}
                    aria-describedby={describedby} />
                { field_error(ADD_ID, *problem, lang) }
                { server.unwrap_or_default() }
            </div>
            <Button kind="submit" class="bl-add-button" variant={ButtonVariant::Secondary}>
                { t(Msg::BibLeadAddTeam) }
            </Button>
        </form>
    }
}
