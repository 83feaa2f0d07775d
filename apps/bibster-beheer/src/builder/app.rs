//! The page: the suite's staff page (login and identity); once someone is logged in,
//! the builder for that person's library (or the library an admin picks).

use suite_domain::api::SessionInfo;
use suite_domain::i18n::Msg;
use suite_domain::org::OrgKind;
use suite_ui::{OrgChoice, StaffPage};
use yew::prelude::*;

use super::office::LibraryOffice;

#[function_component]
pub(crate) fn BuilderApp() -> Html {
    let library_office = Callback::from(|library: AttrValue| {
        html! { <LibraryOffice key={library.to_string()} library={library.clone()} /> }
    });
    let office = Callback::from(move |session: SessionInfo| {
        html! {
            <OrgChoice key={session.email.clone()} role={session.role}
                kind={OrgKind::Library} select_id="bb-library"
                label={Msg::BibBuildLibrary} none_found={Msg::BibBuildNoLibraries}
                other_kind={Msg::BibBuildOnlyLibraries} office={library_office.clone()} />
        }
    });
    html! {
        <StaffPage title={Msg::AppBibsterName} description={Msg::BibBuilderTitle}
            health_check={false} {office} />
    }
}
