//! Queries of Culture Matcher: a centre's venues and shows, imported or made by staff,
//! and publishing the centre's programme as `/data/culture-matcher/<centre>.json`.
//!
//! Rules: an import adds and updates imported shows and venues, but never touches a
//! show made by staff (not even one with the same id), never changes a show's `in_swipe`
//! choice, and never changes a venue's transport and bike notes. Shows and venues are
//! stored as their domain JSON; `in_swipe` and the notes live in their own columns and
//! override what the JSON says.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use suite_domain::culture::programme::{Programme, Show, Venue};
/// Where a show comes from (the back-office API's type).
pub use suite_domain::culture::staff::ShowOrigin;

use super::Db;

/// A stored show: the show (with `in_swipe` from its column), its origin and when it
/// last changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredShow {
    pub show: Show,
    pub origin: ShowOrigin,
    /// RFC 3339.
    pub updated_at: String,
}

/// What an import changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// Ids of shows that were new.
    pub added: Vec<String>,
    /// Ids of imported shows that were updated.
    pub updated: Vec<String>,
    /// Ids of imported events left alone because a staff show has the same id.
    pub staff_kept: Vec<String>,
    /// Ids of venues that were new.
    pub venues_added: Vec<String>,
}

/// What putting a staff show did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    Created,
    Updated,
    /// An imported show has this id: nothing was changed.
    IdTakenByImport,
}

/// Why a programme could not be published.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("no centre {0:?}")]
    UnknownCentre(String),
    #[error("centre id {0:?} must be lower-case letters, digits, '-' or '_'")]
    BadCentreId(String),
    #[error("cannot write the programme at {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// Where a centre's programme is published, under the public data folder.
pub fn programme_path(public_dir: &Path, centre: &str) -> PathBuf {
    public_dir
        .join("culture-matcher")
        .join(format!("{centre}.json"))
}

