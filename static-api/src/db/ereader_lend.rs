//! The one transaction every lending operation runs in: lock the member, then every
//! title the operation may touch in the order of their ids (the member's own titles
//! too, so their loans and holds that ran out are settled first and the member's counts
//! are exact), read each title's state, let `suite_domain::lending::Title` decide, and
//! write what changed row by row (`lending::changes`). On SQLite the write transaction
//! holds the whole database; on PostgreSQL the row locks serialise the operations per
//! member and per title, always taken member first, then titles by id, so two
//! operations never wait for each other in a circle. Unique slots among open rows hold
//! the limits even so. A loan or place that ends keeps its member only if they keep
//! their reading history (off by default).

use suite_domain::lending::{
    Change, Event, Left, LendError, Loan, LoanEnd, MemberCounts, MemberId, Policy, Reservation,
    Title, TitleId, changes,
};

use super::Db;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// The member an ending row keeps (`$2`): theirs if they keep their reading history,
/// else none.
const KEPT: &str = "(SELECT m.id FROM ereader_members m WHERE m.id = $2 AND m.keep_history = 1)";

/// What a successful operation did to its title.
#[derive(Debug, Clone)]
pub(super) struct Done {
    /// The title's name.
    pub(super) name: String,
    /// Whether the title may be downloaded during a loan.
    pub(super) download: bool,
    /// The title after the operation.
    pub(super) title: Title,
    /// What happened, the settling of the member's other titles included.
    pub(super) events: Vec<Event>,
    /// The id and licence slot of the loan the acting member began, if one began.
    pub(super) loan: Option<(i64, i64)>,
}

/// The smallest number in `0..limit` not in `taken`.
pub(super) fn free_slot(taken: &[i64], limit: i64) -> Option<i64> {
    (0..limit).find(|slot| !taken.contains(slot))
}

fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

impl Db {
    /// Runs `op` on title `title` for `member` (none: the server itself, as the
    /// scheduler and the admin) at `now`, in one write transaction. `op` gets the title,
    /// settled or not, and the member's counts across every title as of `now`; a refusal
    /// changes nothing. `Ok(Err(UnknownTitle))` when there is no such title.
    pub(super) async fn ereader_lend(
        &self,
        member: Option<i64>,
        title: i64,
        policy: &Policy,
        now: i64,
        op: impl FnOnce(&mut Title, MemberCounts) -> Result<Vec<Event>, LendError>,
    ) -> Result<Result<Done, LendError>, sqlx::Error> {
        self.ereader_lend_setting(member, title, None, policy, now, op)
            .await
    }

    /// [`Db::ereader_lend`] that also writes the title's licences set by hand
    /// (`Some(None)`: back to the rule) in the same transaction, when `op` succeeds.
    pub(super) async fn ereader_lend_setting(
        &self,
        member: Option<i64>,
        title: i64,
        licences_set: Option<Option<i64>>,
        policy: &Policy,
        now: i64,
        op: impl FnOnce(&mut Title, MemberCounts) -> Result<Vec<Event>, LendError>,
    ) -> Result<Result<Done, LendError>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let lock = self.for_update();
        let mut titles = vec![title];
        if let Some(member) = member {
            sqlx::query(&format!(
                "SELECT id FROM ereader_members WHERE id = $1{lock}"
            ))
            .bind(member)
            .fetch_optional(&mut *tx)
            .await?;
            let theirs: Vec<(i64,)> = sqlx::query_as(
                "SELECT title_id FROM ereader_loans WHERE member_id = $1 AND ended_at IS NULL \
                 UNION SELECT title_id FROM ereader_reservations WHERE member_id = $1 AND ended_at IS NULL",
            )
            .bind(member)
            .fetch_all(&mut *tx)
            .await?;
            titles.extend(theirs.into_iter().map(|(id,)| id));
        }
        titles.sort_unstable();
        titles.dedup();
        let mut counts = MemberCounts::default();
        let mut events = Vec::new();
        let mut this = None;
        for id in titles {
            let Some((licences, name, download)) = self.ereader_lock_title(&mut tx, id).await?
            else {
                continue;
            };
            let before = Self::ereader_title_state(&mut tx, id, licences).await?;
            if id == title {
                this = Some((name, download != 0, licences, before));
                continue;
            }
            // Another title of the member's: settled, so its loans and holds that ran
            // out no longer count, and counted.
            let mut after = before.clone();
            let settled = after.settle(policy, now);
            let changed = changes(&before, &after, &settled, now);
            Self::ereader_write_changes(&mut tx, id, licences, &changed, policy).await?;
            if let Some(member) = member {
                let mine = after.counts_of(MemberId(member));
                counts.loans += mine.loans;
                counts.reservations += mine.reservations;
            }
            events.extend(settled);
        }
        let Some((name, download, licences, before)) = this else {
            return Ok(Err(LendError::UnknownTitle(TitleId(title))));
        };
        if let Some(member) = member {
            let mut probe = before.clone();
            probe.settle(policy, now);
            let mine = probe.counts_of(MemberId(member));
            counts.loans += mine.loans;
            counts.reservations += mine.reservations;
        }
        let mut after = before.clone();
        let happened = match op(&mut after, counts) {
            Ok(happened) => happened,
            Err(refused) => return Ok(Err(refused)),
        };
        let changed = changes(&before, &after, &happened, now);
        let mut licences = licences;
        if after.licences() != before.licences() {
            licences = i64::from(after.licences());
            sqlx::query("UPDATE ereader_titles SET licences = $2 WHERE id = $1")
                .bind(title)
                .bind(licences)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(set) = licences_set {
            sqlx::query("UPDATE ereader_titles SET licences_set = $2 WHERE id = $1")
                .bind(title)
                .bind(set)
                .execute(&mut *tx)
                .await?;
        }
        let began = Self::ereader_write_changes(&mut tx, title, licences, &changed, policy).await?;
        tx.commit().await?;
        events.extend(happened);
        let loan = member.and_then(|m| {
            began
                .iter()
                .find(|(who, _, _)| *who == MemberId(m))
                .map(|&(_, id, slot)| (id, slot))
        });
        Ok(Ok(Done {
            name,
            download,
            title: after,
            events,
            loan,
        }))
    }

