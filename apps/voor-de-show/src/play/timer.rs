//! The class timer for an acted moment: big minutes and seconds, start/pause and
//! reset; the duration is the grade version's. When time is up it says so (on the
//! board and through the live region) and a bell rings; nothing blocks.

use bevy::prelude::*;
use suite_domain::i18n::{Lang, Msg};

use crate::{
    audio::Cue,
    content::GameContent,
    controls,
    game::{Act, Game, PlayAct},
    screens::Screen,
    settings::Settings,
    theme::{self, Palette},
    web,
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ClassTimer>();
    app.add_systems(
        Update,
        (tick, show_time)
            .chain()
            .run_if(in_state(Screen::Assignment)),
    );
}

/// The timer: seconds played, and whether it runs. Its length comes from the version.
#[derive(Resource, Debug, Default)]
pub(crate) struct ClassTimer {
    pub(crate) elapsed: f32,
    pub(crate) running: bool,
    /// Whether the frame before counted too (see [`ClassTimer::count`]).
    counting: bool,
}

impl ClassTimer {
    pub(crate) fn reset(&mut self) {
        self.elapsed = 0.0;
        self.running = false;
        self.counting = false;
    }

    /// Counts `seconds` of the wall clock since the frame before, up to `total`; true
    /// when the time is up now. The frame of the start counts nothing: the seconds
    /// before it passed while the game rested between keys.
    pub(crate) fn count(&mut self, seconds: f32, total: f32) -> bool {
        let started = !self.counting;
        self.counting = self.running;
        if !self.running || started {
            return false;
        }
        self.elapsed = (self.elapsed + seconds).min(total);
        if self.elapsed < total {
            return false;
        }
        self.running = false;
        self.counting = false;
        true
    }
}

/// The big clock.
#[derive(Component)]
struct Clock;

/// The start/pause button's text.
#[derive(Component)]
struct StartPauseLabel;

pub(super) fn spawn(ui: &mut ChildSpawnerCommands, lang: Lang, p: &Palette) {
    ui.spawn((Clock, theme::text("", theme::size::CLOCK, p.accent)));
    ui.spawn(Node {
        column_gap: Val::VMin(2.0),
        ..default()
    })
    .with_children(|row| {
        row.spawn(controls::button(
            Msg::VdsTimerStart.text(lang),
            Act::Play(PlayAct::TimerStartPause),
            theme::size::BODY,
            p,
        ))
        .with_children(|b| {
            // The button's own text is its first child; this marker finds it.
            b.spawn((StartPauseLabel, Node::default()));
        });
        row.spawn(controls::button(
            Msg::VdsTimerReset.text(lang),
            Act::Play(PlayAct::TimerReset),
            theme::size::BODY,
            p,
        ));
    });
}

/// Seconds the running assignment's timer lasts.
fn length(content: &GameContent, game: &Game) -> f32 {
    let minutes = game
        .progress
        .running()
        .zip(game.progress.grade())
        .and_then(|(id, grade)| Some(content.content.assignment(id)?.version(grade).minutes))
        .unwrap_or(0);
    minutes as f32 * 60.0
}

/// Counts the wall clock (`Time<Real>`: the game's own time advances at most 0.25 s an
/// update, and a slow board may take longer for a frame).
fn tick(
    time: Res<Time<Real>>,
    mut timer: ResMut<ClassTimer>,
    content: Res<GameContent>,
    game: Res<Game>,
    settings: Res<Settings>,
    mut cues: MessageWriter<Cue>,
) {
    if !timer.running && !timer.counting {
        return;
    }
    let total = length(&content, &game);
    if timer.count(time.delta_secs(), total) {
        web::announce(Msg::VdsTimeUp.text(settings.lang));
        cues.write(Cue::TimeUp);
    }
}

#[allow(clippy::too_many_arguments)]
fn show_time(
    timer: Res<ClassTimer>,
    content: Res<GameContent>,
    game: Res<Game>,
    settings: Res<Settings>,
    mut clocks: Query<&mut Text, With<Clock>>,
    labels: Query<&ChildOf, With<StartPauseLabel>>,
    children: Query<&Children>,
    mut texts: Query<&mut Text, Without<Clock>>,
) {
    let total = length(&content, &game);
    let left = (total - timer.elapsed).max(0.0).ceil() as u32;
    let shown = if left == 0 && total > 0.0 {
        Msg::VdsTimeUp.text(settings.lang).to_owned()
    } else {
        format!("{:02}:{:02}", left / 60, left % 60)
    };
    for mut clock in &mut clocks {
        if clock.0 != shown {
            clock.0.clone_from(&shown);
        }
    }
    let label = if timer.running {
        Msg::VdsTimerPause
    } else {
        Msg::VdsTimerStart
    };
    for parent in &labels {
        let Ok(kids) = children.get(parent.parent()) else {
            continue;
        };
        for kid in kids {
            if let Ok(mut text) = texts.get_mut(*kid) {
                let label = label.text(settings.lang);
                if text.0 != label {
                    label.clone_into(&mut text.0);
                }
            }
        }
    }
}
