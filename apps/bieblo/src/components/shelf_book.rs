//! One book on the shelf: its cover (the real one, or one drawn from its title), where it
//! stands, and the liked themes it was picked for.

use suite_domain::bieblo::{Pick, Reason, SnapshotBook};
use suite_domain::i18n::{Lang, Msg};
use yew::prelude::*;

use super::book_cover::BookCover;
use crate::library::{Library, theme_label};

/// A small bookcase: the sign for "where to find it".
const SHELF_ICON: &str = concat!(
    "<svg class=\"shelf-icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">",
    "<g fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\">",
    "<rect x=\"3\" y=\"2\" width=\"18\" height=\"20\" rx=\"1\"/><path d=\"M3 12h18\"/></g>",
    "<path fill=\"currentColor\" d=\"M6 5h2v6H6zm3 1h2.5v5H9zm4-1h2v6h-2zM6 15h3v6H6zm4.5-1h2v7h-2z",
    "m4-.4 1.9-.7 2.1 5.4-1.9.7z\"/></svg>",
);

/// The shelf item of `book`, picked as `pick`, in `lang`.
pub(super) fn shelf_book(library: &Library, book: &SnapshotBook, pick: &Pick, lang: Lang) -> Html {
    let cover = html! {
        <BookCover id={book.id.clone()} title={book.title.clone()}
                   authors={book.authors.join(", ")} src={book.cover.clone().map(AttrValue::from)} />
    };
    let liked: Vec<&str> = pick
        .reasons
        .iter()
        .filter_map(|reason| match reason {
            Reason::LikedTheme(id) => library.theme(id),
            _ => None,
        })
        .map(|theme| theme_label(theme, lang))
        .collect();
    html! {
        <li key={book.id.clone()} class="shelf-book" data-book-id={book.id.clone()}>
            { cover }
            <p class="shelf-book__place">
                { Html::from_html_unchecked(AttrValue::Static(SHELF_ICON)) }
                <span class="visually-hidden">{ Msg::BiebloFindItHere.text(lang) }{ " " }</span>
                <span class="shelf-where">{ pick.where_to_find.clone() }</span>
            </p>
            if !liked.is_empty() {
                <p class="shelf-why">
                    <span class="visually-hidden">{ Msg::BiebloBecauseYouLike.text(lang) }{ " " }</span>
                    <span aria-hidden="true">{ "♥ " }</span>{ liked.join(", ") }
                </p>
            }
        </li>
    }
}
