//! One task in the editor: its kind, what the team reads, the fields of its kind, its
//! points, an optional time limit, an optional hint with its cost and an optional
//! picture; buttons to move it up or down and to remove it.

use std::rc::Rc;

use suite_domain::bibster::game::{Game, Problem};
use suite_domain::bibster::task::{Hint, Task, TaskKind};
use suite_domain::i18n::Msg;
use suite_ui::back_office::{field_error, focus_id_soon};
use suite_ui::use_lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::fields::{area, number, small_button, text};
use super::kind_fields::{KindChange, apply, kind_fields, kind_options};
use super::picture::PictureField;
use crate::builder::edit::{self, Kind};
use crate::builder::office::Library;
use crate::builder::problems::{at, field_id};

#[derive(Properties, PartialEq)]
pub(crate) struct TaskFormProps {
    pub(crate) library: Library,
    pub(crate) index: usize,
    pub(crate) count: usize,
    pub(crate) task: Task,
    pub(crate) problems: Rc<Vec<Problem>>,
}

#[function_component]
pub(crate) fn TaskForm(props: &TaskFormProps) -> Html {
    let lang = use_lang();
    let (index, task, problems) = (props.index, &props.task, props.problems.as_slice());
    let place = |part: &str| format!("tasks[{index}].{part}");
    let edit_task = |f: fn(&mut Task, String)| {
        let library = props.library.clone();
        Callback::from(move |value: String| {
            library.change(move |game: &mut Game| {
                if let Some(task) = game.tasks.get_mut(index) {
                    f(task, value.clone());
                }
            })
        })
    };
    let on_kind: KindChange = {
        let library = props.library.clone();
        Callback::from(move |f: Rc<dyn Fn(&mut TaskKind)>| {
            library.change(move |game| apply(game, index, &*f))
        })
    };
    let on_type = {
        let library = props.library.clone();
        Callback::from(move |e: Event| {
            let slug = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(kind) = Kind::from_slug(&slug) {
                library.change(move |game| edit::set_kind(game, index, kind));
            }
        })
    };
    let mover = |up: bool| {
        let library = props.library.clone();
        Callback::from(move |_: MouseEvent| {
            library.change(move |game| {
                edit::move_task(game, index, up);
            });
            let to = if up {
                index.saturating_sub(1)
            } else {
                index + 1
            };
            focus_id_soon(format!(
                "{}-{}",
                field_id(&format!("tasks[{to}]")),
                if up { "up" } else { "down" }
            ));
        })
    };
    let remove = {
        let library = props.library.clone();
        Callback::from(move |_: MouseEvent| {
            library.change(move |game| edit::remove_task(game, index));
            focus_id_soon("bb-tasks".into());
        })
    };
    let kind = Kind::of(&task.kind);
    let number_name = format!("{} {}", Msg::BibBuildTask.text(lang), index + 1);
    let id = field_id(&format!("tasks[{index}]"));
    let type_id = field_id(&place("type"));
    let hint = task.hint.clone();
    let on_image = {
        let library = props.library.clone();
        Callback::from(move |path: Option<String>| {
            library.change(move |game| {
                if let Some(task) = game.tasks.get_mut(index) {
                    task.image = path.clone();
                }
            })
        })
    };
    html! {
        <fieldset {id} class="bb-task card">
            <legend>{ format!("{number_name}: {}", kind.name().text(lang)) }</legend>
            { field_error(&field_id(&format!("tasks[{index}]")), at(problems, &format!("tasks[{index}]")).filter(|m| *m != Msg::BibBuildPNumber), lang) }
            { field_error(&field_id(&place("id")), at(problems, &place("id")), lang) }
            <div class="field">
                <label for={type_id.clone()}>{ Msg::BibBuildKind.text(lang) }</label>
                <select id={type_id} onchange={on_type}>{ kind_options(kind, lang) }</select>
            </div>
            { area(&field_id(&place("prompt")), Msg::BibBuildPrompt.text(lang), &task.prompt, None, lang, edit_task(|t, v| t.prompt = v)) }
            { kind_fields(index, &task.kind, problems, lang, &on_kind) }
            <div class="bb-row">
                { number(&field_id(&place("points")), Msg::BibBuildPoints.text(lang), &task.points.to_string(), false, None, lang, edit_task(|t, v| if let Ok(n) = v.trim().parse() { t.points = n })) }
                { number(&field_id(&place("time_limit_secs")), Msg::BibBuildTimeLimit.text(lang), &task.time_limit_secs.map(|s| s.to_string()).unwrap_or_default(), false, at(problems, &place("time_limit_secs")), lang,
                    edit_task(|t, v| if v.trim().is_empty() { t.time_limit_secs = None } else if let Ok(n) = v.trim().parse() { t.time_limit_secs = Some(n) })) }
            </div>
            <div class="bb-row">
                { text(&field_id(&place("hint")), Msg::BibBuildHint.text(lang), hint.as_ref().map(|h| h.text.as_str()).unwrap_or_default(), None, lang,
                    edit_task(|t, v| match (&mut t.hint, v.trim().is_empty()) {
                        (_, true) => t.hint = None,
                        (Some(h), false) => h.text = v,
                        (None, false) => t.hint = Some(Hint { text: v, cost: 0 }),
                    })) }
                if hint.is_some() {
                    { number(&field_id(&place("hint.cost")), Msg::BibBuildHintCost.text(lang), &hint.as_ref().map(|h| h.cost).unwrap_or_default().to_string(), false, None, lang,
                        edit_task(|t, v| if let (Some(h), Ok(n)) = (&mut t.hint, v.trim().parse()) { h.cost = n })) }
                }
            </div>
            <PictureField library={props.library.id.clone()} id={field_id(&place("image"))} label={Msg::BibBuildImage}
                value={task.image.clone()} on_change={on_image} />
            { field_error(&field_id(&place("image")), at(problems, &place("image")), lang) }
            <div class="bo-actions">
                <button type="button" id={format!("{}-up", field_id(&format!("tasks[{index}]")))} class="btn btn--secondary bb-small bb-up"
                    disabled={index == 0} onclick={mover(true)}
                    aria-label={format!("{}: {number_name}", Msg::BibBuildUp.text(lang))}>{ Msg::BibBuildUp.text(lang) }</button>
                <button type="button" id={format!("{}-down", field_id(&format!("tasks[{index}]")))} class="btn btn--secondary bb-small bb-down"
                    disabled={index + 1 >= props.count} onclick={mover(false)}
                    aria-label={format!("{}: {number_name}", Msg::BibBuildDown.text(lang))}>{ Msg::BibBuildDown.text(lang) }</button>
                { small_button(Msg::BibBuildRemoveTask.text(lang), &format!("{}: {number_name}", Msg::BibBuildRemoveTask.text(lang)), "bb-remove-task", false, remove) }
            </div>
        </fieldset>
    }
}
