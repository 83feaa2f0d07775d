//! What bevy's core pipeline and sprite renderer give a UI-only game, without the rest.
//!
//! [`UiCorePipeline`] stands in for bevy's `CorePipelinePlugin`. That plugin adds the 3D passes
//! and mip-map generation, which while the app is built prepares a downsampling shader
//! for each of ~40 texture formats (naga_oil's preprocessor over a long WGSL file each
//! time: ~0.35 s at 4x CPU in the browser), and tonemapping, whose pipeline bevy compiles
//! for every camera even when the camera does not tonemap (ours: `Tonemapping::None`).
//! None of its parts can be left out from outside (they are added inside its `build`;
//! adding one twice panics), so the game leaves the whole plugin out and adds the parts
//! a 2D camera drawing UI uses: the 2D passes, the blit onto the window and upscaling,
//! plus what bevy's plugin does itself: the full-screen vertex shader the blit uses
//! ([`FULLSCREEN_WGSL`], written for this game), the cameras' driver and the submission
//! of the frame's command buffers. Left out with the rest: bevy's clear of a window that
//! no camera draws to (the game's one camera always draws to its one window).
//!
//! [`ImageEvents`] stands in for bevy's `SpriteRenderPlugin` (sprites, 2D meshes and
//! their materials, tilemaps: none drawn here), keeping the one thing of it that UI
//! drawing reads: the frame's image asset events, so UI pictures follow their images.

use std::path::{Path, PathBuf};

use bevy::{
    asset::io::embedded::EmbeddedAssetRegistry,
    core_pipeline::{
        FullscreenShader,
        blit::BlitPlugin,
        core_2d::Core2dPlugin,
        schedule::{Core2d, camera_driver},
        tonemapping::tonemapping,
        upscaling::UpscalingPlugin,
    },
    ecs::schedule::ScheduleCleanupPolicy,
    prelude::*,
    render::{
        ExtractSchedule, RenderApp,
        renderer::{PendingCommandBuffers, RenderGraph, RenderGraphSystems, RenderQueue},
    },
    sprite_render::{SpriteAssetEvents, extract_sprite_events},
};

/// Where bevy's full-screen passes look for their vertex shader (the path bevy's
/// `embedded_asset!` gives its own).
const FULLSCREEN_PATH: &str = "bevy_core_pipeline/fullscreen_vertex_shader/fullscreen.wgsl";

/// The game's full-screen vertex shader (see the file).
const FULLSCREEN_WGSL: &[u8] = include_bytes!("fullscreen.wgsl");

/// The 2D part of bevy's core pipeline (see the module).
pub(super) struct UiCorePipeline;

impl Plugin for UiCorePipeline {
    fn build(&self, app: &mut App) {
        app.world()
            .resource::<EmbeddedAssetRegistry>()
            .insert_asset(PathBuf::new(), Path::new(FULLSCREEN_PATH), FULLSCREEN_WGSL);
        app.add_plugins((Core2dPlugin, BlitPlugin, UpscalingPlugin));
        let Some(render_app) = app.get_sub_app_mut(RenderApp) else {
            return;
        };
        // Bevy's 2D passes end with tonemapping, which needs the tonemapping plugin's
        // resources; ours never tonemaps. Taken out while the 2D schedule holds only
        // bevy's four passes: the check is cheap now (it builds that schedule).
        match render_app.remove_systems_in_set(
            Core2d,
            tonemapping,
            ScheduleCleanupPolicy::RemoveSystemsOnly,
        ) {
            Ok(1) => {}
            Ok(n) => warn!("bevy's 2D tonemapping pass: {n} systems taken out, 1 expected"),
            Err(e) => error!("could not take out bevy's 2D tonemapping pass: {e}"),
        }
        render_app.init_resource::<FullscreenShader>().add_systems(
            RenderGraph,
            (
                camera_driver.in_set(RenderGraphSystems::Render),
                submit_command_buffers.in_set(RenderGraphSystems::Submit),
            ),
        );
    }
}

/// Sends the frame's recorded command buffers to the GPU queue, as bevy's core pipeline
/// does after its cameras have drawn.
fn submit_command_buffers(mut pending: ResMut<PendingCommandBuffers>, queue: Res<RenderQueue>) {
    let buffers = pending.take();
    if !buffers.is_empty() {
        queue.submit(buffers);
    }
}

/// The image asset events UI drawing reads, extracted each frame as bevy's sprite
/// renderer does (see the module).
pub(super) struct ImageEvents;

impl Plugin for ImageEvents {
    fn build(&self, app: &mut App) {
        if let Some(render_app) = app.get_sub_app_mut(RenderApp) {
            render_app
                .init_resource::<SpriteAssetEvents>()
                .add_systems(ExtractSchedule, extract_sprite_events);
        }
    }
}
