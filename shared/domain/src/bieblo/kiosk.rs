//! A library has a kiosk per branch (`library_branches`): its settings (idle time, on or
//! off) and the anonymous usage it reports: counts of swipes and tips per theme, never
//! anything about a child.

use serde::{Deserialize, Serialize};

use super::snapshot::AgeBand;
use super::themes::ThemeId;
use crate::date::LocalDate;
use crate::i18n::Lang;

/// Idle time before the kiosk returns to its start screen, unless staff set another.
pub const DEFAULT_IDLE_SECONDS: u32 = 60;
/// Shortest and longest idle time staff can set.
pub const IDLE_SECONDS_RANGE: std::ops::RangeInclusive<u32> = 15..=600;

/// The path of a branch's kiosk under `/api`: its settings (`GET`, `PUT`) and, with
/// `/usage`, its counts (`POST`).
pub fn kiosk_api_path(library: &str, branch: &str) -> String {
    format!("/api/bieblo/{library}/kiosks/{branch}")
}

/// What a kiosk needs to know about where it stands
/// (`GET /api/bieblo/{library}/kiosks/{branch}`). Every branch of a library has one;
/// a branch whose kiosk staff never set up is switched off with the default idle time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskSettings {
    pub library: String,
    pub library_name: String,
    /// The branch's id within the library.
    #[serde(default)]
    pub branch_id: String,
    /// The branch's name: the kiosk shows the copies whose `Copy::branch` is this name.
    pub branch: String,
    pub idle_seconds: u32,
    /// The language every visit starts in, whatever the device is set to (a child can
    /// switch; the idle reset comes back to it).
    #[serde(default)]
    pub lang: Lang,
    /// Staff switched the kiosk on.
    pub active: bool,
    /// The library has Bieblo switched on (an active subscription, not archived); without
    /// it the kiosk says Bieblo is not active here.
    #[serde(default = "subscribed_by_default")]
    pub subscribed: bool,
}

/// Settings remembered before subscriptions existed were of subscribed libraries.
fn subscribed_by_default() -> bool {
    true
}

/// What staff change (`PUT /api/bieblo/{library}/kiosks/{branch}`); the branch's name
/// and catalogue location are the branch's own (the service's back-office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskSettingsUpdate {
    /// Within [`IDLE_SECONDS_RANGE`].
    #[cfg_attr(feature = "openapi", schema(minimum = 15, maximum = 600))]
    #[serde(deserialize_with = "crate::validation::whole_number")]
    pub idle_seconds: u32,
    pub active: bool,
    /// Dutch unless given.
    #[serde(default)]
    pub lang: Lang,
}

/// An active kiosk, for the list on the app's start page (`GET /api/bieblo/kiosks`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskSummary {
    pub library: String,
    pub library_name: String,
    pub branch_id: String,
    pub branch: String,
}

/// One swipe of a theme card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThemeSwipe {
    pub theme: ThemeId,
    pub liked: bool,
}

/// What one child's visit adds to the statistics
/// (`POST /api/bieblo/{library}/kiosks/{branch}/usage`):
/// anonymous counts only. Sent for every shelf shown: the first of a visit counts the
/// visit and its swipes, each later one ("8 other tips") only its tips.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskUsage {
    pub age: AgeBand,
    /// At most [`MAX_USAGE_ITEMS`].
    #[cfg_attr(feature = "openapi", schema(max_items = 200))]
    pub swipes: Vec<ThemeSwipe>,
    /// The themes of the books on the shelf (one entry per book and theme); at most
    /// [`MAX_USAGE_ITEMS`].
    #[cfg_attr(feature = "openapi", schema(max_items = 200))]
    pub tip_themes: Vec<ThemeId>,
    /// How many books the shelf showed, at most [`MAX_USAGE_TIPS`].
    #[cfg_attr(feature = "openapi", schema(maximum = 64))]
    #[serde(deserialize_with = "crate::validation::whole_number")]
    pub tips: u32,
    /// The first shelf of a visit (counts a visit); `false` for a later shelf, whose
    /// report carries no swipes.
    #[serde(default = "first_shelf_by_default")]
    pub new_visit: bool,
}

/// Reports from before later shelves were counted were each a visit's first.
fn first_shelf_by_default() -> bool {
    true
}

