//! The game's test contract: attributes on `<html>` that the end-to-end tests and the
//! benchmark wait for instead of sleeping. Each is set at the browser's next animation
//! frame after the frame that drew the screen it names (the screen is entered, spawned
//! and rendered in one frame, see `screens::EnterScreen`; when the browser calls for
//! its next frame, it has taken that one), without a frame of the game for it.
//!
//! Drawn means drawn with every pipeline it needs: the renderer skips what waits for a
//! pipeline whose shader has not arrived yet (bevy loads its shaders as assets, between
//! frames), so the first screen's first frame can show nothing but the clear colour.
//! The render world decides, after it rendered ([`report_drawn`]): while a render
//! pipeline waits it asks for the next frame and reports nothing. On 718ffa3 the title
//! was reported after its first frame, whose sprite and blit pipelines were queued
//! only while it rendered (so compiled in the next frame, ~0.35 s later at 4x CPU).
//!
//! - `data-ready="true"`: the game's first screen has been drawn (once; it stays): the
//!   title, or the room when the class's age was chosen on the page's loading screen;
//!   and the `vds-title-drawn` mark on the page's timeline when it was the title.
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

use bevy::{
    material::descriptor::PipelineDescriptor,
    prelude::*,
    render::{
        Render, RenderApp, RenderSystems,
        extract_resource::{ExtractResource, ExtractResourcePlugin},
        render_resource::{CachedPipeline, CachedPipelineState, PipelineCache},
    },
    shader::ShaderCacheError,
};

use crate::{game::Game, screens::Screen, web};

/// How many frames a screen waits for its pipelines before it is reported anyway (a
/// shader that never comes must not keep the game drawing for ever): ~10 s at 60 Hz.
const MOST_FRAMES_WAITED: u32 = 600;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Showing>()
        .add_plugins(ExtractResourcePlugin::<Showing>::default())
        .add_systems(Last, show_screen);
    let wake = wake_up(app);
    if let Some(render_app) = app.get_sub_app_mut(RenderApp) {
        if let Some(wake) = wake {
            render_app.insert_resource(wake);
        }
        render_app.add_systems(Render, report_drawn.in_set(RenderSystems::Cleanup));
    }
}

/// What the attributes say.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    screen: Screen,
    place: Option<String>,
    assignment: Option<String>,
}

/// What the game shows now (none while it loads: the page's own loading screen covers
/// that), copied into the render world each time it changes.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq, ExtractResource)]
struct Showing(Option<Shown>);

/// Asks bevy's event loop for another frame, from the render world.
#[derive(Resource)]
struct Wake(Box<dyn Fn() + Send + Sync>);

#[cfg(target_arch = "wasm32")]
fn wake_up(app: &App) -> Option<Wake> {
    use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
    let proxy = (**app.world().get_resource::<EventLoopProxyWrapper>()?).clone();
    Some(Wake(Box::new(move || {
        if proxy.send_event(WinitUserEvent::WakeUp).is_err() {
            warn!("bevy's event loop is gone: no frame for the waiting pipelines");
        }
    })))
}

/// Natively (the tests) there is no event loop and no renderer.
#[cfg(not(target_arch = "wasm32"))]
fn wake_up(_app: &App) -> Option<Wake> {
    None
}

/// What `<html>` should say now.
fn shown(screen: Screen, game: Option<&Game>) -> Option<Shown> {
    if screen == Screen::Loading {
        return None;
    }
    let progress = game.map(|g| &g.progress);
    Some(Shown {
        screen,
        place: progress
            .filter(|_| screen == Screen::Room)
            .map(|p| p.place().to_owned()),
        assignment: progress
            .filter(|_| screen == Screen::Assignment)
            .and_then(|p| p.running().map(str::to_owned)),
    })
}

fn show_screen(screen: Res<State<Screen>>, game: Option<Res<Game>>, mut showing: ResMut<Showing>) {
    showing.set_if_neq(Showing(shown(*screen.get(), game.as_deref())));
}

/// Whether a pipeline is still to be compiled, or waits for its shader.
pub(crate) fn waiting(state: &CachedPipelineState) -> bool {
    match state {
        CachedPipelineState::Queued | CachedPipelineState::Creating(_) => true,
        CachedPipelineState::Err(e) => matches!(
            e,
            ShaderCacheError::ShaderNotLoaded(_) | ShaderCacheError::ShaderImportNotYetAvailable
        ),
        CachedPipelineState::Ok(_) => false,
    }
}

