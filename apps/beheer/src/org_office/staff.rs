//! An organisation's staff accounts: invite with a one-time link, reset, disable,
//! enable, delete.

use suite_domain::i18n::Msg;
use suite_ui::api;
use suite_ui::{Button, ButtonVariant, EmptyState, Loading, use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::{Outcome, full_link, outcome_view};
use crate::view::{Load, load_failed, section, use_load};
use suite_domain::org::{OrgKind, Role};
use suite_domain::service::{InvitationLink, NewInvitation, StaffAccount};

#[derive(Properties, PartialEq)]
pub(super) struct StaffProps {
    pub(super) base: AttrValue,
    pub(super) kind: OrgKind,
    pub(super) id: AttrValue,
    pub(super) own_email: AttrValue,
}

/// The role of a member of an organisation of `kind`.
fn member_role(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::Library => "library_staff",
        OrgKind::Centre => "centre_staff",
        OrgKind::Company => "company",
    }
}

#[function_component]
pub(super) fn StaffSection(props: &StaffProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let attempt = use_state(|| 0_u32);
    let accounts = use_load::<Vec<StaffAccount>>(format!("{}/staff", props.base), *attempt);
    let outcome = use_state(|| None::<Outcome>);
    let email = use_state(String::new);
    let name = use_state(String::new);
    let manager = use_state(|| false);
    let act = |path: String, link: bool, delete: bool| {
        let (outcome, attempt) = (outcome.clone(), attempt.clone());
        Callback::from(move |_: MouseEvent| {
            let (path, outcome, attempt) = (path.clone(), outcome.clone(), attempt.clone());
            outcome.set(Some(Outcome::Busy));
            spawn_local(async move {
                let result = if delete {
                    api::delete(&path).await.map(|()| None)
                } else if link {
                    api::post::<_, InvitationLink>(&path, &())
                        .await
                        .map(|l| Some(l.path))
                } else {
                    api::post::<_, StaffAccount>(&path, &()).await.map(|_| None)
                };
                match result {
                    Ok(Some(path)) => outcome.set(Some(Outcome::Link(full_link(&path)))),
                    Ok(None) => outcome.set(Some(Outcome::Done)),
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
                attempt.set(*attempt + 1);
            });
        })
    };
    let onsubmit = {
        let (email, name, manager, outcome, attempt) = (
            email.clone(),
            name.clone(),
            manager.clone(),
            outcome.clone(),
            attempt.clone(),
        );
        let (kind, id) = (props.kind, props.id.to_string());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let invitation = NewInvitation {
                email: email.trim().to_string(),
                display_name: (*name).clone(),
                role: member_role(kind).into(),
                org: Some(id.clone()),
                manager: *manager,
            };
            outcome.set(Some(Outcome::Busy));
            let (email, name, outcome, attempt) = (
                email.clone(),
                name.clone(),
                outcome.clone(),
                attempt.clone(),
            );
            spawn_local(async move {
                match api::post::<_, InvitationLink>("/api/staff/invitations", &invitation).await {
                    Ok(link) => {
                        email.set(String::new());
                        name.set(String::new());
                        outcome.set(Some(Outcome::Link(full_link(&link.path))));
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
            });
        })
    };
    let list = match &*accounts {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => load_failed(error, lang, &attempt),
        Load::Ready(list) if list.is_empty() => html! { <EmptyState message={Msg::AdmNoStaff} /> },
        Load::Ready(list) => html! {
            <table class="bo-table">
                <caption>{ t(Msg::AdmStaff) }</caption>
                <tbody>
                    { for list.iter().map(|a| {
                        let path = format!("/api/staff/{}", a.id);
                        let mut tags = Vec::new();
                        if a.manager { tags.push(t(Msg::AdmManagerTag)); }
                        if a.disabled { tags.push(t(Msg::AdmDisabled)); }
                        if !a.has_password { tags.push(t(Msg::AdmWaitingPassword)); }
                        let mine = a.email == props.own_email.as_str();
                        let label = |msg: Msg| AttrValue::from(format!("{}: {}", t(msg), a.display_name));
                        html! {
                            <tr key={a.id.to_string()} data-account={a.email.clone()}>
                                <th scope="row">{ a.display_name.clone() }</th>
                                <td>{ a.email.clone() }
                                    if !tags.is_empty() { <span class="adm-tag">{ format!("({})", tags.join(", ")) }</span> }
                                </td>
                                <td class="bo-actions">
                                    if !mine && !matches!(a.role, Role::Admin) {
                                        <Button variant={ButtonVariant::Secondary} aria_label={label(Msg::AdmReset)}
                                            onclick={act(format!("{path}/reset"), true, false)}>{ t(Msg::AdmReset) }</Button>
                                        if a.disabled {
                                            <Button variant={ButtonVariant::Secondary} aria_label={label(Msg::AdmEnable)}
                                                onclick={act(format!("{path}/enable"), false, false)}>{ t(Msg::AdmEnable) }</Button>
                                        } else {
                                            <Button variant={ButtonVariant::Secondary} aria_label={label(Msg::AdmDisable)}
                                                onclick={act(format!("{path}/disable"), false, false)}>{ t(Msg::AdmDisable) }</Button>
                                        }
                                        <Button variant={ButtonVariant::Danger} aria_label={label(Msg::AdmDelete)}
                                            onclick={act(path.clone(), false, true)}>{ t(Msg::AdmDelete) }</Button>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        },
    };
    let text = |id: &'static str,
                label: Msg,
                kind: &'static str,
                value: &UseStateHandle<String>| {
        let set = value.clone();
        html! {
            <div class="field">
                <label for={id}>{ t(label) }</label>
                <input {id} type={kind} value={(**value).clone()}
                    oninput={Callback::from(move |e: InputEvent| set.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
            </div>
        }
    };
    let toggle = {
        let manager = manager.clone();
        Callback::from(move |e: Event| {
            manager.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let body = html! {
        <>
            { list }
            <form class="bo-form" novalidate=true {onsubmit} aria-labelledby="adm-invite-title">
                <h4 id="adm-invite-title">{ t(Msg::AdmInvite) }</h4>
                { text("adm-invite-email", Msg::Email, "email", &email) }
                { text("adm-invite-name", Msg::AdmName, "text", &name) }
                <div class="bo-check">
                    <input id="adm-invite-manager" type="checkbox" checked={*manager} onchange={toggle} />
                    <label for="adm-invite-manager">{ t(Msg::AdmManager) }</label>
                </div>
                <div class="bo-actions">
                    <Button kind="submit" disabled={*outcome == Some(Outcome::Busy)}>{ t(Msg::AdmInvite) }</Button>
                </div>
            </form>
            { outcome_view(&outcome, t, lang) }
        </>
    };
    section("adm-staff", Msg::AdmStaff, lang, body)
}