/// Most swipes or tips one usage report may carry (a visit has ten themes and shelves of eight).
pub const MAX_USAGE_ITEMS: usize = 200;
/// Most books one usage report may say a shelf showed.
pub const MAX_USAGE_TIPS: u32 = 64;

impl KioskUsage {
    /// Whether the report is plausible for one visit.
    pub fn is_plausible(&self) -> bool {
        (self.new_visit || self.swipes.is_empty())
            && self.swipes.len() <= MAX_USAGE_ITEMS
            && self.tip_themes.len() <= MAX_USAGE_ITEMS
            && self.tips <= MAX_USAGE_TIPS
    }
}

/// Checks staff's kiosk settings; the message key of the first problem.
pub fn check_settings(update: &KioskSettingsUpdate) -> Result<(), crate::validation::FieldError> {
    if !IDLE_SECONDS_RANGE.contains(&update.idle_seconds) {
        return Err(crate::validation::FieldError {
            field: "idle_seconds",
            message: crate::i18n::Msg::ErrInvalidInput,
        });
    }
    Ok(())
}

/// The days the statistics cover when staff do not choose: the last 31.
pub const DEFAULT_STATS_DAYS: i64 = 31;
/// The longest period staff can ask for, in days.
pub const MAX_STATS_DAYS: i64 = 366;

/// The period of the statistics (`from` and `to` inclusive) from what staff asked for:
/// by default the [`DEFAULT_STATS_DAYS`] up to `today`; a missing end from the other.
/// `None` when a day is not a date, `from` comes after `to`, or the period is longer
/// than [`MAX_STATS_DAYS`].
pub fn stats_period(
    from: Option<&str>,
    to: Option<&str>,
    today: LocalDate,
) -> Option<(LocalDate, LocalDate)> {
    crate::date::period(from, to, today, DEFAULT_STATS_DAYS, MAX_STATS_DAYS)
}

/// Every day from `from` to `to`, with its counts from `days` (zero where none): a day
/// without visits is a day of the chart too.
pub fn every_day(days: &[DayCount], from: LocalDate, to: LocalDate) -> Vec<DayCount> {
    crate::date::days(from, to)
        .map(|date| {
            let day = date.to_string();
            days.iter()
                .find(|d| d.day == day)
                .cloned()
                .unwrap_or(DayCount {
                    day,
                    tips: 0,
                    visits: 0,
                })
        })
        .collect()
}

/// Statistics of one library's kiosks for staff, over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskStats {
    /// The first day of the period, `YYYY-MM-DD`.
    #[serde(default)]
    pub from: String,
    /// The last day of the period, `YYYY-MM-DD`.
    #[serde(default)]
    pub to: String,
    /// Tips given and visits per day by all the library's kiosks, every day of the
    /// period, oldest first.
    pub days: Vec<DayCount>,
    /// Per theme: swipes right, swipes left, and tips given in that theme.
    pub themes: Vec<ThemeCount>,
    /// Visits and tips per branch's kiosk, by branch name.
    #[serde(default)]
    pub kiosks: Vec<BranchCount>,
}

/// The counts of one branch's kiosk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BranchCount {
    pub branch_id: String,
    /// The branch's name (its id when the branch has since been removed).
    pub branch: String,
    pub visits: u64,
    pub tips: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub day: String,
    pub tips: u64,
    pub visits: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThemeCount {
    pub theme: String,
    pub likes: u64,
    pub dislikes: u64,
    pub tips: u64,
}

