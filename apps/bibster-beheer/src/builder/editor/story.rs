//! A Story's chapters in the editor: each with its text and picture, which tasks it holds, and where
//! the story goes after it (the next chapter, a chapter of choice so branches join, or
//! by the answer to one of its multiple-choice tasks: per option a chapter).

use suite_domain::bibster::game::{Game, Problem};
use suite_domain::bibster::task::TaskKind;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::back_office::{described, field_error, focus_id_soon};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::fields::{area, check, small_button};
use super::picture::PictureField;
use crate::builder::edit::{self, After};
use crate::builder::office::Library;
use crate::builder::problems::{at, field_id, within};

/// A task's name in lists: its number and the start of its prompt.
pub(crate) fn task_name(game: &Game, id: &str, lang: Lang) -> String {
    match game.tasks.iter().position(|t| t.id == id) {
        Some(k) => {
            let prompt: String = game.tasks[k].prompt.chars().take(40).collect();
            format!("{} {}: {prompt}", Msg::BibBuildTask.text(lang), k + 1)
        }
        None => id.to_string(),
    }
}

fn after_value(after: &After) -> String {
    match after {
        After::Following => "following".into(),
        After::Chapter(id) => format!("chapter:{id}"),
        After::Branch(task) => format!("branch:{task}"),
    }
}

fn after_from(value: &str) -> After {
    match value.split_once(':') {
        Some(("chapter", id)) => After::Chapter(id.to_string()),
        Some(("branch", task)) => After::Branch(task.to_string()),
        _ => After::Following,
    }
}

