//! Queries on staff accounts.

use suite_domain::org::{OrgRef, Role};

use super::Db;

/// A staff account as stored, with its password hash.
#[derive(Debug, Clone)]
pub struct StaffRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    /// Empty while an invitation or a reset waits for the password.
    pub password_hash: String,
    pub role: Role,
    pub manager: bool,
    pub disabled: bool,
    /// The account's organisation is archived.
    pub org_archived: bool,
}

impl StaffRow {
    /// Whether the account may log in and keep its sessions: not disabled, its
    /// organisation not archived, a password set.
    pub fn may_log_in(&self) -> bool {
        !self.disabled && !self.org_archived && !self.password_hash.is_empty()
    }

    /// The account as its managers see it.
    pub fn account(&self) -> suite_domain::service::StaffAccount {
        suite_domain::service::StaffAccount {
            id: self.id,
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            role: self.role.clone(),
            manager: self.manager,
            disabled: self.disabled,
            has_password: !self.password_hash.is_empty(),
        }
    }
}

pub(super) type StaffTuple = (
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
    i64,
    i64,
);

/// The columns of [`StaffTuple`], from `staff` (flags as 0/1 integers on both backends).
pub(super) const STAFF_COLUMNS: &str = "staff.id, staff.email, staff.display_name, \
     staff.password_hash, staff.role, staff.org_id, staff.manager, \
     CAST(CASE WHEN staff.disabled_at IS NULL THEN 0 ELSE 1 END AS BIGINT), \
     CAST(CASE WHEN EXISTS (SELECT 1 FROM organisations archived \
         WHERE archived.kind = staff.org_kind AND archived.id = staff.org_id \
         AND archived.archived_at IS NOT NULL) THEN 1 ELSE 0 END AS BIGINT)";

/// The [`STAFF_COLUMNS`] at the start of a wider row (a session's, an invitation's).
pub(super) fn staff_tuple(row: &sqlx::any::AnyRow) -> Result<StaffTuple, sqlx::Error> {
    use sqlx::Row as _;
    Ok((
        row.try_get(0)?,
        row.try_get(1)?,
        row.try_get(2)?,
        row.try_get(3)?,
        row.try_get(4)?,
        row.try_get(5)?,
        row.try_get(6)?,
        row.try_get(7)?,
        row.try_get(8)?,
    ))
}

/// The condition of [`StaffRow::may_log_in`] in SQL, on `staff`.
pub(super) const STAFF_MAY_LOG_IN: &str = "staff.disabled_at IS NULL AND staff.password_hash <> '' \
     AND NOT EXISTS (SELECT 1 FROM organisations archived \
         WHERE archived.kind = staff.org_kind AND archived.id = staff.org_id \
         AND archived.archived_at IS NOT NULL)";

pub(super) fn to_staff(
    (id, email, display_name, password_hash, role, org, manager, disabled, org_archived): StaffTuple,
) -> Option<StaffRow> {
    let role = Role::from_parts(&role, org.as_deref())?;
    Some(StaffRow {
        id,
        email,
        display_name,
        password_hash,
        role,
        manager: manager != 0,
        disabled: disabled != 0,
        org_archived: org_archived != 0,
    })
}

impl Db {
    /// The account with this email, whatever its state (see [`StaffRow::may_log_in`]).
    pub async fn find_staff_by_email(&self, email: &str) -> Result<Option<StaffRow>, sqlx::Error> {
        let sql = format!("SELECT {STAFF_COLUMNS} FROM staff WHERE email = $1");
        let row: Option<StaffTuple> = sqlx::query_as(&sql)
            .bind(email)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.and_then(to_staff))
    }

    /// Adds a staff account (an empty `password_hash`: invited, no password yet); a
    /// UNIQUE violation when the email is taken.
    pub async fn insert_staff(
        &self,
        email: &str,
        display_name: &str,
        password_hash: &str,
        role: &Role,
        manager: bool,
    ) -> Result<i64, sqlx::Error> {
        let org = role.org();
        sqlx::query_scalar(
            "INSERT INTO staff (email, display_name, password_hash, role, org_kind, org_id, manager) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(email)
        .bind(display_name)
        .bind(password_hash)
        .bind(role.name())
        .bind(org.as_ref().map(|o| o.kind.as_str()))
        .bind(org.as_ref().map(|o| o.id.clone()))
        .bind(i64::from(manager))
        .fetch_one(self.pool())
        .await
    }

    pub async fn get_staff(&self, id: i64) -> Result<Option<StaffRow>, sqlx::Error> {
        let sql = format!("SELECT {STAFF_COLUMNS} FROM staff WHERE id = $1");
        let row: Option<StaffTuple> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.and_then(to_staff))
    }

    /// Every admin account, by name.
    pub async fn list_admins(&self) -> Result<Vec<StaffRow>, sqlx::Error> {
        let sql =
            format!("SELECT {STAFF_COLUMNS} FROM staff WHERE role = 'admin' ORDER BY display_name");
        let rows: Vec<StaffTuple> = sqlx::query_as(&sql).fetch_all(self.pool()).await?;
        Ok(rows.into_iter().filter_map(to_staff).collect())
    }

    /// Sets a new password hash (empty: none until an invitation is used) and ends every
    /// session of the account but `keep` (a token hash).
    pub async fn set_password(
        &self,
        id: i64,
        password_hash: &str,
        keep: Option<&str>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("UPDATE staff SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE staff_id = $1 AND token_hash <> $2")
            .bind(id)
            .bind(keep.unwrap_or(""))
            .execute(&mut *tx)
            .await?;
        let committed = tx.commit().await;
        self.sessions_changed();
        committed?;
        Ok(done.rows_affected() == 1)
    }

    /// Disables (ending its sessions at once) or enables an account.
    pub async fn set_disabled(
        &self,
        id: i64,
        disabled: bool,
        at: &str,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("UPDATE staff SET disabled_at = $1 WHERE id = $2")
            .bind(disabled.then_some(at))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if disabled {
            sqlx::query("DELETE FROM sessions WHERE staff_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let committed = tx.commit().await;
        self.sessions_changed();
        committed?;
        Ok(done.rows_affected() == 1)
    }

    /// Removes an account with its sessions and invitations.
    pub async fn delete_staff(&self, id: i64) -> Result<bool, sqlx::Error> {
        let done = sqlx::query("DELETE FROM staff WHERE id = $1")
            .bind(id)
            .execute(self.pool())
            .await;
        self.sessions_changed();
        Ok(done?.rows_affected() == 1)
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
