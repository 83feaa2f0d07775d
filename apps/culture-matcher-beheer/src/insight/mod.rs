//! "Inzicht": per show how often it was shown in the swipe, hearted, crossed, suggested,
//! saved, shared and its ticket link opened, how many went and did not go (as they said
//! in the after-show chat), and the chat's summary (count,
//! mean rating, similar yes/no, the own words), from the anonymous counts
//! (`GET /api/culture/<centre>/insight`); a chart of hearts and crosses, the same
//! numbers in a table, and the CSV download.

pub(crate) mod chart;
pub(crate) mod over_time;

use suite_domain::culture::insight::ShowInsight;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::api::{self, ApiError};
use suite_ui::{Button, ButtonVariant, EmptyState, Loading, use_lang, use_t};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::back_office::INSIGHT_HEADING;
use crate::view::{load_failed, section};
use chart::{chart, charted};
use over_time::{OverTime, PeriodChoice};

/// The table's columns after the show.
pub(crate) const COLUMNS: [Msg; 13] = [
    Msg::CmBoShown,
    Msg::CmBoHearts,
    Msg::CmBoCrosses,
    Msg::CmBoSuggested,
    Msg::CmBoSavedCount,
    Msg::CmBoShared,
    Msg::CmBoTickets,
    Msg::CmBoWent,
    Msg::CmBoNotGone,
    Msg::CmBoFeedback,
    Msg::CmBoRating,
    Msg::CmBoSimilarYes,
    Msg::CmBoSimilarNo,
];

/// Whether anything was counted for the show.
pub(crate) fn has_counts(row: &ShowInsight) -> bool {
    [
        row.shown,
        row.hearts,
        row.crosses,
        row.suggested,
        row.saved,
        row.shared,
        row.tickets,
        row.went,
        row.not_gone,
        row.feedback_count,
    ]
    .iter()
    .any(|&n| n > 0)
        || !row.words.is_empty()
}

/// A mean rating with one decimal (a comma in Dutch); a dash without feedback.
pub(crate) fn rating_text(mean: Option<f32>, lang: Lang) -> String {
    match mean {
        None => "–".to_owned(),
        Some(mean) => {
            let text = format!("{mean:.1}");
            match lang {
                Lang::Nl => text.replace('.', ","),
                Lang::En => text,
            }
        }
    }
}

/// The table's cells after the show's title, in [`COLUMNS`] order.
pub(crate) fn cells(row: &ShowInsight, lang: Lang) -> Vec<String> {
    let mut cells: Vec<String> = [
        row.shown,
        row.hearts,
        row.crosses,
        row.suggested,
        row.saved,
        row.shared,
        row.tickets,
        row.went,
        row.not_gone,
        row.feedback_count,
    ]
    .iter()
    .map(u32::to_string)
    .collect();
    cells.push(rating_text(row.rating_mean, lang));
    cells.push(row.similar_yes.to_string());
    cells.push(row.similar_no.to_string());
    cells
}

#[derive(Clone, PartialEq)]
enum Insight {
    Loading,
    Loaded(Vec<ShowInsight>),
    Failed(ApiError),
}

#[derive(Properties, PartialEq)]
pub(crate) struct InsightSectionProps {
    pub(crate) centre: AttrValue,
    /// Bumped when a show changed: read the insight again.
    pub(crate) version: u32,
}

