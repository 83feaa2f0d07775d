//! Live events: a change made through one server instance reaches the live views
//! (server-sent events) of every instance. Live views use only the [`LiveBus`] trait.
//!
//! - [`MemoryBus`]: one process (SQLite, the single-machine shape): a broadcast channel.
//! - [`PostgresBus`]: several instances on one PostgreSQL: an event is sent with
//!   `pg_notify` on the channel [`CHANNEL`], and each instance has one listening
//!   connection (`LISTEN`) that hands what arrives to its own subscribers, its own events
//!   included, so every instance sees the events in the same order.
//!
//! Events are signals, not a log: a subscriber that falls behind, or an instance whose
//! listening connection is lost for a moment, misses some. A live view therefore fetches
//! the current state when it (re)connects, and an event only says what to fetch anew.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use suite_domain::api::LiveEvent;
use tokio::sync::{OnceCell, broadcast};

use crate::db::DatabaseUrl;

/// The PostgreSQL notification channel of live events.
pub const CHANNEL: &str = "suite_live";
/// Events a subscriber may fall behind before it misses some.
const BACKLOG: usize = 256;
/// PostgreSQL's limit on a notification's payload is 8000 bytes; an event is far smaller.
const MAX_PAYLOAD: usize = 7_900;

/// A boxed future (the trait is used as `dyn LiveBus`).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Why an event could not be sent or a subscription made.
#[derive(Debug, thiserror::Error)]
pub enum BusError {
    #[error("cannot reach the database for live events: {0}")]
    Db(#[from] sqlx::Error),
    #[error("a live event is too large ({0} bytes)")]
    TooLarge(usize),
    #[error("cannot encode a live event: {0}")]
    Encode(#[from] serde_json::Error),
}

/// Sends live events to every instance, and hands them to this instance's subscribers.
pub trait LiveBus: Send + Sync + fmt::Debug {
    /// Sends `event` to the subscribers of every instance (this one included).
    fn publish(&self, event: LiveEvent) -> BoxFuture<'_, Result<(), BusError>>;
    /// A new subscription; once this answers, every event published afterwards (through
    /// any instance) reaches it.
    fn subscribe(&self) -> BoxFuture<'_, Result<broadcast::Receiver<LiveEvent>, BusError>>;
}

/// The bus of a configuration: PostgreSQL's when there is a database URL, else in memory.
pub fn for_database(url: Option<&DatabaseUrl>) -> Arc<dyn LiveBus> {
    match url {
        Some(url) => Arc::new(PostgresBus::new(url.clone())),
        None => Arc::new(MemoryBus::default()),
    }
}

/// The bus of one process.
#[derive(Debug)]
pub struct MemoryBus {
    sender: broadcast::Sender<LiveEvent>,
}

impl Default for MemoryBus {
    fn default() -> Self {
        Self {
            sender: broadcast::channel(BACKLOG).0,
        }
    }
}

impl LiveBus for MemoryBus {
    fn publish(&self, event: LiveEvent) -> BoxFuture<'_, Result<(), BusError>> {
        // Without subscribers the event is simply not needed.
        let _ = self.sender.send(event);
        Box::pin(async { Ok(()) })
    }

    fn subscribe(&self) -> BoxFuture<'_, Result<broadcast::Receiver<LiveEvent>, BusError>> {
        let receiver = self.sender.subscribe();
        Box::pin(async move { Ok(receiver) })
    }
}

/// The bus of several instances on one PostgreSQL database.
pub struct PostgresBus {
    url: DatabaseUrl,
    local: broadcast::Sender<LiveEvent>,
    /// The pool events are sent through (one connection: sending is rare).
    sender: OnceCell<sqlx::PgPool>,
    /// The listening task, started by the first subscription once its `LISTEN` holds.
    listening: OnceCell<()>,
}

impl fmt::Debug for PostgresBus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PostgresBus")
            .field("url", &self.url)
            .field("listening", &self.listening.initialized())
            .finish()
    }
}

impl PostgresBus {
    pub fn new(url: DatabaseUrl) -> Self {
        Self {
            url,
            local: broadcast::channel(BACKLOG).0,
            sender: OnceCell::new(),
            listening: OnceCell::new(),
        }
    }

