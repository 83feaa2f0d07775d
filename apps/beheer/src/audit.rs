//! The audit log: who did what, for which organisation, when; the admin reads every
//! line, a manager those of their own organisation.

use suite_domain::i18n::Msg;
use suite_domain::service::AuditEntry;
use suite_ui::{EmptyState, Loading, use_lang, use_t};
use yew::prelude::*;

use crate::view::{Load, load_failed, rfc3339_short, section, use_load};

#[derive(Properties, PartialEq)]
pub(crate) struct AuditProps {
    /// `kind/id` of one organisation; `None` for every line (the admin).
    pub(crate) org: Option<String>,
}

#[function_component]
pub(crate) fn AuditSection(props: &AuditProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let attempt = use_state(|| 0_u32);
    let url = match &props.org {
        Some(org) => format!("/api/audit?org={org}"),
        None => "/api/audit".to_string(),
    };
    let lines = use_load::<Vec<AuditEntry>>(url, *attempt);
    let body = match &*lines {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => load_failed(error, lang, &attempt),
        Load::Ready(lines) if lines.is_empty() => {
            html! { <EmptyState message={Msg::AdmNoAudit} /> }
        }
        Load::Ready(lines) => html! {
            <table class="bo-table" id="adm-audit">
                <caption class="visually-hidden">{ t(Msg::AdmAudit) }</caption>
                <thead><tr>
                    <th scope="col">{ t(Msg::AdmWhen) }</th>
                    <th scope="col">{ t(Msg::AdmWho) }</th>
                    <th scope="col">{ t(Msg::AdmOrganisation) }</th>
                    <th scope="col">{ t(Msg::AdmWhat) }</th>
                </tr></thead>
                <tbody>
                    { for lines.iter().map(|l| html! {
                        <tr>
                            <td>{ rfc3339_short(&l.at) }</td>
                            <td>{ l.actor_email.clone() }</td>
                            <td>{ l.org_id.clone().unwrap_or_default() }</td>
                            <td>{ format!("{} {}", l.action, l.detail) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    };
    section("adm-audit-title", Msg::AdmAudit, lang, body)
}
