//! The loading state: the game waits for every tracked asset, then goes on to the title.
//! It draws nothing: the page's own loading screen (index.html, loader.js) covers the
//! canvas until the title is drawn. A download that fails is told to that screen
//! ([`web::loading_failed`]), which says so in the suite's language and offers to try
//! again; without that, the page would say "Het spel start…" for ever.

use bevy::prelude::*;

use crate::{
    asset_tracking::ResourceHandles,
    screens::{EnterScreen, Screen},
    web,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            report_failure,
            continue_to_title_screen
                .run_if(all_assets_loaded)
                .before(EnterScreen),
        )
            .run_if(in_state(Screen::Loading)),
    );
}

fn report_failure(handles: Res<ResourceHandles>, mut told: Local<bool>) {
    if handles.has_failures() && !*told {
        *told = true;
        web::loading_failed();
    }
}

fn all_assets_loaded(handles: Res<ResourceHandles>) -> bool {
    handles.is_all_done()
}

fn continue_to_title_screen(mut next_screen: ResMut<NextState<Screen>>) {
    web::mark("vds-loaded");
    next_screen.set(Screen::Title);
}
