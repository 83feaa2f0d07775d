//! `/culture-matcher/` without a centre: the centres that have a programme online, the
//! live API check and the way to the staff login.

use suite_domain::culture::programme::CentreSummary;
use suite_domain::i18n::Msg;
use suite_ui::{AppShell, EmptyState, ErrorState, HealthCheck, Loading, use_mark_ready, use_t};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::nav::Link;
use crate::route::{Page, Route};
use suite_ui::json;

#[derive(Clone, PartialEq)]
enum Centres {
    Loading,
    Loaded(Vec<CentreSummary>),
    Failed,
}

/// `GET /api/culture/centres`, read with `JSON.parse` (`suite_ui::json`).
async fn centres() -> Option<Vec<CentreSummary>> {
    let list = json::fetch("/api/culture/centres").await?;
    if !js_sys::Array::is_array(&list) {
        return None;
    }
    Some(
        js_sys::Array::from(&list)
            .iter()
            .filter_map(|c| {
                Some(CentreSummary {
                    id: json::string(&c, "id")?,
                    name: json::string(&c, "name")?,
                })
            })
            .collect(),
    )
}

#[function_component]
pub(crate) fn ChooseCentrePage() -> Html {
    let t = use_t();
    let centres = use_state(|| Centres::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let centres = centres.clone();
        use_effect_with(*attempt, move |_| {
            centres.set(Centres::Loading);
            spawn_local(async move {
                centres.set(match self::centres().await {
                    Some(list) => Centres::Loaded(list),
                    None => Centres::Failed,
                });
            });
        });
    }
    use_mark_ready(*centres != Centres::Loading);
    let body = match &*centres {
        Centres::Loading => html! { <Loading /> },
        Centres::Loaded(list) if list.is_empty() => {
            html! { <EmptyState message={Msg::CmNoCentres} /> }
        }
        Centres::Loaded(list) => {
            let items = list.iter().map(|centre| {
                let to = Route::new(Some(&centre.id), Page::Home);
                html! {
                    <li><Link {to} class="cm-centre-link">{ centre.name.clone() }</Link></li>
                }
            });
            html! { <ul class="cm-centre-links">{ for items }</ul> }
        }
        Centres::Failed => {
            let attempt = attempt.clone();
            html! {
                <ErrorState message={Msg::ErrNetwork}
                    on_retry={Callback::from(move |()| attempt.set(*attempt + 1))} />
            }
        }
    };
    html! {
        <AppShell title={Msg::AppCultureMatcherName} description={Some(Msg::AppCultureMatcherDesc)}>
            <section class="cm-centres" aria-labelledby="cm-centres-title">
                <h2 id="cm-centres-title">{ t(Msg::CmChooseCentre) }</h2>
                { body }
            </section>
            <HealthCheck />
            <p class="app-frame__link"><a href={suite_ui::STAFF_SEGMENT}>{ t(Msg::StaffArea) }</a></p>
        </AppShell>
    }
}