/// The chapters of `game`.
pub(crate) fn story_fields(
    library: &Library,
    game: &Game,
    problems: &[Problem],
    lang: Lang,
) -> Html {
    let chapters = game.chapters.iter().enumerate().map(|(i, chapter)| {
        let place = |part: &str| format!("chapters[{i}].{part}");
        let text = {
            let library = library.clone();
            Callback::from(move |value: String| library.change(move |g| {
                if let Some(c) = g.chapters.get_mut(i) {
                    c.text = value.clone();
                }
            }))
        };
        let image = {
            let library = library.clone();
            Callback::from(move |path: Option<String>| library.change(move |g| {
                if let Some(c) = g.chapters.get_mut(i) {
                    c.image = path.clone();
                }
            }))
        };
        let tasks = game.tasks.iter().enumerate().map(|(k, task)| {
            let id = task.id.clone();
            let library = library.clone();
            let on = Callback::from(move |on: bool| {
                let id = id.clone();
                library.change(move |g| edit::set_in_chapter(g, i, &id, on));
            });
            check(&format!("{}-task-{k}", field_id(&format!("chapters[{i}]"))), &task_name(game, &task.id, lang), chapter.tasks.contains(&task.id), on)
        });
        let after = edit::after_of(chapter);
        let after_id = field_id(&place("after"));
        let on_after = {
            let library = library.clone();
            Callback::from(move |e: Event| {
                let after = after_from(&e.target_unchecked_into::<HtmlSelectElement>().value());
                library.change(move |g| edit::set_after(g, i, after.clone()));
            })
        };
        let mut choices = vec![(After::Following, Msg::BibBuildNextChapter.text(lang).to_string())];
        for (j, other) in game.chapters.iter().enumerate().filter(|(j, _)| *j != i) {
            choices.push((After::Chapter(other.id.clone()), format!("{} {}", Msg::BibBuildGoToChapter.text(lang), j + 1)));
        }
        for id in &chapter.tasks {
            if game.tasks.iter().any(|t| &t.id == id && matches!(t.kind, TaskKind::MultipleChoice { .. })) {
                choices.push((After::Branch(id.clone()), format!("{} {}", Msg::BibBuildBranchOn.text(lang), task_name(game, id, lang))));
            }
        }
        let after_error = at(problems, &place("next")).or(at(problems, &place("branch.task"))).or(at(problems, &place("branch")));
        let (invalid, describedby) = described(&after_id, after_error, None);
        let branch = chapter.branch.as_ref().map(|branch| {
            let options = game.tasks.iter().find(|t| t.id == branch.task).and_then(|t| match &t.kind {
                TaskKind::MultipleChoice { options, .. } => Some(options.clone()),
                _ => None,
            }).unwrap_or_default();
            let rows = branch.to.iter().enumerate().map(|(j, to)| {
                let id = field_id(&place(&format!("branch.to[{j}]")));
                let library = library.clone();
                let onchange = Callback::from(move |e: Event| {
                    let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                    library.change(move |g| {
                        if let Some(b) = g.chapters.get_mut(i).and_then(|c| c.branch.as_mut()) && let Some(to) = b.to.get_mut(j) {
                            *to = value.clone();
                        }
                    });
                });
                let error = at(problems, &place(&format!("branch.to[{j}]")));
                let (invalid, describedby) = described(&id, error, None);
                let label = format!("{} «{}»", Msg::BibBuildIfAnswer.text(lang), options.get(j).cloned().unwrap_or_default());
                html! {
                    <div class="field">
                        <label for={id.clone()}>{ label }</label>
                        <select id={id.clone()} {onchange} aria-invalid={invalid} aria-describedby={describedby}>
                            <option value="" selected={to.is_empty()}>{ Msg::BibBuildChooseChapter.text(lang) }</option>
                            { for game.chapters.iter().enumerate().filter(|(k, _)| *k != i).map(|(k, c)| html! {
                                <option value={c.id.clone()} selected={*to == c.id}>{ format!("{} {}", Msg::BibBuildChapter.text(lang), k + 1) }</option>
                            }) }
                        </select>
                        { field_error(&id, error, lang) }
                    </div>
                }
            });
            html! {
                <div class="bb-branch">
                    { for rows }
                    { field_error(&field_id(&place("branch.to")), at(problems, &place("branch.to")), lang) }
                </div>
            }
        });
        let remove = {
            let library = library.clone();
            Callback::from(move |_: MouseEvent| {
                library.change(move |g| edit::remove_chapter(g, i));
                focus_id_soon("bb-chapters".into());
            })
        };
        let name = format!("{} {}", Msg::BibBuildChapter.text(lang), i + 1);
        html! {
            <fieldset id={field_id(&format!("chapters[{i}]"))} class="bb-chapter card">
                <legend>{ name.clone() }</legend>
                { area(&field_id(&place("text")), Msg::BibBuildChapterText.text(lang), &chapter.text, at(problems, &place("text")), lang, text) }
                <PictureField library={library.id.clone()} id={field_id(&place("image"))} label={Msg::BibBuildChapterImage}
                              value={chapter.image.clone()} on_change={image} />
                { field_error(&field_id(&place("image")), at(problems, &place("image")), lang) }
                <fieldset id={field_id(&place("tasks"))} class="bb-list">
                    <legend>{ Msg::BibBuildChapterTasks.text(lang) }</legend>
                    { for tasks }
                    { field_error(&field_id(&place("tasks")), within(problems, &place("tasks")), lang) }
                </fieldset>
                <div class="field">
                    <label for={after_id.clone()}>{ Msg::BibBuildAfter.text(lang) }</label>
                    <select id={after_id.clone()} onchange={on_after} aria-invalid={invalid} aria-describedby={describedby}>
                        { for choices.iter().map(|(a, label)| html! { <option value={after_value(a)} selected={*a == after}>{ label.clone() }</option> }) }
                    </select>
                    { field_error(&after_id, after_error, lang) }
                </div>
                { branch }
                { small_button(Msg::BibBuildRemoveChapter.text(lang), &format!("{}: {name}", Msg::BibBuildRemoveChapter.text(lang)), "bb-remove-chapter", game.chapters.len() < 2, remove) }
            </fieldset>
        }
    });
    let add = {
        let library = library.clone();
        let next = game.chapters.len();
        Callback::from(move |_: MouseEvent| {
            library.change(|g| {
                edit::add_chapter(g);
            });
            focus_id_soon(field_id(&format!("chapters[{next}].text")));
        })
    };
    html! {
        <section class="bb-story" aria-labelledby="bb-chapters">
            <h4 id="bb-chapters" tabindex="-1">{ Msg::BibBuildChapters.text(lang) }</h4>
            <p class="field-help">{ Msg::BibBuildChaptersHelp.text(lang) }</p>
            { field_error("bb-chapters", at(problems, "chapters"), lang) }
            { for chapters }
            <button type="button" class="btn btn--secondary bb-add-chapter" onclick={add}>{ Msg::BibBuildAddChapter.text(lang) }</button>
        </section>
    }
}
