//! An organisation's apps: staff ask, the admin switches on, pauses and ends.

use suite_domain::i18n::Msg;
use suite_ui::api;
use suite_ui::{Button, ButtonVariant, Loading, use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::{Outcome, outcome_view};
use crate::view::{Load, load_failed, section, state_words, use_load};
use suite_domain::org::OrgKind;
use suite_domain::service::{
    Actor, Subscription, SubscriptionChange, SubscriptionRequest, SubscriptionState, apps_for,
    may_change,
};

#[derive(Properties, PartialEq)]
pub(super) struct AppsProps {
    pub(super) base: AttrValue,
    pub(super) kind: OrgKind,
    pub(super) admin: bool,
}

#[function_component]
pub(super) fn AppsSection(props: &AppsProps) -> Html {
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
