//! The page: the suite's staff page (shell, live API check, login and identity); once
//! someone is logged in, the back-office their role may see.

use suite_domain::api::SessionInfo;
use suite_domain::i18n::Msg;
use suite_ui::StaffPage;
use yew::prelude::*;

use crate::office::BackOffice;

#[function_component]
pub(crate) fn StaffApp() -> Html {
    let office = Callback::from(|session: SessionInfo| {
        html! { <BackOffice key={session.email.clone()} admin={session.role.is_admin()} /> }
    });
    html! {
        <StaffPage title={Msg::AppEReaderName}
            public_page={(AttrValue::from("/e-reader/"), Msg::AppEReaderName)}
            {office} />
    }
}
