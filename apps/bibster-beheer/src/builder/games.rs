//! The view "Spellen": the library's games with what staff can do with each (open in
//! the editor, duplicate, publish, back to draft, archive, share in the template library
//! or not, export, statistics, printable sheet, start a session), the archived ones on
//! demand, and new games of either variant. The editor, statistics and sheet open in
//! this view ([`Screen`]).

use suite_domain::bibster::api::{GameRecord, GameState, GameSummary, SharedChange, StateChange};
use suite_domain::bibster::game::Variant;
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{focus_id_soon, section};
use suite_ui::{EmptyState, Loading, use_lang};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::edit::new_game;
use super::editor::Editor;
use super::game_row::{RowAction, game_row};
use super::office::{Draft, GAMES_HEADING, Library, Screen, failed};
use super::print::PrintSheet;
use super::stats::StatsView;

#[derive(Properties, PartialEq)]
pub(crate) struct GamesProps {
    pub(crate) library: Library,
}

#[function_component]
pub(crate) fn GamesSection(props: &GamesProps) -> Html {
    let lang = use_lang();
    let library = &props.library;
    let body = match (&*library.screen, &library.draft.0) {
        (Screen::Edit, Some(_)) => html! { <Editor library={library.clone()} /> },
        (Screen::Stats(id, title), _) => {
            html! { <StatsView library={library.clone()} game={*id} title={title.clone()} /> }
        }
        (Screen::Print(id), _) => html! { <PrintSheet library={library.clone()} game={*id} /> },
        _ => html! { <GameList library={library.clone()} /> },
    };
    section(GAMES_HEADING, Msg::BibBuildGames, lang, body)
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Loaded(Vec<GameSummary>),
    Failed(ApiError),
}

/// Asks before unsaved changes of the editor are dropped; true when they may go.
pub(crate) fn may_drop(draft: &Option<Draft>, lang: suite_domain::i18n::Lang) -> bool {
    match draft {
        Some(draft) if draft.dirty() => web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(Msg::BibBuildDropChanges.text(lang))
                    .ok()
            })
            .unwrap_or(false),
        _ => true,
    }
}

/// The games the list shows: the archived ones only on demand (the server sends all).
pub(crate) fn listed(games: &[GameSummary], archived: bool) -> Vec<&GameSummary> {
    games
        .iter()
        .filter(|g| archived || g.state != GameState::Archived)
        .collect()
}

