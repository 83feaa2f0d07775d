//! What a room and an assignment screen show, as plain values computed from the
//! content, the show in play, the progress and the language: the drawing modules only
//! lay these out, and the native tests check them without a window.

use suite_domain::i18n::Lang;
use suite_domain::show::{Interaction, Progress, Question, ShowData, resolve};

use crate::content::GameContent;
use crate::show::{ShowImage, assignment_image};

/// Where an assignment of a place stands for the class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    /// The one to play now.
    Open,
    /// Later: an assignment before it is still open.
    Locked,
    Done,
    Skipped,
}

/// An assignment button in a room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RoomAssignment {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) standing: Standing,
}

/// A place as the room screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RoomView {
    pub(crate) place: String,
    pub(crate) name: String,
    /// The guide's arrival line: the subtitle.
    pub(crate) guide: String,
    pub(crate) assignments: Vec<RoomAssignment>,
    /// Its number on the route, from 1, and the number of places.
    pub(crate) number: usize,
    pub(crate) places: usize,
    /// Every assignment here is done or skipped: the way on is open.
    pub(crate) way_on: bool,
    /// This is the last place (the way on leads to the end).
    pub(crate) last: bool,
}

/// The room where the class is.
pub(crate) fn room(game: &GameContent, progress: &Progress, lang: Lang) -> Option<RoomView> {
    let place = game.content.place(progress.place())?;
    let open = progress.next_open(&game.route);
    let assignments: Vec<RoomAssignment> = place
        .assignments
        .iter()
        .filter_map(|id| game.content.assignment(id))
        .map(|a| RoomAssignment {
            id: a.id.clone(),
            title: a.title.get(lang).to_owned(),
            standing: if progress.is_done(&a.id) {
                Standing::Done
            } else if progress.is_skipped(&a.id) {
                Standing::Skipped
            } else if open == Some(a.id.as_str()) {
                Standing::Open
            } else {
                Standing::Locked
            },
        })
        .collect();
    let stops = game.route.stops();
    let index = stops.iter().position(|s| s.place == place.id).unwrap_or(0);
    Some(RoomView {
        place: place.id.clone(),
        name: place.name.get(lang).to_owned(),
        guide: place.guide.get(lang).to_owned(),
        way_on: assignments
            .iter()
            .all(|a| matches!(a.standing, Standing::Done | Standing::Skipped)),
        assignments,
        number: index + 1,
        places: stops.len(),
        last: index + 1 == stops.len(),
    })
}

/// The running assignment as its screen shows it, for the class's grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AssignmentView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) goal: String,
    pub(crate) teacher: String,
    pub(crate) activity: String,
    /// What the board shows big (the company's prompt, or what the teacher says).
    pub(crate) prompt: String,
    pub(crate) minutes: u32,
    pub(crate) interaction: Interaction,
    pub(crate) quiz: Vec<Question>,
    /// The show's picture on the board, if it has one for this assignment.
    pub(crate) image: Option<ShowImage>,
}

/// The running assignment, resolved with the show's data (the company's prompt and
/// picture where it gave them; the generic texts without a show).
pub(crate) fn assignment(
    game: &GameContent,
    show: Option<&ShowData>,
    progress: &Progress,
    lang: Lang,
) -> Option<AssignmentView> {
    let id = progress.running()?;
    let grade = progress.grade()?;
    let r = resolve(&game.content, show, id, grade, lang)?;
    let interaction = r.assignment.interaction;
    Some(AssignmentView {
        id: id.to_owned(),
        title: r.title.value.to_owned(),
        goal: r.goal.value.to_owned(),
        teacher: r.teacher.value.to_owned(),
        activity: r.activity.value.to_owned(),
        prompt: r.prompt.value.to_owned(),
        minutes: r.minutes,
        interaction,
        quiz: r.quiz.to_vec(),
        image: assignment_image(show, r.image.value, interaction, lang),
    })
}
