//! What the board shows for one assignment and grade: the game's own texts, with the
//! company's prompt and picture where it gave them, each part marked with where it came
//! from so the company's preview can show the fallbacks.

use super::{Assignment, Content, Grade, Question, ShowData};
use crate::i18n::{Lang, Msg};

/// Where a part of a resolved assignment came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The company's show data.
    Show,
    /// The game's own content: the show gave nothing for this part.
    Generic,
}

impl Source {
    /// The preview's mark for a part from this source.
    pub fn msg(self) -> Msg {
        match self {
            Source::Show => Msg::ShowFromCompany,
            Source::Generic => Msg::ShowFallback,
        }
    }
}

/// A part with its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Sourced<T> {
    fn show(value: T) -> Self {
        Sourced {
            value,
            source: Source::Show,
        }
    }

    fn generic(value: T) -> Self {
        Sourced {
            value,
            source: Source::Generic,
        }
    }

    /// Whether this is the generic fallback (the preview marks it).
    pub fn is_fallback(&self) -> bool {
        self.source == Source::Generic
    }
}

/// One assignment as a class of one grade plays it with one show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved<'a> {
    pub assignment: &'a Assignment,
    /// The show's title, or "de voorstelling".
    pub show_title: Sourced<&'a str>,
    pub title: Sourced<&'a str>,
    pub goal: Sourced<&'a str>,
    pub teacher: Sourced<&'a str>,
    pub activity: Sourced<&'a str>,
    /// What the board shows: the company's prompt, or what the teacher says.
    pub prompt: Sourced<&'a str>,
    /// The company's picture for this assignment (an upload id), or none: the game's
    /// own art.
    pub image: Sourced<Option<&'a str>>,
    pub minutes: u32,
    pub quiz: &'a [Question],
}

impl Resolved<'_> {
    /// Every text part, named, for a preview that lists them.
    pub fn parts(&self) -> [(&'static str, Sourced<&str>); 6] {
        [
            ("show_title", self.show_title),
            ("title", self.title),
            ("goal", self.goal),
            ("teacher", self.teacher),
            ("activity", self.activity),
            ("prompt", self.prompt),
        ]
    }
}

/// The texts for `assignment` (an id of `content`) for a class of `grade` in `lang`,
/// tuned by `show` where it gives something; `None` for an unknown assignment. A blank
/// prompt or a picture that is not among the show's images counts as not given.
pub fn resolve<'a>(
    content: &'a Content,
    show: Option<&'a ShowData>,
    assignment: &str,
    grade: Grade,
    lang: Lang,
) -> Option<Resolved<'a>> {
    let a = content.assignment(assignment)?;
    let version = a.version(grade);
    let extra = show.and_then(|s| s.assignments.get(assignment));
    let show_title = match show.map(|s| s.title.trim()).filter(|t| !t.is_empty()) {
        Some(title) => Sourced::show(title),
        None => Sourced::generic(Msg::ShowGenericTitle.text(lang)),
    };
    let prompt = match extra
        .and_then(|e| e.prompt.as_deref())
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(prompt) => Sourced::show(prompt),
        None => Sourced::generic(version.teacher.get(lang)),
    };
    let image = match (show, extra.and_then(|e| e.image.as_deref())) {
        (Some(s), Some(id)) if s.images.iter().any(|i| i == id) => Sourced::show(Some(id)),
        _ => Sourced::generic(None),
    };
    Some(Resolved {
        assignment: a,
        show_title,
        title: Sourced::generic(a.title.get(lang)),
        goal: Sourced::generic(version.goal.get(lang)),
        teacher: Sourced::generic(version.teacher.get(lang)),
        activity: Sourced::generic(version.activity.get(lang)),
        prompt,
        image,
        minutes: version.minutes,
        quiz: &version.quiz,
    })
}
