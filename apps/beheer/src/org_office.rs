//! One organisation's office: its apps (staff ask, the admin switches on, pauses and
//! ends, as `may_change` allows), and for its managers and the admin its staff accounts
//! (invite with a one-time link, reset, disable, enable, delete) and a library's branches.

use suite_domain::i18n::Msg;
use suite_domain::org::{OrgKind, Role};
use suite_domain::service::{
    Actor, Branch, InvitationLink, NewInvitation, StaffAccount, Subscription, SubscriptionChange,
    SubscriptionRequest, SubscriptionState, apps_for, may_change,
};
use suite_ui::api::{self, ApiError};
use suite_ui::{Button, ButtonVariant, EmptyState, Loading, use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::orgs::kind_words;
use crate::view::{Load, alert, load_failed, section, state_words, status, use_load};

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
enum Outcome {
    Busy,
    Done,
    Link(String),
    Failed(ApiError),
}

/// What a change gave, under the section.
fn outcome_view(
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
fn full_link(path: &str) -> String {
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

#[derive(Properties, PartialEq)]
struct AppsProps {
    base: AttrValue,
    kind: OrgKind,
    admin: bool,
}

#[function_component]
fn AppsSection(props: &AppsProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let attempt = use_state(|| 0_u32);
    let subscriptions =
        use_load::<Vec<Subscription>>(format!("{}/subscriptions", props.base), *attempt);
    let outcome = use_state(|| None::<Outcome>);
    let population = use_state(String::new);
    let change = |app: &'static str, to: SubscriptionState| {
        let (outcome, attempt, base, admin, population) = (
            outcome.clone(),
            attempt.clone(),
            props.base.clone(),
            props.admin,
            population.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (outcome, attempt) = (outcome.clone(), attempt.clone());
            let population = population
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|_| app == "e-reader");
            let path = format!("{base}/subscriptions/{app}");
            outcome.set(Some(Outcome::Busy));
            spawn_local(async move {
                let result = if admin {
                    api::put::<_, Subscription>(
                        &path,
                        &SubscriptionChange {
                            state: to,
                            population,
                        },
                    )
                    .await
                } else {
                    api::post::<_, Subscription>(
                        &format!("{path}/request"),
                        &SubscriptionRequest { population },
                    )
                    .await
                };
                match result {
                    Ok(_) => {
                        outcome.set(Some(Outcome::Done));
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
            });
        })
    };
    let body = match &*subscriptions {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => load_failed(error, lang, &attempt),
        Load::Ready(list) => {
            let actor = if props.admin {
                Actor::Admin
            } else {
                Actor::OwnStaff
            };
            let rows = apps_for(props.kind).into_iter().map(|app| {
                let found = list.iter().find(|s| s.app == app);
                let state = found.map(|s| s.state);
                let name = suite_domain::apps::app_by_slug(app).map_or(app, |a| t(a.name));
                let buttons = [
                    (SubscriptionState::Requested, Msg::AdmRequest, ButtonVariant::Primary),
                    (SubscriptionState::Active, Msg::AdmActivate, ButtonVariant::Primary),
                    (SubscriptionState::Paused, Msg::AdmPause, ButtonVariant::Secondary),
                    (SubscriptionState::Ended, Msg::AdmEnd, ButtonVariant::Danger),
                ]
                .into_iter()
                .filter(|(to, _, _)| may_change(actor, state, *to))
                .map(|(to, label, variant)| html! {
                    <Button {variant} onclick={change(app, to)}
                        aria_label={AttrValue::from(format!("{}: {name}", t(label)))}>{ t(label) }</Button>
                });
                html! {
                    <tr key={app} data-app={app}>
                        <th scope="row">{ name }</th>
                        <td data-state="">{ t(state_words(state)) }
                            if let Some(p) = found.and_then(|s| s.population) { { format!(" · {p}") } }
                        </td>
                        <td class="bo-actions">{ for buttons }</td>
                    </tr>
                }
            });
            let set_population = {
                let population = population.clone();
                Callback::from(move |e: InputEvent| {
                    population.set(e.target_unchecked_into::<HtmlInputElement>().value())
                })
            };
            html! {
                <>
                    <table class="bo-table">
                        <caption>{ t(Msg::AdmApps) }</caption>
                        <tbody>{ for rows }</tbody>
                    </table>
                    if props.kind == OrgKind::Library {
                        <div class="field">
                            <label for="adm-population">{ t(Msg::AdmPopulation) }</label>
                            <input id="adm-population" type="number" min="0" inputmode="numeric"
                                value={(*population).clone()} oninput={set_population} />
                        </div>
                    }
                    { outcome_view(&outcome, t, lang) }
                </>
            }
        }
    };
    section("adm-apps", Msg::AdmApps, lang, body)
}

#[derive(Properties, PartialEq)]
struct StaffProps {
    base: AttrValue,
    kind: OrgKind,
    id: AttrValue,
    own_email: AttrValue,
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
fn StaffSection(props: &StaffProps) -> Html {
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

#[derive(Properties, PartialEq)]
struct BranchesProps {
    base: AttrValue,
}

#[function_component]
fn BranchesSection(props: &BranchesProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let attempt = use_state(|| 0_u32);
    let branches = use_load::<Vec<Branch>>(format!("{}/branches", props.base), *attempt);
    let outcome = use_state(|| None::<Outcome>);
    let fields: [UseStateHandle<String>; 4] = [
        use_state(String::new),
        use_state(String::new),
        use_state(String::new),
        use_state(String::new),
    ];
    let onsubmit = {
        let (fields, outcome, attempt, base) = (
            fields.clone(),
            outcome.clone(),
            attempt.clone(),
            props.base.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let branch = Branch {
                id: fields[0].trim().to_string(),
                name: (*fields[1]).clone(),
                location_id: (*fields[2]).clone(),
                address: (*fields[3]).clone(),
            };
            let path = format!("{base}/branches/{}", branch.id);
            outcome.set(Some(Outcome::Busy));
            let (fields, outcome, attempt) = (fields.clone(), outcome.clone(), attempt.clone());
            spawn_local(async move {
                match api::put::<_, Vec<Branch>>(&path, &branch).await {
                    Ok(_) => {
                        for f in &fields {
                            f.set(String::new());
                        }
                        outcome.set(Some(Outcome::Done));
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
            });
        })
    };
    let remove = |id: &str| {
        let (outcome, attempt, path) = (
            outcome.clone(),
            attempt.clone(),
            format!("{}/branches/{id}", props.base),
        );
        Callback::from(move |_: MouseEvent| {
            let (outcome, attempt, path) = (outcome.clone(), attempt.clone(), path.clone());
            spawn_local(async move {
                match api::delete(&path).await {
                    Ok(()) => {
                        outcome.set(Some(Outcome::Done));
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
            });
        })
    };
    let list = match &*branches {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => load_failed(error, lang, &attempt),
        Load::Ready(list) if list.is_empty() => {
            html! { <EmptyState message={Msg::AdmNoBranches} /> }
        }
        Load::Ready(list) => html! {
            <table class="bo-table">
                <caption>{ t(Msg::AdmBranches) }</caption>
                <tbody>
                    { for list.iter().map(|b| html! {
                        <tr key={b.id.clone()} data-branch={b.id.clone()}>
                            <th scope="row">{ b.name.clone() }</th>
                            <td>{ b.address.clone() }</td>
                            <td>{ b.location_id.clone() }</td>
                            <td><Button variant={ButtonVariant::Danger} onclick={remove(&b.id)}
                                aria_label={AttrValue::from(format!("{}: {}", t(Msg::AdmDelete), b.name))}>{ t(Msg::AdmDelete) }</Button></td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    };
    let field = |i: usize, id: &'static str, label: Msg| {
        let set = fields[i].clone();
        html! {
            <div class="field">
                <label for={id}>{ t(label) }</label>
                <input {id} type="text" value={(*fields[i]).clone()}
                    oninput={Callback::from(move |e: InputEvent| set.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
            </div>
        }
    };
    let body = html! {
        <>
            { list }
            <form class="bo-form" novalidate=true {onsubmit} aria-labelledby="adm-branch-title">
                <h4 id="adm-branch-title">{ t(Msg::AdmBranches) }</h4>
                { field(0, "adm-branch-id", Msg::AdmId) }
                { field(1, "adm-branch-name", Msg::AdmName) }
                { field(2, "adm-branch-location", Msg::AdmLocation) }
                { field(3, "adm-branch-address", Msg::AdmAddress) }
                <div class="bo-actions">
                    <Button kind="submit" disabled={*outcome == Some(Outcome::Busy)}>{ t(Msg::AdmAdd) }</Button>
                </div>
            </form>
            { outcome_view(&outcome, t, lang) }
        </>
    };
    section("adm-branches", Msg::AdmBranches, lang, body)
}
