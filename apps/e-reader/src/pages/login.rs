//! The member's login: card number and PIN in big fields, a Dutch message at the field
//! that is wrong (the server's own for a bad card or PIN, or too many tries), and a
//! busy state while the server checks.

use suite_domain::ereader::MemberInfo;
use suite_domain::i18n::Msg;
use suite_ui::{use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::net;

#[derive(Properties, PartialEq)]
pub(crate) struct LoginPageProps {
    pub(crate) on_logged_in: Callback<MemberInfo>,
}

const CARD: &str = "er-card";
const PIN: &str = "er-pin";

fn value(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

/// `aria-describedby` of a field: its help (if any) and its error.
fn described_by(id: &str, help: bool) -> String {
    if help {
        format!("{id}-help {id}-error")
    } else {
        format!("{id}-error")
    }
}

#[function_component]
pub(crate) fn LoginPage(props: &LoginPageProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let card = use_state(String::new);
    let pin = use_state(String::new);
    let card_error = use_state(|| None::<String>);
    let pin_error = use_state(|| None::<String>);
    let busy = use_state(|| false);

    let onsubmit = {
        let (card, pin, card_error, pin_error, busy) = (
            card.clone(),
            pin.clone(),
            card_error.clone(),
            pin_error.clone(),
            busy.clone(),
        );
        let on_logged_in = props.on_logged_in.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            let card_missing = card.trim().is_empty();
            let pin_missing = pin.trim().is_empty();
            card_error.set(card_missing.then(|| Msg::EreaderCardMissing.text(lang).into()));
            pin_error.set(pin_missing.then(|| Msg::EreaderPinMissing.text(lang).into()));
            if card_missing || pin_missing {
                suite_ui::back_office::focus_id(if card_missing { CARD } else { PIN });
                return;
            }
            busy.set(true);
            let (card, pin) = ((*card).clone(), (*pin).clone());
            let (card_error, pin_error, busy) =
                (card_error.clone(), pin_error.clone(), busy.clone());
            let on_logged_in = on_logged_in.clone();
            yew::platform::spawn_local(async move {
                match net::log_in(&card, &pin).await {
                    Ok(member) => on_logged_in.emit(member),
                    Err(error) => {
                        busy.set(false);
                        let text = error.localized(lang);
                        // A wrong card or PIN is one message (which of the two is not
                        // said); it goes with the card, where a member starts again.
                        if error.field.as_deref() == Some("pin") {
                            pin_error.set(Some(text));
                            suite_ui::back_office::focus_id(PIN);
                        } else {
                            card_error.set(Some(text));
                            suite_ui::back_office::focus_id(CARD);
                        }
                    }
                }
            });
        })
    };
    let field =
        |id: &'static str, label: Msg, help: Option<Msg>, input: Html, error: &Option<String>| {
            html! {
                <div class="er-field">
                    <label class="er-label" for={id}>{ t(label) }</label>
                    if let Some(help) = help {
                        <p class="er-help" id={format!("{id}-help")}>{ t(help) }</p>
                    }
                    { input }
                    <p class="field-error er-field-error" id={format!("{id}-error")}>
                        { error.clone().unwrap_or_default() }
                    </p>
                </div>
            }
        };
    let card_input = html! {
        <input id={CARD} class="er-input" type="text" inputmode="numeric" autocomplete="username"
               value={(*card).clone()}
               aria-invalid={card_error.is_some().then_some("true")}
               aria-describedby={described_by(CARD, true)}
               oninput={let card = card.clone(); Callback::from(move |e| card.set(value(&e)))} />
    };
    let pin_input = html! {
        <input id={PIN} class="er-input" type="password" inputmode="numeric"
               autocomplete="current-password" value={(*pin).clone()}
               aria-invalid={pin_error.is_some().then_some("true")}
               aria-describedby={described_by(PIN, false)}
               oninput={let pin = pin.clone(); Callback::from(move |e| pin.set(value(&e)))} />
    };
    html! {
        <section class="er-login" aria-labelledby="er-login-title">
            <h2 id="er-login-title">{ t(Msg::EreaderLoginTitle) }</h2>
            <p>{ t(Msg::EreaderLoginIntro) }</p>
            <form class="er-form" novalidate=true {onsubmit} aria-busy={busy.then_some("true")}>
                { field(CARD, Msg::EreaderCard, Some(Msg::EreaderCardHelp), card_input, &card_error) }
                { field(PIN, Msg::EreaderPin, None, pin_input, &pin_error) }
                <button type="submit" class="er-button er-button--main" id="er-log-in" disabled={*busy}>
                    { t(if *busy { Msg::EreaderLoggingIn } else { Msg::EreaderLogIn }) }
                </button>
            </form>
        </section>
    }
}
