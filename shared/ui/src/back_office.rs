//! Pieces every staff back-office shares: the section frame, a data table with row
//! headers, an API error with a retry button, the message under a field with its `aria-*` wiring, live notices after a
//! change, and moving the keyboard focus. Plain functions, not components, to keep the
//! wasm small.
//!
//! ```ignore
//! let (invalid, describedby) = described("kiosk-idle", errors.idle, Some("kiosk-idle-help"));
//! html! { <input id="kiosk-idle" aria-invalid={invalid} aria-describedby={describedby} /> }
//! ```

use suite_domain::i18n::{Lang, Msg};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::ErrorState;
use crate::api::ApiError;

/// A submit handler for a form with a period's two date inputs (`from`, `to`): emits the
/// period's query ([`crate::url::period_query`]) to `chosen`.
pub fn on_period_submit(
    from: &NodeRef,
    to: &NodeRef,
    chosen: Callback<String>,
) -> Callback<SubmitEvent> {
    let (from, to) = (from.clone(), to.clone());
    Callback::from(move |event: SubmitEvent| {
        event.prevent_default();
        let value = |input: &NodeRef| {
            input
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default()
        };
        chosen.emit(crate::url::period_query(&value(&from), &value(&to)));
    })
}

/// A section of a back-office under its heading; `id` is the heading's (it can take the
/// focus, for links that jump to it).
pub fn section(id: &'static str, title: Msg, lang: Lang, body: Html) -> Html {
    html! {
        <section class="card bo-section" aria-labelledby={id}>
            <h3 {id} tabindex="-1">{ title.text(lang) }</h3>
            { body }
        </section>
    }
}

/// One body row of a [`Table`]: the text of its header cell and of its other cells.
pub type Row = (String, Vec<String>);

/// A table whose first column heads the rows.
pub struct Table {
    pub class: &'static str,
    pub caption: Msg,
    /// The caption only for screen readers, when a heading above already says it.
    pub caption_hidden: bool,
    pub columns: &'static [Msg],
    /// Right-aligns every column after the first.
    pub numeric: bool,
    /// The class of every body row.
    pub row_class: Option<&'static str>,
}

impl Table {
    pub fn view(&self, rows: Vec<Row>, lang: Lang) -> Html {
        let num = self.numeric.then_some("bo-num");
        let columns = self.columns.iter().enumerate().map(|(i, column)| {
            html! { <th scope="col" class={classes!((i > 0).then_some(num).flatten())}>{ column.text(lang) }</th> }
        });
        let rows = rows.into_iter().map(|(head, cells)| {
            let cells = cells.into_iter().map(|cell| html! { <td class={classes!(num)}>{ cell }</td> });
            html! { <tr class={classes!(self.row_class)}><th scope="row">{ head }</th>{ for cells }</tr> }
        });
        let caption_class = classes!(self.caption_hidden.then_some("visually-hidden"));
        html! {
            <table class={classes!("bo-table", self.class)}>
                <caption class={caption_class}>{ self.caption.text(lang) }</caption>
                <thead><tr>{ for columns }</tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        }
    }
}

/// The error of a failed load, with a button that bumps `attempt` to load again.
pub fn load_failed(error: &ApiError, lang: Lang, attempt: &UseStateHandle<u32>) -> Html {
    let attempt = attempt.clone();
    let on_retry = Callback::from(move |()| attempt.set(*attempt + 1));
    html! { <ErrorState message={error.localized(lang)} {on_retry} /> }
}

/// The id of the message under the field `id`.
pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// The message under the field `id`, if it is not right.
pub fn field_error(id: &str, error: Option<Msg>, lang: Lang) -> Html {
    match error {
        Some(error) => html! { <p id={error_id(id)} class="field-error">{ error.text(lang) }</p> },
        None => Html::default(),
    }
}

/// `aria-invalid` and `aria-describedby` of the field `id` with `error`, with its help
/// text's id if it has one.
pub fn described(
    id: &str,
    error: Option<Msg>,
    help: Option<&str>,
) -> (Option<AttrValue>, Option<AttrValue>) {
    let mut ids: Vec<String> = help.map(str::to_owned).into_iter().collect();
    if error.is_some() {
        ids.push(error_id(id));
    }
    (
        error.map(|_| AttrValue::Static("true")),
        (!ids.is_empty()).then(|| ids.join(" ").into()),
    )
}

/// Focuses the element with this `id`, if the page has it.
pub fn focus_id(id: &str) {
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// Focuses `id` after the next render (the element may not exist yet).
pub fn focus_id_soon(id: String) {
    yew::platform::spawn_local(async move {
        // One turn of the event loop: yew renders the pending state first.
        let resolved = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
        let _ = wasm_bindgen_futures::JsFuture::from(resolved).await;
        focus_id(&id);
    });
}
