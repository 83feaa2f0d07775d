//! `/bieblo/beheer`: the staff corner. suite-ui's `StaffPanel` handles login and identity;
//! once someone is logged in, its children slot holds the Bieblo back-office (kiosk
//! settings, imports, statistics) for that person's library.

use suite_domain::api::SessionInfo;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::{AppShell, HealthCheck, StaffPanel, use_mark_ready};
use yew::prelude::*;

use crate::staff::BackOffice;

#[function_component]
pub(crate) fn StaffPage() -> Html {
    use_mark_ready(true);
    let session = use_state(|| None::<SessionInfo>);
    let on_session = {
        let session = session.clone();
        Callback::from(move |next: Option<SessionInfo>| session.set(next))
    };
    html! {
        <AppShell title={Msg::AppBiebloName}>
            <HealthCheck />
            <StaffPanel {on_session}>
                if let Some(session) = &*session {
                    <BackOffice key={session.email.clone()} role={session.role.clone()} />
                }
            </StaffPanel>
            <p class="app-frame__link"><a href="./">{ Msg::AppBiebloName.text(Lang::Nl) }</a></p>
        </AppShell>
    }
}
