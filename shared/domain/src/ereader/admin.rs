//! The JSON shapes of the e-reader's back-office (`/api/ereader/admin/...`): the
//! collection with its licences, the participating libraries, the statistics per title,
//! and the pure rules over them (a month's loans from their days, when to suggest more
//! licences, the statistics as CSV).

use serde::{Deserialize, Serialize};

/// `GET /api/ereader/admin/titles`: a title of the collection as the admin manages it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminTitle {
    pub id: i64,
    pub title: String,
    pub creators: Vec<String>,
    pub language: String,
    /// The licences in force.
    pub licences: u32,
    /// Set by hand; `None`: the licences follow the population rule.
    pub licences_set: Option<u32>,
    /// What the population rule gives today (shown beside a number set by hand).
    pub rule_licences: u32,
    /// A member may download the book for an e-reader device during the loan.
    pub download: bool,
    /// Loans running now.
    pub running_loans: u32,
    /// Members waiting in the queue now.
    pub queue: u32,
    pub file_bytes: i64,
    pub added_at: String,
}

/// `PUT /api/ereader/admin/titles/{id}`: licences by hand (`None`: back to the
/// population rule) and the download flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TitleSettings {
    pub licences_set: Option<u32>,
    pub download: bool,
}

/// Most licences the admin may set by hand for one title.
pub const MAX_LICENCES: u32 = 10_000;

/// `GET /api/ereader/admin/libraries`: a library taking part, with the population it
/// serves (from its `e-reader` subscription).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Participant {
    pub library: String,
    pub name: String,
    pub population: i64,
    pub joined_at: String,
}

/// The participating libraries, their population together and what the rule gives a
/// title for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Participants {
    pub libraries: Vec<Participant>,
    pub population: i64,
    /// Inhabitants per licence of the rule.
    pub inhabitants_per_licence: u32,
    pub rule_licences: u32,
}

/// Loans of one title that started in one month (`YYYY-MM`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthLoans {
    pub month: String,
    pub loans: u32,
}

/// The statistics of one title, to decide on extra licences.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TitleStats {
    pub id: i64,
    pub title: String,
    pub licences: u32,
    /// Every loan ever started.
    pub loans: u32,
    /// Per month of the statistics' months, in their order.
    pub per_month: Vec<MonthLoans>,
    /// Loans running now.
    pub running: u32,
    /// Ended by the member before their time.
    pub returned_early: u32,
    /// Ended at the end of their time.
    pub expired: u32,
    /// Members waiting now.
    pub queue: u32,
    /// Holds given (a free licence held for the first in the queue).
    pub holds_given: u32,
    /// Holds taken as a loan.
    pub holds_taken: u32,
    /// Holds that ran out unanswered.
    pub hold_expiries: u32,
    /// Holds passed on by the member.
    pub passes: u32,
    /// Reservations cancelled by the member.
    pub cancelled: u32,
    /// More members wait than the title has licences: more licences would help.
    pub more_licences: bool,
}

/// `GET /api/ereader/admin/stats`: the months shown and each title's numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EreaderStats {
    pub months: Vec<String>,
    pub titles: Vec<TitleStats>,
}

/// Whether a title's queue calls for more licences: more members wait than it has.
pub fn more_licences(queue: u32, licences: u32) -> bool {
    queue > licences
}

/// The months of the statistics: from the month of the first loan (`first_day`, days
/// since the epoch) to `today`'s month, at most the last three years; only today's
/// month when nothing was lent.
pub fn months(first_day: Option<i64>, today: i64) -> Vec<String> {
    let month = |day: i64| {
        crate::date::LocalDate::from_days(day).map(|d| format!("{:04}-{:02}", d.year, d.month))
    };
    let Some(last) = month(today) else {
        return Vec::new();
    };
    let first = first_day
        .filter(|d| *d <= today)
        .and_then(month)
        .unwrap_or_else(|| last.clone());
    crate::figures::months_between(&first, &last)
}

