//! The reader's two frames: the one shown, and a hidden one that loads and lays out the
//! document a turn reaches next while the reader reads (`controller::Reader::plan_ahead`),
//! so that crossing into it swaps the two instead of fetching and laying it out then.
//! Each frame keeps its element for good (a frame moved in the page would load again);
//! which one is shown changes.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::HtmlIFrameElement;
use yew::NodeRef;

/// The id of the frame shown (the focus goes there after a jump).
pub(crate) const FRAME_ID: &str = "er-frame";

/// The two frames' elements and which of them is shown.
#[derive(Clone, Default, PartialEq)]
pub(crate) struct Frames {
    slots: [NodeRef; 2],
    shown: Rc<Cell<usize>>,
}

impl Frames {
    /// The slot (0 or 1) of the frame shown.
    pub(crate) fn shown_slot(&self) -> usize {
        self.shown.get()
    }

    /// The element of slot `slot`.
    pub(crate) fn slot(&self, slot: usize) -> NodeRef {
        self.slots[slot % 2].clone()
    }

    /// The frame shown.
    pub(crate) fn shown(&self) -> Option<HtmlIFrameElement> {
        self.slots[self.shown.get()].cast()
    }

    /// The hidden frame, which holds the document ahead.
    pub(crate) fn spare(&self) -> Option<HtmlIFrameElement> {
        self.slots[1 - self.shown.get()].cast()
    }

    /// Shows the hidden frame instead of the shown one (which becomes the hidden one).
    pub(crate) fn swap(&self) {
        self.shown.set(1 - self.shown.get());
    }
}
