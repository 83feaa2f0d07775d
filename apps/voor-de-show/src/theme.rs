//! The look of the game: colours, sizes and small constructors for UI pieces.

use bevy::prelude::*;

/// Size of the stage picture in world units (one unit per pixel of `stage.png`).
pub(crate) const STAGE_SIZE: Vec2 = Vec2::new(320.0, 180.0);

/// Clear colour around the stage when the window is not 16:9.
pub(crate) const BACKSTAGE: Color = Color::srgb(0.06, 0.04, 0.09);
/// Text on dark backgrounds.
pub(crate) const TEXT: Color = Color::srgb(1.0, 0.98, 0.92);
/// Secondary text, still high contrast on the dark panel.
pub(crate) const TEXT_SOFT: Color = Color::srgb(0.90, 0.87, 0.80);
/// The gold of the curtain trim, for accents.
pub(crate) const GOLD: Color = Color::srgb(0.93, 0.77, 0.36);
/// Panel behind text on the stage, so text stays readable over any part of the picture.
pub(crate) const PANEL: Color = Color::srgba(0.04, 0.02, 0.08, 0.78);
/// The start button.
pub(crate) const BUTTON: Color = Color::srgb(0.55, 0.06, 0.12);
pub(crate) const BUTTON_HOVERED: Color = Color::srgb(0.68, 0.10, 0.16);
pub(crate) const BUTTON_PRESSED: Color = Color::srgb(0.42, 0.04, 0.09);

/// A full-window UI root that centres its children in a column.
pub(crate) fn ui_root(name: &'static str) -> impl Bundle {
    (
        Name::new(name),
        Node {
            width: Val::Percent(100.0),
            height: Val::Percent(100.0),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            row_gap: Val::VMin(3.0),
            ..default()
        },
    )
}

/// Centred, wrapping text. `size` is in percent of the smaller window side, so the
/// text grows with the digibord and stays readable from the back of the classroom.
pub(crate) fn text(content: &str, size: f32, color: Color) -> impl Bundle {
    (
        Text::new(displayable(content)),
        TextFont::from_font_size(FontSize::VMin(size)),
        TextColor(color),
        TextLayout::justify(Justify::Center),
    )
}

/// A short line of text on its own dark panel, readable over any part of the stage.
pub(crate) fn caption(content: &str, size: f32) -> impl Bundle {
    (
        text(content, size, TEXT),
        Node {
            padding: UiRect::axes(Val::VMin(2.0), Val::VMin(0.8)),
            border_radius: BorderRadius::all(Val::VMin(1.5)),
            ..default()
        },
        BackgroundColor(PANEL),
    )
}

/// Adapts a catalogue text to bevy's built-in font, which only has ASCII glyphs:
/// the one non-ASCII character the game shows so far, the ellipsis, becomes three dots.
/// Texts with accents (é, ë) need a font asset with those glyphs first.
pub(crate) fn displayable(text: &str) -> String {
    text.replace('\u{2026}', "...")
}
