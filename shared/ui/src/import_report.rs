//! What an import gave, as staff read it: the count, the skipped records with their
//! reasons, the warnings (folded away when there are many), and the list of earlier runs.
//! Every back-office with imports shows them so (Bieblo's catalogue, Culture Matcher's
//! programme); each says in its own words what was imported ([`ReportTexts`]). The
//! history is loaded and kept by [`use_import_runs`].

use suite_domain::api::ImportRun;
use suite_domain::i18n::{Lang, Msg};
use suite_domain::import::ImportReport;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::Loading;
use crate::api::{self, ApiError};
use crate::back_office::{Table, load_failed};

/// The records an import left out, and why.
const SKIPPED: Table = Table {
    class: "import-skipped",
    caption: Msg::ImportSkipped,
    caption_hidden: true,
    columns: &[Msg::ImportWhere, Msg::ImportReason],
    numeric: false,
    row_class: None,
};

const RUNS: Table = Table {
    class: "import-runs",
    caption: Msg::ImportRuns,
    caption_hidden: false,
    columns: &[
        Msg::ImportDate,
        Msg::ImportImportedCount,
        Msg::ImportSkipped,
    ],
    numeric: true,
    row_class: Some("import-run"),
};

/// Lists longer than this are folded into a `<details>`.
pub const FOLD_OVER: usize = 8;

/// A run's start as the reader's local date and time; the text as it came when it is
/// not a date.
pub fn run_date(started_at: &str, lang: Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(started_at));
    if date.get_time().is_nan() {
        return started_at.to_owned();
    }
    date.to_locale_string(lang.tag(), &JsValue::UNDEFINED)
        .into()
}

/// `content` under a heading, folded away when `count` is large.
fn foldable(heading: String, count: usize, content: Html) -> Html {
    if count > FOLD_OVER {
        html! { <details><summary>{ heading }</summary>{ content }</details> }
    } else {
        html! { <><h4>{ heading }</h4>{ content }</> }
    }
}

/// What a back-office calls what it imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportTexts {
    /// Before the count ("Boeken ingelezen:").
    pub imported: Msg,
    /// When nothing was imported, and that what was there stays.
    pub nothing: Msg,
}

/// The report of the import just done.
pub fn report_view(report: &ImportReport, texts: ReportTexts, lang: Lang) -> Html {
    let t = |msg: Msg| msg.text(lang);
    let summary = if report.failed() {
        html! { <p class="form-error import-nothing">{ t(texts.nothing) }</p> }
    } else {
        html! { <p class="staff-notice">{ format!("{} {}", t(texts.imported), report.imported) }</p> }
    };
    let skipped = (!report.skipped.is_empty()).then(|| {
        let rows = report.skipped.iter();
        let rows = rows.map(|s| (s.record.clone(), vec![s.reason.clone()]));
        let heading = format!("{} ({})", t(Msg::ImportSkipped), report.skipped.len());
        foldable(
            heading,
            report.skipped.len(),
            SKIPPED.view(rows.collect(), lang),
        )
    });
    let warnings = (!report.warnings.is_empty()).then(|| {
        let items = report.warnings.iter().map(|w| html! { <li>{ w }</li> });
        let heading = format!("{} ({})", t(Msg::ImportWarnings), report.warnings.len());
        let list = html! { <ul class="import-warnings">{ for items }</ul> };
        foldable(heading, report.warnings.len(), list)
    });
    html! {
        <div class="import-report">
            <div role="status">{ summary }</div>
            { skipped }
            { warnings }
        </div>
    }
}

/// The latest runs, newest first.
pub fn runs_table(runs: &[ImportRun], lang: Lang) -> Html {
    let t = |msg: Msg| msg.text(lang);
    if runs.is_empty() {
        return html! { <p class="bo-muted">{ t(Msg::ImportNoRuns) }</p> };
    }
    let rows = runs.iter().map(|run| {
        let counts = [run.report.imported, run.report.skipped.len()];
        (
            run_date(&run.started_at, lang),
            counts.map(|n| n.to_string()).to_vec(),
        )
    });
    RUNS.view(rows.collect(), lang)
}

/// The earlier runs as loaded from the server.
#[derive(Clone, PartialEq)]
pub enum Runs {
    Loading,
    Loaded(Vec<ImportRun>),
    Failed(ApiError),
}

/// The history of imports at `url` (`GET`, newest first), loaded again when `url`
/// changes or after a retry.
#[derive(Clone, PartialEq)]
pub struct ImportRuns {
    runs: UseStateHandle<Runs>,
    attempt: UseStateHandle<u32>,
}

impl ImportRuns {
    /// Puts a run just done at the top.
    pub fn add(&self, run: &ImportRun) {
        if let Runs::Loaded(list) = &*self.runs {
            let list = std::iter::once(run.clone()).chain(list.iter().cloned());
            self.runs.set(Runs::Loaded(list.collect()));
        }
    }

    /// The table of runs, a loading state, or the error with a retry.
    pub fn view(&self, lang: Lang) -> Html {
        match &*self.runs {
            Runs::Loading => html! { <Loading /> },
            Runs::Loaded(list) => runs_table(list, lang),
            Runs::Failed(error) => load_failed(error, lang, &self.attempt),
        }
    }
}

/// Loads the history of imports at `url`.
#[hook]
pub fn use_import_runs(url: String) -> ImportRuns {
    let runs = use_state(|| Runs::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let runs = runs.clone();
        use_effect_with((url, *attempt), move |(url, _)| {
            let url = url.clone();
            runs.set(Runs::Loading);
            yew::platform::spawn_local(async move {
                runs.set(match api::get::<Vec<ImportRun>>(&url).await {
                    Ok(list) => Runs::Loaded(list),
                    Err(error) => Runs::Failed(error),
                });
            });
        });
    }
    ImportRuns { runs, attempt }
}
