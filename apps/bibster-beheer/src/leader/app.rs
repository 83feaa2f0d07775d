//! The page: the suite's shell and the staff panel; once someone is logged in, the
//! leader's view for that person's library (or the library an admin picks).

use suite_domain::api::SessionInfo;
use suite_domain::i18n::Msg;
use suite_domain::org::{OrgKind, Role};
use suite_ui::{AppShell, OrgChoice, StaffPanel, use_mark_ready};
use yew::prelude::*;

use super::library::Library;

#[function_component]
pub(crate) fn LeaderApp() -> Html {
    use_mark_ready(true);
    let session = use_state(|| None::<SessionInfo>);
    let on_session = {
        let session = session.clone();
        Callback::from(move |next: Option<SessionInfo>| session.set(next))
    };
    html! {
        <AppShell title={Msg::BibLeaderTitle}>
            <StaffPanel {on_session}>
                if let Some(session) = &*session {
                    <LeaderOffice key={session.email.clone()} role={session.role.clone()} />
                }
            </StaffPanel>
        </AppShell>
    }
}

#[derive(Properties, PartialEq)]
struct LeaderOfficeProps {
    role: Role,
}

/// The library whose games are played: the staff member's own, or an admin's choice.
#[function_component]
fn LeaderOffice(props: &LeaderOfficeProps) -> Html {
    let office = Callback::from(|library: AttrValue| {
        let key = library.to_string();
        html! { <Library {key} {library} /> }
    });
    html! {
        <OrgChoice role={props.role.clone()} kind={OrgKind::Library} select_id="bl-library"
            label={Msg::BibLeadLibrary} none_found={Msg::BibLeadNoLibraries}
            other_kind={Msg::BibLeadOnlyLibraries} {office} />
    }
}
