//! What every panel beside the book does alike: on opening the focus goes to its first
//! control, Escape anywhere in it closes it, and its close button does too (the page
//! then gives the focus back to the panel's button).

use yew::prelude::*;

/// The panel's handlers: `onkeydown` for its outer element, `close` for its button.
pub(crate) struct PanelHandlers {
    pub(crate) onkeydown: Callback<KeyboardEvent>,
    pub(crate) close: Callback<MouseEvent>,
}

/// Focuses the element with id `focus` once the panel is shown, and answers its
/// handlers, which call `on_close`.
#[hook]
pub(crate) fn use_panel(focus: &'static str, on_close: &Callback<()>) -> PanelHandlers {
    use_effect_with((), move |()| {
        suite_ui::back_office::focus_id_soon(focus.into());
    });
    let onkeydown = {
        let on_close = on_close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                on_close.emit(());
            }
        })
    };
    let close = {
        let on_close = on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    PanelHandlers { onkeydown, close }
}
