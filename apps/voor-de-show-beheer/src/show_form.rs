//! The show-data form of a company: every field of `ShowData` (title, company, synopsis,
//! grades, themes, key words, images and sound from the company's uploads, and per
//! assignment a prompt and an image), checked with the server's own rule before it is
//! sent, each problem at its field (`aria-describedby`), the server's refusal too.

use std::collections::BTreeMap;

use suite_domain::i18n::Msg;
use suite_domain::show::api::{MediaUse, ShowMedia, ShowRecord};
use suite_domain::show::{Content, Grade, ShowAssignment, ShowData};
use suite_ui::api;
use suite_ui::back_office::focus_id_soon;
use suite_ui::use_lang;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::rules::{field_id, grade_msg, lines, problems_by_field};

/// The game's content, read once per form.
#[hook]
pub(crate) fn use_content() -> std::rc::Rc<Option<Content>> {
    use_memo((), |_| suite_domain::show::builtin().ok())
}

/// The form's problems: element id and message.
type Problems = Vec<(String, String)>;

fn error_of(problems: &Problems, id: &str) -> Option<String> {
    problems
        .iter()
        .find(|(at, _)| at == id)
        .map(|(_, m)| m.clone())
}

/// A field's `aria-invalid`, `aria-describedby` and message under it.
fn error_parts(problems: &Problems, id: &str) -> (Option<&'static str>, Option<String>, Html) {
    match error_of(problems, id) {
        Some(message) => {
            let error_id = format!("{id}-error");
            let note = html! { <p id={error_id.clone()} class="field-error">{ message }</p> };
            (Some("true"), Some(error_id), note)
        }
        None => (None, None, Html::default()),
    }
}

fn text_input(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        state.set(e.target_unchecked_into::<HtmlInputElement>().value())
    })
}

fn text_area(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        state.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    })
}

