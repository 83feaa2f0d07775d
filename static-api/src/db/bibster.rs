//! Queries of Bibster's games (`bibster_games`): a library's own games, the public
//! template library and copies of its games. Sessions, teams and answers are in
//! `bibster_play.rs`.

use suite_domain::bibster::api::{GameRecord, GameSource, GameState, GameSummary, Template};
use suite_domain::bibster::game::{Game, Variant};

use super::Db;

/// A game's columns as read, with the source library's name (joined).
const GAME_COLUMNS: &str = "g.id, g.library_id, g.title, g.variant, g.state, g.tasks, g.shared, \
     g.source_id, g.source_library, COALESCE(o.name, g.source_library), g.source_title, \
     g.updated_at, g.updated_by";
const GAME_FROM: &str = "FROM bibster_games g LEFT JOIN organisations o \
     ON o.kind = 'library' AND o.id = g.source_library";

type GameRow = (
    i64,
    String,
    String,
    String,
    String,
    i64,
    i64,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
);

fn variant_str(variant: Variant) -> &'static str {
    match variant {
        Variant::Story => "story",
        Variant::Quest => "quest",
    }
}

fn parse_variant(text: &str) -> Variant {
    if text == "quest" {
        Variant::Quest
    } else {
        Variant::Story
    }
}

fn summary(row: GameRow) -> GameSummary {
    let (
        id,
        library,
        title,
        variant,
        state,
        tasks,
        shared,
        source_id,
        source_library,
        source_name,
        source_title,
        updated_at,
        updated_by,
    ) = row;
    GameSummary {
        id,
        library,
        title,
        variant: parse_variant(&variant),
        state: GameState::parse(&state).unwrap_or(GameState::Draft),
        tasks: u32::try_from(tasks).unwrap_or(0),
        shared: shared != 0,
        source: match (source_id, source_library) {
            (Some(id), Some(library)) => Some(GameSource {
                id,
                library_name: source_name.unwrap_or_else(|| library.clone()),
                library,
                title: source_title.unwrap_or_default(),
            }),
            _ => None,
        },
        updated_at,
        updated_by,
    }
}

/// Where a new game comes from, when it is a copy.
#[derive(Debug, Clone)]
pub struct CopiedFrom {
    pub id: i64,
    pub library: String,
    pub title: String,
}