#[function_component]
pub(crate) fn InsightSection(props: &InsightSectionProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let insight = use_state(|| Insight::Loading);
    let attempt = use_state(|| 0_u32);
    // The period's query (`?from=..&to=..`); empty: all time for the table, the last
    // 31 days for the counts per day.
    let period = use_state(String::new);
    {
        let insight = insight.clone();
        let url = format!("/api/culture/{}/insight{}", props.centre, *period);
        use_effect_with((url, props.version, *attempt), move |(url, _, _)| {
            let url = url.clone();
            insight.set(Insight::Loading);
            spawn_local(async move {
                insight.set(match api::get::<Vec<ShowInsight>>(&url).await {
                    Ok(rows) => Insight::Loaded(rows),
                    Err(error) => Insight::Failed(error),
                });
            });
        });
    }
    let on_refresh = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };
    // Removing one answer's own words (spam, a name): then the insight is read again.
    let removed = use_state(|| None::<String>);
    let on_delete_words = {
        let (attempt, removed, centre) = (attempt.clone(), removed.clone(), props.centre.clone());
        Callback::from(move |(show, words): (String, String)| {
            let (attempt, removed) = (attempt.clone(), removed.clone());
            let url = format!(
                "/api/culture/{centre}/insight/words?show={}&words={}",
                suite_ui::url::encode(&show),
                suite_ui::url::encode(&words)
            );
            spawn_local(async move {
                match api::delete(&url).await {
                    Ok(()) => removed.set(Some(Msg::CmBoWordsDeleted.text(lang).to_owned())),
                    Err(error) => removed.set(Some(error.localized(lang))),
                }
                attempt.set(*attempt + 1);
            });
        })
    };
    let status = crate::view::status("cm-bo-words-status", (*removed).clone());
    let refresh = html! {
        <div class="bo-actions">
            <Button class="cm-bo-refresh" variant={ButtonVariant::Secondary} onclick={on_refresh}>
                { t(Msg::CmBoRefresh) }
            </Button>
        </div>
    };
    let on_choose = {
        let period = period.clone();
        Callback::from(move |query: String| period.set(query))
    };
    let choice = html! {
        <>
            <PeriodChoice query={AttrValue::from((*period).clone())} {on_choose} />
            <OverTime centre={props.centre.clone()} query={AttrValue::from((*period).clone())}
                version={props.version.wrapping_add(*attempt)} />
        </>
    };
    let body = match &*insight {
        Insight::Loading => html! { <Loading /> },
        Insight::Failed(error) => load_failed(error, lang, &attempt),
        Insight::Loaded(rows) if !rows.iter().any(has_counts) => html! {
            <>
                <EmptyState message={Msg::CmBoNoInsight} />
                { refresh }
            </>
        },
        Insight::Loaded(rows) => {
            let counted: Vec<&ShowInsight> = rows.iter().filter(|r| has_counts(r)).collect();
            let plotted = charted(rows);
            let columns = COLUMNS
                .iter()
                .map(|c| html! { <th scope="col" class="bo-num">{ t(*c) }</th> });
            let body_rows = counted.iter().map(|row| {
                let cells = cells(row, lang)
                    .into_iter()
                    .map(|cell| html! { <td class="bo-num">{ cell }</td> });
                html! {
                    <tr data-show-id={row.show.clone()}>
                        <th scope="row">{ row.title.clone() }</th>
                        { for cells }
                    </tr>
                }
            });
            let words = counted.iter().filter(|r| !r.words.is_empty()).map(|row| {
                let items = row.words.iter().map(|w| {
                    let onclick = {
                        let (delete, show, words) = (on_delete_words.clone(), row.show.clone(), w.clone());
                        Callback::from(move |_: MouseEvent| delete.emit((show.clone(), words.clone())))
                    };
                    html! {
                        <li>
                            <span class="cm-bo-words-text">{ w.clone() }</span>
                            { " " }
                            <Button class="cm-bo-words-delete" variant={ButtonVariant::Danger} {onclick}>
                                { t(Msg::CmBoWordsDelete) }
                            </Button>
                        </li>
                    }
                });
                html! {
                    <section class="cm-bo-words" data-show-id={row.show.clone()}>
                        <h5>{ row.title.clone() }</h5>
                        <ul>{ for items }</ul>
                    </section>
                }
            });
            html! {
                <>
                    <p class="field-help">{ t(Msg::CmBoInsightHelp) }</p>
                    { refresh }
                    if !plotted.is_empty() {
                        <h4>{ t(Msg::CmBoChartTitle) }</h4>
                        { chart(&plotted, lang) }
                    }
                    <div class="cm-bo-scroll" tabindex="0" role="region" aria-labelledby="cm-bo-counts-caption">
                        <table class="bo-table cm-bo-insight">
                            <caption id="cm-bo-counts-caption">{ t(Msg::CmBoCounts) }</caption>
                            <thead><tr><th scope="col">{ t(Msg::CmBoShow) }</th>{ for columns }</tr></thead>
                            <tbody>{ for body_rows }</tbody>
                        </table>
                    </div>
                    if counted.iter().any(|r| !r.words.is_empty()) {
                        <h4>{ t(Msg::CmBoWords) }</h4>
                        { for words }
                    }
                    { status }
                    <p class="bo-download">
                        <a class="cm-bo-csv" href={format!("/api/culture/{}/insight.csv{}", props.centre, *period)} download="">
                            { t(Msg::CmBoCsv) }
                        </a>
                    </p>
                </>
            }
        }
    };
    // The period and the counts per day stay while the table loads again.
    let body = html! { <>{ choice }{ body }</> };
    section(INSIGHT_HEADING, Msg::CmBoInsight, lang, body)
}
