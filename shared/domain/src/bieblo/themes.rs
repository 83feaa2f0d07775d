//! The ten Bieblo themes and how each maps to catalogue subject and genre terms.
//! Staff can change label, picture and mapping; these are the defaults, after the
//! original service's mapping (see `tests/fixtures/catalogue/BIEBLO_THEMES.md`), with its
//! misspellings corrected ("tijdreizen", "woutertje pieterse prijs", "nederlandse kinderjury").

use serde::{Deserialize, Serialize};

/// Stable id of a theme, e.g. `humour`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ThemeId(pub String);

/// In the API a theme id is one of the ten of [`default_themes`]: the server refuses
/// any other, so the document lists them.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ThemeId {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some("One of the ten Bieblo themes, e.g. `humour`."))
            .enum_values(Some(default_themes().into_iter().map(|t| t.id.0)))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ThemeId {}

impl ThemeId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for ThemeId {
    fn from(s: &str) -> Self {
        ThemeId(s.to_string())
    }
}

/// A theme card children swipe, and the catalogue terms that put a book in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Theme {
    pub id: ThemeId,
    /// 1 to `LABEL_MAX` characters, not blank.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 40,
            pattern = r"[^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub label_nl: String,
    /// As `label_nl`.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 40,
            pattern = r"[^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub label_en: String,
    /// Path of the picture under the app, e.g. `themes/humour.svg`.
    #[cfg_attr(feature = "openapi", schema(schema_with = super::theme_edit::picture_schema))]
    pub picture: String,
    /// Catalogue genres (lower case) that put a book in this theme.
    #[cfg_attr(feature = "openapi", schema(schema_with = super::theme_edit::terms_schema))]
    pub genres: Vec<String>,
    /// Catalogue subjects (lower case) that put a book in this theme.
    #[cfg_attr(feature = "openapi", schema(schema_with = super::theme_edit::terms_schema))]
    pub subjects: Vec<String>,
    /// Award names (lower case) that put a book in this theme.
    #[cfg_attr(feature = "openapi", schema(schema_with = super::theme_edit::terms_schema))]
    pub awards: Vec<String>,
    /// For humour: a book needs one of `genres`/`subjects` AND one of these.
    #[cfg_attr(feature = "openapi", schema(schema_with = super::theme_edit::terms_schema))]
    pub requires_any_subject: Vec<String>,
    /// Themes a child who likes this one may also enjoy, nearest first (for filling
    /// a shelf when too few books match the likes).
    pub near: Vec<ThemeId>,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn ids(items: &[&str]) -> Vec<ThemeId> {
    items.iter().map(|s| ThemeId::from(*s)).collect()
}

#[allow(clippy::too_many_arguments)] // One row of the default table, kept readable.
fn theme(
    id: &str,
    nl: &str,
    en: &str,
    genres: &[&str],
    subjects: &[&str],
    awards: &[&str],
    requires: &[&str],
    near: &[&str],
) -> Theme {
    Theme {
        id: id.into(),
        label_nl: nl.into(),
        label_en: en.into(),
        picture: format!("themes/{id}.svg"),
        genres: strings(genres),
        subjects: strings(subjects),
        awards: strings(awards),
        requires_any_subject: strings(requires),
        near: ids(near),
    }
}

