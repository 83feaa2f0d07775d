//! The loading state: the game's first frame goes on to the title (its pictures are
//! compiled in, see `title::StageAssets`). It draws nothing: the page's own loading
//! screen (index.html, loader.js) covers the canvas until the title is drawn.

use bevy::prelude::*;

use crate::screens::{EnterScreen, Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        continue_to_title_screen
            .before(EnterScreen)
            .run_if(in_state(Screen::Loading)),
    );
}

fn continue_to_title_screen(mut next_screen: ResMut<NextState<Screen>>) {
    crate::web::mark("vds-loaded");
    next_screen.set(Screen::Title);
}