impl KioskStats {
    /// The statistics as CSV (one section per table), for spreadsheets.
    pub fn to_csv(&self) -> String {
        let mut csv = String::from("day,tips,visits\n");
        for d in &self.days {
            csv.push_str(&format!("{},{},{}\n", d.day, d.tips, d.visits));
        }
        csv.push_str("\ntheme,likes,dislikes,tips\n");
        for t in &self.themes {
            csv.push_str(&format!(
                "{},{},{},{}\n",
                t.theme, t.likes, t.dislikes, t.tips
            ));
        }
        csv.push_str("\nbranch,visits,tips\n");
        for k in &self.kiosks {
            csv.push_str(&format!(
                "{},{},{}\n",
                crate::csv::text(&k.branch),
                k.visits,
                k.tips
            ));
        }
        csv
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked() {
        let ok = KioskSettingsUpdate {
            idle_seconds: 60,
            active: true,
            lang: Lang::En,
        };
        assert!(check_settings(&ok).is_ok());
        for idle_seconds in [5, 14, 601] {
            let wrong = KioskSettingsUpdate {
                idle_seconds,
                ..ok.clone()
            };
            assert_eq!(
                check_settings(&wrong).map_err(|e| e.field),
                Err("idle_seconds")
            );
        }
    }

    #[test]
    fn the_period_is_the_last_31_days_unless_chosen_and_at_most_a_year() {
        let day = |text: &str| LocalDate::parse(text).expect(text);
        let today = day("2026-12-05");
        let period = |from, to| stats_period(from, to, today);
        assert_eq!(period(None, None), Some((day("2026-11-05"), today)));
        assert_eq!(
            period(Some("2026-01-01"), Some("2026-03-31")),
            Some((day("2026-01-01"), day("2026-03-31")))
        );
        assert_eq!(
            period(Some("2026-12-01"), None),
            Some((day("2026-12-01"), today)),
            "not past today"
        );
        assert_eq!(
            period(None, Some("2026-02-28")),
            Some((day("2026-01-29"), day("2026-02-28")))
        );
        assert_eq!(
            period(Some("2026-12-05"), Some("2026-12-05")),
            Some((today, today))
        );
        assert_eq!(
            period(Some("2026-12-06"), Some("2026-12-05")),
            None,
            "backwards"
        );
        assert_eq!(
            period(Some("2025-01-01"), Some("2026-12-05")),
            None,
            "over a year"
        );
        assert_eq!(period(Some("2026-02-30"), None), None);
        assert_eq!(period(Some("gisteren"), None), None);
    }

    #[test]
    fn every_day_of_the_period_is_there() {
        let day = |text: &str| LocalDate::parse(text).expect(text);
        let counted = [DayCount {
            day: "2026-02-28".into(),
            tips: 8,
            visits: 1,
        }];
        let days = every_day(&counted, day("2026-02-27"), day("2026-03-01"));
        let seen: Vec<_> = days.iter().map(|d| (d.day.as_str(), d.tips)).collect();
        assert_eq!(
            seen,
            [("2026-02-27", 0), ("2026-02-28", 8), ("2026-03-01", 0)]
        );
    }

    #[test]
    fn implausible_usage_is_refused() {
        let swipe = ThemeSwipe {
            theme: "humour".into(),
            liked: true,
        };
        let usage = KioskUsage {
            age: AgeBand::SixSeven,
            swipes: vec![swipe; 10],
            tip_themes: vec![],
            tips: 8,
            new_visit: true,
        };
        assert!(usage.is_plausible());
        let later_with_swipes = KioskUsage {
            new_visit: false,
            ..usage.clone()
        };
        assert!(
            !later_with_swipes.is_plausible(),
            "a later shelf has no swipes"
        );
        let flood = KioskUsage {
            swipes: vec![usage.swipes[0].clone(); MAX_USAGE_ITEMS + 1],
            ..usage.clone()
        };
        assert!(!flood.is_plausible());
        assert!(
            !KioskUsage {
                tips: 1000,
                ..usage
            }
            .is_plausible()
        );
    }

    #[test]
    fn csv_has_every_table() {
        let stats = KioskStats {
            from: "2026-11-28".into(),
            to: "2026-11-28".into(),
            days: vec![DayCount {
                day: "2026-11-28".into(),
                tips: 16,
                visits: 2,
            }],
            themes: vec![ThemeCount {
                theme: "humour".into(),
                likes: 2,
                dislikes: 0,
                tips: 5,
            }],
            kiosks: vec![BranchCount {
                branch_id: "massemen".into(),
                branch: "=Massemen".into(),
                visits: 2,
                tips: 16,
            }],
        };
        assert_eq!(
            stats.to_csv(),
            "day,tips,visits\n2026-11-28,16,2\n\ntheme,likes,dislikes,tips\nhumour,2,0,5\n\
             \nbranch,visits,tips\n\"'=Massemen\",2,16\n"
        );
    }
}