/// Adds `item` to the list, or takes it out.
fn toggled<T: PartialEq + Clone>(list: &[T], item: &T) -> Vec<T> {
    if list.contains(item) {
        list.iter().filter(|x| *x != item).cloned().collect()
    } else {
        let mut next = list.to_vec();
        next.push(item.clone());
        next
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct ShowFormProps {
    pub(crate) company: AttrValue,
    /// The show to edit; `None` for a new one.
    pub(crate) show: Option<ShowRecord>,
    /// Told when the form closes: the saved show's id, or `None` (cancelled).
    pub(crate) on_done: Callback<Option<i64>>,
}

#[function_component]
pub(crate) fn ShowForm(props: &ShowFormProps) -> Html {
    let lang = use_lang();
    let content = use_content();
    let start = props
        .show
        .as_ref()
        .map(|s| s.data.clone())
        .unwrap_or_default();
    let title = use_state(|| start.title.clone());
    let company = use_state(|| start.company.clone());
    let synopsis = use_state(|| start.synopsis.clone());
    let grades = use_state(|| start.grades.clone());
    let themes = use_state(|| start.themes.join("\n"));
    let key_words = use_state(|| start.key_words.join("\n"));
    let images = use_state(|| start.images.clone());
    let sounds = use_state(|| start.sounds.clone());
    let assignments = use_state(|| start.assignments.clone());
    let problems = use_state(Problems::new);
    let failed = use_state(|| None::<String>);
    let uploads = use_state(Vec::<ShowMedia>::new);
    {
        let (uploads, path) = (
            uploads.clone(),
            format!("/api/voor-de-show/companies/{}/media", props.company),
        );
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(found) = api::get::<Vec<ShowMedia>>(&path).await {
                    uploads.set(found);
                }
            });
        });
    }
    let data = ShowData {
        title: (*title).clone(),
        company: (*company).clone(),
        synopsis: (*synopsis).clone(),
        grades: (*grades).clone(),
        themes: lines(&themes),
        key_words: lines(&key_words),
        images: (*images).clone(),
        sounds: (*sounds).clone(),
        assignments: (*assignments)
            .iter()
            .filter(|(_, a)| a.prompt.is_some() || a.image.is_some())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    };
    let onsubmit = {
        let (problems, failed, on_done, content) = (
            problems.clone(),
            failed.clone(),
            props.on_done.clone(),
            content.clone(),
        );
        let (data, show, company) = (
            data.clone(),
            props.show.as_ref().map(|s| s.id),
            props.company.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(content) = content.as_ref() {
                let found: Problems = problems_by_field(&data, content)
                    .into_iter()
                    .map(|(id, msg)| (id, msg.text(lang).to_string()))
                    .collect();
                if let Some((first, _)) = found.first() {
                    focus_id_soon(first.clone());
                    problems.set(found);
                    return;
                }
            }
            problems.set(Problems::new());
            let (problems, failed, on_done, data, company) = (
                problems.clone(),
                failed.clone(),
                on_done.clone(),
                data.clone(),
                company.clone(),
            );
            spawn_local(async move {
                let sent = match show {
                    Some(id) => {
                        api::put::<_, ShowRecord>(&format!("/api/voor-de-show/shows/{id}"), &data)
                            .await
                    }
                    None => {
                        api::post::<_, ShowRecord>(
                            &format!("/api/voor-de-show/companies/{company}/shows"),
                            &data,
                        )
                        .await
                    }
                };
                match sent {
                    Ok(record) => on_done.emit(Some(record.id)),
                    Err(e) => match &e.field {
                        Some(field) => {
                            let id = field_id(field);
                            focus_id_soon(id.clone());
                            problems.set(vec![(id, e.localized(lang))]);
                        }
                        None => failed.set(Some(e.localized(lang))),
                    },
                }
            });
        })
    };
    let on_cancel = {
        let on_done = props.on_done.clone();
        Callback::from(move |_| on_done.emit(None))
    };
    let text = |id: &'static str, label: Msg, state: &UseStateHandle<String>, long: bool| {
        let (invalid, described, note) = error_parts(&problems, id);
        let field = if long {
            html! { <textarea {id} value={(**state).clone()} oninput={text_area(state)} aria-invalid={invalid} aria-describedby={described} /> }
        } else {
            html! { <input {id} type="text" value={(**state).clone()} oninput={text_input(state)} aria-invalid={invalid} aria-describedby={described} /> }
        };
        html! { <><label for={id}>{ label.text(lang) }</label>{ field }{ note }</> }
    };
    let grade_boxes = Grade::ALL.iter().map(|g| {
        let grades = grades.clone();
        let grade = *g;
        let id = format!("vds-f-grade-{}", g.label());
        let checked = grades.contains(g);
        let onchange = Callback::from(move |_: Event| grades.set(toggled(&grades, &grade)));
        html! { <label><input type="checkbox" id={id} {checked} {onchange} />{ format!(" {}", grade_msg(*g).text(lang)) }</label> }
    });
    let media_boxes = |use_: MediaUse, state: &UseStateHandle<Vec<String>>, group: &'static str| {
        let boxes = uploads.iter().filter(|m| m.media_use == use_).map(|m| {
            let state = state.clone();
            let id = m.id.clone();
            let checked = state.contains(&id);
            let onchange = Callback::from(move |_: Event| state.set(toggled(&state, &id)));
            let thumb = match use_ {
                MediaUse::Image => html! { <img src={api::url(&m.url)} alt="" /> },
                MediaUse::Sound => html! { <span>{ m.content_type.clone() }</span> },
            };
            html! { <label class="vds-bo-media"><input type="checkbox" id={format!("{group}-{}", m.id)} {checked} {onchange} />{ " " }{ thumb }{ format!(" {}", m.id) }</label> }
        });
        html! { <>{ for boxes }</> }
    };
    let (grades_invalid, grades_described, grades_note) = error_parts(&problems, "vds-f-grades");
    let (images_invalid, images_described, images_note) = error_parts(&problems, "vds-f-images");
    let (sounds_invalid, sounds_described, sounds_note) = error_parts(&problems, "vds-f-sounds");
    let per_assignment = content.as_ref().iter().flat_map(|c| c.assignments.iter()).map(|a| {
        let key = a.id.clone();
        let current = assignments.get(&key).cloned().unwrap_or_default();
        let prompt_id = field_id(&format!("assignments.{key}.prompt"));
        let image_id = field_id(&format!("assignments.{key}.image"));
        let on_prompt = {
            let (assignments, key) = (assignments.clone(), key.clone());
            Callback::from(move |e: InputEvent| {
                let typed = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                let mut next: BTreeMap<String, ShowAssignment> = (*assignments).clone();
                let entry = next.entry(key.clone()).or_default();
                entry.prompt = (!typed.trim().is_empty()).then_some(typed);
                assignments.set(next);
            })
        };
        let on_image = {
            let (assignments, key) = (assignments.clone(), key.clone());
            Callback::from(move |e: Event| {
                let chosen = e.target_unchecked_into::<HtmlSelectElement>().value();
                let mut next: BTreeMap<String, ShowAssignment> = (*assignments).clone();
                next.entry(key.clone()).or_default().image = (!chosen.is_empty()).then_some(chosen);
                assignments.set(next);
            })
        };
        let (p_invalid, p_described, p_note) = error_parts(&problems, &prompt_id);
        let (i_invalid, i_described, i_note) = error_parts(&problems, &image_id);
        let options = images.iter().map(|id| {
            html! { <option value={id.clone()} selected={current.image.as_deref() == Some(id.as_str())}>{ id.clone() }</option> }
        });
        html! {
            <fieldset class="vds-bo-assignment">
                <legend>{ a.title.get(lang).to_string() }</legend>
                <label for={prompt_id.clone()}>{ Msg::VdsAdminPrompt.text(lang) }</label>
                <textarea id={prompt_id} value={current.prompt.clone().unwrap_or_default()} oninput={on_prompt}
                    aria-invalid={p_invalid} aria-describedby={p_described} />
                { p_note }
                <label for={image_id.clone()}>{ Msg::VdsAdminImageChoice.text(lang) }</label>
                <select id={image_id} onchange={on_image} aria-invalid={i_invalid} aria-describedby={i_described}>
                    <option value="" selected={current.image.is_none()}>{ Msg::VdsAdminNoImage.text(lang) }</option>
                    { for options }
                </select>
                { i_note }
            </fieldset>
        }
    });
    let summary = (!problems.is_empty()).then(|| html! {
        <div class="form-error" role="alert"><p>{ Msg::VdsAdminFixFields.text(lang) }</p>
            <ul>{ for problems.iter().map(|(id, m)| html! { <li><a href={format!("#{id}")}>{ m.clone() }</a></li> }) }</ul>
        </div>
    });
    let heading = props.show.as_ref().map_or_else(
        || Msg::VdsAdminNewShow.text(lang).to_string(),
        |s| format!("{}: {}", Msg::VdsAdminEdit.text(lang), s.data.title),
    );
    html! {
        <form class="card vds-bo-form" {onsubmit} novalidate={true} aria-labelledby="vds-bo-form-title">
            <h4 id="vds-bo-form-title" tabindex="-1">{ heading }</h4>
            { for summary }
            { text("vds-f-title", Msg::VdsAdminTitle, &title, false) }
            { text("vds-f-company", Msg::VdsAdminCompanyField, &company, false) }
            { text("vds-f-synopsis", Msg::VdsAdminSynopsis, &synopsis, true) }
            <fieldset id="vds-f-grades" tabindex="-1" aria-invalid={grades_invalid} aria-describedby={grades_described}>
                <legend>{ Msg::VdsAdminGradesLabel.text(lang) }</legend>
                { for grade_boxes }
            </fieldset>
            { grades_note }
            { text("vds-f-themes", Msg::VdsAdminThemes, &themes, true) }
            { text("vds-f-key_words", Msg::VdsAdminKeyWords, &key_words, true) }
            <fieldset id="vds-f-images" tabindex="-1" aria-invalid={images_invalid} aria-describedby={images_described}>
                <legend>{ Msg::VdsAdminImagesLabel.text(lang) }</legend>
                if uploads.is_empty() { <p class="field-help">{ Msg::VdsAdminNoUploadsYet.text(lang) }</p> }
                { media_boxes(MediaUse::Image, &images, "vds-f-image") }
            </fieldset>
            { images_note }
            <fieldset id="vds-f-sounds" tabindex="-1" aria-invalid={sounds_invalid} aria-describedby={sounds_described}>
                <legend>{ Msg::VdsAdminSoundsLabel.text(lang) }</legend>
                { media_boxes(MediaUse::Sound, &sounds, "vds-f-sound") }
            </fieldset>
            { sounds_note }
            <h5>{ Msg::VdsAdminAssignments.text(lang) }</h5>
            { for per_assignment }
            if let Some(failed) = &*failed { <p class="form-error" role="alert">{ failed.clone() }</p> }
            <p class="vds-bo-actions">
                <button type="submit" class="button button--primary" id="vds-bo-save">{ Msg::VdsAdminSave.text(lang) }</button>
                <button type="button" class="button" onclick={on_cancel}>{ Msg::VdsAdminCancel.text(lang) }</button>
            </p>
        </form>
    }
}
