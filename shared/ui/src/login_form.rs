//! `LoginForm`: staff log in with email and password. The email is checked in the
//! browser with the same rule as the server (`suite_domain::validation`); the server's
//! answer decides.

use suite_domain::api::{LoginRequest, SessionInfo};
use suite_domain::i18n::{Lang, Msg};
use suite_domain::validation::check_email;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::button::Button;
use crate::i18n::{use_lang, use_t};

#[derive(Properties, PartialEq)]
pub struct LoginFormProps {
    /// Called after a successful login (the CSRF token is stored by then).
    pub on_login: Callback<SessionInfo>,
}

/// The field errors found before sending.
#[derive(Clone, Copy, Default, PartialEq)]
struct FieldErrors {
    email: Option<Msg>,
    password: Option<Msg>,
}

/// What differs between the two fields.
struct FieldSpec {
    id: &'static str,
    label: Msg,
    kind: &'static str,
    autocomplete: &'static str,
}

const EMAIL: FieldSpec = FieldSpec {
    id: "login-email",
    label: Msg::Email,
    kind: "email",
    autocomplete: "username",
};
const PASSWORD: FieldSpec = FieldSpec {
    id: "login-password",
    label: Msg::Password,
    kind: "password",
    autocomplete: "current-password",
};

/// A labelled input with its error beside it (`aria-describedby`) when it has one.
fn field(spec: &FieldSpec, node: &NodeRef, error: Option<Msg>, lang: Lang) -> Html {
    let error_id = format!("{}-error", spec.id);
    let invalid = error.map(|_| AttrValue::Static("true"));
    let described = error.map(|_| AttrValue::from(error_id.clone()));
    html! {
        <div class={classes!("field", error.map(|_| "field--invalid"))}>
            <label for={spec.id}>{ spec.label.text(lang) }</label>
            <input
                id={spec.id}
                name={spec.id}
                type={spec.kind}
                autocomplete={spec.autocomplete}
                required=true
                ref={node.clone()}
                aria-invalid={invalid}
                aria-describedby={described}
            />
            if let Some(error) = error {
                <p id={error_id} class="field-error">{ error.text(lang) }</p>
            }
        </div>
    }
}

fn input_value(input: &NodeRef) -> String {
    input
        .cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

fn focus(input: &NodeRef) {
    if let Some(input) = input.cast::<HtmlInputElement>() {
        let _ = input.focus();
    }
}

#[function_component]
pub fn LoginForm(props: &LoginFormProps) -> Html {
    let lang = use_lang();
    let t = use_t();
    let email_ref = use_node_ref();
    let password_ref = use_node_ref();
    let errors = use_state(FieldErrors::default);
    let sending = use_state(|| false);
    let server_error = use_state(|| None::<ApiError>);

    let onsubmit = {
        let (email_ref, password_ref) = (email_ref.clone(), password_ref.clone());
        let (errors, sending, server_error) =
            (errors.clone(), sending.clone(), server_error.clone());
        let on_login = props.on_login.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *sending {
                return;
            }
            let email = input_value(&email_ref).trim().to_owned();
            let password = input_value(&password_ref);
            let found = FieldErrors {
                email: check_email(&email).err().map(|e| e.message),
                password: password.is_empty().then_some(Msg::ErrRequired),
            };
            errors.set(found);
            server_error.set(None);
            if found.email.is_some() {
                focus(&email_ref);
                return;
            }
            if found.password.is_some() {
                focus(&password_ref);
                return;
            }
            sending.set(true);
            let (sending, server_error) = (sending.clone(), server_error.clone());
            let on_login = on_login.clone();
            spawn_local(async move {
                let request = LoginRequest { email, password };
                match api::post::<_, SessionInfo>("/api/session", &request).await {
                    Ok(session) => {
                        api::set_csrf_token(Some(session.csrf_token.clone()));
                        sending.set(false);
                        on_login.emit(session);
                    }
                    Err(error) => {
                        sending.set(false);
                        server_error.set(Some(error));
                    }
                }
            });
        })
    };

    html! {
        <form class="login-form" novalidate=true {onsubmit}>
            { field(&EMAIL, &email_ref, errors.email, lang) }
            { field(&PASSWORD, &password_ref, errors.password, lang) }
            if let Some(error) = &*server_error {
                <p class="form-error" role="alert">{ error.localized(lang) }</p>
            }
            <Button kind="submit" class="login-submit" disabled={*sending} big=true>
                { t(Msg::LogIn) }
            </Button>
        </form>
    }
}
