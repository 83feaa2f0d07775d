//! The screens: joining, playing, the end of the game, and a removed team.

mod end;
mod join;
mod play;

pub(crate) use end::{EndPage, RemovedPage};
pub(crate) use join::JoinPage;
pub(crate) use play::PlayPage;
