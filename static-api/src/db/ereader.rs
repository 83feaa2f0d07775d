//! Queries of e-book lending: the libraries that take part, titles, members and loans.
//! A loan is one write transaction that can succeed only while a licence of the title is
//! free and the member is under the limit: the transaction serialises per member and per
//! title (SQLite's write lock; PostgreSQL's row locks on the member and the title, taken
//! in that order), reads the title's state and the member's counts, lets the rules
//! (`suite_domain::lending::Title`) decide, and writes what they decided; unique slots
//! in the database hold the limits even so (a licence's slot, a member's loan slot, one
//! loan per member and title, among running loans). A loan that reached its end is
//! ended (`expired`) by the next transaction that looks at its member or title, before
//! anything is counted.

use suite_domain::lending::{
    Event, LendError, Loan, MemberCounts, MemberId, Policy, Title, TitleId,
};

use super::{Backend, Db};

/// A loan as stored (times in Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoanRow {
    pub id: i64,
    pub title_id: i64,
    /// The title's name.
    pub title: String,
    pub member_id: i64,
    pub licence_slot: i64,
    pub started_at: i64,
    pub until_at: i64,
}

/// A title to add (its EPUB already checked and stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTitle<'a> {
    pub title: &'a str,
    /// JSON array of the creators.
    pub creators: &'a str,
    pub language: &'a str,
    pub file_sha256: &'a str,
    pub file_bytes: i64,
    pub licences: i64,
    pub licences_set: Option<i64>,
    pub download: bool,
    pub added_at: &'a str,
    pub added_by: &'a str,
}

/// The smallest number in `0..limit` not in `taken`.
fn free_slot(taken: &[i64], limit: i64) -> Option<i64> {
    (0..limit).find(|slot| !taken.contains(slot))
}

