//! Loading ahead: once a page is shown (drawn), the hidden frame ([`Frames`]) loads the
//! document a turn reaches next (`rules::ahead_of`: the way the reader last crossed) and
//! lays it out, when it has loaded, for the same settings and size; crossing into it swaps the
//! frames, so that turn waits neither for the server nor for a layout. The document shown
//! before stays in the hidden frame, laid out, until the next one ahead replaces it (a
//! turn back at once swaps it in again).
//!
//! [`Frames`]: crate::reader::frames::Frames

use web_sys::HtmlIFrameElement;

use crate::reader::controller::{Ahead, Reader, measure};
use crate::reader::frame::Laid;
use crate::reader::frames::FRAME_ID;
use crate::reader::{frame, mark};
use crate::rules::{ahead_of, content_path};

/// Whether the top document's focus is in `frame` (the reader's keys go to its document).
fn has_focus(frame: Option<&HtmlIFrameElement>) -> bool {
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    match (active, frame) {
        (Some(active), Some(frame)) => active == ***frame,
        _ => false,
    }
}

impl Reader {
    /// The address of spine document `spine` in a frame.
    fn address(&self, spine: usize) -> Option<String> {
        let v = self.view.borrow();
        v.paths.get(spine).map(|p| content_path(self.loan, p))
    }

    /// Whether document `spine` has come into `frame` (not what it held before, nor the
    /// empty page a new frame starts with), loaded or not.
    pub(crate) fn arrived(&self, frame: &HtmlIFrameElement, spine: usize) -> bool {
        let (Some(address), Some(document)) = (self.address(spine), frame::document(frame)) else {
            return false;
        };
        frame.get_attribute("src").as_deref() == Some(address.as_str())
            && document.url().ok().as_deref() == Some(frame.src().as_str())
    }

    /// Whether `frame` has loaded document `spine`.
    fn holds(&self, frame: &HtmlIFrameElement, spine: usize) -> bool {
        self.arrived(frame, spine)
            && frame::document(frame).is_some_and(|d| d.ready_state() == "complete")
    }

    /// Whether the hidden frame has loaded document `spine`.
    fn spare_holds(&self, spine: usize) -> bool {
        self.frames
            .spare()
            .is_some_and(|spare| self.holds(&spare, spine))
    }

    /// Shows the hidden frame instead of the shown one if it holds document `spine` (then
    /// at the pending place): true when it does. The shown document goes into the hidden
    /// frame as it is.
    pub(crate) fn swap_in(&self, spine: usize) -> bool {
        let ahead = {
            let mut v = self.view.borrow_mut();
            let Some(ahead) = v.ahead.filter(|a| a.spine == spine && !a.failed) else {
                return false;
            };
            let before = Ahead {
                spine: v.spine,
                loaded: v.laid.is_some(),
                failed: false,
                laid: v.laid.take(),
            };
            v.ahead = Some(before);
            v.spine = spine;
            // The document leaving the view hears the reader no more.
            v.listeners = None;
            ahead
        };
        let focused = has_focus(self.frame().as_ref());
        self.frames.swap();
        if focused {
            // After the page shows the frame (a hidden frame takes no focus).
            suite_ui::back_office::focus_id_soon(FRAME_ID.into());
        }
        let on_shown = self.view.borrow().on_shown.clone();
        match (on_shown, self.frame()) {
            (Some(on_shown), Some(frame)) if ahead.loaded || self.holds(&frame, spine) => {
                if let Some(document) = frame::document(&frame) {
                    // A search hit marked when it was shown before.
                    mark::clear(&document);
                }
                let settings = self.view.borrow().settings;
                let laid = ahead
                    .laid
                    .filter(|(_, made_for)| *made_for == measure(&frame, settings))
                    .map(|(laid, _)| laid);
                on_shown(laid);
            }
            // Its load is still to come: shown once parsed, or by its load.
            _ => {
                (self.update)();
                self.show_when_parsed();
            }
        }
        true
    }

    /// Loads the document ahead once the page shown is drawn (one wait at a time).
    pub(crate) fn plan_ahead(&self) {
        {
            let mut v = self.view.borrow_mut();
            if v.planned {
                return;
            }
            v.planned = true;
        }
        let reader = self.clone();
        suite_ui::after_next_paint(move || {
            reader.view.borrow_mut().planned = false;
            reader.load_ahead();
        });
    }

    /// Puts the document a turn reaches next into the hidden frame, or lays it out again
    /// there when it was laid out for other settings or another size.
    fn load_ahead(&self) {
        let (target, ahead, settings) = {
            let v = self.view.borrow();
            (ahead_of(v.spine, &v.linear, v.back), v.ahead, v.settings)
        };
        let Some(target) = target else { return };
        match ahead {
            Some(ahead) if ahead.spine == target => {
                let loaded = ahead.loaded || self.spare_holds(target);
                let current = self.frames.spare().map(|f| measure(&f, settings));
                if loaded && ahead.laid.map(|(_, made_for)| made_for) != current {
                    self.lay_out_ahead();
                }
            }
            _ => {
                self.view.borrow_mut().ahead = Some(Ahead {
                    spine: target,
                    loaded: false,
                    failed: false,
                    laid: None,
                });
                // The page sets the hidden frame's address.
                (self.update)();
            }
        }
    }

    /// After the hidden frame loaded: if it is the document ahead, lays it out; if its
    /// load ended in an error page (not of this origin), it is not used (nor asked again).
    pub(crate) fn ahead_loaded(&self) {
        let Some(spine) = self.view.borrow().ahead.map(|a| a.spine) else {
            return;
        };
        if self.spare_holds(spine) {
            self.lay_out_ahead();
        } else if self
            .frames
            .spare()
            .is_some_and(|f| frame::document(&f).is_none())
            && let Some(ahead) = self.view.borrow_mut().ahead.as_mut()
        {
            ahead.failed = true;
        }
    }

    /// Lays the document ahead out in the hidden frame for the reader's settings.
    fn lay_out_ahead(&self) {
        let Some(spare) = self.frames.spare() else {
            return;
        };
        let Some((spine, settings, fixed)) = ({
            let v = self.view.borrow();
            v.ahead.map(|a| {
                let fixed = v.fixed.get(a.spine).copied().unwrap_or(false);
                (a.spine, v.settings, fixed)
            })
        }) else {
            return;
        };
        let laid: Option<Laid> = frame::lay_out(&spare, settings, fixed);
        if let Some(ahead) = self.view.borrow_mut().ahead.as_mut() {
            ahead.loaded = true;
            ahead.laid = laid.map(|laid| (laid, measure(&spare, settings)));
        }
        // The shipped font arrives after the first layout and changes it (once shown, the
        // shown frame's own wait lays it out again).
        let (reader, slot) = (self.clone(), 1 - self.frames.shown_slot());
        frame::when_fonts_load(&spare, frame::FontsWait::Ahead, move || {
            let still = reader.frames.shown_slot() != slot
                && reader.view.borrow().ahead.is_some_and(|a| a.spine == spine);
            if still {
                reader.lay_out_ahead();
            }
        });
    }
}
