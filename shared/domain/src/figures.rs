//! Service-wide figures for the admin: per app and month, the organisations signed up
//! and active, and the usage summed over every organisation; the top organisations by
//! use. Counts only: the figures of one organisation by name go to the admin alone.

use serde::{Deserialize, Serialize};

use crate::org::OrgKind;
use crate::service::SubscriptionState;

/// One change of a subscription, as stored in its history.
#[derive(Debug, Clone, PartialEq)]
pub struct SubscriptionEvent {
    /// `kind/id` of the organisation.
    pub org: String,
    pub app: String,
    pub state: SubscriptionState,
    /// RFC 3339.
    pub at: String,
}

/// Organisations of one app at the end of a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    /// Requested, active or paused (signed up and not ended).
    pub signed_up: i64,
    pub active: i64,
}

/// One usage figure of one month, summed over every organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UsageFigure {
    /// `YYYY-MM`.
    pub month: String,
    /// What was counted (`tips`, `swipes`, `saved`, …).
    pub metric: String,
    pub value: i64,
}

/// An organisation among the most active of an app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopOrganisation {
    pub org_kind: OrgKind,
    pub org_id: String,
    pub name: String,
    /// The app's main figure ([`AppFigures::top_metric`]) over all time.
    pub total: i64,
}

/// The figures of one app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppFigures {
    /// The app's slug.
    pub app: String,
    pub subscriptions: Vec<MonthCount>,
    pub usage: Vec<UsageFigure>,
    /// What the top organisations are ranked by (empty while the app counts nothing).
    pub top_metric: String,
    pub top: Vec<TopOrganisation>,
}

/// `GET /api/figures`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceFigures {
    /// The months shown, oldest first (`YYYY-MM`).
    pub months: Vec<String>,
    pub apps: Vec<AppFigures>,
}

/// Most months the figures go back.
pub const MONTHS_MAX: usize = 36;

/// `YYYY-MM` of an RFC 3339 time or an ISO day; `None` when it is not one.
pub fn month_of(time: &str) -> Option<&str> {
    let month = time.get(..7)?;
    let b = month.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7)).then_some(month)
}

fn parse_month(month: &str) -> Option<(i32, u32)> {
    let year = month.get(..4)?.parse().ok()?;
    let m = month.get(5..7)?.parse().ok()?;
    (1..=12).contains(&m).then_some((year, m))
}

