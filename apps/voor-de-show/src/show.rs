//! The show a class plays: a class link (`?klas=CODE`) or a company's preview link
//! (`?voorbeeld=<show id>`) names it, the browser glue (`show_web`) fetches it and
//! leaves it in [`ShowInPlay`]. Without a link the game plays its generic content; with
//! an unknown or expired code, or when the show cannot be fetched, the title screen says
//! so and the class plays the generic content all the same.
//!
//! The rules are plain functions (the query, the answer, the grades offered, an
//! assignment's picture), tested natively; what a class finishes or skips waits in the
//! [`Outbox`] for the glue to send (a class code's play only, never a preview).

use bevy::prelude::*;
use suite_domain::i18n::{Lang, Msg};
use suite_domain::show::api::{PlayEvent, PlayKind, PlayShow};
use suite_domain::show::{Grade, Interaction, ShowData, media_id_ok, read_class_code};

use crate::{
    game::{Act, ActsWritten, Game, GameLogic},
    screens::Screen,
    web,
};

pub(super) fn plugin(app: &mut App) {
    // Tests insert their own; the browser's comes from the page's query.
    if !app.world().contains_resource::<ShowInPlay>() {
        app.insert_resource(ShowInPlay::from_query(web::query().as_deref()));
    }
    app.init_resource::<Outbox>();
    app.add_systems(
        Update,
        queue_events
            .after(ActsWritten)
            .before(GameLogic)
            .run_if(resource_exists::<Game>),
    );
}

/// Where the show comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ShowSource {
    /// A class code (in its stored form).
    Class(String),
    /// A company's preview of its show (its staff cookie goes along).
    Preview(i64),
    /// `?klas=` or `?voorbeeld=` with something that cannot be a code or a show id.
    Invalid,
}

impl ShowSource {
    /// The API path that answers the show's `PlayShow`.
    pub(crate) fn path(&self) -> Option<String> {
        match self {
            ShowSource::Class(code) => Some(format!("/api/voor-de-show/play/{code}")),
            ShowSource::Preview(id) => Some(format!("/api/voor-de-show/shows/{id}/preview")),
            ShowSource::Invalid => None,
        }
    }
}

/// The show as far as the game knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ShowStatus {
    /// No link: the generic game.
    Generic,
    /// The request is under way.
    Loading,
    Ready(Box<PlayShow>),
    /// An unknown or expired class code.
    Unknown,
    /// No answer, or one the game cannot read.
    Failed,
}

/// The show in play, a bevy resource the glue fills in.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShowInPlay {
    pub(crate) source: Option<ShowSource>,
    pub(crate) status: ShowStatus,
}

impl ShowInPlay {
    /// From the page's query string (`?klas=...`), before anything is fetched.
    pub(crate) fn from_query(search: Option<&str>) -> ShowInPlay {
        let source = search.and_then(read_query);
        let status = match source {
            None => ShowStatus::Generic,
            Some(ShowSource::Invalid) => ShowStatus::Unknown,
            Some(_) => ShowStatus::Loading,
        };
        ShowInPlay { source, status }
    }

    /// A show that arrived from `source`.
    #[cfg(test)]
    pub(crate) fn ready(source: ShowSource, show: PlayShow) -> ShowInPlay {
        ShowInPlay {
            source: Some(source),
            status: ShowStatus::Ready(Box::new(show)),
        }
    }

    pub(crate) fn show(&self) -> Option<&PlayShow> {
        match &self.status {
            ShowStatus::Ready(show) => Some(show),
            _ => None,
        }
    }

    /// The show data the assignments resolve with.
    pub(crate) fn data(&self) -> Option<&ShowData> {
        self.show().map(|s| &s.show)
    }

    /// The class code whose play is counted: a class's show that arrived, not a preview.
    pub(crate) fn counted_code(&self) -> Option<&str> {
        match (&self.source, &self.status) {
            (Some(ShowSource::Class(code)), ShowStatus::Ready(_)) => Some(code),
            _ => None,
        }
    }

    /// The line the title screen shows about the show's status, if any.
    pub(crate) fn message(&self) -> Option<Msg> {
        match (&self.status, &self.source) {
            (ShowStatus::Loading, _) => Some(Msg::VdsShowLoading),
            (ShowStatus::Unknown, _) => Some(Msg::VdsShowUnknown),
            (ShowStatus::Failed, _) => Some(Msg::VdsShowFailed),
            (ShowStatus::Ready(_), Some(ShowSource::Preview(_))) => Some(Msg::VdsShowPreview),
            _ => None,
        }
    }

