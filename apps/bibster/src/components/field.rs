//! `Field`: a label, a help text, the input itself and the place of its error (the
//! server's Dutch message), tied together with `{id}-help` and `{id}-error`.

use suite_domain::i18n::Msg;
use suite_ui::use_t;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(crate) struct FieldProps {
    pub(crate) id: AttrValue,
    pub(crate) label: Msg,
    #[prop_or_default]
    pub(crate) help: Option<Msg>,
    #[prop_or_default]
    pub(crate) error: Option<String>,
    pub(crate) children: Html,
}

#[function_component]
pub(crate) fn Field(props: &FieldProps) -> Html {
    let t = use_t();
    html! {
        <div class="bib-field">
            <label class="bib-label" for={props.id.clone()}>{ t(props.label) }</label>
            if let Some(help) = props.help {
                <p id={format!("{}-help", props.id)} class="bib-help">{ t(help) }</p>
            }
            { props.children.clone() }
            <p id={format!("{}-error", props.id)} class="field-error bib-field-error">
                { props.error.clone().unwrap_or_default() }
            </p>
        </div>
    }
}
