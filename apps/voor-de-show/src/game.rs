//! The game's logic: what the class and the teacher can do ([`Act`]), the class's
//! progress ([`Game`], changed only through `suite_domain::show::Progress`), the
//! screen that follows from it, and the stored copy for the next day.
//!
//! No drawing and no browser here (storage goes through [`crate::web`], a no-op in
//! native tests), so the tests run this with bevy's `MinimalPlugins`.

use bevy::prelude::*;
use suite_domain::show::{Event, Grade, Progress, ProgressError};

use crate::{content::GameContent, screens::Screen, web};

/// `localStorage` key of the class's progress.
pub(crate) const PROGRESS_KEY: &str = "voor-de-show.progress";

pub(super) fn plugin(app: &mut App) {
    app.add_message::<Act>();
    app.configure_sets(Update, ActsWritten.before(GameLogic));
    app.init_resource::<Saved>();
    // Without content (a broken build) there is no game: the loading screen stays.
    if let Some(content) = app.world().get_resource::<GameContent>() {
        let game = Game::restore(app.world(), content);
        app.insert_resource(game);
    }
    app.add_systems(
        Update,
        (apply_acts, save_progress)
            .chain()
            .in_set(GameLogic)
            .run_if(resource_exists::<Game>),
    );
}

/// The systems that change the progress; drawing runs after them.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct GameLogic;

/// The systems that write [`Act`]s (buttons, keys, the loading screen's grade), before
/// the logic. What reads the acts before the logic applies them (`show::queue_events`,
/// which needs the assignment still running) runs after these: without that order
/// bevy may run it first, and it would see an act only in the next frame, when the
/// logic has already left the assignment (seen: a class's "done" not counted).
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct ActsWritten;

/// Something the class or the teacher does: from a button, a key or a test.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub(crate) enum Act {
    /// The title's start button: on to the choice of grade.
    Begin,
    /// The class's grade; on to the place where the class is (from the grade screen, or
    /// from the page's loading screen while the game starts).
    Grade(Grade),
    /// Open an assignment of this place: start it, or repeat it if it is settled.
    Open(String),
    /// The running assignment is done.
    Complete,
    /// Skip the running assignment.
    Skip,
    /// Play the running assignment's interaction again from the start.
    Again,
    /// Close the assignment, walk to the place before, or go to the screen before.
    Back,
    /// Walk on to the next place, or to the end after the last one.
    Next,
    /// Back to the title screen.
    ToTitle,
    /// Erase the progress (the title screen asks first).
    Restart,
    ToggleLanguage,
    ToggleContrast,
    ToggleSound,
    Fullscreen,
    /// A move inside the running assignment's interaction (see `play`).
    Play(PlayAct),
    /// A button that only asks for confirmation on its own screen (see `title`).
    AskRestart(bool),
}

/// A move in an interaction; the `play` module acts on these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlayAct {
    /// Choose answer `n` of the quiz's current question.
    Answer(usize),
    NextQuestion,
    TimerStartPause,
    TimerReset,
    LightColour(usize),
    LightStrength(usize),
    /// Choose or drop sound tile `n`.
    Sound(usize),
    /// Play the chosen sound tiles together.
    Listen,
    /// Pick up or put down item `n` (dress, props).
    Item(usize),
}

/// The class's progress through the cultuurhuis.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub(crate) struct Game {
    pub(crate) progress: Progress,
}

impl Game {
    /// The stored progress if it is sound ([`StoredProgress`] in tests, else
    /// `localStorage`), a fresh start otherwise.
    fn restore(world: &World, content: &GameContent) -> Game {
        let stored = match world.get_resource::<StoredProgress>() {
            Some(stored) => stored.0.clone(),
            None => web::load(PROGRESS_KEY),
        };
        Game {
            progress: Progress::restore(&content.route, stored.as_deref()),
        }
    }
}

