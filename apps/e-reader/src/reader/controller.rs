//! The reading view's state and actions: where the reader is (document, page, page
//! count, settings), turning pages and crossing documents, laying out again, and
//! saving the position a moment after the last change. The page component and the
//! frame's listeners act through one [`Reader`]. The document a turn reaches next is
//! loaded and laid out ahead in the hidden frame (`ahead`), and crossing into it swaps
//! the frames.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use web_sys::{Document, HtmlIFrameElement};

use crate::net;
use crate::reader::frame::Laid;
use crate::reader::frames::Frames;
use crate::reader::listen::{Keys, Listeners, listen};
use crate::reader::store;
use crate::reader::{frame, highlight, mark};
use crate::rules::{
    Direction, Flow, Link, SelectStep, Settings, Turn, link_target, mirrored, next_page,
    page_of_progress, previous_page, progress_of_page,
};
use suite_domain::ereader::ReadingPosition;
use suite_domain::ereader::page_map::PageMap;

/// The settings and frame size a layout was made for.
pub(crate) type Measure = (Settings, i32, i32);

/// A document a hidden frame holds or loads (see [`Frames`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Ahead {
    /// The hidden frame's slot.
    pub(crate) slot: usize,
    pub(crate) spine: usize,
    /// It has loaded.
    pub(crate) loaded: bool,
    /// Its load ended in an error page (offline, say): a turn loads it in the shown frame.
    pub(crate) failed: bool,
    /// Its layout, and what it was made for.
    pub(crate) laid: Option<(Laid, Measure)>,
}

/// What the page does once a document is in the shown frame (loaded, or swapped in with
/// its layout when that still holds): its highlights, listeners and layout.
pub(crate) type OnShown = Rc<dyn Fn(Option<Laid>)>;

/// Where the reader is, changed in place by the frame's listeners and the buttons.
#[derive(Default)]
pub(crate) struct View {
    pub(crate) spine: usize,
    pub(crate) page: u32,
    pub(crate) pages: u32,
    /// The book's page progression is right to left (its sides are mirrored).
    pub(crate) rtl: bool,
    /// The book's documents in reading order: their paths, which a page turn visits
    /// (the linear ones) and which are fixed-layout pages.
    pub(crate) paths: Vec<String>,
    pub(crate) linear: Vec<bool>,
    pub(crate) fixed: Vec<bool>,
    /// The whole book's pages: counted in the documents laid out, estimated in the
    /// others; valid for the settings and frame size in `measured`.
    pub(crate) map: PageMap,
    pub(crate) measured: Option<Measure>,
    /// How the shown document flows (from its last layout).
    pub(crate) flow: Flow,
    pub(crate) settings: Settings,
    /// Where to go in the next layout: a point into the document, or an element's id.
    pub(crate) pending: Option<f64>,
    pub(crate) pending_id: Option<String>,
    /// A search hit to mark in the next layout: the query and its occurrence.
    pub(crate) pending_hit: Option<(String, usize)>,
    pub(crate) listeners: Option<Listeners>,
    pub(crate) save: Option<Timeout>,
    /// The shown document's layout, once laid out, and what it was made for.
    pub(crate) laid: Option<(Laid, Measure)>,
    /// The documents the hidden frames hold or load, one per frame.
    pub(crate) ahead: Vec<Ahead>,
    /// The reader last crossed into another document toward the book's start (the way
    /// the next document is loaded ahead).
    pub(crate) back: bool,
    /// A wait for idle time to load ahead is set.
    pub(crate) planned: bool,
    pub(crate) on_shown: Option<OnShown>,
    /// The document last shown (`on_shown` called for it): laid out as soon as it was
    /// parsed, its load lays it out again (its pictures are in then).
    pub(crate) shown_document: Option<Document>,
    /// A wait for the shown frame's document to be parsed is running.
    pub(crate) watching: bool,
    /// The address whose load in the shown frame ended in an error page (offline, a cut
    /// connection), and how often it failed since it last loaded (`arrival`).
    pub(crate) frame_failure: Option<(String, u32)>,
}

impl View {
    /// The shown document did not load, its retries spent: the page says so in Dutch,
    /// with "Opnieuw proberen".
    pub(crate) fn frame_failed(&self) -> bool {
        self.frame_failure
            .as_ref()
            .is_some_and(|(_, failed)| *failed > crate::reader::arrival::RETRIES)
    }
}

pub(crate) type Shared = Rc<RefCell<View>>;

