//! The table of contents as a panel: a list of buttons (nested as the book nests them)
//! that jump to their place; Escape closes it and the focus goes back to its button.

use suite_domain::ereader::TocView;
use suite_domain::i18n::Msg;
use suite_ui::use_t;
use yew::prelude::*;

use crate::reader::panel::{PanelHandlers, use_panel};

#[derive(Properties, PartialEq)]
pub(crate) struct TocPanelProps {
    pub(crate) entries: Vec<TocView>,
    pub(crate) on_jump: Callback<TocView>,
    pub(crate) on_close: Callback<()>,
}

fn items(entries: &[TocView], on_jump: &Callback<TocView>) -> Html {
    html! {
        <ul class="er-toc__list">
            { for entries.iter().map(|entry| {
                let onclick = {
                    let (entry, on_jump) = (entry.clone(), on_jump.clone());
                    Callback::from(move |_: MouseEvent| on_jump.emit(entry.clone()))
                };
                html! {
                    <li>
                        <button type="button" class="er-toc__entry" {onclick}>{ &entry.label }</button>
                        if !entry.children.is_empty() {
                            { items(&entry.children, on_jump) }
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

#[function_component]
pub(crate) fn TocPanel(props: &TocPanelProps) -> Html {
    let t = use_t();
    let PanelHandlers { onkeydown, close } = use_panel("er-toc-close", &props.on_close);
    html! {
        <nav id="er-toc" class="er-toc" aria-label={t(Msg::EreaderContents)} {onkeydown}>
            <button type="button" id="er-toc-close" class="er-button" onclick={close}>
                { t(Msg::EreaderCloseContents) }
            </button>
            { items(&props.entries, &props.on_jump) }
        </nav>
    }
}
