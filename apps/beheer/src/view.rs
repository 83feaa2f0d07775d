//! What the sections share: loading a resource, the notices after a change, times in
//! words, and (from `suite_ui::back_office`) the section frame and field messages.

use serde::de::DeserializeOwned;
use suite_domain::i18n::Msg;
use suite_domain::service::SubscriptionState;
use suite_ui::api::{self, ApiError};
pub(crate) use suite_ui::back_office::{described, field_error, load_failed, section};
use yew::platform::spawn_local;
use yew::prelude::*;

/// A resource as it is loaded.
#[derive(Clone, PartialEq)]
pub(crate) enum Load<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

/// `GET url` whenever `url` or `attempt` changes.
#[hook]
pub(crate) fn use_load<T>(url: String, attempt: u32) -> UseStateHandle<Load<T>>
where
    T: DeserializeOwned + Clone + PartialEq + 'static,
{
    let state = use_state(|| Load::Loading);
    {
        let state = state.clone();
        use_effect_with((url, attempt), move |(url, _)| {
            let url = url.clone();
            state.set(Load::Loading);
            spawn_local(async move {
                state.set(match api::get::<T>(&url).await {
                    Ok(found) => Load::Ready(found),
                    Err(error) => Load::Failed(error),
                });
            });
        });
    }
    state
}

/// A live region for the notices after a change: always in the page, so screen readers
/// read what appears in it.
pub(crate) fn status(text: Option<String>) -> Html {
    html! {
        <div role="status">
            if let Some(text) = text {
                <p class="staff-notice">{ text }</p>
            }
        </div>
    }
}

/// An error after a change, read out at once.
pub(crate) fn alert(text: String) -> Html {
    html! { <p class="form-error" role="alert">{ text }</p> }
}

/// The words of a subscription's state (`None`: none yet).
pub(crate) fn state_words(state: Option<SubscriptionState>) -> Msg {
    match state {
        None => Msg::AdmStateNone,
        Some(SubscriptionState::Requested) => Msg::AdmStateRequested,
        Some(SubscriptionState::Active) => Msg::AdmStateActive,
        Some(SubscriptionState::Paused) => Msg::AdmStatePaused,
        Some(SubscriptionState::Ended) => Msg::AdmStateEnded,
    }
}

/// `YYYY-MM-DD HH:MM UTC` of Unix seconds.
pub(crate) fn unix_time(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rest / 3_600,
        rest % 3_600 / 60
    )
}

/// An RFC 3339 time as `YYYY-MM-DD HH:MM` (UTC, as stored).
pub(crate) fn rfc3339_short(time: &str) -> String {
    match (time.get(..10), time.get(11..16)) {
        (Some(day), Some(clock)) => format!("{day} {clock}"),
        _ => time.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn times_in_words() {
        assert_eq!(unix_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(unix_time(1_796_459_470), "2026-12-05 08:31 UTC");
        assert_eq!(unix_time(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(
            rfc3339_short("2026-12-05T01:34:46.123Z"),
            "2026-12-05 01:34"
        );
        assert_eq!(rfc3339_short("kort"), "kort");
    }
}
