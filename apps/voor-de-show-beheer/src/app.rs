//! The page: the suite's shell, the live API check and the staff panel (login and
//! identity); once someone is logged in, the back-office of their organisation.

use suite_domain::api::SessionInfo;
use suite_domain::i18n::Msg;
use suite_ui::{AppShell, HealthCheck, StaffPanel, use_mark_ready, use_t};
use yew::prelude::*;

use crate::office::BackOffice;

#[function_component]
pub(crate) fn StaffApp() -> Html {
    use_mark_ready(true);
    let session = use_state(|| None::<SessionInfo>);
    let on_session = {
        let session = session.clone();
        Callback::from(move |next: Option<SessionInfo>| session.set(next))
    };
    html! {
        <AppShell title={Msg::AppVoorDeShowName}>
            <HealthCheck />
            <StaffPanel {on_session}>
                if let Some(session) = &*session {
                    <BackOffice key={session.email.clone()} role={session.role.clone()} />
                }
            </StaffPanel>
            <ToGame />
        </AppShell>
    }
}

/// The link to the game, in the page's language.
#[function_component]
fn ToGame() -> Html {
    let t = use_t();
    html! {
        <p class="app-frame__link"><a href="/voor-de-show/">{ t(Msg::AppVoorDeShowName) }</a></p>
    }
}
