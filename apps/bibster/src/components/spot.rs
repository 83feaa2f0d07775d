//! `SpotButton`: a large button on the floor plan at a task's place (set through the
//! CSSOM: the page's CSP forbids `style` attributes). A locked or done spot cannot be
//! opened.

use suite_domain::i18n::Msg;
use suite_ui::use_t;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::rules::SpotState;

#[derive(Properties, PartialEq)]
pub(crate) struct SpotButtonProps {
    pub(crate) number: usize,
    pub(crate) label: AttrValue,
    pub(crate) state: SpotState,
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) on_open: Callback<()>,
}

fn percent(share: f64) -> String {
    format!("{:.2}%", share.clamp(0.0, 1.0) * 100.0)
}

/// Places the element of `node` at `x`, `y` (0..1) of its plan, through the CSSOM.
#[hook]
pub(crate) fn use_place(node: NodeRef, x: f64, y: f64) {
    use_effect_with((x.to_bits(), y.to_bits()), move |&(x, y)| {
        if let Some(el) = node.cast::<HtmlElement>() {
            let style = el.style();
            let _ = style.set_property("left", &percent(f64::from_bits(x)));
            let _ = style.set_property("top", &percent(f64::from_bits(y)));
        }
    });
}

#[function_component]
pub(crate) fn SpotButton(props: &SpotButtonProps) -> Html {
    let t = use_t();
    let button = use_node_ref();
    use_place(button.clone(), props.x, props.y);
    let (class, state_text) = match &props.state {
        SpotState::Open => ("bib-spot--open", Msg::BibTeamSpotOpen),
        SpotState::Locked(_) => ("bib-spot--locked", Msg::BibTeamSpotLocked),
        SpotState::Done => ("bib-spot--done", Msg::BibTeamSpotDone),
    };
    let open = props.state == SpotState::Open;
    let label = format!(
        "{} {}: {} ({})",
        t(Msg::BibTeamTaskHeading),
        props.number,
        props.label,
        t(state_text).trim_end_matches(':')
    );
    html! {
        <button type="button" ref={button} class={classes!("bib-spot", class)}
                disabled={!open} aria-label={label}
                onclick={props.on_open.reform(|_| ())}>
            <span aria-hidden="true">
                { match props.state { SpotState::Done => "✓".to_string(), _ => props.number.to_string() } }
            </span>
        </button>
    }
}
