//! The suite's two settings the game follows: the language (`suite.lang` in
//! `localStorage`, `en...` is English, anything else Dutch) and the high-contrast
//! look (`suite.theme` = `digibord`). Read at start; the in-game buttons switch them
//! and write the same keys, so the suite's other apps follow too. The game's own
//! third: its sound on or off (`voor-de-show.sound`).

use bevy::prelude::*;
use suite_domain::i18n::Lang;

use crate::{game::Act, web};

/// `localStorage` key of the suite's language (a BCP 47 tag).
pub(crate) const LANG_KEY: &str = "suite.lang";
/// `localStorage` key of the suite's theme (`digibord` or `default`).
pub(crate) const THEME_KEY: &str = "suite.theme";
/// `localStorage` key of the game's sound (`off`; anything else is on).
pub(crate) const SOUND_KEY: &str = "voor-de-show.sound";

pub(super) fn plugin(app: &mut App) {
    let mut settings = Settings::from_stored(
        web::load(LANG_KEY).as_deref(),
        web::load(THEME_KEY).as_deref(),
    );
    settings.sound = web::load(SOUND_KEY).as_deref() != Some("off");
    app.insert_resource(settings);
    app.add_systems(Update, switch_settings);
}

/// The language and the look the game uses now.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Settings {
    pub(crate) lang: Lang,
    pub(crate) high_contrast: bool,
    /// The game's own sound (the subtitles show either way).
    pub(crate) sound: bool,
}

impl Settings {
    /// The settings from the stored values (absent or unknown ones give Dutch and the
    /// standard look).
    pub(crate) fn from_stored(lang: Option<&str>, theme: Option<&str>) -> Settings {
        let english = lang.is_some_and(|l| l.trim().to_ascii_lowercase().starts_with("en"));
        Settings {
            lang: if english { Lang::En } else { Lang::Nl },
            high_contrast: theme.map(str::trim) == Some("digibord"),
            sound: true,
        }
    }
}

fn switch_settings(mut acts: MessageReader<Act>, mut settings: ResMut<Settings>) {
    for act in acts.read() {
        match act {
            Act::ToggleLanguage => {
                settings.lang = match settings.lang {
                    Lang::Nl => Lang::En,
                    Lang::En => Lang::Nl,
                };
                web::save(LANG_KEY, settings.lang.tag());
            }
            Act::ToggleContrast => {
                settings.high_contrast = !settings.high_contrast;
                let theme = if settings.high_contrast {
                    "digibord"
                } else {
                    "default"
                };
                web::save(THEME_KEY, theme);
            }
            Act::ToggleSound => {
                settings.sound = !settings.sound;
                web::save(SOUND_KEY, if settings.sound { "on" } else { "off" });
            }
            _ => {}
        }
    }
}
