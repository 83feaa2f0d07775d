//! Loading, empty and error states, and the server health check.

use std::cell::Cell;
use std::rc::Rc;

use serde_json::json;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::{
    EmptyState, EmptyStateProps, ErrorState, ErrorStateProps, HealthCheck, Loading, UiText,
};
use wasm_bindgen_test::wasm_bindgen_test;
use yew::{Callback, Html};

use crate::support::{click, fetch_calls, mount, stub_fetch, wait_for};

#[wasm_bindgen_test]
async fn error_state_is_an_alert_whose_retry_calls_back() {
    let retries = Rc::new(Cell::new(0));
    let counter = retries.clone();
    let props = ErrorStateProps {
        message: UiText::from("Het ging mis."),
        on_retry: Some(Callback::from(move |()| counter.set(counter.get() + 1))),
    };
    let state = mount::<ErrorState>(props);
    wait_for("the alert", || state.find("[role=alert]").is_some()).await;
    assert_eq!(state.text(".error-state__message"), "Het ging mis.");
    let retry = state.get("button.error-state__retry");
    assert_eq!(
        retry.text_content().as_deref(),
        Some(Msg::Retry.text(Lang::Nl))
    );
    click(&retry);
    click(&retry);
    assert_eq!(retries.get(), 2);
    state.unmount();

    let without = mount::<ErrorState>(ErrorStateProps {
        message: Msg::ErrNetwork.into(),
        on_retry: None,
    });
    wait_for("the alert", || without.find("[role=alert]").is_some()).await;
    assert_eq!(
        without.text(".error-state__message"),
        Msg::ErrNetwork.text(Lang::Nl)
    );
    assert!(without.find("button").is_none());
    without.unmount();
}

#[wasm_bindgen_test]
async fn loading_and_empty_states_say_what_is_going_on() {
    let loading = mount::<Loading>(());
    wait_for("the status", || loading.find("[role=status]").is_some()).await;
    assert_eq!(loading.text("[role=status]"), Msg::Loading.text(Lang::Nl));
    loading.unmount();

    let empty = mount::<EmptyState>(EmptyStateProps {
        message: Msg::Nothing.into(),
        children: Html::default(),
    });
    wait_for("the message", || {
        empty.text(".empty-state") == Msg::Nothing.text(Lang::Nl)
    })
    .await;
    empty.unmount();
}

#[wasm_bindgen_test]
async fn health_check_says_nothing_while_the_server_answers() {
    stub_fetch(
        json!({ "GET /api/health": [200, {"status": "ok", "version": "1.2.3", "demo": true}] }),
    );
    let health = mount::<HealthCheck>(());
    wait_for("ok", || health.find("[data-health=ok]").is_some()).await;
    assert_eq!(
        health.text("[role=status]"),
        "",
        "no badge for a working server"
    );
    // A read sends only the browser's own headers (`api::prepare`).
    assert_eq!(fetch_calls()[0].accept, None);
    health.unmount();
}

#[wasm_bindgen_test]
async fn health_check_shows_down_when_the_server_is_gone() {
    stub_fetch(json!({ "GET /api/health": "network" }));
    let health = mount::<HealthCheck>(());
    assert!(health.find("[data-health=ok]").is_none());
    wait_for("down", || health.find("[data-health=down]").is_some()).await;
    assert_eq!(health.text("[role=status]"), Msg::ApiDown.text(Lang::Nl));
    health.unmount();
}
