//! The look of the game: colours, sizes and small constructors for UI pieces.

use bevy::prelude::*;

/// Size of the stage picture in stage units (one per pixel of `stage.png`): the
/// proportions of the stage's frame and the units of the backdrops (`screens::scene`).
pub(crate) const STAGE_SIZE: Vec2 = Vec2::new(320.0, 180.0);

/// The guide's name (a name: the same in every language, as in `places.toml`).
pub(crate) const GUIDE: &str = "Mo";

/// Clear colour around the stage when the window is not 16:9.
pub(crate) const BACKSTAGE: Color = Color::srgb(0.06, 0.04, 0.09);
/// Text on dark backgrounds.
pub(crate) const TEXT: Color = Color::srgb(1.0, 0.98, 0.92);
/// The gold of the curtain trim, for accents.
pub(crate) const GOLD: Color = Color::srgb(0.93, 0.77, 0.36);
/// Panel behind text on the stage, so text stays readable over any part of the picture.
pub(crate) const PANEL: Color = Color::srgba(0.04, 0.02, 0.08, 0.78);
/// The start button.
pub(crate) const BUTTON: Color = Color::srgb(0.55, 0.06, 0.12);
pub(crate) const BUTTON_HOVERED: Color = Color::srgb(0.68, 0.10, 0.16);

/// The game's type scale, in percent of the window's shorter side (`Val::VMin`): few
/// sizes, because bevy keeps a font atlas per size and draws each glyph into it once, so
/// screens that share sizes share that work (with nine sizes, the title screen's first
/// frame spent ~180 ms at 4x CPU laying out text and drawing glyphs into new atlases,
/// profile of `280c58d`). The smallest is 30 px on a 1080p board.
pub(crate) mod size {
    /// The toolbar, notes, labels.
    pub(crate) const SMALL: f32 = 2.8;
    /// Running text and most buttons.
    pub(crate) const BODY: f32 = 3.6;
    /// Lead lines, questions, the main buttons.
    pub(crate) const LEAD: f32 = 4.5;
    /// A screen's heading.
    pub(crate) const HEADING: f32 = 6.0;
    /// A screen's title (the grade choice, a place's name, the end).
    pub(crate) const TITLE: f32 = 8.0;
    /// The game's name on the title screen.
    pub(crate) const GAME_TITLE: f32 = 13.0;
    /// The class timer's clock.
    pub(crate) const CLOCK: f32 = 16.0;
}

/// The whole window, its content in a centred column.
pub(crate) fn centred() -> Node {
    Node {
        width: Val::Percent(100.0),
        height: Val::Percent(100.0),
        flex_direction: FlexDirection::Column,
        align_items: AlignItems::Center,
        justify_content: JustifyContent::Center,
        row_gap: Val::VMin(3.0),
        ..default()
    }
}

/// The whole window as a column with a narrow margin: a place or an assignment.
pub(crate) fn board() -> Node {
    Node {
        width: Val::Percent(100.0),
        height: Val::Percent(100.0),
        flex_direction: FlexDirection::Column,
        padding: UiRect::all(Val::VMin(1.5)),
        ..default()
    }
}

/// Centred, wrapping text. `size` is in percent of the smaller window side, so the
/// text grows with the digibord and stays readable from the back of the classroom.
pub(crate) fn text(content: &str, size: f32, color: Color) -> impl Bundle + use<> {
    (
        Text::new(content),
        TextFont::from_font_size(FontSize::VMin(size)),
        TextColor(color),
        TextLayout::justify(Justify::Center),
    )
}

/// A short line of text on its own dark panel, readable over any part of the stage.
pub(crate) fn caption(content: &str, size: f32) -> impl Bundle + use<> {
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

/// The colours of the UI in the standard or the high-contrast (digibord) look.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Palette {
    /// Panels behind text.
    pub(crate) panel: Color,
    pub(crate) text: Color,
    /// Titles and borders.
    pub(crate) accent: Color,
    pub(crate) button: Color,
    pub(crate) button_hovered: Color,
    /// The ring around the control that has the keyboard focus.
    pub(crate) focus: Color,
    /// A done or chosen thing.
    pub(crate) good: Color,
    /// The background of a chosen button.
    pub(crate) chosen: Color,
}

/// The palette for the chosen contrast.
pub(crate) fn palette(high_contrast: bool) -> Palette {
    if high_contrast {
        Palette {
            panel: Color::BLACK,
            text: Color::WHITE,
            accent: Color::srgb(1.0, 0.92, 0.0),
            button: Color::BLACK,
            button_hovered: Color::srgb(0.2, 0.2, 0.2),
            focus: Color::srgb(0.0, 1.0, 1.0),
            good: Color::srgb(0.4, 1.0, 0.4),
            chosen: Color::srgb(0.0, 0.33, 0.0),
        }
    } else {
        Palette {
            panel: PANEL,
            text: TEXT,
            accent: GOLD,
            button: BUTTON,
            button_hovered: BUTTON_HOVERED,
            focus: TEXT,
            good: Color::srgb(0.55, 0.90, 0.55),
            chosen: Color::srgb(0.10, 0.38, 0.16),
        }
    }
}

/// A panel: a column on the palette's panel colour with an accent border.
pub(crate) fn panel(p: &Palette) -> impl Bundle + use<> {
    (
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: Val::VMin(1.5),
            padding: UiRect::axes(Val::VMin(3.0), Val::VMin(2.0)),
            border: UiRect::all(Val::VMin(0.4)),
            border_radius: BorderRadius::all(Val::VMin(2.0)),
            ..default()
        },
        BackgroundColor(p.panel),
        BorderColor::all(p.accent),
    )
}