    /// Locks title `id` for this transaction: its licences, name and download flag,
    /// `None` if it is not there.
    async fn ereader_lock_title(
        &self,
        tx: &mut Tx,
        id: i64,
    ) -> Result<Option<(i64, String, i64)>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT licences, title, download FROM ereader_titles WHERE id = $1{}",
            self.for_update()
        ))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
    }

    /// Title `id`'s open loans and places, the queue in order of arrival.
    async fn ereader_title_state(
        tx: &mut Tx,
        id: i64,
        licences: i64,
    ) -> Result<Title, sqlx::Error> {
        let loans: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT member_id, started_at, until_at FROM ereader_loans \
             WHERE title_id = $1 AND ended_at IS NULL ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut **tx)
        .await?;
        let places: Vec<(i64, i64, i64, Option<i64>)> = sqlx::query_as(
            "SELECT member_id, since, suspended, hold_until FROM ereader_reservations \
             WHERE title_id = $1 AND ended_at IS NULL ORDER BY since, id",
        )
        .bind(id)
        .fetch_all(&mut **tx)
        .await?;
        Ok(Title::restore(
            TitleId(id),
            count(licences),
            loans
                .into_iter()
                .map(|(member, start, until)| Loan {
                    member: MemberId(member),
                    start,
                    until,
                })
                .collect(),
            places
                .into_iter()
                .map(|(member, since, suspended, hold_until)| Reservation {
                    member: MemberId(member),
                    since,
                    suspended: suspended != 0,
                    hold_until,
                })
                .collect(),
        ))
    }

    /// Writes `changed` (ends first, as `changes` orders them) to the rows of title
    /// `title`, which has `licences`; the loans that began: member, id, licence slot.
    async fn ereader_write_changes(
        tx: &mut Tx,
        title: i64,
        licences: i64,
        changed: &[Change],
        policy: &Policy,
    ) -> Result<Vec<(MemberId, i64, i64)>, sqlx::Error> {
        let mut began = Vec::new();
        // Members whose place turned into a loan: a hold given before the licences were
        // lowered may be taken above the new count.
        let mut took = Vec::new();
        for change in changed {
            match *change {
                Change::LoanEnded { member, at, why } => {
                    let how = match why {
                        LoanEnd::Returned => "returned",
                        LoanEnd::Expired => "expired",
                    };
                    // Bookmarks and highlights go with the loan, unless kept as history.
                    sqlx::query(
                        "DELETE FROM ereader_annotations WHERE member_id = $1 AND title_id = $2 \
                         AND NOT EXISTS (SELECT 1 FROM ereader_members m \
                         WHERE m.id = $1 AND m.keep_history = 1)",
                    )
                    .bind(member.0)
                    .bind(title)
                    .execute(&mut **tx)
                    .await?;
                    sqlx::query(&format!(
                        "UPDATE ereader_loans SET ended_at = $3, ended_how = $4, position = NULL, \
                         member_id = {KEPT} WHERE title_id = $1 AND member_id = $2 AND ended_at IS NULL"
                    ))
                    .bind(title)
                    .bind(member.0)
                    .bind(at)
                    .bind(how)
                    .execute(&mut **tx)
                    .await?;
                }
                Change::PlaceLeft { member, at, how } => {
                    if how == Left::Taken {
                        took.push(member);
                    }
                    sqlx::query(&format!(
                        "UPDATE ereader_reservations SET ended_at = $3, ended_how = $4, \
                         member_id = {KEPT} WHERE title_id = $1 AND member_id = $2 AND ended_at IS NULL"
                    ))
                    .bind(title)
                    .bind(member.0)
                    .bind(at)
                    .bind(how.as_str())
                    .execute(&mut **tx)
                    .await?;
                }
                Change::LoanStarted(loan) => {
                    let limit = if took.contains(&loan.member) {
                        i64::MAX
                    } else {
                        licences
                    };
                    let (id, slot) =
                        Self::ereader_insert_loan(tx, title, limit, loan, policy).await?;
                    began.push((loan.member, id, slot));
                }
                Change::PlaceJoined(place) => {
                    let taken: Vec<(i64,)> = sqlx::query_as(
                        "SELECT reservation_slot FROM ereader_reservations \
                         WHERE member_id = $1 AND ended_at IS NULL",
                    )
                    .bind(place.member.0)
                    .fetch_all(&mut **tx)
                    .await?;
                    let taken: Vec<i64> = taken.into_iter().map(|(s,)| s).collect();
                    // The rules allowed the place, so a slot is free; if not, the
                    // unique index refuses the row rather than a limit being passed.
                    let slot = free_slot(&taken, i64::from(policy.max_reservations())).unwrap_or(0);
                    sqlx::query(
                        "INSERT INTO ereader_reservations \
                         (title_id, member_id, reservation_slot, since, suspended, hold_until) \
                         VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(title)
                    .bind(place.member.0)
                    .bind(slot)
                    .bind(place.since)
                    .bind(i64::from(place.suspended))
                    .bind(place.hold_until)
                    .execute(&mut **tx)
                    .await?;
                }
                Change::PlaceChanged(place) => {
                    sqlx::query(
                        "UPDATE ereader_reservations SET suspended = $3, hold_until = $4 \
                         WHERE title_id = $1 AND member_id = $2 AND ended_at IS NULL",
                    )
                    .bind(title)
                    .bind(place.member.0)
                    .bind(i64::from(place.suspended))
                    .bind(place.hold_until)
                    .execute(&mut **tx)
                    .await?;
                }
            }
        }
        Ok(began)
    }

    /// Inserts a loan the rules began, in the smallest free licence slot of the title
    /// below `limit` and loan slot of the member; its id and licence slot. The rules keep the loans
    /// within the licences; if they did not, no slot would be free and the unique
    /// indexes would refuse the row, so the database holds the limits even so.
    async fn ereader_insert_loan(
        tx: &mut Tx,
        title: i64,
        limit: i64,
        loan: Loan,
        policy: &Policy,
    ) -> Result<(i64, i64), sqlx::Error> {
        let lent: Vec<(i64,)> = sqlx::query_as(
            "SELECT licence_slot FROM ereader_loans WHERE title_id = $1 AND ended_at IS NULL",
        )
        .bind(title)
        .fetch_all(&mut **tx)
        .await?;
        let mine: Vec<(i64,)> = sqlx::query_as(
            "SELECT loan_slot FROM ereader_loans WHERE member_id = $1 AND ended_at IS NULL",
        )
        .bind(loan.member.0)
        .fetch_all(&mut **tx)
        .await?;
        let lent: Vec<i64> = lent.into_iter().map(|(s,)| s).collect();
        let mine: Vec<i64> = mine.into_iter().map(|(s,)| s).collect();
        let licence_slot = free_slot(&lent, limit).unwrap_or(0);
        let loan_slot = free_slot(&mine, i64::from(policy.max_loans())).unwrap_or(0);
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO ereader_loans (title_id, member_id, licence_slot, loan_slot, started_at, until_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(title)
        .bind(loan.member.0)
        .bind(licence_slot)
        .bind(loan_slot)
        .bind(loan.start)
        .bind(loan.until)
        .fetch_one(&mut **tx)
        .await?;
        Ok((id, licence_slot))
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
