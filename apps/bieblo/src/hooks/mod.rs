//! The app's effects as hooks: window events, the idle timer, loading the kiosk's data
//! and reporting anonymous usage and the kiosk's heartbeat.

mod heartbeat;
mod use_idle;
mod use_kiosk_data;
mod use_usage_report;
mod use_window_event;

pub(crate) use use_idle::use_idle;
pub(crate) use use_kiosk_data::{KioskData, use_kiosk_data};
pub(crate) use use_usage_report::use_usage_report;
pub(crate) use use_window_event::use_window_event;
