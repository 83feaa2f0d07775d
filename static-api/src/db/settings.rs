//! Settings of the installation (`service_settings`).

use super::Db;

/// The key that marks a database seeded with demo data.
const DEMO_KEY: &str = "demo";

impl Db {
    /// Marks this database as a demo: it holds accounts with published passwords.
    pub async fn mark_demo(&self) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO service_settings (key, value) VALUES ($1, '1') \
             ON CONFLICT (key) DO UPDATE SET value = '1'",
        )
        .bind(DEMO_KEY)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// Whether this database was seeded with demo data: marked so, or (from before the
    /// mark existed) holding an account with a demo address.
    pub async fn is_demo(&self) -> Result<bool, sqlx::Error> {
        let marked: Option<(String,)> =
            sqlx::query_as("SELECT value FROM service_settings WHERE key = $1")
                .bind(DEMO_KEY)
                .fetch_optional(self.pool())
                .await?;
        if marked.is_some() {
            return Ok(true);
        }
        let demo_account: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM staff WHERE email LIKE $1 LIMIT 1")
                .bind("%@demo.invalid")
                .fetch_optional(self.pool())
                .await?;
        Ok(demo_account.is_some())
    }
}
