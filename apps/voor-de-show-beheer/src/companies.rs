//! A centre's theatre companies: the list, the links still waiting, and the invitation
//! form (one of the centre's companies, or a new one by name) that shows the one-time
//! link to copy with its last day.

use suite_domain::i18n::{Lang, Msg};
use suite_domain::show::api::{CentreCompanies, CompanyInvitation, CompanyInvite};
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{Row, Table, load_failed, section};
use suite_ui::{EmptyState, Loading, use_lang};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::office::COMPANIES_HEADING;
use crate::rules::day_of;

const COMPANIES: Table = Table {
    class: "vds-bo-companies",
    caption: Msg::VdsAdminCompanies,
    caption_hidden: true,
    columns: &[Msg::VdsAdminColName, Msg::VdsAdminTown],
    numeric: false,
    row_class: None,
};

const PENDING: Table = Table {
    class: "vds-bo-pending",
    caption: Msg::VdsAdminPending,
    caption_hidden: false,
    columns: &[
        Msg::VdsAdminColEmail,
        Msg::VdsAdminCompanyLabel,
        Msg::VdsAdminColUntil,
    ],
    numeric: false,
    row_class: None,
};

/// The full address of a path on this site.
pub(crate) fn full_url(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{path}")
}

/// A link to pass on, with a button that copies it.
#[derive(Properties, PartialEq)]
pub(crate) struct CopyLinkProps {
    pub(crate) link: AttrValue,
    pub(crate) id: AttrValue,
}

#[function_component]
pub(crate) fn CopyLink(props: &CopyLinkProps) -> Html {
    let lang = use_lang();
    let copied = use_state(|| false);
    let onclick = {
        let (link, copied) = (props.link.clone(), copied.clone());
        Callback::from(move |_| {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&link);
                copied.set(true);
            }
        })
    };
    html! {
        <span class="vds-bo-link">
            <code id={props.id.clone()}>{ props.link.clone() }</code>
            <button type="button" class="button" {onclick}
                aria-describedby={props.id.clone()}>{ Msg::VdsAdminCopy.text(lang) }</button>
            <span role="status">{ if *copied { Msg::VdsAdminCopied.text(lang) } else { "" } }</span>
        </span>
    }
}

fn lists(found: &CentreCompanies, lang: Lang) -> Html {
    let companies: Vec<Row> = found
        .companies
        .iter()
        .map(|c| (c.name.clone(), vec![c.town.clone()]))
        .collect();
    let pending: Vec<Row> = found
        .pending
        .iter()
        .map(|p| {
            (
                p.email.clone(),
                vec![p.company.clone(), day_of(p.expires_at)],
            )
        })
        .collect();
    html! {
        <>
            if companies.is_empty() {
                <EmptyState message={Msg::VdsAdminNoCompanies} />
            } else {
                { COMPANIES.view(companies, lang) }
            }
            if !pending.is_empty() {
                { PENDING.view(pending, lang) }
            }
        </>
    }
}

