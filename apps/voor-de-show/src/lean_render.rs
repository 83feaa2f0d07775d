//! Bevy's render plugins as this game draws: UI only, on one 2D camera, without
//! tonemapping; and the pipelines it does compile marked on the page's timeline.
//!
//! Everything the game shows is UI (the stage too, `screens::scene`). Bevy's default
//! plugins would still build, run and compile for every camera what a 3D or sprite game
//! draws with: its core pipeline's 3D passes and mip-map generation, the sprite and 2D
//! mesh renderers, the tonemapping pass. Compiling a pipeline means composing its WGSL,
//! translating it to GLSL and a synchronous compile and link in WebGL: in software GL at
//! 4x CPU about 0.1-0.3 s each, before the first screen can be drawn. [`GamePlugins`]
//! is bevy's default plugins without those, with what UI drawing needs of them put back
//! ([`core_2d`]).
//!
//! `vds-pipeline <label>` marks (`performance.mark`) say when each pipeline became
//! ready; the bench lists them and the end-to-end test checks only the UI's and the
//! blit's are compiled.

use bevy::{
    a11y::AccessibilityPlugin,
    app::{PanicHandlerPlugin, PluginGroupBuilder, TaskPoolPlugin},
    camera::CameraPlugin,
    diagnostic::{DiagnosticsPlugin, FrameCountPlugin},
    image::TextureAtlasPlugin,
    input::InputPlugin,
    log::LogPlugin,
    material::descriptor::PipelineDescriptor,
    mesh::MeshPlugin,
    prelude::*,
    render::{Render, RenderApp, RenderPlugin, RenderSystems, render_resource::PipelineCache},
    state::app::StatesPlugin,
    text::TextPlugin,
    time::TimePlugin,
    transform::TransformPlugin,
    ui::UiPlugin,
    ui_render::UiRenderPlugin,
    winit::WinitPlugin,
};

use crate::{ready, web};

mod core_2d;

/// Bevy's default plugins for this game's features, in their order, without
/// `CorePipelinePlugin` (in its place [`core_2d::UiCorePipeline`]), `SpritePlugin` (of it only
/// the texture atlases UI pictures may use) and `SpriteRenderPlugin` (in its place
/// [`core_2d::ImageEvents`]), then [`LeanRender`]. Listed here rather than taken out of
/// `DefaultPlugins`, so the code of the plugins left out is not in the download either.
pub(crate) struct GamePlugins;

impl PluginGroup for GamePlugins {
    fn build(self) -> PluginGroupBuilder {
        PluginGroupBuilder::start::<Self>()
            .add(PanicHandlerPlugin)
            .add(LogPlugin::default())
            .add(TaskPoolPlugin::default())
            .add(FrameCountPlugin)
            .add(TimePlugin)
            .add(TransformPlugin)
            .add(DiagnosticsPlugin)
            .add(InputPlugin)
            .add(WindowPlugin::default())
            .add(AccessibilityPlugin)
            .add(AssetPlugin::default())
            .add(WinitPlugin::default())
            .add(RenderPlugin::default())
            .add(ImagePlugin::default())
            .add(MeshPlugin)
            .add(CameraPlugin)
            .add(core_2d::UiCorePipeline)
            .add(TextureAtlasPlugin)
            .add(core_2d::ImageEvents)
            .add(TextPlugin)
            .add(UiPlugin)
            .add(UiRenderPlugin)
            .add(StatesPlugin)
            .add(LeanRender)
    }
}

/// Bevy's blit shader (the drawn picture copied onto the window), which its render world
/// first asks for when it first renders (`RenderStartup`), loaded as an asset, which
/// arrives between frames: the first screen had to wait for it and was drawn a frame
/// later (~0.3-0.5 s at 4x CPU). Asked for while the app is built, it is there for the
/// first frame. The path is bevy's (`embedded_asset!` in `bevy_core_pipeline`).
const EARLY_SHADERS: [&str; 1] = ["embedded://bevy_core_pipeline/blit/blit.wgsl"];

/// Keeps [`EARLY_SHADERS`] loaded until bevy's own handles take them.
#[derive(Resource)]
#[expect(
    dead_code,
    reason = "held, never read: the handles keep the shaders loaded"
)]
struct EarlyShaders(Vec<Handle<Shader>>);

/// Added after bevy's plugins: their embedded shaders are registered.
struct LeanRender;

impl Plugin for LeanRender {
    fn build(&self, app: &mut App) {
        let server = app.world().resource::<AssetServer>().clone();
        app.insert_resource(EarlyShaders(
            EARLY_SHADERS
                .iter()
                .map(|path| server.load(*path))
                .collect(),
        ));
        if let Some(render_app) = app.get_sub_app_mut(RenderApp) {
            render_app.add_systems(Render, mark_pipelines.in_set(RenderSystems::Cleanup));
        }
    }
}

/// Marks each pipeline in the frame it became ready (or failed for good: compute
/// pipelines on WebGL2, not a shader still to come): one waiting for its shader does not
/// hold back the marks of those after it. `marked[i]`: pipeline `i` is marked; `first`:
/// the first not yet.
fn mark_pipelines(
    cache: Res<PipelineCache>,
    mut marked: Local<Vec<bool>>,
    mut first: Local<usize>,
) {
    for (i, pipeline) in cache.pipelines().enumerate().skip(*first) {
        if marked.len() <= i {
            marked.resize(i + 1, false);
        }
        if marked[i] || ready::waiting(&pipeline.state) {
            continue;
        }
        let label = match &pipeline.descriptor {
            PipelineDescriptor::RenderPipelineDescriptor(d) => d.label.as_deref(),
            PipelineDescriptor::ComputePipelineDescriptor(d) => d.label.as_deref(),
        };
        web::mark(&format!("vds-pipeline {}", label.unwrap_or("unnamed")));
        marked[i] = true;
    }
    while marked.get(*first) == Some(&true) {
        *first += 1;
    }
}
