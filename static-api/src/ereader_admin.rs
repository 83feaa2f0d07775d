//! The e-reader's back-office over the store, shared by the API and the command line:
//! the collection as the admin sees it, licences by hand or by the population rule
//! (and every rule title recomputed when the participating population changes), the
//! participating libraries, and the statistics per title.

use suite_domain::ereader::admin::{
    AdminTitle, EreaderStats, Participant, Participants, TitleStats, months, more_licences,
    per_month,
};
use suite_domain::lending::{LendError, Policy};

use crate::db::Db;
use crate::ereader_books::{INHABITANTS_PER_LICENCE, rule_licences};
use crate::error::AppError;

const DAY: i64 = 24 * 60 * 60;

fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// Sets title `title`'s licences: `licences_set` by hand, or (with `None`) what the
/// population rule gives now; answers the licences in force, or `None` when there is
/// no such title. Licences freed go to the title's queue as holds, in the same
/// transaction (`Db::ereader_set_licences`).
pub async fn set_licences(
    db: &Db,
    policy: &Policy,
    title: i64,
    licences_set: Option<u32>,
    now: i64,
) -> Result<Option<u32>, AppError> {
    let licences = match licences_set {
        Some(n) => n,
        None => rule_licences(db.ereader_population().await?),
    };
    let set = db
        .ereader_set_licences(
            title,
            licences_set.map(i64::from),
            i64::from(licences),
            policy,
            now,
        )
        .await?;
    match set {
        Ok(_) => Ok(Some(licences)),
        Err(LendError::UnknownTitle(_)) => Ok(None),
        Err(other) => Err(AppError::Internal(format!(
            "setting the licences of title {title}: {other}"
        ))),
    }
}

/// Gives every title whose licences follow the rule what the rule gives for today's
/// population (after a library joined, left or changed its population); how many
/// titles changed.
pub async fn apply_population_rule(db: &Db, policy: &Policy, now: i64) -> Result<u32, AppError> {
    let licences = rule_licences(db.ereader_population().await?);
    let mut changed = 0;
    for t in db.ereader_admin_titles(now).await? {
        if t.licences_set.is_none() && t.licences != i64::from(licences) {
            set_licences(db, policy, t.id, None, now).await?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// The collection as the admin manages it, by title.
pub async fn titles(db: &Db, now: i64) -> Result<Vec<AdminTitle>, AppError> {
    let rule = rule_licences(db.ereader_population().await?);
    let queues = db.ereader_queue_lengths().await?;
    Ok(db
        .ereader_admin_titles(now)
        .await?
        .into_iter()
        .map(|t| AdminTitle {
            queue: queues
                .iter()
                .find(|(id, _)| *id == t.id)
                .map_or(0, |(_, n)| count(*n)),
            id: t.id,
            title: t.title,
            creators: serde_json::from_str(&t.creators).unwrap_or_default(),
            language: t.language,
            licences: count(t.licences),
            licences_set: t.licences_set.map(count),
            rule_licences: rule,
            download: t.download,
            running_loans: count(t.running),
            file_bytes: t.file_bytes,
            added_at: t.added_at,
        })
        .collect())
}

/// The libraries taking part, their population and what the rule gives for it.
pub async fn participants(db: &Db) -> Result<Participants, AppError> {
    let libraries: Vec<Participant> = db
        .ereader_participants()
        .await?
        .into_iter()
        .map(|(library, name, population, joined_at)| Participant {
            library,
            name,
            population,
            joined_at,
        })
        .collect();
    let population = db.ereader_population().await?;
    Ok(Participants {
        libraries,
        population,
        inhabitants_per_licence: INHABITANTS_PER_LICENCE,
        rule_licences: rule_licences(population),
    })
}

/// Every title's statistics at `now` (Unix seconds): loans in total and per month of
/// the months shown, how they ended, the queue and its holds, and whether more
/// licences would help.
pub async fn stats(db: &Db, now: i64) -> Result<EreaderStats, AppError> {
    let today = now.div_euclid(DAY);
    let months = months(db.ereader_first_loan_day().await?, today);
    let since = months
        .first()
        .and_then(|m| suite_domain::date::LocalDate::parse(&format!("{m}-01")))
        .map_or(0, |d| d.days_since_epoch() * DAY);
    let per_day = db.ereader_loans_per_day(since).await?;
    let loans = db.ereader_loan_counts(now).await?;
    let queues = db.ereader_queue_lengths().await?;
    let holds = db.ereader_hold_counts().await?;
    let titles = db
        .ereader_admin_titles(now)
        .await?
        .into_iter()
        .map(|t| {
            let counts = loans
                .iter()
                .find(|(id, _)| *id == t.id)
                .map(|(_, c)| c.clone())
                .unwrap_or_default();
            let days: Vec<(i64, u32)> = per_day
                .iter()
                .filter(|(id, _, _)| *id == t.id)
                .map(|&(_, day, n)| (day, count(n)))
                .collect();
            let queue = queues
                .iter()
                .find(|(id, _)| *id == t.id)
                .map_or(0, |(_, n)| count(*n));
            let held = holds
                .iter()
                .find(|h| h.title == t.id)
                .cloned()
                .unwrap_or_default();
            TitleStats {
                id: t.id,
                licences: count(t.licences),
                loans: count(counts.total),
                per_month: per_month(&months, &days),
                running: count(counts.running),
                returned_early: count(counts.returned_early),
                expired: count(counts.expired),
                queue,
                holds_given: count(held.given),
                holds_taken: count(held.taken),
                hold_expiries: count(held.expired),
                passes: count(held.passed),
                cancelled: count(held.cancelled),
                more_licences: more_licences(queue, count(t.licences)),
                title: t.title,
            }
        })
        .collect();
    Ok(EreaderStats { months, titles })
}
