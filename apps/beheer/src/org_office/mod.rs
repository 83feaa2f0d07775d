//! One organisation's office: its apps (staff ask, the admin switches on, pauses and
//! ends, as `may_change` allows), and for its managers and the admin its staff accounts
//! (invite with a one-time link, reset, disable, enable, delete) and a library's branches.

use suite_domain::i18n::Msg;
use suite_domain::org::OrgKind;
use suite_domain::service::apps_for;
use suite_ui::api::ApiError;
use suite_ui::use_t;
use yew::prelude::*;

use crate::orgs::kind_words;
use crate::view::{alert, status};

mod apps;
mod branches;
mod staff;

use apps::AppsSection;
use branches::BranchesSection;
use staff::StaffSection;

#[derive(Properties, PartialEq)]
pub(crate) struct OrgOfficeProps {
    pub(crate) kind: OrgKind,
    pub(crate) id: AttrValue,
    /// The service's admin.
    pub(crate) admin: bool,
    /// May manage the organisation's accounts (the admin too).
    pub(crate) manager: bool,
    /// The logged-in person's email: their own account has no buttons here.
    pub(crate) own_email: AttrValue,
}

#[derive(Clone, PartialEq)]
pub(crate) enum Outcome {
    Busy,
    Done,
    Link(String),
    Failed(ApiError),
}

/// What a change gave, under the section.
pub(crate) fn outcome_view(
    outcome: &Option<Outcome>,
    t: impl Fn(Msg) -> &'static str,
    lang: suite_domain::i18n::Lang,
) -> Html {
    html! {
        <>
            { status(match outcome {
                Some(Outcome::Done) => Some(t(Msg::AdmDone).to_owned()),
                _ => None,
            }) }
            if let Some(Outcome::Link(link)) = outcome {
                <div class="staff-notice" role="status">
                    <p>{ t(Msg::AdmInvitationLink) }</p>
                    <p class="adm-link" data-invitation-link="">{ link.clone() }</p>
                </div>
            }
            if let Some(Outcome::Failed(error)) = outcome { { alert(error.localized(lang)) } }
        </>
    }
}

/// The full link of an invitation's path on this site.
pub(crate) fn full_link(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{path}")
}

#[function_component]
pub(crate) fn OrgOffice(props: &OrgOfficeProps) -> Html {
    let t = use_t();
    let base = format!("/api/orgs/{}/{}", props.kind.as_str(), props.id);
    let takes_apps = !apps_for(props.kind).is_empty();
    html! {
        <div class="bo" data-org-office={props.id.clone()}>
            <h3>{ format!("{}: {}", t(kind_words(props.kind)), props.id) }</h3>
            if takes_apps {
                <AppsSection base={AttrValue::from(base.clone())} kind={props.kind} admin={props.admin} />
            }
            if props.manager {
                <StaffSection base={AttrValue::from(base.clone())} kind={props.kind} id={props.id.clone()}
                    own_email={props.own_email.clone()} />
                if props.kind == OrgKind::Library {
                    <BranchesSection base={AttrValue::from(base)} />
                }
            }
        </div>
    }
}
