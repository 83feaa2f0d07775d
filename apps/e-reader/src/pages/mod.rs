//! The app's screens, one per file.

mod collection;
mod history;
mod loans;
mod login;
mod reader;
mod reservations;

pub(crate) use collection::CollectionPage;
pub(crate) use loans::LoansPage;
pub(crate) use login::LoginPage;
pub(crate) use reader::ReaderPage;