impl Db {
    /// " FOR UPDATE" where the backend locks rows it reads (PostgreSQL); SQLite's write
    /// transaction already holds the whole database.
    fn for_update(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE",
        }
    }

    /// Library `library` takes part, serving `population` inhabitants (again: the
    /// population changes).
    pub async fn ereader_join(
        &self,
        library: &str,
        population: i64,
        at: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO ereader_libraries (library_id, population, joined_at) VALUES ($1, $2, $3) \
             ON CONFLICT (library_id) DO UPDATE SET population = excluded.population",
        )
        .bind(library)
        .bind(population)
        .bind(at)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    pub async fn ereader_add_title(&self, new: &NewTitle<'_>) -> Result<i64, sqlx::Error> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO ereader_titles (title, creators, language, file_sha256, file_bytes, \
             licences_set, licences, download, added_at, added_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(new.title)
        .bind(new.creators)
        .bind(new.language)
        .bind(new.file_sha256)
        .bind(new.file_bytes)
        .bind(new.licences_set)
        .bind(new.licences)
        .bind(i64::from(new.download))
        .bind(new.added_at)
        .bind(new.added_by)
        .fetch_one(self.pool())
        .await?;
        Ok(id)
    }

    /// A member of `library` with the SHA-256 of their card number and the argon2id
    /// hash of their PIN; `None` when the card is known already.
    pub async fn ereader_add_member(
        &self,
        library: &str,
        card_hash: &str,
        pin_hash: &str,
        at: &str,
    ) -> Result<Option<i64>, sqlx::Error> {
        let added = sqlx::query_as::<_, (i64,)>(
            "INSERT INTO ereader_members (library_id, card_hash, pin_hash, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(library)
        .bind(card_hash)
        .bind(pin_hash)
        .bind(at)
        .fetch_one(self.pool())
        .await;
        match added {
            Ok((id,)) => Ok(Some(id)),
            Err(e) if super::is_unique_violation(&e) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Ends the loans of `member` and of `title` whose time is over, inside `tx`.
    async fn ereader_expire_in(
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        member: i64,
        title: i64,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE ereader_loans SET ended_at = until_at, ended_how = 'expired' \
             WHERE ended_at IS NULL AND until_at <= $1 AND (member_id = $2 OR title_id = $3)",
        )
        .bind(now)
        .bind(member)
        .bind(title)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Lends `title` to `member` from `now` for `days` (by default the policy's
    /// length), if the rules allow it: a licence free, the member under the limit and
    /// not borrowing it already.
    pub async fn ereader_borrow(
        &self,
        member: i64,
        title: i64,
        policy: &Policy,
        now: i64,
        days: Option<u32>,
    ) -> Result<Result<LoanRow, LendError>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let lock = self.for_update();
        // Members first, then titles: every loan takes its locks in this order.
        sqlx::query(&format!(
            "SELECT id FROM ereader_members WHERE id = $1{lock}"
        ))
        .bind(member)
        .fetch_optional(&mut *tx)
        .await?;
        let found: Option<(i64, String)> = sqlx::query_as(&format!(
            "SELECT licences, title FROM ereader_titles WHERE id = $1{lock}"
        ))
        .bind(title)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((licences, name)) = found else {
            return Ok(Err(LendError::UnknownTitle(TitleId(title))));
        };
        Self::ereader_expire_in(&mut tx, member, title, now).await?;
        let mine: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT title_id, loan_slot FROM ereader_loans WHERE member_id = $1 AND ended_at IS NULL",
        )
        .bind(member)
        .fetch_all(&mut *tx)
        .await?;
        let lent: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT member_id, licence_slot, started_at, until_at FROM ereader_loans \
             WHERE title_id = $1 AND ended_at IS NULL",
        )
        .bind(title)
        .fetch_all(&mut *tx)
        .await?;
        let loans = lent
            .iter()
            .map(|&(member, _, start, until)| Loan {
                member: MemberId(member),
                start,
                until,
            })
            .collect();
        let count = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
        let mut state = Title::restore(TitleId(title), count(licences), loans, Vec::new());
        let counts = MemberCounts {
            loans: count(mine.len() as i64),
            reservations: 0,
        };
        let events = match state.borrow(MemberId(member), counts, policy, now, days) {
            Ok(events) => events,
            Err(refused) => return Ok(Err(refused)),
        };
        let Some(until_at) = events.iter().find_map(|e| match e {
            Event::LoanStarted { until, .. } => Some(*until),
            _ => None,
        }) else {
            return Ok(Err(LendError::NoLicenceFree));
        };
        // The slots the rules' decision takes (they agree with it; the unique indexes
        // refuse a loan that would not, whatever happened around it).
        let taken: Vec<i64> = mine.iter().map(|(_, slot)| *slot).collect();
        let Some(loan_slot) = free_slot(&taken, i64::from(policy.max_loans())) else {
            return Ok(Err(LendError::LoanLimit {
                max: policy.max_loans(),
            }));
        };
        let taken: Vec<i64> = lent.iter().map(|(_, slot, _, _)| *slot).collect();
        let Some(licence_slot) = free_slot(&taken, licences) else {
            return Ok(Err(LendError::NoLicenceFree));
        };
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO ereader_loans (title_id, member_id, licence_slot, loan_slot, started_at, until_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(title)
        .bind(member)
        .bind(licence_slot)
        .bind(loan_slot)
        .bind(now)
        .bind(until_at)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(LoanRow {
            id,
            title_id: title,
            title: name,
            member_id: member,
            licence_slot,
            started_at: now,
            until_at,
        }))
    }

    /// Returns loan `loan` of `member` early; false when it is not a running loan of
    /// theirs.
    pub async fn ereader_return(
        &self,
        member: i64,
        loan: i64,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE ereader_loans SET ended_at = $3, ended_how = 'returned' \
             WHERE id = $1 AND member_id = $2 AND ended_at IS NULL AND until_at > $3",
        )
        .bind(loan)
        .bind(member)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The running loans of `member` at `now`, soonest end first.
    pub async fn ereader_loans_of(
        &self,
        member: i64,
        now: i64,
    ) -> Result<Vec<LoanRow>, sqlx::Error> {
        let rows: Vec<(i64, i64, String, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT l.id, l.title_id, t.title, l.member_id, l.licence_slot, l.started_at, l.until_at \
             FROM ereader_loans l JOIN ereader_titles t ON t.id = l.title_id \
             WHERE l.member_id = $1 AND l.ended_at IS NULL AND l.until_at > $2 ORDER BY l.until_at, l.id",
        )
        .bind(member)
        .bind(now)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, title_id, title, member_id, licence_slot, started_at, until_at)| LoanRow {
                    id,
                    title_id,
                    title,
                    member_id,
                    licence_slot,
                    started_at,
                    until_at,
                },
            )
            .collect())
    }

    /// Whether `member` has a running loan of `title` at `now` (to read its content).
    pub async fn ereader_may_read(
        &self,
        member: i64,
        title: i64,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let found: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM ereader_loans WHERE member_id = $1 AND title_id = $2 \
             AND ended_at IS NULL AND until_at > $3",
        )
        .bind(member)
        .bind(title)
        .bind(now)
        .fetch_optional(self.pool())
        .await?;
        Ok(found.is_some())
    }

    /// Ends every loan whose time is over at `now` (housekeeping); how many.
    pub async fn ereader_expire(&self, now: i64) -> Result<u64, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE ereader_loans SET ended_at = until_at, ended_how = 'expired' \
             WHERE ended_at IS NULL AND until_at <= $1",
        )
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use super::free_slot;

    #[test]
    fn the_smallest_free_slot_below_the_limit() {
        assert_eq!(free_slot(&[], 2), Some(0));
        assert_eq!(free_slot(&[0], 2), Some(1));
        assert_eq!(free_slot(&[1], 2), Some(0));
        assert_eq!(free_slot(&[0, 1], 2), None);
        assert_eq!(free_slot(&[], 0), None);
    }
}
