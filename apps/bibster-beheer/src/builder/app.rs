//! The page: the suite's shell and the staff panel (login and identity); once someone
//! is logged in, the builder for that person's library (or the library an admin picks).

use suite_domain::api::SessionInfo;
use suite_domain::i18n::Msg;
use suite_domain::org::OrgKind;
use suite_ui::{AppShell, OrgChoice, StaffPanel, use_mark_ready};
use yew::prelude::*;

use super::office::LibraryOffice;

#[function_component]
pub(crate) fn BuilderApp() -> Html {
    use_mark_ready(true);
    let session = use_state(|| None::<SessionInfo>);
    let on_session = {
        let session = session.clone();
        Callback::from(move |next: Option<SessionInfo>| session.set(next))
    };
    let office = Callback::from(|library: AttrValue| {
        html! { <LibraryOffice key={library.to_string()} library={library.clone()} /> }
    });
    html! {
        <AppShell title={Msg::AppBibsterName} description={Msg::BibBuilderTitle}>
            <StaffPanel {on_session}>
                if let Some(session) = &*session {
                    <OrgChoice key={session.email.clone()} role={session.role.clone()}
                        kind={OrgKind::Library} select_id="bb-library"
                        label={Msg::BibBuildLibrary} none_found={Msg::BibBuildNoLibraries}
                        other_kind={Msg::BibBuildOnlyLibraries} {office} />
                }
            </StaffPanel>
        </AppShell>
    }
}
