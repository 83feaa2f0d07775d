//! The app's building blocks, one per file.

mod about_you;
mod actions;
pub(crate) mod choices;
mod feedback_chat;
mod poster;
mod share;
mod show_facts;
mod swipe_card;
mod tip_card;
mod trailer;

pub(crate) use about_you::AboutYou;
pub(crate) use actions::{SaveButton, TicketLink};
pub(crate) use feedback_chat::FeedbackChat;
pub(crate) use share::ShareButton;
pub(crate) use show_facts::ShowFacts;
pub(crate) use swipe_card::SwipeCard;
pub(crate) use tip_card::TipCard;
pub(crate) use trailer::TrailerMedia;
