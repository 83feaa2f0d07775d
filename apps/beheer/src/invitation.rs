//! `/beheer/uitnodiging#<token>`: an invited person (or one whose password was reset)
//! sees whose invitation it is and sets their own password, once. The token is after
//! `#`, so it never reaches a server log.

use suite_domain::i18n::Msg;
use suite_domain::service::{InvitationAccept, InvitationInfo};
use suite_ui::api::{self, ApiError};
use suite_ui::{Button, Loading, use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::view::{Load, alert, described, section};

/// The token of the page's link: 64 hex characters after `#`.
fn token() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let token = hash.trim_start_matches('#').to_string();
    (token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())).then_some(token)
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Busy,
    Done,
    /// Refused with the server's words (too short, too easy to guess).
    Refused(String),
    Failed(ApiError),
}

#[function_component]
pub(crate) fn InvitationPage() -> Html {
    let (lang, t) = (use_lang(), use_t());
    let token = use_memo((), |()| token());
    let info = use_state(|| Load::<InvitationInfo>::Loading);
    let password = use_state(String::new);
    let outcome = use_state(|| None::<Outcome>);
    {
        let (info, token) = (info.clone(), token.clone());
        use_effect_with((), move |()| match (*token).clone() {
            None => info.set(Load::Failed(ApiError::from_status(404))),
            Some(token) => spawn_local(async move {
                info.set(
                    match api::get::<InvitationInfo>(&format!("/api/invitations/{token}")).await {
                        Ok(found) => Load::Ready(found),
                        Err(error) => Load::Failed(error),
                    },
                );
            }),
        });
    }
    let onsubmit = {
        let (token, password, outcome) = (token.clone(), password.clone(), outcome.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(token) = (*token).clone() else {
                return;
            };
            let accept = InvitationAccept {
                password: (*password).clone(),
            };
            outcome.set(Some(Outcome::Busy));
            let outcome = outcome.clone();
            spawn_local(async move {
                outcome.set(Some(
                    match api::post_no_content(&format!("/api/invitations/{token}"), &accept).await
                    {
                        Ok(()) => Outcome::Done,
                        Err(error) if error.field.is_some() => {
                            Outcome::Refused(error.message.clone())
                        }
                        Err(error) => Outcome::Failed(error),
                    },
                ));
            });
        })
    };
    let body = match &*info {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) if error.status == 404 => {
            alert(t(Msg::ErrInvitationInvalid).to_owned())
        }
        Load::Failed(error) => alert(error.localized(lang)),
        Load::Ready(_) if *outcome == Some(Outcome::Done) => html! {
            <>
                <p class="staff-notice" role="status">{ t(Msg::AdmInvitationDone) }</p>
                <p><a href="/beheer/">{ t(Msg::AdmToLogin) }</a></p>
            </>
        },
        Load::Ready(found) => {
            let refused = match &*outcome {
                Some(Outcome::Refused(message)) => Some(message.clone()),
                _ => None,
            };
            let (invalid, describedby) = described(
                "adm-invite-password",
                refused.as_ref().map(|_| Msg::ErrInvalidInput),
                Some("adm-invite-help"),
            );
            let set = password.clone();
            let who = match &found.org_name {
                Some(org) => format!("{} ({}), {}", found.display_name, found.email, org),
                None => format!("{} ({})", found.display_name, found.email),
            };
            html! {
                <form class="bo-form" novalidate=true {onsubmit}>
                    <p>{ format!("{} {who}.", t(Msg::AdmInvitationFor)) }</p>
                    <input type="email" hidden=true autocomplete="username" value={found.email.clone()} readonly=true />
                    <div class={classes!("field", refused.as_ref().map(|_| "field--invalid"))}>
                        <label for="adm-invite-password">{ t(Msg::AdmNewPassword) }</label>
                        <p id="adm-invite-help" class="field-help">{ t(Msg::AdmPasswordHelp) }</p>
                        <input id="adm-invite-password" type="password" autocomplete="new-password"
                            value={(*password).clone()} aria-invalid={invalid} aria-describedby={describedby}
                            oninput={Callback::from(move |e: InputEvent| set.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
                        if let Some(message) = refused {
                            <p id={suite_ui::back_office::error_id("adm-invite-password")} class="field-error">{ message }</p>
                        }
                    </div>
                    <div class="bo-actions">
                        <Button kind="submit" disabled={*outcome == Some(Outcome::Busy)}>{ t(Msg::AdmSetPassword) }</Button>
                    </div>
                    if let Some(Outcome::Failed(error)) = &*outcome { { alert(error.localized(lang)) } }
                </form>
            }
        }
    };
    section("adm-invitation", Msg::AdmInvitationTitle, lang, body)
}
