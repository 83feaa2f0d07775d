//! The loading state: the game's first frame goes on to the title (its pictures are
//! compiled in, see `title::StageAssets`), or straight to the place where the class is
//! when the teacher chose the class's age on the page's loading screen (`grade`: its
//! act, read after this, overrides the title). It draws nothing: the page's own loading
//! screen (index.html, loader.js) covers the canvas until the first screen is drawn.

use bevy::prelude::*;

use crate::{game::GameLogic, screens::Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        continue_to_title_screen
            .before(GameLogic)
            .run_if(in_state(Screen::Loading)),
    );
}

fn continue_to_title_screen(mut next_screen: ResMut<NextState<Screen>>) {
    crate::web::mark("vds-loaded");
    next_screen.set(Screen::Title);
}
