//! The e-reader's bookmarks and highlights (kept apart by kind): where in the book each
//! is, the member's note, and the checks a new one must pass before the server keeps it.

use serde::{Deserialize, Serialize};

/// Most annotations a member keeps per title.
pub const MAX_ANNOTATIONS: usize = 500;
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 1_000;
/// Longest quoted text of a highlight, in characters.
pub const MAX_QUOTE_CHARS: usize = 500;
/// Highest spine index accepted (no book has more documents).
pub const MAX_SPINE: u32 = 10_000;

/// A bookmark marks a page; a highlight marks a passage of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AnnotationKind {
    Bookmark,
    Highlight,
}

impl AnnotationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AnnotationKind::Bookmark => "bookmark",
            AnnotationKind::Highlight => "highlight",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "bookmark" => Some(AnnotationKind::Bookmark),
            "highlight" => Some(AnnotationKind::Highlight),
            _ => None,
        }
    }
}

/// Where an annotation is: the spine document and how far into it (0 to 1); a
/// highlight also has its passage as character offsets into the document's text and
/// the text itself (`quote`), so it is found again if the offsets drift.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnotationPlace {
    pub spine: u32,
    pub progress: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// `POST /api/ereader/loans/{loan}/annotations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAnnotation {
    pub kind: AnnotationKind,
    pub place: AnnotationPlace,
    #[serde(default)]
    pub note: String,
}

/// `GET /api/ereader/loans/{loan}/annotations`: one of the member's annotations of the
/// loan's title (`created` in Unix seconds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnotationView {
    pub id: i64,
    pub kind: AnnotationKind,
    pub place: AnnotationPlace,
    pub note: String,
    pub created: i64,
}

/// What is wrong with a new annotation, by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnotationError {
    /// The spine index is beyond any book.
    Spine,
    /// The progress is not a number from 0 to 1.
    Progress,
    /// A highlight without a passage (start before end, and its text), or a bookmark
    /// with one.
    Passage,
    /// The quoted text is longer than [`MAX_QUOTE_CHARS`].
    QuoteTooLong,
    /// The note is longer than [`MAX_NOTE_CHARS`].
    NoteTooLong,
}

impl AnnotationError {
    /// The field the error is about, as the API names it.
    pub fn field(self) -> &'static str {
        match self {
            AnnotationError::Spine => "place.spine",
            AnnotationError::Progress => "place.progress",
            AnnotationError::Passage => "place.start",
            AnnotationError::QuoteTooLong => "place.quote",
            AnnotationError::NoteTooLong => "note",
        }
    }
}

#[cfg(feature = "e-reader")]
impl AnnotationError {
    /// The member's message.
    pub fn msg(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            AnnotationError::Spine | AnnotationError::Progress | AnnotationError::Passage => {
                Msg::EreaderNoteNoPlace
            }
            AnnotationError::QuoteTooLong => Msg::EreaderNoteQuoteTooLong,
            AnnotationError::NoteTooLong => Msg::EreaderNoteTooLong,
        }
    }
}

impl std::fmt::Display for AnnotationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AnnotationError::Spine => "the spine index is too large",
            AnnotationError::Progress => "the progress is not a number from 0 to 1",
            AnnotationError::Passage => {
                "a highlight needs a passage (start before end, and its text); a bookmark has none"
            }
            AnnotationError::QuoteTooLong => "the highlighted text is too long",
            AnnotationError::NoteTooLong => "the note is too long",
        })
    }
}

impl NewAnnotation {
    /// Whether it can be kept.
    pub fn check(&self) -> Result<(), AnnotationError> {
        let place = &self.place;
        if place.spine > MAX_SPINE {
            return Err(AnnotationError::Spine);
        }
        if !(place.progress.is_finite() && (0.0..=1.0).contains(&place.progress)) {
            return Err(AnnotationError::Progress);
        }
        let passage = match (place.start, place.end, &place.quote) {
            (None, None, None) => false,
            (Some(start), Some(end), Some(quote)) if start < end && !quote.trim().is_empty() => {
                true
            }
            _ => return Err(AnnotationError::Passage),
        };
        if passage != (self.kind == AnnotationKind::Highlight) {
            return Err(AnnotationError::Passage);
        }
        if place
            .quote
            .as_ref()
            .is_some_and(|q| q.chars().count() > MAX_QUOTE_CHARS)
        {
            return Err(AnnotationError::QuoteTooLong);
        }
        if self.note.chars().count() > MAX_NOTE_CHARS {
            return Err(AnnotationError::NoteTooLong);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bookmark() -> NewAnnotation {
        NewAnnotation {
            kind: AnnotationKind::Bookmark,
            place: AnnotationPlace {
                spine: 3,
                progress: 0.5,
                start: None,
                end: None,
                quote: None,
            },
            note: String::new(),
        }
    }

    fn highlight() -> NewAnnotation {
        NewAnnotation {
            kind: AnnotationKind::Highlight,
            place: AnnotationPlace {
                start: Some(10),
                end: Some(24),
                quote: Some("Call me Ishmael".into()),
                ..bookmark().place
            },
            note: "Het begin".into(),
        }
    }

    #[test]
    fn good_annotations_pass() {
        assert_eq!(bookmark().check(), Ok(()));
        assert_eq!(highlight().check(), Ok(()));
    }

    #[test]
    fn each_fault_is_named_at_its_field() {
        let mut far = bookmark();
        far.place.spine = MAX_SPINE + 1;
        let mut nan = bookmark();
        nan.place.progress = f64::NAN;
        let mut over = bookmark();
        over.place.progress = 1.5;
        let mut bare = highlight();
        bare.place.quote = None;
        let mut backwards = highlight();
        backwards.place.end = Some(5);
        let mut blank = highlight();
        blank.place.quote = Some("  ".into());
        let mut bookmark_with_passage = highlight();
        bookmark_with_passage.kind = AnnotationKind::Bookmark;
        let mut long_quote = highlight();
        long_quote.place.quote = Some("a".repeat(MAX_QUOTE_CHARS + 1));
        let mut long_note = bookmark();
        long_note.note = "é".repeat(MAX_NOTE_CHARS + 1);
        let cases = [
            (far, AnnotationError::Spine),
            (nan, AnnotationError::Progress),
            (over, AnnotationError::Progress),
            (bare, AnnotationError::Passage),
            (backwards, AnnotationError::Passage),
            (blank, AnnotationError::Passage),
            (bookmark_with_passage, AnnotationError::Passage),
            (long_quote, AnnotationError::QuoteTooLong),
            (long_note, AnnotationError::NoteTooLong),
        ];
        for (annotation, fault) in cases {
            assert_eq!(annotation.check(), Err(fault), "{annotation:?}");
        }
        let mut exact = bookmark();
        exact.note = "é".repeat(MAX_NOTE_CHARS);
        assert_eq!(exact.check(), Ok(()), "a note of the longest length");
    }

    #[test]
    fn kinds_read_back() {
        for kind in [AnnotationKind::Bookmark, AnnotationKind::Highlight] {
            assert_eq!(AnnotationKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(AnnotationKind::parse("note"), None);
    }
}
