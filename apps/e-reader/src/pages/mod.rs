//! The app's screens, one per file.

mod collection;
mod loans;
mod login;
mod reader;

pub(crate) use collection::CollectionPage;
pub(crate) use loans::LoansPage;
pub(crate) use login::LoginPage;
pub(crate) use reader::ReaderPage;
