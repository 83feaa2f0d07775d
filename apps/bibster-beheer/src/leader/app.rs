//! The page: the suite's staff page (login and identity); once someone is logged in,
//! the leader's view for that person's library (or the library an admin picks).

use suite_domain::api::SessionInfo;
use suite_domain::i18n::Msg;
use suite_domain::org::{OrgKind, Role};
use suite_ui::{OrgChoice, StaffPage};
use yew::prelude::*;

use super::library::Library;

#[function_component]
pub(crate) fn LeaderApp() -> Html {
    let office = Callback::from(|session: SessionInfo| {
        html! { <LeaderOffice key={session.email.clone()} role={session.role} /> }
    });
    html! {
        <StaffPage title={Msg::BibLeaderTitle} health_check={false} {office} />
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