#[function_component]
fn GameList(props: &GamesProps) -> Html {
    let lang = use_lang();
    let library = props.library.clone();
    let archived = use_state(|| false);
    let load = use_state(|| Load::Loading);
    let attempt = use_state(|| 0_u32);
    let notice = use_state(|| None::<String>);
    let busy = use_state(|| false);
    {
        let (load, id) = (load.clone(), library.id.clone());
        use_effect_with((*attempt, *library.version, id.clone()), move |_| {
            let path = format!("/api/bibster/{id}/games");
            spawn_local(async move {
                match api::get::<Vec<GameSummary>>(&path).await {
                    Ok(games) => load.set(Load::Loaded(games)),
                    Err(error) => load.set(Load::Failed(error)),
                }
            });
        });
    }
    let on_action = {
        let (library, notice, attempt, busy) = (
            library.clone(),
            notice.clone(),
            attempt.clone(),
            busy.clone(),
        );
        Callback::from(move |action: RowAction| {
            if *busy {
                return;
            }
            let id = library.id.clone();
            let (library, notice, attempt, busy) = (
                library.clone(),
                notice.clone(),
                attempt.clone(),
                busy.clone(),
            );
            match action {
                RowAction::Stats(game, title) => library.show(Screen::Stats(game, title)),
                RowAction::Print(game) => library.show(Screen::Print(game)),
                RowAction::Open(game) => {
                    if !may_drop(&library.draft.0, lang) {
                        return;
                    }
                    busy.set(true);
                    spawn_local(async move {
                        match api::get::<GameRecord>(&format!("/api/bibster/{id}/games/{game}"))
                            .await
                        {
                            Ok(record) => library.edit(Draft {
                                id: Some(record.summary.id),
                                saved: Some(record.game.clone()),
                                game: record.game,
                            }),
                            Err(error) => notice.set(Some(error.localized(lang))),
                        }
                        busy.set(false);
                    });
                }
                other => {
                    busy.set(true);
                    notice.set(Some(Msg::BibBuildWorking.text(lang).to_string()));
                    spawn_local(async move {
                        let result = match other {
                            RowAction::Duplicate(game) => api::post::<_, GameRecord>(
                                &format!("/api/bibster/{id}/games/{game}/copy"),
                                &(),
                            )
                            .await
                            .map(|r| (Msg::BibBuildDuplicated, r)),
                            RowAction::SetState(game, state) => api::put::<_, GameRecord>(
                                &format!("/api/bibster/{id}/games/{game}/state"),
                                &StateChange { state },
                            )
                            .await
                            .map(|r| {
                                (
                                    match state {
                                        GameState::Published => Msg::BibBuildPublishedNow,
                                        GameState::Draft => Msg::BibBuildDraftNow,
                                        GameState::Archived => Msg::BibBuildArchivedNow,
                                    },
                                    r,
                                )
                            }),
                            RowAction::Share(game, shared) => api::put::<_, GameRecord>(
                                &format!("/api/bibster/{id}/games/{game}/shared"),
                                &SharedChange { shared },
                            )
                            .await
                            .map(|r| {
                                (
                                    if shared {
                                        Msg::BibBuildSharedNow
                                    } else {
                                        Msg::BibBuildUnsharedNow
                                    },
                                    r,
                                )
                            }),
                            _ => return,
                        };
                        match result {
                            Ok((msg, record)) => {
                                notice.set(Some(format!(
                                    "{} {}",
                                    msg.text(lang),
                                    record.summary.title
                                )));
                                attempt.set(*attempt + 1);
                            }
                            Err(error) => notice.set(Some(error.localized(lang))),
                        }
                        busy.set(false);
                        focus_id_soon("bb-games-notice".into());
                    });
                }
            }
        })
    };
    let new_game_button = |variant: Variant, label: Msg, class: &'static str| {
        let library = library.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if !may_drop(&library.draft.0, lang) {
                return;
            }
            library.edit(Draft {
                id: None,
                game: new_game(variant),
                saved: None,
            });
        });
        html! { <button type="button" class={classes!("btn", "btn--primary", class)} {onclick}>{ label.text(lang) }</button> }
    };
    let on_archived = {
        let archived = archived.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            archived.set(input.checked());
        })
    };
    let unsaved = library.draft.0.as_ref().filter(|d| d.dirty()).map(|draft| {
        let office = library.clone();
        let onclick = Callback::from(move |_: MouseEvent| office.show(Screen::Edit));
        let title = if draft.game.title.trim().is_empty() { Msg::BibBuildUntitled.text(lang).to_string() } else { draft.game.title.clone() };
        html! {
            <p class="staff-notice bb-unsaved">{ format!("{} {title}", Msg::BibBuildUnsaved.text(lang)) }
                { " " }<button type="button" class="btn btn--secondary" {onclick}>{ Msg::BibBuildContinue.text(lang) }</button></p>
        }
    });
    let list = match &*load {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => failed(error, lang, &attempt),
        Load::Loaded(games) if listed(games, *archived).is_empty() => {
            html! { <EmptyState message={Msg::BibBuildNoGames} /> }
        }
        Load::Loaded(games) => {
            let games = listed(games, *archived);
            let rows = games
                .iter()
                .map(|g| game_row(&library.id, g, lang, &on_action));
            let columns = [
                Msg::BibBuildTitleLabel,
                Msg::BibBuildVariant,
                Msg::BibBuildState,
                Msg::BibBuildTasks,
                Msg::BibBuildShared,
                Msg::BibBuildCopiedFrom,
                Msg::BibBuildActions,
            ];
            html! {
                <div class="bb-table-wrap">
                    <table class="bo-table bb-games">
                        <caption class="visually-hidden">{ Msg::BibBuildGames.text(lang) }</caption>
                        <thead><tr>{ for columns.iter().map(|c| html! { <th scope="col">{ c.text(lang) }</th> }) }</tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        }
    };
    let inactive = matches!(&*load, Load::Failed(e) if super::office::not_active(e));
    html! {
        <>
            <div role="status" class="bb-status">
                if let Some(text) = &*notice {
                    <p id="bb-games-notice" class="staff-notice" tabindex="-1">{ text.clone() }</p>
                }
            </div>
            { unsaved }
            if !inactive {
                <div class="bo-actions">
                    { new_game_button(Variant::Quest, Msg::BibBuildNewQuest, "bb-new-quest") }
                    { new_game_button(Variant::Story, Msg::BibBuildNewStory, "bb-new-story") }
                    <label class="bo-check"><input type="checkbox" id="bb-archived" checked={*archived} onchange={on_archived} />{ Msg::BibBuildShowArchived.text(lang) }</label>
                </div>
            }
            { list }
        </>
    }
}
