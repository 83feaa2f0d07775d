// The vertex stage of bevy's full-screen passes (the blit of the drawn picture onto the
// window), written for this game: bevy registers its own in the part of its core
// pipeline the game leaves out (core_2d.rs). Same import path, output and entry point,
// so bevy's blit shader finds it.
#define_import_path bevy_core_pipeline::fullscreen_vertex_shader

struct FullscreenVertexOutput {
    @builtin(position)
    position: vec4<f32>,
    @location(0)
    uv: vec2<f32>,
};

// One triangle (vertices 0..3) whose inside covers the whole of clip space: vertex 0 at
// the top left (uv 0,0), vertex 1 one screen height below the bottom (uv 0,2), vertex 2
// one screen width right of the right edge (uv 2,0). The screen's corners get uv 0..1.
@vertex
fn fullscreen_vertex_shader(@builtin(vertex_index) index: u32) -> FullscreenVertexOutput {
    var uv = vec2<f32>(0.0, 0.0);
    if index == 1u {
        uv = vec2<f32>(0.0, 2.0);
    } else if index == 2u {
        uv = vec2<f32>(2.0, 0.0);
    }
    let clip = vec2<f32>(uv.x * 2.0 - 1.0, 1.0 - uv.y * 2.0);
    return FullscreenVertexOutput(vec4<f32>(clip, 0.0, 1.0), uv);
}
