//! The app's state and its reducer: who is logged in (once the server has said), and
//! which page is shown (from the address).

use std::rc::Rc;

use suite_domain::ereader::MemberInfo;
use yew::Reducible;

use crate::rules::Route;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct State {
    /// `None` until the server answered whether this browser is logged in.
    pub(crate) member: Option<Option<MemberInfo>>,
    pub(crate) route: Route,
}

pub(crate) enum Action {
    /// The server's answer: logged in as this member, or not.
    Checked(Option<MemberInfo>),
    LoggedOut,
    /// The address changed (a link, or back and forward).
    Moved(Route),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Checked(member) => next.member = Some(member),
            Action::LoggedOut => next.member = Some(None),
            Action::Moved(route) => next.route = route,
        }
        Rc::new(next)
    }
}
