//! The game's sound: short cues (a gong on arriving at a place, applause for a
//! finished assignment, a chime or a soft tone for a quiz answer, a bell when the
//! class timer ends) and the soundscape's eight sounds, made in code (`synth`) and
//! played through Web Audio (`web`). Browsers keep sound locked until the page is
//! touched, so the first click, tap or key anywhere unlocks it.
//!
//! Every cue has a subtitle ("[Geluid: gongslag]"), shown on the board whether the sound
//! is on or off: the game works with the sound off (the toolbar's button, kept in
//! `localStorage`) or with no speakers at all.

pub(crate) mod synth;
mod web;

use bevy::prelude::*;
use suite_domain::i18n::{Lang, Msg};

use crate::{
    game::{Act, GameLogic},
    screens::{EnterScreen, Screen},
    settings::Settings,
    theme,
};

/// The soundscape's tiles, in the order of their buttons and of `synth`'s recipes.
pub(crate) const TILE_NAMES: [Msg; 8] = [
    Msg::VdsSoundRain,
    Msg::VdsSoundWind,
    Msg::VdsSoundOwl,
    Msg::VdsSoundDoor,
    Msg::VdsSoundSteps,
    Msg::VdsSoundThunder,
    Msg::VdsSoundBirds,
    Msg::VdsSoundSea,
];

/// How long a subtitle stays on the board, in seconds: long enough for the youngest
/// readers (6-8 years read a word or two a second; a teacher may read it out): 3 s and
/// 0.6 s a word, at least 5 s and at most 15 s (the soundscape's eight sounds together).
pub(crate) fn caption_seconds(caption: &str) -> f32 {
    let words = caption.split_whitespace().count() as f32;
    (3.0 + 0.6 * words).clamp(5.0, 15.0)
}

/// The game's logic of sound (no drawing; the native tests run it).
pub(super) fn plugin(app: &mut App) {
    app.add_message::<Cue>();
    app.init_resource::<Heard>();
    app.add_systems(Startup, web::unlock_on_first_touch);
    app.add_systems(
        Update,
        (
            // On the screen the act was made on (an assignment done, before the room).
            applause_from_acts.before(EnterScreen),
            // On the screen entered this frame (the room a key led to).
            gong_on_arrival.after(EnterScreen),
        )
            .after(GameLogic)
            .run_if(resource_exists::<crate::game::Game>),
    );
    // After the logic, the play and the screen entered, like everything that draws on
    // the board: a cue is heard, and its subtitle drawn, in the frame that made it.
    app.add_systems(
        Update,
        (hear, switch_sound)
            .chain()
            .in_set(Hearing)
            .after(EnterScreen)
            .after(applause_from_acts)
            .after(gong_on_arrival),
    );
}

/// The caption on the board (with the drawing plugins).
pub(super) fn caption_plugin(app: &mut App) {
    app.add_systems(Update, show_caption.after(Hearing));
    app.add_systems(Last, report_caption);
}

/// The systems that play cues and keep their subtitle.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
struct Hearing;

/// A sound the game makes.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub(crate) enum Cue {
    /// The class arrives at a place.
    Arrive,
    /// An assignment is done.
    Applause,
    /// A right answer in the quiz.
    Right,
    /// A wrong answer (gentle: it never blocks).
    Wrong,
    /// The class timer has run out.
    TimeUp,
    /// Soundscape tile `n`, just chosen.
    Sound(usize),
    /// The chosen tiles together ("Beluister").
    Layers(Vec<usize>),
}

impl Cue {
    /// What the class would hear, as a subtitle: "[Geluid: gongslag]".
    pub(crate) fn subtitle(&self, lang: Lang) -> String {
        let one = |name: &str| format!("[{}: {name}]", Msg::VdsSound.text(lang));
        let name = match self {
            Cue::Arrive => Msg::VdsCueGong,
            Cue::Applause => Msg::VdsCueApplause,
            Cue::Right => Msg::VdsCueChime,
            Cue::Wrong => Msg::VdsCueSoftTone,
            Cue::TimeUp => Msg::VdsCueBell,
            Cue::Sound(n) => return one(tile_name(*n, lang)),
            Cue::Layers(tiles) => {
                let all: Vec<String> = tiles.iter().map(|n| one(tile_name(*n, lang))).collect();
                return all.join("  ");
            }
        };
        one(name.text(lang))
    }
}

/// The name of tile `n` ("regen").
pub(crate) fn tile_name(n: usize, lang: Lang) -> &'static str {
    TILE_NAMES.get(n).map(|m| m.text(lang)).unwrap_or_default()
}

