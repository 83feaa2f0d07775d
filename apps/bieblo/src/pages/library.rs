//! `/bieblo/kiosk/<library>`: the address of a library's kiosk from before there was one
//! per branch. With one kiosk on, it opens that kiosk; with several, it lists them to
//! choose from; with none, it says the kiosk is not ready (or Bieblo not active here).

use suite_domain::bieblo::kiosk::KioskSettings;
use suite_domain::i18n::Msg;
use suite_ui::{AppShell, EmptyState, Loading, use_lang, use_mark_ready, use_t};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::kiosk_links::{KioskLink, kiosk_links, load_failed};
use crate::fetch::{FetchError, get_json};
use crate::route::kiosk_href;

#[derive(Properties, PartialEq)]
pub(crate) struct LibraryKiosksPageProps {
    pub(crate) library: AttrValue,
}

#[derive(Debug, Clone, PartialEq)]
enum Kiosks {
    Loading,
    /// The kiosks that are on, of a library that has Bieblo.
    On(Vec<KioskSettings>),
    NotActiveHere,
    Failed(FetchError),
}

/// What the page shows for the library's kiosks.
fn on_kiosks(all: Vec<KioskSettings>) -> Kiosks {
    if !all.is_empty() && all.iter().all(|k| !k.subscribed) {
        return Kiosks::NotActiveHere;
    }
    Kiosks::On(
        all.into_iter()
            .filter(|k| k.active && k.subscribed)
            .collect(),
    )
}

#[function_component]
pub(crate) fn LibraryKiosksPage(props: &LibraryKiosksPageProps) -> Html {
    let (t, lang) = (use_t(), use_lang());
    let kiosks = use_state(|| Kiosks::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let kiosks = kiosks.clone();
        use_effect_with((props.library.clone(), *attempt), move |(library, _)| {
            let url = format!("/api/bieblo/{library}/kiosks");
            kiosks.set(Kiosks::Loading);
            spawn_local(async move {
                let next = match get_json::<Vec<KioskSettings>>(&url).await {
                    Ok((all, _)) => on_kiosks(all),
                    Err(error) => Kiosks::Failed(error),
                };
                // One kiosk on: this address was that kiosk's, so it opens it.
                if let Kiosks::On(on) = &next
                    && let [only] = on.as_slice()
                    && let Some(window) = web_sys::window()
                {
                    let href = kiosk_href(&only.library, &only.branch_id);
                    if window.location().replace(&href).is_ok() {
                        return;
                    }
                }
                kiosks.set(next);
            });
        });
    }
    use_mark_ready(*kiosks != Kiosks::Loading);
    let body = match &*kiosks {
        Kiosks::Loading => html! { <Loading /> },
        Kiosks::On(on) if on.is_empty() => html! {
            <>
                <EmptyState message={Msg::BiebloNotReady} />
                <p>{ t(Msg::BiebloNotReadyHelp) }</p>
            </>
        },
        Kiosks::On(on) => kiosk_links(
            on.iter().map(|k| KioskLink {
                library: &k.library,
                library_name: &k.library_name,
                branch_id: &k.branch_id,
                branch: &k.branch,
            }),
            lang,
        ),
        Kiosks::NotActiveHere => html! {
            <>
                <EmptyState message={Msg::BiebloNotActiveHere} />
                <p>{ t(Msg::BiebloNotActiveHereHelp) }</p>
            </>
        },
        Kiosks::Failed(error) => load_failed(*error, &attempt),
    };
    html! {
        <AppShell title={Msg::AppBiebloName}>
            <section class="kiosks">
                <h2>{ t(Msg::BiebloKiosks) }</h2>
                { body }
            </section>
        </AppShell>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn kiosk(branch: &str, active: bool, subscribed: bool) -> KioskSettings {
        KioskSettings {
            library: "wetteren".into(),
            library_name: "Bib Wetteren".into(),
            branch_id: branch.into(),
            branch: branch.to_uppercase(),
            idle_seconds: 60,
            active,
            lang: suite_domain::i18n::Lang::Nl,
            subscribed,
        }
    }

    #[wasm_bindgen_test]
    fn only_kiosks_that_are_on_are_offered() {
        let on = on_kiosks(vec![kiosk("a", true, true), kiosk("b", false, true)]);
        assert_eq!(on, Kiosks::On(vec![kiosk("a", true, true)]));
        assert_eq!(on_kiosks(vec![]), Kiosks::On(vec![]));
        assert_eq!(
            on_kiosks(vec![kiosk("a", true, false), kiosk("b", false, false)]),
            Kiosks::NotActiveHere
        );
    }
}
