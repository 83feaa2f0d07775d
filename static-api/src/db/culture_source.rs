//! Queries of a centre's programme source (`culture_programme_sources`): what staff set
//! in the back-office, and the centres the scheduled programme refresh imports.

use suite_domain::culture::source::{ProgrammeSource, SourceKind, SourceSetting};

use super::Db;

/// A centre whose programme the scheduled refresh imports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CentreSource {
    pub centre: String,
    pub source: ProgrammeSource,
}

type SourceRow = (String, String, String, String, String);

fn to_source(kind: &str, value: String) -> Option<ProgrammeSource> {
    Some(ProgrammeSource {
        kind: SourceKind::parse(kind)?,
        value,
    })
}

impl Db {
    /// The source of `centre`, with who set it and when; an empty setting without one.
    pub async fn programme_source(&self, centre: &str) -> Result<SourceSetting, sqlx::Error> {
        let row: Option<SourceRow> = sqlx::query_as(
            "SELECT centre_id, kind, value, changed_at, changed_by \
             FROM culture_programme_sources WHERE centre_id = $1",
        )
        .bind(centre)
        .fetch_optional(self.pool())
        .await?;
        Ok(match row {
            Some((_, kind, value, changed_at, changed_by)) => SourceSetting {
                source: to_source(&kind, value),
                changed_at: Some(changed_at),
                changed_by: Some(changed_by),
            },
            None => SourceSetting::default(),
        })
    }

    /// Sets (a checked) `source` of `centre`, or with `None` removes it; `by` at `at`.
    pub async fn set_programme_source(
        &self,
        centre: &str,
        source: Option<&ProgrammeSource>,
        by: &str,
        at: &str,
    ) -> Result<(), sqlx::Error> {
        let Some(source) = source else {
            sqlx::query("DELETE FROM culture_programme_sources WHERE centre_id = $1")
                .bind(centre)
                .execute(self.pool())
                .await?;
            return Ok(());
        };
        sqlx::query(
            "INSERT INTO culture_programme_sources (centre_id, kind, value, changed_at, changed_by) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (centre_id) DO UPDATE SET \
             kind = excluded.kind, value = excluded.value, \
             changed_at = excluded.changed_at, changed_by = excluded.changed_by",
        )
        .bind(centre)
        .bind(source.kind.as_str())
        .bind(&source.value)
        .bind(at)
        .bind(by)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// The centres with a source, not archived, whose Culture Matcher subscription is
    /// active, by id.
    pub async fn centres_to_refresh(&self) -> Result<Vec<CentreSource>, sqlx::Error> {
        let rows: Vec<SourceRow> = sqlx::query_as(
            "SELECT p.centre_id, p.kind, p.value, p.changed_at, p.changed_by \
             FROM culture_programme_sources p \
             JOIN organisations o ON o.kind = 'centre' AND o.id = p.centre_id \
             WHERE o.archived_at IS NULL AND EXISTS (SELECT 1 FROM subscriptions s \
             WHERE s.org_kind = 'centre' AND s.org_id = p.centre_id \
             AND s.app = 'culture-matcher' AND s.state = 'active') \
             ORDER BY p.centre_id",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(centre, kind, value, _, _)| {
                to_source(&kind, value).map(|source| CentreSource { centre, source })
            })
            .collect())
    }
}
