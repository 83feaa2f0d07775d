//! The soundscape: the class chooses sound tiles for its set. Each chosen sound plays
//! (`audio`), "Beluister" plays them all together, and a subtitle names every chosen
//! sound on the board and in the live region, so it works with the sound off too.

use bevy::prelude::*;
use suite_domain::i18n::{Lang, Msg};

use super::Play;
use crate::{
    audio::{Cue, TILE_NAMES},
    controls::{self, Chosen},
    game::{Act, PlayAct},
    theme::{self, Palette},
    web,
};

/// Says a newly chosen sound through the live region.
pub(super) fn announce(n: usize, lang: Lang) {
    web::announce(&Cue::Sound(n).subtitle(lang));
}

pub(super) fn spawn(ui: &mut ChildSpawnerCommands, play: &Play, lang: Lang, p: &Palette) {
    ui.spawn(theme::text(
        Msg::VdsSoundHelp.text(lang),
        theme::size::SMALL,
        p.text,
    ));
    ui.spawn(Node {
        display: Display::Grid,
        grid_template_columns: RepeatedGridTrack::flex(4, 1.0),
        column_gap: Val::VMin(1.2),
        row_gap: Val::VMin(1.2),
        ..default()
    })
    .with_children(|grid| {
        for (n, sound) in TILE_NAMES.iter().enumerate() {
            let mut tile = grid.spawn(controls::button(
                sound.text(lang),
                Act::Play(PlayAct::Sound(n)),
                theme::size::BODY,
                p,
            ));
            if play.sounds.contains(&n) {
                tile.insert(Chosen);
            }
        }
    });
    let shown = if play.sounds.is_empty() {
        format!(
            "[{}: {}]",
            Msg::VdsSound.text(lang),
            Msg::VdsNothingYet.text(lang)
        )
    } else {
        Cue::Layers(play.sounds.clone()).subtitle(lang)
    };
    ui.spawn((
        Name::new("Sound subtitles"),
        theme::caption(&shown, theme::size::BODY),
    ));
    if !play.sounds.is_empty() {
        ui.spawn(controls::button(
            Msg::VdsListen.text(lang),
            Act::Play(PlayAct::Listen),
            theme::size::BODY,
            p,
        ));
    }
}