    /// `data-show` on `<html>` (see `ready`).
    pub(crate) fn marker(&self) -> &'static str {
        match self.status {
            ShowStatus::Generic => "generic",
            ShowStatus::Loading => "loading",
            ShowStatus::Ready(_) => "ready",
            ShowStatus::Unknown => "unknown",
            ShowStatus::Failed => "failed",
        }
    }

    /// The show's title and "door <company> · <centre>", for the title screen.
    pub(crate) fn title_lines(&self, lang: Lang) -> Option<(String, String)> {
        let show = self.show()?;
        let title = show.show.title.trim();
        if title.is_empty() {
            return None;
        }
        let company = show.show.company.trim();
        let centre = show.centre.trim();
        let by = match (company.is_empty(), centre.is_empty()) {
            (false, false) => format!("{} {company} · {centre}", Msg::VdsShowBy.text(lang)),
            (false, true) => format!("{} {company}", Msg::VdsShowBy.text(lang)),
            (true, _) => centre.to_owned(),
        };
        Some((title.to_owned(), by))
    }
}

/// The link's show in the page's query: `klas` first, then `voorbeeld`.
pub(crate) fn read_query(search: &str) -> Option<ShowSource> {
    let (mut class, mut preview) = (None, None);
    for pair in search.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "klas" if class.is_none() => class = Some(decode(value)),
            "voorbeeld" if preview.is_none() => preview = Some(decode(value)),
            _ => {}
        }
    }
    if let Some(code) = class {
        return Some(read_class_code(&code).map_or(ShowSource::Invalid, ShowSource::Class));
    }
    preview.map(|id| {
        id.trim()
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .map_or(ShowSource::Invalid, ShowSource::Preview)
    })
}

/// A query value with `+` and `%XX` decoded (a broken escape is kept as it is).
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || {
            let text = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            u8::from_str_radix(text, 16).ok()
        };
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if hex().is_some() => {
                out.extend(hex());
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What an answer of the show's API means: its HTTP status and body.
pub(crate) fn status_of(source: &ShowSource, http: u16, body: Option<&str>) -> ShowStatus {
    match http {
        200..=299 => match body.map(serde_json::from_str::<PlayShow>) {
            Some(Ok(show)) => ShowStatus::Ready(Box::new(show)),
            _ => ShowStatus::Failed,
        },
        404 if matches!(source, ShowSource::Class(_)) => ShowStatus::Unknown,
        _ => ShowStatus::Failed,
    }
}

/// The grades the grade screen offers: the performance's (or else the show's) in the
/// usual order, or all three without a show or when it lists none.
pub(crate) fn grades_offered(show: Option<&PlayShow>) -> Vec<Grade> {
    let listed = show.map(|s| {
        if s.grades.is_empty() {
            &s.show.grades
        } else {
            &s.grades
        }
    });
    let offered: Vec<Grade> = Grade::ALL
        .into_iter()
        .filter(|g| listed.is_some_and(|l| l.contains(g)))
        .collect();
    if offered.is_empty() {
        Grade::ALL.to_vec()
    } else {
        offered
    }
}

/// A picture of the show on the board: the media's address and its text alternative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShowImage {
    pub(crate) url: String,
    pub(crate) alt: String,
}

/// The address of an upload.
pub(crate) fn media_url(id: &str) -> String {
    format!("/api/voor-de-show/media/{id}")
}

/// The picture an assignment shows: the company's own for it (`chosen`, as `resolve`
/// gives it), else for a prompt the show's first image; none without a show.
pub(crate) fn assignment_image(
    show: Option<&ShowData>,
    chosen: Option<&str>,
    interaction: Interaction,
    lang: Lang,
) -> Option<ShowImage> {
    let show = show?;
    let id = chosen.or_else(|| {
        (interaction == Interaction::Prompt)
            .then(|| show.images.first().map(String::as_str))
            .flatten()
    })?;
    if !media_id_ok(id) {
        return None;
    }
    let title = show.title.trim();
    let alt = if title.is_empty() {
        Msg::VdsShowImageAlt.text(lang).to_owned()
    } else {
        format!("{}: {title}", Msg::VdsShowImageAlt.text(lang))
    };
    Some(ShowImage {
        url: media_url(id),
        alt,
    })
}

/// What a class finished or skipped, waiting for the glue to send it.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Outbox(pub(crate) Vec<PlayEvent>);

/// Queues "done" and "skipped" of the running assignment when a class code's show is in
/// play (before the logic settles it and the assignment stops running).
fn queue_events(
    mut acts: MessageReader<Act>,
    game: Res<Game>,
    screen: Res<State<Screen>>,
    show: Res<ShowInPlay>,
    mut outbox: ResMut<Outbox>,
) {
    let counted = show.counted_code().is_some() && *screen.get() == Screen::Assignment;
    let running = game.progress.running().filter(|_| counted);
    for act in acts.read() {
        let kind = match act {
            Act::Complete => PlayKind::Done,
            Act::Skip => PlayKind::Skipped,
            _ => continue,
        };
        if let Some(id) = running {
            outbox.0.push(PlayEvent {
                assignment: id.to_owned(),
                kind,
            });
        }
    }
}
