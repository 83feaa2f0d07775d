//! `ShowFacts`: when, where and for how much; in full (on the show's page) also every
//! coming performance, the address, the venue's own notes on getting there by public
//! transport and by bike, and the tariffs.

use suite_domain::culture::programme::{CalendarKind, Show, ShowStatus};
use suite_domain::i18n::Msg;
use suite_ui::{use_lang, use_t};
use yew::prelude::*;

use crate::centre::{ShowRef, use_centre};
use crate::present::{euro, price_text, status_text, when_text, where_text};
use crate::time;

#[derive(Properties, PartialEq)]
pub(crate) struct ShowFactsProps {
    pub(crate) show: ShowRef,
    #[prop_or_default]
    pub(crate) full: bool,
}

/// The coming performances that are not cancelled, at most `max`.
fn coming(show: &Show, now: i64, max: usize) -> Vec<i64> {
    show.calendar
        .occurrences
        .iter()
        .filter(|o| o.status != ShowStatus::Cancelled && o.start.unix >= now)
        .map(|o| o.start.unix)
        .take(max)
        .collect()
}

#[function_component]
pub(crate) fn ShowFacts(props: &ShowFactsProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let Some(centre) = use_centre() else {
        return Html::default();
    };
    let show = &props.show;
    let now = time::now();
    let programme = &centre.programme;
    let venue = programme.venue(&show.venue);
    let dates = coming(show, now, 12);
    let when = if props.full && show.calendar.kind == CalendarKind::Multiple && dates.len() > 1 {
        html! {
            <ul class="cm-dates">
                { for dates.iter().map(|&d| html! { <li>{ time::date_time(d, lang) }</li> }) }
            </ul>
        }
    } else {
        html! { { when_text(show, now, lang) } }
    };
    let status = status_text(show, lang).map(|s| html! { <span class="cm-status">{ s }</span> });
    let address = venue
        .filter(|_| props.full)
        .map(|v| format!("{}, {} {}", v.street, v.postal_code, v.town))
        .filter(|a| a.trim_matches([',', ' ']).len() > 1);
    let reach = venue.filter(|_| props.full).map(|v| {
        let notes = [
            (Msg::CmByTransport, "🚌", v.transport_note.as_deref()),
            (Msg::CmByBike, "🚲", v.bike_note.as_deref()),
        ];
        html! {
            { for notes.into_iter().filter_map(|(label, icon, note)| {
                let note = note.map(str::trim).filter(|n| !n.is_empty())?;
                Some(html! {
                    <>
                        <dt><span aria-hidden="true">{ icon }{ " " }</span>{ t(label) }</dt>
                        <dd>{ note.to_string() }</dd>
                    </>
                })
            }) }
        }
    });
    let tariffs = show
        .price
        .as_ref()
        .filter(|p| props.full && !p.tariffs.is_empty())
        .map(|p| {
            html! {
                <ul class="cm-tariffs">
                    { for p.tariffs.iter().map(|tariff| html! {
                        <li>{ format!("{}: {}", tariff.name.get(lang), euro(tariff.cents, lang)) }</li>
                    }) }
                </ul>
            }
        });
    let genre = show
        .genre
        .as_ref()
        .filter(|_| props.full)
        .map(|g| g.label.clone());
    html! {
        <dl class="cm-facts">
            <dt>{ t(Msg::CmWhen) }</dt>
            <dd>{ when }{ status }</dd>
            <dt>{ t(Msg::CmWhere) }</dt>
            <dd>
                { where_text(programme, show, lang) }
                if let Some(address) = address {
                    <br /><span class="cm-address">{ address }</span>
                }
            </dd>
            { reach }
            <dt>{ t(Msg::CmPrice) }</dt>
            <dd>{ price_text(show.price.as_ref(), lang) }{ tariffs }</dd>
            if let Some(genre) = genre {
                <dt>{ t(Msg::CmGenre) }</dt>
                <dd>{ genre }</dd>
            }
        </dl>
    }
}
