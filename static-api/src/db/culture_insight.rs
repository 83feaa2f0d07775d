//! Queries of Culture Matcher's insight: anonymous daily counts per show, the after-show
//! chat's answers as counts, and a short list of own words per show. Nothing is stored
//! per person.

use std::collections::BTreeMap;

use suite_domain::culture::insight::{Interaction, RATING_MAX, RATING_MIN, ShowInsight};

use super::Db;

/// The column that counts `rating`; `None` outside the scale.
fn rating_column(rating: u8) -> Option<&'static str> {
    match rating {
        1 => Some("rating_1"),
        2 => Some("rating_2"),
        3 => Some("rating_3"),
        4 => Some("rating_4"),
        5 => Some("rating_5"),
        _ => None,
    }
}

fn count(value: i64) -> u32 {
    value.clamp(0, i64::from(u32::MAX)) as u32
}

/// Adds `n` interactions to a day's count of a show (`centre`, `show`, `day`, kind), up
/// to `cap`; whether anything was added.
pub(super) async fn add_interactions(
    conn: &mut sqlx::AnyConnection,
    (centre, show, day, interaction): (&str, &str, &str, Interaction),
    n: i64,
    cap: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "INSERT INTO culture_interaction_daily (centre_id, show_id, day, interaction, count) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (centre_id, show_id, day, interaction) \
         DO UPDATE SET count = CASE WHEN culture_interaction_daily.count + $5 > $6 THEN $6 \
         ELSE culture_interaction_daily.count + $5 END \
         WHERE culture_interaction_daily.count < $6",
    )
    .bind(centre)
    .bind(show)
    .bind(day)
    .bind(interaction.as_str())
    .bind(n.min(cap))
    .bind(cap)
    .execute(conn)
    .await
    .map(|done| done.rows_affected() > 0)
}

impl Db {
    /// Adds one interaction with `show` to the day's count at once, unless that count
    /// reached `cap`; whether it was counted. The public reports go through
    /// [`Db::count_culture_interaction`] instead (written together, a moment later).
    pub async fn add_culture_interaction(
        &self,
        centre: &str,
        show: &str,
        day: &str,
        interaction: Interaction,
        cap: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut conn = self.pool().acquire().await?;
        add_interactions(&mut conn, (centre, show, day, interaction), 1, cap).await
    }