impl Db {
    /// The games of `library`, newest change first; archived ones only with `archived`.
    pub async fn bibster_games(
        &self,
        library: &str,
        archived: bool,
    ) -> Result<Vec<GameSummary>, sqlx::Error> {
        let sql = format!(
            "SELECT {GAME_COLUMNS} {GAME_FROM} WHERE g.library_id = $1 \
             AND ($2 = 1 OR g.state <> 'archived') ORDER BY g.updated_at DESC, g.id DESC"
        );
        let rows: Vec<GameRow> = sqlx::query_as(&sql)
            .bind(library)
            .bind(i64::from(archived))
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(summary).collect())
    }

    /// One game, whichever library's (handlers check the scope).
    pub async fn bibster_game(&self, id: i64) -> Result<Option<GameRecord>, sqlx::Error> {
        let sql = format!("SELECT {GAME_COLUMNS}, g.game {GAME_FROM} WHERE g.id = $1");
        let row: Option<sqlx::any::AnyRow> = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else { return Ok(None) };
        use sqlx::Row;
        let columns: GameRow = (
            row.try_get(0)?,
            row.try_get(1)?,
            row.try_get(2)?,
            row.try_get(3)?,
            row.try_get(4)?,
            row.try_get(5)?,
            row.try_get(6)?,
            row.try_get(7)?,
            row.try_get(8)?,
            row.try_get(9)?,
            row.try_get(10)?,
            row.try_get(11)?,
            row.try_get(12)?,
        );
        let json: String = row.try_get(13)?;
        // Stored games were checked; one that no longer reads is an internal error.
        let game: Game = serde_json::from_str(&json).map_err(|e| sqlx::Error::ColumnDecode {
            index: "game".into(),
            source: Box::new(e),
        })?;
        Ok(Some(GameRecord {
            summary: summary(columns),
            game,
        }))
    }

    /// Stores a new (checked) draft of `library`; its id.
    pub async fn create_bibster_game(
        &self,
        library: &str,
        game: &Game,
        copied_from: Option<&CopiedFrom>,
        by: &str,
        at: &str,
    ) -> Result<i64, sqlx::Error> {
        let json = serde_json::to_string(game).unwrap_or_default();
        sqlx::query_scalar(
            "INSERT INTO bibster_games (library_id, title, variant, game, tasks, state, shared, \
             source_id, source_library, source_title, created_at, updated_at, updated_by) \
             VALUES ($1, $2, $3, $4, $5, 'draft', 0, $6, $7, $8, $9, $9, $10) RETURNING id",
        )
        .bind(library)
        .bind(&game.title)
        .bind(variant_str(game.variant))
        .bind(json)
        .bind(game.tasks.len() as i64)
        .bind(copied_from.map(|c| c.id))
        .bind(copied_from.map(|c| c.library.clone()))
        .bind(copied_from.map(|c| c.title.clone()))
        .bind(at)
        .bind(by)
        .fetch_one(self.pool())
        .await
    }

    /// Replaces game `id` of `library` with a (checked) new version; false when there is
    /// no such game of that library.
    pub async fn update_bibster_game(
        &self,
        id: i64,
        library: &str,
        game: &Game,
        by: &str,
        at: &str,
    ) -> Result<bool, sqlx::Error> {
        let json = serde_json::to_string(game).unwrap_or_default();
        let done = sqlx::query(
            "UPDATE bibster_games SET title = $3, variant = $4, game = $5, tasks = $6, \
             updated_at = $7, updated_by = $8 WHERE id = $1 AND library_id = $2",
        )
        .bind(id)
        .bind(library)
        .bind(&game.title)
        .bind(variant_str(game.variant))
        .bind(json)
        .bind(game.tasks.len() as i64)
        .bind(at)
        .bind(by)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Sets the state of game `id` of `library` (an archived game leaves the template
    /// library); false when there is no such game.
    pub async fn set_bibster_game_state(
        &self,
        id: i64,
        library: &str,
        state: GameState,
        by: &str,
        at: &str,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE bibster_games SET state = $3, \
             shared = CASE WHEN $3 = 'published' THEN shared ELSE 0 END, \
             updated_at = $4, updated_by = $5 WHERE id = $1 AND library_id = $2",
        )
        .bind(id)
        .bind(library)
        .bind(state.as_str())
        .bind(at)
        .bind(by)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Shares game `id` of `library` in the template library, or takes it out; only a
    /// published game can be shared. False when there is no such (published) game.
    pub async fn set_bibster_game_shared(
        &self,
        id: i64,
        library: &str,
        shared: bool,
        by: &str,
        at: &str,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE bibster_games SET shared = $3, updated_at = $4, updated_by = $5 \
             WHERE id = $1 AND library_id = $2 AND ($3 = 0 OR state = 'published')",
        )
        .bind(id)
        .bind(library)
        .bind(i64::from(shared))
        .bind(at)
        .bind(by)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The template library: shared, published games of libraries not archived, by title.
    pub async fn bibster_templates(&self) -> Result<Vec<Template>, sqlx::Error> {
        let rows: Vec<(i64, String, String, i64, String, String, String)> = sqlx::query_as(
            "SELECT g.id, g.title, g.variant, g.tasks, g.library_id, o.name, g.updated_at \
             FROM bibster_games g JOIN organisations o ON o.kind = 'library' \
             AND o.id = g.library_id AND o.archived_at IS NULL \
             WHERE g.shared = 1 AND g.state = 'published' ORDER BY g.title, g.id",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, title, variant, tasks, library, library_name, updated_at)| Template {
                    id,
                    title,
                    variant: parse_variant(&variant),
                    tasks: u32::try_from(tasks).unwrap_or(0),
                    library,
                    library_name,
                    updated_at,
                },
            )
            .collect())
    }
}