/// The ten default themes, in the order the kiosk shows them.
pub fn default_themes() -> Vec<Theme> {
    vec![
        theme(
            "humour",
            "Grappige verhalen",
            "Funny stories",
            &["humor"],
            &["lachen"],
            &[],
            &[
                "schoolleven",
                "heksen",
                "chicklit",
                "magie",
                "vriendschap",
                "anders zijn",
                "verliefd zijn",
                "grootouders",
                "gezin",
                "helden",
                "broers en zussen",
                "spoken",
                "vakantie",
            ],
            &["friendship", "fantasy", "animals"],
        ),
        theme(
            "fantasy",
            "Fantasie",
            "Fantasy",
            &["fantasieverhalen"],
            &[
                "fantaseren",
                "heksen",
                "prinsen en prinsessen",
                "toveren",
                "draken",
                "griezels",
                "zeerovers",
                "fantasievriendjes",
            ],
            &[],
            &[],
            &["adventure", "humour", "history"],
        ),
        theme(
            "adventure",
            "Speurders en avontuur",
            "Detectives and adventure",
            &["detectives", "avonturenverhalen", "griezelverhalen"],
            &[
                "diefstallen",
                "spioneren",
                "mysteries",
                "geheimen",
                "misdaad",
                "gijzelingen en ontvoeringen",
                "detectives",
            ],
            &[],
            &[],
            &["fantasy", "sport", "history"],
        ),
        theme(
            "sport",
            "Sport",
            "Sport",
            &["sportverhalen"],
            &[
                "voetbal",
                "sport",
                "autosport",
                "zwemmen",
                "bergsport",
                "wedstrijden",
                "jockey",
                "winnen verliezen",
                "skateboarden",
                "snowboarden",
                "motorsport",
                "basketbal",
            ],
            &[],
            &[],
            &["adventure", "friendship", "humour"],
        ),
        theme(
            "animals",
            "Dieren",
            "Animals",
            &[],
            &[
                "vriendschap met dieren",
                "dieren",
                "honden",
                "katten",
                "paarden",
                "dierenbescherming",
                "dierenartsen",
                "boerderijen",
                "huisdieren",
            ],
            &[],
            &[],
            &["friendship", "humour", "adventure"],
        ),
        theme(
            "cultures",
            "Andere landen en culturen",
            "Other countries and cultures",
            &[],
            &[
                "andere culturen",
                "vluchtelingen",
                "volken",
                "indianen",
                "multiculturele samenleving",
            ],
            &[],
            &[],
            &["history", "friendship", "adventure"],
        ),
        theme(
            "love",
            "Liefde",
            "Love",
            &["liefdesverhalen"],
            &[
                "liefde",
                "vriendschap",
                "verliefd zijn",
                "eenzaam zijn",
                "afscheid nemen",
                "puberteit",
            ],
            &[],
            &[],
            &["friendship", "humour", "cultures"],
        ),
        theme(
            "history",
            "Vroeger",
            "History",
            &["historische verhalen", "oorlogsverhalen"],
            &[
                "middeleeuwen",
                "ridders",
                "oertijd",
                "kinderarbeid",
                "geschiedenis",
                "tijdreizen",
                "romeinse rijk",
                "overleven",
            ],
            &[],
            &[],
            &["cultures", "adventure", "fantasy"],
        ),
        theme(
            "prizes",
            "Prijsboeken",
            "Prize winners",
            &[],
            &[],
            &[
                "boekenleeuw",
                "boekenpauw",
                "zilveren griffel",
                "zilveren penseel",
                "gouden penseel",
                "gouden uil",
                "woutertje pieterse prijs",
                "kjv",
                "nederlandse kinderjury",
            ],
            &[],
            &["friendship", "adventure", "fantasy"],
        ),
        theme(
            "friendship",
            "Vriendschap en school",
            "Friendship and school",
            &[],
            &[
                "vriendschap",
                "vriendschap met dieren",
                "anders zijn",
                "schoolleven",
                "geheimen",
                "pesten",
                "jaloers zijn",
                "grootouders",
                "gezin",
            ],
            &[],
            &[],
            &["love", "humour", "animals"],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_themes_with_unique_ids_and_valid_neighbours() {
        let themes = default_themes();
        assert_eq!(themes.len(), 10);
        for (i, t) in themes.iter().enumerate() {
            assert!(
                themes[i + 1..].iter().all(|o| o.id != t.id),
                "{:?} twice",
                t.id
            );
            assert!(!t.near.is_empty());
            for n in &t.near {
                assert!(
                    n != &t.id && themes.iter().any(|o| &o.id == n),
                    "{:?} near {:?}",
                    t.id,
                    n
                );
            }
            let terms = t.genres.len() + t.subjects.len() + t.awards.len();
            assert!(terms > 0, "{:?} maps to nothing", t.id);
            let all = t
                .genres
                .iter()
                .chain(&t.subjects)
                .chain(&t.awards)
                .chain(&t.requires_any_subject);
            assert!(
                all.into_iter()
                    .all(|s| s == &s.to_lowercase() && s.trim() == s),
                "{:?}",
                t.id
            );
        }
    }
}
