//! `Feedback`: what became of the answer just given: right (with its points), wrong,
//! waiting for the leader, or kept on the device until it is sent; then "Verder".

use suite_domain::bibster::api::TeamAnswer;
use suite_domain::bibster::task::Verdict;
use suite_domain::i18n::Msg;
use suite_ui::{Button, use_t};
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(crate) struct FeedbackProps {
    /// The server's verdict, once it has one.
    pub(crate) result: Option<TeamAnswer>,
    /// Still kept on the device.
    pub(crate) waiting: bool,
    pub(crate) on_next: Callback<()>,
}

#[function_component]
pub(crate) fn Feedback(props: &FeedbackProps) -> Html {
    let t = use_t();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let (class, text) = match &props.result {
        Some(a) if a.verdict == Verdict::Right => ("bib-feedback--right", Msg::BibTeamRight),
        Some(a) if a.verdict == Verdict::Wrong => ("bib-feedback--wrong", Msg::BibTeamWrong),
        Some(_) => ("bib-feedback--review", Msg::BibTeamToReview),
        None if props.waiting => ("bib-feedback--waiting", Msg::BibTeamPending),
        None => ("bib-feedback--waiting", Msg::Loading),
    };
    let points = props
        .result
        .as_ref()
        .filter(|a| a.verdict == Verdict::Right)
        .map(|a| a.points);
    html! {
        <section class={classes!("bib-feedback", class)} aria-live="polite">
            <h2 class="bib-feedback__verdict" tabindex="-1" ref={heading}>{ t(text) }</h2>
            if let Some(points) = points {
                <p class="bib-feedback__points">{ t(Msg::BibTeamPointsEarned) }{ " " }<strong>{ points }</strong></p>
            }
            <Button big=true class="bib-next" onclick={props.on_next.reform(|_| ())}>{ t(Msg::BibTeamNext) }</Button>
        </section>
    }
}
