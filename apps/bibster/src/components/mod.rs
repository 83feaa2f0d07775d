//! The parts of the screens, one component per file.

mod choice;
mod countdown;
mod door;
mod feedback;
mod field;
mod hint;
mod messages;
mod order;
mod pairs;
mod photo;
mod quest_board;
mod spot;
mod status_bar;
mod task_view;
mod typed;

pub(crate) use feedback::Feedback;
pub(crate) use field::Field;
pub(crate) use messages::Messages;
pub(crate) use quest_board::QuestBoard;
pub(crate) use status_bar::StatusBar;
pub(crate) use task_view::TaskView;
