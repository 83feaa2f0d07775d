//! Settings of the installation (`service_settings`).

use super::Db;

/// The key that marks a database seeded with demo data.
const DEMO_KEY: &str = "demo";

impl Db {
    /// The value of setting `key`, if it is set.
    pub(crate) async fn setting(&self, key: &str) -> Result<Option<String>, sqlx::Error> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT value FROM service_settings WHERE key = $1")
                .bind(key)
                .fetch_optional(self.pool())
                .await?;
        Ok(row.map(|(value,)| value))
    }

    /// Sets `key` to `value`.
    pub(crate) async fn set_setting(&self, key: &str, value: &str) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO service_settings (key, value) VALUES ($1, $2) \
             ON CONFLICT (key) DO UPDATE SET value = $2",
        )
        .bind(key)
        .bind(value)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// The value of `key`; when unset, `value` is stored first (of several instances
    /// setting it at once, the first one's stays).
    pub(crate) async fn setting_or_insert(
        &self,
        key: &str,
        value: &str,
    ) -> Result<String, sqlx::Error> {
        sqlx::query(
            "INSERT INTO service_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
        )
        .bind(key)
        .bind(value)
        .execute(self.pool())
        .await?;
        let (value,): (String,) =
            sqlx::query_as("SELECT value FROM service_settings WHERE key = $1")
                .bind(key)
                .fetch_one(self.pool())
                .await?;
        Ok(value)
    }

    /// Marks this database as a demo: it holds accounts with published passwords.
    pub async fn mark_demo(&self) -> Result<(), sqlx::Error> {
        self.set_setting(DEMO_KEY, "1").await
    }

    /// Whether this database was seeded with demo data: marked so, or (from before the
    /// mark existed) holding an account with a demo address.
    pub async fn is_demo(&self) -> Result<bool, sqlx::Error> {
        if self.setting(DEMO_KEY).await?.is_some() {
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
