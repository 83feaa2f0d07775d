//! `/bieblo/lijst?bib=<library>&v=<branch>&b=<ids>`: a child's list on a phone, from the
//! QR code of the kiosk: the books with where they stand. Nothing is stored.

use suite_domain::bieblo::Snapshot;
use suite_domain::bieblo::kiosk::{KioskSettings, kiosk_api_path};
use suite_domain::i18n::Msg;
use suite_ui::{AppShell, EmptyState, ErrorState, Loading, use_lang, use_mark_ready, use_t};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::book_list;
use crate::fetch::{FetchError, get_json};
use crate::listing::{ListedBook, ids_to_lines};

#[derive(Properties, PartialEq)]
pub(crate) struct ListPageProps {
    pub(crate) library: AttrValue,
    pub(crate) branch: Option<String>,
    pub(crate) book_ids: Vec<String>,
}

#[derive(Clone, PartialEq)]
enum Loaded {
    Loading,
    /// The books, and the library's name and kiosk branch when the kiosk is known.
    List(Vec<ListedBook>, Option<KioskSettings>),
    Failed(Msg),
}

/// The page; rendered inside the app's `LangProvider`.
#[function_component]
pub(crate) fn ListPage(props: &ListPageProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let loaded = use_state(|| Loaded::Loading);
    {
        let loaded = loaded.clone();
        use_effect_with(
            (
                props.library.clone(),
                props.branch.clone(),
                props.book_ids.clone(),
            ),
            move |(library, branch, ids)| {
                let (library, branch, ids) = (library.clone(), branch.clone(), ids.clone());
                spawn_local(async move {
                    // The branch is a nicety: without it each book shows a copy anywhere.
                    let settings = match branch {
                        Some(branch) => {
                            get_json::<KioskSettings>(&kiosk_api_path(&library, &branch))
                                .await
                                .ok()
                                .map(|(settings, _)| settings)
                        }
                        None => None,
                    };
                    let next =
                        match get_json::<Snapshot>(&format!("/data/bieblo/{library}.json")).await {
                            Ok((snapshot, _)) => {
                                let branch = settings.as_ref().map(|s| s.branch.as_str());
                                Loaded::List(ids_to_lines(&snapshot, &ids, branch), settings)
                            }
                            Err(FetchError::Missing) => Loaded::Failed(Msg::ErrNotFound),
                            Err(FetchError::Unreachable) => Loaded::Failed(Msg::ErrNetwork),
                        };
                    loaded.set(next);
                });
            },
        );
    }
    use_mark_ready(*loaded != Loaded::Loading);
    let body = match &*loaded {
        Loaded::Loading => html! { <Loading /> },
        Loaded::List(books, _) if books.is_empty() => {
            html! { <EmptyState message={Msg::BiebloListEmpty} /> }
        }
        Loaded::List(books, settings) => html! {
            <>
                if let Some(settings) = settings {
                    <p class="list-library">{ format!("{} — {}", settings.library_name, settings.branch) }</p>
                }
                { book_list(books, lang) }
            </>
        },
        Loaded::Failed(message) => html! { <ErrorState message={*message} /> },
    };
    html! {
        <AppShell title={Msg::AppBiebloName}>
            <section class="book-list-page">
                <h2>{ t(Msg::BiebloYourList) }</h2>
                { body }
            </section>
        </AppShell>
    }
}
