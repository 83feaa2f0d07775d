//! A document's arrival in the shown frame: it is shown as soon as it is parsed with its
//! style sheets (`frame::parsed`, checked at every animation frame), before its load,
//! which waits for its pictures and fonts; its load lays it out again. A load that ends
//! in an error page (the network gone, a connection cut, a document the device does not
//! keep) is asked for again twice, then the page says so with "Opnieuw proberen".

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;

use crate::reader::controller::Reader;
use crate::reader::frame;

/// How often the shown frame asks for a document again after an error page, before the
/// page says it did not load.
pub(crate) const RETRIES: u32 = 2;
/// The wait before the first retry (ms); the second waits twice as long.
const RETRY_AFTER_MS: u32 = 500;

impl Reader {
    /// Shows the document the shown frame holds (`View::on_shown`), to be laid out.
    fn show_shown(&self) {
        let on_shown = self.view.borrow().on_shown.clone();
        if let Some(on_shown) = on_shown {
            on_shown(None);
        }
    }

    /// After the shown frame's load: shows its document if that was not done when it
    /// was parsed, else lays it out again (its pictures are in now).
    pub(crate) fn shown_loaded(&self) {
        let Some(frame) = self.frame() else { return };
        let document = frame::document(&frame);
        if document.is_none() {
            // An error page: the browser's own, of another origin, so no document.
            self.shown_failed(&frame.get_attribute("src").unwrap_or_default());
            return;
        }
        self.shown_arrived();
        let shown = self.view.borrow().shown_document == document;
        if shown {
            self.relayout();
        } else {
            self.show_shown();
        }
    }

    /// The load of `src` in the shown frame ended in an error page: asked for again a
    /// moment later while it has retries left, else the page says it did not load.
    fn shown_failed(&self, src: &str) {
        let tries = {
            let mut v = self.view.borrow_mut();
            let tries = match &v.frame_failure {
                Some((failed, tries)) if failed == src => tries + 1,
                _ => 1,
            };
            v.frame_failure = Some((src.to_owned(), tries));
            tries
        };
        if tries <= RETRIES {
            let (reader, src) = (self.clone(), src.to_owned());
            Timeout::new(RETRY_AFTER_MS * tries, move || reader.load_again(&src)).forget();
        } else {
            (self.update)();
        }
    }

    /// A document loaded in the shown frame: what failed before is forgotten.
    fn shown_arrived(&self) {
        let said = {
            let mut v = self.view.borrow_mut();
            let said = v.frame_failed();
            v.frame_failure = None;
            said
        };
        if said {
            (self.update)();
        }
    }

    /// "Opnieuw proberen": asks for the shown document again, with its retries.
    pub(crate) fn retry_shown(&self) {
        let src = self
            .view
            .borrow_mut()
            .frame_failure
            .take()
            .map(|(src, _)| src);
        (self.update)();
        if let Some(src) = src {
            self.load_again(&src);
        }
    }

    /// Navigates the shown frame to `src` again, if it still shows that address (a turn
    /// meanwhile took it elsewhere). Setting the attribute navigates even to the same
    /// address; it stays as the page wrote it (relative), as `arrived` compares it.
    fn load_again(&self, src: &str) {
        if let Some(frame) = self
            .frame()
            .filter(|f| f.get_attribute("src").as_deref() == Some(src))
        {
            let _ = frame.set_attribute("src", src);
        }
    }

    /// Shows the document coming into the shown frame as soon as it is parsed with its
    /// style sheets (`frame::parsed`), before its load, which waits for its pictures and
    /// fonts: checked at every animation frame until it is shown, by this or by its load
    /// ([`Reader::shown_loaded`]), or the frame holds another document.
    pub(crate) fn show_when_parsed(&self) {
        {
            let mut v = self.view.borrow_mut();
            if v.watching {
                return;
            }
            v.watching = true;
        }
        self.watch_parse(0);
    }

    fn watch_parse(&self, frames: u32) {
        // About ten seconds of frames: a load that takes longer is shown by its load.
        const FRAMES: u32 = 600;
        let spine = self.view.borrow().spine;
        let frame = self.frame();
        let document = frame.as_ref().and_then(frame::document);
        // The frame may still hold the document before (shown already): it is not this.
        let coming = frame.as_ref().is_some_and(|f| self.arrived(f, spine));
        let shown = coming && self.view.borrow().shown_document == document;
        if shown || frames >= FRAMES {
            self.view.borrow_mut().watching = false;
            return;
        }
        if coming && document.as_ref().is_some_and(frame::parsed) {
            self.view.borrow_mut().watching = false;
            self.show_shown();
            return;
        }
        let Some(window) = web_sys::window() else {
            self.view.borrow_mut().watching = false;
            return;
        };
        let reader = self.clone();
        let next =
            wasm_bindgen::closure::Closure::once_into_js(move || reader.watch_parse(frames + 1));
        if window
            .request_animation_frame(next.unchecked_ref())
            .is_err()
        {
            self.view.borrow_mut().watching = false;
        }
    }
}
