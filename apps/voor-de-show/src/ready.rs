//! The game's test contract: attributes on `<html>` that the end-to-end tests and the
//! benchmark wait for instead of sleeping. Each is set one frame after the screen
//! that it names was drawn (the entities spawn in one frame and are rendered at its
//! end; when the next frame runs, that one has been drawn):
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

/// Writes the attributes one frame after what they name changed.
fn report_screen(
    screen: Res<State<Screen>>,
    game: Option<Res<Game>>,
    mut pending: Local<Option<(Shown, u32)>>,
    mut reported: Local<Option<Shown>>,
    mut ready: Local<bool>,
) {
    let now = shown(*screen.get(), game.as_deref());
    match pending.as_mut() {
        Some((waiting, frames)) if *waiting == now => *frames += 1,
        _ => *pending = Some((now.clone(), 0)),
    }
    let Some((waiting, frames)) = pending.as_ref() else {
        return;
    };
    if *frames < 1 || reported.as_ref() == Some(waiting) || waiting.screen == Screen::Loading {
        return;
    }
    web::set_root_attribute("data-screen", waiting.screen.name());
    match &waiting.place {
        Some(place) => {
            web::set_root_attribute("data-place", place);
        }
        None => web::remove_root_attribute("data-place"),
    }
    match &waiting.assignment {
        Some(id) => {
            web::set_root_attribute("data-assignment", id);
        }
        None => web::remove_root_attribute("data-assignment"),
    }
    if waiting.screen == Screen::Title && !*ready && web::set_root_attribute("data-ready", "true") {
        *ready = true;
        info!("title screen drawn: data-ready set");
    }
    *reported = Some(waiting.clone());
}
