//! Loading ahead: once a page is shown (drawn), the hidden frames ([`Frames`]) load the
//! two documents a turn reaches next (`rules::ahead_of_two`: the way the reader last
//! crossed), the nearest first, and lay each out, when it has loaded, for the same
//! settings and size; crossing into one shows its frame, so that turn waits neither for
//! the server nor for a layout, and turning on through short documents finds the next
//! one there too. The document shown before stays in its frame, laid out, until a
//! document ahead needs the frame (a turn back at once shows it again).
//!
//! [`Frames`]: crate::reader::frames::Frames

use web_sys::HtmlIFrameElement;

use crate::reader::controller::{Ahead, Reader, measure};
use crate::reader::frame::Laid;
use crate::reader::frames::FRAME_ID;
use crate::reader::{frame, mark};
use crate::rules::{ahead_of_two, content_path};

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

    /// The document ahead that slot `slot` holds or loads.
    fn entry(&self, slot: usize) -> Option<Ahead> {
        self.view
            .borrow()
            .ahead
            .iter()
            .find(|a| a.slot == slot)
            .copied()
    }

    /// Shows the hidden frame that holds document `spine` instead of the shown one, if
    /// one does (then at the pending place): true when it does. The shown document stays
    /// in its frame as it is, now hidden.
    pub(crate) fn swap_in(&self, spine: usize) -> bool {
        let ahead = {
            let mut v = self.view.borrow_mut();
            let Some(at) = v.ahead.iter().position(|a| a.spine == spine && !a.failed) else {
                return false;
            };
            let ahead = v.ahead.remove(at);
            let before = Ahead {
                slot: self.frames.shown_slot(),
                spine: v.spine,
                loaded: v.laid.is_some(),
                // An error page (offline, say) is not shown again from here.
                failed: self.frame().as_ref().and_then(frame::document).is_none(),
                laid: v.laid.take(),
            };
            v.ahead.push(before);
            v.spine = spine;
            // The document leaving the view hears the reader no more.
            v.listeners = None;
            ahead
        };
        let focused = has_focus(self.frame().as_ref());
        self.frames.show(ahead.slot);
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

    /// Loads ahead once the page shown is drawn (one wait at a time).
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

    /// Puts the documents a turn reaches next into the hidden frames, one load at a time
    /// and the nearest first, or lays one out again there when it was laid out for other
    /// settings or another size. A hidden frame whose document is not wanted ahead (the
    /// one shown before, say) is taken for one that is.
    fn load_ahead(&self) {
        let (targets, settings) = {
            let v = self.view.borrow();
            (ahead_of_two(v.spine, &v.linear, v.back), v.settings)
        };
        for target in targets.iter().copied() {
            let held = self
                .view
                .borrow()
                .ahead
                .iter()
                .find(|a| a.spine == target)
                .copied();
            match held {
                Some(ahead) if ahead.failed => {}
                Some(ahead) => {
                    let frame = self.frames.frame(ahead.slot);
                    let loaded =
                        ahead.loaded || frame.as_ref().is_some_and(|f| self.holds(f, target));
                    if !loaded {
                        // One load at a time: its load plans again.
                        return;
                    }
                    let current = frame.map(|f| measure(&f, settings));
                    if ahead.laid.map(|(_, made_for)| made_for) != current {
                        self.lay_out_ahead(ahead.slot);
                    }
                }
                None => {
                    let free = {
                        let v = self.view.borrow();
                        let unused = |slot: &usize| !v.ahead.iter().any(|a| a.slot == *slot);
                        let unwanted = |slot: &usize| {
                            v.ahead
                                .iter()
                                .any(|a| a.slot == *slot && !targets.contains(&a.spine))
                        };
                        self.frames
                            .hidden()
                            .find(unused)
                            .or_else(|| self.frames.hidden().find(unwanted))
                    };
                    let Some(slot) = free else { return };
                    {
                        let mut v = self.view.borrow_mut();
                        v.ahead.retain(|a| a.slot != slot);
                        v.ahead.push(Ahead {
                            slot,
                            spine: target,
                            loaded: false,
                            failed: false,
                            laid: None,
                        });
                    }
                    // The page sets the hidden frame's address.
                    (self.update)();
                    return;
                }
            }
        }
    }

    /// After hidden frame `slot` loaded: if it holds its document ahead, lays it out and
    /// plans the next; if its load ended in an error page (not of this origin), that
    /// document is not used (nor asked again).
    pub(crate) fn ahead_loaded(&self, slot: usize) {
        let Some(ahead) = self.entry(slot) else {
            return;
        };
        let Some(frame) = self.frames.frame(slot) else {
            return;
        };
        if self.holds(&frame, ahead.spine) {
            self.lay_out_ahead(slot);
            self.plan_ahead();
        } else if frame::document(&frame).is_none()
            && let Some(ahead) = self
                .view
                .borrow_mut()
                .ahead
                .iter_mut()
                .find(|a| a.slot == slot)
        {
            ahead.failed = true;
        }
    }

    /// Lays the document ahead in hidden frame `slot` out for the reader's settings.
    fn lay_out_ahead(&self, slot: usize) {
        let Some(frame) = self.frames.frame(slot) else {
            return;
        };
        let Some((spine, settings, fixed)) = ({
            let v = self.view.borrow();
            v.ahead.iter().find(|a| a.slot == slot).map(|a| {
                let fixed = v.fixed.get(a.spine).copied().unwrap_or(false);
                (a.spine, v.settings, fixed)
            })
        }) else {
            return;
        };
        let laid: Option<Laid> = frame::lay_out(&frame, settings, fixed);
        if let Some(ahead) = self
            .view
            .borrow_mut()
            .ahead
            .iter_mut()
            .find(|a| a.slot == slot)
        {
            ahead.loaded = true;
            ahead.laid = laid.map(|laid| (laid, measure(&frame, settings)));
        }
        // The shipped font arrives after the first layout and changes it (once shown, the
        // shown frame's own wait lays it out again).
        let reader = self.clone();
        frame::when_fonts_load(&frame, frame::FontsWait::Ahead, move || {
            let still = reader.frames.shown_slot() != slot
                && reader.entry(slot).is_some_and(|a| a.spine == spine);
            if still {
                reader.lay_out_ahead(slot);
            }
        });
    }
}
