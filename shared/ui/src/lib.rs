//! Yew components shared by the apps of the suite: the page shell, language and contrast
//! switches, buttons and states, the swipe deck, the staff login and the typed API client.
//!
//! Architecture invariant: no app-specific code lives here. Every text a user sees comes
//! from the catalogue in `suite_domain::i18n`; every style comes from `style.css` (the
//! pages' Content Security Policy forbids `style=` attributes, so dynamic styles go
//! through the CSSOM).
//!
//! An app either calls [`run_app`] with its slug (the default frame: shell, API check,
//! staff page under `/<slug>/beheer`) or builds its own tree inside [`AppShell`], and
//! links the stylesheet in its `index.html`:
//! `<link data-trunk rel="css" href="../../shared/ui/style.css">`.

pub mod api;
pub mod back_office;
pub mod chart;
pub mod history;
pub mod i18n;
#[cfg(feature = "import-report")]
pub mod import_report;
pub mod json;
#[cfg(feature = "qr")]
pub mod qr;
pub mod url;

mod app_frame;
mod app_shell;
mod button;
mod card;
mod contrast_toggle;
mod deck_state;
mod dom;
mod empty_state;
mod error_state;
mod health_check;
mod lang_switch;
mod loading;
mod login_form;
mod org_choice;
mod ready;
mod section_views;
mod staff_page;
mod staff_panel;
mod swipe_deck;
mod swipe_drag;
mod text;

pub use api::ApiError;
pub use app_frame::{AppFrame, AppFrameProps, STAFF_SEGMENT, is_staff_path, run_app};
pub use app_shell::{AppShell, AppShellProps};
pub use button::{Button, ButtonProps, ButtonVariant};
pub use card::{Card, CardProps};
pub use contrast_toggle::ContrastToggle;
pub use deck_state::{DeckState, Verdict};
pub use dom::{after_first_view, after_next_paint};
pub use empty_state::{EmptyState, EmptyStateProps};
pub use error_state::{ErrorState, ErrorStateProps};
pub use health_check::HealthCheck;
pub use i18n::{LangProvider, LangProviderProps, use_lang, use_set_lang, use_t};
pub use lang_switch::LangSwitch;
pub use loading::Loading;
pub use login_form::{LoginForm, LoginFormProps};
pub use org_choice::{OrgChoice, OrgChoiceProps};
pub use ready::{mark_ready, use_mark_ready};
pub use section_views::{
    SectionViews, SectionViewsProps, VIEW_PARAM, View, view_index, view_query,
};
pub use staff_page::{StaffPage, StaffPageProps};
pub use staff_panel::{StaffPanel, StaffPanelProps};
pub use swipe_deck::{SwipeDeck, SwipeDeckProps};
pub use text::UiText;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
