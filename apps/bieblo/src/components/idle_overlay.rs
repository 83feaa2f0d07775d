//! The "are you still there?" overlay over the whole kiosk while the idle countdown runs;
//! any touch or key makes it go away (the idle hook listens on the window).

use suite_domain::i18n::{Lang, Msg};
use yew::prelude::*;

/// The overlay with the `seconds` left before the kiosk starts over.
pub(super) fn idle_overlay(seconds: u32, lang: Lang) -> Html {
    html! {
        <div class="idle-countdown" role="alertdialog" aria-modal="true"
             aria-labelledby="idle-question">
            <div class="idle-countdown__box">
                <p id="idle-question" class="idle-countdown__question">
                    { Msg::BiebloIdleQuestion.text(lang) }
                </p>
                <p class="idle-countdown__seconds" aria-live="polite">{ seconds }</p>
            </div>
        </div>
    }
}
