//! "Importeer nu": the programme fetched from the saved source at once (`POST
//! /api/culture/<centre>/programme-source/import`, the same import as the server's
//! schedule), its report, and the earlier runs, scheduled ones included (`GET
//! /api/culture/<centre>/imports`), shown as every back-office shows imports
//! (`suite_ui::import_report`).

use suite_domain::api::ImportRun;
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::import_report::{ReportTexts, report_view, use_import_runs};
use suite_ui::{Button, Loading, use_lang, use_t};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::view::alert;

/// What the report calls what was imported.
const SHOWS: ReportTexts = ReportTexts {
    imported: Msg::CmBoShowsImported,
    nothing: Msg::CmBoNothingImported,
};

/// What the last press gave.
#[derive(Clone, PartialEq)]
enum Outcome {
    Importing,
    Done(ImportRun),
    /// Not sent: no source is saved.
    NoSource,
    Failed(ApiError),
}

#[derive(Properties, PartialEq)]
pub(super) struct ImportNowProps {
    pub(super) centre: AttrValue,
    /// Whether a source is saved (otherwise a press says to save one first).
    pub(super) has_source: bool,
    pub(super) on_imported: Callback<()>,
}

#[function_component]
pub(super) fn ImportNow(props: &ImportNowProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let outcome = use_state(|| None::<Outcome>);
    let runs = use_import_runs(format!("/api/culture/{}/imports", props.centre));
    let onclick = {
        let (outcome, runs) = (outcome.clone(), runs.clone());
        let (has_source, on_imported) = (props.has_source, props.on_imported.clone());
        let url = format!("/api/culture/{}/programme-source/import", props.centre);
        Callback::from(move |_: MouseEvent| {
            if *outcome == Some(Outcome::Importing) {
                return;
            }
            if !has_source {
                return outcome.set(Some(Outcome::NoSource));
            }
            outcome.set(Some(Outcome::Importing));
            let (outcome, runs, on_imported, url) = (
                outcome.clone(),
                runs.clone(),
                on_imported.clone(),
                url.clone(),
            );
            spawn_local(async move {
                match api::post::<_, ImportRun>(&url, &()).await {
                    Ok(run) => {
                        runs.add(&run);
                        if !run.report.failed() {
                            on_imported.emit(());
                        }
                        outcome.set(Some(Outcome::Done(run)));
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
            });
        })
    };
    let importing = *outcome == Some(Outcome::Importing);
    let result = match &*outcome {
        Some(Outcome::Importing) => html! {
            <div role="status" class="cm-source-importing">
                <p>{ t(Msg::CmBoImporting) }</p>
                <Loading />
            </div>
        },
        Some(Outcome::Done(run)) => report_view(&run.report, SHOWS, lang),
        Some(Outcome::NoSource) => alert(
            "cm-source-import-failed",
            t(Msg::CmBoImportNoSource).to_owned(),
        ),
        Some(Outcome::Failed(error)) => alert("cm-source-import-failed", error.localized(lang)),
        None => Html::default(),
    };
    html! {
        <div class="bo-form cm-source-import" aria-busy={importing.to_string()}>
            <p id="cm-source-import-help" class="field-help">{ t(Msg::CmBoImportNowHelp) }</p>
            <div class="bo-actions">
                <Button class="cm-source-import-now" disabled={importing} {onclick}>
                    { t(Msg::CmBoImportNow) }
                </Button>
            </div>
            { result }
            { runs.view(lang) }
        </div>
    }
}
