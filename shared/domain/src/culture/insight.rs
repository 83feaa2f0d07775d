//! What a centre learns from Culture Matcher: anonymous counts per show and the answers
//! of the after-show chat. No account, no device id, nothing personal: the app sends
//! one interaction at a time and the server only adds it to a daily count.

use serde::{Deserialize, Serialize};

/// Something a young person did with a show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Interaction {
    /// The show's card was shown in the swipe.
    Shown,
    Heart,
    Cross,
    /// Shown as one of the 3 suggestions.
    Suggested,
    Saved,
    Shared,
    /// The ticket link was opened.
    Ticket,
    /// Went to the show: rated it in the after-show chat.
    Went,
    /// Did not go to a saved show ("Ik ben niet gegaan").
    NotGone,
}

impl Interaction {
    pub const ALL: [Interaction; 9] = [
        Interaction::Shown,
        Interaction::Heart,
        Interaction::Cross,
        Interaction::Suggested,
        Interaction::Saved,
        Interaction::Shared,
        Interaction::Ticket,
        Interaction::Went,
        Interaction::NotGone,
    ];

    /// Stable name, as in the database and the CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Interaction::Shown => "shown",
            Interaction::Heart => "heart",
            Interaction::Cross => "cross",
            Interaction::Suggested => "suggested",
            Interaction::Saved => "saved",
            Interaction::Shared => "shared",
            Interaction::Ticket => "ticket",
            Interaction::Went => "went",
            Interaction::NotGone => "not_gone",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == s)
    }
}

/// One anonymous interaction, as the app posts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InteractionReport {
    /// The id of a show of the centre's programme.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub show: String,
    pub interaction: Interaction,
}

/// How it was, on the chat's emoji scale.
pub const RATING_MIN: u8 = 1;
pub const RATING_MAX: u8 = 5;
/// Longest show id the API takes (UiTdatabank ids are UUIDs of 36 characters), in bytes.
pub const SHOW_ID_MAX: usize = 128;
/// Longest optional free text of the chat, in characters.
pub const FEEDBACK_WORDS_MAX: usize = 280;

/// The answers of the after-show chat, sent anonymously.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Feedback {
    /// The id of a show of the centre's programme.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub show: String,
    /// [`RATING_MIN`] (bad) to [`RATING_MAX`] (great).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    #[serde(deserialize_with = "crate::validation::whole_number")]
    pub rating: u8,
    /// Would like to see something similar.
    pub similar: bool,
    /// Optional own words, at most [`FEEDBACK_WORDS_MAX`] characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 280))]
    pub words: Option<String>,
}

impl Feedback {
    /// Checks the ranges; the message is English for logs, the app shows its own Dutch.
    pub fn check(&self) -> Result<(), &'static str> {
        if !(RATING_MIN..=RATING_MAX).contains(&self.rating) {
            return Err("rating out of range");
        }
        if self
            .words
            .as_ref()
            .is_some_and(|w| w.chars().count() > FEEDBACK_WORDS_MAX)
        {
            return Err("words too long");
        }
        Ok(())
    }
}

/// Counts of one show for the centre's dashboard.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShowInsight {
    pub show: String,
    pub title: String,
    pub shown: u32,
    pub hearts: u32,
    pub crosses: u32,
    pub suggested: u32,
    pub saved: u32,
    pub shared: u32,
    pub tickets: u32,
    /// Said in the after-show chat that they went (rated the show).
    #[serde(default)]
    pub went: u32,
    /// Said in the after-show chat that they did not go.
    #[serde(default)]
    pub not_gone: u32,
    pub feedback_count: u32,
    /// Mean rating, when there is feedback.
    pub rating_mean: Option<f32>,
    pub similar_yes: u32,
    pub similar_no: u32,
    /// The own words given, newest first.
    pub words: Vec<String>,
}

/// The centre's counts on one day, all shows together.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InsightDay {
    /// `YYYY-MM-DD`.
    pub day: String,
    pub shown: u32,
    pub hearts: u32,
    pub crosses: u32,
    pub suggested: u32,
    pub saved: u32,
    pub shared: u32,
    pub tickets: u32,
    pub went: u32,
    pub not_gone: u32,
}

impl InsightDay {
    /// The count of `interaction` on this day.
    pub fn count(&self, interaction: Interaction) -> u32 {
        match interaction {
            Interaction::Shown => self.shown,
            Interaction::Heart => self.hearts,
            Interaction::Cross => self.crosses,
            Interaction::Suggested => self.suggested,
            Interaction::Saved => self.saved,
            Interaction::Shared => self.shared,
            Interaction::Ticket => self.tickets,
            Interaction::Went => self.went,
            Interaction::NotGone => self.not_gone,
        }
    }

    fn add(&mut self, interaction: Interaction, n: u32) {
        let field = match interaction {
            Interaction::Shown => &mut self.shown,
            Interaction::Heart => &mut self.hearts,
            Interaction::Cross => &mut self.crosses,
            Interaction::Suggested => &mut self.suggested,
            Interaction::Saved => &mut self.saved,
            Interaction::Shared => &mut self.shared,
            Interaction::Ticket => &mut self.tickets,
            Interaction::Went => &mut self.went,
            Interaction::NotGone => &mut self.not_gone,
        };
        *field = field.saturating_add(n);
    }
}

