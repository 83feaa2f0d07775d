//! The kiosk settings form as staff type it, and its check before sending: the same rule
//! as the server (`suite_domain::bieblo::kiosk::check_settings`), mapped onto the fields.

use suite_domain::bieblo::kiosk::{
    DEFAULT_IDLE_SECONDS, IDLE_SECONDS_RANGE, KioskSettings, KioskSettingsUpdate, check_settings,
};
use suite_domain::i18n::Msg;

/// The fields as typed (the idle time as text, so any input can be shown back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct KioskForm {
    pub(super) branch: String,
    pub(super) idle: String,
    pub(super) active: bool,
}

impl Default for KioskForm {
    /// A library without a kiosk yet: no branch, the default idle time, switched off.
    fn default() -> Self {
        KioskForm {
            branch: String::new(),
            idle: DEFAULT_IDLE_SECONDS.to_string(),
            active: false,
        }
    }
}

impl From<&KioskSettings> for KioskForm {
    fn from(settings: &KioskSettings) -> Self {
        KioskForm {
            branch: settings.branch.clone(),
            idle: settings.idle_seconds.to_string(),
            active: settings.active,
        }
    }
}

/// The message beside each field that is not right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct FormErrors {
    pub(super) branch: Option<Msg>,
    pub(super) idle: Option<Msg>,
}

impl FormErrors {
    pub(super) fn any(&self) -> bool {
        self.branch.is_some() || self.idle.is_some()
    }
}

/// The update to send, or what to fix first.
pub(super) fn check_form(form: &KioskForm) -> Result<KioskSettingsUpdate, FormErrors> {
    let idle = form.idle.trim().parse::<u32>().ok();
    let update = KioskSettingsUpdate {
        branch: form.branch.trim().to_owned(),
        idle_seconds: idle.unwrap_or(0),
        active: form.active,
    };
    let mut errors = FormErrors {
        branch: None,
        // Checked here too, so both fields get their message at once.
        idle: (!idle.is_some_and(|s| IDLE_SECONDS_RANGE.contains(&s)))
            .then_some(Msg::BiebloStaffIdleRange),
    };
    match check_settings(&update) {
        Err(error) if error.field == "branch" => errors.branch = Some(error.message),
        Err(_) => errors.idle = Some(Msg::BiebloStaffIdleRange),
        Ok(()) => {}
    }
    if errors.any() {
        Err(errors)
    } else {
        Ok(update)
    }
}
