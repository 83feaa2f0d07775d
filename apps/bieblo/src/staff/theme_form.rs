//! The themes form as staff type it (term lists as text, one term per line), and its
//! check before sending: `suite_domain::bieblo::theme_edit::check_themes`, the same rule
//! as the server, mapped onto the fields.

use suite_domain::bieblo::Theme;
use suite_domain::bieblo::theme_edit::{ThemeError, ThemeField, check_themes, parse_terms};
use suite_domain::i18n::Msg;

/// One theme's fields as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ThemeForm {
    pub(super) id: String,
    pub(super) label_nl: String,
    pub(super) label_en: String,
    pub(super) picture: String,
    pub(super) genres: String,
    pub(super) subjects: String,
    pub(super) awards: String,
    pub(super) requires: String,
}

impl From<&Theme> for ThemeForm {
    fn from(theme: &Theme) -> Self {
        ThemeForm {
            id: theme.id.as_str().to_owned(),
            label_nl: theme.label_nl.clone(),
            label_en: theme.label_en.clone(),
            picture: theme.picture.clone(),
            genres: theme.genres.join("\n"),
            subjects: theme.subjects.join("\n"),
            awards: theme.awards.join("\n"),
            requires: theme.requires_any_subject.join("\n"),
        }
    }
}

impl ThemeForm {
    fn to_theme(&self) -> Theme {
        Theme {
            id: self.id.as_str().into(),
            label_nl: self.label_nl.clone(),
            label_en: self.label_en.clone(),
            picture: self.picture.clone(),
            genres: parse_terms(&self.genres),
            subjects: parse_terms(&self.subjects),
            awards: parse_terms(&self.awards),
            requires_any_subject: parse_terms(&self.requires),
            // The server keeps the default neighbours.
            near: Vec::new(),
        }
    }

    /// The app's own picture of this theme.
    pub(super) fn default_picture(&self) -> String {
        format!("themes/{}.svg", self.id)
    }
}

/// Where the back-office (under `/bieblo/beheer/`) finds a theme's picture: the app's
/// own pictures are relative to the kiosk's `/bieblo/`.
pub(super) fn picture_src(picture: &str) -> String {
    if picture.starts_with('/') {
        picture.to_owned()
    } else {
        format!("/bieblo/{picture}")
    }
}

/// The message beside a field of a theme, if it is not right.
pub(super) fn error_for(errors: &[ThemeError], id: &str, field: ThemeField) -> Option<Msg> {
    errors
        .iter()
        .find(|e| e.theme.as_str() == id && e.field == field)
        .map(|e| e.message)
}

/// The themes to send, or every problem to show.
pub(super) fn check_form(
    forms: &[ThemeForm],
    library: &str,
) -> Result<Vec<Theme>, Vec<ThemeError>> {
    let themes: Vec<Theme> = forms.iter().map(ThemeForm::to_theme).collect();
    check_themes(&themes, library)
}

/// The id of the first field with a problem, to move the focus there.
pub(super) fn first_invalid_field(errors: &[ThemeError]) -> Option<String> {
    errors.first().map(|e| field_id(e.theme.as_str(), e.field))
}

/// The `id` of a theme's field in the page.
pub(super) fn field_id(theme: &str, field: ThemeField) -> String {
    format!("theme-{theme}-{}", field.as_str())
}
