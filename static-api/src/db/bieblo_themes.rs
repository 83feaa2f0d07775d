//! A library's own Bieblo themes, as staff saved them; the defaults when there are none.

use suite_domain::bieblo::{Theme, default_themes};

use super::Db;

impl Db {
    /// The library's themes: its own when staff saved some (and they still read), the
    /// defaults otherwise.
    pub async fn library_themes(&self, library: &str) -> Result<Vec<Theme>, sqlx::Error> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT themes FROM bieblo_themes WHERE library_id = $1")
                .bind(library)
                .fetch_optional(self.pool())
                .await?;
        Ok(match row {
            Some((json,)) => serde_json::from_str(&json).unwrap_or_else(|e| {
                tracing::error!(%library, "stored themes do not read ({e}); using the defaults");
                default_themes()
            }),
            None => default_themes(),
        })
    }

    /// Stores the library's themes (already checked with `check_themes`).
    pub async fn save_library_themes(
        &self,
        library: &str,
        themes: &[Theme],
        now: &str,
    ) -> Result<(), sqlx::Error> {
        let json = serde_json::to_string(themes).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        sqlx::query(
            "INSERT INTO bieblo_themes (library_id, themes, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (library_id) DO UPDATE SET themes = excluded.themes, updated_at = excluded.updated_at",
        )
        .bind(library)
        .bind(json)
        .bind(now)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// Back to the default themes.
    pub async fn reset_library_themes(&self, library: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM bieblo_themes WHERE library_id = $1")
            .bind(library)
            .execute(self.pool())
            .await
            .map(|_| ())
    }
}
