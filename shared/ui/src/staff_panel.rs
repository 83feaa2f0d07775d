//! `StaffPanel`: the staff corner of an app. It asks the server who is logged in and shows
//! either that person with a logout button (and the panel's children), or the login form.

use suite_domain::api::SessionInfo;
use suite_domain::i18n::Msg;
use suite_domain::org::Role;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::button::{Button, ButtonVariant};
use crate::error_state::ErrorState;
use crate::i18n::{use_lang, use_t};
use crate::loading::Loading;
use crate::login_form::LoginForm;

#[derive(Properties, PartialEq)]
pub struct StaffPanelProps {
    /// The heading; `Msg::StaffArea` when not given.
    #[prop_or_default]
    pub title: Option<AttrValue>,
    /// Told about every change: `Some` after the check or a login, `None` when nobody is
    /// logged in (any more).
    #[prop_or_default]
    pub on_session: Callback<Option<SessionInfo>>,
    /// Shown under the identity while someone is logged in.
    #[prop_or_default]
    pub children: Html,
    /// Whether the panel links to the service's back-office (`/beheer/`: your account,
    /// your organisation's staff and subscriptions); not on that back-office itself.
    #[prop_or(true)]
    pub account_link: bool,
}

#[derive(Clone, PartialEq)]
enum Panel {
    Loading,
    /// Nobody is logged in; `after_logout` shows the "you are logged out" notice.
    LoggedOut {
        after_logout: bool,
    },
    LoggedIn(SessionInfo),
    Failed(ApiError),
}

/// The catalogue key for a role in words.
fn role_words(role: &Role) -> Msg {
    match role {
        Role::Admin => Msg::RoleAdmin,
        Role::LibraryStaff { .. } => Msg::RoleLibraryStaff,
        Role::CentreStaff { .. } => Msg::RoleCentreStaff,
        Role::Company { .. } => Msg::RoleCompany,
    }
}

#[function_component]
pub fn StaffPanel(props: &StaffPanelProps) -> Html {
    let lang = use_lang();
    let t = use_t();
    let panel = use_state(|| Panel::Loading);
    // Bumped by "try again" to check the session anew.
    let attempt = use_state(|| 0_u32);

    {
        let panel = panel.clone();
        let on_session = props.on_session.clone();
        use_effect_with(*attempt, move |_| {
            panel.set(Panel::Loading);
            spawn_local(async move {
                // Nobody logged in is 204, not an error: a clean visit logs nothing. A
                // 401 (a server from before that) means the same.
                let found = match api::get_optional::<SessionInfo>("/api/session").await {
                    Err(error) if error.is_unauthorized() => Ok(None),
                    found => found,
                };
                match found {
                    Ok(Some(session)) => {
                        api::set_csrf_token(Some(session.csrf_token.clone()));
                        on_session.emit(Some(session.clone()));
                        panel.set(Panel::LoggedIn(session));
                    }
                    Ok(None) => {
                        api::set_csrf_token(None);
                        on_session.emit(None);
                        panel.set(Panel::LoggedOut {
                            after_logout: false,
                        });
                    }
                    Err(error) => panel.set(Panel::Failed(error)),
                }
            });
        });
    }

    let on_login = {
        let panel = panel.clone();
        let on_session = props.on_session.clone();
        Callback::from(move |session: SessionInfo| {
            on_session.emit(Some(session.clone()));
            panel.set(Panel::LoggedIn(session));
        })
    };
    let on_logout = {
        let panel = panel.clone();
        let on_session = props.on_session.clone();
        Callback::from(move |_: MouseEvent| {
            let (panel, on_session) = (panel.clone(), on_session.clone());
            spawn_local(async move {
                match api::delete("/api/session").await {
                    Ok(()) => {}
                    // Already logged out on the server: the same result.
                    Err(error) if error.is_unauthorized() => {}
                    Err(error) => {
                        panel.set(Panel::Failed(error));
                        return;
                    }
                }
                api::set_csrf_token(None);
                on_session.emit(None);
                panel.set(Panel::LoggedOut { after_logout: true });
            });
        })
    };
    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };

    let body = match &*panel {
        Panel::Loading => html! { <Loading /> },
        Panel::LoggedOut { after_logout } => html! {
            <>
                if *after_logout {
                    <p class="staff-notice" role="status">{ t(Msg::LoggedOut) }</p>
                }
                <LoginForm {on_login} />
            </>
        },
        Panel::LoggedIn(session) => html! {
            <>
                <p class="staff-identity">
                    { format!(
                        "{} {} ({})",
                        t(Msg::LoggedInAs),
                        session.display_name,
                        t(role_words(&session.role))
                    ) }
                </p>
                <Button class="logout" variant={ButtonVariant::Secondary} onclick={on_logout}>
                    { t(Msg::LogOut) }
                </Button>
                if props.account_link {
                    <p class="staff-account-link">
                        <a href={format!("/{}/", suite_domain::apps::ADMIN_SLUG)}>{ t(Msg::StaffAccountLink) }</a>
                    </p>
                }
                { props.children.clone() }
            </>
        },
        Panel::Failed(error) => html! {
            <ErrorState message={error.localized(lang)} {on_retry} />
        },
    };
    let title = props
        .title
        .clone()
        .unwrap_or(AttrValue::Static(t(Msg::StaffArea)));
    html! {
        <section class="staff-panel">
            <h2 class="staff-panel__title">{ title }</h2>
            { body }
        </section>
    }
}
