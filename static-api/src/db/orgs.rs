//! Queries on organisations (libraries, centres, companies).

use suite_domain::org::{OrgKind, OrgRef, Organisation};

use super::Db;

type OrgTuple = (String, String, String, String);

fn to_org((kind, id, name, town): OrgTuple) -> Option<Organisation> {
    Some(Organisation {
        kind: OrgKind::parse(&kind)?,
        id,
        name,
        town,
    })
}

impl Db {
    /// Every organisation, by kind then name.
    pub async fn list_orgs(&self) -> Result<Vec<Organisation>, sqlx::Error> {
        let rows: Vec<OrgTuple> =
            sqlx::query_as("SELECT kind, id, name, town FROM organisations ORDER BY kind, name")
                .fetch_all(self.pool())
                .await?;
        Ok(rows.into_iter().filter_map(to_org).collect())
    }

    pub async fn get_org(&self, org: &OrgRef) -> Result<Option<Organisation>, sqlx::Error> {
        let row: Option<OrgTuple> = sqlx::query_as(
            "SELECT kind, id, name, town FROM organisations WHERE kind = $1 AND id = $2",
        )
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
}
