//! Bookmarks and highlights of the loan's book from the app's side: the list fetched
//! on opening and kept in one [`Notes`] handle (`use_notes`), a bookmark put on or taken
//! off the page shown, the passage selected in the frame watched and kept as a
//! highlight, an entry removed, the highlights drawn again after each change and load;
//! a failed request leaves the list as it was and says why in Dutch.

use std::cell::RefCell;
use std::rc::Rc;

use suite_domain::ereader::notes::{
    AnnotationKind, AnnotationPlace, AnnotationView, NewAnnotation,
};
use suite_domain::i18n::{Lang, Msg};
use suite_ui::use_lang;
use web_sys::Document;
use yew::prelude::*;

use crate::net;
use crate::reader::controller::Shared;
use crate::reader::frames::Frames;
use crate::reader::highlight::{self, SelectionWatch};
use crate::rules::{Passage, bookmarks_on_page, progress_of_page};

/// Whether the list is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Loading,
    Ready,
    Failed,
}

/// The list as the page shows it: each change makes a new `items`.
pub(crate) struct NoteList {
    pub(crate) status: Status,
    pub(crate) items: Rc<Vec<AnnotationView>>,
    /// Why the last change failed (Dutch, or the language chosen).
    pub(crate) error: Option<String>,
}

/// The one handle the reader's buttons and the panel change the list through; after
/// every change the shown document's highlights are drawn again and `update` shows it.
#[derive(Clone)]
pub(crate) struct Notes {
    loan: i64,
    lang: Lang,
    pub(crate) list: Rc<RefCell<NoteList>>,
    frames: Frames,
    view: Shared,
    /// The passage selected in the frame now, if any.
    pub(crate) selected: UseStateHandle<Option<Passage>>,
    watch: Rc<RefCell<Option<SelectionWatch>>>,
    update: Rc<dyn Fn()>,
}

/// The notes of loan `loan`, fetched once, for the book in the shown one of `frames` at
/// `view`.
#[hook]
pub(crate) fn use_notes(loan: i64, frames: Frames, view: Shared, update: Rc<dyn Fn()>) -> Notes {
    let notes = Notes {
        loan,
        lang: use_lang(),
        list: use_mut_ref(NoteList::default),
        frames,
        view,
        selected: use_state_eq(|| None),
        watch: use_mut_ref(|| None),
        update,
    };
    {
        let notes = notes.clone();
        use_effect_with(loan, move |_| notes.load());
    }
    notes
}

impl Default for NoteList {
    fn default() -> Self {
        NoteList {
            status: Status::Loading,
            items: Rc::default(),
            error: None,
        }
    }
}

impl Notes {
    pub(crate) fn items(&self) -> Rc<Vec<AnnotationView>> {
        self.list.borrow().items.clone()
    }

    fn document(&self) -> Option<Document> {
        self.frames.shown().and_then(|f| f.content_document())
    }

    /// Draws the shown document's highlights (again).
    fn draw(&self) {
        if let Some(document) = self.document() {
            highlight::draw(&document, self.view.borrow().spine, &self.items());
        }
    }

    /// After a document loaded or was swapped in (before its layout, or the layout it
    /// came with): its highlights go in and its selection is watched.
    pub(crate) fn loaded(&self) {
        self.selected.set(None);
        self.draw();
        if let Some(document) = self.document() {
            let selected = self.selected.clone();
            *self.watch.borrow_mut() = Some(highlight::watch(document, move |passage| {
                selected.set(passage)
            }));
        }
    }

    fn set(&self, change: impl FnOnce(&mut NoteList)) {
        change(&mut self.list.borrow_mut());
        self.draw();
        (self.update)();
    }

    /// Where the reader is: document, page, page count.
    fn here(&self) -> (usize, u32, u32) {
        let v = self.view.borrow();
        (v.spine, v.page, v.pages)
    }

    fn failed(&self, message: String) {
        self.set(|list| list.error = Some(message));
    }

