//! `DoorButton`: a door (stairs, a lift) on a Quest's floor plan, at its place; it takes
//! the team to the floor plan on the other side.

use suite_domain::i18n::Msg;
use suite_ui::use_t;
use yew::prelude::*;

use super::spot::use_place;

#[derive(Properties, PartialEq)]
pub(crate) struct DoorButtonProps {
    /// What the door says ("Trap naar boven"); may be empty.
    pub(crate) label: AttrValue,
    /// The floor plan it leads to (from 1).
    pub(crate) to: usize,
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) on_go: Callback<()>,
}

#[function_component]
pub(crate) fn DoorButton(props: &DoorButtonProps) -> Html {
    let t = use_t();
    let button = use_node_ref();
    use_place(button.clone(), props.x, props.y);
    let go = format!("{} {}", t(Msg::BibTeamDoorTo), props.to);
    let label = if props.label.trim().is_empty() {
        go
    } else {
        format!("{}: {go}", props.label)
    };
    html! {
        <button type="button" ref={button} class="bib-door" aria-label={label.clone()} title={label}
                onclick={props.on_go.reform(|_| ())}>
            <span aria-hidden="true">{ format!("🚪 {}", props.to) }</span>
        </button>
    }
}
