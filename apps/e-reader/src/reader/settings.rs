//! The display settings as a panel: a form of radio groups (colours, font family, line
//! spacing, margins), each change applied at once and kept on the device; Escape or
//! its close button closes it and gives the focus back to its button.

use suite_domain::i18n::Msg;
use suite_ui::use_t;
use yew::prelude::*;

use crate::reader::panel::{PanelHandlers, use_panel};

use crate::rules::{Family, Settings, Step, Theme};

#[derive(Properties, PartialEq)]
pub(crate) struct SettingsPanelProps {
    pub(crate) settings: Settings,
    pub(crate) on_change: Callback<Settings>,
    pub(crate) on_close: Callback<()>,
}

/// A choice of a radio group: its value's name and its label.
trait Choice: Copy + PartialEq + 'static {
    fn key(self) -> &'static str;
    fn label(self) -> Msg;
}

macro_rules! choice {
    ($($kind:ty),*) => {$(
        impl Choice for $kind {
            fn key(self) -> &'static str {
                <$kind>::key(self)
            }
            fn label(self) -> Msg {
                <$kind>::label(self)
            }
        }
    )*};
}

choice!(Theme, Family, Step);

/// One radio group: `name` is the group's name and its ids' prefix (`er-theme-dark`).
fn group<T: Choice>(
    t: &dyn Fn(Msg) -> &'static str,
    (name, legend): (&'static str, Msg),
    options: &[T],
    chosen: T,
    pick: Callback<T>,
) -> Html {
    html! {
        <fieldset class="er-settings__group">
            <legend class="er-settings__legend">{ t(legend) }</legend>
            { for options.iter().map(|&option| {
                let id = format!("{name}-{}", option.key());
                let onchange = {
                    let pick = pick.clone();
                    Callback::from(move |_: Event| pick.emit(option))
                };
                html! {
                    <label class="er-choice" for={id.clone()}>
                        <input type="radio" {id} name={name} value={option.key()}
                               checked={option == chosen} {onchange} />
                        <span>{ t(option.label()) }</span>
                    </label>
                }
            }) }
        </fieldset>
    }
}

#[function_component]
pub(crate) fn SettingsPanel(props: &SettingsPanelProps) -> Html {
    let t = use_t();
    let PanelHandlers { onkeydown, close } = use_panel("er-settings-close", &props.on_close);
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    let settings = props.settings;
    let pick_theme = {
        let on_change = props.on_change.clone();
        Callback::from(move |theme| on_change.emit(Settings { theme, ..settings }))
    };
    let pick_family = {
        let on_change = props.on_change.clone();
        Callback::from(move |family| on_change.emit(Settings { family, ..settings }))
    };
    let pick_line = {
        let on_change = props.on_change.clone();
        Callback::from(move |line| on_change.emit(Settings { line, ..settings }))
    };
    let pick_margin = {
        let on_change = props.on_change.clone();
        Callback::from(move |margin| on_change.emit(Settings { margin, ..settings }))
    };
    html! {
        <section id="er-settings" class="er-panel er-settings" aria-labelledby="er-settings-title" {onkeydown}>
            <div class="er-panel__head">
                <h3 id="er-settings-title" class="er-panel__title">{ t(Msg::EreaderSettings) }</h3>
                <button type="button" id="er-settings-close" class="er-button" onclick={close}>
                    { t(Msg::EreaderCloseSettings) }
                </button>
            </div>
            <form class="er-settings__form" {onsubmit}>
                { group(&t, ("er-theme", Msg::EreaderTheme), &Theme::ALL, settings.theme, pick_theme) }
                { group(&t, ("er-family", Msg::EreaderFamily), &Family::ALL, settings.family, pick_family) }
                { group(&t, ("er-line", Msg::EreaderLineHeight), &Step::ALL, settings.line, pick_line) }
                { group(&t, ("er-margin", Msg::EreaderMargins), &Step::ALL, settings.margin, pick_margin) }
            </form>
        </section>
    }
}
