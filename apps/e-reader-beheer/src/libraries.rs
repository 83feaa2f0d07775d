//! The participating libraries (an active `e-reader` subscription, managed in the
//! service's back-office), the inhabitants each serves, and what the population rule
//! gives each title for all of them together.

use suite_domain::ereader::admin::Participants;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{Row, Table, load_failed, section};
use suite_ui::{EmptyState, Loading, use_lang};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::office::LIBRARIES_HEADING;

const LIBRARIES: Table = Table {
    class: "er-bo-libraries",
    caption: Msg::EreaderAdmLibraries,
    caption_hidden: true,
    columns: &[
        Msg::EreaderAdmColLibrary,
        Msg::EreaderAdmColPopulation,
        Msg::EreaderAdmColJoined,
    ],
    numeric: false,
    row_class: None,
};

fn view(p: &Participants, lang: Lang) -> Html {
    if p.libraries.is_empty() {
        return html! { <EmptyState message={Msg::EreaderAdmNoLibraries} /> };
    }
    let mut rows: Vec<Row> = p
        .libraries
        .iter()
        .map(|l| {
            let since = l.joined_at.get(..10).unwrap_or(&l.joined_at).to_string();
            (l.name.clone(), vec![l.population.to_string(), since])
        })
        .collect();
    rows.push((
        Msg::EreaderAdmTogether.text(lang).into(),
        vec![p.population.to_string(), String::new()],
    ));
    let rule = format!(
        "{} {} {} {} {}.",
        Msg::EreaderAdmRulePer.text(lang),
        p.inhabitants_per_licence,
        Msg::EreaderAdmRuleGives.text(lang),
        p.rule_licences,
        Msg::EreaderLicences.text(lang)
    );
    html! {
        <>
            { LIBRARIES.view(rows, lang) }
            <p class="er-bo-rule">{ rule }</p>
        </>
    }
}

#[function_component]
pub(crate) fn LibrariesSection() -> Html {
    let lang = use_lang();
    let load = use_state(|| None::<Result<Participants, ApiError>>);
    let attempt = use_state(|| 0_u32);
    {
        let load = load.clone();
        use_effect_with(*attempt, move |_| {
            spawn_local(async move {
                load.set(Some(
                    api::get::<Participants>("/api/ereader/admin/libraries").await,
                ));
            });
        });
    }
    let body = match &*load {
        None => html! { <Loading /> },
        Some(Err(error)) => load_failed(error, lang, &attempt),
        Some(Ok(p)) => view(p, lang),
    };
    let body = html! {
        <>
            <p class="field-help">{ Msg::EreaderAdmLibrariesHelp.text(lang) }</p>
            { body }
        </>
    };
    section(LIBRARIES_HEADING, Msg::EreaderAdmLibraries, lang, body)
}
