//! The admin's organisations: the list (archive, restore, choose one to manage), and a
//! form to add one. The chosen organisation's office opens under the list.

use suite_domain::i18n::Msg;
use suite_domain::org::{OrgKind, Organisation};
use suite_domain::service::NewOrganisation;
use suite_ui::api::{self, ApiError};
use suite_ui::{Button, ButtonVariant, EmptyState, Loading, use_lang, use_t};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::org_office::OrgOffice;
use crate::view::{Load, alert, load_failed, section, status, use_load};

/// The words of a kind of organisation.
pub(crate) fn kind_words(kind: OrgKind) -> Msg {
    match kind {
        OrgKind::Library => Msg::AdmKindLibrary,
        OrgKind::Centre => Msg::AdmKindCentre,
        OrgKind::Company => Msg::AdmKindCompany,
    }
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Busy,
    Done,
    Failed(ApiError),
}

#[function_component]
pub(crate) fn OrgsSection() -> Html {
    let (lang, t) = (use_lang(), use_t());
    let attempt = use_state(|| 0_u32);
    let orgs = use_load::<Vec<Organisation>>("/api/orgs".into(), *attempt);
    let chosen = use_state(|| None::<(OrgKind, String)>);
    let outcome = use_state(|| None::<Outcome>);
    let kind = use_state(|| OrgKind::Library);
    let id = use_state(String::new);
    let name = use_state(String::new);
    let town = use_state(String::new);
    let act = |path: String| {
        let (outcome, attempt) = (outcome.clone(), attempt.clone());
        Callback::from(move |_: MouseEvent| {
            let (path, outcome, attempt) = (path.clone(), outcome.clone(), attempt.clone());
            outcome.set(Some(Outcome::Busy));
            spawn_local(async move {
                match api::post_empty(&path).await {
                    Ok(()) => {
                        outcome.set(Some(Outcome::Done));
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
            });
        })
    };
    let onsubmit = {
        let (kind, id, name, town, outcome, attempt) = (
            kind.clone(),
            id.clone(),
            name.clone(),
            town.clone(),
            outcome.clone(),
            attempt.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let new = NewOrganisation {
                kind: *kind,
                id: id.trim().to_string(),
                name: (*name).clone(),
                town: (*town).clone(),
            };
            outcome.set(Some(Outcome::Busy));
            let (id, name, town, outcome, attempt) = (
                id.clone(),
                name.clone(),
                town.clone(),
                outcome.clone(),
                attempt.clone(),
            );
            spawn_local(async move {
                match api::post::<_, Organisation>("/api/orgs", &new).await {
                    Ok(_) => {
                        id.set(String::new());
                        name.set(String::new());
                        town.set(String::new());
                        outcome.set(Some(Outcome::Done));
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
            });
        })
    };
    let text_field = |field_id: &'static str,
                      label: Msg,
                      help: Option<Msg>,
                      value: &UseStateHandle<String>| {
        let set = value.clone();
        let help_id = format!("{field_id}-help");
        html! {
            <div class="field">
                <label for={field_id}>{ t(label) }</label>
                if let Some(help) = help { <p id={help_id.clone()} class="field-help">{ t(help) }</p> }
                <input id={field_id} type="text" value={(**value).clone()}
                    aria-describedby={help.map(|_| AttrValue::from(help_id.clone()))}
                    oninput={Callback::from(move |e: InputEvent| set.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
            </div>
        }
    };
    let list = match &*orgs {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => load_failed(error, lang, &attempt),
        Load::Ready(list) if list.is_empty() => {
            html! { <EmptyState message={Msg::AdmNoOrganisations} /> }
        }
        Load::Ready(list) => html! {
            <table class="bo-table" id="adm-orgs">
                <caption>{ t(Msg::AdmOrganisations) }</caption>
                <thead><tr>
                    <th scope="col">{ t(Msg::AdmName) }</th>
                    <th scope="col">{ t(Msg::AdmKind) }</th>
                    <th scope="col">{ t(Msg::AdmTown) }</th>
                    <th scope="col"><span class="visually-hidden">{ t(Msg::AdmOrganisation) }</span></th>
                </tr></thead>
                <tbody>
                    { for list.iter().map(|org| {
                        let path = format!("/api/orgs/{}/{}", org.kind.as_str(), org.id);
                        let choose = {
                            let (chosen, pick) = (chosen.clone(), (org.kind, org.id.clone()));
                            Callback::from(move |_: MouseEvent| chosen.set(Some(pick.clone())))
                        };
                        html! {
                            <tr key={path.clone()} data-org={org.id.clone()}>
                                <th scope="row">{ org.name.clone() }
                                    if org.archived { <span class="adm-tag">{ format!("({})", t(Msg::AdmArchived)) }</span> }
                                </th>
                                <td>{ t(kind_words(org.kind)) }</td>
                                <td>{ org.town.clone() }</td>
                                <td class="bo-actions">
                                    <Button variant={ButtonVariant::Secondary} onclick={choose}
                                        aria_label={AttrValue::from(format!("{}: {}", t(Msg::AdmOrganisation), org.name))}>
                                        { t(Msg::AdmOrganisation) }
                                    </Button>
                                    if org.archived {
                                        <Button variant={ButtonVariant::Secondary} onclick={act(format!("{path}/restore"))}>{ t(Msg::AdmRestore) }</Button>
                                    } else {
                                        <Button variant={ButtonVariant::Danger} onclick={act(format!("{path}/archive"))}>{ t(Msg::AdmArchive) }</Button>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        },
    };
    let set_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            kind.set(OrgKind::parse(&value).unwrap_or(OrgKind::Library));
        })
    };
    let body = html! {
        <>
            { list }
            { status((*outcome == Some(Outcome::Done)).then(|| t(Msg::AdmDone).to_owned())) }
            if let Some(Outcome::Failed(error)) = &*outcome { { alert(error.localized(lang)) } }
            <form class="bo-form" novalidate=true {onsubmit} aria-labelledby="adm-new-org">
                <h4 id="adm-new-org">{ t(Msg::AdmNewOrganisation) }</h4>
                <div class="field">
                    <label for="adm-org-kind">{ t(Msg::AdmKind) }</label>
                    <select id="adm-org-kind" onchange={set_kind}>
                        { for OrgKind::ALL.into_iter().map(|k| html! {
                            <option value={k.as_str()} selected={*kind == k}>{ t(kind_words(k)) }</option>
                        }) }
                    </select>
                </div>
                { text_field("adm-org-id", Msg::AdmId, Some(Msg::AdmIdHelp), &id) }
                { text_field("adm-org-name", Msg::AdmName, None, &name) }
                { text_field("adm-org-town", Msg::AdmTown, None, &town) }
                <div class="bo-actions">
                    <Button kind="submit" disabled={*outcome == Some(Outcome::Busy)}>{ t(Msg::AdmAdd) }</Button>
                </div>
            </form>
            if let Some((kind, id)) = &*chosen {
                <OrgOffice key={format!("{}/{id}", kind.as_str())} kind={*kind} id={AttrValue::from(id.clone())}
                    admin={true} manager={true} own_email={AttrValue::default()} />
            }
        </>
    };
    section("adm-orgs-title", Msg::AdmOrganisations, lang, body)
}
