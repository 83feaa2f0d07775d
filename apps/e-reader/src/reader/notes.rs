//! Bookmarks and highlights of the loan's book from the app's side: the list fetched
//! on opening and kept in one [`Notes`] handle, a bookmark put on or taken off the page
//! shown, a highlight of the selected passage kept, an entry removed; a failed request
//! leaves the list as it was and says why in Dutch.

use std::cell::RefCell;
use std::rc::Rc;

use suite_domain::ereader::notes::{
    AnnotationKind, AnnotationPlace, AnnotationView, NewAnnotation,
};
use suite_domain::i18n::{Lang, Msg};

use crate::net;
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

/// The one handle the reader's buttons and the panel change the list through; `changed`
/// runs after every change (the page draws the highlights again and shows the list).
#[derive(Clone)]
pub(crate) struct Notes {
    pub(crate) loan: i64,
    pub(crate) lang: Lang,
    pub(crate) list: Rc<RefCell<NoteList>>,
    pub(crate) changed: Rc<dyn Fn()>,
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

    fn set(&self, change: impl FnOnce(&mut NoteList)) {
        change(&mut self.list.borrow_mut());
        (self.changed)();
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

    /// The bookmarks on page `page` of `pages` of document `spine`.
    pub(crate) fn bookmarks_here(&self, spine: usize, page: u32, pages: u32) -> Vec<i64> {
        bookmarks_on_page(&self.list.borrow().items, spine, page, pages)
    }

    /// Takes the page's bookmarks off, or puts one on when it has none.
    pub(crate) fn toggle_bookmark(&self, spine: usize, page: u32, pages: u32) {
        let here = self.bookmarks_here(spine, page, pages);
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

    /// Keeps the passage selected on page `page` of `pages` of document `spine`.
    pub(crate) fn highlight(&self, spine: usize, page: u32, pages: u32, passage: Passage) {
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
