//! The drawn backdrop of each place: large, flat shapes in clear colours behind the
//! room's buttons (the stage picture for the auditorium and the stage). World units
//! are the stage picture's pixels: 320 x 180, origin in the middle.

use bevy::prelude::*;

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

/// Spawns the backdrop of `place` for the room screen.
pub(crate) fn spawn(commands: &mut Commands, place: &str, stage: &StageAssets) {
    let tag = (ScreenUi, DespawnOnExit(Screen::Room));
    if matches!(place, "zaal" | "podium") {
        // The auditorium looks at the stage; on the stage the class looks out into a
        // darker hall (the same picture, dimmed).
        let tint = if place == "podium" {
            Color::srgb(0.55, 0.5, 0.6)
        } else {
            Color::WHITE
        };
        commands.spawn((
            Name::new("Backdrop"),
            Sprite {
                image: stage.stage.clone(),
                custom_size: Some(theme::STAGE_SIZE),
                color: tint,
                ..default()
            },
            tag,
        ));
        return;
    }
    let (wall, floor, things) = shapes(place);
    commands.spawn((
        Name::new("Wall"),
        Sprite::from_color(wall, theme::STAGE_SIZE),
        tag,
    ));
    commands.spawn((
        Name::new("Floor"),
        Sprite::from_color(floor, Vec2::new(theme::STAGE_SIZE.x, 60.0)),
        Transform::from_xyz(0.0, -60.0, 0.1),
        (ScreenUi, DespawnOnExit(Screen::Room)),
    ));
    for (i, ((x, y), (w, h), colour)) in things.into_iter().enumerate() {
        commands.spawn((
            Name::new("Backdrop shape"),
            Sprite::from_color(colour, Vec2::new(w, h)),
            // Later shapes on top of earlier ones.
            Transform::from_xyz(x, y, 0.2 + i as f32 * 0.01),
            (ScreenUi, DespawnOnExit(Screen::Room)),
        ));
    }
}
