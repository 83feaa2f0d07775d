//! Queries of running the service: subscriptions with their history, invitation links
//! and the audit log.

use suite_domain::org::{OrgKind, OrgRef};
use suite_domain::service::{AuditEntry, Subscription, SubscriptionState};

use super::Db;
use super::staff::{STAFF_COLUMNS, staff_tuple, to_staff};
use crate::db::StaffRow;

type SubscriptionTuple = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<i64>,
);

const SUBSCRIPTION_COLUMNS: &str = "org_kind, org_id, app, state, requested_at, requested_by, \
     active_from, changed_at, population";

fn to_subscription(
    (kind, org_id, app, state, requested_at, requested_by, active_from, changed_at, population): SubscriptionTuple,
) -> Option<Subscription> {
    Some(Subscription {
        org_kind: OrgKind::parse(&kind)?,
        org_id,
        app,
        state: SubscriptionState::parse(&state)?,
        requested_at,
        requested_by,
        active_from,
        changed_at,
        population,
    })
}

/// A change of a subscription to store: the new state, by whom, when (RFC 3339).
#[derive(Debug, Clone, Copy)]
pub struct SubscriptionWrite<'a> {
    pub org: &'a OrgRef,
    pub app: &'a str,
    pub state: SubscriptionState,
    pub by: &'a str,
    pub at: &'a str,
    /// `None` keeps the stored population.
    pub population: Option<i64>,
}

/// An invitation link found by its token.
#[derive(Debug, Clone)]
pub struct InvitationRow {
    pub staff: StaffRow,
    pub expires_at: i64,
}

