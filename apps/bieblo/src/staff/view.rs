//! View pieces the back-office's sections share: a data table with row headers, and
//! (from `suite_ui::back_office`, common to every back-office) the section frame, an API
//! error with a retry button and the message under a field. Plain functions, not
//! components, to keep the app's wasm small.

use suite_domain::i18n::{Lang, Msg};
pub(super) use suite_ui::back_office::{field_error, load_failed, section};
use yew::prelude::*;

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
