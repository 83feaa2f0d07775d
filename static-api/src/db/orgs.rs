//! Queries on organisations (libraries, centres, companies).

use suite_domain::org::{OrgKind, OrgRef, Organisation};
use suite_domain::service::Branch;

use super::Db;

type OrgTuple = (String, String, String, String, Option<String>);

const ORG_COLUMNS: &str = "kind, id, name, town, archived_at";

fn to_org((kind, id, name, town, archived_at): OrgTuple) -> Option<Organisation> {
    Some(Organisation {
        kind: OrgKind::parse(&kind)?,
        id,
        name,
        town,
        archived: archived_at.is_some(),
    })
}

impl Db {
    /// Every organisation, by kind then name.
    pub async fn list_orgs(&self) -> Result<Vec<Organisation>, sqlx::Error> {
        let sql = format!("SELECT {ORG_COLUMNS} FROM organisations ORDER BY kind, name");
        let rows: Vec<OrgTuple> = sqlx::query_as(&sql).fetch_all(self.pool()).await?;
        Ok(rows.into_iter().filter_map(to_org).collect())
    }

    pub async fn get_org(&self, org: &OrgRef) -> Result<Option<Organisation>, sqlx::Error> {
        let sql = format!("SELECT {ORG_COLUMNS} FROM organisations WHERE kind = $1 AND id = $2");
        let row: Option<OrgTuple> = sqlx::query_as(&sql)
            .bind(org.kind.as_str())
            .bind(&org.id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.and_then(to_org))
    }

    /// Adds an organisation; a UNIQUE violation when it exists.
    pub async fn insert_org(&self, org: &Organisation) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO organisations (kind, id, name, town) VALUES ($1, $2, $3, $4)")
            .bind(org.kind.as_str())
            .bind(&org.id)
            .bind(&org.name)
            .bind(&org.town)
            .execute(self.pool())
            .await
            .map(|_| ())
    }

    /// Changes name and town; `false` when the organisation does not exist.
    pub async fn update_org(
        &self,
        org: &OrgRef,
        name: &str,
        town: &str,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE organisations SET name = $1, town = $2 WHERE kind = $3 AND id = $4",
        )
        .bind(name)
        .bind(town)
        .bind(org.kind.as_str())
        .bind(&org.id)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Archives (at `at`, RFC 3339) or restores an organisation; `false` when it does
    /// not exist. Archiving ends its staff's sessions.
    pub async fn set_archived(
        &self,
        org: &OrgRef,
        archived: bool,
        at: &str,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let done =
            sqlx::query("UPDATE organisations SET archived_at = $1 WHERE kind = $2 AND id = $3")
                .bind(archived.then_some(at))
                .bind(org.kind.as_str())
                .bind(&org.id)
                .execute(&mut *tx)
                .await?;
        if archived {
            sqlx::query(
                "DELETE FROM sessions WHERE staff_id IN \
                 (SELECT id FROM staff WHERE org_kind = $1 AND org_id = $2)",
            )
            .bind(org.kind.as_str())
            .bind(&org.id)
            .execute(&mut *tx)
            .await?;
        }
        // An archived library no longer takes part in the e-reader; restored, it takes
        // part again while its e-reader subscription is active.
        if org.kind == OrgKind::Library {
            let (active,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM subscriptions WHERE org_kind = 'library' AND org_id = $1 \
                 AND app = $2 AND state = 'active'",
            )
            .bind(&org.id)
            .bind(super::ereader_admin::EREADER_APP)
            .fetch_one(&mut *tx)
            .await?;
            Self::ereader_follow_subscription(&mut tx, &org.id, !archived && active > 0, at)
                .await?;
        }
        let committed = tx.commit().await;
        self.sessions_changed();
        self.apps_changed();
        committed?;
        Ok(done.rows_affected() == 1)
    }

    /// A library's branches, by name.
    pub async fn branches(&self, library: &str) -> Result<Vec<Branch>, sqlx::Error> {
        let rows: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT id, name, location_id, address FROM library_branches \
             WHERE library_id = $1 ORDER BY name, id",
        )
        .bind(library)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name, location_id, address)| Branch {
                id,
                name,
                location_id,
                address,
            })
            .collect())
    }

    /// Adds a branch, or changes the one with its id.
    pub async fn put_branch(&self, library: &str, branch: &Branch) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO library_branches (library_id, id, name, location_id, address) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (library_id, id) DO UPDATE SET \
             name = excluded.name, location_id = excluded.location_id, address = excluded.address",
        )
        .bind(library)
        .bind(&branch.id)
        .bind(&branch.name)
        .bind(&branch.location_id)
        .bind(&branch.address)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// Removes a branch; `false` when there was none.
    pub async fn delete_branch(&self, library: &str, id: &str) -> Result<bool, sqlx::Error> {
        let done = sqlx::query("DELETE FROM library_branches WHERE library_id = $1 AND id = $2")
            .bind(library)
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
