//! One game in the library's list: its title, variant, state, tasks, whether it is
//! shared and where it was copied from, and the buttons of what staff can do with it.

use suite_domain::bibster::api::{GameState, GameSummary};
use suite_domain::i18n::{Lang, Msg};
use suite_ui::api;
use yew::prelude::*;

use super::edit::variant_name;

/// What staff asked for in a game's row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RowAction {
    Open(i64),
    Duplicate(i64),
    SetState(i64, GameState),
    Share(i64, bool),
    Stats(i64, String),
    Print(i64),
}

/// The words for a game's state.
pub(crate) fn state_name(state: GameState) -> Msg {
    match state {
        GameState::Draft => Msg::BibBuildDraft,
        GameState::Published => Msg::BibBuildPublished,
        GameState::Archived => Msg::BibBuildArchived,
    }
}

/// A button of a row; its accessible name says which game.
fn action(
    label: Msg,
    title: &str,
    lang: Lang,
    class: &'static str,
    act: impl Fn() + 'static,
) -> Html {
    let onclick = Callback::from(move |_: MouseEvent| act());
    html! {
        <button type="button" class={classes!("btn", "btn--secondary", "bb-act", class)} {onclick}
            aria-label={format!("{}: {title}", label.text(lang))}>{ label.text(lang) }</button>
    }
}

/// The row of `game` in the list of `library`.
pub(crate) fn game_row(
    library: &str,
    game: &GameSummary,
    lang: Lang,
    on: &Callback<RowAction>,
) -> Html {
    let id = game.id;
    let title = game.title.as_str();
    let emit = |a: RowAction| {
        let on = on.clone();
        move || on.emit(a.clone())
    };
    let mut actions = vec![
        action(
            Msg::BibBuildOpen,
            title,
            lang,
            "bb-open",
            emit(RowAction::Open(id)),
        ),
        action(
            Msg::BibBuildDuplicate,
            title,
            lang,
            "bb-duplicate",
            emit(RowAction::Duplicate(id)),
        ),
    ];
    match game.state {
        GameState::Draft => {
            actions.push(action(
                Msg::BibBuildPublish,
                title,
                lang,
                "bb-publish",
                emit(RowAction::SetState(id, GameState::Published)),
            ));
        }
        GameState::Published => {
            actions.push(action(
                Msg::BibBuildToDraft,
                title,
                lang,
                "bb-to-draft",
                emit(RowAction::SetState(id, GameState::Draft)),
            ));
            let (label, class) = match game.shared {
                false => (Msg::BibBuildShare, "bb-share"),
                true => (Msg::BibBuildUnshare, "bb-unshare"),
            };
            actions.push(action(
                label,
                title,
                lang,
                class,
                emit(RowAction::Share(id, !game.shared)),
            ));
        }
        GameState::Archived => {
            actions.push(action(
                Msg::BibBuildToDraft,
                title,
                lang,
                "bb-to-draft",
                emit(RowAction::SetState(id, GameState::Draft)),
            ));
        }
    }
    if game.state != GameState::Archived {
        actions.push(action(
            Msg::BibBuildArchive,
            title,
            lang,
            "bb-archive",
            emit(RowAction::SetState(id, GameState::Archived)),
        ));
    }
    actions.push(action(
        Msg::BibBuildStats,
        title,
        lang,
        "bb-stats",
        emit(RowAction::Stats(id, game.title.clone())),
    ));
    actions.push(action(
        Msg::BibBuildPrint,
        title,
        lang,
        "bb-print",
        emit(RowAction::Print(id)),
    ));
    let export = api::url(&format!("/api/bibster/{library}/games/{id}/export"));
    let named = |msg: Msg| format!("{}: {title}", msg.text(lang));
    let session = (game.state == GameState::Published).then(|| html! {
        <a class="btn btn--primary bb-session" href={format!("/bibster/leiding/?spel={id}")}
            aria-label={named(Msg::BibBuildStartSession)}>{ Msg::BibBuildStartSession.text(lang) }</a>
    });
    let source = game
        .source
        .as_ref()
        .map(|s| format!("{} ({})", s.title, s.library_name));
    let shared = match game.shared {
        true => Msg::BibBuildYes,
        false => Msg::BibBuildNo,
    };
    html! {
        <tr class="bb-game" data-game={id.to_string()}>
            <th scope="row" class="bb-game__title">{ title.to_string() }</th>
            <td>{ variant_name(game.variant).text(lang) }</td>
            <td class="bb-game__state">{ state_name(game.state).text(lang) }</td>
            <td class="bo-num">{ game.tasks }</td>
            <td class="bb-game__shared">{ shared.text(lang) }</td>
            <td class="bb-game__source">{ source.unwrap_or_default() }</td>
            <td class="bb-game__actions">
                <div class="bb-actions">
                    { for actions }
                    <a class="btn btn--secondary bb-export" href={export} download=""
                        aria-label={named(Msg::BibBuildExport)}>{ Msg::BibBuildExport.text(lang) }</a>
                    { session }
                </div>
            </td>
        </tr>
    }
}
