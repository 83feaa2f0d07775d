//! `/bieblo/`: the start page for adults: what Bieblo is, the live API check, the active
//! kiosks to start, and the way to the staff corner.

use suite_domain::bieblo::kiosk::KioskSummary;
use suite_domain::i18n::Msg;
use suite_ui::{AppShell, EmptyState, HealthCheck, Loading, use_lang, use_mark_ready, use_t};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::kiosk_links::{KioskLink, kiosk_links, load_failed};
use crate::fetch::{FetchError, get_json};

#[derive(Clone, PartialEq)]
enum Kiosks {
    Loading,
    Loaded(Vec<KioskSummary>),
    Failed(FetchError),
}

/// The page; the active kiosks are each a link that starts it. Rendered inside the app's
/// `LangProvider`, so the texts follow the language switch of the shell.
#[function_component]
pub(crate) fn HomePage() -> Html {
    let (t, lang) = (use_t(), use_lang());
    let kiosks = use_state(|| Kiosks::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let kiosks = kiosks.clone();
        use_effect_with(*attempt, move |_| {
            kiosks.set(Kiosks::Loading);
            spawn_local(async move {
                kiosks.set(
                    match get_json::<Vec<KioskSummary>>("/api/bieblo/kiosks").await {
                        Ok((list, _)) => Kiosks::Loaded(list),
                        // No kiosk service (yet): the same as no active kiosk.
                        Err(FetchError::Missing) => Kiosks::Loaded(Vec::new()),
                        Err(error) => Kiosks::Failed(error),
                    },
                );
            });
        });
    }
    use_mark_ready(*kiosks != Kiosks::Loading);
    let body = match &*kiosks {
        Kiosks::Loading => html! { <Loading /> },
        Kiosks::Loaded(list) if list.is_empty() => {
            html! { <EmptyState message={Msg::BiebloNoKiosks} /> }
        }
        Kiosks::Loaded(list) => kiosk_links(
            list.iter().map(|k| KioskLink {
                library: &k.library,
                library_name: &k.library_name,
                branch_id: &k.branch_id,
                branch: &k.branch,
            }),
            lang,
        ),
        Kiosks::Failed(error) => load_failed(*error, &attempt),
    };
    html! {
        <AppShell title={Msg::AppBiebloName} description={Some(Msg::AppBiebloDesc)}>
            <HealthCheck />
            <section class="kiosks">
                <h2>{ t(Msg::BiebloKiosks) }</h2>
                { body }
            </section>
            <p class="app-frame__link"><a href={suite_ui::STAFF_SEGMENT}>{ t(Msg::StaffArea) }</a></p>
        </AppShell>
    }
}
