//! A child's books as a numbered list of title, authors and where each book stands; the
//! same on the kiosk, on paper and on the phone.

use suite_domain::i18n::{Lang, Msg};
use yew::prelude::*;

use crate::listing::ListedBook;

/// The list of `books`, in `lang`.
pub(crate) fn book_list(books: &[ListedBook], lang: Lang) -> Html {
    let items = books.iter().map(|book| {
        let place = match (book.where_to_find.as_str(), &book.other_branch) {
            ("", _) => Msg::BiebloAskAtDesk.text(lang).to_string(),
            (place, None) => place.to_string(),
            (place, Some(branch)) => format!("{place} ({branch})"),
        };
        html! {
            <li class="book-list__item" data-book-id={book.id.clone()}>
                <span class="book-list__title">{ book.title.clone() }</span>
                if !book.authors.is_empty() {
                    <span class="book-list__authors">{ book.authors.clone() }</span>
                }
                <span class="book-list__where">
                    <span class="visually-hidden">{ Msg::BiebloFindItHere.text(lang) }{ " " }</span>
                    { place }
                </span>
            </li>
        }
    });
    html! { <ol class="book-list">{ for items }</ol> }
}
