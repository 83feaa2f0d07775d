//! A document's arrival in the shown frame: it is shown as soon as it is parsed with its
//! style sheets (`frame::parsed`, checked at every animation frame), before its load,
//! which waits for its pictures and fonts; its load lays it out again.

use wasm_bindgen::JsCast;

use crate::reader::controller::Reader;
use crate::reader::frame;

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
        let document = self.frame().and_then(|f| frame::document(&f));
        let shown = document.is_some() && self.view.borrow().shown_document == document;
        if shown {
            self.relayout();
        } else {
            self.show_shown();
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
