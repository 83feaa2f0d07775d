//! The JSON shapes of Voor de Show's API: a centre's theatre companies and their
//! invitation links, a company's shows and uploads, a centre's school performances with
//! their class codes, the game's play answer and events, and the centre's figures.

use serde::{Deserialize, Serialize};

use super::{Grade, ShowData};
use crate::service::InvitationLink;

/// The app's slug in subscriptions and paths.
pub const APP: &str = "voor-de-show";

/// `POST /api/voor-de-show/{centre}/companies`: invite a theatre company's staff
/// member. Either `company` names one of the centre's companies, or `company_name`
/// makes a new company organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompanyInvite {
    /// The id of a company the centre invited before.
    #[serde(default)]
    pub company: Option<String>,
    /// The name of a new company (when `company` is not given).
    #[serde(default)]
    pub company_name: String,
    /// The company's town (a new company).
    #[serde(default)]
    pub town: String,
    pub email: String,
    pub display_name: String,
}

/// A company a centre invited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CentreCompany {
    pub id: String,
    pub name: String,
    pub town: String,
    /// RFC 3339: when the centre first invited it.
    pub invited_at: String,
}

/// An invitation link of a company account that is not used yet and still runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingInvitation {
    pub company: String,
    pub email: String,
    pub display_name: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// `GET /api/voor-de-show/{centre}/companies`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CentreCompanies {
    pub companies: Vec<CentreCompany>,
    pub pending: Vec<PendingInvitation>,
}

/// The answer to an invitation: the company and the one-time link to pass on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompanyInvitation {
    pub company: CentreCompany,
    pub link: InvitationLink,
}

/// A company's show with its data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShowRecord {
    pub id: i64,
    pub company: String,
    /// The show data (`ShowData`).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: ShowData,
    /// RFC 3339.
    pub updated_at: String,
}

/// One problem of refused show data, at its field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldProblem {
    /// `title`, `themes[2]`, `assignments.<id>.prompt`.
    pub field: String,
    /// The Dutch message for the form.
    pub message: String,
    /// What is wrong, in English.
    pub detail: String,
}

/// What a show's images or sounds may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MediaUse {
    Image,
    /// A short sound or video.
    Sound,
}

impl MediaUse {
    pub fn as_str(self) -> &'static str {
        match self {
            MediaUse::Image => "image",
            MediaUse::Sound => "sound",
        }
    }

    pub fn parse(text: &str) -> Option<MediaUse> {
        [MediaUse::Image, MediaUse::Sound]
            .into_iter()
            .find(|m| m.as_str() == text)
    }
}

/// An upload of a company, to use in its show data by `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShowMedia {
    pub id: String,
    #[serde(rename = "use")]
    pub media_use: MediaUse,
    pub content_type: String,
    pub bytes: i64,
    /// Pixels, for an image.
    pub width: Option<i64>,
    pub height: Option<i64>,
    /// Where it is served: `/api/voor-de-show/media/{id}`.
    pub url: String,
}

/// `POST /api/voor-de-show/{centre}/performances`: a school performance of a show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPerformance {
    pub show: i64,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub venue: String,
    /// `6-8`, `8-10`, `10-12`.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub grades: Vec<Grade>,
}

/// A class code and its link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassCode {
    pub code: String,
    /// `YYYY-MM-DD`: the last day it opens the game.
    pub expires_on: String,
    /// `/voor-de-show/?klas=<code>`.
    pub link: String,
}

/// A centre's school performance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Performance {
    pub id: i64,
    pub show: i64,
    pub show_title: String,
    pub company: String,
    pub date: String,
    pub venue: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub grades: Vec<Grade>,
    pub published: bool,
    pub codes: Vec<ClassCode>,
}

/// `GET /api/voor-de-show/play/{code}` (and a show's preview, code `preview`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlayShow {
    pub code: String,
    /// The centre's name.
    pub centre: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub grades: Vec<Grade>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub show: ShowData,
}

/// What a class did with an assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlayKind {
    Done,
    Skipped,
}

impl PlayKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlayKind::Done => "done",
            PlayKind::Skipped => "skipped",
        }
    }
}

/// `POST /api/voor-de-show/play/{code}/events`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PlayEvent {
    pub assignment: String,
    pub kind: PlayKind,
}

/// One assignment's counts for one show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssignmentCount {
    pub assignment: String,
    pub done: i64,
    pub skipped: i64,
}

/// How a show was played through a centre's class codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShowFigures {
    pub show: i64,
    pub title: String,
    /// Classes that played: class codes counted once per day they were used.
    pub classes: i64,
    pub assignments: Vec<AssignmentCount>,
}

/// `GET /api/voor-de-show/{centre}/figures`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CentreFigures {
    pub shows: Vec<ShowFigures>,
}

/// The figures as CSV: one line per show and assignment (through `csv::text`).
pub fn figures_csv(figures: &CentreFigures) -> String {
    let mut out = String::from("show,classes,assignment,done,skipped\n");
    for show in &figures.shows {
        for a in &show.assignments {
            out.push_str(&format!(
                "{},{},{},{},{}\n",
                crate::csv::text(&show.title),
                show.classes,
                crate::csv::text(&a.assignment),
                a.done,
                a.skipped
            ));
        }
    }
    out
}

/// The id of a new company organisation named `name`: its letters and digits in
/// lowercase ASCII with `-` between words (at most 56 characters, `gezelschap` when
/// nothing is left), and `-<n>` after it for the `n`-th try when `n > 1`.
pub fn company_id(name: &str, n: u32) -> String {
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
        if id.len() >= 56 {
            break;
        }
    }
    let mut id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        id.push_str("gezelschap");
    }
    if n > 1 {
        id.push_str(&format!("-{n}"));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn company_ids_come_from_names() {
        assert_eq!(company_id("Theater Één & Co", 1), "theater-een-co");
        assert_eq!(company_id("Théâtre!", 3), "theatre-3");
        assert_eq!(company_id("  ***  ", 1), "gezelschap");
    }

    proptest! {
        #[test]
        fn every_company_id_is_a_safe_id(name in "\\PC{0,200}", n in 1_u32..100) {
            let id = company_id(&name, n);
            prop_assert!(!id.is_empty() && id.len() <= 64, "{}", id);
            prop_assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            prop_assert!(!id.starts_with('-'));
        }
    }

    #[test]
    fn figures_are_written_as_csv_with_guarded_texts() {
        let figures = CentreFigures {
            shows: vec![ShowFigures {
                show: 1,
                title: "=Pluk".into(),
                classes: 2,
                assignments: vec![AssignmentCount {
                    assignment: "wat-als".into(),
                    done: 3,
                    skipped: 1,
                }],
            }],
        };
        assert_eq!(
            figures_csv(&figures),
            "show,classes,assignment,done,skipped\n\"'=Pluk\",2,\"wat-als\",3,1\n"
        );
    }
}