/// What the game last made heard: the subtitle on the board and until when, and how
/// many cues were played through the speakers (none with the sound off). It changes
/// only when a cue comes or its subtitle goes (the pacing draws a frame for each).
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub(crate) struct Heard {
    pub(crate) caption: Option<String>,
    /// The clock's time (`Time<Real>`, seconds since start) at which the subtitle goes:
    /// the wall clock, as the game's own time advances at most 0.25 s an update and
    /// updates come once a second while nothing moves.
    pub(crate) caption_until: f32,
    pub(crate) last: Option<Cue>,
    pub(crate) played: u32,
}

/// Applause when an assignment is done.
fn applause_from_acts(
    mut acts: MessageReader<Act>,
    screen: Res<State<Screen>>,
    mut cues: MessageWriter<Cue>,
) {
    for act in acts.read() {
        if *act == Act::Complete && *screen.get() == Screen::Assignment {
            cues.write(Cue::Applause);
        }
    }
}

/// A gong on arriving at a place: the room screen shows it (entered this frame).
fn gong_on_arrival(
    screen: Res<State<Screen>>,
    game: Res<crate::game::Game>,
    mut at: Local<Option<String>>,
    mut cues: MessageWriter<Cue>,
) {
    let shown = *screen.get() == Screen::Room;
    let place = game.progress.place();
    if shown && at.as_deref() != Some(place) && game.progress.grade().is_some() {
        *at = Some(place.to_owned());
        cues.write(Cue::Arrive);
    }
}

/// Plays each cue (when the sound is on) and puts its subtitle on the board.
fn hear(
    mut cues: MessageReader<Cue>,
    settings: Res<Settings>,
    time: Res<Time<Real>>,
    mut heard: ResMut<Heard>,
) {
    for cue in cues.read() {
        let caption = cue.subtitle(settings.lang);
        heard.caption_until = time.elapsed_secs() + caption_seconds(&caption);
        heard.caption = Some(caption);
        heard.last = Some(cue.clone());
        if settings.sound {
            web::play(&synth::recipe(cue));
            heard.played += 1;
        }
    }
    if heard.caption.is_some() && time.elapsed_secs() >= heard.caption_until {
        heard.caption = None;
    }
}

/// Tells the browser side the setting read at start-up, then each switch on or off
/// (off silences what still sounds).
fn switch_sound(settings: Res<Settings>, mut told: Local<Option<bool>>) {
    if *told != Some(settings.sound) {
        // Only a switch by the class unlocks; at start-up nothing is made before a touch.
        web::set_on(settings.sound, told.is_some());
        *told = Some(settings.sound);
    }
}

/// The subtitle line at the bottom of the board, there while a cue's subtitle is.
#[derive(Component)]
struct Caption;

/// Puts the subtitle on the board (a new line for each cue, like the screens draw
/// themselves) and takes it away when its time is up.
fn show_caption(
    mut commands: Commands,
    heard: Res<Heard>,
    mut shown_before: Local<Option<String>>,
    drawn: Query<Entity, With<Caption>>,
) {
    if !heard.is_changed() || *shown_before == heard.caption {
        return;
    }
    shown_before.clone_from(&heard.caption);
    for entity in &drawn {
        commands.entity(entity).despawn();
    }
    let Some(caption) = &heard.caption else {
        return;
    };
    commands.spawn((
        Name::new("Sound caption"),
        Caption,
        Node {
            // Centred in the bottom row, between the screens' own buttons there
            // ("Terug" on the left, the way on or "Klaar" on the right); a long line
            // wraps upwards.
            position_type: PositionType::Absolute,
            bottom: Val::VMin(1.5),
            left: Val::Percent(35.0),
            width: Val::Percent(30.0),
            justify_content: JustifyContent::Center,
            ..default()
        },
        // Above every screen; a plain node passes the pointer on to what is under it.
        GlobalZIndex(10),
        children![theme::caption(caption, theme::size::BODY)],
    ));
}

/// Writes the caption on `<html data-caption>` one frame after it changed on the board
/// (as `ready` does for the screens: by then the frame that shows it has been drawn),
/// for the tests and the page's scripts.
fn report_caption(
    heard: Res<Heard>,
    mut pending: Local<Option<(Option<String>, u32)>>,
    mut reported: Local<Option<Option<String>>>,
) {
    let now = heard.caption.clone();
    match pending.as_mut() {
        Some((waiting, frames)) if *waiting == now => *frames += 1,
        _ => *pending = Some((now, 0)),
    }
    let Some((waiting, frames)) = pending.as_ref() else {
        return;
    };
    if *frames < 1 || reported.as_ref() == Some(waiting) {
        return;
    }
    match waiting {
        Some(caption) => {
            crate::web::set_root_attribute("data-caption", caption);
        }
        None => crate::web::remove_root_attribute("data-caption"),
    }
    *reported = Some(waiting.clone());
}