/// Every month from `first` to `last` (`YYYY-MM`), at most the last [`MONTHS_MAX`].
pub fn months_between(first: &str, last: &str) -> Vec<String> {
    let (Some((mut y, mut m)), Some(end)) = (parse_month(first), parse_month(last)) else {
        return Vec::new();
    };
    let mut months = Vec::new();
    while (y, m) <= end {
        months.push(format!("{y:04}-{m:02}"));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    let skip = months.len().saturating_sub(MONTHS_MAX);
    months.split_off(skip)
}

/// For each of `months`, how many organisations had `app` signed up and active at the
/// month's end, from the history of changes (in any order).
pub fn subscriptions_by_month(
    events: &[SubscriptionEvent],
    app: &str,
    months: &[String],
) -> Vec<MonthCount> {
    let mut mine: Vec<&SubscriptionEvent> = events.iter().filter(|e| e.app == app).collect();
    mine.sort_by(|a, b| a.at.cmp(&b.at));
    let mut state: std::collections::BTreeMap<&str, SubscriptionState> = Default::default();
    let mut next = mine.into_iter().peekable();
    months
        .iter()
        .map(|month| {
            while let Some(e) =
                next.next_if(|e| month_of(&e.at).is_some_and(|m| m <= month.as_str()))
            {
                state.insert(&e.org, e.state);
            }
            let count =
                |f: fn(SubscriptionState) -> bool| state.values().filter(|s| f(**s)).count() as i64;
            MonthCount {
                month: month.clone(),
                signed_up: count(|s| s != SubscriptionState::Ended),
                active: count(|s| s == SubscriptionState::Active),
            }
        })
        .collect()
}

/// The header row of [`figures_csv`].
pub const FIGURES_CSV_HEADER: &str = "app,month,figure,value";

/// The figures as CSV for spreadsheets: one row per app, month and figure
/// (`signed_up`, `active`, then the usage), then the top organisations with the month
/// `all`.
pub fn figures_csv(figures: &ServiceFigures) -> String {
    let mut csv = format!("{FIGURES_CSV_HEADER}\n");
    for app in &figures.apps {
        for m in &app.subscriptions {
            csv.push_str(&format!(
                "{},{},signed_up,{}\n",
                app.app, m.month, m.signed_up
            ));
            csv.push_str(&format!("{},{},active,{}\n", app.app, m.month, m.active));
        }
        for u in &app.usage {
            csv.push_str(&format!(
                "{},{},{},{}\n",
                app.app, u.month, u.metric, u.value
            ));
        }
        for t in &app.top {
            csv.push_str(&format!(
                "{},all,{},{}\n",
                app.app,
                crate::csv::text(&format!("{} {}: {}", app.top_metric, t.org_id, t.name)),
                t.total
            ));
        }
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;
    use SubscriptionState::*;

    fn event(org: &str, state: SubscriptionState, at: &str) -> SubscriptionEvent {
        SubscriptionEvent {
            org: org.into(),
            app: "bieblo".into(),
            state,
            at: at.into(),
        }
    }

    #[test]
    fn months_run_from_first_to_last_and_at_most_three_years() {
        assert_eq!(
            months_between("2026-11", "2027-02"),
            ["2026-11", "2026-12", "2027-01", "2027-02"]
        );
        assert_eq!(months_between("2026-03", "2026-03"), ["2026-03"]);
        assert!(months_between("2027-01", "2026-01").is_empty());
        assert!(months_between("gisteren", "2026-01").is_empty());
        let long = months_between("2000-01", "2026-12");
        assert_eq!(long.len(), MONTHS_MAX);
        assert_eq!(long.last().map(String::as_str), Some("2026-12"));
        assert_eq!(month_of("2026-12-05T01:02:03Z"), Some("2026-12"));
        assert_eq!(month_of("2026-1"), None);
    }

    #[test]
    fn the_state_at_each_months_end_counts() {
        let events = vec![
            event("library/a", Requested, "2026-01-10T10:00:00Z"),
            event("library/a", Active, "2026-02-01T09:00:00Z"),
            event("library/b", Active, "2026-01-20T09:00:00Z"),
            event("library/b", Paused, "2026-03-03T09:00:00Z"),
            event("library/c", Requested, "2026-03-30T09:00:00Z"),
            event("library/a", Ended, "2026-03-31T23:00:00Z"),
            SubscriptionEvent {
                app: "bibster".into(),
                ..event("library/d", Active, "2026-01-01T00:00:00Z")
            },
        ];
        let months = months_between("2025-12", "2026-04");
        let counts: Vec<(i64, i64)> = subscriptions_by_month(&events, "bieblo", &months)
            .iter()
            .map(|m| (m.signed_up, m.active))
            .collect();
        assert_eq!(counts, [(0, 0), (2, 1), (2, 2), (2, 0), (2, 0)]);
    }

    #[test]
    fn csv_rows_and_guarded_names() {
        let figures = ServiceFigures {
            months: vec!["2026-11".into()],
            apps: vec![AppFigures {
                app: "bieblo".into(),
                subscriptions: vec![MonthCount {
                    month: "2026-11".into(),
                    signed_up: 3,
                    active: 2,
                }],
                usage: vec![UsageFigure {
                    month: "2026-11".into(),
                    metric: "tips".into(),
                    value: 40,
                }],
                top_metric: "tips".into(),
                top: vec![TopOrganisation {
                    org_kind: OrgKind::Library,
                    org_id: "x".into(),
                    name: "=HYPERLINK(\"evil\")".into(),
                    total: 40,
                }],
            }],
        };
        let csv = figures_csv(&figures);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], FIGURES_CSV_HEADER);
        assert_eq!(lines[1], "bieblo,2026-11,signed_up,3");
        assert_eq!(lines[2], "bieblo,2026-11,active,2");
        assert_eq!(lines[3], "bieblo,2026-11,tips,40");
        assert_eq!(
            lines[4],
            "bieblo,all,\"tips x: =HYPERLINK(\"\"evil\"\")\",40"
        );
    }
}
