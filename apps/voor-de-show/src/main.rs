//! Voor de Show: a theatre game for the classroom digibord, built with bevy for the browser.
//!
//! This crate sets up the bevy app and wires together one plugin per module, in the
//! style of TheBevyFlock/bevy_new_2d: a loading screen, the title, the choice of
//! grade, the places of the cultuurhuis with the guide, the assignments with their
//! interactions, and the end; a class link or a company's preview link brings a
//! show's own version (`show`, `show_web`). The rules live in `suite_domain::show`; [`logic_plugin`]
//! holds the game's logic without any drawing, so the native tests run it with
//! `MinimalPlugins`.

mod api_check;
mod audio;
mod content;
mod controls;
mod game;
#[cfg(target_arch = "wasm32")]
mod lean_render;
mod pacing;
mod play;
mod ready;
mod screens;
mod settings;
mod show;
mod show_web;
mod theme;
mod view;
mod web;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_audio;
#[cfg(test)]
mod tests_pacing;
#[cfg(test)]
mod tests_show;
#[cfg(test)]
mod tests_start;

use bevy::{asset::AssetMetaCheck, prelude::*, text::Font, window::WindowResolution};
use suite_domain::i18n::{Lang, Msg};

/// The language of the loading screen and the window title, before the settings are
/// read.
const LANG: Lang = Lang::Nl;

/// The game's font: DejaVu Sans Bold cut down to Latin-1 (see game-assets/LICENSES.md),
/// so Dutch accents show. Compiled in and installed as the default font (bevy's own,
/// ASCII only, is left out: no `default_font` feature).
const FONT: &[u8] = include_bytes!("../../../game-assets/fonts/vds-sans.ttf");

fn main() -> AppExit {
    web::mark("vds-main");
    let mut app = App::new();
    app.add_plugins(app_plugin);
    web::mark("vds-built");
    app.run()
}

/// Builds the whole game: bevy's own plugins, then ours.
fn app_plugin(app: &mut App) {
    // The window as large as the page makes the canvas: bevy's default (1280x720) was
    // resized after the first frame, which then laid out and drew the title again.
    let resolution = web::canvas_size()
        .map(|(width, height)| WindowResolution::new(width, height))
        .unwrap_or_default();
    // Bevy's render plugins as a game that draws UI only needs them (`lean_render`); the
    // native build (logic tests, clippy) has no window and takes bevy's default plugins.
    #[cfg(target_arch = "wasm32")]
    let plugins = lean_render::GamePlugins.build();
    #[cfg(not(target_arch = "wasm32"))]
    let plugins = DefaultPlugins.build();
    let plugins = plugins
        .set(WindowPlugin {
            primary_window: Some(Window {
                title: Msg::AppVoorDeShowName.text(LANG).to_owned(),
                // index.html holds `<canvas id="game">`; the CSS makes it fill the page.
                canvas: Some("#game".to_owned()),
                fit_canvas_to_parent: true,
                resolution,
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
        .set(ImagePlugin::default_nearest());
    app.add_plugins(plugins);

    // The handle every text uses unless it names another font.
    let font = Font::from_bytes(FONT.to_vec());
    if app
        .world_mut()
        .resource_mut::<Assets<Font>>()
        .insert(AssetId::default(), font)
        .is_err()
    {
        warn!("could not install the game's font: its texts will not show");
    }

    app.insert_resource(ClearColor(theme::BACKSTAGE));
    app.add_systems(Startup, (spawn_camera, keep_keys_in_canvas, first_update));

    app.add_plugins((
        logic_plugin,
        api_check::plugin,
        controls::plugin,
        screens::plugin,
        play::plugin,
        ready::plugin,
        show_web::plugin,
        audio::caption_plugin,
        pacing::plugin,
    ));
}

/// The game's logic without drawing: the content, the settings, the progress, the
/// screen it leads to, the show in play and the sound's cues. The native tests add this to `MinimalPlugins`.
fn logic_plugin(app: &mut App) {
    app.add_plugins((
        content::plugin,
        settings::plugin,
        screens::state_plugin,
        game::plugin,
        show::plugin,
        audio::plugin,
    ));
}

fn first_update() {
    web::mark("vds-first-update");
}

fn keep_keys_in_canvas() {
    web::keep_keys_in_canvas();
}

/// The one camera. Everything on screen is UI (the stage too, fitted into the window by
/// `screens::scene`): the camera gives the UI its window. No multisampling: the UI rounds
/// its corners in its own shader and the stage is pixel art, so four samples a pixel
/// only cost time (in software GL each frame four times the fragments and a resolve).
fn spawn_camera(mut commands: Commands) {
    commands.spawn((Name::new("Camera"), Camera2d, Msaa::Off));
}
