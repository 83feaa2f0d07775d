//! Staff edit a library's themes: label, picture and the catalogue terms of each of the
//! ten themes. [`check_themes`] is the one rule, run by the back-office form (instant
//! feedback) and by the server (the rule that counts); the importer then tags books
//! with the library's themes.

use super::themes::{Theme, ThemeId, default_themes};
use crate::i18n::Msg;

/// Longest theme label, in characters: it must fit on a kiosk card.
pub const LABEL_MAX: usize = 40;
/// Most terms in one list (genres, subjects, awards, humour's extra subjects).
pub const TERMS_MAX: usize = 80;
/// Longest term, in characters.
pub const TERM_MAX: usize = 80;
/// Largest uploaded theme picture, in bytes.
pub const PICTURE_MAX_BYTES: usize = 1024 * 1024;

/// The OpenAPI `pattern` of a data URL the picture upload can decode: `data:`, a media
/// type, `;base64,`, canonical padded base64 (white space around it is trimmed). Whether the bytes are a
/// picture only decoding tells.
pub const DATA_URL_PATTERN: &str = r"^data:[^,]*;base64,[\t\n\u000b\f\r ]*([A-Za-z0-9+/]{4})*([A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?[\t\n\u000b\f\r ]*$";

/// `POST /api/bieblo/<library>/themes/<theme>/picture`: a picture as a `data:` URL
/// (what the browser's file reader gives), PNG, JPEG or WebP.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThemePictureUpload {
    /// See [`DATA_URL_PATTERN`].
    #[cfg_attr(feature = "openapi", schema(schema_with = data_url_schema))]
    pub data_url: String,
}

#[cfg(feature = "openapi")]
fn data_url_schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .pattern(Some(DATA_URL_PATTERN))
        .build()
}

/// The OpenAPI schema of a theme's list of terms: at most [`TERMS_MAX`] terms of at most
/// [`TERM_MAX`] characters.
#[cfg(feature = "openapi")]
pub(crate) fn terms_schema() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .max_length(Some(TERM_MAX)),
        )
        .max_items(Some(TERMS_MAX))
        .build()
}

/// The OpenAPI schema of a theme's picture: one of the app's own (`themes/<id>.svg`) or
/// one uploaded for the library ([`is_allowed_picture`]; the library in the path must be
/// the one whose themes these are, which a schema cannot say).
#[cfg(feature = "openapi")]
pub(crate) fn picture_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    let ids: Vec<String> = default_themes().into_iter().map(|t| t.id.0).collect();
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(format!(
            "^(themes/({})\\.svg|/data/bieblo/themes/[^/]+/[a-z0-9-]{{1,80}}\\.(png|jpg|webp))$",
            ids.join("|")
        )))
        .build()
}

/// Where an uploaded picture is served, to put in [`Theme::picture`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThemePicture {
    pub picture: String,
}

/// Which part of a theme is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeField {
    LabelNl,
    LabelEn,
    Picture,
    /// The term lists, taken together.
    Terms,
}

impl ThemeField {
    /// The field's name in the API (`themes.<id>.<name>`).
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeField::LabelNl => "label_nl",
            ThemeField::LabelEn => "label_en",
            ThemeField::Picture => "picture",
            ThemeField::Terms => "terms",
        }
    }
}

/// One problem in the edited themes, with the message to show beside the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeError {
    pub theme: ThemeId,
    pub field: ThemeField,
    pub message: Msg,
}

impl std::fmt::Display for ThemeError {
    /// English, for logs and API error details.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "theme {}: {:?}: {}",
            self.theme.as_str(),
            self.field,
            self.message.text(crate::i18n::Lang::En)
        )
    }
}

