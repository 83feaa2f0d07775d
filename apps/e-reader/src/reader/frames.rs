//! The reader's frames: the one shown, and hidden ones that load and lay out the
//! documents a turn reaches next while the reader reads (`controller::Reader::plan_ahead`),
//! so that crossing into one shows it instead of fetching and laying it out then.
//! Each frame keeps its element for good (a frame moved in the page would load again);
//! which one is shown changes.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::HtmlIFrameElement;
use yew::NodeRef;

/// The id of the frame shown (the focus goes there after a jump).
pub(crate) const FRAME_ID: &str = "er-frame";

/// How many frames: the one shown and two hidden ones (the next two documents).
pub(crate) const SLOTS: usize = 3;

/// The frames' elements and which of them is shown.
#[derive(Clone, Default, PartialEq)]
pub(crate) struct Frames {
    slots: [NodeRef; SLOTS],
    shown: Rc<Cell<usize>>,
}

impl Frames {
    /// The slot of the frame shown.
    pub(crate) fn shown_slot(&self) -> usize {
        self.shown.get()
    }

    /// The element of slot `slot`.
    pub(crate) fn slot(&self, slot: usize) -> NodeRef {
        self.slots[slot % SLOTS].clone()
    }

    /// The frame shown.
    pub(crate) fn shown(&self) -> Option<HtmlIFrameElement> {
        self.slots[self.shown.get()].cast()
    }

    /// The frame of slot `slot`.
    pub(crate) fn frame(&self, slot: usize) -> Option<HtmlIFrameElement> {
        self.slots[slot % SLOTS].cast()
    }

    /// The hidden slots.
    pub(crate) fn hidden(&self) -> impl Iterator<Item = usize> + use<> {
        let shown = self.shown.get();
        (0..SLOTS).filter(move |slot| *slot != shown)
    }

    /// Shows the frame of slot `slot` instead of the shown one (which is hidden then).
    pub(crate) fn show(&self, slot: usize) {
        self.shown.set(slot % SLOTS);
    }
}
