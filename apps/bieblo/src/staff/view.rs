//! View pieces the back-office's sections share: the section frame, a data table with
//! row headers, and an API error with a retry button. Plain functions, not components,
//! to keep the app's wasm small.

use suite_domain::i18n::{Lang, Msg};
use suite_ui::ErrorState;
use suite_ui::api::ApiError;
use yew::prelude::*;

/// A section of the back-office under its heading (`id` is the heading's).
pub(super) fn section(id: &'static str, title: Msg, lang: Lang, body: Html) -> Html {
    html! {
        <section class="card bo-section" aria-labelledby={id}>
            <h3 {id}>{ title.text(lang) }</h3>
            { body }
        </section>
    }
}

/// The error of a failed load, with a button that bumps `attempt` to load again.
pub(super) fn load_failed(error: &ApiError, lang: Lang, attempt: &UseStateHandle<u32>) -> Html {
    let attempt = attempt.clone();
    let on_retry = Callback::from(move |()| attempt.set(*attempt + 1));
    html! { <ErrorState message={error.localized(lang)} {on_retry} /> }
}

/// One body row: the text of its header cell and of its other cells.
pub(super) type Row = (String, Vec<String>);

/// A table whose first column heads the rows.
pub(super) struct Table {
    pub(super) class: &'static str,
    pub(super) caption: Msg,
    /// The caption only for screen readers, when a heading above already says it.
    pub(super) caption_hidden: bool,
    pub(super) columns: &'static [Msg],
    /// Right-aligns every column after the first.
    pub(super) numeric: bool,
    /// The class of every body row.
    pub(super) row_class: Option<&'static str>,
}

impl Table {
    pub(super) fn view(&self, rows: Vec<Row>, lang: Lang) -> Html {
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
