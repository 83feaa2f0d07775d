//! "Neem je lijst mee": a QR code with the link to the list on this server (the link also
//! as text), the list itself, and a print button for the kiosk's receipt printer
//! (`@media print` in `kiosk.css`). Nothing is stored: the link carries the book ids.

use suite_domain::bieblo::Pick;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::{Button, ButtonVariant};
use yew::prelude::*;

use super::book_list::book_list;
use super::shelf_view::restart_button;
use crate::library::Library;
use crate::listing::picks_to_lines;
use crate::state::Action;
use crate::url::list_url;
use suite_ui::qr::qr_code;

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The list screen for `picks` of `library`, in `lang`.
pub(super) fn take_list(
    library: &Library,
    picks: &[Pick],
    lang: Lang,
    dispatch: &Callback<Action>,
) -> Html {
    let ids: Vec<String> = picks.iter().map(|p| p.book_id.clone()).collect();
    let url = list_url(
        &origin(),
        &library.settings.library,
        &library.settings.branch_id,
        &ids,
    );
    let books = picks_to_lines(&library.snapshot, picks);
    let settings = &library.settings;
    html! {
        <section class="kiosk-screen take-list-screen">
            <h1 class="kiosk-title kiosk-title--small" tabindex="-1">{ Msg::BiebloTakeList.text(lang) }</h1>
            <div class="take-list-sheet">
                <div class="take-list-side">
                    <figure class="take-list-qr">
                        { qr_code(&url, Msg::BiebloQrLabel.text(lang)) }
                        <figcaption class="take-list__scan">{ Msg::BiebloScanHelp.text(lang) }</figcaption>
                    </figure>
                    <div class="kiosk-actions kiosk-actions--stacked">
                        <Button class="print-list" big=true onclick={Callback::from(|_| print())}>
                            { Msg::BiebloPrint.text(lang) }
                        </Button>
                        <Button class="back-to-shelf" variant={ButtonVariant::Secondary} big=true
                                onclick={dispatch.reform(|_| Action::Back)}>
                            <span aria-hidden="true">{ "← " }</span>{ Msg::BiebloBack.text(lang) }
                        </Button>
                        { restart_button(lang, dispatch) }
                    </div>
                </div>
                <div class="receipt">
                    <h2 class="receipt__title">{ Msg::BiebloYourList.text(lang) }</h2>
                    <p class="receipt__library">
                        { format!("{} — {}", settings.library_name, settings.branch) }
                    </p>
                    { book_list(&books, lang) }
                    <p class="take-list-url">{ url }</p>
                </div>
            </div>
        </section>
    }
}
