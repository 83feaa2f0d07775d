//! One module per page of the app (see `route.rs`).

mod home;
mod kiosk;
mod kiosk_links;
mod library;
mod list;
mod staff;

pub(crate) use home::HomePage;
pub(crate) use kiosk::KioskPage;
pub(crate) use library::LibraryKiosksPage;
pub(crate) use list::ListPage;
pub(crate) use staff::BiebloStaff;