    /// Fetches the list.
    pub(crate) fn load(&self) {
        let notes = self.clone();
        yew::platform::spawn_local(async move {
            match net::annotations(notes.loan).await {
                Ok(items) => notes.set(|list| {
                    list.status = Status::Ready;
                    list.items = Rc::new(items);
                    list.error = None;
                }),
                Err(_) => notes.set(|list| list.status = Status::Failed),
            }
        });
    }

    /// Keeps `new` (checked here first, as the server checks it).
    pub(crate) fn add(&self, new: NewAnnotation) {
        if let Err(fault) = new.check() {
            self.failed(fault.msg().text(self.lang).into());
            return;
        }
        let notes = self.clone();
        yew::platform::spawn_local(async move {
            match net::add_annotation(notes.loan, &new).await {
                Ok(kept) => notes.set(|list| {
                    let mut items = list.items.as_ref().clone();
                    items.push(kept);
                    list.items = Rc::new(items);
                    list.error = None;
                }),
                Err(error) => notes.failed(error.localized(notes.lang)),
            }
        });
    }

    /// Removes the entries `ids` (one by one; those removed before a failure stay removed).
    pub(crate) fn remove(&self, ids: Vec<i64>) {
        let notes = self.clone();
        yew::platform::spawn_local(async move {
            for id in ids {
                if let Err(error) = net::remove_annotation(notes.loan, id).await {
                    notes.failed(error.localized(notes.lang));
                    return;
                }
                notes.set(|list| {
                    list.items =
                        Rc::new(list.items.iter().filter(|a| a.id != id).cloned().collect());
                    list.error = None;
                });
            }
        });
    }

    /// The bookmarks on the page shown.
    pub(crate) fn bookmarks_here(&self) -> Vec<i64> {
        let (spine, page, pages) = self.here();
        bookmarks_on_page(&self.list.borrow().items, spine, page, pages)
    }

    /// Takes the shown page's bookmarks off, or puts one on when it has none.
    pub(crate) fn toggle_bookmark(&self) {
        let here = self.bookmarks_here();
        let (spine, page, pages) = self.here();
        if !here.is_empty() {
            self.remove(here);
            return;
        }
        self.add(NewAnnotation {
            kind: AnnotationKind::Bookmark,
            place: AnnotationPlace {
                spine: spine as u32,
                progress: progress_of_page(page, pages),
                start: None,
                end: None,
                quote: None,
            },
            note: String::new(),
        });
    }

    /// Keeps the passage selected on the page shown as a highlight; the selection is
    /// done with.
    pub(crate) fn highlight_selection(&self) {
        if let Some(passage) = (*self.selected).clone() {
            self.keep_highlight(passage);
        }
    }

    /// Keeps what is selected in the frame now as a highlight (the key M); false when
    /// nothing is selected.
    pub(crate) fn highlight_selected(&self) -> bool {
        let passage = self.document().and_then(|d| highlight::selected(&d));
        let kept = passage.is_some();
        if let Some(passage) = passage {
            self.keep_highlight(passage);
        }
        kept
    }

    /// Keeps `passage` of the page shown as a highlight; the selection is done with.
    fn keep_highlight(&self, passage: Passage) {
        if let Some(selection) = self
            .document()
            .and_then(|d| d.get_selection().ok().flatten())
        {
            let _ = selection.remove_all_ranges();
        }
        self.selected.set(None);
        let (spine, page, pages) = self.here();
        self.add(NewAnnotation {
            kind: AnnotationKind::Highlight,
            place: AnnotationPlace {
                spine: spine as u32,
                progress: progress_of_page(page, pages),
                start: Some(passage.start),
                end: Some(passage.end),
                quote: Some(passage.quote),
            },
            note: String::new(),
        });
    }
}

/// The failure message when the list itself could not be fetched.
pub(crate) const LOAD_FAILED: Msg = Msg::EreaderNoteLoadFailed;
