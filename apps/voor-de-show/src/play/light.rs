//! Light and mood: the class chooses a colour and a strength; the stage picture takes
//! that light and a mood word changes with it.

use bevy::prelude::*;
use suite_domain::i18n::{Lang, Msg};

use super::Play;
use crate::{
    controls::{self, Chosen},
    game::{Act, PlayAct},
    screens::title::StageAssets,
    theme::{self, Palette},
};

/// The colours of the light: name and tint.
const COLOURS: [(Msg, Color); 5] = [
    (Msg::VdsColourWarm, Color::srgb(1.0, 0.85, 0.45)),
    (Msg::VdsColourBlue, Color::srgb(0.40, 0.60, 1.0)),
    (Msg::VdsColourRed, Color::srgb(1.0, 0.30, 0.25)),
    (Msg::VdsColourGreen, Color::srgb(0.40, 0.95, 0.45)),
    (Msg::VdsColourPurple, Color::srgb(0.75, 0.45, 1.0)),
];

/// The strengths: name and how much light gets through.
const STRENGTHS: [(Msg, f32); 3] = [
    (Msg::VdsBright, 1.0),
    (Msg::VdsSoft, 0.6),
    (Msg::VdsDim, 0.25),
];

/// The mood of each colour at each strength.
const MOODS: [[Msg; 3]; 5] = [
    [Msg::VdsMoodHappy, Msg::VdsMoodCalm, Msg::VdsMoodSleepy],
    [Msg::VdsMoodCalm, Msg::VdsMoodDreamy, Msg::VdsMoodMysterious],
    [
        Msg::VdsMoodExciting,
        Msg::VdsMoodExciting,
        Msg::VdsMoodScary,
    ],
    [Msg::VdsMoodHappy, Msg::VdsMoodMysterious, Msg::VdsMoodScary],
    [
        Msg::VdsMoodDreamy,
        Msg::VdsMoodMysterious,
        Msg::VdsMoodScary,
    ],
];

/// The mood word for a colour and a strength.
pub(crate) fn mood(colour: usize, strength: usize) -> Msg {
    MOODS
        .get(colour)
        .and_then(|row| row.get(strength))
        .copied()
        .unwrap_or(Msg::VdsMoodCalm)
}

pub(super) fn spawn(
    ui: &mut ChildSpawnerCommands,
    play: &Play,
    lang: Lang,
    p: &Palette,
    images: &StageAssets,
) {
    let (_, tint) = COLOURS.get(play.colour).copied().unwrap_or(COLOURS[0]);
    let (_, strength) = STRENGTHS
        .get(play.strength)
        .copied()
        .unwrap_or(STRENGTHS[0]);
    let lit = tint.to_srgba() * strength;
    ui.spawn((
        Name::new("Lit stage"),
        ImageNode::new(images.stage.clone()).with_color(Color::srgb(lit.red, lit.green, lit.blue)),
        Node {
            width: Val::VMin(56.0),
            height: Val::VMin(31.5),
            ..default()
        },
    ));
    let mood_line = format!(
        "{}: {}",
        Msg::VdsMood.text(lang),
        mood(play.colour, play.strength).text(lang)
    );
    crate::web::announce(&mood_line);
    ui.spawn(theme::text(&mood_line, theme::size::LEAD, p.accent));
    choices(
        ui,
        Msg::VdsLightColour.text(lang),
        p,
        COLOURS.iter().enumerate().map(|(n, (name, _))| {
            (
                name.text(lang),
                Act::Play(PlayAct::LightColour(n)),
                n == play.colour,
            )
        }),
    );
    choices(
        ui,
        Msg::VdsLightStrength.text(lang),
        p,
        STRENGTHS.iter().enumerate().map(|(n, (name, _))| {
            (
                name.text(lang),
                Act::Play(PlayAct::LightStrength(n)),
                n == play.strength,
            )
        }),
    );
}

/// A labelled row of choice buttons; the chosen one is marked.
fn choices<'a>(
    ui: &mut ChildSpawnerCommands,
    label: &str,
    p: &Palette,
    buttons: impl Iterator<Item = (&'a str, Act, bool)>,
) {
    ui.spawn(Node {
        column_gap: Val::VMin(1.2),
        align_items: AlignItems::Center,
        flex_wrap: FlexWrap::Wrap,
        justify_content: JustifyContent::Center,
        ..default()
    })
    .with_children(|row| {
        row.spawn(theme::text(label, theme::size::SMALL, p.text));
        for (text, act, chosen) in buttons {
            let mut button = row.spawn(controls::button(text, act, theme::size::SMALL, p));
            if chosen {
                button.insert(Chosen);
            }
        }
    });
}
