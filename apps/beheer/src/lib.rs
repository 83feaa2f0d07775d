//! The service's back-office (`/beheer/`): for the admin the organisations, their
//! subscriptions to the apps, staff accounts, branches, the figures and the audit log;
//! for a manager the same of their own organisation; for everyone their own password
//! and sessions. `/beheer/uitnodiging#<token>` is where an invited person sets their
//! password. Every call goes through `suite_ui::api`; the rules are the server's
//! (`suite_domain::service`), which the buttons follow.

mod account;
mod app;
mod audit;
mod figures;
mod invitation;
mod org_office;
mod orgs;
mod view;

/// Starts the back-office in the page.
pub fn run() {
    yew::Renderer::<app::BeheerApp>::new().render();
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
