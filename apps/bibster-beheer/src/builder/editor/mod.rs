//! The editor of a game (new or stored): its title and variant, its tasks, a Story's
//! chapters or a Quest's plans and spots, checked while editing by `game::check` with
//! every problem shown in Dutch at its field and listed above; saving (POST for a new
//! game, PUT for a stored one); the preview; and a guard so that unsaved changes are
//! never lost silently.

mod doors;
mod fields;
mod kind_fields;
mod picture;
mod quest;
#[cfg(test)]
pub(crate) use doors::Placing;
pub(crate) use story::task_name;
mod story;
mod task_form;

use std::rc::Rc;

use suite_domain::bibster::api::GameRecord;
use suite_domain::bibster::game::{Variant, check};
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::focus_id_soon;
use suite_ui::use_lang;
use web_sys::HtmlSelectElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use self::fields::text;
use self::kind_fields::kind_options;
use self::quest::QuestFields;
use self::story::story_fields;
use self::task_form::TaskForm;
use super::edit::{self, Kind, variant_name};
use super::games::may_drop;
use super::leave_guard::use_leave_guard;
use super::office::{DraftAction, Library, Screen};
use super::preview::Preview;
use super::problems::{at, field_id, message, place_words};

#[derive(Properties, PartialEq)]
pub(crate) struct EditorProps {
    pub(crate) library: Library,
}

/// What saving gave.
#[derive(Clone, PartialEq)]
enum Saving {
    Idle,
    Busy,
    Saved,
    /// Not sent: the game has problems (listed above the form).
    Problems,
    Failed(ApiError),
}

