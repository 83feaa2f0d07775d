//! A centre's school performances: add one (a show of its companies, date, venue,
//! grades), publish it (its first class code), ask one more code per class, and copy
//! each class link (`/voor-de-show/?klas=<code>`) with its last day.

use suite_domain::i18n::{Lang, Msg};
use suite_domain::show::Grade;
use suite_domain::show::api::{NewPerformance, Performance, ShowRecord};
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{load_failed, section};
use suite_ui::{EmptyState, Loading, use_lang};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::companies::{CopyLink, full_url};
use crate::office::PERFORMANCES_HEADING;
use crate::rules::grade_msg;

type Loaded = Option<Result<(Vec<Performance>, Vec<ShowRecord>), ApiError>>;

fn performance_card(p: &Performance, lang: Lang, centre: &str, reload: &Callback<()>) -> Html {
    let act = |suffix: &'static str, msg: Msg| {
        let (path, reload) = (
            format!(
                "/api/voor-de-show/centres/{centre}/performances/{}/{suffix}",
                p.id
            ),
            reload.clone(),
        );
        let onclick = Callback::from(move |_| {
            let (path, reload) = (path.clone(), reload.clone());
            spawn_local(async move {
                if api::post_empty(&path).await.is_ok() {
                    reload.emit(());
                }
            });
        });
        html! { <button type="button" class="button" {onclick}>{ msg.text(lang) }</button> }
    };
    let grades: Vec<&str> = p.grades.iter().map(|g| grade_msg(*g).text(lang)).collect();
    html! {
        <li class="card vds-bo-performance" data-performance={p.id.to_string()}>
            <h5>{ format!("{} · {} · {}", p.show_title, p.date, p.venue) }</h5>
            <p>{ grades.join(", ") }{ " · " }
                { if p.published { Msg::VdsAdminPublished.text(lang) } else { Msg::VdsAdminDraft.text(lang) } }</p>
            if p.published {
                <p>{ Msg::VdsAdminCodes.text(lang) }</p>
                <ul>{ for p.codes.iter().map(|c| html! {
                    <li class="vds-bo-code">
                        <strong>{ c.code.clone() }</strong>{ format!(" ({} {}) ", Msg::VdsAdminColUntil.text(lang), c.expires_on) }
                        <CopyLink link={full_url(&c.link)} id={format!("vds-bo-code-{}", c.code)} />
                    </li>
                }) }</ul>
                { act("codes", Msg::VdsAdminMoreCode) }
            } else {
                { act("publish", Msg::VdsAdminPublish) }
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct PerformancesProps {
    pub(crate) centre: AttrValue,
}

#[function_component]
pub(crate) fn PerformancesSection(props: &PerformancesProps) -> Html {
    let lang = use_lang();
    let load = use_state(|| None as Loaded);
    let attempt = use_state(|| 0_u32);
    let failed = use_state(|| None::<ApiError>);
    let (show, date, venue) = (use_node_ref(), use_node_ref(), use_node_ref());
    let grades = use_state(Vec::<Grade>::new);
    let centre = props.centre.to_string();
    {
        let (load, centre) = (load.clone(), centre.clone());
        use_effect_with(*attempt, move |_| {
            spawn_local(async move {
                let base = format!("/api/voor-de-show/centres/{centre}");
                let performances =
                    api::get::<Vec<Performance>>(&format!("{base}/performances")).await;
                let shows = api::get::<Vec<ShowRecord>>(&format!("{base}/shows")).await;
                load.set(Some(performances.and_then(|p| shows.map(|s| (p, s)))));
            });
        });
    }
    let reload = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let onsubmit = {
        let (show, date, venue, grades, failed, reload, centre) = (
            show.clone(),
            date.clone(),
            venue.clone(),
            grades.clone(),
            failed.clone(),
            reload.clone(),
            centre.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let body = NewPerformance {
                show: show
                    .cast::<HtmlSelectElement>()
                    .and_then(|s| s.value().parse().ok())
                    .unwrap_or(0),
                date: date
                    .cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default(),
                venue: venue
                    .cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default(),
                grades: (*grades).clone(),
            };
            let (failed, reload, path) = (
                failed.clone(),
                reload.clone(),
                format!("/api/voor-de-show/centres/{centre}/performances"),
            );
            spawn_local(async move {
                match api::post::<_, Performance>(&path, &body).await {
                    Ok(_) => {
                        failed.set(None);
                        reload.emit(());
                    }
                    Err(e) => failed.set(Some(e)),
                }
            });
        })
    };
    let error_at = |field: &str, id: &str| -> (Option<&'static str>, Option<String>, Html) {
        match failed
            .as_ref()
            .filter(|e| e.field.as_deref() == Some(field))
        {
            Some(e) => {
                let error_id = format!("{id}-error");
                (
                    Some("true"),
                    Some(error_id.clone()),
                    html! { <p id={error_id} class="field-error">{ e.localized(lang) }</p> },
                )
            }
            None => (None, None, Html::default()),
        }
    };
    let body = match &*load {
        None => html! { <Loading /> },
        Some(Err(e)) => load_failed(e, lang, &attempt),
        Some(Ok((performances, shows))) => {
            let (s_inv, s_desc, s_note) = error_at("show", "vds-bo-show");
            let (d_inv, d_desc, d_note) = error_at("date", "vds-bo-date");
            let (v_inv, v_desc, v_note) = error_at("venue", "vds-bo-venue");
            let (g_inv, g_desc, g_note) = error_at("grades", "vds-bo-grades");
            let boxes = Grade::ALL.iter().map(|g| {
                let (grades, grade) = (grades.clone(), *g);
                let checked = grades.contains(g);
                let onchange = Callback::from(move |_: Event| {
                    let mut next = (*grades).clone();
                    if next.contains(&grade) { next.retain(|x| *x != grade) } else { next.push(grade) }
                    grades.set(next);
                });
                html! { <label><input type="checkbox" id={format!("vds-bo-grade-{}", g.label())} {checked} {onchange} />{ format!(" {}", grade_msg(*g).text(lang)) }</label> }
            });
            html! {
                <>
                    <form class="vds-bo-form" {onsubmit} novalidate={true}>
                        <label for="vds-bo-show">{ Msg::VdsAdminShowLabel.text(lang) }</label>
                        <select id="vds-bo-show" ref={show} aria-invalid={s_inv} aria-describedby={s_desc}>
                            { for shows.iter().map(|s| html! { <option value={s.id.to_string()}>{ format!("{} ({})", s.data.title, s.data.company) }</option> }) }
                        </select>
                        { s_note }
                        <label for="vds-bo-date">{ Msg::VdsAdminDateLabel.text(lang) }</label>
                        <input id="vds-bo-date" type="date" ref={date} aria-invalid={d_inv} aria-describedby={d_desc} />
                        { d_note }
                        <label for="vds-bo-venue">{ Msg::VdsAdminVenueLabel.text(lang) }</label>
                        <input id="vds-bo-venue" type="text" ref={venue} aria-invalid={v_inv} aria-describedby={v_desc} />
                        { v_note }
                        <fieldset id="vds-bo-grades" aria-invalid={g_inv} aria-describedby={g_desc}>
                            <legend>{ Msg::VdsAdminGradesLabel.text(lang) }</legend>
                            { for boxes }
                        </fieldset>
                        { g_note }
                        <button type="submit" class="button button--primary">{ Msg::VdsAdminAddPerformance.text(lang) }</button>
                    </form>
                    if performances.is_empty() {
                        <EmptyState message={Msg::VdsAdminNoPerformances} />
                    } else {
                        <ul class="vds-bo-performances">{ for performances.iter().map(|p| performance_card(p, lang, &centre, &reload)) }</ul>
                    }
                </>
            }
        }
    };
    section(PERFORMANCES_HEADING, Msg::VdsAdminPerformances, lang, body)
}
