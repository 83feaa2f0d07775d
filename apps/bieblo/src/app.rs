//! The root component: one language for the whole app, and the page for the current
//! location.

use suite_domain::i18n::{Lang, Msg};
use suite_ui::{AppShell, ErrorState, LangProvider, Loading, use_mark_ready};
use yew::prelude::*;

use crate::pages::{BiebloStaff, HomePage, KioskPage, LibraryKiosksPage, ListPage};
use crate::route::Route;

#[function_component]
pub(crate) fn App() -> Html {
    let page = match Route::current() {
        Route::Home => html! { <HomePage /> },
        Route::Kiosk { library, branch } => html! { <KioskPage {library} {branch} /> },
        Route::Library { library } => html! { <LibraryKiosksPage {library} /> },
        Route::List {
            library,
            branch,
            book_ids,
        } => html! { <ListPage {library} {branch} {book_ids} /> },
        // The server answers `/bieblo/beheer` with the staff bundle; this bundle only
        // gets here from an old cached page, so it sends the browser there.
        Route::Staff => html! { <ToStaffBundle /> },
        Route::NotFound => html! { <NotFound /> },
    };
    html! { <LangProvider>{ page }</LangProvider> }
}

/// The root of the staff bundle.
#[function_component]
pub(crate) fn StaffApp() -> Html {
    html! { <LangProvider><BiebloStaff /></LangProvider> }
}

#[function_component]
fn ToStaffBundle() -> Html {
    use_effect_with((), |()| {
        if let Some(window) = web_sys::window() {
            // A full load, so the server hands out the staff bundle.
            let _ = window.location().reload();
        }
    });
    html! { <Loading /> }
}

#[function_component]
fn NotFound() -> Html {
    use_mark_ready(true);
    html! {
        <AppShell title={Msg::AppBiebloName}>
            <ErrorState message={Msg::ErrNotFound} />
            <p class="app-frame__link"><a href="./">{ Msg::AppBiebloName.text(Lang::Nl) }</a></p>
        </AppShell>
    }
}
