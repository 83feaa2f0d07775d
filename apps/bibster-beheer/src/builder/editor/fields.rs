//! The editor's form fields as plain functions: a text (one line or several), a number
//! typed as text (a Dutch comma is fine), a checkbox and a list of texts with buttons to
//! add and remove; each with its label, its problem under it and the `aria-*` wiring.

use suite_domain::i18n::{Lang, Msg};
use suite_ui::back_office::{described, field_error};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A text field `id` with `label`, showing `value`; `on` gets every change.
pub(crate) fn text(
    id: &str,
    label: &str,
    value: &str,
    error: Option<Msg>,
    lang: Lang,
    on: Callback<String>,
) -> Html {
    let (invalid, describedby) = described(id, error, None);
    let oninput = on.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <div class={classes!("field", error.is_some().then_some("field--invalid"))}>
            <label for={id.to_string()}>{ label.to_string() }</label>
            <input id={id.to_string()} type="text" value={value.to_string()} {oninput}
                aria-invalid={invalid} aria-describedby={describedby} />
            { field_error(id, error, lang) }
        </div>
    }
}

/// A text of several lines.
pub(crate) fn area(
    id: &str,
    label: &str,
    value: &str,
    error: Option<Msg>,
    lang: Lang,
    on: Callback<String>,
) -> Html {
    let (invalid, describedby) = described(id, error, None);
    let oninput =
        on.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    html! {
        <div class={classes!("field", error.is_some().then_some("field--invalid"))}>
            <label for={id.to_string()}>{ label.to_string() }</label>
            <textarea id={id.to_string()} value={value.to_string()} {oninput} rows="3"
                aria-invalid={invalid} aria-describedby={describedby} />
            { field_error(id, error, lang) }
        </div>
    }
}

/// A number typed as text (`inputmode` decimal or numeric); `on` gets the text.
pub(crate) fn number(
    id: &str,
    label: &str,
    value: &str,
    decimal: bool,
    error: Option<Msg>,
    lang: Lang,
    on: Callback<String>,
) -> Html {
    let (invalid, describedby) = described(id, error, None);
    let oninput = on.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let mode = if decimal { "decimal" } else { "numeric" };
    html! {
        <div class={classes!("field", "bb-number", error.is_some().then_some("field--invalid"))}>
            <label for={id.to_string()}>{ label.to_string() }</label>
            <input id={id.to_string()} type="text" inputmode={mode} value={value.to_string()} {oninput}
                aria-invalid={invalid} aria-describedby={describedby} />
            { field_error(id, error, lang) }
        </div>
    }
}

/// A checkbox `id` with `label`.
pub(crate) fn check(id: &str, label: &str, checked: bool, on: Callback<bool>) -> Html {
    let onchange = on.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    html! {
        <label class="bo-check" for={id.to_string()}>
            <input id={id.to_string()} type="checkbox" {checked} {onchange} />{ label.to_string() }
        </label>
    }
}

/// A small button whose accessible name says what it acts on.
pub(crate) fn small_button(
    label: &str,
    name: &str,
    class: &'static str,
    disabled: bool,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" class={classes!("btn", "btn--secondary", "bb-small", class)} {onclick} {disabled}
            aria-label={name.to_string()}>{ label.to_string() }</button>
    }
}

/// A list of texts (options, accepted answers, items): one field per text, named
/// `{item} {n}`, with a button to remove it, and one to add a text. `extra` adds a
/// control beside a text (a multiple-choice option's "right" box).
pub(crate) struct TextList<'a> {
    /// The id of the group; a text's field is `{id}-{n}`.
    pub(crate) id: String,
    pub(crate) legend: Msg,
    pub(crate) item: Msg,
    pub(crate) items: &'a [String],
    pub(crate) error: Option<Msg>,
    pub(crate) help: Option<Msg>,
    pub(crate) on: Callback<Vec<String>>,
    pub(crate) extra: Option<&'a dyn Fn(usize) -> Html>,
}

impl TextList<'_> {
    pub(crate) fn view(&self, lang: Lang) -> Html {
        let help_id = self.help.map(|_| format!("{}-help", self.id));
        let (_, describedby) = described(&self.id, self.error, help_id.as_deref());
        let rows = self.items.iter().enumerate().map(|(n, value)| {
            let field = format!("{}-{n}", self.id);
            let label = format!("{} {}", self.item.text(lang), n + 1);
            let oninput = {
                let (items, on) = (self.items.to_vec(), self.on.clone());
                Callback::from(move |e: InputEvent| {
                    let mut items = items.clone();
                    items[n] = e.target_unchecked_into::<HtmlInputElement>().value();
                    on.emit(items);
                })
            };
            let remove = {
                let (items, on) = (self.items.to_vec(), self.on.clone());
                Callback::from(move |_: MouseEvent| {
                    let mut items = items.clone();
                    items.remove(n);
                    on.emit(items);
                })
            };
            let extra = self.extra.map(|extra| extra(n));
            html! {
                <li class="bb-list__row">
                    <div class="field">
                        <label for={field.clone()}>{ label.clone() }</label>
                        <input id={field} type="text" value={value.clone()} {oninput} />
                    </div>
                    { extra }
                    { small_button(Msg::BibBuildRemove.text(lang), &format!("{}: {label}", Msg::BibBuildRemove.text(lang)), "bb-remove-item", false, remove) }
                </li>
            }
        });
        let add = {
            let (items, on) = (self.items.to_vec(), self.on.clone());
            Callback::from(move |_: MouseEvent| {
                let mut items = items.clone();
                items.push(String::new());
                on.emit(items);
            })
        };
        let add_name = format!("{}: {}", Msg::BibBuildAdd.text(lang), self.item.text(lang));
        html! {
            <fieldset id={self.id.clone()} class="bb-list" aria-describedby={describedby}>
                <legend>{ self.legend.text(lang) }</legend>
                if let (Some(help), Some(help_id)) = (self.help, help_id.clone()) {
                    <p id={help_id} class="field-help">{ help.text(lang) }</p>
                }
                <ol class="bb-list__rows">{ for rows }</ol>
                { small_button(&add_name, &add_name, "bb-add-item", false, add) }
                { field_error(&self.id, self.error, lang) }
            </fieldset>
        }
    }
}
