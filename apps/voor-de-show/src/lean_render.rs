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
    render::{
        Render, RenderApp, RenderStartup, RenderSystems,
        render_resource::{CachedPipelineState, PipelineCache},
    },
};

use crate::web;

/// Added after bevy's plugins: the systems it takes out are theirs.
pub(super) struct LeanRender;

impl Plugin for LeanRender {
    fn build(&self, app: &mut App) {
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

/// Marks each pipeline once it is ready (or failed: compute pipelines on WebGL2).
fn mark_pipelines(cache: Res<PipelineCache>, mut marked: Local<usize>) {
    for pipeline in cache.pipelines().skip(*marked) {
        if !matches!(
            pipeline.state,
            CachedPipelineState::Ok(_) | CachedPipelineState::Err(_)
        ) {
            break;
        }
        let label = match &pipeline.descriptor {
            PipelineDescriptor::RenderPipelineDescriptor(d) => d.label.as_deref(),
            PipelineDescriptor::ComputePipelineDescriptor(d) => d.label.as_deref(),
        };
        web::mark(&format!("vds-pipeline {}", label.unwrap_or("unnamed")));
        *marked += 1;
    }
}
