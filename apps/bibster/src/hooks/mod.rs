//! The app's effects: sending the answers kept on the device, and the session's live
//! events.

mod use_live;
mod use_outbox;

pub(crate) use use_live::use_live;
pub(crate) use use_outbox::use_outbox;
