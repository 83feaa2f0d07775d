//! One component per page of the app (see `route.rs`).

mod choose_centre;
mod programme;
mod saved;
mod show;
mod swipe;

pub(crate) use choose_centre::ChooseCentrePage;
pub(crate) use programme::ProgrammePage;
pub(crate) use saved::SavedPage;
pub(crate) use show::ShowPage;
pub(crate) use swipe::SwipePage;
