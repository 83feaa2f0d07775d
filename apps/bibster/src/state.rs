//! The app's state and its reducer: the team this device joined as, the last state the
//! server sent (with the offset between its clock and the device's), and why it could
//! not be read.

use std::rc::Rc;

use suite_domain::bibster::api::{Joined, PlayState, TaskOpened};
use suite_ui::ApiError;
use yew::Reducible;

use crate::rules::clock_offset;

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct State {
    pub(crate) team: Option<Joined>,
    pub(crate) play: Option<PlayState>,
    /// The server's clock less the device's.
    pub(crate) offset_ms: i64,
    /// The last read of the state failed (the team plays on with what it has).
    pub(crate) error: Option<ApiError>,
    /// The leader removed the team: the server's message.
    pub(crate) removed: Option<String>,
}

pub(crate) enum Action {
    Joined(Joined),
    /// A state read at the device's time (ms).
    Loaded(PlayState, i64),
    Opened(TaskOpened),
    Failed(ApiError),
    Removed(String),
    /// The device forgets the team (a new game, or the server no longer knows it).
    Left,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Joined(team) => {
                next = State {
                    team: Some(team),
                    ..State::default()
                };
            }
            Action::Loaded(play, device_now) => {
                next.offset_ms = clock_offset(play.now_ms, device_now);
                next.play = Some(play);
                next.error = None;
            }
            Action::Opened(opened) => {
                if let Some(play) = next.play.as_mut() {
                    match play.opened.iter_mut().find(|o| o.task == opened.task) {
                        Some(known) => {
                            known.opened_ms = opened.opened_ms;
                            if opened.hint.is_some() {
                                known.hint = opened.hint;
                            }
                        }
                        None => play.opened.push(opened),
                    }
                }
            }
            Action::Failed(error) => next.error = Some(error),
            Action::Removed(message) => next.removed = Some(message),
            Action::Left => next = State::default(),
        }
        Rc::new(next)
    }
}
