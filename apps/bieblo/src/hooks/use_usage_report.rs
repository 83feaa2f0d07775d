//! `use_usage_report`: tells the server the anonymous counts of every shelf shown (the
//! first of a visit with its age band and theme swipes, each later one with its tips).
//! A failure is silently dropped: statistics are never worth bothering a child with.

use gloo_net::http::Request;
use suite_domain::bieblo::kiosk::kiosk_api_path;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::state::State;

#[hook]
pub(crate) fn use_usage_report(state: &State) {
    let usage = state.usage();
    let settings = &state.library.settings;
    let url = format!(
        "{}/usage",
        kiosk_api_path(&settings.library, &settings.branch_id)
    );
    // Once per shelf: the visit's seed and its count of shelves change together with it.
    use_effect_with((state.visit.seed, state.visit.shelves), move |_| {
        if let Some(usage) = usage {
            spawn_local(async move {
                if let Ok(request) = Request::post(&suite_ui::api::url(&url)).json(&usage) {
                    let _ = request.send().await;
                }
            });
        }
    });
}