/// One term as the importer compares it: lower case, trimmed, inner spaces collapsed,
/// typographic quotes removed (the original mapping had some).
pub fn normalise_term(term: &str) -> String {
    term.chars()
        .filter(|c| !matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Terms typed one per line (as in the back-office text boxes), normalised, without
/// empty lines or repeats, in the order given.
pub fn parse_terms(text: &str) -> Vec<String> {
    normalise_terms(text.lines())
}

fn normalise_terms<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for term in items.into_iter().map(normalise_term) {
        if !term.is_empty() && !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

/// Where uploaded theme pictures of `library` are served: `/data/bieblo/themes/<library>/`.
pub fn picture_prefix(library: &str) -> String {
    format!("/data/bieblo/themes/{library}/")
}

/// A picture a theme may show: one of the app's own theme pictures
/// (`themes/<id>.svg`), or a picture uploaded for this library
/// (`/data/bieblo/themes/<library>/<name>.png|jpg|webp`).
pub fn is_allowed_picture(picture: &str, library: &str) -> bool {
    if let Some(name) = picture
        .strip_prefix("themes/")
        .and_then(|rest| rest.strip_suffix(".svg"))
    {
        return default_themes().iter().any(|t| t.id.as_str() == name);
    }
    let Some(file) = picture.strip_prefix(&picture_prefix(library)) else {
        return false;
    };
    let Some((stem, ext)) = file.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty()
        && stem.len() <= 80
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && matches!(ext, "png" | "jpg" | "webp")
}

/// The kind of an uploaded picture by its first bytes, with its file extension; only
/// PNG, JPEG and WebP are accepted (never SVG, which could carry script).
pub fn sniff_picture(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("jpg")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("webp")
    } else {
        None
    }
}

fn check_label(
    errors: &mut Vec<ThemeError>,
    id: &ThemeId,
    field: ThemeField,
    label: &str,
) -> String {
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    let message = if label.is_empty() {
        Some(Msg::ErrRequired)
    } else if label.chars().count() > LABEL_MAX {
        Some(Msg::BiebloThemeLabelTooLong)
    } else {
        None
    };
    if let Some(message) = message {
        errors.push(ThemeError {
            theme: id.clone(),
            field,
            message,
        });
    }
    label
}

/// Checks staff-edited themes of `library` and returns them normalised, in the default
/// order, with the default neighbours (`near`): every default theme exactly once (a
/// missing one keeps its default), labels of 1 to [`LABEL_MAX`] characters, an allowed
/// picture, and at least one genre, subject or award per theme within the limits.
pub fn check_themes(edited: &[Theme], library: &str) -> Result<Vec<Theme>, Vec<ThemeError>> {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for default in default_themes() {
        let mut found = edited.iter().filter(|t| t.id == default.id);
        let (Some(theme), None) = (found.next(), found.next()) else {
            // Absent: the default stays. Twice: refused (which one would count?).
            if edited.iter().filter(|t| t.id == default.id).count() > 1 {
                errors.push(ThemeError {
                    theme: default.id.clone(),
                    field: ThemeField::Terms,
                    message: Msg::ErrInvalidInput,
                });
            }
            out.push(default);
            continue;
        };
        let id = &default.id;
        let label_nl = check_label(&mut errors, id, ThemeField::LabelNl, &theme.label_nl);
        let label_en = check_label(&mut errors, id, ThemeField::LabelEn, &theme.label_en);
        if !is_allowed_picture(&theme.picture, library) {
            errors.push(ThemeError {
                theme: id.clone(),
                field: ThemeField::Picture,
                message: Msg::BiebloThemePictureInvalid,
            });
        }
        let lists = [
            &theme.genres,
            &theme.subjects,
            &theme.awards,
            &theme.requires_any_subject,
        ]
        .map(|list| normalise_terms(list.iter().map(String::as_str)));
        let too_many = lists.iter().any(|l| l.len() > TERMS_MAX);
        let too_long = lists.iter().flatten().any(|t| t.chars().count() > TERM_MAX);
        let [genres, subjects, awards, requires_any_subject] = lists;
        let message = if genres.is_empty() && subjects.is_empty() && awards.is_empty() {
            Some(Msg::BiebloThemeNoTerms)
        } else if too_many || too_long {
            Some(Msg::BiebloThemeTooManyTerms)
        } else {
            None
        };
        if let Some(message) = message {
            errors.push(ThemeError {
                theme: id.clone(),
                field: ThemeField::Terms,
                message,
            });
        }
        out.push(Theme {
            id: default.id,
            label_nl,
            label_en,
            picture: theme.picture.clone(),
            genres,
            subjects,
            awards,
            requires_any_subject,
            near: default.near,
        });
    }
    if let Some(unknown) = edited
        .iter()
        .find(|t| !out.iter().any(|known| known.id == t.id))
    {
        errors.push(ThemeError {
            theme: unknown.id.clone(),
            field: ThemeField::Terms,
            message: Msg::ErrInvalidInput,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIB: &str = "demo-gent";

    fn edited() -> Vec<Theme> {
        default_themes()
    }

    fn errors_of(themes: &[Theme]) -> Vec<(String, ThemeField, Msg)> {
        check_themes(themes, LIB)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.theme.0, e.field, e.message))
            .collect()
    }

    #[test]
    fn the_defaults_pass_unchanged() {
        assert_eq!(check_themes(&edited(), LIB), Ok(default_themes()));
        // Nothing sent: every theme keeps its default.
        assert_eq!(check_themes(&[], LIB), Ok(default_themes()));
    }

    #[test]
    fn labels_and_terms_are_normalised_and_near_comes_from_the_defaults() {
        let mut themes = edited();
        themes.reverse();
        let sport = themes
            .iter_mut()
            .find(|t| t.id.as_str() == "sport")
            .expect("sport is a default theme");
        sport.label_nl = "  Sport   en spel ".into();
        sport.subjects = vec![
            " Voetbal ".into(),
            "voetbal".into(),
            "\u{201c}Winnen  verliezen\u{201d}".into(),
            "".into(),
        ];
        sport.near.clear();
        let checked = check_themes(&themes, LIB).expect("valid themes");
        assert_eq!(checked[0].id.as_str(), "humour", "default order");
        let sport = checked
            .iter()
            .find(|t| t.id.as_str() == "sport")
            .expect("sport stays");
        assert_eq!(sport.label_nl, "Sport en spel");
        assert_eq!(sport.subjects, ["voetbal", "winnen verliezen"]);
        assert!(!sport.near.is_empty());
    }

    #[test]
    fn bad_labels_pictures_and_terms_are_reported_per_theme() {
        let mut themes = edited();
        themes[0].label_nl = "   ".into();
        themes[1].label_en = "x".repeat(LABEL_MAX + 1);
        themes[2].picture = "https://example.org/a.png".into();
        themes[3].genres.clear();
        themes[3].subjects = vec![" ".into()];
        themes[3].awards.clear();
        themes[4].subjects = (0..=TERMS_MAX).map(|i| format!("t{i}")).collect();
        let found = errors_of(&themes);
        assert_eq!(
            found,
            [
                ("humour".into(), ThemeField::LabelNl, Msg::ErrRequired),
                (
                    "fantasy".into(),
                    ThemeField::LabelEn,
                    Msg::BiebloThemeLabelTooLong
                ),
                (
                    "adventure".into(),
                    ThemeField::Picture,
                    Msg::BiebloThemePictureInvalid
                ),
                ("sport".into(), ThemeField::Terms, Msg::BiebloThemeNoTerms),
                (
                    "animals".into(),
                    ThemeField::Terms,
                    Msg::BiebloThemeTooManyTerms
                ),
            ]
        );
    }

    #[test]
    fn unknown_or_repeated_themes_are_refused() {
        let mut themes = edited();
        let mut extra = themes[0].clone();
        extra.id = "cooking".into();
        themes.push(extra);
        assert_eq!(
            errors_of(&themes),
            [("cooking".into(), ThemeField::Terms, Msg::ErrInvalidInput)]
        );
        let mut twice = edited();
        twice.push(twice[0].clone());
        assert_eq!(
            errors_of(&twice),
            [("humour".into(), ThemeField::Terms, Msg::ErrInvalidInput)]
        );
    }

    #[test]
    fn pictures_are_the_apps_own_or_uploaded_for_this_library() {
        for ok in [
            "themes/humour.svg",
            "themes/sport.svg",
            "/data/bieblo/themes/demo-gent/sport-3fa2.png",
            "/data/bieblo/themes/demo-gent/a.jpg",
            "/data/bieblo/themes/demo-gent/a.webp",
        ] {
            assert!(is_allowed_picture(ok, LIB), "{ok}");
        }
        for bad in [
            "themes/cooking.svg",
            "themes/../x.svg",
            "/data/bieblo/themes/demo-wetteren/a.png",
            "/data/bieblo/themes/demo-gent/../a.png",
            "/data/bieblo/themes/demo-gent/a.svg",
            "/data/bieblo/themes/demo-gent/A.png",
            "/data/bieblo/themes/demo-gent/.png",
            "https://example.org/a.png",
            "javascript:alert(1)",
            "",
        ] {
            assert!(!is_allowed_picture(bad, LIB), "{bad}");
        }
    }

    #[test]
    fn pictures_are_known_by_their_first_bytes() {
        assert_eq!(sniff_picture(b"\x89PNG\r\n\x1a\nrest"), Some("png"));
        assert_eq!(sniff_picture(&[0xff, 0xd8, 0xff, 0xe0]), Some("jpg"));
        assert_eq!(sniff_picture(b"RIFF\0\0\0\0WEBPVP8 "), Some("webp"));
        assert_eq!(sniff_picture(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff_picture(b"RIFF"), None);
        assert_eq!(sniff_picture(b""), None);
    }

    #[test]
    fn terms_one_per_line() {
        assert_eq!(
            parse_terms("Heksen\n\n  draken \nheksen\r\n\u{201e}Anders zijn\u{201d}"),
            ["heksen", "draken", "anders zijn"]
        );
    }
}