/// A title's loans per month of `months`, from its loans per day (`(day since the
/// epoch, loans)`); days outside the months are left out.
pub fn per_month(months: &[String], days: &[(i64, u32)]) -> Vec<MonthLoans> {
    let mut out: Vec<MonthLoans> = months
        .iter()
        .map(|m| MonthLoans {
            month: m.clone(),
            loans: 0,
        })
        .collect();
    for &(day, loans) in days {
        let Some(date) = crate::date::LocalDate::from_days(day) else {
            continue;
        };
        let month = format!("{:04}-{:02}", date.year, date.month);
        if let Some(slot) = out.iter_mut().find(|m| m.month == month) {
            slot.loans = slot.loans.saturating_add(loans);
        }
    }
    out
}

/// The statistics as CSV (one row per title, its months as columns), for a spreadsheet.
pub fn stats_csv(stats: &EreaderStats) -> String {
    let mut out = String::from(
        "title,licences,loans,running,returned_early,expired,queue,holds_given,holds_taken,\
         hold_expiries,passes,cancelled,more_licences",
    );
    for month in &stats.months {
        out.push(',');
        out.push_str(month);
    }
    out.push('\n');
    for t in &stats.titles {
        let numbers = [
            t.licences,
            t.loans,
            t.running,
            t.returned_early,
            t.expired,
            t.queue,
            t.holds_given,
            t.holds_taken,
            t.hold_expiries,
            t.passes,
            t.cancelled,
        ];
        out.push_str(&crate::csv::text(&t.title));
        for n in numbers {
            out.push_str(&format!(",{n}"));
        }
        out.push_str(if t.more_licences { ",yes" } else { ",no" });
        for month in &stats.months {
            let n = t
                .per_month
                .iter()
                .find(|m| &m.month == month)
                .map_or(0, |m| m.loans);
            out.push_str(&format!(",{n}"));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::LocalDate;

    fn day(y: i32, m: u8, d: u8) -> i64 {
        LocalDate::new(y, m, d).map_or(0, LocalDate::days_since_epoch)
    }

    #[test]
    fn more_licences_only_when_more_wait_than_there_are() {
        assert!(!more_licences(0, 0));
        assert!(!more_licences(2, 2));
        assert!(more_licences(3, 2));
        assert!(more_licences(1, 0));
    }

    #[test]
    fn months_run_from_the_first_loan_to_today() {
        let today = day(2026, 12, 5);
        assert_eq!(months(None, today), ["2026-12"]);
        assert_eq!(
            months(Some(day(2026, 10, 31)), today),
            ["2026-10", "2026-11", "2026-12"]
        );
        // A first loan "after" today (a clock set back) shows only today's month.
        assert_eq!(months(Some(day(2027, 1, 1)), today), ["2026-12"]);
        // At most three years.
        assert_eq!(months(Some(day(2000, 1, 1)), today).len(), 36);
    }

    #[test]
    fn loans_per_day_add_up_per_month() {
        let months = vec!["2026-11".to_string(), "2026-12".to_string()];
        let days = [
            (day(2026, 10, 31), 9),
            (day(2026, 11, 1), 2),
            (day(2026, 11, 30), 3),
            (day(2026, 12, 5), 1),
        ];
        let got = per_month(&months, &days);
        assert_eq!(
            got.iter().map(|m| m.loans).collect::<Vec<_>>(),
            [5, 1],
            "October is outside the months"
        );
        assert_eq!(got[0].month, "2026-11");
    }

    #[test]
    fn csv_has_a_row_per_title_and_a_column_per_month() {
        let stats = EreaderStats {
            months: vec!["2026-11".into(), "2026-12".into()],
            titles: vec![TitleStats {
                id: 1,
                title: "=Moby \"Dick\"".into(),
                licences: 2,
                loans: 5,
                per_month: vec![MonthLoans {
                    month: "2026-12".into(),
                    loans: 4,
                }],
                queue: 3,
                more_licences: true,
                ..TitleStats::default()
            }],
        };
        let csv = stats_csv(&stats);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(
            lines[0].ends_with(",more_licences,2026-11,2026-12"),
            "{}",
            lines[0]
        );
        assert_eq!(
            lines[1],
            "\"'=Moby \"\"Dick\"\"\",2,5,0,0,0,3,0,0,0,0,0,yes,0,4"
        );
    }
}
