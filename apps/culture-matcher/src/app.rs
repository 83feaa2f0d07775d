//! The root: one language and one route for the whole app; the centre's programme and
//! what the browser keeps for it; the page for the current route inside the shell, with
//! the app's menu. Generic over the [`Bundle`], so each bundle links only its own pages.

use suite_domain::i18n::Msg;
use suite_ui::{AppShell, EmptyState, ErrorState, LangProvider, Loading, use_mark_ready, use_t};
use yew::prelude::*;

use crate::centre::{Centre, KeptState};
use crate::data::{Load, use_programme};
use crate::nav::{BundleKind, Link, NavProvider, use_nav};
use crate::pages::{ChooseCentrePage, ProgrammePage, SavedPage, ShowPage, SwipePage};
use crate::route::{BASE, Page, Route};
use crate::store::Kept;

/// One of the app's bundles: which pages it shows and with what.
pub(crate) trait Bundle: 'static {
    const KIND: BundleKind;
    /// The page for a route with a centre, for a page this bundle shows.
    fn page(page: &Page) -> Html;
    /// What a page of this bundle shows before a centre is chosen.
    fn without_centre() -> Html;
}

/// `/culture-matcher/`: choosing a centre, the swipe and a show's page.
pub(crate) struct MainBundle;

impl Bundle for MainBundle {
    const KIND: BundleKind = BundleKind::Main;

    fn page(page: &Page) -> Html {
        match page {
            Page::Show { id } => html! { <ShowPage id={AttrValue::from(id.clone())} /> },
            _ => html! { <SwipePage /> },
        }
    }

    fn without_centre() -> Html {
        html! { <ChooseCentrePage /> }
    }
}

/// `/culture-matcher/programma`: the whole programme with its filters.
pub(crate) struct ProgrammeBundle;

impl Bundle for ProgrammeBundle {
    const KIND: BundleKind = BundleKind::Programme;

    fn page(page: &Page) -> Html {
        let filter_query = match page {
            Page::Programme { filter_query } => filter_query.clone(),
            _ => String::new(),
        };
        html! { <ProgrammePage filter_query={AttrValue::from(filter_query)} /> }
    }

    /// The centres are chosen on the main bundle's start page.
    fn without_centre() -> Html {
        html! { <OtherBundle href={AttrValue::from(BASE)} /> }
    }
}

/// `/culture-matcher/bewaard`: the saved shows and the after-show chats.
pub(crate) struct SavedBundle;

impl Bundle for SavedBundle {
    const KIND: BundleKind = BundleKind::Saved;

    fn page(_: &Page) -> Html {
        html! { <SavedPage /> }
    }

    /// The centres are chosen on the main bundle's start page.
    fn without_centre() -> Html {
        html! { <OtherBundle href={AttrValue::from(BASE)} /> }
    }
}

#[function_component]
pub(crate) fn App<B: Bundle>() -> Html {
    html! {
        <LangProvider>
            <NavProvider bundle={B::KIND}>
                <Pages<B> />
            </NavProvider>
        </LangProvider>
    }
}

#[function_component]
fn Pages<B: Bundle>() -> Html {
    let nav = use_nav();
    let route = nav.route;
    match (&route.page, route.centre.clone()) {
        // The server answers another bundle's pages (`/culture-matcher/beheer`, `.../bewaard`)
        // with that bundle; this one only gets here by the back button or an old cached
        // page, so it asks the server again.
        (page, _) if !B::KIND.shows(page) => {
            html! { <OtherBundle href={AttrValue::from(route.href())} /> }
        }
        (Page::NotFound, _) => html! { <NotFound /> },
        // Without a centre, every page first asks which one.
        (_, None) => B::without_centre(),
        (page, Some(centre)) => html! {
            <CentreApp<B> key={centre.clone()} centre={AttrValue::from(centre.clone())} page={page.clone()} />
        },
    }
}

