//! What the start page and a library's kiosk choice both show: a list of kiosks to start,
//! and the error of a failed load with a retry button.

use suite_domain::i18n::{Lang, Msg};
use suite_ui::ErrorState;
use yew::prelude::*;

use crate::fetch::FetchError;
use crate::route::kiosk_href;

/// One kiosk to start: its library (id, name) and branch (id, name).
pub(super) struct KioskLink<'a> {
    pub(super) library: &'a str,
    pub(super) library_name: &'a str,
    pub(super) branch_id: &'a str,
    pub(super) branch: &'a str,
}

/// The kiosks as links that start them.
pub(super) fn kiosk_links<'a>(kiosks: impl Iterator<Item = KioskLink<'a>>, lang: Lang) -> Html {
    let items = kiosks.map(|kiosk| {
        let text = format!(
            "{} {} — {}",
            Msg::BiebloStartKiosk.text(lang),
            kiosk.library_name,
            kiosk.branch
        );
        html! {
            <li><a class="kiosk-link" href={kiosk_href(kiosk.library, kiosk.branch_id)}>{ text }</a></li>
        }
    });
    html! { <ul class="kiosk-links">{ for items }</ul> }
}

/// A failed load, with a button that bumps `attempt` to load again.
pub(super) fn load_failed(error: FetchError, attempt: &UseStateHandle<u32>) -> Html {
    let message = match error {
        FetchError::Missing => Msg::ErrNotFound,
        FetchError::Unreachable => Msg::ErrNetwork,
    };
    let attempt = attempt.clone();
    html! {
        <ErrorState {message} on_retry={Callback::from(move |()| attempt.set(*attempt + 1))} />
    }
}
