//! The drawn stage behind the screens: the stage picture (title, auditorium, stage) or
//! a place's backdrop of large, flat shapes in clear colours, behind the room's buttons.
//! Stage units are the stage picture's pixels: 320 x 180, origin in the middle, y up.
//!
//! Drawn as UI nodes in a 16:9 frame fitted into the window ([`fit`]), not as sprites:
//! with nothing but UI on screen, bevy's sprite pipeline (and the tonemapping shader
//! code it imports) is never compiled, which the game's first frame paid for in the
//! browser (see `lean_render`).

use bevy::{prelude::*, ui::UiSystems, window::PrimaryWindow};

use crate::screens::{Screen, ScreenUi, title::StageAssets};
use crate::theme;

/// A rectangle: centre, size, colour.
type Shape = ((f32, f32), (f32, f32), Color);

const fn rgb(r: f32, g: f32, b: f32) -> Color {
    Color::srgb(r, g, b)
}

/// Wall, floor and a few things that tell the place, per place id.
fn shapes(place: &str) -> (Color, Color, Vec<Shape>) {
    let poster = |x: f32, c: Color| ((x, 35.0), (34.0, 48.0), c);
    match place {
        "inkom" => (
            rgb(0.20, 0.28, 0.45),
            rgb(0.45, 0.33, 0.22),
            vec![
                poster(-110.0, rgb(0.90, 0.35, 0.25)),
                poster(-60.0, rgb(0.95, 0.80, 0.30)),
                poster(60.0, rgb(0.35, 0.70, 0.55)),
                poster(110.0, rgb(0.75, 0.45, 0.85)),
                ((0.0, -30.0), (90.0, 6.0), rgb(0.80, 0.15, 0.20)),
            ],
        ),
        "ticketbalie" => (
            rgb(0.30, 0.18, 0.35),
            rgb(0.38, 0.28, 0.20),
            vec![
                ((0.0, -35.0), (160.0, 40.0), rgb(0.55, 0.35, 0.18)),
                ((0.0, -14.0), (170.0, 6.0), theme::GOLD),
                ((-40.0, 30.0), (50.0, 26.0), rgb(0.95, 0.92, 0.80)),
                ((40.0, 30.0), (50.0, 26.0), rgb(0.95, 0.92, 0.80)),
            ],
        ),
        "decoratelier" => (
            rgb(0.25, 0.25, 0.22),
            rgb(0.50, 0.42, 0.30),
            vec![
                ((-100.0, 0.0), (14.0, 70.0), rgb(0.45, 0.30, 0.15)),
                ((-100.0, 40.0), (60.0, 40.0), rgb(0.25, 0.60, 0.25)),
                ((100.0, 45.0), (30.0, 30.0), rgb(0.96, 0.93, 0.70)),
                ((60.0, -20.0), (70.0, 50.0), rgb(0.60, 0.55, 0.50)),
                ((60.0, 12.0), (20.0, 14.0), rgb(0.60, 0.55, 0.50)),
            ],
        ),
        "kleedkamer" => (
            rgb(0.40, 0.22, 0.28),
            rgb(0.30, 0.20, 0.18),
            vec![
                ((0.0, 25.0), (110.0, 70.0), rgb(0.95, 0.85, 0.40)),
                ((0.0, 25.0), (96.0, 56.0), rgb(0.70, 0.85, 0.95)),
                ((0.0, -25.0), (150.0, 10.0), rgb(0.55, 0.35, 0.20)),
                ((-120.0, 10.0), (20.0, 60.0), rgb(0.85, 0.20, 0.30)),
                ((120.0, 10.0), (20.0, 60.0), rgb(0.20, 0.45, 0.85)),
            ],
        ),
        "regiekamer" => (
            rgb(0.10, 0.12, 0.20),
            rgb(0.18, 0.18, 0.22),
            vec![
                ((0.0, 30.0), (220.0, 60.0), rgb(0.05, 0.05, 0.10)),
                ((0.0, 30.0), (200.0, 48.0), rgb(0.35, 0.15, 0.15)),
                ((0.0, -30.0), (200.0, 30.0), rgb(0.30, 0.30, 0.35)),
                ((-60.0, -30.0), (8.0, 20.0), rgb(0.95, 0.80, 0.30)),
                ((-30.0, -30.0), (8.0, 20.0), rgb(0.30, 0.80, 0.95)),
                ((0.0, -30.0), (8.0, 20.0), rgb(0.95, 0.35, 0.35)),
                ((30.0, -30.0), (8.0, 20.0), rgb(0.40, 0.90, 0.40)),
            ],
        ),
        _ => (rgb(0.08, 0.05, 0.10), rgb(0.20, 0.12, 0.10), Vec::new()),
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PostUpdate, fit.before(UiSystems::Layout));
}

/// The frame of the stage: the largest 16:9 rectangle the window holds, centred.
#[derive(Component)]
struct StageFrame;

/// The frame's size for a window of `window` (logical pixels): as large as the window
/// allows at the stage's proportions.
fn frame_size(window: Vec2) -> Vec2 {
    let scale = (window.x / theme::STAGE_SIZE.x).min(window.y / theme::STAGE_SIZE.y);
    theme::STAGE_SIZE * scale.max(0.0)
}