#[derive(Properties, PartialEq)]
struct CentreAppProps {
    centre: AttrValue,
    page: Page,
}

/// Everything about one centre: its programme loaded once for every page.
#[function_component]
fn CentreApp<B: Bundle>(props: &CentreAppProps) -> Html {
    let t = use_t();
    let (load, retry) = use_programme(Some(props.centre.to_string()));
    let kept = {
        let centre = props.centre.to_string();
        use_reducer(move || KeptState {
            kept: Kept::read(&centre),
            centre,
        })
    };
    let unusable = matches!(load, Load::Missing | Load::NotActive | Load::Failed);
    let context = match &load {
        Load::Ready(programme) => Some(AttrValue::from(programme.centre_name.clone())),
        _ => None,
    };
    use_mark_ready(unusable);
    let body = match load {
        Load::Loading => html! { <Loading /> },
        Load::Missing => html! { <EmptyState message={Msg::CmNoProgramme} /> },
        Load::NotActive => html! {
            <section class="cm-not-active" role="status">
                <h2>{ t(Msg::CmNotActiveHere) }</h2>
                <p>{ t(Msg::CmNotActiveHereHelp) }</p>
            </section>
        },
        Load::Failed => html! { <ErrorState message={Msg::ErrNetwork} on_retry={retry} /> },
        Load::Ready(programme) => {
            let centre = Centre {
                id: props.centre.clone(),
                programme,
                kept,
            };
            let page = B::page(&props.page);
            html! {
                <ContextProvider<Centre> context={centre.clone()}>
                    <Menu />
                    { page }
                </ContextProvider<Centre>>
            }
        }
    };
    html! {
        <AppShell title={Msg::AppCultureMatcherName} {context}>
            { body }
        </AppShell>
    }
}

/// The app's three places: swipe, the whole programme, saved shows.
#[function_component]
fn Menu() -> Html {
    let t = use_t();
    let nav = use_nav();
    let centre = nav.route.centre.as_deref();
    let saved = crate::centre::use_centre().map_or(0, |c| c.kept.kept.saved.len());
    let items = [
        (Page::Home, Msg::CmNavSwipe, "♥"),
        (
            Page::Programme {
                filter_query: String::new(),
            },
            Msg::CmNavProgramme,
            "☰",
        ),
        (Page::Saved, Msg::CmNavSaved, "★"),
    ];
    let links = items.into_iter().map(|(page, label, icon)| {
        let current = std::mem::discriminant(&page) == std::mem::discriminant(&nav.route.page);
        let count = (page == Page::Saved && saved > 0).then(|| {
            html! { <span class="cm-menu__count">{ saved.to_string() }</span> }
        });
        html! {
            <li>
                <Link to={Route::new(centre, page)} class="cm-menu__link" {current}>
                    <span class="cm-menu__icon" aria-hidden="true">{ icon }</span>
                    { t(label) }
                    { count }
                </Link>
            </li>
        }
    });
    html! {
        <nav class="cm-menu" aria-label={t(Msg::CmMenu)}>
            <ul class="cm-menu__list">{ for links }</ul>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
struct OtherBundleProps {
    href: AttrValue,
}

/// A page of another bundle: loads `href` in place of this page (a full load, so the
/// server hands out that bundle).
#[function_component]
fn OtherBundle(props: &OtherBundleProps) -> Html {
    use_effect_with(props.href.clone(), |href| crate::nav::load(href, true));
    html! { <Loading /> }
}

#[function_component]
fn NotFound() -> Html {
    use_mark_ready(true);
    let t = use_t();
    html! {
        <AppShell title={Msg::AppCultureMatcherName}>
            <ErrorState message={Msg::ErrNotFound} />
            <p class="app-frame__link">
                <Link to={Route::new(None, Page::Home)}>{ t(Msg::AppCultureMatcherName) }</Link>
            </p>
        </AppShell>
    }
}
