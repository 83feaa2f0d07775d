//! "Mijn account": change one's own password (the current one first; every other session
//! ends) and see where one is logged in, ending one session or all the others.

use suite_domain::i18n::Msg;
use suite_domain::service::{ActiveSession, PasswordChange};
use suite_ui::api::{self, ApiError};
use suite_ui::{Button, ButtonVariant, Loading, use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::view::{
    Load, alert, described, field_error, load_failed, section, status, unix_time, use_load,
};

#[derive(Clone, PartialEq)]
enum Outcome {
    Busy,
    Done(Msg),
    /// The server refused a field (`current`, `new` as `password`) with its message.
    Field(String, String),
    Failed(ApiError),
}

#[function_component]
pub(crate) fn AccountSection() -> Html {
    let (lang, t) = (use_lang(), use_t());
    let current = use_state(String::new);
    let new = use_state(String::new);
    let outcome = use_state(|| None::<Outcome>);
    let attempt = use_state(|| 0_u32);
    let sessions = use_load::<Vec<ActiveSession>>("/api/session/all".into(), *attempt);
    let onsubmit = {
        let (current, new, outcome, attempt) = (
            current.clone(),
            new.clone(),
            outcome.clone(),
            attempt.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let change = PasswordChange {
                current: (*current).clone(),
                new: (*new).clone(),
            };
            outcome.set(Some(Outcome::Busy));
            let (current, new, outcome, attempt) = (
                current.clone(),
                new.clone(),
                outcome.clone(),
                attempt.clone(),
            );
            spawn_local(async move {
                match api::put_no_content("/api/session/password", &change).await {
                    Ok(()) => {
                        current.set(String::new());
                        new.set(String::new());
                        outcome.set(Some(Outcome::Done(Msg::AdmPasswordChanged)));
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => match error.field.clone() {
                        Some(field) => {
                            outcome.set(Some(Outcome::Field(field, error.message.clone())))
                        }
                        None => outcome.set(Some(Outcome::Failed(error))),
                    },
                }
            });
        })
    };
    let refused = |field: &str| match &*outcome {
        Some(Outcome::Field(f, message)) if f == field => Some(message.clone()),
        _ => None,
    };
    let input = |id: &'static str,
                 label: Msg,
                 value: &UseStateHandle<String>,
                 field: &str,
                 autocomplete: &'static str| {
        let message = refused(field);
        let (invalid, describedby) = described(
            id,
            message.as_ref().map(|_| Msg::ErrInvalidInput),
            (field == "password").then_some("adm-new-help"),
        );
        let set = value.clone();
        html! {
            <div class={classes!("field", message.as_ref().map(|_| "field--invalid"))}>
                <label for={id}>{ t(label) }</label>
                if field == "password" {
                    <p id="adm-new-help" class="field-help">{ t(Msg::AdmPasswordHelp) }</p>
                }
                <input {id} type="password" {autocomplete} value={(**value).clone()}
                    aria-invalid={invalid} aria-describedby={describedby}
                    oninput={Callback::from(move |e: InputEvent| set.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
                if let Some(message) = message {
                    <p id={suite_ui::back_office::error_id(id)} class="field-error">{ message }</p>
                } else {
                    { field_error(id, None, lang) }
                }
            </div>
        }
    };
    let end = |path: String| {
        let (outcome, attempt) = (outcome.clone(), attempt.clone());
        Callback::from(move |_: MouseEvent| {
            let (path, outcome, attempt) = (path.clone(), outcome.clone(), attempt.clone());
            spawn_local(async move {
                match api::delete(&path).await {
                    Ok(()) => {
                        outcome.set(Some(Outcome::Done(Msg::AdmDone)));
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
            });
        })
    };
    let list = match &*sessions {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => load_failed(error, lang, &attempt),
        Load::Ready(list) => html! {
            <>
                <table class="bo-table">
                    <caption>{ t(Msg::AdmSessions) }</caption>
                    <tbody>
                        { for list.iter().map(|s| html! {
                            <tr key={s.id.clone()}>
                                <td>{ s.device.clone() }
                                    if s.current { <span class="adm-tag">{ format!("({})", t(Msg::AdmSessionThis)) }</span> }
                                </td>
                                <td>{ format!("{} {}", t(Msg::AdmSessionLastUsed), unix_time(s.last_seen_at)) }</td>
                                <td>
                                    if !s.current {
                                        <Button variant={ButtonVariant::Secondary}
                                            onclick={end(format!("/api/session/all/{}", s.id))}>
                                            { t(Msg::AdmSessionEnd) }
                                        </Button>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                if list.len() > 1 {
                    <div class="bo-actions">
                        <Button variant={ButtonVariant::Secondary} onclick={end("/api/session/all".into())}>
                            { t(Msg::AdmSessionsEndOthers) }
                        </Button>
                    </div>
                }
            </>
        },
    };
    let busy = *outcome == Some(Outcome::Busy);
    let body = html! {
        <>
            <form class="bo-form" novalidate=true {onsubmit} aria-labelledby="adm-password-title">
                <h4 id="adm-password-title">{ t(Msg::AdmChangePassword) }</h4>
                { input("adm-current", Msg::AdmCurrentPassword, &current, "current", "current-password") }
                { input("adm-new", Msg::AdmNewPassword, &new, "password", "new-password") }
                <div class="bo-actions">
                    <Button kind="submit" disabled={busy}>{ t(Msg::AdmChangePassword) }</Button>
                </div>
            </form>
            { status(match &*outcome { Some(Outcome::Done(msg)) => Some(t(*msg).to_owned()), _ => None }) }
            if let Some(Outcome::Failed(error)) = &*outcome { { alert(error.localized(lang)) } }
            { list }
        </>
    };
    section("adm-account", Msg::AdmMyAccount, lang, body)
}
