//! `/bieblo/beheer`: the staff corner, suite-ui's `StaffPage` (login and identity);
//! once someone is logged in, the Bieblo back-office (kiosk settings, imports,
//! statistics) for that person's library.

use suite_domain::api::SessionInfo;
use suite_domain::i18n::Msg;
use suite_ui::StaffPage;
use yew::prelude::*;

use crate::staff::BackOffice;

#[function_component]
pub(crate) fn BiebloStaff() -> Html {
    let office = Callback::from(|session: SessionInfo| {
        html! { <BackOffice key={session.email.clone()} role={session.role} /> }
    });
    html! {
        <StaffPage title={Msg::AppBiebloName}
            public_page={(AttrValue::from("./"), Msg::AppBiebloName)} {office} />
    }
}
