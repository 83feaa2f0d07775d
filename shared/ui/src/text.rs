//! `UiText`: a prop that is either a catalogue message (translated at render time) or a
//! text the app already has (a title from the API, an error message).

use suite_domain::i18n::{Lang, Msg};
use yew::AttrValue;
use yew::html::IntoPropValue;

/// A text to show: a catalogue key or a ready-made string.
///
/// Props of this type accept a [`Msg`], an [`AttrValue`], a `&'static str` or a `String`.
#[derive(Debug, Clone, PartialEq)]
pub enum UiText {
    Msg(Msg),
    Text(AttrValue),
}

impl UiText {
    /// The text in `lang` (ready-made strings are returned as they are).
    pub fn resolve(&self, lang: Lang) -> AttrValue {
        match self {
            UiText::Msg(msg) => AttrValue::Static(msg.text(lang)),
            UiText::Text(text) => text.clone(),
        }
    }
}

impl From<Msg> for UiText {
    fn from(msg: Msg) -> Self {
        UiText::Msg(msg)
    }
}

impl From<AttrValue> for UiText {
    fn from(text: AttrValue) -> Self {
        UiText::Text(text)
    }
}

impl From<&'static str> for UiText {
    fn from(text: &'static str) -> Self {
        UiText::Text(AttrValue::Static(text))
    }
}

impl From<String> for UiText {
    fn from(text: String) -> Self {
        UiText::Text(AttrValue::from(text))
    }
}

macro_rules! into_ui_text {
    ($($from:ty),*) => {$(
        impl IntoPropValue<UiText> for $from {
            fn into_prop_value(self) -> UiText {
                UiText::from(self)
            }
        }
    )*};
}

into_ui_text!(Msg, AttrValue, &'static str, String);
