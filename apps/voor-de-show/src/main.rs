//! Voor de Show: a theatre game for the classroom digibord, built with bevy for the browser.
//!
//! This crate sets up the bevy app and wires together one plugin per module, in the
//! style of TheBevyFlock/bevy_new_2d. The game itself (walking through the cultural
//! centre, the creative assignments) comes in later issues; for now there is a loading
//! screen and a title screen.

mod api_check;
mod asset_tracking;
mod ready;
mod screens;
mod theme;

use bevy::{asset::AssetMetaCheck, prelude::*};
use suite_domain::i18n::{Lang, Msg};

/// The language the game speaks. Dutch first; a language switch can come later.
const LANG: Lang = Lang::Nl;

fn main() -> AppExit {
    App::new().add_plugins(app_plugin).run()
}

/// Builds the whole game: bevy's own plugins, then ours.
fn app_plugin(app: &mut App) {
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: Msg::AppVoorDeShowName.text(LANG).to_owned(),
                    // index.html holds `<canvas id="game">`; the CSS makes it fill the page.
                    canvas: Some("#game".to_owned()),
                    fit_canvas_to_parent: true,
                    // Let the browser keep its own keys (reload, zoom, Tab out of the canvas).
                    prevent_default_event_handling: false,
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                // Trunk copies the assets to `game-assets/` next to index.html.
                file_path: "game-assets".to_owned(),
                // We ship no `.meta` files: asking for them would only produce 404s.
                meta_check: AssetMetaCheck::Never,
                ..default()
            })
            // The stage is pixel art: keep its pixels crisp when scaled up.
            .set(ImagePlugin::default_nearest()),
    );

    app.insert_resource(ClearColor(theme::BACKSTAGE));
    app.add_systems(Startup, spawn_camera);

    app.add_plugins((
        asset_tracking::plugin,
        api_check::plugin,
        screens::plugin,
        ready::plugin,
    ));
}

/// The one camera. Its view always shows the whole 320x180 stage, whatever the
/// shape of the window; the UI draws on top of it.
fn spawn_camera(mut commands: Commands) {
    commands.spawn((
        Name::new("Camera"),
        Camera2d,
        Projection::Orthographic(OrthographicProjection {
            scaling_mode: bevy::camera::ScalingMode::AutoMin {
                min_width: theme::STAGE_SIZE.x,
                min_height: theme::STAGE_SIZE.y,
            },
            ..OrthographicProjection::default_2d()
        }),
    ));
}