    async fn pool(&self) -> Result<&sqlx::PgPool, BusError> {
        let pool = self
            .sender
            .get_or_try_init(|| async {
                sqlx::postgres::PgPoolOptions::new()
                    .max_connections(1)
                    .acquire_timeout(Duration::from_secs(5))
                    .connect(self.url.as_str())
                    .await
            })
            .await?;
        Ok(pool)
    }

    /// Starts the listening task; answers once its first `LISTEN` holds.
    async fn listen(&self) -> Result<(), BusError> {
        self.listening
            .get_or_try_init(|| async {
                let mut listener = sqlx::postgres::PgListener::connect(self.url.as_str()).await?;
                listener.listen(CHANNEL).await?;
                tokio::spawn(deliver(listener, self.local.clone()));
                Ok::<(), BusError>(())
            })
            .await?;
        Ok(())
    }
}

/// Hands every notification to this instance's subscribers, until the process ends.
/// `PgListener` connects anew (and listens again) after a lost connection; what was sent
/// meanwhile is missed (see the module).
async fn deliver(mut listener: sqlx::postgres::PgListener, local: broadcast::Sender<LiveEvent>) {
    loop {
        match listener.recv().await {
            Ok(notification) => match serde_json::from_str::<LiveEvent>(notification.payload()) {
                Ok(event) => {
                    let _ = local.send(event);
                }
                Err(e) => tracing::warn!("ignoring an unreadable live event: {e}"),
            },
            Err(e) => {
                tracing::warn!("live events: listening connection failed ({e}); trying again");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

impl LiveBus for PostgresBus {
    fn publish(&self, event: LiveEvent) -> BoxFuture<'_, Result<(), BusError>> {
        Box::pin(async move {
            let payload = serde_json::to_string(&event)?;
            if payload.len() > MAX_PAYLOAD {
                return Err(BusError::TooLarge(payload.len()));
            }
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(payload)
                .execute(self.pool().await?)
                .await?;
            Ok(())
        })
    }

    fn subscribe(&self) -> BoxFuture<'_, Result<broadcast::Receiver<LiveEvent>, BusError>> {
        Box::pin(async move {
            // Subscribe first, then make sure the listener runs: nothing in between is lost.
            let receiver = self.local.subscribe();
            self.listen().await?;
            Ok(receiver)
        })
    }
}

/// Tells every instance that the file at `path` under the public data folder changed;
/// a failure is logged (the file itself is published: only live views learn later).
pub async fn announce_published(
    bus: &dyn LiveBus,
    public_dir: &std::path::Path,
    path: &std::path::Path,
) {
    let Some(url_path) = data_url_path(public_dir, path) else {
        tracing::warn!(path = %path.display(), "published file outside the data folder; no live event");
        return;
    };
    if let Err(e) = bus.publish(LiveEvent::Published { path: url_path }).await {
        tracing::warn!("cannot send a live event: {e}");
    }
}

/// The URL path (`/data/...`) of a file under the public data folder.
fn data_url_path(public_dir: &std::path::Path, path: &std::path::Path) -> Option<String> {
    let relative = path.strip_prefix(public_dir).ok()?;
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| match c {
            std::path::Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect();
    let parts = parts.filter(|p| !p.is_empty())?;
    Some(format!("/data/{}", parts.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_bus_reaches_every_subscriber_from_subscription_on() {
        let bus = MemoryBus::default();
        bus.publish(LiveEvent::Published {
            path: "/data/early.json".into(),
        })
        .await
        .expect("sent without subscribers");
        let mut one = bus.subscribe().await.expect("subscribe");
        let mut two = bus.subscribe().await.expect("subscribe");
        let event = LiveEvent::Published {
            path: "/data/bieblo/gent.json".into(),
        };
        bus.publish(event.clone()).await.expect("sent");
        assert_eq!(one.recv().await.expect("one"), event);
        assert_eq!(two.recv().await.expect("two"), event);
        assert!(one.try_recv().is_err(), "the early event is not replayed");
    }

    #[test]
    fn data_paths() {
        let public = std::path::Path::new("/srv/data/public");
        assert_eq!(
            data_url_path(public, &public.join("culture-matcher/ccha.json")).as_deref(),
            Some("/data/culture-matcher/ccha.json")
        );
        assert_eq!(
            data_url_path(public, std::path::Path::new("/etc/passwd")),
            None
        );
        assert_eq!(data_url_path(public, public), None);
    }
}
