//! `Button`: the suite's one button, with a minimum touch target of 48×48 CSS pixels
//! (72 for `big`) and three looks.

use yew::prelude::*;

/// The look of a [`Button`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ButtonVariant {
    /// The main action of a screen.
    #[default]
    Primary,
    /// Any other action.
    Secondary,
    /// An action that removes or cannot be undone.
    Danger,
}

impl ButtonVariant {
    fn class(self) -> &'static str {
        match self {
            ButtonVariant::Primary => "btn--primary",
            ButtonVariant::Secondary => "btn--secondary",
            ButtonVariant::Danger => "btn--danger",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ButtonProps {
    #[prop_or_default]
    pub onclick: Callback<MouseEvent>,
    #[prop_or_default]
    pub children: Html,
    #[prop_or_default]
    pub variant: ButtonVariant,
    #[prop_or_default]
    pub disabled: bool,
    /// Extra large touch target (72 CSS pixels), for kiosks, digibords and small hands.
    #[prop_or_default]
    pub big: bool,
    /// Only when the visible content does not say what the button does.
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    /// `aria-pressed` of a toggle button (`"true"` or `"false"`), none for a plain one.
    #[prop_or_default]
    pub aria_pressed: Option<AttrValue>,
    /// The `type` attribute: `button`, or `submit` in forms.
    #[prop_or(AttrValue::Static("button"))]
    pub kind: AttrValue,
    /// Extra classes, e.g. to find the button in tests or to place it.
    #[prop_or_default]
    pub class: Classes,
}

#[function_component]
pub fn Button(props: &ButtonProps) -> Html {
    let class = classes!(
        "btn",
        props.variant.class(),
        props.big.then_some("btn--big"),
        props.class.clone()
    );
    html! {
        <button
            type={props.kind.clone()}
            {class}
            onclick={props.onclick.clone()}
            disabled={props.disabled}
            aria-label={props.aria_label.clone()}
            aria-pressed={props.aria_pressed.clone()}
        >
            { props.children.clone() }
        </button>
    }
}