fn value(node: &NodeRef) -> String {
    node.cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
struct InviteFormProps {
    centre: AttrValue,
    companies: CentreCompanies,
    on_invited: Callback<()>,
}

#[function_component]
fn InviteForm(props: &InviteFormProps) -> Html {
    let lang = use_lang();
    let (choice, name, town, email, contact) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let made = use_state(|| None::<CompanyInvitation>);
    let failed = use_state(|| None::<ApiError>);
    let onsubmit = {
        let (choice, name, town, email, contact) = (
            choice.clone(),
            name.clone(),
            town.clone(),
            email.clone(),
            contact.clone(),
        );
        let (made, failed, on_invited) = (made.clone(), failed.clone(), props.on_invited.clone());
        let path = format!("/api/voor-de-show/centres/{}/companies", props.centre);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let picked = choice
                .cast::<HtmlSelectElement>()
                .map(|s| s.value())
                .filter(|v| !v.is_empty());
            let body = CompanyInvite {
                company: picked,
                company_name: value(&name),
                town: value(&town),
                email: value(&email),
                display_name: value(&contact),
            };
            let (made, failed, on_invited, path) = (
                made.clone(),
                failed.clone(),
                on_invited.clone(),
                path.clone(),
            );
            spawn_local(async move {
                match api::post::<_, CompanyInvitation>(&path, &body).await {
                    Ok(invitation) => {
                        failed.set(None);
                        made.set(Some(invitation));
                        on_invited.emit(());
                    }
                    Err(e) => failed.set(Some(e)),
                }
            });
        })
    };
    let error_at = |field: &str| {
        failed
            .as_ref()
            .filter(|e| e.field.as_deref() == Some(field))
            .map(|e| e.localized(lang))
    };
    let field =
        |id: &'static str, field: &'static str, label: Msg, node: &NodeRef, kind: &'static str| {
            let error = error_at(field);
            let error_id = format!("{id}-error");
            html! {
                <>
                    <label for={id}>{ label.text(lang) }</label>
                    <input {id} type={kind} ref={node.clone()}
                        aria-invalid={error.as_ref().map(|_| "true")}
                        aria-describedby={error.as_ref().map(|_| error_id.clone())} />
                    if let Some(error) = error {
                        <p id={error_id} class="field-error">{ error }</p>
                    }
                </>
            }
        };
    let general = failed
        .as_ref()
        .filter(|e| {
            !matches!(
                e.field.as_deref(),
                Some("company" | "company_name" | "email" | "display_name")
            )
        })
        .map(|e| html! { <p class="form-error" role="alert">{ e.localized(lang) }</p> });
    let options = props.companies.companies.iter().map(|c| {
        html! { <option value={c.id.clone()}>{ c.name.clone() }</option> }
    });
    html! {
        <form class="vds-bo-form" {onsubmit} novalidate={true}>
            <h4>{ Msg::VdsAdminInvite.text(lang) }</h4>
            <p class="field-help" id="vds-bo-invite-help">{ Msg::VdsAdminInviteHelp.text(lang) }</p>
            <label for="vds-bo-company">{ Msg::VdsAdminCompanyLabel.text(lang) }</label>
            <select id="vds-bo-company" ref={choice} aria-describedby="vds-bo-invite-help">
                // Chosen from the start: yew puts the options in from the last, and the
                // first one put into a select is the one chosen.
                <option value="" selected={true}>{ Msg::VdsAdminNewCompany.text(lang) }</option>
                { for options }
            </select>
            { field("vds-bo-company-name", "company_name", Msg::VdsAdminCompanyNameLabel, &name, "text") }
            { field("vds-bo-town", "town", Msg::VdsAdminTown, &town, "text") }
            { field("vds-bo-email", "email", Msg::VdsAdminEmail, &email, "email") }
            { field("vds-bo-contact", "display_name", Msg::VdsAdminContactName, &contact, "text") }
            { for general }
            <button type="submit" class="button button--primary">{ Msg::VdsAdminInviteButton.text(lang) }</button>
            if let Some(made) = &*made {
                <div class="staff-notice" role="status" id="vds-bo-invitation">
                    <p>{ format!("{} {} ({})", Msg::VdsAdminLinkMade.text(lang), day_of(made.link.expires_at), made.company.name) }</p>
                    <CopyLink link={full_url(&made.link.path)} id="vds-bo-invitation-link" />
                </div>
            }
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct CompaniesProps {
    pub(crate) centre: AttrValue,
}

#[function_component]
pub(crate) fn CompaniesSection(props: &CompaniesProps) -> Html {
    let lang = use_lang();
    let load = use_state(|| None::<Result<CentreCompanies, ApiError>>);
    let attempt = use_state(|| 0_u32);
    {
        let (load, path) = (
            load.clone(),
            format!("/api/voor-de-show/centres/{}/companies", props.centre),
        );
        use_effect_with(*attempt, move |_| {
            spawn_local(async move { load.set(Some(api::get::<CentreCompanies>(&path).await)) });
        });
    }
    let on_invited = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let body = match &*load {
        None => html! { <Loading /> },
        Some(Err(error)) => load_failed(error, lang, &attempt),
        Some(Ok(found)) => html! {
            <>
                <InviteForm centre={props.centre.clone()} companies={found.clone()} {on_invited} />
                { lists(found, lang) }
            </>
        },
    };
    section(COMPANIES_HEADING, Msg::VdsAdminCompanies, lang, body)
}
