//! The staff login form and the staff panel, against a stub server. Outside a
//! `LangProvider` the components speak Dutch.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::json;
use suite_domain::api::SessionInfo;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::api::{csrf_token, set_csrf_token};
use suite_ui::{LoginForm, LoginFormProps, StaffPanel, StaffPanelProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlInputElement;
use yew::{Callback, Html};

use crate::support::{Mounted, click, fetch_calls, mount, settle, stub_fetch, wait_for};

fn session_json() -> serde_json::Value {
    json!({
        "email": "an@bib.be",
        "display_name": "An Peeters",
        "role": {"role": "library_staff", "library": "wetteren"},
        "csrf_token": "tok-123"
    })
}

fn fill<C: yew::BaseComponent>(form: &Mounted<C>, email: &str, password: &str) {
    for (selector, value) in [("#login-email", email), ("#login-password", password)] {
        let input = form
            .get(selector)
            .dyn_into::<HtmlInputElement>()
            .expect("an input");
        input.set_value(value);
    }
}

type Logins = Rc<RefCell<Vec<SessionInfo>>>;

fn login_form() -> (Mounted<LoginForm>, Logins) {
    let logins = Logins::default();
    let sink = logins.clone();
    let on_login = Callback::from(move |s: SessionInfo| sink.borrow_mut().push(s));
    (mount::<LoginForm>(LoginFormProps { on_login }), logins)
}

#[wasm_bindgen_test]
async fn an_invalid_email_shows_a_field_error_and_sends_nothing() {
    stub_fetch(json!({}));
    let (form, logins) = login_form();
    wait_for("the form", || form.find("#login-email").is_some()).await;
    assert!(form.find("label[for=login-email]").is_some());
    assert!(form.find("label[for=login-password]").is_some());
    assert_eq!(
        form.get("#login-email")
            .get_attribute("autocomplete")
            .as_deref(),
        Some("username")
    );
    assert_eq!(
        form.get("#login-password")
            .get_attribute("autocomplete")
            .as_deref(),
        Some("current-password")
    );

    fill(&form, "an@bib", "geheim");
    click(&form.get(".login-submit"));
    wait_for("the email error", || {
        form.find("#login-email-error").is_some()
    })
    .await;
    let input = form.get("#login-email");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("login-email-error")
    );
    assert_eq!(
        form.text("#login-email-error"),
        Msg::ErrEmailInvalid.text(Lang::Nl)
    );
    assert!(form.find("#login-password-error").is_none());

    // An empty password is caught too.
    fill(&form, "an@bib.be", "");
    click(&form.get(".login-submit"));
    wait_for("the password error", || {
        form.find("#login-password-error").is_some()
    })
    .await;
    assert!(form.find("#login-email-error").is_none());
    settle().await;
    assert_eq!(fetch_calls(), [], "nothing may be sent");
    assert!(logins.borrow().is_empty());
    form.unmount();
}

#[wasm_bindgen_test]
async fn a_good_login_stores_the_csrf_token_and_reports_the_session() {
    set_csrf_token(None);
    stub_fetch(json!({ "POST /api/session": [200, session_json()] }));
    let (form, logins) = login_form();
    wait_for("the form", || form.find("#login-email").is_some()).await;
    fill(&form, " an@bib.be ", "geheim123");
    click(&form.get(".login-submit"));
    wait_for("the login", || !logins.borrow().is_empty()).await;
    assert_eq!(logins.borrow()[0].display_name, "An Peeters");
    assert_eq!(csrf_token().as_deref(), Some("tok-123"));
    let calls = fetch_calls();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].key, "POST /api/session");
    let body: serde_json::Value = serde_json::from_str(&calls[0].body).expect("a JSON body");
    assert_eq!(body, json!({"email": "an@bib.be", "password": "geheim123"}));
    set_csrf_token(None);
    form.unmount();
}

#[wasm_bindgen_test]
async fn a_refused_login_shows_the_error_in_an_alert() {
    let refused = json!({"error": {"code": "bad_credentials", "message": "E-mailadres of wachtwoord klopt niet."}});
    stub_fetch(json!({ "POST /api/session": [401, refused] }));
    let (form, logins) = login_form();
    wait_for("the form", || form.find("#login-email").is_some()).await;
    fill(&form, "an@bib.be", "fout");
    click(&form.get(".login-submit"));
    wait_for("the error", || form.find(".form-error").is_some()).await;
    let error = form.get(".form-error");
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        form.text(".form-error"),
        Msg::ErrBadCredentials.text(Lang::Nl)
    );
    wait_for("the button back", || {
        !form.get(".login-submit").has_attribute("disabled")
    })
    .await;
    assert!(logins.borrow().is_empty());
    form.unmount();
}

fn staff_panel() -> Mounted<StaffPanel> {
    mount::<StaffPanel>(StaffPanelProps {
        title: None,
        on_session: Callback::noop(),
        children: Html::default(),
        account_link: true,
    })
}

#[wasm_bindgen_test]
async fn the_staff_panel_shows_who_is_logged_in_and_logs_out() {
    set_csrf_token(None);
    stub_fetch(json!({
        "GET /api/session": [200, session_json()],
        "DELETE /api/session": [204, null],
    }));
    let panel = staff_panel();
    wait_for("the identity", || panel.find(".staff-identity").is_some()).await;
    assert_eq!(
        panel.text(".staff-identity"),
        "Aangemeld als An Peeters (medewerker bibliotheek)"
    );
    assert_eq!(csrf_token().as_deref(), Some("tok-123"));
    assert_eq!(
        panel
            .get(".staff-account-link a")
            .get_attribute("href")
            .as_deref(),
        Some("/beheer/"),
        "the way to one's account and organisation"
    );

    click(&panel.get(".logout"));
    wait_for("the login form", || panel.find("#login-email").is_some()).await;
    assert!(
        panel
            .text(".staff-panel")
            .contains(Msg::LoggedOut.text(Lang::Nl))
    );
    assert_eq!(csrf_token(), None);
    let calls = fetch_calls();
    let keys: Vec<_> = calls.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["GET /api/session", "DELETE /api/session"]);
    assert_eq!(calls[0].csrf, None, "no token on a GET");
    assert_eq!(calls[1].csrf.as_deref(), Some("tok-123"));
    assert_eq!(calls[1].accept.as_deref(), Some("application/json"));
    panel.unmount();
}

#[wasm_bindgen_test]
async fn the_staff_panel_shows_the_login_form_to_strangers() {
    // Nobody logged in: 204, no error.
    stub_fetch(json!({ "GET /api/session": [204, null] }));
    let panel = staff_panel();
    wait_for("the login form", || panel.find("#login-email").is_some()).await;
    assert!(panel.find(".staff-identity").is_none());
    assert!(
        !panel
            .text(".staff-panel")
            .contains(Msg::LoggedOut.text(Lang::Nl))
    );
    panel.unmount();
}