/// Whether a render pipeline waits. Compute pipelines draw nothing (WebGL2 has none:
/// bevy's sparse buffer update pipeline waits there for ever for a shader it never
/// adds).
fn draws_and_waits(pipeline: &CachedPipeline) -> bool {
    matches!(
        pipeline.descriptor,
        PipelineDescriptor::RenderPipelineDescriptor(_)
    ) && waiting(&pipeline.state)
}

/// What the render world does with what the game shows, after a frame.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    /// Reported already (or nothing to report).
    Nothing,
    /// Not all drawn: another frame.
    Wait,
    /// Drawn: say so.
    Report,
}

fn step(
    now: Option<&Shown>,
    reported: Option<&Shown>,
    pipelines_waiting: bool,
    frames_waited: u32,
) -> Step {
    match now {
        None => Step::Nothing,
        Some(now) if reported == Some(now) => Step::Nothing,
        Some(_) if pipelines_waiting && frames_waited < MOST_FRAMES_WAITED => Step::Wait,
        Some(_) => Step::Report,
    }
}

/// After the render world rendered a frame: writes the attributes at the next animation
/// frame when what they name was drawn (every pipeline ready), or asks for another
/// frame while a pipeline waits.
fn report_drawn(
    showing: Option<Res<Showing>>,
    cache: Res<PipelineCache>,
    wake: Option<Res<Wake>>,
    mut reported: Local<Option<Shown>>,
    mut ready: Local<bool>,
    mut frames_waited: Local<u32>,
) {
    let now = showing.and_then(|s| s.0.clone());
    let pipelines_waiting = cache.pipelines().any(draws_and_waits);
    match step(
        now.as_ref(),
        reported.as_ref(),
        pipelines_waiting,
        *frames_waited,
    ) {
        Step::Nothing => {}
        Step::Wait => {
            *frames_waited += 1;
            if let Some(wake) = wake {
                (wake.0)();
            }
        }
        Step::Report => {
            let Some(now) = now else { return };
            if pipelines_waiting {
                warn!(
                    "{:?} reported with pipelines still waiting after {} frames",
                    now.screen, *frames_waited
                );
            }
            *frames_waited = 0;
            let first = !*ready;
            if first {
                *ready = true;
                info!(
                    "first screen ({:?}) drawn: data-ready set at the next frame",
                    now.screen
                );
            }
            *reported = Some(now.clone());
            web::after_frame(move || write(&now, first));
        }
    }
}

fn write(shown: &Shown, first: bool) {
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
    if first {
        web::set_root_attribute("data-ready", "true");
        if shown.screen == Screen::Title {
            web::mark("vds-title-drawn");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title() -> Shown {
        Shown {
            screen: Screen::Title,
            place: None,
            assignment: None,
        }
    }

    #[test]
    fn a_screen_is_reported_once_when_every_pipeline_is_ready() {
        assert_eq!(step(Some(&title()), None, false, 0), Step::Report);
        assert_eq!(
            step(Some(&title()), Some(&title()), false, 0),
            Step::Nothing
        );
        assert_eq!(step(None, None, false, 0), Step::Nothing);
    }

    #[test]
    fn a_screen_waits_for_its_pipelines_but_not_for_ever() {
        assert_eq!(step(Some(&title()), None, true, 0), Step::Wait);
        assert_eq!(
            step(Some(&title()), None, true, MOST_FRAMES_WAITED - 1),
            Step::Wait
        );
        assert_eq!(
            step(Some(&title()), None, true, MOST_FRAMES_WAITED),
            Step::Report
        );
    }

    #[test]
    fn a_pipeline_waits_while_queued_or_its_shader_is_missing() {
        assert!(waiting(&CachedPipelineState::Queued));
        assert!(waiting(&CachedPipelineState::Err(
            ShaderCacheError::ShaderNotLoaded(AssetId::default())
        )));
        assert!(waiting(&CachedPipelineState::Err(
            ShaderCacheError::ShaderImportNotYetAvailable
        )));
        assert!(!waiting(&CachedPipelineState::Err(
            ShaderCacheError::CreateShaderModule("bad".into())
        )));
    }

    #[test]
    fn loading_is_never_reported() {
        assert_eq!(shown(Screen::Loading, None), None);
        assert_eq!(shown(Screen::Title, None), Some(title()));
    }
}
