//! `HealthCheck`: asks `/api/health` once and says whether the server answers; the
//! `data-health` attribute (`checking`, `ok`, `down`) is read by the end-to-end tests.

use suite_domain::api::Health;
use suite_domain::i18n::Msg;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::i18n::use_t;

#[derive(Clone, PartialEq)]
enum Status {
    Checking,
    Ok { version: String },
    Down,
}

#[function_component]
pub fn HealthCheck() -> Html {
    let t = use_t();
    let status = use_state(|| Status::Checking);

    {
        let status = status.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let next = match api::get::<Health>("/api/health").await {
                    Ok(health) if health.status == "ok" => Status::Ok {
                        version: health.version,
                    },
                    _ => Status::Down,
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
