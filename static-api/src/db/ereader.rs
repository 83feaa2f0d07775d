//! Queries of e-book lending: the libraries that take part, titles, members, loans and
//! the queues. Every operation on loans and places (borrow, return, reserve, cancel,
//! pass, suspend, resume, licences, the scheduler's settling) is one transaction of
//! `ereader_lend.rs`, where the rules of `suite_domain::lending::Title` decide: it can
//! succeed only while a licence is free (or held for the member) and the member is under
//! the limits, and unique slots in the database hold the limits even so. Loans and holds
//! that ran out end in the next transaction that looks at their title or member, and by
//! the scheduler ([`Db::ereader_settle_due`]) within a minute.

use suite_domain::lending::{Event, LendError, MemberId, Policy};

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
    /// Whether the title may be downloaded during the loan.
    pub download: bool,
}

/// A title to add (its EPUB already checked and stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTitle<'a> {
    pub title: &'a str,
    /// JSON array of the creators.
    pub creators: &'a str,
    pub language: &'a str,
    /// `ltr`, `rtl` or `auto`.
    pub title_direction: &'a str,
    pub file_sha256: &'a str,
    pub file_bytes: i64,
    pub licences: i64,
    pub licences_set: Option<i64>,
    pub download: bool,
    pub added_at: &'a str,
    pub added_by: &'a str,
}

/// What a member does with a place in a title's queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueOp {
    Reserve,
    Cancel,
    Pass,
    Suspend,
    Resume,
}

impl Db {
    /// " FOR UPDATE" where the backend locks rows it reads (PostgreSQL); SQLite's write
    /// transaction already holds the whole database.
    pub(super) fn for_update(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE",
        }
    }

    pub async fn ereader_add_title(&self, new: &NewTitle<'_>) -> Result<i64, sqlx::Error> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO ereader_titles (title, creators, language, file_sha256, file_bytes, \
             licences_set, licences, download, added_at, added_by, title_direction) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
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
        .bind(new.title_direction)
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

    /// Lends `title` to `member` from `now` for `days` (by default the policy's
    /// length), if the rules allow it: the member's hold, or a licence free that no
    /// one in the queue waits for, and the member under the limit.
    pub async fn ereader_borrow(
        &self,
        member: i64,
        title: i64,
        policy: &Policy,
        now: i64,
        days: Option<u32>,
    ) -> Result<Result<LoanRow, LendError>, sqlx::Error> {
        let done = self
            .ereader_lend(Some(member), title, policy, now, |t, counts| {
                t.borrow(MemberId(member), counts, policy, now, days)
            })
            .await?;
        Ok(done.and_then(|done| {
            let until_at = done
                .title
                .loan_of(MemberId(member))
                .map(|l| l.until)
                .ok_or(LendError::NoLicenceFree)?;
            let (id, licence_slot) = done.loan.ok_or(LendError::NoLicenceFree)?;
            Ok(LoanRow {
                id,
                title_id: title,
                title: done.name,
                member_id: member,
                licence_slot,
                started_at: now,
                until_at,
                download: done.download,
            })
        }))
    }

    /// Returns loan `loan` of `member` early (the licence goes to the queue); false
    /// when it is not a running loan of theirs.
    pub async fn ereader_return(
        &self,
        member: i64,
        loan: i64,
        policy: &Policy,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let found: Option<(i64,)> = sqlx::query_as(
            "SELECT title_id FROM ereader_loans WHERE id = $1 AND member_id = $2 \
             AND ended_at IS NULL AND until_at > $3",
        )
        .bind(loan)
        .bind(member)
        .bind(now)
        .fetch_optional(self.pool())
        .await?;
        let Some((title,)) = found else {
            return Ok(false);
        };
        let done = self
            .ereader_lend(Some(member), title, policy, now, |t, _| {
                t.give_back(MemberId(member), policy, now)
            })
            .await?;
        Ok(done.is_ok())
    }

    /// A queue operation of `member` on `title` at `now`: reserve, cancel, pass,
    /// suspend or resume, as the rules allow.
    pub async fn ereader_queue(
        &self,
        member: i64,
        title: i64,
        what: QueueOp,
        policy: &Policy,
        now: i64,
    ) -> Result<Result<(), LendError>, sqlx::Error> {
        let who = MemberId(member);
        let done = self
            .ereader_lend(Some(member), title, policy, now, |t, counts| match what {
                QueueOp::Reserve => t.reserve(who, counts, policy, now),
                QueueOp::Cancel => t.cancel(who, policy, now),
                QueueOp::Pass => t.pass(who, policy, now),
                QueueOp::Suspend => t.suspend(who, policy, now),
                QueueOp::Resume => t.resume(who, policy, now),
            })
            .await?;
        Ok(done.map(|_| ()))
    }

    /// Sets title `title`'s licences in force (`licences_set`: by hand, or `None`: by
    /// the rule) at `now`; freed or added licences go to the queue at once.
    pub async fn ereader_set_licences(
        &self,
        title: i64,
        licences_set: Option<i64>,
        licences: i64,
        policy: &Policy,
        now: i64,
    ) -> Result<Result<Vec<Event>, LendError>, sqlx::Error> {
        let n = u32::try_from(licences.max(0)).unwrap_or(u32::MAX);
        // The count set by hand and the count in force change in one lending
        // transaction, with the holds it gives.
        let done = self
            .ereader_lend_setting(None, title, Some(licences_set), policy, now, |t, _| {
                Ok(t.set_licences(n, policy, now))
            })
            .await?;
        Ok(done.map(|d| d.events))
    }

    /// Settles every title where a loan or a hold ran out by `now`: loans end, holds
    /// pass on, freed licences are held for the next in the queue. The events, for
    /// the log.
    pub async fn ereader_settle_due(
        &self,
        policy: &Policy,
        now: i64,
    ) -> Result<Vec<Event>, sqlx::Error> {
        let due: Vec<(i64,)> = sqlx::query_as(
            "SELECT title_id FROM ereader_loans WHERE ended_at IS NULL AND until_at <= $1 \
             UNION SELECT title_id FROM ereader_reservations \
             WHERE ended_at IS NULL AND hold_until IS NOT NULL AND hold_until <= $1",
        )
        .bind(now)
        .fetch_all(self.pool())
        .await?;
        let mut events = Vec::new();
        for (title,) in due {
            let done = self
                .ereader_lend(None, title, policy, now, |t, _| Ok(t.settle(policy, now)))
                .await?;
            if let Ok(done) = done {
                events.extend(done.events);
            }
        }
        Ok(events)
    }

    /// The running loans of `member` at `now`, soonest end first.
    pub async fn ereader_loans_of(
        &self,
        member: i64,
        now: i64,
    ) -> Result<Vec<LoanRow>, sqlx::Error> {
        type Row = (i64, i64, String, i64, i64, i64, i64, i64);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT l.id, l.title_id, t.title, l.member_id, l.licence_slot, l.started_at, \
             l.until_at, t.download \
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
                |(id, title_id, title, member_id, licence_slot, started_at, until_at, download)| {
                    LoanRow {
                        id,
                        title_id,
                        title,
                        member_id,
                        licence_slot,
                        started_at,
                        until_at,
                        download: download != 0,
                    }
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
}
