//! The assignments' interactions on the board: a quiz, a class timer, a prompt, light
//! and mood, dressing an actor and placing props by dragging, and a soundscape (its
//! sounds played, with subtitles). [`Play`] holds what the class chose; it starts empty for every
//! assignment and again on "Opnieuw".

mod drag;
mod light;
mod quiz;
mod sound;
pub(crate) mod timer;

use bevy::prelude::*;
use suite_domain::show::Interaction;

use crate::{
    audio::Cue,
    game::{Act, Game, GameLogic, PlayAct},
    screens::show_image::{in_panel, slot},
    settings::Settings,
    theme::{self, Palette},
    view::AssignmentView,
};

pub(crate) use timer::ClassTimer;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Play>();
    app.add_systems(
        Update,
        (fresh_for_each_assignment, apply_play_acts)
            .chain()
            .in_set(PlaySystems)
            .after(GameLogic)
            .run_if(resource_exists::<Game>),
    );
    app.add_systems(
        Update,
        answer_by_keys
            .in_set(crate::game::ActsWritten)
            .run_if(in_state(crate::screens::Screen::Assignment)),
    );
    app.add_plugins((timer::plugin, drag::plugin));
}

/// The systems that change [`Play`]; the assignment screen draws after them.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct PlaySystems;

/// Keys A to F (or 1 to 6) answer the quiz's current question.
fn answer_by_keys(keys: Res<ButtonInput<KeyCode>>, mut acts: MessageWriter<Act>) {
    for (n, keys_of) in quiz::answer_keys().into_iter().enumerate() {
        if keys.any_just_pressed(keys_of) {
            acts.write(Act::Play(PlayAct::Answer(n)));
        }
    }
}

/// What the class chose in the running assignment.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Play {
    /// The quiz's current question, from 0 (the number of questions: finished).
    pub(crate) question: usize,
    /// The answer chosen for the current question.
    pub(crate) answer: Option<usize>,
    pub(crate) right_answers: usize,
    pub(crate) colour: usize,
    pub(crate) strength: usize,
    /// Chosen sound tiles, in the order chosen.
    pub(crate) sounds: Vec<usize>,
    /// Items on the actor or the stage, in the order placed.
    pub(crate) placed: Vec<usize>,
}

/// Starts every assignment (and every "Opnieuw") with nothing chosen.
fn fresh_for_each_assignment(
    game: Res<Game>,
    mut acts: MessageReader<Act>,
    mut running: Local<Option<String>>,
    mut play: ResMut<Play>,
    mut timer: ResMut<ClassTimer>,
) {
    let again = acts.read().any(|a| *a == Act::Again);
    let now = game.progress.running().map(str::to_owned);
    if again || *running != now {
        *running = now;
        if *play != Play::default() {
            *play = Play::default();
        }
        timer.reset();
    }
}

#[allow(clippy::too_many_arguments)]
fn apply_play_acts(
    mut acts: MessageReader<Act>,
    game: Res<Game>,
    content: Res<crate::content::GameContent>,
    settings: Res<Settings>,
    show: Res<crate::show::ShowInPlay>,
    mut play: ResMut<Play>,
    mut timer: ResMut<ClassTimer>,
    mut cues: MessageWriter<Cue>,
) {
    let view = crate::view::assignment(&content, show.data(), &game.progress, settings.lang);
    for act in acts.read() {
        let Act::Play(act) = act else { continue };
        match *act {
            PlayAct::Answer(n) => {
                let question = view.as_ref().and_then(|v| v.quiz.get(play.question));
                if let (None, Some(q)) = (play.answer, question) {
                    if q.answers.get(n).is_some_and(|a| a.right) {
                        play.right_answers += 1;
                        cues.write(Cue::Right);
                    } else {
                        cues.write(Cue::Wrong);
                    }
                    play.answer = Some(n);
                }
            }
            PlayAct::NextQuestion => {
                if play.answer.is_some() {
                    play.question += 1;
                    play.answer = None;
                }
            }
            PlayAct::TimerStartPause => timer.running = !timer.running,
            PlayAct::TimerReset => timer.reset(),
            PlayAct::LightColour(n) => play.colour = n,
            PlayAct::LightStrength(n) => play.strength = n,
            PlayAct::Sound(n) => {
                if let Some(at) = play.sounds.iter().position(|s| *s == n) {
                    play.sounds.remove(at);
                } else {
                    play.sounds.push(n);
                    sound::announce(n, settings.lang);
                    cues.write(Cue::Sound(n));
                }
            }
            PlayAct::Listen => {
                if !play.sounds.is_empty() {
                    cues.write(Cue::Layers(play.sounds.clone()));
                }
            }
            // Picking up and putting down is the drag module's.
            PlayAct::Item(_) => {}
        }
    }
}

/// Spawns the interaction's panel for the assignment screen.
pub(crate) fn spawn_panel(
    ui: &mut ChildSpawnerCommands,
    view: &AssignmentView,
    play: &Play,
    settings: &Settings,
    images: &crate::screens::title::StageAssets,
) {
    let p = theme::palette(settings.high_contrast);
    let lang = settings.lang;
    let mut panel = ui.spawn((
        Name::new("Interaction"),
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            row_gap: Val::VMin(1.5),
            flex_grow: 1.0,
            flex_basis: Val::Percent(55.0),
            padding: UiRect::all(Val::VMin(2.0)),
            border: UiRect::all(Val::VMin(0.4)),
            border_radius: BorderRadius::all(Val::VMin(2.0)),
            ..default()
        },
        BackgroundColor(p.panel),
        BorderColor::all(p.accent),
    ));
    panel.with_children(|inner| match view.interaction {
        Interaction::Quiz => quiz::spawn(inner, view, play, lang, &p),
        Interaction::Timer => {
            prompt(inner, &view.prompt, 3.6, &p);
            timer::spawn(inner, lang, &p);
        }
        Interaction::Prompt => prompt(inner, &view.prompt, 5.0, &p),
        Interaction::Light => light::spawn(inner, play, lang, &p, images),
        Interaction::Soundscape => sound::spawn(inner, play, lang, &p),
        Interaction::Dress | Interaction::Props => {
            drag::spawn(inner, view.interaction, play, lang, &p);
        }
    });
    // The show's picture under the prompt (see `screens::show_image`).
    if let Some(image) = view.image.as_ref().filter(|_| in_panel(view.interaction)) {
        panel.with_children(|inner| {
            inner.spawn(slot(image));
        });
    }
}

/// The prompt, big on the board.
fn prompt(ui: &mut ChildSpawnerCommands, text: &str, size: f32, p: &Palette) {
    ui.spawn((Name::new("Prompt"), theme::text(text, size, p.text)));
}

/// Whether the running assignment's own panel wants the first focus (an unanswered
/// quiz question) instead of "Klaar".
pub(crate) fn wants_focus(view: &AssignmentView, play: &Play) -> bool {
    view.interaction == Interaction::Quiz && play.question < view.quiz.len()
}
