//! Queries on staff accounts.

use suite_domain::org::{OrgRef, Role};

use super::Db;

/// A staff account as stored, with its password hash.
#[derive(Debug, Clone)]
pub struct StaffRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: Role,
}

type StaffTuple = (i64, String, String, String, String, Option<String>);

pub(super) const STAFF_COLUMNS: &str = "staff.id, staff.email, staff.display_name, \
     staff.password_hash, staff.role, staff.org_id";

pub(super) fn to_staff(
    (id, email, display_name, password_hash, role, org): StaffTuple,
) -> Option<StaffRow> {
    let role = Role::from_parts(&role, org.as_deref())?;
    Some(StaffRow {
        id,
        email,
        display_name,
        password_hash,
        role,
    })
}

impl Db {
    pub async fn find_staff_by_email(&self, email: &str) -> Result<Option<StaffRow>, sqlx::Error> {
        let sql = format!("SELECT {STAFF_COLUMNS} FROM staff WHERE email = $1");
        let row: Option<StaffTuple> = sqlx::query_as(&sql)
            .bind(email)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.and_then(to_staff))
    }

    /// Adds a staff account; a UNIQUE violation when the email is taken.
    pub async fn insert_staff(
        &self,
        email: &str,
        display_name: &str,
        password_hash: &str,
        role: &Role,
    ) -> Result<i64, sqlx::Error> {
        let org = role.org();
        sqlx::query_scalar(
            "INSERT INTO staff (email, display_name, password_hash, role, org_kind, org_id) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(email)
        .bind(display_name)
        .bind(password_hash)
        .bind(role.name())
        .bind(org.as_ref().map(|o| o.kind.as_str()))
        .bind(org.as_ref().map(|o| o.id.clone()))
        .fetch_one(self.pool())
        .await
    }

    /// The staff of one organisation, by name.
    pub async fn list_staff_of(&self, org: &OrgRef) -> Result<Vec<StaffRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {STAFF_COLUMNS} FROM staff WHERE org_kind = $1 AND org_id = $2 ORDER BY display_name"
        );
        let rows: Vec<StaffTuple> = sqlx::query_as(&sql)
            .bind(org.kind.as_str())
            .bind(&org.id)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().filter_map(to_staff).collect())
    }

    /// How many admins exist (the first one is made with `static-api create-admin`).
    pub async fn count_admins(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM staff WHERE role = 'admin'")
            .fetch_one(self.pool())
            .await
    }
}
