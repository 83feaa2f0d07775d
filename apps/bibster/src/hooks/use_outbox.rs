//! `use_outbox`: answers go into the device's storage first and are sent until the
//! server confirms them; on a network error, 429 or a server error again after a
//! growing pause (`rules::backoff_ms`), a refusal is shown and dropped. What waits is
//! sent again after a reload.

use std::rc::Rc;

use suite_ui::use_lang;
use yew::prelude::*;

use crate::net;
use crate::rules::{Pending, SendOutcome, backoff_ms, send_outcome};
use crate::store;

/// The queue as the page shows it, and how to add to it.
#[derive(Clone, PartialEq)]
pub(crate) struct Outbox {
    pub(crate) pending: Vec<Pending>,
    pub(crate) push: Callback<Pending>,
    /// The server's message for the last answer it refused.
    pub(crate) refused: Option<String>,
}

#[derive(Default, PartialEq)]
struct Version(u32);

impl Reducible for Version {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Version(self.0.wrapping_add(1)))
    }
}

#[hook]
pub(crate) fn use_outbox(token: Option<String>, arrived: Callback<()>) -> Outbox {
    let version = use_reducer(Version::default);
    let sending = use_mut_ref(|| false);
    let failures = use_mut_ref(|| 0u32);
    let refused = use_state(|| None::<String>);
    let lang = use_lang();
    {
        let bump = version.dispatcher();
        let refused = refused.clone();
        use_effect_with((version.0, token), move |(_, token)| {
            let first = store::pending().into_iter().next();
            let busy = *sending.borrow();
            if let (Some(token), Some(first), false) = (token.clone(), first, busy) {
                *sending.borrow_mut() = true;
                yew::platform::spawn_local(async move {
                    let result = net::answer(&token, &first.task, &first.answer).await;
                    *sending.borrow_mut() = false;
                    let status = result.as_ref().map_or_else(|e| e.status, |_| 200);
                    match send_outcome(status) {
                        SendOutcome::Confirmed => {
                            *failures.borrow_mut() = 0;
                            store::remove_pending(&first.task);
                            bump.dispatch(());
                            arrived.emit(());
                        }
                        SendOutcome::Retry => {
                            let wait = backoff_ms(*failures.borrow());
                            *failures.borrow_mut() += 1;
                            gloo_timers::callback::Timeout::new(wait, move || bump.dispatch(()))
                                .forget();
                        }
                        SendOutcome::Drop => {
                            store::remove_pending(&first.task);
                            if let Err(error) = result {
                                refused.set(Some(error.localized(lang)));
                            }
                            bump.dispatch(());
                            arrived.emit(());
                        }
                    }
                });
            }
        });
    }
    let push = {
        let bump = version.dispatcher();
        let refused = refused.clone();
        Callback::from(move |answer: Pending| {
            refused.set(None);
            store::push_pending(answer);
            bump.dispatch(());
        })
    };
    Outbox {
        pending: store::pending(),
        push,
        refused: (*refused).clone(),
    }
}