    /// Whether someone ever saved `show` of `centre`: then feedback on it is expected,
    /// even after the show has left the published programme.
    pub async fn culture_show_was_saved(
        &self,
        centre: &str,
        show: &str,
    ) -> Result<bool, sqlx::Error> {
        self.write_pending_counts().await?;
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT 1 FROM culture_interaction_daily \
             WHERE centre_id = $1 AND show_id = $2 AND interaction = 'saved' LIMIT 1",
        )
        .bind(centre)
        .bind(show)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.is_some())
    }

    /// Adds one chat's answers to the day's counts and keeps its own words, if any, among
    /// the newest `keep_words` of the show; in one transaction. A rating outside the
    /// scale counts nothing, and neither does an answer once the show's day has `cap`
    /// answers; whether it was counted.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_culture_feedback(
        &self,
        centre: &str,
        show: &str,
        day: &str,
        rating: u8,
        similar: bool,
        words: Option<&str>,
        keep_words: usize,
        cap: i64,
    ) -> Result<bool, sqlx::Error> {
        let Some(column) = rating_column(rating) else {
            return Ok(false);
        };
        let mut tx = self.begin_write().await?;
        let answered: Option<(i64,)> = sqlx::query_as(
            "SELECT rating_1 + rating_2 + rating_3 + rating_4 + rating_5 \
             FROM culture_feedback_daily WHERE centre_id = $1 AND show_id = $2 AND day = $3",
        )
        .bind(centre)
        .bind(show)
        .bind(day)
        .fetch_optional(&mut *tx)
        .await?;
        if answered.is_some_and(|(n,)| n >= cap) {
            return Ok(false);
        }
        // `column` is one of five fixed names, never user input.
        let sql = format!(
            "INSERT INTO culture_feedback_daily (centre_id, show_id, day, {column}, similar_yes, similar_no) \
             VALUES ($1, $2, $3, 1, $4, $5) ON CONFLICT (centre_id, show_id, day) DO UPDATE SET \
             {column} = culture_feedback_daily.{column} + 1, \
             similar_yes = culture_feedback_daily.similar_yes + excluded.similar_yes, \
             similar_no = culture_feedback_daily.similar_no + excluded.similar_no"
        );
        sqlx::query(&sql)
            .bind(centre)
            .bind(show)
            .bind(day)
            .bind(i64::from(similar))
            .bind(i64::from(!similar))
            .execute(&mut *tx)
            .await?;
        if let Some(words) = words {
            sqlx::query(
                "INSERT INTO culture_feedback_words (centre_id, show_id, words, day) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(centre)
            .bind(show)
            .bind(words)
            .bind(day)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "DELETE FROM culture_feedback_words WHERE centre_id = $1 AND show_id = $2 \
                 AND id NOT IN (SELECT id FROM culture_feedback_words \
                 WHERE centre_id = $1 AND show_id = $2 ORDER BY id DESC LIMIT $3)",
            )
            .bind(centre)
            .bind(show)
            .bind(i64::try_from(keep_words).unwrap_or(i64::MAX))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await.map(|()| true)
    }

    /// Removes the own words given before `before_day` (`YYYY-MM-DD`); how many.
    pub async fn purge_feedback_words(&self, before_day: &str) -> Result<u64, sqlx::Error> {
        sqlx::query("DELETE FROM culture_feedback_words WHERE day < $1")
            .bind(before_day)
            .execute(self.pool())
            .await
            .map(|done| done.rows_affected())
    }

    /// Removes the own words `words` given about `show` of `centre` (every answer with
    /// exactly these words); how many.
    pub async fn delete_feedback_words(
        &self,
        centre: &str,
        show: &str,
        words: &str,
    ) -> Result<u64, sqlx::Error> {
        sqlx::query(
            "DELETE FROM culture_feedback_words WHERE centre_id = $1 AND show_id = $2 AND words = $3",
        )
        .bind(centre)
        .bind(show)
        .bind(words)
        .execute(self.pool())
        .await
        .map(|done| done.rows_affected())
    }

    /// Every show of `centre` with counts, by show id; titles are left empty (the
    /// programme has them).
    pub async fn culture_insight(&self, centre: &str) -> Result<Vec<ShowInsight>, sqlx::Error> {
        self.culture_insight_between(centre, "0000-00-00", "9999-12-31")
            .await
    }

    /// [`Self::culture_insight`] counting only the days from `from_day` to `to_day`
    /// (`YYYY-MM-DD`, inclusive); the own words are every one kept.
    pub async fn culture_insight_between(
        &self,
        centre: &str,
        from_day: &str,
        to_day: &str,
    ) -> Result<Vec<ShowInsight>, sqlx::Error> {
        self.write_pending_counts().await?;
        let mut shows: BTreeMap<String, ShowInsight> = BTreeMap::new();
        let interactions: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT show_id, interaction, CAST(SUM(count) AS BIGINT) FROM culture_interaction_daily \
             WHERE centre_id = $1 AND day >= $2 AND day <= $3 GROUP BY show_id, interaction",
        )
        .bind(centre)
        .bind(from_day)
        .bind(to_day)
        .fetch_all(self.pool())
        .await?;
        for (show, interaction, n) in interactions {
            let insight = insight_of(&mut shows, &show);
            let n = count(n);
            match Interaction::parse(&interaction) {
                Some(Interaction::Shown) => insight.shown += n,
                Some(Interaction::Heart) => insight.hearts += n,
                Some(Interaction::Cross) => insight.crosses += n,
                Some(Interaction::Suggested) => insight.suggested += n,
                Some(Interaction::Saved) => insight.saved += n,
                Some(Interaction::Shared) => insight.shared += n,
                Some(Interaction::Ticket) => insight.tickets += n,
                Some(Interaction::Went) => insight.went += n,
                Some(Interaction::NotGone) => insight.not_gone += n,
                None => {}
            }
        }
        type FeedbackRow = (String, i64, i64, i64, i64, i64, i64, i64);
        let feedback: Vec<FeedbackRow> = sqlx::query_as(
            "SELECT show_id, CAST(SUM(rating_1) AS BIGINT), CAST(SUM(rating_2) AS BIGINT), \
             CAST(SUM(rating_3) AS BIGINT), CAST(SUM(rating_4) AS BIGINT), \
             CAST(SUM(rating_5) AS BIGINT), CAST(SUM(similar_yes) AS BIGINT), \
             CAST(SUM(similar_no) AS BIGINT) FROM culture_feedback_daily \
             WHERE centre_id = $1 AND day >= $2 AND day <= $3 GROUP BY show_id",
        )
        .bind(centre)
        .bind(from_day)
        .bind(to_day)
        .fetch_all(self.pool())
        .await?;
        for (show, r1, r2, r3, r4, r5, yes, no) in feedback {
            let insight = insight_of(&mut shows, &show);
            let ratings = [r1, r2, r3, r4, r5].map(count);
            let total: u32 = ratings.iter().sum();
            let weighted: u64 = (RATING_MIN..=RATING_MAX)
                .zip(ratings)
                .map(|(rating, n)| u64::from(rating) * u64::from(n))
                .sum();
            insight.feedback_count = total;
            insight.rating_mean = (total > 0).then(|| weighted as f32 / total as f32);
            insight.similar_yes = count(yes);
            insight.similar_no = count(no);
        }
        let words: Vec<(String, String)> = sqlx::query_as(
            "SELECT show_id, words FROM culture_feedback_words WHERE centre_id = $1 ORDER BY id DESC",
        )
        .bind(centre)
        .fetch_all(self.pool())
        .await?;
        for (show, text) in words {
            insight_of(&mut shows, &show).words.push(text);
        }
        Ok(shows.into_values().collect())
    }

    /// The counts of `centre` per day and interaction from `from_day` to `to_day`
    /// (inclusive), all shows together: (day, interaction, count), days with counts only.
    pub async fn culture_insight_days(
        &self,
        centre: &str,
        from_day: &str,
        to_day: &str,
    ) -> Result<Vec<(String, String, u32)>, sqlx::Error> {
        self.write_pending_counts().await?;
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT day, interaction, CAST(SUM(count) AS BIGINT) FROM culture_interaction_daily \
             WHERE centre_id = $1 AND day >= $2 AND day <= $3 GROUP BY day, interaction \
             ORDER BY day, interaction",
        )
        .bind(centre)
        .bind(from_day)
        .bind(to_day)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(day, interaction, n)| (day, interaction, count(n)))
            .collect())
    }
}

/// The insight of `show`, created empty when it is not there yet.
fn insight_of<'a>(shows: &'a mut BTreeMap<String, ShowInsight>, show: &str) -> &'a mut ShowInsight {
    shows
        .entry(show.to_string())
        .or_insert_with(|| ShowInsight {
            show: show.to_string(),
            ..ShowInsight::default()
        })
}
