//! `StaffPage`: the one shape of every back-office page: the suite's shell with the
//! app's name, the live API check, the staff panel (login and identity) and, once
//! someone is logged in, the back-office the app renders for that person; under it a
//! link to the app's public page.

use suite_domain::api::SessionInfo;
use suite_domain::i18n::Msg;
use yew::prelude::*;

use crate::app_frame::FrameLink;
use crate::app_shell::AppShell;
use crate::health_check::HealthCheck;
use crate::ready::use_mark_ready;
use crate::staff_panel::StaffPanel;

#[derive(Properties, PartialEq)]
pub struct StaffPageProps {
    /// The app's name, the page's `h1`.
    pub title: Msg,
    /// A lead paragraph under the title.
    #[prop_or_default]
    pub description: Option<Msg>,
    /// The app's public page, linked under the panel: its address and its name.
    #[prop_or_default]
    pub public_page: Option<(AttrValue, Msg)>,
    /// Whether the page shows the live API check.
    #[prop_or(true)]
    pub health_check: bool,
    /// Whether the panel links to the service's back-office (not on that one itself).
    #[prop_or(true)]
    pub account_link: bool,
    /// The back-office of the person logged in. Give its root a `key` from the session
    /// (the e-mail address), so another person's login starts it afresh.
    pub office: Callback<SessionInfo, Html>,
}

#[function_component]
pub fn StaffPage(props: &StaffPageProps) -> Html {
    use_mark_ready(true);
    let session = use_state(|| None::<SessionInfo>);
    let on_session = {
        let session = session.clone();
        Callback::from(move |next: Option<SessionInfo>| session.set(next))
    };
    html! {
        <AppShell title={props.title} description={props.description}>
            if props.health_check {
                <HealthCheck />
            }
            <StaffPanel {on_session} account_link={props.account_link}>
                if let Some(session) = &*session {
                    { props.office.emit(session.clone()) }
                }
            </StaffPanel>
            if let Some((href, name)) = &props.public_page {
                <FrameLink href={href.clone()} text={*name} />
            }
        </AppShell>
    }
}
