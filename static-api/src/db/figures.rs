//! Queries of the service-wide figures: the history of subscriptions, and the usage of
//! each app summed per month (`substr(day, 1, 7)` is the month on both backends; sums
//! are cast to BIGINT, which PostgreSQL would otherwise widen to NUMERIC).

use suite_domain::figures::{SubscriptionEvent, UsageFigure};
use suite_domain::service::SubscriptionState;

use super::Db;

/// A usage figure per organisation over all time, for the top organisations.
#[derive(Debug, Clone)]
pub struct OrgTotal {
    pub org_id: String,
    pub total: i64,
}

impl Db {
    /// Every change of every subscription, oldest first.
    pub async fn subscription_events(&self) -> Result<Vec<SubscriptionEvent>, sqlx::Error> {
        let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
            "SELECT org_kind, org_id, app, state, at FROM subscription_changes ORDER BY at, id",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(kind, id, app, state, at)| {
                Some(SubscriptionEvent {
                    org: format!("{kind}/{id}"),
                    app,
                    state: SubscriptionState::parse(&state)?,
                    at,
                })
            })
            .collect())
    }

    /// Bieblo's usage per month: visits and tips of the kiosks, swipes right and left.
    pub async fn bieblo_usage_by_month(&self) -> Result<Vec<UsageFigure>, sqlx::Error> {
        let kiosk: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT substr(day, 1, 7) AS month, CAST(SUM(visits) AS BIGINT), \
             CAST(SUM(tips) AS BIGINT) FROM bieblo_daily GROUP BY substr(day, 1, 7) ORDER BY month",
        )
        .fetch_all(self.pool())
        .await?;
        let swipes: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT substr(day, 1, 7) AS month, CAST(SUM(likes) AS BIGINT), \
             CAST(SUM(dislikes) AS BIGINT) FROM bieblo_theme_daily GROUP BY substr(day, 1, 7) \
             ORDER BY month",
        )
        .fetch_all(self.pool())
        .await?;
        let figure = |month: &str, metric: &str, value: i64| UsageFigure {
            month: month.to_string(),
            metric: metric.to_string(),
            value,
        };
        let mut out = Vec::new();
        for (month, visits, tips) in &kiosk {
            out.push(figure(month, "visits", *visits));
            out.push(figure(month, "tips", *tips));
        }
        for (month, likes, dislikes) in &swipes {
            out.push(figure(month, "swipes_right", *likes));
            out.push(figure(month, "swipes_left", *dislikes));
        }
        Ok(out)
    }

    /// Culture Matcher's usage per month: each kind of interaction, and after-show answers.
    pub async fn culture_usage_by_month(&self) -> Result<Vec<UsageFigure>, sqlx::Error> {
        self.write_pending_counts().await?;
        let interactions: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT substr(day, 1, 7) AS month, interaction, CAST(SUM(count) AS BIGINT) \
             FROM culture_interaction_daily GROUP BY substr(day, 1, 7), interaction \
             ORDER BY month, interaction",
        )
        .fetch_all(self.pool())
        .await?;
        let feedback: Vec<(String, i64)> = sqlx::query_as(
            "SELECT substr(day, 1, 7) AS month, \
             CAST(SUM(rating_1 + rating_2 + rating_3 + rating_4 + rating_5) AS BIGINT) \
             FROM culture_feedback_daily GROUP BY substr(day, 1, 7) ORDER BY month",
        )
        .fetch_all(self.pool())
        .await?;
        let mut out: Vec<UsageFigure> = interactions
            .into_iter()
            .map(|(month, metric, value)| UsageFigure {
                month,
                metric,
                value,
            })
            .collect();
        out.extend(feedback.into_iter().map(|(month, value)| UsageFigure {
            month,
            metric: "feedback".into(),
            value,
        }));
        Ok(out)
    }

    /// Bibster's usage per month: sessions started, teams that joined, answers given.
    pub async fn bibster_usage_by_month(&self) -> Result<Vec<UsageFigure>, sqlx::Error> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT substr(started_at, 1, 7) AS month, 'sessions', COUNT(*) FROM bibster_sessions \
             GROUP BY substr(started_at, 1, 7) \
             UNION ALL SELECT substr(joined_at, 1, 7), 'teams', COUNT(*) FROM bibster_teams \
             WHERE joined_at IS NOT NULL GROUP BY substr(joined_at, 1, 7) \
             UNION ALL SELECT substr(answered_at, 1, 7), 'answers', COUNT(*) FROM bibster_answers \
             GROUP BY substr(answered_at, 1, 7) ORDER BY 1, 2",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(month, metric, value)| UsageFigure {
                month,
                metric,
                value,
            })
            .collect())
    }

    /// The libraries whose Bibster sessions had the most teams over all time.
    pub async fn bibster_top(&self, limit: i64) -> Result<Vec<OrgTotal>, sqlx::Error> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT s.library_id, COUNT(t.id) AS total FROM bibster_sessions s \
             JOIN bibster_teams t ON t.session_id = s.id AND t.joined_at IS NOT NULL \
             GROUP BY s.library_id ORDER BY total DESC, s.library_id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(org_id, total)| OrgTotal { org_id, total })
            .collect())
    }

    /// The libraries with the most Bieblo tips over all time.
    pub async fn bieblo_top(&self, limit: i64) -> Result<Vec<OrgTotal>, sqlx::Error> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT library_id, CAST(SUM(tips) AS BIGINT) AS total FROM bieblo_daily \
             GROUP BY library_id ORDER BY total DESC, library_id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(org_id, total)| OrgTotal { org_id, total })
            .collect())
    }

    /// The centres with the most Culture Matcher swipes (hearts and crosses) over all time.
    pub async fn culture_top(&self, limit: i64) -> Result<Vec<OrgTotal>, sqlx::Error> {
        self.write_pending_counts().await?;
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT centre_id, CAST(SUM(count) AS BIGINT) AS total FROM culture_interaction_daily \
             WHERE interaction IN ('heart', 'cross') GROUP BY centre_id \
             ORDER BY total DESC, centre_id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(org_id, total)| OrgTotal { org_id, total })
            .collect())
    }
}