/// A centre's counts per day over a period (`GET /api/culture/{centre}/insight/days`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InsightDays {
    /// First day, `YYYY-MM-DD`.
    pub from: String,
    /// Last day, `YYYY-MM-DD`.
    pub to: String,
    /// Every day of the period, oldest first (zeros where nothing was counted).
    pub days: Vec<InsightDay>,
}

/// Every day from `from` to `to` with the counts of `rows` (day, interaction name, count);
/// rows of other days or unknown interactions are left out.
pub fn insight_days(
    rows: &[(String, String, u32)],
    from: crate::date::LocalDate,
    to: crate::date::LocalDate,
) -> InsightDays {
    let days = crate::date::days(from, to)
        .map(|date| {
            let day = date.to_string();
            let mut counted = InsightDay {
                day: day.clone(),
                ..InsightDay::default()
            };
            for (_, name, n) in rows.iter().filter(|(d, ..)| *d == day) {
                if let Some(interaction) = Interaction::parse(name) {
                    counted.add(interaction, *n);
                }
            }
            counted
        })
        .collect();
    InsightDays {
        from: from.to_string(),
        to: to.to_string(),
        days,
    }
}

/// Most own words a centre keeps per show (the oldest go first).
pub const FEEDBACK_WORDS_KEPT: usize = 100;

/// The header row of [`insight_csv`].
pub const INSIGHT_CSV_HEADER: &str = "show,title,shown,hearts,crosses,suggested,saved,shared,\
tickets,went,not_gone,feedback_count,rating_mean,similar_yes,similar_no,words";

/// A centre's insight as CSV for spreadsheets: one row per show, the own words joined
/// with ` | ` in the last column.
pub fn insight_csv(rows: &[ShowInsight]) -> String {
    let mut csv = format!("{INSIGHT_CSV_HEADER}\n");
    for r in rows {
        let mean = r.rating_mean.map(|m| format!("{m:.2}")).unwrap_or_default();
        csv.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{},{mean},{},{},{}\n",
            crate::csv::text(&r.show),
            crate::csv::text(&r.title),
            r.shown,
            r.hearts,
            r.crosses,
            r.suggested,
            r.saved,
            r.shared,
            r.tickets,
            r.went,
            r.not_gone,
            r.feedback_count,
            r.similar_yes,
            r.similar_no,
            crate::csv::text(&r.words.join(" | ")),
        ));
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_day_of_the_period_has_its_counts() {
        let day = |text: &str| crate::date::LocalDate::parse(text).expect(text);
        let rows = vec![
            ("2026-11-30".to_string(), "heart".to_string(), 3),
            ("2026-11-30".to_string(), "not_gone".to_string(), 1),
            ("2026-12-02".to_string(), "went".to_string(), 2),
            ("2026-12-02".to_string(), "bogus".to_string(), 9),
            ("2026-12-09".to_string(), "heart".to_string(), 5),
        ];
        let days = insight_days(&rows, day("2026-11-30"), day("2026-12-02"));
        assert_eq!(
            (days.from.as_str(), days.to.as_str()),
            ("2026-11-30", "2026-12-02")
        );
        let seen: Vec<_> = days
            .days
            .iter()
            .map(|d| (d.day.as_str(), d.hearts, d.went, d.not_gone))
            .collect();
        assert_eq!(
            seen,
            [
                ("2026-11-30", 3, 0, 1),
                ("2026-12-01", 0, 0, 0),
                ("2026-12-02", 0, 2, 0)
            ]
        );
        assert_eq!(days.days[0].count(Interaction::NotGone), 1);
    }

    #[test]
    fn interaction_names_round_trip() {
        for i in Interaction::ALL {
            assert_eq!(Interaction::parse(i.as_str()), Some(i));
            assert_eq!(
                serde_json::to_string(&i).expect("serialises"),
                format!("\"{}\"", i.as_str())
            );
        }
        assert_eq!(Interaction::parse("like"), None);
    }

    #[test]
    fn feedback_ranges() {
        let mut f = Feedback {
            show: "s".into(),
            rating: 5,
            similar: true,
            words: Some("Top!".into()),
        };
        assert!(f.check().is_ok());
        f.rating = 0;
        assert!(f.check().is_err());
        f.rating = 6;
        assert!(f.check().is_err());
        f.rating = 1;
        f.words = Some("é".repeat(FEEDBACK_WORDS_MAX));
        assert!(f.check().is_ok());
        f.words = Some("é".repeat(FEEDBACK_WORDS_MAX + 1));
        assert!(f.check().is_err());
    }

    #[test]
    fn csv_quotes_texts_and_defuses_formulas() {
        let row = ShowInsight {
            show: "s-1".into(),
            title: "Zeg \"ja\", zeg nee".into(),
            shown: 4,
            hearts: 3,
            rating_mean: Some(4.5),
            feedback_count: 2,
            went: 2,
            not_gone: 1,
            words: vec!["=HYPERLINK(1)".into(), "top".into()],
            ..ShowInsight::default()
        };
        let csv = insight_csv(&[row, ShowInsight::default()]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], INSIGHT_CSV_HEADER);
        assert_eq!(
            lines[1],
            "\"s-1\",\"Zeg \"\"ja\"\", zeg nee\",4,3,0,0,0,0,0,2,1,2,4.50,0,0,\"'=HYPERLINK(1) | top\""
        );
        assert_eq!(lines[2], "\"\",\"\",0,0,0,0,0,0,0,0,0,0,,0,0,\"\"");
        assert_eq!(lines.len(), 3);
    }
}
