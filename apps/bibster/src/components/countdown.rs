//! `Countdown`: the time left of a task's limit, from its opening on the server's clock
//! (`rules::seconds_left` with the clock offset), ticking each second.

use suite_domain::i18n::Msg;
use suite_ui::use_t;
use yew::prelude::*;

use crate::rules::{clock_text, seconds_left};

#[derive(Properties, PartialEq)]
pub(crate) struct CountdownProps {
    pub(crate) opened_ms: i64,
    pub(crate) limit_secs: u32,
    pub(crate) offset_ms: i64,
}

#[function_component]
pub(crate) fn Countdown(props: &CountdownProps) -> Html {
    let t = use_t();
    let now = use_state(js_sys::Date::now);
    {
        let now = now.clone();
        use_effect_with((), move |_| {
            let tick =
                gloo_timers::callback::Interval::new(1000, move || now.set(js_sys::Date::now()));
            move || drop(tick)
        });
    }
    let left = seconds_left(
        props.opened_ms,
        props.limit_secs,
        props.offset_ms,
        *now as i64,
    );
    if left == 0 {
        return html! { <p class="bib-countdown bib-countdown--up" role="status">{ t(Msg::BibTeamTimeUp) }</p> };
    }
    html! {
        <p class="bib-countdown" role="timer">
            { t(Msg::BibTeamTimeLeft) }{ " " }<strong>{ clock_text(left) }</strong>
        </p>
    }
}
