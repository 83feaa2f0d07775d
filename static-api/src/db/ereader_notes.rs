//! Queries of a member's bookmarks and highlights, per title: listed by kind, added
//! below a limit in one statement (a count and an insert cannot race past it), and
//! removed one by one. They go with the loan's end unless the member keeps their
//! reading history (`ereader_lend.rs`, `ereader_members.rs`).

use super::Db;

/// A stored annotation: id, kind, place (JSON), note, created.
pub type NoteRow = (i64, String, String, String, i64);

impl Db {
    /// `member`'s annotations of `title`, bookmarks first, each kind in book order of
    /// creation.
    pub async fn ereader_notes(
        &self,
        member: i64,
        title: i64,
    ) -> Result<Vec<NoteRow>, sqlx::Error> {
        sqlx::query_as(
            "SELECT id, kind, place, note, created_at FROM ereader_annotations \
             WHERE member_id = $1 AND title_id = $2 ORDER BY kind, id",
        )
        .bind(member)
        .bind(title)
        .fetch_all(self.pool())
        .await
    }

    /// Adds an annotation unless `member` has `most` of `title` already; its id, or
    /// `None` at the limit.
    #[allow(clippy::too_many_arguments)]
    pub async fn ereader_add_note(
        &self,
        member: i64,
        title: i64,
        kind: &str,
        place: &str,
        note: &str,
        now: i64,
        most: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        // The member's row serialises their additions (PostgreSQL's row lock; SQLite's
        // write transaction holds the database).
        sqlx::query(&format!(
            "SELECT id FROM ereader_members WHERE id = $1{}",
            self.for_update()
        ))
        .bind(member)
        .fetch_optional(&mut *tx)
        .await?;
        let (count,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM ereader_annotations WHERE member_id = $1 AND title_id = $2",
        )
        .bind(member)
        .bind(title)
        .fetch_one(&mut *tx)
        .await?;
        if count >= most {
            return Ok(None);
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO ereader_annotations (member_id, title_id, kind, place, note, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(member)
        .bind(title)
        .bind(kind)
        .bind(place)
        .bind(note)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Removes `member`'s annotation `id` of `title`; false when there is none.
    pub async fn ereader_remove_note(
        &self,
        member: i64,
        title: i64,
        id: i64,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "DELETE FROM ereader_annotations WHERE id = $1 AND member_id = $2 AND title_id = $3",
        )
        .bind(id)
        .bind(member)
        .bind(title)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
