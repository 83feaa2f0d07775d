//! Anonymous interaction counts for the centre: one small POST per event, fire and
//! forget. A failure is dropped silently: counts are never worth bothering anyone with.

use gloo_net::http::Request;
use suite_domain::culture::insight::{Feedback, Interaction};
use wasm_bindgen::JsValue;
use yew::platform::spawn_local;

use suite_ui::json;

/// `POST url` with JSON text (the body of `InteractionReport` or `Feedback`, written
/// field by field); whether the server took it.
async fn post(url: &str, body: &JsValue) -> bool {
    let Some(text) = json::stringify(body) else {
        return false;
    };
    match Request::post(&suite_ui::api::url(url))
        .header("content-type", "application/json")
        .body(text)
    {
        Ok(request) => request.send().await.is_ok_and(|r| r.ok()),
        Err(_) => false,
    }
}

/// Tells the server that something happened with `show` (nothing else is sent).
pub(crate) fn report(centre: &str, show: &str, interaction: Interaction) {
    let url = format!("/api/culture/{centre}/interactions");
    let body = json::object(&[
        ("show", show.into()),
        ("interaction", interaction.as_str().into()),
    ]);
    spawn_local(async move {
        post(&url, &body).await;
    });
}

/// Sends the answers of an after-show chat; `false` when they did not arrive.
pub(crate) async fn send_feedback(centre: &str, feedback: &Feedback) -> bool {
    let url = format!("/api/culture/{centre}/feedback");
    let words = feedback
        .words
        .as_deref()
        .map_or(JsValue::NULL, JsValue::from_str);
    let body = json::object(&[
        ("show", feedback.show.as_str().into()),
        ("rating", feedback.rating.into()),
        ("similar", feedback.similar.into()),
        ("words", words),
    ]);
    post(&url, &body).await
}
