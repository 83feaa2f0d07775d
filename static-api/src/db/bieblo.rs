//! Queries of Bieblo: the kiosk of each library branch, anonymous daily counts, and
//! import runs.

use suite_domain::bieblo::kiosk::{
    BranchCount, DEFAULT_IDLE_SECONDS, DayCount, KioskSettings, KioskSettingsUpdate, KioskStats,
    KioskSummary, ThemeCount,
};

use suite_domain::i18n::Lang;

use super::Db;

type KioskRow = (String, String, String, String, i64, i64, String, i64);

fn to_settings(
    (library, library_name, branch_id, branch, idle, active, lang, subscribed): KioskRow,
) -> KioskSettings {
    KioskSettings {
        library,
        library_name,
        branch_id,
        branch,
        idle_seconds: idle.clamp(0, u32::MAX as i64) as u32,
        active: active == 1,
        lang: Lang::from_tag(&lang).unwrap_or_default(),
        subscribed: subscribed == 1,
    }
}

/// Whether the kiosk's library has Bieblo switched on: an active subscription of a
/// library that is not archived.
const SUBSCRIBED: &str = "o.archived_at IS NULL AND EXISTS (SELECT 1 FROM subscriptions s \
     WHERE s.org_kind = 'library' AND s.org_id = b.library_id AND s.app = 'bieblo' \
     AND s.state = 'active')";

/// The kiosk of every branch, with its library's name and whether it is [`SUBSCRIBED`];
/// a branch whose kiosk was never set up is off with the default idle time.
fn kiosk_select() -> String {
    format!(
        "SELECT b.library_id, o.name, b.id, b.name, \
         COALESCE(k.idle_seconds, {DEFAULT_IDLE_SECONDS}), COALESCE(k.active, 0), \
         COALESCE(k.lang, 'nl-BE'), \
         CAST(CASE WHEN {SUBSCRIBED} THEN 1 ELSE 0 END AS BIGINT) \
         FROM library_branches b \
         JOIN organisations o ON o.kind = 'library' AND o.id = b.library_id \
         LEFT JOIN bieblo_branch_kiosks k ON k.library_id = b.library_id AND k.branch_id = b.id"
    )
}