/// Keeps every frame at [`frame_size`] of the window (touched only when it changes, so
/// the layout is not redone every frame).
fn fit(
    windows: Query<&Window, With<PrimaryWindow>>,
    mut frames: Query<&mut Node, With<StageFrame>>,
) {
    let Ok(window) = windows.single() else {
        return;
    };
    let size = frame_size(Vec2::new(window.width(), window.height()));
    let (width, height) = (Val::Px(size.x), Val::Px(size.y));
    for mut node in &mut frames {
        if node.width != width || node.height != height {
            node.width = width;
            node.height = height;
        }
    }
}

/// A full-window layer behind every screen's UI, with the stage's frame in its middle;
/// `frame` is what the frame shows (a colour, the picture), `tag` says when it goes.
fn spawn_frame(commands: &mut Commands, frame: impl Bundle, tag: impl Bundle) -> Entity {
    let layer = commands
        .spawn((
            Name::new("Stage layer"),
            Node {
                position_type: PositionType::Absolute,
                width: Val::Percent(100.0),
                height: Val::Percent(100.0),
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                ..default()
            },
            GlobalZIndex(-1),
            tag,
        ))
        .id();
    commands
        .spawn((
            Name::new("Stage"),
            StageFrame,
            Node::default(),
            frame,
            ChildOf(layer),
        ))
        .id()
}

/// Where a shape of `size` centred at `centre` (stage units) sits in the frame.
fn shape_node(centre: Vec2, size: Vec2) -> Node {
    let stage = theme::STAGE_SIZE;
    let percent = |part: f32, whole: f32| Val::Percent(part / whole * 100.0);
    Node {
        position_type: PositionType::Absolute,
        left: percent(centre.x - size.x / 2.0 + stage.x / 2.0, stage.x),
        top: percent(stage.y / 2.0 - centre.y - size.y / 2.0, stage.y),
        width: percent(size.x, stage.x),
        height: percent(size.y, stage.y),
        ..default()
    }
}

/// The stage picture in the frame, tinted by `tint`, until `tag` takes it away.
pub(crate) fn spawn_picture(
    commands: &mut Commands,
    stage: &StageAssets,
    tint: Color,
    tag: impl Bundle,
) {
    spawn_frame(
        commands,
        ImageNode::new(stage.stage.clone()).with_color(tint),
        tag,
    );
}

/// Spawns the backdrop of `place` for the room screen.
pub(crate) fn spawn(commands: &mut Commands, place: &str, stage: &StageAssets) {
    let tag = || (ScreenUi, DespawnOnExit(Screen::Room));
    if matches!(place, "zaal" | "podium") {
        // The auditorium looks at the stage; on the stage the class looks out into a
        // darker hall (the same picture, dimmed).
        let tint = if place == "podium" {
            Color::srgb(0.55, 0.5, 0.6)
        } else {
            Color::WHITE
        };
        spawn_picture(commands, stage, tint, tag());
        return;
    }
    let (wall, floor, things) = shapes(place);
    let frame = spawn_frame(commands, BackgroundColor(wall), tag());
    let floor_height = 60.0;
    let floor = (
        Name::new("Floor"),
        shape_node(
            Vec2::new(0.0, (floor_height - theme::STAGE_SIZE.y) / 2.0),
            Vec2::new(theme::STAGE_SIZE.x, floor_height),
        ),
        BackgroundColor(floor),
    );
    commands.entity(frame).with_children(|frame| {
        frame.spawn(floor);
        // Later shapes on top of earlier ones (UI draws children in order).
        for ((x, y), (w, h), colour) in things {
            frame.spawn((
                Name::new("Backdrop shape"),
                shape_node(Vec2::new(x, y), Vec2::new(w, h)),
                BackgroundColor(colour),
            ));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_is_the_largest_16_by_9_rectangle_the_window_holds() {
        assert_eq!(
            frame_size(Vec2::new(1920.0, 1080.0)),
            Vec2::new(1920.0, 1080.0)
        );
        // Wider than 16:9: as high as the window, bands left and right.
        assert_eq!(
            frame_size(Vec2::new(2000.0, 900.0)),
            Vec2::new(1600.0, 900.0)
        );
        // Taller (a portrait tablet): as wide as the window, bands above and below.
        assert_eq!(
            frame_size(Vec2::new(800.0, 1200.0)),
            Vec2::new(800.0, 450.0)
        );
        assert_eq!(frame_size(Vec2::ZERO), Vec2::ZERO);
    }

    #[test]
    fn a_shape_sits_where_its_stage_units_say() {
        // The floor: the stage's whole width, its lowest 60 of 180 units.
        let floor = shape_node(Vec2::new(0.0, -60.0), Vec2::new(320.0, 60.0));
        assert_eq!(floor.left, Val::Percent(0.0));
        assert_eq!(floor.width, Val::Percent(100.0));
        let Val::Percent(top) = floor.top else {
            panic!("top in percent: {:?}", floor.top);
        };
        assert!((top - 200.0 / 3.0).abs() < 1e-4, "{top}");
        // A 32 x 18 shape in the top right corner.
        let corner = shape_node(Vec2::new(144.0, 81.0), Vec2::new(32.0, 18.0));
        assert_eq!(corner.left, Val::Percent(90.0));
        assert_eq!(corner.top, Val::Percent(0.0));
        assert_eq!(
            (corner.width, corner.height),
            (Val::Percent(10.0), Val::Percent(10.0))
        );
        assert_eq!(corner.position_type, PositionType::Absolute);
    }
}
