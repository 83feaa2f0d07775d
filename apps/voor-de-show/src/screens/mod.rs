//! The game's screens and the transitions between them.
//!
//! Every entity a screen spawns carries `DespawnOnExit(screen)`, so leaving a
//! screen cleans it up.

mod loading;
mod title;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.add_plugins((loading::plugin, title::plugin));
}

/// The game's main screens.
#[derive(States, Debug, Hash, PartialEq, Eq, Clone, Copy, Default)]
pub(crate) enum Screen {
    /// Waits for the assets every screen needs.
    #[default]
    Loading,
    /// The stage with the game's name and the start button.
    Title,
}
