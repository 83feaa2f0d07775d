//! `GET /api/live/published`: server-sent events telling open pages that a file under
//! `/data/` was published anew (see [`crate::live_bus`]). Anonymous: the files are
//! public, and an event carries only a path.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use suite_domain::api::{ErrorBody, LiveEvent};
use tokio::sync::broadcast;

use crate::AppState;
use crate::error::AppError;

/// A comment line this often keeps proxies from closing a quiet stream.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

#[utoipa::path(
    get,
    path = "/api/live/published",
    tag = "system",
    responses(
        (status = 200, description = "A stream of server-sent events (`text/event-stream`) that stays open: \
            one event `published` (data: the JSON of a LiveEvent) each time a file under /data/ \
            is published anew. Fetch the file again when it arrives; events sent while not \
            connected are not repeated.", content_type = "text/event-stream", body = LiveEvent),
        (status = 503, description = "Live events cannot be reached now", body = ErrorBody),
    )
)]
pub(super) async fn published(
    State(state): State<AppState>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let receiver = subscribe(&state).await?;
    Ok(stream(receiver, |event| match event {
        LiveEvent::Published { .. } => Some("published"),
        _ => None,
    }))
}

/// A subscription of the live bus, or 503 when live events cannot be reached.
pub(crate) async fn subscribe(
    state: &AppState,
) -> Result<broadcast::Receiver<LiveEvent>, AppError> {
    state.live.subscribe().await.map_err(|e| {
        tracing::warn!("live events unavailable: {e}");
        AppError::Busy {
            retry_after: Duration::from_secs(5),
        }
    })
}

/// The events of `receiver` that `name` names (the SSE event's name), as a stream of
/// server-sent events kept alive by comments.
pub(crate) fn stream(
    receiver: broadcast::Receiver<LiveEvent>,
    name: impl Fn(&LiveEvent) -> Option<&'static str> + Send + 'static,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    Sse::new(events(receiver, name)).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}

/// The events of `receiver` that `name` names, as SSE events; a subscriber that fell
/// behind goes on with the newest (the page fetches anew anyway).
fn events(
    receiver: broadcast::Receiver<LiveEvent>,
    name: impl Fn(&LiveEvent) -> Option<&'static str> + Send + 'static,
) -> impl Stream<Item = Result<Event, Infallible>> {
    futures_util::stream::unfold((receiver, name), |(mut receiver, name)| async move {
        loop {
            match receiver.recv().await {
                Ok(event) => {
                    let Some(event_name) = name(&event) else {
                        continue;
                    };
                    match Event::default().event(event_name).json_data(&event) {
                        Ok(sse) => return Some((Ok(sse), (receiver, name))),
                        Err(e) => tracing::warn!("cannot encode a live event: {e}"),
                    }
                }
                Err(broadcast::error::RecvError::Lagged(missed)) => {
                    tracing::debug!(missed, "a live view fell behind");
                }
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    })
}
