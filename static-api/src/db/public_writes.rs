//! The public-write limits of several instances (`rate_limit::PublicWrites::Shared`):
//! token buckets and daily word counts per hashed address, in the database.

use std::time::Duration;

use crate::rate_limit::{BURST, Bucket, WORDS_PER_ADDRESS_PER_DAY, take_token};

use super::Db;

/// The setting holding the secret the slots are hashed with.
const KEY_SETTING: &str = "public_write_key";
/// Buckets unused this long are full again, and removed.
const STALE_MS: i64 = 3_600_000;

impl Db {
    /// The secret of the slots, made on first use (the first instance's wins).
    pub(crate) async fn public_write_key(&self) -> Result<String, sqlx::Error> {
        self.setting_or_insert(KEY_SETTING, &crate::auth::new_token())
            .await
    }

    /// Takes one token of the bucket of `slot` (a hashed address) at `now_ms` (see
    /// `rate_limit::take_token`), in one transaction serialised per slot.
    pub async fn public_write_take(
        &self,
        slot: &str,
        now_ms: i64,
    ) -> Result<Result<(), Duration>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))")
            .bind(slot)
            .execute(&mut *tx)
            .await?;
        let row: Option<(i64, i64)> =
            sqlx::query_as("SELECT milli_tokens, at_ms FROM public_write_buckets WHERE slot = $1")
                .bind(slot)
                .fetch_optional(&mut *tx)
                .await?;
        let stored = row.map(|(milli, at_ms)| Bucket {
            tokens: milli as f64 / 1000.0,
            at_ms,
        });
        let (bucket, taken) = take_token(stored, now_ms);
        let milli = (bucket.tokens.clamp(0.0, BURST) * 1000.0) as i64;
        sqlx::query(
            "INSERT INTO public_write_buckets (slot, milli_tokens, at_ms) VALUES ($1, $2, $3) \
             ON CONFLICT (slot) DO UPDATE SET milli_tokens = $2, at_ms = $3",
        )
        .bind(slot)
        .bind(milli)
        .bind(bucket.at_ms)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM public_write_buckets WHERE at_ms < $1")
            .bind(now_ms - STALE_MS)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(taken)
    }

    /// Counts an answer with own words of the address of `slot` on `day`; whether it may keep them.
    pub async fn public_words_allowed(&self, slot: &str, day: &str) -> Result<bool, sqlx::Error> {
        sqlx::query("DELETE FROM public_write_words WHERE day <> $1")
            .bind(day)
            .execute(self.pool())
            .await?;
        let counted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO public_write_words (day, slot, count) VALUES ($1, $2, 1) \
             ON CONFLICT (day, slot) DO UPDATE SET count = public_write_words.count + 1 \
             WHERE public_write_words.count < $3 RETURNING count",
        )
        .bind(day)
        .bind(slot)
        .bind(i64::from(WORDS_PER_ADDRESS_PER_DAY))
        .fetch_optional(self.pool())
        .await?;
        Ok(counted.is_some())
    }
}
