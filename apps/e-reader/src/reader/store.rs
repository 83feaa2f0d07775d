//! The reader's settings in the device's storage (`localStorage`), the same for every
//! book.

use crate::rules::Settings;

const KEY: &str = "e-reader.settings";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub(crate) fn settings() -> Settings {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .map_or_else(Settings::default, |text| Settings::parse(&text))
}

pub(crate) fn set_settings(settings: Settings) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(KEY, &settings.to_text());
    }
}
