//! The page: the suite's shell, the live API check and the staff panel (login and
//! identity); once someone is logged in, the back-office their role may see.

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
        <AppShell title={Msg::AppEReaderName}>
            <HealthCheck />
            <StaffPanel {on_session}>
                if let Some(session) = &*session {
                    <BackOffice key={session.email.clone()} admin={session.role.is_admin()} />
                }
            </StaffPanel>
            <ToPublicApp />
        </AppShell>
    }
}

/// The link to the members' app, in the page's language.
#[function_component]
fn ToPublicApp() -> Html {
    let t = use_t();
    html! {
        <p class="app-frame__link"><a href="/e-reader/">{ t(Msg::AppEReaderName) }</a></p>
    }
}
