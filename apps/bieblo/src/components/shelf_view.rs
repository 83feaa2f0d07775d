//! The shelf: eight books that stand in the library now, the ones for the liked themes
//! first and the others under "Ook leuk voor jou:", with the three ways on.

use suite_domain::bieblo::{Pick, Reason, Shelf};
use suite_domain::i18n::{Lang, Msg};
use suite_ui::{Button, ButtonVariant, EmptyState};
use yew::prelude::*;

use super::shelf_book::shelf_book;
use crate::library::Library;
use crate::state::Action;

fn for_liked_theme(pick: &Pick) -> bool {
    pick.reasons
        .iter()
        .any(|r| matches!(r, Reason::LikedTheme(_)))
}

/// The shelf screen of `library` showing `shelf`, in `lang`.
pub(super) fn shelf_view(
    library: &Library,
    shelf: &Shelf,
    lang: Lang,
    dispatch: &Callback<Action>,
) -> Html {
    let books = |picks: &[&Pick]| -> Html {
        let items = picks.iter().filter_map(|pick| {
            let book = library.book(&pick.book_id)?;
            Some(shelf_book(library, book, pick, lang))
        });
        html! { <ul class="shelf">{ for items }</ul> }
    };
    let (liked, others): (Vec<&Pick>, Vec<&Pick>) = if shelf.filled_from_near_themes {
        shelf.picks.iter().partition(|p| for_liked_theme(p))
    } else {
        (shelf.picks.iter().collect(), Vec::new())
    };
    let empty = shelf.picks.is_empty();
    html! {
        <section class="kiosk-screen shelf-screen">
            <h1 class="kiosk-title kiosk-title--small" tabindex="-1">{ Msg::BiebloShelfTitle.text(lang) }</h1>
            if empty {
                <EmptyState message={Msg::BiebloNoBooks} />
            }
            if !liked.is_empty() {
                { books(&liked) }
            }
            if !others.is_empty() {
                <h2 class="shelf-also">{ Msg::BiebloAlsoNice.text(lang) }</h2>
                { books(&others) }
            }
            <div class="kiosk-actions">
                if !empty {
                    <Button class="more-tips" big=true onclick={dispatch.reform(|_| Action::MoreTips)}>
                        <span aria-hidden="true">{ "↻ " }</span>{ Msg::BiebloMoreTips.text(lang) }
                    </Button>
                    <Button class="take-list" big=true onclick={dispatch.reform(|_| Action::TakeList)}>
                        <span aria-hidden="true">{ "▦ " }</span>{ Msg::BiebloTakeList.text(lang) }
                    </Button>
                }
                { restart_button(lang, dispatch) }
            </div>
        </section>
    }
}

/// "Opnieuw": the visit ends and the kiosk starts over.
pub(super) fn restart_button(lang: Lang, dispatch: &Callback<Action>) -> Html {
    html! {
        <Button class="restart" variant={ButtonVariant::Secondary} big=true
                onclick={dispatch.reform(|_| Action::Restart)}>
            { Msg::BiebloRestart.text(lang) }
        </Button>
    }
}
