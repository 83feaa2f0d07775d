//! A live check that the suite's server answers: one request to `/api/health` at
//! startup, whose outcome the title screen shows.
//!
//! The request runs as a browser task outside bevy's schedule; it leaves its answer
//! in a shared slot that a system copies into the [`ApiStatus`] resource.

use std::sync::{Arc, Mutex};

use bevy::prelude::*;
use suite_domain::i18n::Msg;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Same origin as the game; the server's health endpoint.
const HEALTH_URL: &str = "/api/health";
/// After this long without an answer the server counts as down.
const HEALTH_TIMEOUT_MS: u32 = 8_000;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ApiStatus>();
    app.add_systems(Startup, start_health_check);
    app.add_systems(
        Update,
        receive_health_check.run_if(resource_exists::<HealthCheckSlot>),
    );
}

/// What we know about the server.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum ApiStatus {
    /// The request is still under way.
    #[default]
    Checking,
    /// The health endpoint answered with a success status.
    Ok,
    /// No answer, a network error or an error status.
    Down,
}

impl ApiStatus {
    /// The catalogue message that tells the user about this status.
    pub(crate) fn message(self) -> Msg {
        match self {
            ApiStatus::Checking => Msg::ApiChecking,
            ApiStatus::Ok => Msg::ApiOk,
            ApiStatus::Down => Msg::ApiDown,
        }
    }
}

/// Where the browser task leaves its answer. Removed once the answer is copied.
#[derive(Resource)]
struct HealthCheckSlot(Arc<Mutex<Option<ApiStatus>>>);

fn start_health_check(mut commands: Commands) {
    let slot = Arc::new(Mutex::new(None));
    let task_slot = Arc::clone(&slot);
    wasm_bindgen_futures::spawn_local(async move {
        let status = if health_endpoint_answers().await {
            ApiStatus::Ok
        } else {
            ApiStatus::Down
        };
        if let Ok(mut answer) = task_slot.lock() {
            *answer = Some(status);
        }
    });
    commands.insert_resource(HealthCheckSlot(slot));
}

fn receive_health_check(
    mut commands: Commands,
    slot: Res<HealthCheckSlot>,
    mut status: ResMut<ApiStatus>,
) {
    let answer = slot.0.lock().ok().and_then(|mut answer| answer.take());
    if let Some(answer) = answer {
        info!("server health check: {answer:?}");
        // The same marker the yew apps' health check sets, for tests and tools.
        let marker = if answer == ApiStatus::Ok {
            "ok"
        } else {
            "down"
        };
        crate::web::set_root_attribute("data-health", marker);
        *status = answer;
        commands.remove_resource::<HealthCheckSlot>();
    }
}

/// True when `GET /api/health` answers with a 2xx status within the timeout.
async fn health_endpoint_answers() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(
        HEALTH_TIMEOUT_MS,
    )));
    let request = window.fetch_with_str_and_init(&crate::web::api_url(HEALTH_URL), &init);
    match JsFuture::from(request).await {
        Ok(response) => response
            .dyn_into::<web_sys::Response>()
            .is_ok_and(|response| response.ok()),
        Err(_) => false,
    }
}
