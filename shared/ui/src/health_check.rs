//! `HealthCheck`: asks `/api/health` once and says whether the server answers; the
//! `data-health` attribute (`checking`, `ok`, `down`) is read by the end-to-end tests.

use suite_domain::i18n::Msg;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::i18n::use_t;
use crate::json;

#[derive(Clone, PartialEq)]
enum Status {
    Checking,
    Ok { version: String },
    Down,
}

/// `GET /api/health`: the server's version when it answers `{"status": "ok", ...}`. Read
/// with `JSON.parse` rather than serde (`suite_domain::api::Health` is the same shape), so
/// that the public bundles that show this check carry no `serde_json`.
async fn health() -> Option<String> {
    let body = json::fetch("/api/health").await?;
    (json::string(&body, "status")? == "ok").then_some(())?;
    json::string(&body, "version")
}

#[function_component]
pub fn HealthCheck() -> Html {
    let t = use_t();
    let status = use_state(|| Status::Checking);

    {
        let status = status.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let next = match health().await {
                    Some(version) => Status::Ok { version },
                    None => Status::Down,
                };
                status.set(next);
            });
        });
    }

    let (state, text) = match &*status {
        Status::Checking => ("checking", t(Msg::ApiChecking).to_owned()),
        Status::Ok { version } => ("ok", format!("{} (v{version})", t(Msg::ApiOk))),
        Status::Down => ("down", t(Msg::ApiDown).to_owned()),
    };
    html! {
        <p class={classes!("health", format!("health--{state}"))} role="status" data-health={state}>
            { text }
        </p>
    }
}
