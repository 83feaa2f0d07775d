//! Bevy's render work that this game never uses, left out, and the pipelines it does
//! compile marked on the page's timeline.
//!
//! Bevy's core pipeline prepares two pipelines for every camera that a 2D game without
//! tonemapping never draws with: the tonemapping pass (our camera's `Tonemapping::None`
//! skips the pass, yet its pipeline is still specialized and compiled) and the copy of
//! deferred lighting ids (3D deferred rendering only). Compiling a pipeline means
//! composing its WGSL, translating it to GLSL and a synchronous compile and link in
//! WebGL: in software GL at 4x CPU about 0.1 s each, before the title can be drawn.
//! Their passes skip a view without a pipeline (`ViewQuery` answers nothing), and only
//! 3D cameras run the deferred copy.
//!
//! `vds-pipeline <label>` marks (`performance.mark`) say when each pipeline became
//! ready; the bench lists them and the end-to-end test checks the two above stay out.

use bevy::{
    core_pipeline::{
        deferred::copy_lighting_id::init_copy_deferred_lighting_id_pipeline,
        tonemapping::prepare_view_tonemapping_pipelines,
    },
    ecs::schedule::ScheduleCleanupPolicy,
    material::descriptor::PipelineDescriptor,
    prelude::*,
    render::{Render, RenderApp, RenderStartup, RenderSystems, render_resource::PipelineCache},
};

use crate::{ready, web};

/// Bevy's shaders that its render world first asks for when it first renders
/// (`RenderStartup`: the sprite and blit pipelines' resources), loaded as assets, which
/// arrive between frames: the title's first frame had to wait for them and was drawn
/// a frame later (~0.3-0.5 s at 4x CPU: that frame, and the browser drawing the one
/// before). Asked for here, while the app is built, they are there for the first frame.
/// Their paths are bevy's (`embedded_asset!` in `bevy_sprite_render` and
/// `bevy_core_pipeline`): the bench's `vds-pipeline` marks show when each was compiled.
const EARLY_SHADERS: [&str; 2] = [
    "embedded://bevy_sprite_render/render/sprite.wgsl",
    "embedded://bevy_core_pipeline/blit/blit.wgsl",
];

/// Keeps [`EARLY_SHADERS`] loaded until bevy's own handles take them.
#[derive(Resource)]
#[expect(
    dead_code,
    reason = "held, never read: the handles keep the shaders loaded"
)]
struct EarlyShaders(Vec<Handle<Shader>>);

/// Added after bevy's plugins: the systems it takes out are theirs.
pub(super) struct LeanRender;

impl Plugin for LeanRender {
    fn build(&self, app: &mut App) {
        // Bevy's plugins built before this one: their embedded shaders are registered.
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

    fn finish(&self, app: &mut App) {
        let Some(render_app) = app.get_sub_app_mut(RenderApp) else {
            return;
        };
        let policy = || ScheduleCleanupPolicy::RemoveSystemsOnly;
        let removed = [
            render_app.remove_systems_in_set(
                RenderStartup,
                init_copy_deferred_lighting_id_pipeline,
                policy(),
            ),
            render_app.remove_systems_in_set(Render, prepare_view_tonemapping_pipelines, policy()),
        ];
        for (what, outcome) in ["deferred lighting id copy", "tonemapping"]
            .iter()
            .zip(removed)
        {
            match outcome {
                Ok(n) if n > 0 => {}
                Ok(_) => warn!("bevy's {what} pipeline system was not found: it stays"),
                Err(e) => warn!("could not leave out bevy's {what} pipeline: {e}"),
            }
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
