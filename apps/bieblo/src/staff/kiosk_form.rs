//! A branch's kiosk settings as staff type them, and their check before sending: the
//! same rule as the server (`suite_domain::bieblo::kiosk::check_settings`), mapped onto
//! the fields.

use suite_domain::bieblo::kiosk::{
    IDLE_SECONDS_RANGE, KioskSettings, KioskSettingsUpdate, check_settings,
};
use suite_domain::i18n::{Lang, Msg};

/// The fields as typed (the idle time as text, so any input can be shown back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct KioskForm {
    pub(super) idle: String,
    pub(super) active: bool,
    pub(super) lang: Lang,
}

impl From<&KioskSettings> for KioskForm {
    fn from(settings: &KioskSettings) -> Self {
        KioskForm {
            idle: settings.idle_seconds.to_string(),
            active: settings.active,
            lang: settings.lang,
        }
    }
}

/// The message beside each field that is not right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct FormErrors {
    pub(super) idle: Option<Msg>,
}

/// The update to send, or what to fix first.
pub(super) fn check_form(form: &KioskForm) -> Result<KioskSettingsUpdate, FormErrors> {
    let idle = form
        .idle
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|s| IDLE_SECONDS_RANGE.contains(s));
    let update = KioskSettingsUpdate {
        idle_seconds: idle.unwrap_or(0),
        active: form.active,
        lang: form.lang,
    };
    match (idle, check_settings(&update)) {
        (Some(_), Ok(())) => Ok(update),
        _ => Err(FormErrors {
            idle: Some(Msg::BiebloStaffIdleRange),
        }),
    }
}