/// What `localStorage` held at start, for tests (the browser reads the real one).
#[derive(Resource, Debug, Clone, Default)]
pub(crate) struct StoredProgress(pub(crate) Option<String>);

/// The progress as last written to `localStorage`.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Saved(pub(crate) Option<String>);

fn apply_acts(
    mut acts: MessageReader<Act>,
    content: Res<GameContent>,
    mut game: ResMut<Game>,
    screen: Res<State<Screen>>,
    mut next_screen: ResMut<NextState<Screen>>,
) {
    let mut current = *screen.get();
    for act in acts.read() {
        let mut progress = game.progress.clone();
        match step(&content, &mut progress, current, act) {
            Ok(Some(to)) => {
                current = to;
                next_screen.set(to);
            }
            Ok(None) => {}
            Err(refused) => debug!("{act:?} refused: {refused}"),
        }
        if progress != game.progress {
            game.progress = progress;
        }
    }
}

/// What `act` does on `screen`: the progress changes in place, the screen to go to
/// (if another) is returned. A refused act changes nothing.
pub(crate) fn step(
    content: &GameContent,
    progress: &mut Progress,
    screen: Screen,
    act: &Act,
) -> Result<Option<Screen>, ProgressError> {
    let route = &content.route;
    let to = match (screen, act) {
        (Screen::Title, Act::Begin) => Some(Screen::Grade),
        (Screen::Title, Act::Restart) => {
            *progress = Progress::new(route);
            None
        }
        // From the title and while loading only by the page's loading screen (`grade`).
        (Screen::Loading | Screen::Title | Screen::Grade, Act::Grade(grade)) => {
            progress.apply(route, &Event::ChooseGrade(*grade))?;
            Some(if progress.running().is_some() {
                Screen::Assignment
            } else {
                Screen::Room
            })
        }
        (Screen::Grade, Act::Back) => Some(Screen::Title),
        (Screen::Room, Act::Open(id)) => {
            let event = if progress.is_settled(id) {
                Event::Repeat(id.clone())
            } else {
                Event::Start(id.clone())
            };
            progress.apply(route, &event)?;
            Some(Screen::Assignment)
        }
        (Screen::Room, Act::Next) => {
            let stops = route.stops();
            let here = stops.iter().position(|s| s.place == progress.place());
            match here.and_then(|i| stops.get(i + 1)) {
                Some(next) => {
                    progress.apply(route, &Event::Arrive(next.place.clone()))?;
                    None
                }
                None if progress.is_finished(route) => Some(Screen::End),
                None => return Err(ProgressError::NothingToSkip),
            }
        }
        (Screen::Room, Act::Back) => match progress.apply(route, &Event::Back) {
            Err(ProgressError::AtStart) => Some(Screen::Grade),
            other => other.map(|()| None)?,
        },
        (Screen::Room | Screen::End, Act::ToTitle) => Some(Screen::Title),
        (Screen::Assignment, Act::Complete) => {
            progress.apply(route, &Event::Complete)?;
            Some(Screen::Room)
        }
        (Screen::Assignment, Act::Skip) => {
            progress.apply(route, &Event::Skip)?;
            Some(Screen::Room)
        }
        (Screen::Assignment, Act::Back) => {
            progress.apply(route, &Event::Back)?;
            Some(Screen::Room)
        }
        (Screen::End, Act::Back) => Some(Screen::Room),
        (_, Act::Fullscreen) => {
            web::toggle_fullscreen();
            None
        }
        _ => None,
    };
    Ok(to)
}

/// Keeps the progress in `localStorage` whenever it changed.
fn save_progress(game: Res<Game>, mut saved: ResMut<Saved>) {
    if !game.is_changed() {
        return;
    }
    let text = game.progress.to_storage();
    if saved.0.as_deref() != Some(text.as_str()) {
        web::save(PROGRESS_KEY, &text);
        saved.0 = Some(text);
    }
}
