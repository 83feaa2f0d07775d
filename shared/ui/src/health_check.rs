//! `HealthCheck`: asks `/api/health` once and speaks up only when the server does not
//! answer (a working server needs no badge); the `data-health` attribute (`checking`,
//! `ok`, `down`) is read by the end-to-end tests.

use suite_domain::i18n::Msg;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::i18n::use_t;
use crate::json;

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Checking,
    Ok,
    Down,
}

/// `GET /api/health`: whether it answers `{"status": "ok", ...}`. Read with `JSON.parse`
/// rather than serde (`suite_domain::api::Health` is the same shape), so that the public
/// bundles that show this check carry no `serde_json`.
async fn health() -> bool {
    let Some(body) = json::fetch("/api/health").await else {
        return false;
    };
    json::string(&body, "status").as_deref() == Some("ok")
}

#[function_component]
pub fn HealthCheck() -> Html {
    let t = use_t();
    let status = use_state(|| Status::Checking);

    {
        let status = status.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                status.set(if health().await {
                    Status::Ok
                } else {
                    Status::Down
                });
            });
        });
    }

    // An empty live region until there is something to say.
    let (state, text) = match *status {
        Status::Checking => ("checking", None),
        Status::Ok => ("ok", None),
        Status::Down => ("down", Some(t(Msg::ApiDown))),
    };
    html! {
        <p class={classes!("health", text.map(|_| "health--down"))} role="status" data-health={state}>
            { text.unwrap_or_default() }
        </p>
    }
}
