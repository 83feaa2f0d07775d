//! The root: asks the server who is logged in, keeps the page in the address (`enum
//! Route`, back and forward included), and shows the login or the member's pages.

use suite_domain::i18n::Msg;
use suite_ui::history::{self, use_history_moves};
use suite_ui::{AppShell, HealthCheck, Loading, use_mark_ready, use_t};
use yew::prelude::*;

use crate::net;
use crate::offline::{self, Offline, use_offline};
use crate::pages::{CollectionPage, LoansPage, LoginPage, ReaderPage};
use crate::rules::Route;
use crate::state::{Action, State};

/// Opens `route` as a new entry of the browser's history.
pub(crate) type Navigate = Callback<Route>;

#[function_component]
pub(crate) fn App() -> Html {
    let state = use_reducer(|| State {
        member: None,
        route: Route::from_query(&history::query()),
    });
    // Before the first call: the worker's word on each answer is heard from the start.
    let offline = use_offline();
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |()| {
            // The worker and the tidying below wait until after the first view (a
            // book's first page): it needs neither.
            suite_ui::after_first_view(offline::register);
            yew::platform::spawn_local(async move {
                // A failed check shows the login: it says what is wrong when tried.
                let checked = net::current().await;
                let logged_in = matches!(checked, Ok(Some(_)));
                let nobody = matches!(checked, Ok(None));
                dispatch.dispatch(Action::Checked(checked.unwrap_or(None)));
                // Books of loans that no longer run leave the device at every start;
                // with nobody logged in, everything of a member does.
                suite_ui::after_first_view(move || {
                    yew::platform::spawn_local(async move {
                        if nobody {
                            offline::forget_all().await;
                        } else if logged_in && let Ok(loans) = net::loans().await {
                            let running: Vec<i64> = loans.iter().map(|l| l.id).collect();
                            offline::keep_only(&running).await;
                        }
                    });
                });
            });
        });
    }
    {
        let dispatch = state.dispatcher();
        use_history_moves(Callback::from(move |()| {
            dispatch.dispatch(Action::Moved(Route::from_query(&history::query())));
        }));
    }
    let navigate: Navigate = {
        let dispatch = state.dispatcher();
        Callback::from(move |route: Route| {
            history::push(&history::href(&route.to_query()));
            dispatch.dispatch(Action::Moved(route));
            suite_ui::after_next_paint(|| {
                if let Some(window) = web_sys::window() {
                    window.scroll_to_with_x_and_y(0.0, 0.0);
                }
            });
        })
    };
    let on_logged_in = {
        let dispatch = state.dispatcher();
        Callback::from(move |member| dispatch.dispatch(Action::Checked(Some(member))))
    };
    let on_log_out = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            yew::platform::spawn_local(async move {
                let _ = net::log_out().await;
                offline::forget_all().await;
                dispatch.dispatch(Action::LoggedOut);
            });
        })
    };
    use_mark_ready(state.member.is_some());
    let t = use_t();
    let body = match &state.member {
        None => html! { <Loading /> },
        // Before a member logs in: whether the server answers, and the way to the
        // staff's pages, as on every app's first page.
        Some(None) => html! {
            <>
                <HealthCheck />
                <LoginPage {on_logged_in} />
                <p class="app-frame__link"><a href={suite_ui::STAFF_SEGMENT}>{ t(Msg::StaffArea) }</a></p>
            </>
        },
        Some(Some(_)) => html! {
            <>
                if offline {
                    <p id="er-offline" class="er-offline" role="status">{ t(Msg::EreaderOfflineBanner) }</p>
                }
                <Nav route={state.route} navigate={navigate.clone()} {on_log_out} />
                { match state.route {
                    Route::Collection => html! { <CollectionPage navigate={navigate.clone()} /> },
                    Route::Loans => html! { <LoansPage navigate={navigate.clone()} /> },
                    Route::Reader { loan } => html! { <ReaderPage key={loan} {loan} navigate={navigate.clone()} /> },
                } }
            </>
        },
    };
    html! {
        <AppShell title={Msg::AppEReaderName}>
            <ContextProvider<Offline> context={Offline(offline)}>
                { body }
            </ContextProvider<Offline>>
        </AppShell>
    }
}

#[derive(Properties, PartialEq)]
struct NavProps {
    route: Route,
    navigate: Navigate,
    on_log_out: Callback<MouseEvent>,
}

/// The member's pages as links (a plain click moves without a reload) and the logout.
#[function_component]
fn Nav(props: &NavProps) -> Html {
    let t = use_t();
    let link = |route: Route, label: Msg| {
        let navigate = props.navigate.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            if history::is_plain_click(&event) {
                event.prevent_default();
                navigate.emit(route);
            }
        });
        let current = (props.route == route).then_some("page");
        html! {
            <li><a class="er-nav__link" href={history::href(&route.to_query())}
                   aria-current={current} {onclick}>{ t(label) }</a></li>
        }
    };
    html! {
        <nav class="er-nav" aria-label={t(Msg::EreaderNav)}>
            <ul class="er-nav__list">
                { link(Route::Collection, Msg::EreaderCollection) }
                { link(Route::Loans, Msg::EreaderMyLoans) }
            </ul>
            <button type="button" class="er-button er-button--quiet" id="er-logout"
                    onclick={props.on_log_out.clone()}>{ t(Msg::EreaderLogOut) }</button>
        </nav>
    }
}