impl Db {
    /// The kiosk of a library's branch; `None` when there is no such branch.
    pub async fn kiosk(
        &self,
        library: &str,
        branch: &str,
    ) -> Result<Option<KioskSettings>, sqlx::Error> {
        let sql = format!("{} WHERE b.library_id = $1 AND b.id = $2", kiosk_select());
        let row: Option<KioskRow> = sqlx::query_as(&sql)
            .bind(library)
            .bind(branch)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(to_settings))
    }

    /// The kiosks of every branch of a library, by branch name.
    pub async fn library_kiosks(&self, library: &str) -> Result<Vec<KioskSettings>, sqlx::Error> {
        let sql = format!(
            "{} WHERE b.library_id = $1 ORDER BY b.name, b.id",
            kiosk_select()
        );
        let rows: Vec<KioskRow> = sqlx::query_as(&sql)
            .bind(library)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(to_settings).collect())
    }

    /// Active kiosks of libraries with Bieblo switched on, by library and branch name.
    pub async fn active_kiosks(&self) -> Result<Vec<KioskSummary>, sqlx::Error> {
        let sql = format!(
            "{} WHERE k.active = 1 AND {SUBSCRIBED} ORDER BY o.name, b.name, b.id",
            kiosk_select()
        );
        let rows: Vec<KioskRow> = sqlx::query_as(&sql).fetch_all(self.pool()).await?;
        Ok(rows
            .into_iter()
            .map(to_settings)
            .map(|k| KioskSummary {
                library: k.library,
                library_name: k.library_name,
                branch_id: k.branch_id,
                branch: k.branch,
            })
            .collect())
    }

    /// Sets a branch's kiosk (the branch must exist).
    pub async fn save_kiosk(
        &self,
        library: &str,
        branch: &str,
        update: &KioskSettingsUpdate,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO bieblo_branch_kiosks (library_id, branch_id, idle_seconds, active, lang) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (library_id, branch_id) DO UPDATE SET \
             idle_seconds = excluded.idle_seconds, active = excluded.active, lang = excluded.lang",
        )
        .bind(library)
        .bind(branch)
        .bind(i64::from(update.idle_seconds))
        .bind(i64::from(update.active))
        .bind(update.lang.tag())
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// Whether staff ever set up any kiosk of `library` (the demo sets one up only then).
    pub async fn has_kiosk_settings(&self, library: &str) -> Result<bool, sqlx::Error> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM bieblo_branch_kiosks WHERE library_id = $1 LIMIT 1")
                .bind(library)
                .fetch_optional(self.pool())
                .await?;
        Ok(row.is_some())
    }

    /// Adds one shelf's counts to the day's totals, in one transaction: a visit when it is
    /// the visit's first shelf (`new_visit`), its tips always. Nothing is added once the
    /// library's visits of the day reach `cap`.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_usage(
        &self,
        library: &str,
        branch: &str,
        day: &str,
        new_visit: bool,
        tips: u32,
        themes: &[(String, u64, u64, u64)],
        cap: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let visits: Option<(i64,)> =
            sqlx::query_as("SELECT visits FROM bieblo_daily WHERE library_id = $1 AND day = $2")
                .bind(library)
                .bind(day)
                .fetch_optional(&mut *tx)
                .await?;
        if visits.is_some_and(|(n,)| n >= cap) {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO bieblo_daily (library_id, day, visits, tips) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (library_id, day) DO UPDATE SET \
             visits = bieblo_daily.visits + excluded.visits, tips = bieblo_daily.tips + excluded.tips",
        )
        .bind(library)
        .bind(day)
        .bind(i64::from(new_visit))
        .bind(i64::from(tips))
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO bieblo_kiosk_daily (library_id, branch_id, day, visits, tips) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (library_id, branch_id, day) DO UPDATE SET \
             visits = bieblo_kiosk_daily.visits + excluded.visits, \
             tips = bieblo_kiosk_daily.tips + excluded.tips",
        )
        .bind(library)
        .bind(branch)
        .bind(day)
        .bind(i64::from(new_visit))
        .bind(i64::from(tips))
        .execute(&mut *tx)
        .await?;
        for (theme, likes, dislikes, tips) in themes {
            sqlx::query(
                "INSERT INTO bieblo_theme_daily (library_id, day, theme, likes, dislikes, tips) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (library_id, day, theme) DO UPDATE SET \
                 likes = bieblo_theme_daily.likes + excluded.likes, \
                 dislikes = bieblo_theme_daily.dislikes + excluded.dislikes, \
                 tips = bieblo_theme_daily.tips + excluded.tips",
            )
            .bind(library)
            .bind(day)
            .bind(theme)
            .bind(*likes as i64)
            .bind(*dislikes as i64)
            .bind(*tips as i64)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await.map(|()| true)
    }

    /// Counts per day, per theme and per kiosk from `from_day` to `to_day` (`YYYY-MM-DD`,
    /// inclusive); the days as stored (only days with counts).
    pub async fn kiosk_stats(
        &self,
        library: &str,
        from_day: &str,
        to_day: &str,
    ) -> Result<KioskStats, sqlx::Error> {
        let days: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT day, tips, visits FROM bieblo_daily WHERE library_id = $1 AND day >= $2 AND day <= $3 ORDER BY day",
        )
        .bind(library)
        .bind(from_day)
        .bind(to_day)
        .fetch_all(self.pool())
        .await?;
        let themes: Vec<(String, i64, i64, i64)> = sqlx::query_as(
            "SELECT theme, CAST(SUM(likes) AS BIGINT), CAST(SUM(dislikes) AS BIGINT), \
             CAST(SUM(tips) AS BIGINT) FROM bieblo_theme_daily \
             WHERE library_id = $1 AND day >= $2 AND day <= $3 GROUP BY theme ORDER BY theme",
        )
        .bind(library)
        .bind(from_day)
        .bind(to_day)
        .fetch_all(self.pool())
        .await?;
        let kiosks: Vec<(String, String, i64, i64)> = sqlx::query_as(
            "SELECT d.branch_id, COALESCE(MIN(b.name), d.branch_id), \
             CAST(SUM(d.visits) AS BIGINT), CAST(SUM(d.tips) AS BIGINT) \
             FROM bieblo_kiosk_daily d LEFT JOIN library_branches b \
             ON b.library_id = d.library_id AND b.id = d.branch_id \
             WHERE d.library_id = $1 AND d.day >= $2 AND d.day <= $3 GROUP BY d.branch_id \
             ORDER BY 2, d.branch_id",
        )
        .bind(library)
        .bind(from_day)
        .bind(to_day)
        .fetch_all(self.pool())
        .await?;
        let n = |v: i64| v.max(0) as u64;
        Ok(KioskStats {
            from: from_day.to_string(),
            to: to_day.to_string(),
            kiosks: kiosks
                .into_iter()
                .map(|(branch_id, branch, visits, tips)| BranchCount {
                    branch_id,
                    branch,
                    visits: n(visits),
                    tips: n(tips),
                })
                .collect(),
            days: days
                .into_iter()
                .map(|(day, tips, visits)| DayCount {
                    day,
                    tips: n(tips),
                    visits: n(visits),
                })
                .collect(),
            themes: themes
                .into_iter()
                .map(|(theme, likes, dislikes, tips)| ThemeCount {
                    theme,
                    likes: n(likes),
                    dislikes: n(dislikes),
                    tips: n(tips),
                })
                .collect(),
        })
    }

    /// Records an import run with its report (JSON).
    pub async fn insert_import_run(
        &self,
        kind: &str,
        org_kind: &str,
        org_id: &str,
        started_at: &str,
        report_json: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO import_runs (kind, org_kind, org_id, started_at, report) VALUES ($1, $2, $3, $4, $5)")
            .bind(kind)
            .bind(org_kind)
            .bind(org_id)
            .bind(started_at)
            .bind(report_json)
            .execute(self.pool())
            .await
            .map(|_| ())
    }

    /// The latest import runs of an organisation, newest first: (started_at, report JSON).
    pub async fn import_runs(
        &self,
        org_kind: &str,
        org_id: &str,
        limit: i64,
    ) -> Result<Vec<(String, String)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT started_at, report FROM import_runs WHERE org_kind = $1 AND org_id = $2 ORDER BY id DESC LIMIT $3",
        )
        .bind(org_kind)
        .bind(org_id)
        .bind(limit)
        .fetch_all(self.pool())
        .await
    }
}
