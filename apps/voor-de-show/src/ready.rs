//! The game's test contract: attributes on `<html>` that the end-to-end tests and the
//! benchmark wait for instead of sleeping. Each is set at the browser's next animation
//! frame after the frame that drew the screen it names (the screen is entered, spawned
//! and rendered in one frame, see `screens::EnterScreen`; when the browser calls for
//! its next frame, it has taken that one), without a frame of the game for it:
//!
//! - `data-ready="true"`: the title screen has been drawn (once; it stays).
//! - `data-screen`: `title` | `grade` | `room` | `assignment` | `end`, the screen
//!   drawn now.
//! - `data-place`: the id of the place of the room on screen (from `places.toml`);
//!   absent on other screens.
//! - `data-assignment`: the id of the assignment on screen; absent on other screens.
//!
//! Also `data-health` (`ok` | `down`) from `api_check`, as every app of the suite, and
//! from `show_web` the show a class link or a preview link brought: `data-show`
//! (`generic` | `loading` | `ready` | `unknown` | `failed`) and `data-show-title` (the
//! show's title, when it is ready); the title screen also says the show in `#vds-live`,
//! and an assignment with the show's picture has `<img id="vds-show-image">`.

use bevy::prelude::*;

use crate::{game::Game, screens::Screen, web};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Last, report_screen);
}

/// What the attributes say.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    screen: Screen,
    place: Option<String>,
    assignment: Option<String>,
}

/// What `<html>` should say now.
fn shown(screen: Screen, game: Option<&Game>) -> Shown {
    let progress = game.map(|g| &g.progress);
    Shown {
        screen,
        place: progress
            .filter(|_| screen == Screen::Room)
            .map(|p| p.place().to_owned()),
        assignment: progress
            .filter(|_| screen == Screen::Assignment)
            .and_then(|p| p.running().map(str::to_owned)),
    }
}

/// Writes the attributes at the next animation frame when what they name changed
/// (the loading state has none: the page's own loading screen covers it).
fn report_screen(
    screen: Res<State<Screen>>,
    game: Option<Res<Game>>,
    mut reported: Local<Option<Shown>>,
    mut ready: Local<bool>,
) {
    let now = shown(*screen.get(), game.as_deref());
    if now.screen == Screen::Loading || reported.as_ref() == Some(&now) {
        return;
    }
    let first_title = now.screen == Screen::Title && !*ready;
    if first_title {
        *ready = true;
        info!("title screen drawn: data-ready set at the next frame");
    }
    *reported = Some(now.clone());
    web::after_frame(move || write(&now, first_title));
}

fn write(shown: &Shown, first_title: bool) {
    web::set_root_attribute("data-screen", shown.screen.name());
    match &shown.place {
        Some(place) => {
            web::set_root_attribute("data-place", place);
        }
        None => web::remove_root_attribute("data-place"),
    }
    match &shown.assignment {
        Some(id) => {
            web::set_root_attribute("data-assignment", id);
        }
        None => web::remove_root_attribute("data-assignment"),
    }
    if first_title {
        web::set_root_attribute("data-ready", "true");
    }
}