#[function_component]
pub(crate) fn Editor(props: &EditorProps) -> Html {
    let lang = use_lang();
    let library = props.library.clone();
    let saving = use_state(|| Saving::Idle);
    let previewing = use_state(|| false);
    let new_kind = use_state(|| Kind::MultipleChoice);
    let draft = library.draft.0.clone();
    use_leave_guard(
        draft.as_ref().is_some_and(|d| d.dirty()),
        Msg::BibBuildDropChanges.text(lang),
    );
    let Some(draft) = draft else {
        return Html::default();
    };
    let game = Rc::new(draft.game.clone());
    let problems = Rc::new(check(&game));

    let back = {
        let (library, draft) = (library.clone(), draft.clone());
        Callback::from(move |_: MouseEvent| {
            if may_drop(&Some(draft.clone()), lang) {
                library.draft.dispatch(DraftAction::Open(None));
                library.screen.set(Screen::List);
                focus_id_soon(super::office::GAMES_HEADING.into());
            }
        })
    };
    let on_save = {
        let (library, draft, saving, problems) = (
            library.clone(),
            draft.clone(),
            saving.clone(),
            problems.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if *saving == Saving::Busy {
                return;
            }
            if !problems.is_empty() {
                saving.set(Saving::Problems);
                focus_id_soon("bb-problems".into());
                return;
            }
            saving.set(Saving::Busy);
            let (library, draft, saving) = (library.clone(), draft.clone(), saving.clone());
            spawn_local(async move {
                let id = library.id.clone();
                let result = match draft.id {
                    None => {
                        api::post::<_, GameRecord>(&format!("/api/bibster/{id}/games"), &draft.game)
                            .await
                    }
                    Some(game) => {
                        api::put::<_, GameRecord>(
                            &format!("/api/bibster/{id}/games/{game}"),
                            &draft.game,
                        )
                        .await
                    }
                };
                match result {
                    Ok(record) => {
                        library
                            .draft
                            .dispatch(DraftAction::Saved(record.summary.id, record.game));
                        library.version.set(*library.version + 1);
                        saving.set(Saving::Saved);
                    }
                    Err(error) => saving.set(Saving::Failed(error)),
                }
                focus_id_soon("bb-save-status".into());
            });
        })
    };
    let on_title = {
        let library = library.clone();
        Callback::from(move |title: String| library.change(move |g| g.title = title.clone()))
    };
    let variant_radio = |variant: Variant| {
        let library = library.clone();
        let onchange =
            Callback::from(move |_: Event| library.change(move |g| edit::set_variant(g, variant)));
        let id = format!(
            "bb-variant-{}",
            if variant == Variant::Quest {
                "quest"
            } else {
                "story"
            }
        );
        html! {
            <label class="bo-check" for={id.clone()}>
                <input type="radio" name="bb-variant" {id} checked={game.variant == variant} {onchange} />
                { variant_name(variant).text(lang) }
            </label>
        }
    };
    let on_new_kind = {
        let new_kind = new_kind.clone();
        Callback::from(move |e: Event| {
            if let Some(kind) =
                Kind::from_slug(&e.target_unchecked_into::<HtmlSelectElement>().value())
            {
                new_kind.set(kind);
            }
        })
    };
    let add_task = {
        let (library, kind, next) = (library.clone(), *new_kind, game.tasks.len());
        Callback::from(move |_: MouseEvent| {
            library.change(move |g| {
                edit::add_task(g, kind);
            });
            focus_id_soon(field_id(&format!("tasks[{next}].prompt")));
        })
    };
    let toggle_preview = {
        let previewing = previewing.clone();
        Callback::from(move |_: MouseEvent| previewing.set(!*previewing))
    };
    let summary = if problems.is_empty() {
        html! { <p class="bb-sound">{ Msg::BibBuildSound.text(lang) }</p> }
    } else {
        let items = problems.iter().map(|p| html! {
            <li><a href={format!("#{}", field_id(&p.at))}>{ format!("{}: {}", place_words(&p.at, lang), message(p.kind).text(lang)) }</a></li>
        });
        html! {
            <>
                <h4>{ format!("{} ({})", Msg::BibBuildToCheck.text(lang), problems.len()) }</h4>
                <ul class="bb-problems__list">{ for items }</ul>
            </>
        }
    };
    let status = match &*saving {
        Saving::Idle => Html::default(),
        Saving::Busy => html! { <p class="staff-notice">{ Msg::BibBuildSaving.text(lang) }</p> },
        Saving::Saved if !draft.dirty() => {
            html! { <p class="staff-notice bb-saved">{ Msg::BibBuildSaved.text(lang) }</p> }
        }
        Saving::Saved => Html::default(),
        Saving::Problems => html! { <p class="form-error">{ Msg::BibGameProblems.text(lang) }</p> },
        Saving::Failed(error) => {
            let place = error.field.as_deref().filter(|f| !f.is_empty()).map(|f| {
                format!(
                    " ({} {})",
                    Msg::BibBuildPlace.text(lang),
                    place_words(f, lang)
                )
            });
            html! { <p class="form-error">{ format!("{}{}", error.localized(lang), place.unwrap_or_default()) }</p> }
        }
    };
    let heading = if draft.id.is_some() {
        Msg::BibBuildEditGame
    } else {
        Msg::BibBuildNewGame
    };
    let body = if *previewing {
        html! { <Preview game={game.clone()} /> }
    } else {
        let tasks = game.tasks.iter().enumerate().map(|(index, task)| html! {
            <TaskForm key={task.id.clone()} library={library.clone()} {index} count={game.tasks.len()} task={task.clone()} problems={problems.clone()} />
        });
        html! {
            <>
                { text("bb-title", Msg::BibBuildTitleLabel.text(lang), &game.title, at(&problems, "title"), lang, on_title) }
                <fieldset class="bb-variant">
                    <legend>{ Msg::BibBuildVariant.text(lang) }</legend>
                    { variant_radio(Variant::Quest) }
                    { variant_radio(Variant::Story) }
                </fieldset>
                <section class="bb-tasks" aria-labelledby="bb-tasks">
                    <h4 id="bb-tasks" tabindex="-1">{ Msg::BibBuildTasks.text(lang) }</h4>
                    { suite_ui::back_office::field_error("bb-tasks", at(&problems, "tasks"), lang) }
                    { for tasks }
                    <div class="bo-actions bb-add-task">
                        <div class="field">
                            <label for="bb-new-kind">{ Msg::BibBuildNewKind.text(lang) }</label>
                            <select id="bb-new-kind" onchange={on_new_kind}>{ kind_options(*new_kind, lang) }</select>
                        </div>
                        <button type="button" class="btn btn--secondary bb-add-task__button" onclick={add_task}>{ Msg::BibBuildAddTask.text(lang) }</button>
                    </div>
                </section>
                if game.variant == Variant::Story {
                    { story_fields(&library, &game, &problems, lang) }
                } else {
                    <QuestFields library={library.clone()} game={game.clone()} problems={problems.clone()} />
                }
            </>
        }
    };
    html! {
        <div class="bb-editor">
            <div class="bo-actions">
                <button type="button" class="btn btn--secondary bb-back" onclick={back}>{ Msg::BibBuildBack.text(lang) }</button>
                <button type="button" class="btn btn--secondary bb-preview-toggle" onclick={toggle_preview}
                    aria-pressed={if *previewing { "true" } else { "false" }}>{ Msg::BibBuildPreview.text(lang) }</button>
            </div>
            <h4 id="bb-editor-heading" class="bb-editor__heading" tabindex="-1">{ heading.text(lang) }</h4>
            <div id="bb-problems" class="bb-problems" tabindex="-1" role="status">{ summary }</div>
            { body }
            <div class="bo-actions bb-save-row">
                <button type="button" class="btn btn--primary bb-save" onclick={on_save}>{ Msg::BibBuildSave.text(lang) }</button>
                if draft.dirty() {
                    <span class="bb-dirty">{ Msg::BibBuildNotSaved.text(lang) }</span>
                }
            </div>
            <div id="bb-save-status" tabindex="-1" role="status">{ status }</div>
        </div>
    }
}
