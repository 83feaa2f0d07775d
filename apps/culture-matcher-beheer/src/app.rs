//! The page: the suite's staff page (shell, live API check, login and identity); once
//! someone is logged in, the back-office for that person's centre.

use suite_domain::api::SessionInfo;
use suite_domain::i18n::Msg;
use suite_ui::StaffPage;
use yew::prelude::*;

use crate::back_office::BackOffice;

#[function_component]
pub(crate) fn StaffApp() -> Html {
    let office = Callback::from(|session: SessionInfo| {
        html! { <BackOffice key={session.email.clone()} role={session.role} /> }
    });
    html! {
        <StaffPage title={Msg::AppCultureMatcherName}
            public_page={(AttrValue::from("/culture-matcher/"), Msg::AppCultureMatcherName)}
            {office} />
    }
}
