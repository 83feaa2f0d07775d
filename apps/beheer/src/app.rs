//! The page: the suite's shell with, at `/beheer/uitnodiging`, the page where an invited
//! person sets their password, and otherwise the staff panel (login and identity) with
//! the back-office of whoever is logged in.

use suite_domain::api::SessionInfo;
use suite_domain::i18n::Msg;
use suite_domain::org::Role;
use suite_ui::{AppShell, StaffPage, use_mark_ready};
use yew::prelude::*;

use crate::account::AccountSection;
use crate::audit::AuditSection;
use crate::figures::FiguresSection;
use crate::invitation::InvitationPage;
use crate::org_office::OrgOffice;
use crate::orgs::OrgsSection;

/// Whether this page is the invitation page (`/beheer/uitnodiging`).
fn is_invitation_page() -> bool {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .is_some_and(|path| path.trim_end_matches('/').ends_with("/uitnodiging"))
}

#[function_component]
pub(crate) fn BeheerApp() -> Html {
    if is_invitation_page() {
        return html! { <InvitationApp /> };
    }
    let office = Callback::from(|session: SessionInfo| {
        html! { <Office key={session.email.clone()} session={session.clone()} /> }
    });
    html! {
        <StaffPage title={Msg::AdmTitle} description={Msg::AdmLead}
            health_check={false} account_link={false} {office} />
    }
}

/// The page where an invited person sets their password.
#[function_component]
fn InvitationApp() -> Html {
    use_mark_ready(true);
    html! {
        <AppShell title={Msg::AdmTitle} description={Msg::AdmLead}>
            <InvitationPage />
        </AppShell>
    }
}

#[derive(Properties, PartialEq)]
struct OfficeProps {
    session: SessionInfo,
}

/// What the logged-in person manages: the admin everything, a member of an organisation
/// that organisation (its accounts and branches when a manager), everyone their account.
#[function_component]
fn Office(props: &OfficeProps) -> Html {
    let session = &props.session;
    let own = session.role.org();
    html! {
        <div class="bo">
            <AccountSection />
            if matches!(session.role, Role::Admin) {
                <OrgsSection />
                <FiguresSection />
                <AuditSection org={None::<String>} />
            } else if let Some(org) = own {
                <OrgOffice kind={org.kind} id={AttrValue::from(org.id.clone())}
                    admin={false} manager={session.manager} own_email={AttrValue::from(session.email.clone())} />
                if session.manager {
                    <AuditSection org={Some(org.to_string())} />
                }
            }
        </div>
    }
}
