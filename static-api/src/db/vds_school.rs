//! Queries of Voor de Show's school side: a centre's performances of its companies'
//! shows, their class codes, the game's reading of a code, and what classes did with
//! each assignment (counted per code, assignment, kind and day).

use suite_domain::show::Grade;

use super::Db;

/// A performance as stored, with its show's title and company.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerformanceRow {
    pub id: i64,
    pub centre: String,
    pub show: i64,
    pub show_title: String,
    pub company: String,
    pub day: String,
    pub venue: String,
    pub grades: Vec<Grade>,
    pub published: bool,
}

/// What the game needs of a class code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlayRow {
    pub centre_name: String,
    pub grades: Vec<Grade>,
    /// The show's data as JSON.
    pub data: String,
}

/// One line of the figures: a show's assignment and kind with its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlayCountRow {
    pub show: i64,
    pub title: String,
    pub assignment: String,
    pub kind: String,
    pub n: i64,
}

/// Grade labels joined by commas, as stored.
pub fn grades_text(grades: &[Grade]) -> String {
    grades
        .iter()
        .map(|g| g.label())
        .collect::<Vec<_>>()
        .join(",")
}

fn grades_of(text: &str) -> Vec<Grade> {
    text.split(',').filter_map(Grade::from_label).collect()
}

type PerformanceTuple = (
    i64,
    String,
    i64,
    String,
    String,
    String,
    String,
    String,
    i64,
);

const PERFORMANCE_COLUMNS: &str = "p.id, p.centre_id, p.show_id, s.title, s.company_id, p.day, \
     p.venue, p.grades, p.published";

fn performance_of(t: PerformanceTuple) -> PerformanceRow {
    PerformanceRow {
        id: t.0,
        centre: t.1,
        show: t.2,
        show_title: t.3,
        company: t.4,
        day: t.5,
        venue: t.6,
        grades: grades_of(&t.7),
        published: t.8 != 0,
    }
}

impl Db {
    /// Stores a performance of `show` by `centre` (not published yet); its id.
    pub async fn vds_insert_performance(
        &self,
        centre: &str,
        show: i64,
        day: &str,
        venue: &str,
        grades: &[Grade],
        at: &str,
    ) -> Result<i64, sqlx::Error> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO vds_performances (centre_id, show_id, day, venue, grades, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(centre)
        .bind(show)
        .bind(day)
        .bind(venue)
        .bind(grades_text(grades))
        .bind(at)
        .fetch_one(self.pool())
        .await?;
        Ok(id)
    }

    /// The performances of `centre`, by day.
    pub async fn vds_performances(&self, centre: &str) -> Result<Vec<PerformanceRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {PERFORMANCE_COLUMNS} FROM vds_performances p \
             JOIN vds_shows s ON s.id = p.show_id WHERE p.centre_id = $1 ORDER BY p.day, p.id"
        );
        let rows: Vec<PerformanceTuple> = sqlx::query_as(&sql)
            .bind(centre)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(performance_of).collect())
    }

    /// Performance `id`, of any centre.
    pub async fn vds_performance(&self, id: i64) -> Result<Option<PerformanceRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {PERFORMANCE_COLUMNS} FROM vds_performances p \
             JOIN vds_shows s ON s.id = p.show_id WHERE p.id = $1"
        );
        let row: Option<PerformanceTuple> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(performance_of))
    }

    /// Publishes performance `id`: its class codes open the game.
    pub async fn vds_publish(&self, id: i64) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE vds_performances SET published = 1 WHERE id = $1")
            .bind(id)
            .execute(self.pool())
            .await
            .map(|_| ())
    }

    /// Stores a class code of `performance`; `false` when the code exists already (the
    /// caller draws another).
    pub async fn vds_insert_code(
        &self,
        code: &str,
        performance: i64,
        expires_on: &str,
        at: &str,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "INSERT INTO vds_class_codes (code, performance_id, expires_on, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING",
        )
        .bind(code)
        .bind(performance)
        .bind(expires_on)
        .bind(at)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The class codes of `centre`'s performances: performance, code, last day.
    pub async fn vds_codes(&self, centre: &str) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT c.performance_id, c.code, c.expires_on FROM vds_class_codes c \
             JOIN vds_performances p ON p.id = c.performance_id WHERE p.centre_id = $1 \
             ORDER BY c.created_at, c.code",
        )
        .bind(centre)
        .fetch_all(self.pool())
        .await
    }

    /// What the game gets for `code` on `today`: a published performance whose code
    /// has not expired, of a centre that is not archived.
    pub async fn vds_play(&self, code: &str, today: &str) -> Result<Option<PlayRow>, sqlx::Error> {
        let row: Option<(String, String, String)> = sqlx::query_as(
            "SELECT o.name, p.grades, s.data FROM vds_class_codes c \
             JOIN vds_performances p ON p.id = c.performance_id \
             JOIN vds_shows s ON s.id = p.show_id \
             JOIN organisations o ON o.kind = 'centre' AND o.id = p.centre_id \
             WHERE c.code = $1 AND c.expires_on >= $2 AND p.published = 1 \
             AND o.archived_at IS NULL",
        )
        .bind(code)
        .bind(today)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|(centre_name, grades, data)| PlayRow {
            centre_name,
            grades: grades_of(&grades),
            data,
        }))
    }

    /// Counts one event of a class; `false` (nothing counted) when `code` already has
    /// `cap` events on `day`.
    pub async fn vds_count_play(
        &self,
        code: &str,
        assignment: &str,
        kind: &str,
        day: &str,
        cap: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool().begin().await?;
        let (today,): (i64,) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM vds_play_daily \
             WHERE code = $1 AND day = $2",
        )
        .bind(code)
        .bind(day)
        .fetch_one(&mut *tx)
        .await?;
        if today >= cap {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO vds_play_daily (code, assignment, kind, day, n) VALUES ($1, $2, $3, $4, 1) \
             ON CONFLICT (code, assignment, kind, day) DO UPDATE SET n = vds_play_daily.n + 1",
        )
        .bind(code)
        .bind(assignment)
        .bind(kind)
        .bind(day)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The counts per show, assignment and kind of `centre`'s class codes.
    pub async fn vds_play_counts(&self, centre: &str) -> Result<Vec<PlayCountRow>, sqlx::Error> {
        let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
            "SELECT s.id, s.title, d.assignment, d.kind, CAST(SUM(d.n) AS BIGINT) \
             FROM vds_play_daily d JOIN vds_class_codes c ON c.code = d.code \
             JOIN vds_performances p ON p.id = c.performance_id \
             JOIN vds_shows s ON s.id = p.show_id WHERE p.centre_id = $1 \
             GROUP BY s.id, s.title, d.assignment, d.kind ORDER BY s.id, d.assignment, d.kind",
        )
        .bind(centre)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(show, title, assignment, kind, n)| PlayCountRow {
                show,
                title,
                assignment,
                kind,
                n,
            })
            .collect())
    }

    /// Classes that played per show of `centre`: codes counted once per day used.
    pub async fn vds_classes_played(&self, centre: &str) -> Result<Vec<(i64, i64)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT p.show_id, CAST(COUNT(DISTINCT d.code || '/' || d.day) AS BIGINT) \
             FROM vds_play_daily d JOIN vds_class_codes c ON c.code = d.code \
             JOIN vds_performances p ON p.id = c.performance_id WHERE p.centre_id = $1 \
             GROUP BY p.show_id",
        )
        .bind(centre)
        .fetch_all(self.pool())
        .await
    }
}
