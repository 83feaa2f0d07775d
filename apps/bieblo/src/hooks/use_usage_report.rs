//! `use_usage_report`: tells the server the anonymous counts of a visit (age band, theme
//! swipes, themes of the tips) once, when its first shelf is shown. A failure is silently
//! dropped: statistics are never worth bothering a child with.

use gloo_net::http::Request;
use suite_domain::bieblo::kiosk::kiosk_api_path;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::state::State;

#[hook]
pub(crate) fn use_usage_report(state: &State) {
    let first_shelf = (state.visit.shelves == 1).then(|| state.usage()).flatten();
    let settings = &state.library.settings;
    let url = format!(
        "{}/usage",
        kiosk_api_path(&settings.library, &settings.branch_id)
    );
    use_effect_with(first_shelf, move |usage| {
        if let Some(usage) = usage.clone() {
            spawn_local(async move {
                if let Ok(request) = Request::post(&suite_ui::api::url(&url)).json(&usage) {
                    let _ = request.send().await;
                }
            });
        }
    });
}