fn to_json<T: Serialize>(value: &T) -> Result<String, sqlx::Error> {
    serde_json::to_string(value).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

fn from_json<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(text).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

type ShowRow = (String, i64, String, String);
type VenueRow = (String, Option<String>, Option<String>);

fn to_stored((origin, in_swipe, json, updated_at): ShowRow) -> Result<StoredShow, sqlx::Error> {
    stored(origin, in_swipe, from_json(&json)?, updated_at)
}

/// A stored show from its columns (the show decoded).
fn stored(
    origin: String,
    in_swipe: i64,
    mut show: Show,
    updated_at: String,
) -> Result<StoredShow, sqlx::Error> {
    show.in_swipe = in_swipe == 1;
    let origin = ShowOrigin::parse(&origin)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown origin {origin:?}").into()))?;
    Ok(StoredShow {
        show,
        origin,
        updated_at,
    })
}

fn to_venue((json, transport, bike): VenueRow) -> Result<Venue, sqlx::Error> {
    let mut venue: Venue = from_json(&json)?;
    venue.transport_note = transport;
    venue.bike_note = bike;
    Ok(venue)
}

/// A note as stored: trimmed, `None` when blank.
fn note(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

const SHOW_SELECT: &str = "SELECT origin, in_swipe, show, updated_at FROM culture_shows";

impl Db {
    /// Stores what an import read, in one transaction: new shows and venues are added,
    /// imported shows and venues updated; staff shows, `in_swipe` choices and venue notes
    /// stay as they are. Nothing is deleted.
    pub async fn upsert_imported_programme(
        &self,
        centre: &str,
        venues: &[Venue],
        shows: &[Show],
        now: &str,
    ) -> Result<ImportOutcome, sqlx::Error> {
        let mut outcome = ImportOutcome::default();
        let mut tx = self.begin_write().await?;
        for venue in venues {
            let mut plain = venue.clone();
            plain.transport_note = None;
            plain.bike_note = None;
            let known: Option<(i64,)> =
                sqlx::query_as("SELECT 1 FROM culture_venues WHERE centre_id = $1 AND id = $2")
                    .bind(centre)
                    .bind(&venue.id)
                    .fetch_optional(&mut *tx)
                    .await?;
            sqlx::query(
                "INSERT INTO culture_venues (centre_id, id, venue, updated_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (centre_id, id) DO UPDATE SET venue = excluded.venue, updated_at = excluded.updated_at",
            )
            .bind(centre)
            .bind(&venue.id)
            .bind(to_json(&plain)?)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if known.is_none() {
                outcome.venues_added.push(venue.id.clone());
            }
        }
        for show in shows {
            let origin: Option<(String,)> =
                sqlx::query_as("SELECT origin FROM culture_shows WHERE centre_id = $1 AND id = $2")
                    .bind(centre)
                    .bind(&show.id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let json = to_json(show)?;
            match origin.as_ref().map(|(o,)| o.as_str()) {
                Some("staff") => outcome.staff_kept.push(show.id.clone()),
                Some(_) => {
                    sqlx::query(
                        "UPDATE culture_shows SET show = $1, updated_at = $2 \
                         WHERE centre_id = $3 AND id = $4 AND origin = 'import'",
                    )
                    .bind(json)
                    .bind(now)
                    .bind(centre)
                    .bind(&show.id)
                    .execute(&mut *tx)
                    .await?;
                    outcome.updated.push(show.id.clone());
                }
                None => {
                    sqlx::query(
                        "INSERT INTO culture_shows (centre_id, id, origin, in_swipe, show, updated_at) \
                         VALUES ($1, $2, 'import', 0, $3, $4)",
                    )
                    .bind(centre)
                    .bind(&show.id)
                    .bind(json)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    outcome.added.push(show.id.clone());
                }
            }
        }
        let committed = tx.commit().await;
        self.shows_changed();
        committed?;
        Ok(outcome)
    }

    /// Every show of a centre, imported and staff-made, by id.
    ///
    /// The rows come as one JSON array in one row: on SQLite every row of a result is a
    /// hop from the connection's thread to the caller's, and a centre has many shows.
    pub async fn culture_shows(&self, centre: &str) -> Result<Vec<StoredShow>, sqlx::Error> {
        let sql = match self.backend() {
            super::Backend::Sqlite => {
                "SELECT COALESCE(json_group_array(json_array(origin, in_swipe, json(show), \
                 updated_at)), '[]') FROM culture_shows WHERE centre_id = $1"
            }
            super::Backend::Postgres => {
                "SELECT COALESCE(json_agg(json_build_array(origin, in_swipe, show::json, \
                 updated_at))::text, '[]') FROM culture_shows WHERE centre_id = $1"
            }
        };
        let (rows,): (String,) = sqlx::query_as(sql)
            .bind(centre)
            .fetch_one(self.pool())
            .await?;
        let rows: Vec<(String, i64, Show, String)> = from_json(&rows)?;
        let mut shows = rows
            .into_iter()
            .map(|(origin, in_swipe, show, updated_at)| stored(origin, in_swipe, show, updated_at))
            .collect::<Result<Vec<_>, _>>()?;
        shows.sort_by(|a, b| a.show.id.cmp(&b.show.id));
        Ok(shows)
    }

    /// [`Self::culture_shows`], as read less than [`super::recent::TTL`] ago when nothing
    /// was written through this process since: for staff reads that come often.
    pub async fn recent_culture_shows(
        &self,
        centre: &str,
    ) -> Result<std::sync::Arc<Vec<StoredShow>>, sqlx::Error> {
        let asked_at = std::time::Instant::now();
        if let Some(shows) = self.recent.shows.get(centre, asked_at) {
            return Ok(shows);
        }
        let generation = self.recent.shows.generation();
        let shows = std::sync::Arc::new(self.culture_shows(centre).await?);
        self.recent
            .shows
            .put(centre, shows.clone(), generation, asked_at);
        Ok(shows)
    }

    /// The shows staff made for a centre, by id.
    pub async fn list_staff_shows(&self, centre: &str) -> Result<Vec<StoredShow>, sqlx::Error> {
        let sql = format!("{SHOW_SELECT} WHERE centre_id = $1 AND origin = 'staff' ORDER BY id");
        let rows: Vec<ShowRow> = sqlx::query_as(&sql)
            .bind(centre)
            .fetch_all(self.pool())
            .await?;
        rows.into_iter().map(to_stored).collect()
    }

    /// One show of a centre, whatever its origin.
    pub async fn get_culture_show(
        &self,
        centre: &str,
        id: &str,
    ) -> Result<Option<StoredShow>, sqlx::Error> {
        let sql = format!("{SHOW_SELECT} WHERE centre_id = $1 AND id = $2");
        let row: Option<ShowRow> = sqlx::query_as(&sql)
            .bind(centre)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.map(to_stored).transpose()
    }

    /// Creates or replaces a staff show (its `in_swipe` included). An imported show with
    /// the same id is left alone: [`PutOutcome::IdTakenByImport`]. The caller checks the
    /// show (e.g. that its venue exists) before.
    pub async fn put_staff_show(
        &self,
        centre: &str,
        show: &Show,
        now: &str,
    ) -> Result<PutOutcome, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let origin: Option<(String,)> =
            sqlx::query_as("SELECT origin FROM culture_shows WHERE centre_id = $1 AND id = $2")
                .bind(centre)
                .bind(&show.id)
                .fetch_optional(&mut *tx)
                .await?;
        let outcome = match origin.as_ref().map(|(o,)| o.as_str()) {
            Some("staff") => {
                sqlx::query(
                    "UPDATE culture_shows SET in_swipe = $1, show = $2, updated_at = $3 \
                     WHERE centre_id = $4 AND id = $5 AND origin = 'staff'",
                )
                .bind(i64::from(show.in_swipe))
                .bind(to_json(show)?)
                .bind(now)
                .bind(centre)
                .bind(&show.id)
                .execute(&mut *tx)
                .await?;
                PutOutcome::Updated
            }
            Some(_) => PutOutcome::IdTakenByImport,
            None => {
                sqlx::query(
                    "INSERT INTO culture_shows (centre_id, id, origin, in_swipe, show, updated_at) \
                     VALUES ($1, $2, 'staff', $3, $4, $5)",
                )
                .bind(centre)
                .bind(&show.id)
                .bind(i64::from(show.in_swipe))
                .bind(to_json(show)?)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                PutOutcome::Created
            }
        };
        let committed = tx.commit().await;
        self.shows_changed();
        committed?;
        Ok(outcome)
    }

    /// Deletes a staff show; `false` when there is none with this id (imported shows are
    /// never deleted here).
    pub async fn delete_staff_show(&self, centre: &str, id: &str) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "DELETE FROM culture_shows WHERE centre_id = $1 AND id = $2 AND origin = 'staff'",
        )
        .bind(centre)
        .bind(id)
        .execute(self.pool())
        .await;
        self.shows_changed();
        Ok(done?.rows_affected() == 1)
    }

    /// Puts a show in the swipe or takes it out: the show as it is now, `None` when it
    /// does not exist.
    pub async fn set_in_swipe(
        &self,
        centre: &str,
        id: &str,
        in_swipe: bool,
    ) -> Result<Option<StoredShow>, sqlx::Error> {
        let row: Result<Option<ShowRow>, _> = sqlx::query_as(
            "UPDATE culture_shows SET in_swipe = $1 WHERE centre_id = $2 AND id = $3 \
             RETURNING origin, in_swipe, show, updated_at",
        )
        .bind(i64::from(in_swipe))
        .bind(centre)
        .bind(id)
        .fetch_optional(self.pool())
        .await;
        self.shows_changed();
        row?.map(to_stored).transpose()
    }

    /// Gives a show (imported or not) the picture `image`, a file on our own server; the
    /// demo's generated posters. `false` when there is no such show. The next import of
    /// the show writes what its source says again.
    pub async fn set_show_image(
        &self,
        centre: &str,
        id: &str,
        image: &suite_domain::culture::programme::Image,
    ) -> Result<bool, sqlx::Error> {
        let Some(mut stored) = self.get_culture_show(centre, id).await? else {
            return Ok(false);
        };
        stored.show.image = Some(image.clone());
        let done =
            sqlx::query("UPDATE culture_shows SET show = $1 WHERE centre_id = $2 AND id = $3")
                .bind(to_json(&stored.show)?)
                .bind(centre)
                .bind(id)
                .execute(self.pool())
                .await;
        self.shows_changed();
        Ok(done?.rows_affected() == 1)
    }

    /// After a write to a centre's shows: the shows read before are read again.
    fn shows_changed(&self) {
        self.recent.shows.forget_all();
    }

    /// A centre's venues (with their notes), by id.
    pub async fn culture_venues(&self, centre: &str) -> Result<Vec<Venue>, sqlx::Error> {
        let rows: Vec<VenueRow> = sqlx::query_as(
            "SELECT venue, transport_note, bike_note FROM culture_venues WHERE centre_id = $1 ORDER BY id",
        )
        .bind(centre)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(to_venue).collect()
    }

    /// Creates or replaces a venue made by staff, notes included.
    pub async fn put_venue(
        &self,
        centre: &str,
        venue: &Venue,
        now: &str,
    ) -> Result<(), sqlx::Error> {
        let mut plain = venue.clone();
        plain.transport_note = None;
        plain.bike_note = None;
        sqlx::query(
            "INSERT INTO culture_venues (centre_id, id, venue, transport_note, bike_note, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (centre_id, id) DO UPDATE SET \
             venue = excluded.venue, transport_note = excluded.transport_note, \
             bike_note = excluded.bike_note, updated_at = excluded.updated_at",
        )
        .bind(centre)
        .bind(&venue.id)
        .bind(to_json(&plain)?)
        .bind(note(venue.transport_note.as_deref()))
        .bind(note(venue.bike_note.as_deref()))
        .bind(now)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// Sets a venue's transport and bike notes (blank clears); `false` when the venue
    /// does not exist.
    pub async fn set_venue_notes(
        &self,
        centre: &str,
        venue: &str,
        transport_note: Option<&str>,
        bike_note: Option<&str>,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE culture_venues SET transport_note = $1, bike_note = $2 WHERE centre_id = $3 AND id = $4",
        )
        .bind(note(transport_note))
        .bind(note(bike_note))
        .bind(centre)
        .bind(venue)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The centre's programme as the app reads it: its venues and the shows that have
    /// not ended at `now_unix` (cancelled ones included, so the app can say so), by next
    /// date. `None` when there is no such centre.
    pub async fn culture_programme(
        &self,
        centre: &str,
        now_unix: i64,
        generated_at: &str,
    ) -> Result<Option<Programme>, sqlx::Error> {
        let name: Option<(String,)> =
            sqlx::query_as("SELECT name FROM organisations WHERE kind = 'centre' AND id = $1")
                .bind(centre)
                .fetch_optional(self.pool())
                .await?;
        let Some((centre_name,)) = name else {
            return Ok(None);
        };
        let mut shows: Vec<(i64, Show)> = self
            .culture_shows(centre)
            .await?
            .into_iter()
            .filter_map(|s| {
                let next = s.show.calendar.next_start(now_unix).or_else(|| {
                    // A cancelled show keeps its dates in the programme until they pass.
                    s.show
                        .calendar
                        .occurrences
                        .iter()
                        .map(|o| o.start.unix)
                        .filter(|&t| t >= now_unix)
                        .min()
                })?;
                Some((next, s.show))
            })
            .collect();
        shows.sort_by(|(a, x), (b, y)| a.cmp(b).then_with(|| x.id.cmp(&y.id)));
        // Demo centres are the `demo-` ones (see `demo::DEMO_ORGS`).
        let demo = centre.starts_with("demo-");
        Ok(Some(Programme {
            centre: centre.to_string(),
            centre_name,
            generated_at: generated_at.to_string(),
            demo,
            venues: self.culture_venues(centre).await?,
            shows: shows.into_iter().map(|(_, s)| s).collect(),
        }))
    }

    /// Writes the centre's programme to `<public_dir>/culture-matcher/<centre>.json`
    /// through a temporary file and a rename; returns the path. The programme is read
    /// while the file's lock is held, so of several publishers the last one writes the
    /// newest state; calls that come while a republish of the same centre runs share the
    /// next one ([`crate::publish::Coalescer`]).
    pub async fn publish_programme(
        &self,
        centre: &str,
        public_dir: &Path,
    ) -> Result<PathBuf, PublishError> {
        if !crate::import::is_safe_id(centre) {
            return Err(PublishError::BadCentreId(centre.to_string()));
        }
        let path = programme_path(public_dir, centre);
        self.publishes
            .publish(&path, async || self.write_programme(centre, &path).await)
            .await?;
        Ok(path)
    }

    /// Reads `centre`'s programme and writes it to `path`, holding its publish lock.
    async fn write_programme(&self, centre: &str, path: &Path) -> Result<(), PublishError> {
        let lock = crate::publish::PublishLock::acquire(path)
            .await
            .map_err(|source| PublishError::Write {
                path: path.display().to_string(),
                source,
            })?;
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let programme = self
            .culture_programme(centre, now, &crate::import::now_rfc3339())
            .await?
            .ok_or_else(|| PublishError::UnknownCentre(centre.to_string()))?;
        let write_error = |source| PublishError::Write {
            path: path.display().to_string(),
            source,
        };
        let bytes =
            serde_json::to_vec(&programme).map_err(|e| write_error(std::io::Error::other(e)))?;
        tokio::task::spawn_blocking(move || lock.write(&bytes))
            .await
            .map_err(|e| write_error(std::io::Error::other(e)))?
            .map_err(write_error)?;
        Ok(())
    }
}
