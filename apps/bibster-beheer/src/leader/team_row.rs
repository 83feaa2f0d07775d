//! One team on the board: its place, name, score and progress; rename it in place
//! (checked by the server's rule first, the server's refusal shown under the field) or
//! remove it after a confirmation.

use suite_domain::bibster::api::{TeamName, TeamRow};
use suite_domain::bibster::team::check_team_name;
use suite_domain::i18n::Msg;
use suite_ui::api;
use suite_ui::back_office::{error_id, focus_id_soon};
use suite_ui::{Button, ButtonVariant, use_t};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::names::name_message;
use super::session::SessionRef;
use super::text::clock_time;

#[derive(Properties, PartialEq)]
pub(crate) struct TeamLineProps {
    pub(crate) session: SessionRef,
    pub(crate) place: u32,
    pub(crate) team: TeamRow,
    /// Tasks in the game.
    pub(crate) tasks: u32,
    pub(crate) on_notice: Callback<Msg>,
}

/// What the row shows besides the team.
#[derive(Clone, PartialEq)]
enum Mode {
    Plain,
    Renaming {
        name: String,
        /// The rule's or the server's words.
        problem: Option<String>,
    },
    ConfirmRemove,
}

#[function_component]
pub(crate) fn TeamLine(props: &TeamLineProps) -> Html {
    let t = use_t();
    let lang = suite_ui::use_lang();
    let mode = use_state(|| Mode::Plain);
    let team = &props.team;
    let id = team.id;
    let input_id = format!("bl-team-{id}-name");
    let rename_id = format!("bl-team-{id}-rename");
    let remove_id = format!("bl-team-{id}-remove");

    let start_rename = {
        let (mode, name, input_id) = (mode.clone(), team.name.clone(), input_id.clone());
        Callback::from(move |_: MouseEvent| {
            mode.set(Mode::Renaming {
                name: name.clone(),
                problem: None,
            });
            focus_id_soon(input_id.clone());
        })
    };
    let cancel = {
        let (mode, back_to) = (mode.clone(), rename_id.clone());
        Callback::from(move |_: MouseEvent| {
            mode.set(Mode::Plain);
            focus_id_soon(back_to.clone());
        })
    };
    let on_input = {
        let mode = mode.clone();
        Callback::from(move |e: InputEvent| {
            mode.set(Mode::Renaming {
                name: e.target_unchecked_into::<HtmlInputElement>().value(),
                problem: None,
            });
        })
    };
    let save = {
        let (mode, session, on_notice) =
            (mode.clone(), props.session.clone(), props.on_notice.clone());
        let (input_id, rename_id) = (input_id.clone(), rename_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Mode::Renaming { name, .. } = &*mode else {
                return;
            };
            let typed = name.clone();
            let checked = match check_team_name(&typed) {
                Ok(checked) => checked,
                Err(problem) => {
                    mode.set(Mode::Renaming {
                        name: typed,
                        problem: Some(name_message(problem).text(lang).to_string()),
                    });
                    focus_id_soon(input_id.clone());
                    return;
                }
            };
            let (mode, session, on_notice) = (mode.clone(), session.clone(), on_notice.clone());
            let (input_id, rename_id) = (input_id.clone(), rename_id.clone());
            spawn_local(async move {
                let path = session.path(&format!("/teams/{id}"));
                let body = TeamName { name: checked };
                match api::put::<_, suite_domain::bibster::api::Board>(&path, &body).await {
                    Ok(_) => {
                        mode.set(Mode::Plain);
                        on_notice.emit(Msg::BibLeadRenamed);
                        session.on_changed.emit(());
                        focus_id_soon(rename_id);
                    }
                    Err(error) => {
                        mode.set(Mode::Renaming {
                            name: typed,
                            problem: Some(error.localized(lang)),
                        });
                        focus_id_soon(input_id);
                    }
                }
            });
        })
    };
    let ask_remove = {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| {
            mode.set(Mode::ConfirmRemove);
            focus_id_soon(format!("bl-team-{id}-remove-yes"));
        })
    };
    let remove = {
        let (mode, session, on_notice) =
            (mode.clone(), props.session.clone(), props.on_notice.clone());
        Callback::from(move |_: MouseEvent| {
            let (mode, session, on_notice) = (mode.clone(), session.clone(), on_notice.clone());
            spawn_local(async move {
                match api::delete(&session.path(&format!("/teams/{id}"))).await {
                    Ok(()) => {
                        on_notice.emit(Msg::BibLeadRemoved);
                        session.on_changed.emit(());
                        focus_id_soon("bl-board-title".into());
                    }
                    Err(_) => mode.set(Mode::Plain),
                }
            });
        })
    };

    let name_cell = match &*mode {
        Mode::Renaming { name, problem } => {
            let error = problem.as_ref().map(|p| {
                html! { <p id={error_id(&input_id)} class="field-error">{ p.clone() }</p> }
            });
            html! {
                <form class="bl-rename" onsubmit={save}>
                    <label for={input_id.clone()} class="visually-hidden">
                        { format!("{} {}", t(Msg::BibLeadNewName), team.name) }
                    </label>
                    <input id={input_id.clone()} type="text" value={name.clone()} oninput={on_input}
                        aria-invalid={problem.is_some().then_some("true")}
                        aria-describedby={problem.is_some().then(|| error_id(&input_id))} />
                    { error.unwrap_or_default() }
                    <div class="bo-actions">
                        <Button kind="submit" class="bl-rename-save">{ t(Msg::BibLeadSave) }</Button>
                        <Button class="bl-rename-cancel" variant={ButtonVariant::Secondary} onclick={cancel.clone()}>
                            { t(Msg::BibLeadCancel) }
                        </Button>
                    </div>
                </form>
            }
        }
        _ => html! {
            <>
                <span class="bl-team-name">{ team.name.clone() }</span>
                if !team.joined {
                    <span class="bl-not-joined">{ format!(" ({})", t(Msg::BibLeadNotJoined)) }</span>
                }
            </>
        },
    };
    let actions = match &*mode {
        Mode::ConfirmRemove => html! {
            <div class="bl-confirm" role="group" aria-label={t(Msg::BibLeadRemove)}>
                <p>{ t(Msg::BibLeadRemoveConfirm) }</p>
                <div class="bo-actions">
                    <button type="button" id={format!("bl-team-{id}-remove-yes")}
                        class="btn btn--danger bl-remove-yes" onclick={remove}>
                        { t(Msg::BibLeadRemoveYes) }
                    </button>
                    <button type="button" class="btn btn--secondary bl-remove-cancel"
                        onclick={{
                            let (mode, back_to) = (mode.clone(), remove_id.clone());
                            Callback::from(move |_: MouseEvent| {
                                mode.set(Mode::Plain);
                                focus_id_soon(back_to.clone());
                            })
                        }}>
                        { t(Msg::BibLeadCancel) }
                    </button>
                </div>
            </div>
        },
        Mode::Renaming { .. } => Html::default(),
        Mode::Plain => html! {
            <div class="bo-actions">
                <button type="button" id={rename_id.clone()} class="btn btn--secondary bl-rename-button"
                    aria-label={format!("{}: {}", t(Msg::BibLeadRename), team.name)} onclick={start_rename}>
                    { t(Msg::BibLeadRename) }
                </button>
                <button type="button" id={remove_id.clone()} class="btn btn--danger bl-remove-button"
                    aria-label={format!("{}: {}", t(Msg::BibLeadRemove), team.name)} onclick={ask_remove}>
                    { t(Msg::BibLeadRemove) }
                </button>
            </div>
        },
    };
    html! {
        <tr class="bl-team" data-team-id={id.to_string()} data-score={team.score.to_string()}>
            <td class="bo-num bl-place">{ props.place }</td>
            <th scope="row">{ name_cell }</th>
            <td class="bo-num bl-score">{ team.score }</td>
            <td class="bo-num bl-progress">{ format!("{} {} {}", team.answered, t(Msg::BibLeadOf), props.tasks) }</td>
            <td class="bo-num bl-to-review">{ team.to_review }</td>
            <td class="bl-last">{ team.last_answer_at.as_deref().map(clock_time).unwrap_or_default() }</td>
            <td>{ actions }</td>
        </tr>
    }
}
