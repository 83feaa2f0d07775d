//! "Catalogus importeren": staff pick catalogue exports (XML or JSON), the browser reads
//! them as text and sends them to `POST /api/bieblo/<library>/imports`; or, where the
//! server has a catalogue key, they refresh from the live catalogue now
//! (`POST /api/bieblo/<library>/refresh`; without a key the section says why). The report
//! and the earlier runs (`GET .../imports`) show what came of it.

use suite_domain::api::{ImportRun, ImportUpload, LiveCatalogue, UploadedFile};
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::import_report::{ReportTexts, report_view, use_import_runs};
use suite_ui::{Button, Loading, use_lang, use_t};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::view::section;
use crate::focus::focus_first;

/// What the report calls what was imported.
const BOOKS: ReportTexts = ReportTexts {
    imported: Msg::BiebloStaffImported,
    nothing: Msg::BiebloStaffNothingImported,
};

#[derive(Properties, PartialEq)]
pub(super) struct ImportSectionProps {
    pub(super) library: AttrValue,
    /// Called after an import that replaced the snapshot.
    pub(super) on_imported: Callback<()>,
}

/// What the last attempt gave.
#[derive(Clone, PartialEq)]
enum Outcome {
    Done(ImportRun),
    /// Nothing was sent: no file chosen, or a file could not be read.
    NotSent(Msg),
    Failed(ApiError),
}

/// The chosen files, in order.
fn chosen_files(input: &NodeRef) -> Vec<File> {
    let list = input.cast::<HtmlInputElement>().and_then(|i| i.files());
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Reads every file as text; `None` when one cannot be read.
async fn read_files(files: Vec<File>) -> Option<Vec<UploadedFile>> {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        let content = JsFuture::from(file.text()).await.ok()?.as_string()?;
        read.push(UploadedFile {
            name: file.name(),
            content,
        });
    }
    Some(read)
}

#[function_component]
pub(super) fn ImportSection(props: &ImportSectionProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let files_ref = use_node_ref();
    let sending = use_state(|| false);
    let outcome = use_state(|| None::<Outcome>);
    // Whether the live catalogue can be read here (`None` until known).
    let live = use_state(|| None::<bool>);
    {
        let live = live.clone();
        use_effect_with((), move |()| {
            spawn_local(async move {
                if let Ok(answer) = api::get::<LiveCatalogue>("/api/bieblo/catalogue").await {
                    live.set(Some(answer.live));
                }
            });
        });
    }
    let url = format!("/api/bieblo/{}/imports", props.library);
    let runs = use_import_runs(url.clone());
    let refresh_url = format!("/api/bieblo/{}/refresh", props.library);
    // What to do with a run's answer: list it, tell the office when it replaced the
    // snapshot, show its report.
    let took = {
        let (outcome, runs, sending) = (outcome.clone(), runs.clone(), sending.clone());
        let on_imported = props.on_imported.clone();
        Callback::from(move |answer: Result<ImportRun, ApiError>| {
            match answer {
                Ok(run) => {
                    runs.add(&run);
                    if !run.report.failed() {
                        on_imported.emit(());
                    }
                    outcome.set(Some(Outcome::Done(run)));
                }
                Err(error) => outcome.set(Some(Outcome::Failed(error))),
            }
            sending.set(false);
        })
    };
    let on_refresh = {
        let (sending, outcome, took) = (sending.clone(), outcome.clone(), took.clone());
        Callback::from(move |()| {
            if *sending {
                return;
            }
            outcome.set(None);
            sending.set(true);
            let (url, took) = (refresh_url.clone(), took.clone());
            spawn_local(async move {
                took.emit(api::post::<_, ImportRun>(&url, &()).await);
            });
        })
    };
    let onsubmit = {
        let (files_ref, sending, outcome, took) = (
            files_ref.clone(),
            sending.clone(),
            outcome.clone(),
            took.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *sending {
                return;
            }
            let files = chosen_files(&files_ref);
            if files.is_empty() {
                outcome.set(Some(Outcome::NotSent(Msg::BiebloStaffNoFiles)));
                return focus_first("#import-files");
            }
            outcome.set(None);
            sending.set(true);
            let (url, sending, outcome, took) =
                (url.clone(), sending.clone(), outcome.clone(), took.clone());
            spawn_local(async move {
                let Some(files) = read_files(files).await else {
                    outcome.set(Some(Outcome::NotSent(Msg::BiebloStaffUnreadable)));
                    return sending.set(false);
                };
                took.emit(api::post::<_, ImportRun>(&url, &ImportUpload { files }).await);
            });
        })
    };
    let result = match &*outcome {
        Some(Outcome::Done(run)) => report_view(&run.report, BOOKS, lang),
        Some(Outcome::NotSent(msg)) => html! { <p class="form-error" role="alert">{ t(*msg) }</p> },
        Some(Outcome::Failed(error)) => {
            html! { <p class="form-error" role="alert">{ error.localized(lang) }</p> }
        }
        None => Html::default(),
    };
    let body = html! {
        <>
            <form class="bo-form" {onsubmit}>
                <div class="field">
                    <label for="import-files">{ t(Msg::BiebloStaffFiles) }</label>
                    <input id="import-files" class="import-files" type="file" multiple=true
                        accept=".xml,.json" ref={files_ref} aria-describedby="import-help" />
                    <p id="import-help" class="field-help">{ t(Msg::BiebloStaffImportHelp) }</p>
                </div>
                <div class="bo-actions">
                    <Button kind="submit" class="import-send" disabled={*sending}>
                        { t(Msg::BiebloStaffImportSend) }
                    </Button>
                </div>
                if *sending { <Loading /> }
            </form>
            <div class="bo-form import-live">
                { match *live {
                    Some(true) => html! {
                        <>
                            <p class="field-help">{ t(Msg::BiebloStaffRefreshHelp) }</p>
                            <div class="bo-actions">
                                <Button class="import-refresh" disabled={*sending}
                                    onclick={on_refresh.reform(|_| ())}>
                                    { t(Msg::BiebloStaffRefresh) }
                                </Button>
                            </div>
                        </>
                    },
                    Some(false) => html! {
                        <p class="field-help import-live-off">{ t(Msg::BiebloStaffRefreshOff) }</p>
                    },
                    None => Html::default(),
                } }
            </div>
            { result }
            { runs.view(lang) }
        </>
    };
    section(super::IMPORT_HEADING, Msg::BiebloStaffImports, lang, body)
}
