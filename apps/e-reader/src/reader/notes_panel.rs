//! The panel "Bladwijzers en markeringen": the two lists kept apart (a heading and a
//! list each, with its own empty state), each entry a button that jumps to its place
//! and a remove button named after the entry; a loading state, and the Dutch error of
//! a failed change above the lists as they were. Escape or the close button closes it.

use std::rc::Rc;

use suite_domain::ereader::notes::AnnotationView;
use suite_domain::i18n::Msg;
use suite_ui::use_t;
use yew::prelude::*;

use crate::reader::panel::{PanelHandlers, use_panel};

use crate::reader::notes::{LOAD_FAILED, Status};
use crate::rules::{percent, split};

/// The longest part of a quote shown in the list, in characters.
const SHOWN_QUOTE: usize = 80;

#[derive(Properties, PartialEq)]
pub(crate) struct NotesPanelProps {
    pub(crate) status: Status,
    pub(crate) items: Rc<Vec<AnnotationView>>,
    pub(crate) error: Option<String>,
    pub(crate) on_jump: Callback<AnnotationView>,
    pub(crate) on_remove: Callback<i64>,
    pub(crate) on_close: Callback<()>,
}

/// `text` with its first letter in upper case.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A quote cut to [`SHOWN_QUOTE`] characters (with "…" when cut), between quotes.
fn shown_quote(quote: &str) -> String {
    let squeezed = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut shown: String = squeezed.chars().take(SHOWN_QUOTE).collect();
    if squeezed.chars().count() > SHOWN_QUOTE {
        shown.push('…');
    }
    format!("“{shown}”")
}

#[function_component]
pub(crate) fn NotesPanel(props: &NotesPanelProps) -> Html {
    let t = use_t();
    let PanelHandlers { onkeydown, close } = use_panel("er-notes-close", &props.on_close);
    let entry = |note: &AnnotationView, label: String, remove: Msg| {
        let jump = {
            let (note, on_jump) = (note.clone(), props.on_jump.clone());
            Callback::from(move |_: MouseEvent| on_jump.emit(note.clone()))
        };
        let drop = {
            let (id, on_remove) = (note.id, props.on_remove.clone());
            Callback::from(move |_: MouseEvent| on_remove.emit(id))
        };
        html! {
            <li class="er-notes__entry" data-note={note.id.to_string()}>
                <button type="button" class="er-notes__jump" onclick={jump}>{ label.clone() }</button>
                <button type="button" class="er-button er-notes__remove" onclick={drop}
                        aria-label={format!("{} {label}", t(remove))}>{ t(Msg::EreaderNoteRemove) }</button>
            </li>
        }
    };
    let place = |note: &AnnotationView| {
        format!(
            "{} {}, {}%",
            capital(t(Msg::EreaderDocument)),
            note.place.spine + 1,
            percent(note.place.progress)
        )
    };
    let body = match props.status {
        Status::Loading => {
            html! { <p class="er-notes__status" role="status">{ t(Msg::EreaderNoteLoading) }</p> }
        }
        Status::Failed => html! { <p class="er-notes__status" role="alert">{ t(LOAD_FAILED) }</p> },
        Status::Ready => {
            let (bookmarks, highlights) = split(&props.items);
            html! {
                <>
                    <h4 id="er-notes-bookmarks-title" class="er-notes__heading">{ t(Msg::EreaderNoteBookmarks) }</h4>
                    if bookmarks.is_empty() {
                        <p class="er-notes__empty">{ t(Msg::EreaderNoteNoBookmarks) }</p>
                    } else {
                        <ul id="er-notes-bookmarks" class="er-notes__list" aria-labelledby="er-notes-bookmarks-title">
                            { for bookmarks.iter().map(|b| entry(b, place(b), Msg::EreaderNoteRemoveBookmark)) }
                        </ul>
                    }
                    <h4 id="er-notes-highlights-title" class="er-notes__heading">{ t(Msg::EreaderNoteHighlights) }</h4>
                    <p id="er-notes-keys" class="er-notes__help">{ t(Msg::EreaderNoteHighlightKeys) }</p>
                    if highlights.is_empty() {
                        <p class="er-notes__empty">{ t(Msg::EreaderNoteNoHighlights) }</p>
                    } else {
                        <ul id="er-notes-highlights" class="er-notes__list" aria-labelledby="er-notes-highlights-title">
                            { for highlights.iter().map(|h| {
                                let label = format!(
                                    "{} ({})",
                                    shown_quote(h.place.quote.as_deref().unwrap_or_default()),
                                    place(h)
                                );
                                entry(h, label, Msg::EreaderNoteRemoveHighlight)
                            }) }
                        </ul>
                    }
                </>
            }
        }
    };
    html! {
        <section id="er-notes" class="er-panel er-notes" aria-labelledby="er-notes-title" {onkeydown}>
            <div class="er-panel__head">
                <h3 id="er-notes-title" class="er-panel__title">{ t(Msg::EreaderNotePanel) }</h3>
                <button type="button" id="er-notes-close" class="er-button" onclick={close}>
                    { t(Msg::EreaderNoteClose) }
                </button>
            </div>
            if let Some(error) = &props.error {
                <p class="er-notes__error" role="alert">{ error }</p>
            }
            { body }
        </section>
    }
}
