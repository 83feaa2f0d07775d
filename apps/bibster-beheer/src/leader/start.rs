//! The start page: choose one of the library's published games (preselected from
//! `?spel=<id>`), say how teams come in (their own names, or pre-made teams that each
//! get a code), start; and the recent sessions, to reopen a running one.

use suite_domain::bibster::api::{Board, GameState, GameSummary, SessionStart, TeamMode};
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{described, error_id, focus_id_soon, load_failed, section};
use suite_ui::{Button, EmptyState, Loading, after_next_paint, use_lang, use_t};
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::names::{NamesProblem, premade_names};
use super::recent::RecentSessions;
use super::text::not_active;

const NAMES_ID: &str = "bl-names";

#[derive(Properties, PartialEq)]
pub(crate) struct StartPageProps {
    pub(crate) library: AttrValue,
    /// The game to choose first (`?spel=<id>`), if the library has it published.
    pub(crate) preselect: Option<i64>,
    /// Whether the heading takes the focus once the games are there (back from a session).
    #[prop_or_default]
    pub(crate) focus_heading: bool,
    /// Opens a session (a new one, or one of the recent).
    pub(crate) on_open: Callback<i64>,
}

#[derive(Clone, PartialEq)]
enum Games {
    Loading,
    Loaded(Vec<GameSummary>),
    Failed(ApiError),
}

#[function_component]
pub(crate) fn StartPage(props: &StartPageProps) -> Html {
    let lang = use_lang();
    let t = use_t();
    let games = use_state(|| Games::Loading);
    let attempt = use_state(|| 0_u32);
    let chosen = use_state(|| None::<i64>);
    let mode = use_state(|| TeamMode::Join);
    let names = use_state(String::new);
    let problem = use_state(|| None::<NamesProblem>);
    let refused = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    {
        let (games, chosen, library, preselect, focus_heading) = (
            games.clone(),
            chosen.clone(),
            props.library.clone(),
            props.preselect,
            props.focus_heading,
        );
        use_effect_with((library, *attempt), move |(library, _)| {
            games.set(Games::Loading);
            let path = format!("/api/bibster/{}/games", library);
            spawn_local(async move {
                match api::get::<Vec<GameSummary>>(&path).await {
                    Ok(all) => {
                        let published: Vec<GameSummary> = all
                            .into_iter()
                            .filter(|g| g.state == GameState::Published)
                            .collect();
                        let first = preselect
                            .filter(|id| published.iter().any(|g| g.id == *id))
                            .or_else(|| published.first().map(|g| g.id));
                        chosen.set(first);
                        games.set(Games::Loaded(published));
                        if focus_heading {
                            focus_id_soon("bl-start-title".into());
                        }
                    }
                    Err(error) => games.set(Games::Failed(error)),
                }
            });
        });
    }
    let list = match &*games {
        Games::Loading => return html! { <Loading /> },
        Games::Failed(error) if not_active(error) => {
            return html! { <EmptyState message={Msg::BibNotActive} /> };
        }
        Games::Failed(error) => return load_failed(error, lang, &attempt),
        Games::Loaded(list) => list.clone(),
    };

    let on_game = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            chosen.set(value.parse().ok());
        })
    };
    let on_mode = |value: TeamMode| {
        let mode = mode.clone();
        Callback::from(move |_: Event| mode.set(value))
    };
    let on_names = {
        let (names, problem) = (names.clone(), problem.clone());
        Callback::from(move |e: InputEvent| {
            names.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            problem.set(None);
        })
    };
    let on_submit = {
        let (library, on_open) = (props.library.clone(), props.on_open.clone());
        let (chosen, mode, names, problem, refused, busy) = (
            chosen.clone(),
            mode.clone(),
            names.clone(),
            problem.clone(),
            refused.clone(),
            busy.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(game) = *chosen else { return };
            if *busy {
                return;
            }
            let names = match *mode {
                TeamMode::Join => Vec::new(),
                TeamMode::Premade => match premade_names(&names) {
                    Ok(names) => names,
                    Err(found) => {
                        problem.set(Some(found));
                        focus_id_soon(NAMES_ID.into());
                        return;
                    }
                },
            };
            busy.set(true);
            refused.set(None);
            let start = SessionStart {
                game,
                teams: *mode,
                names,
            };
            let path = format!("/api/bibster/{}/sessions", library);
            let (on_open, refused, busy) = (on_open.clone(), refused.clone(), busy.clone());
            spawn_local(async move {
                match api::post::<_, Board>(&path, &start).await {
                    Ok(board) => {
                        let id = board.session.id;
                        after_next_paint(move || on_open.emit(id));
                    }
                    Err(error) => {
                        busy.set(false);
                        refused.set(Some(error));
                        focus_id_soon("bl-start-error".into());
                    }
                }
            });
        })
    };

    let form = if list.is_empty() {
        html! {
            <EmptyState message={Msg::BibLeadNoGames}>
                <p><a href="/bibster/beheer/">{ t(Msg::BibLeadBuilderLink) }</a></p>
            </EmptyState>
        }
    } else {
        let options = list.iter().map(|g| {
            html! {
                <option value={g.id.to_string()} selected={*chosen == Some(g.id)}>{ g.title.clone() }</option>
            }
        });
        let names_error = problem.map(|p| p.message);
        let (invalid, describedby) = described(NAMES_ID, names_error, Some("bl-names-help"));
        let names_message = problem.map(|p| {
            let line = p.line.map(|n| format!("{} {n}: ", t(Msg::BibLeadLine))).unwrap_or_default();
            html! { <p id={error_id(NAMES_ID)} class="field-error">{ format!("{line}{}", t(p.message)) }</p> }
        });
        html! {
            <form class="bo-form bl-start" onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label for="bl-game">{ t(Msg::BibLeadGame) }</label>
                    <select id="bl-game" onchange={on_game}>{ for options }</select>
                </div>
                <fieldset class="bl-modes">
                    <legend>{ t(Msg::BibLeadTeamsHow) }</legend>
                    <label class="bo-check">
                        <input type="radio" name="bl-mode" value="join" checked={*mode == TeamMode::Join}
                            onchange={on_mode(TeamMode::Join)} />
                        { t(Msg::BibLeadModeJoin) }
                    </label>
                    <label class="bo-check">
                        <input type="radio" name="bl-mode" value="premade" checked={*mode == TeamMode::Premade}
                            onchange={on_mode(TeamMode::Premade)} />
                        { t(Msg::BibLeadModePremade) }
                    </label>
                </fieldset>
                if *mode == TeamMode::Premade {
                    <div class="field">
                        <label for={NAMES_ID}>{ t(Msg::BibLeadNames) }</label>
                        <p id="bl-names-help" class="field-help">{ t(Msg::BibLeadNamesHelp) }</p>
                        <textarea id={NAMES_ID} rows="6" value={(*names).clone()} oninput={on_names}
                            aria-invalid={invalid} aria-describedby={describedby} />
                        { names_message.unwrap_or_default() }
                    </div>
                }
                if let Some(error) = &*refused {
                    <p id="bl-start-error" class="field-error" role="alert" tabindex="-1">{ error.localized(lang) }</p>
                }
                <div class="bo-actions">
                    <Button kind="submit" big=true class="bl-start-button" disabled={*busy}>
                        { t(if *busy { Msg::BibLeadStarting } else { Msg::BibLeadStart }) }
                    </Button>
                </div>
            </form>
        }
    };
    html! {
        <>
            { section("bl-start-title", Msg::BibLeadStartTitle, lang, form) }
            <RecentSessions library={props.library.clone()} on_open={props.on_open.clone()} />
        </>
    }
}
