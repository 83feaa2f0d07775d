//! The game's screens and the transitions between them.
//!
//! Every entity a screen spawns carries `DespawnOnExit(screen)`, so leaving a
//! screen cleans it up. Screens whose content follows the progress or the settings
//! redraw themselves whole when those change ([`redraw`]).

mod assignment;
mod end;
mod grade;
pub(crate) use grade::LoaderGrade;
mod loading;
mod room;
mod scene;
pub(crate) mod show_image;
pub(crate) mod title;

use bevy::{prelude::*, state::state::StateTransition};

use crate::{
    game::{ActsWritten, Game, GameLogic},
    play::PlaySystems,
    settings::Settings,
};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        title::plugin,
        grade::plugin,
        room::plugin,
        assignment::plugin,
        end::plugin,
        show_image::plugin,
        scene::plugin,
    ));
}

/// The state machine of the screens, without the drawing: what the logic and the
/// native tests need.
pub(super) fn state_plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.add_plugins(loading::plugin);
    app.init_resource::<LoaderGrade>();
    app.configure_sets(Update, EnterScreen.after(GameLogic).after(PlaySystems));
    app.add_systems(Update, enter_now.in_set(EnterScreen));
    app.add_systems(
        Update,
        grade::take_loader_grade
            .in_set(ActsWritten)
            .run_if(in_state(Screen::Loading).or_else(in_state(Screen::Title))),
    );
}

/// Where in `Update` a screen chosen this frame (by a key, a click, the assets loaded)
/// is entered: after the game's logic and the assignments' play, before the screens
/// draw (every screen's `draw` runs after this set). So the frame that saw the key
/// enters, lays out and draws the new screen; bevy would enter it at the start of the
/// next frame: one frame more per screen, which where the browser draws WebGL in
/// software costs about 0.1 s at 4x CPU (a frame's drawing has to finish before the
/// next frame starts).
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct EnterScreen;

fn enter_now(world: &mut World) {
    let pending = world
        .get_resource::<NextState<Screen>>()
        .is_some_and(|next| !matches!(next, NextState::Unchanged));
    if pending {
        world.run_schedule(StateTransition);
    }
}

/// The game's main screens.
#[derive(States, Debug, Hash, PartialEq, Eq, Clone, Copy, Default)]
pub(crate) enum Screen {
    /// Waits for the assets every screen needs.
    #[default]
    Loading,
    /// The stage with the game's name and the start button.
    Title,
    /// The teacher chooses the class's grade.
    Grade,
    /// A place of the cultuurhuis with its assignments.
    Room,
    /// One assignment played on the board.
    Assignment,
    /// Every place visited.
    End,
}

impl Screen {
    /// The name in `data-screen` on `<html>` (see `ready`).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Screen::Loading => "loading",
            Screen::Title => "title",
            Screen::Grade => "grade",
            Screen::Room => "room",
            Screen::Assignment => "assignment",
            Screen::End => "end",
        }
    }
}

/// Marks what a redrawing screen spawned, so [`clear`] can take it away.
#[derive(Component)]
pub(crate) struct ScreenUi;

/// The root every redrawing screen spawns: laid out by `node`, cleared on a redraw
/// ([`clear`]) and taken away when the screen is left.
pub(crate) fn screen_root(name: &'static str, screen: Screen, node: Node) -> impl Bundle {
    (Name::new(name), node, ScreenUi, DespawnOnExit(screen))
}

/// Run condition: the screen was just entered, or the progress or the settings changed.
pub(crate) fn redraw(
    screen: Res<State<Screen>>,
    game: Option<Res<Game>>,
    settings: Res<Settings>,
) -> bool {
    screen.is_changed() || settings.is_changed() || game.is_some_and(|g| g.is_changed())
}

/// Despawns what the screen drew before, before it draws again.
pub(crate) fn clear(commands: &mut Commands, drawn: &Query<Entity, With<ScreenUi>>) {
    for entity in drawn {
        commands.entity(entity).despawn();
    }
}