/// Sends the position of `view` to the server.
pub(crate) fn save_now(loan: i64, view: &Shared) {
    let position = {
        let v = view.borrow();
        ReadingPosition {
            spine: v.spine as u32,
            progress: progress_of_page(v.page, v.pages),
        }
    };
    yew::platform::spawn_local(async move {
        let _ = net::save_position(loan, position).await;
    });
}

/// The one handle the reader's actions work through.
#[derive(Clone)]
pub(crate) struct Reader {
    pub(crate) loan: i64,
    pub(crate) view: Shared,
    pub(crate) frames: Frames,
    pub(crate) update: Rc<dyn Fn()>,
}

/// The settings and size `frame` lays out for now.
pub(crate) fn measure(frame: &HtmlIFrameElement, settings: Settings) -> Measure {
    (settings, frame.client_width(), frame.client_height())
}

impl Reader {
    pub(crate) fn frame(&self) -> Option<HtmlIFrameElement> {
        self.frames.shown()
    }

    /// Saves the position a moment after the last change (a new change restarts the wait).
    fn save_soon(&self) {
        let (loan, view) = (self.loan, self.view.clone());
        let timeout = Timeout::new(600, move || {
            view.borrow_mut().save = None;
            save_now(loan, &view);
        });
        self.view.borrow_mut().save = Some(timeout);
    }

    /// Lays the shown document out again and goes to the pending place (or stays at the
    /// same point of the document); only the document shown (`shown_document`) and only
    /// while the frame holds it: not one still being parsed (a document turned into is
    /// shown once parsed: it would count too few pages), nor the one before while the
    /// next comes (it is laid out when it is shown).
    pub(crate) fn relayout(&self) {
        let Some(frame) = self.frame() else { return };
        let (spine, settings, fixed, shown) = {
            let v = self.view.borrow();
            (
                v.spine,
                v.settings,
                v.fixed.get(v.spine).copied().unwrap_or(false),
                v.shown_document.clone(),
            )
        };
        if !self.arrived(&frame, spine) || shown.is_none() || frame::document(&frame) != shown {
            return;
        }
        if let Some(laid) = frame::lay_out(&frame, settings, fixed) {
            self.place(&frame, laid);
        }
    }

    /// Goes to the pending place (or the same point of the document) in the shown
    /// document, laid out as `laid`, and shows that page.
    fn place(&self, frame: &HtmlIFrameElement, Laid { pages, flow }: Laid) {
        let settings = self.view.borrow().settings;
        let page = {
            let mut v = self.view.borrow_mut();
            let at = v
                .pending
                .take()
                .unwrap_or_else(|| progress_of_page(v.page, v.pages));
            let mut page = page_of_progress(at, pages);
            if let Some((query, n)) = v.pending_hit.take()
                && let Some(document) = frame::document(frame)
                && mark::mark(&document, &query, n)
            {
                v.pending_id = Some(mark::HIT_ID.into());
            }
            if let Some(id) = v.pending_id.take() {
                page = frame::page_of_id(frame, flow, &id).unwrap_or(page);
            }
            v.pages = pages;
            v.flow = flow;
            v.page = page.min(pages - 1);
            // Counts taken at other settings or another size no longer hold.
            let measure = measure(frame, settings);
            if v.measured != Some(measure) {
                v.map.forget();
                v.measured = Some(measure);
            }
            let spine = v.spine;
            v.map.laid_out(spine, pages);
            v.laid = Some((Laid { pages, flow }, measure));
            v.page
        };
        frame::show(frame, flow, page);
        // Once its fonts are in, this document, if still shown, is laid out again.
        let (again, document) = (self.clone(), frame::document(frame));
        frame::when_fonts_load(frame, frame::FontsWait::Shown, move || {
            if again.view.borrow().shown_document == document {
                again.relayout();
            }
        });
        (self.update)();
        self.save_soon();
        self.plan_ahead();
    }

    /// Opens spine document `spine` at `at` (0 to 1) or at the element `id`.
    pub(crate) fn open(&self, spine: usize, at: f64, id: Option<String>) {
        let same = {
            let mut v = self.view.borrow_mut();
            v.pending = Some(at);
            v.pending_id = id;
            v.spine == spine
        };
        if same {
            self.relayout();
        } else if !self.swap_in(spine) {
            let mut v = self.view.borrow_mut();
            v.spine = spine;
            v.laid = None;
            drop(v);
            (self.update)();
        }
    }