impl Db {
    pub async fn subscription(
        &self,
        org: &OrgRef,
        app: &str,
    ) -> Result<Option<Subscription>, sqlx::Error> {
        let sql = format!(
            "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions \
             WHERE org_kind = $1 AND org_id = $2 AND app = $3"
        );
        let row: Option<SubscriptionTuple> = sqlx::query_as(&sql)
            .bind(org.kind.as_str())
            .bind(&org.id)
            .bind(app)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.and_then(to_subscription))
    }

    /// The subscriptions of one organisation, or (with `None`) of all, by app.
    pub async fn subscriptions(
        &self,
        org: Option<&OrgRef>,
    ) -> Result<Vec<Subscription>, sqlx::Error> {
        let rows: Vec<SubscriptionTuple> = match org {
            Some(org) => {
                let sql = format!(
                    "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions \
                     WHERE org_kind = $1 AND org_id = $2 ORDER BY app"
                );
                sqlx::query_as(&sql)
                    .bind(org.kind.as_str())
                    .bind(&org.id)
                    .fetch_all(self.pool())
                    .await?
            }
            None => {
                let sql = format!(
                    "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions ORDER BY app, org_kind, org_id"
                );
                sqlx::query_as(&sql).fetch_all(self.pool()).await?
            }
        };
        Ok(rows.into_iter().filter_map(to_subscription).collect())
    }

    /// Stores a subscription's new state and its line of history, in one transaction.
    /// A request (re)starts it: asked now, by `by`; switching on sets `active_from`. A
    /// library's `e-reader` subscription also joins or leaves the e-reader's libraries.
    pub async fn write_subscription(&self, w: SubscriptionWrite<'_>) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let active = w.state == SubscriptionState::Active;
        sqlx::query(
            "INSERT INTO subscriptions (org_kind, org_id, app, state, requested_at, requested_by, \
             active_from, changed_at, population) VALUES ($1, $2, $3, $4, $5, $6, $7, $5, $8) \
             ON CONFLICT (org_kind, org_id, app) DO UPDATE SET state = excluded.state, \
             changed_at = excluded.changed_at, \
             requested_at = CASE WHEN excluded.state = 'requested' THEN excluded.requested_at \
                 ELSE subscriptions.requested_at END, \
             requested_by = CASE WHEN excluded.state = 'requested' THEN excluded.requested_by \
                 ELSE subscriptions.requested_by END, \
             active_from = CASE WHEN excluded.state = 'active' THEN excluded.active_from \
                 ELSE subscriptions.active_from END, \
             population = COALESCE(excluded.population, subscriptions.population)",
        )
        .bind(w.org.kind.as_str())
        .bind(&w.org.id)
        .bind(w.app)
        .bind(w.state.as_str())
        .bind(w.at)
        .bind(w.by)
        .bind(active.then_some(w.at))
        .bind(w.population)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO subscription_changes (org_kind, org_id, app, state, at, by_email) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(w.org.kind.as_str())
        .bind(&w.org.id)
        .bind(w.app)
        .bind(w.state.as_str())
        .bind(w.at)
        .bind(w.by)
        .execute(&mut *tx)
        .await?;
        // The e-reader's participating libraries follow this subscription (one truth).
        if w.app == super::ereader_admin::EREADER_APP && w.org.kind == OrgKind::Library {
            Self::ereader_follow_subscription(&mut tx, &w.org.id, active, w.at).await?;
        }
        let committed = tx.commit().await;
        self.apps_changed();
        committed
    }

    /// Whether `app` works for `org`: an active subscription of an organisation that is
    /// not archived.
    ///
    /// Public writes ask this on every request: the answer is kept for a moment (see
    /// [`super::recent`]), and forgotten when this process changes a subscription or
    /// archives an organisation.
    pub async fn app_active(&self, org: &OrgRef, app: &str) -> Result<bool, sqlx::Error> {
        let key = format!("{}/{}/{app}", org.kind.as_str(), org.id);
        let asked_at = std::time::Instant::now();
        if let Some(active) = self.recent.apps.get(&key, asked_at) {
            return Ok(active);
        }
        let generation = self.recent.apps.generation();
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT 1 FROM subscriptions JOIN organisations \
             ON organisations.kind = subscriptions.org_kind AND organisations.id = subscriptions.org_id \
             WHERE subscriptions.org_kind = $1 AND subscriptions.org_id = $2 AND subscriptions.app = $3 \
             AND subscriptions.state = 'active' AND organisations.archived_at IS NULL",
        )
        .bind(org.kind.as_str())
        .bind(&org.id)
        .bind(app)
        .fetch_optional(self.pool())
        .await?;
        self.recent
            .apps
            .put(&key, row.is_some(), generation, asked_at);
        Ok(row.is_some())
    }

    /// After a change of a subscription or an organisation's archiving: whether apps are
    /// switched on is read again.
    pub(super) fn apps_changed(&self) {
        self.recent.apps.forget_all();
    }

    /// Stores a one-time link for `staff_id` (its token's hash); earlier unused links of
    /// the account stop working.
    pub async fn insert_invitation(
        &self,
        token_hash: &str,
        staff_id: i64,
        created_by: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM invitations WHERE staff_id = $1 AND used_at IS NULL")
            .bind(staff_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO invitations (token_hash, staff_id, created_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(staff_id)
        .bind(created_by)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// The unused, unexpired invitation with this token hash, with its account.
    pub async fn find_invitation(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<InvitationRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {STAFF_COLUMNS}, invitations.expires_at FROM invitations \
             JOIN staff ON staff.id = invitations.staff_id \
             WHERE invitations.token_hash = $1 AND invitations.used_at IS NULL \
             AND invitations.expires_at > $2"
        );
        let row = sqlx::query(&sql)
            .bind(token_hash)
            .bind(now)
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else { return Ok(None) };
        use sqlx::Row as _;
        let staff = staff_tuple(&row)?;
        let expires_at: i64 = row.try_get(9)?;
        Ok(to_staff(staff).map(|staff| InvitationRow { staff, expires_at }))
    }

    /// Uses an invitation: sets the account's password and ends its sessions, once.
    /// `false` when the link was used meanwhile or has expired.
    pub async fn use_invitation(
        &self,
        token_hash: &str,
        staff_id: i64,
        password_hash: &str,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let taken = sqlx::query(
            "UPDATE invitations SET used_at = $1 WHERE token_hash = $2 AND staff_id = $3 \
             AND used_at IS NULL AND expires_at > $1",
        )
        .bind(now)
        .bind(token_hash)
        .bind(staff_id)
        .execute(&mut *tx)
        .await?;
        if taken.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query("UPDATE staff SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(staff_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE staff_id = $1")
            .bind(staff_id)
            .execute(&mut *tx)
            .await?;
        let committed = tx.commit().await;
        self.sessions_changed();
        committed?;
        Ok(true)
    }

    /// Adds a line to the audit log.
    pub async fn audit(&self, entry: &AuditEntry) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO audit_log (at, actor_email, org_kind, org_id, action, detail) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&entry.at)
        .bind(&entry.actor_email)
        .bind(entry.org_kind.map(OrgKind::as_str))
        .bind(&entry.org_id)
        .bind(&entry.action)
        .bind(&entry.detail)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// The newest `limit` lines of the audit log before `before` (RFC 3339; `None`: now),
    /// of one organisation or (with `None`) of all.
    pub async fn audit_log(
        &self,
        org: Option<&OrgRef>,
        before: Option<&str>,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, sqlx::Error> {
        let before = before.unwrap_or("9999");
        type Row = (
            String,
            String,
            Option<String>,
            Option<String>,
            String,
            String,
        );
        let rows: Vec<Row> = match org {
            Some(org) => {
                sqlx::query_as(
                    "SELECT at, actor_email, org_kind, org_id, action, detail FROM audit_log \
                     WHERE org_kind = $1 AND org_id = $2 AND at < $3 ORDER BY at DESC, id DESC LIMIT $4",
                )
                .bind(org.kind.as_str())
                .bind(&org.id)
                .bind(before)
                .bind(limit)
                .fetch_all(self.pool())
                .await?
            }
            None => {
                sqlx::query_as(
                    "SELECT at, actor_email, org_kind, org_id, action, detail FROM audit_log \
                     WHERE at < $1 ORDER BY at DESC, id DESC LIMIT $2",
                )
                .bind(before)
                .bind(limit)
                .fetch_all(self.pool())
                .await?
            }
        };
        Ok(rows
            .into_iter()
            .map(
                |(at, actor_email, kind, org_id, action, detail)| AuditEntry {
                    at,
                    actor_email,
                    org_kind: kind.as_deref().and_then(OrgKind::parse),
                    org_id,
                    action,
                    detail,
                },
            )
            .collect())
    }

    /// Removes audit lines from before `cutoff` (RFC 3339); how many.
    pub async fn purge_audit_log(&self, cutoff: &str) -> Result<u64, sqlx::Error> {
        let done = sqlx::query("DELETE FROM audit_log WHERE at < $1")
            .bind(cutoff)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }
}
