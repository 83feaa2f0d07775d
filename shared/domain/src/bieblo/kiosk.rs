//! The kiosk's settings (which branch, idle time) and the anonymous usage it reports:
//! counts of swipes and tips per theme, never anything about a child.

use serde::{Deserialize, Serialize};

use super::snapshot::AgeBand;
use super::themes::ThemeId;

/// Idle time before the kiosk returns to its start screen, unless staff set another.
pub const DEFAULT_IDLE_SECONDS: u32 = 60;
/// Shortest and longest idle time staff can set.
pub const IDLE_SECONDS_RANGE: std::ops::RangeInclusive<u32> = 15..=600;

/// What a kiosk needs to know about where it stands (`GET /api/bieblo/{library}/kiosk`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskSettings {
    pub library: String,
    pub library_name: String,
    /// The branch whose shelves the kiosk shows, as in `Copy::branch`.
    pub branch: String,
    pub idle_seconds: u32,
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

/// What staff change (`PUT /api/bieblo/{library}/kiosk`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskSettingsUpdate {
    /// 1 to `NAME_MAX` characters, not blank.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 120,
            pattern = r"[^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub branch: String,
    /// Within [`IDLE_SECONDS_RANGE`].
    #[cfg_attr(feature = "openapi", schema(minimum = 15, maximum = 600))]
    #[serde(deserialize_with = "crate::validation::whole_number")]
    pub idle_seconds: u32,
    pub active: bool,
}

/// An active kiosk, for the list on the app's start page (`GET /api/bieblo/kiosks`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskSummary {
    pub library: String,
    pub library_name: String,
    pub branch: String,
}

/// One swipe of a theme card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThemeSwipe {
    pub theme: ThemeId,
    pub liked: bool,
}

/// What one child's visit adds to the statistics (`POST /api/bieblo/{library}/usage`):
/// anonymous counts only. Sent when a shelf is shown.
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
}

/// Most swipes or tips one usage report may carry (a visit has ten themes and shelves of eight).
pub const MAX_USAGE_ITEMS: usize = 200;
/// Most books one usage report may say a shelf showed.
pub const MAX_USAGE_TIPS: u32 = 64;

impl KioskUsage {
    /// Whether the report is plausible for one visit.
    pub fn is_plausible(&self) -> bool {
        self.swipes.len() <= MAX_USAGE_ITEMS
            && self.tip_themes.len() <= MAX_USAGE_ITEMS
            && self.tips <= MAX_USAGE_TIPS
    }
}

/// Checks staff's kiosk settings; the message key of the first problem.
pub fn check_settings(update: &KioskSettingsUpdate) -> Result<(), crate::validation::FieldError> {
    crate::validation::check_text("branch", &update.branch, crate::validation::NAME_MAX)?;
    if !IDLE_SECONDS_RANGE.contains(&update.idle_seconds) {
        return Err(crate::validation::FieldError {
            field: "idle_seconds",
            message: crate::i18n::Msg::ErrInvalidInput,
        });
    }
    Ok(())
}

/// Statistics of one library's kiosk for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskStats {
    /// Tips given per day, oldest first.
    pub days: Vec<DayCount>,
    /// Per theme: swipes right, swipes left, and tips given in that theme.
    pub themes: Vec<ThemeCount>,
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
        csv
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked() {
        let ok = KioskSettingsUpdate {
            branch: "Hoofdbibliotheek".into(),
            idle_seconds: 60,
            active: true,
        };
        assert!(check_settings(&ok).is_ok());
        let short = KioskSettingsUpdate {
            idle_seconds: 5,
            ..ok.clone()
        };
        assert_eq!(
            check_settings(&short).map_err(|e| e.field),
            Err("idle_seconds")
        );
        let blank = KioskSettingsUpdate {
            branch: " ".into(),
            ..ok
        };
        assert_eq!(check_settings(&blank).map_err(|e| e.field), Err("branch"));
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
        };
        assert!(usage.is_plausible());
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
    fn csv_has_both_tables() {
        let stats = KioskStats {
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
        };
        assert_eq!(
            stats.to_csv(),
            "day,tips,visits\n2026-11-28,16,2\n\ntheme,likes,dislikes,tips\nhumour,2,0,5\n"
        );
    }
}
