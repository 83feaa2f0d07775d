//! The kiosk's pieces: one component per screen of a visit, and the parts they share.

mod age_choice;
mod age_picture;
mod book_cover;
mod book_list;
mod idle_overlay;
mod kiosk_visit;
mod shelf_book;
mod shelf_view;
mod start_screen;
mod take_list;
mod theme_deck;

pub(crate) use book_list::book_list;
pub(crate) use kiosk_visit::KioskVisit;