    /// Opens the document of a search hit and goes to the page of its marked place.
    pub(crate) fn open_hit(&self, spine: usize, query: String, occurrence: usize) {
        self.view.borrow_mut().pending_hit = Some((query, occurrence));
        self.open(spine, 0.0, None);
    }

    /// Follows a link the reader activated in the book (its resolved address): to a
    /// document of the book (and an element in it), or outside the app in a window of
    /// its own that learns nothing of the app.
    pub(crate) fn follow(&self, href: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let origin = window.location().origin().unwrap_or_default();
        match link_target(href, &origin, self.loan) {
            Link::Book { path, fragment } => {
                let index = self.view.borrow().paths.iter().position(|p| *p == path);
                if let Some(index) = index {
                    self.open(index, 0.0, fragment);
                }
            }
            Link::Outside(address) => {
                let _ = window.open_with_url_and_target_and_features(
                    &address,
                    "_blank",
                    "noopener,noreferrer",
                );
            }
            Link::Nowhere => {}
        }
    }

    pub(crate) fn turn(&self, direction: Direction) {
        let (page, pages, spine, flow) = {
            let v = self.view.borrow();
            (v.page, v.pages, v.spine, v.flow)
        };
        if pages == 0 {
            // Not laid out yet.
            return;
        }
        let turn = {
            let linear = &self.view.borrow().linear;
            match direction {
                Direction::Forward => next_page(page, pages, spine, linear),
                Direction::Back => previous_page(page, spine, linear),
            }
        };
        match turn {
            Turn::Page(page) => {
                self.view.borrow_mut().page = page;
                if let Some(frame) = self.frame() {
                    frame::show(&frame, flow, page);
                }
                (self.update)();
                self.save_soon();
            }
            Turn::NextDocument(next) => {
                self.view.borrow_mut().back = false;
                self.open(next, 0.0, None);
            }
            Turn::PreviousDocument(previous) => {
                self.view.borrow_mut().back = true;
                self.open(previous, 1.0, None);
            }
            Turn::Stay => {}
        }
    }

    /// A turn by a key, swipe or tap: its sides are mirrored in a right-to-left book.
    pub(crate) fn turn_side(&self, direction: Direction) {
        let rtl = self.view.borrow().rtl;
        self.turn(mirrored(direction, rtl));
    }

    fn scrolled(&self) {
        let Some(frame) = self.frame() else { return };
        if self.view.borrow().flow != Flow::Scroll {
            return;
        }
        let page = frame::scrolled_page(&frame);
        let changed = {
            let mut v = self.view.borrow_mut();
            let page = page.min(v.pages.saturating_sub(1));
            let changed = v.page != page;
            v.page = page;
            changed
        };
        if changed {
            (self.update)();
            self.save_soon();
        }
    }

    /// Extends the selection in the shown document by `step`, from the first line of the
    /// page shown when nothing is selected yet; false when nothing could be selected.
    pub(crate) fn select(&self, step: SelectStep) -> bool {
        let Some(frame) = self.frame() else {
            return false;
        };
        let Some(document) = frame::document(&frame) else {
            return false;
        };
        let (flow, settings) = {
            let v = self.view.borrow();
            (v.flow, v.settings)
        };
        highlight::extend(&document, frame::first_line(&frame, flow, settings), step)
    }

    /// After a document loaded into the shown frame, or was swapped in: listen inside it
    /// (with the reader's other `keys`) and lay it out, unless it comes `laid` out.
    pub(crate) fn loaded(&self, keys: Keys, laid: Option<Laid>) {
        let Some(document) = self.frame().and_then(|f| frame::document(&f)) else {
            return;
        };
        let (turner, scroller, follower) = (self.clone(), self.clone(), self.clone());
        let listeners = listen(
            document.clone(),
            Rc::new(move |d| turner.turn_side(d)),
            Rc::new(move || scroller.scrolled()),
            Rc::new(move |href: String| follower.follow(&href)),
            keys,
        );
        {
            let mut v = self.view.borrow_mut();
            v.listeners = Some(listeners);
            v.shown_document = Some(document);
        }
        match (laid, self.frame()) {
            (Some(laid), Some(frame)) => self.place(&frame, laid),
            _ => self.relayout(),
        }
    }

    pub(crate) fn change_settings(&self, settings: Settings) {
        store::set_settings(settings);
        self.view.borrow_mut().settings = settings;
        self.relayout();
    }
}
