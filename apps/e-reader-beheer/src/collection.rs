//! The collection: add an EPUB (checked by the server; a broken file's report in Dutch
//! with the English detail, and nothing added) and the titles with their licences (by
//! the rule or by hand), loans, queue and download flag, each changed in `title_edit`.

use suite_domain::ereader::admin::AdminTitle;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{described, field_error, load_failed, section};
use suite_ui::{EmptyState, Loading, use_lang};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::office::COLLECTION_HEADING;
use crate::rules::{file_to_send, licences_text, refusal};
use crate::title_edit::TitleEdit;

const FILE_ID: &str = "er-bo-file";
const HELP_ID: &str = "er-bo-file-help";

/// Where an upload stands.
#[derive(Clone, PartialEq)]
enum Upload {
    Idle,
    Sending,
    Added(String),
    /// The Dutch message and the English detail.
    Refused(String, Option<String>),
}

fn upload_state(state: &Upload, lang: Lang) -> Html {
    match state {
        Upload::Idle => Html::default(),
        Upload::Sending => html! {
            <p class="er-bo-progress">
                <progress aria-labelledby="er-bo-sending"></progress>
                <span id="er-bo-sending">{ Msg::EreaderAdmUploading.text(lang) }</span>
            </p>
        },
        Upload::Added(title) => html! {
            <p class="staff-notice" id="er-bo-added">{ format!("{} {title}", Msg::EreaderAdmAdded.text(lang)) }</p>
        },
        Upload::Refused(message, detail) => html! {
            <div class="er-bo-report" id="er-bo-report">
                <p class="form-error"><strong>{ Msg::EreaderAdmRefused.text(lang) }{ ": " }</strong>{ message.clone() }</p>
                if let Some(detail) = detail {
                    <details>
                        <summary>{ Msg::EreaderAdmTechnical.text(lang) }</summary>
                        <p lang="en"><code>{ detail.clone() }</code></p>
                    </details>
                }
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
struct UploadFormProps {
    on_added: Callback<()>,
}

#[function_component]
fn UploadForm(props: &UploadFormProps) -> Html {
    let lang = use_lang();
    let input = use_node_ref();
    let state = use_state(|| Upload::Idle);
    let error = use_state(|| None::<Msg>);
    let onsubmit = {
        let (input, state, error, on_added) = (
            input.clone(),
            state.clone(),
            error.clone(),
            props.on_added.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *state == Upload::Sending {
                return;
            }
            let file = input
                .cast::<HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|files| files.get(0));
            if let Err(msg) = file_to_send(file.as_ref().map(|f| f.size())) {
                error.set(Some(msg));
                suite_ui::back_office::focus_id(FILE_ID);
                return;
            }
            let Some(file) = file else { return };
            error.set(None);
            state.set(Upload::Sending);
            let (state, on_added) = (state.clone(), on_added.clone());
            spawn_local(async move {
                let sent = api::post_body::<AdminTitle>(
                    "/api/ereader/admin/titles",
                    "application/epub+zip",
                    &file.into(),
                )
                .await;
                match sent {
                    Ok(title) => {
                        state.set(Upload::Added(title.title));
                        on_added.emit(());
                    }
                    Err(e) => {
                        let (message, detail) = refusal(&e, lang);
                        state.set(Upload::Refused(message, detail));
                    }
                }
            });
        })
    };
    let (invalid, describedby) = described(FILE_ID, *error, Some(HELP_ID));
    let sending = *state == Upload::Sending;
    html! {
        <form class="er-bo-upload" {onsubmit} novalidate={true}>
            <h4>{ Msg::EreaderAdmUpload.text(lang) }</h4>
            <p class="field-help" id={HELP_ID}>{ Msg::EreaderAdmUploadHelp.text(lang) }</p>
            <label for={FILE_ID}>{ Msg::EreaderAdmFile.text(lang) }</label>
            <input id={FILE_ID} type="file" accept=".epub,application/epub+zip" ref={input}
                aria-invalid={invalid} aria-describedby={describedby} />
            { field_error(FILE_ID, *error, lang) }
            <button type="submit" class="button button--primary" disabled={sending}>
                { Msg::EreaderAdmUploadButton.text(lang) }
            </button>
            <div role="status">{ upload_state(&state, lang) }</div>
        </form>
    }
}

fn title_row(title: &AdminTitle, lang: Lang, on_edit: Callback<i64>) -> Html {
    let id = title.id;
    let onclick = Callback::from(move |_| on_edit.emit(id));
    let download = if title.download {
        Msg::EreaderAdmYes
    } else {
        Msg::EreaderAdmNo
    };
    html! {
        <tr class="er-bo-title" data-title={title.id.to_string()}>
            <th scope="row">{ title.title.clone() }</th>
            <td class="er-bo-licences">{ licences_text(title, lang) }</td>
            <td class="bo-num">{ title.running_loans.to_string() }</td>
            <td class="bo-num">{ title.queue.to_string() }</td>
            <td>{ download.text(lang) }</td>
            <td>
                <button type="button" class="button" {onclick}
                    aria-label={format!("{}: {}", Msg::EreaderAdmEdit.text(lang), title.title)}>
                    { Msg::EreaderAdmColChange.text(lang) }
                </button>
            </td>
        </tr>
    }
}

fn titles_table(titles: &[AdminTitle], lang: Lang, on_edit: Callback<i64>) -> Html {
    if titles.is_empty() {
        return html! { <EmptyState message={Msg::EreaderAdmNoTitles} /> };
    }
    let columns = [
        Msg::EreaderAdmColTitle,
        Msg::EreaderAdmColLicences,
        Msg::EreaderAdmColLoans,
        Msg::EreaderAdmColQueue,
        Msg::EreaderAdmColDownload,
        Msg::EreaderAdmColChange,
    ]
    .map(|c| html! { <th scope="col">{ c.text(lang) }</th> });
    html! {
        <table class="bo-table er-bo-titles">
            <caption>{ Msg::EreaderAdmTitles.text(lang) }</caption>
            <thead><tr>{ for columns }</tr></thead>
            <tbody>{ for titles.iter().map(|t| title_row(t, lang, on_edit.clone())) }</tbody>
        </table>
    }
}

#[function_component]
pub(crate) fn CollectionSection() -> Html {
    let lang = use_lang();
    let load = use_state(|| None::<Result<Vec<AdminTitle>, ApiError>>);
    let attempt = use_state(|| 0_u32);
    let editing = use_state(|| None::<i64>);
    {
        let load = load.clone();
        use_effect_with(*attempt, move |_| {
            spawn_local(async move {
                load.set(Some(
                    api::get::<Vec<AdminTitle>>("/api/ereader/admin/titles").await,
                ));
            });
        });
    }
    let reload = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let on_edit = {
        let editing = editing.clone();
        Callback::from(move |id: i64| editing.set(Some(id)))
    };
    let on_done = {
        let (editing, reload) = (editing.clone(), reload.clone());
        Callback::from(move |changed: bool| {
            editing.set(None);
            if changed {
                reload.emit(());
            }
        })
    };
    let list = match &*load {
        None => html! { <Loading /> },
        Some(Err(error)) => load_failed(error, lang, &attempt),
        Some(Ok(titles)) => {
            let edit = (*editing)
                .and_then(|id| titles.iter().find(|t| t.id == id))
                .map(|t| html! { <TitleEdit key={t.id.to_string()} title={t.clone()} on_done={on_done.clone()} /> });
            html! { <>{ titles_table(titles, lang, on_edit) }{ for edit }</> }
        }
    };
    let body = html! {
        <>
            <UploadForm on_added={reload} />
            { list }
        </>
    };
    section(COLLECTION_HEADING, Msg::EreaderAdmCollection, lang, body)
}
