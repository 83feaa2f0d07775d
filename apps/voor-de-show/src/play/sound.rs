//! The soundscape: the class chooses sound tiles for its set. The game plays no
//! sound (it works with the sound off): a subtitle names each chosen sound, on the
//! board and in the live region, and the class makes the sounds itself.

use bevy::prelude::*;
use suite_domain::i18n::{Lang, Msg};

use super::Play;
use crate::{
    controls::{self, Chosen},
    game::{Act, PlayAct},
    theme::{self, Palette},
    web,
};

/// The sound tiles.
const SOUNDS: [Msg; 8] = [
    Msg::VdsSoundRain,
    Msg::VdsSoundWind,
    Msg::VdsSoundOwl,
    Msg::VdsSoundDoor,
    Msg::VdsSoundSteps,
    Msg::VdsSoundThunder,
    Msg::VdsSoundBirds,
    Msg::VdsSoundSea,
];

/// The subtitle of sound `n`: "[Geluid: regen]".
pub(super) fn subtitle(n: usize, lang: Lang) -> String {
    let name = SOUNDS.get(n).map(|m| m.text(lang)).unwrap_or_default();
    format!("[{}: {name}]", Msg::VdsSound.text(lang))
}

/// Says a newly chosen sound through the live region.
pub(super) fn announce(n: usize, lang: Lang) {
    web::announce(&subtitle(n, lang));
}

pub(super) fn spawn(ui: &mut ChildSpawnerCommands, play: &Play, lang: Lang, p: &Palette) {
    ui.spawn(theme::text(Msg::VdsSoundHelp.text(lang), 2.8, p.text));
    ui.spawn(Node {
        display: Display::Grid,
        grid_template_columns: RepeatedGridTrack::flex(4, 1.0),
        column_gap: Val::VMin(1.2),
        row_gap: Val::VMin(1.2),
        ..default()
    })
    .with_children(|grid| {
        for (n, sound) in SOUNDS.iter().enumerate() {
            let mut tile = grid.spawn(controls::button(
                sound.text(lang),
                Act::Play(PlayAct::Sound(n)),
                3.2,
                p,
            ));
            if play.sounds.contains(&n) {
                tile.insert(Chosen);
            }
        }
    });
    let lines: Vec<String> = play.sounds.iter().map(|n| subtitle(*n, lang)).collect();
    let shown = if lines.is_empty() {
        format!(
            "[{}: {}]",
            Msg::VdsSound.text(lang),
            Msg::VdsNothingYet.text(lang)
        )
    } else {
        lines.join("  ")
    };
    ui.spawn((Name::new("Sound subtitles"), theme::caption(&shown, 3.6)));
}
