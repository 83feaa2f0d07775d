//! Dragging the top card of the swipe deck: where the pointer went, how the card follows
//! (through the CSSOM, since the pages' CSP forbids `style=` attributes) and whether the
//! gesture counts as a swipe.

use std::rc::Rc;

use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::deck_state::Verdict;

/// A swipe needs the card dragged this part of its width...
pub(crate) const SWIPE_FRACTION: f64 = 0.3;
/// ...or a flick: at least this far...
pub(crate) const FLICK_MIN_PX: f64 = 50.0;
/// ...at least this fast (CSS pixels per millisecond).
pub(crate) const FLICK_MIN_SPEED: f64 = 0.6;
/// Card width assumed when the card has no layout (never rendered, hidden).
const FALLBACK_WIDTH: f64 = 320.0;
/// Elements inside a card that keep their own pointer behaviour (video controls, links).
const INTERACTIVE: &str = "a, button, input, select, textarea, video, audio, [data-no-swipe]";

/// The verdict of a drag over `dx` pixels in `millis` on a card `width` pixels wide.
pub(crate) fn verdict_for_drag(dx: f64, millis: f64, width: f64) -> Option<Verdict> {
    let width = if width > 0.0 { width } else { FALLBACK_WIDTH };
    let far = dx.abs() >= width * SWIPE_FRACTION;
    let flick = dx.abs() >= FLICK_MIN_PX && dx.abs() / millis.max(1.0) >= FLICK_MIN_SPEED;
    match (far || flick, dx > 0.0) {
        (false, _) => None,
        (true, true) => Some(Verdict::Like),
        (true, false) => Some(Verdict::Dislike),
    }
}

/// The pointer listeners for the card on top.
pub(crate) struct DragListeners {
    pub(crate) down: Callback<PointerEvent>,
    pub(crate) moved: Callback<PointerEvent>,
    pub(crate) up: Callback<PointerEvent>,
    pub(crate) cancel: Callback<PointerEvent>,
}

/// Lets the element behind `card` be dragged sideways; a drag that counts as a swipe
/// calls `on_verdict`, any other springs back.
#[hook]
pub(crate) fn use_card_drag(card: NodeRef, on_verdict: Callback<Verdict>) -> DragListeners {
    let drag = use_mut_ref(|| None::<Drag>);
    let with_card = |f: Rc<dyn Fn(PointerEvent, HtmlElement)>| {
        let card = card.clone();
        Callback::from(move |event: PointerEvent| {
            if let Some(card) = card.cast::<HtmlElement>() {
                f(event, card);
            }
        })
    };
    let down = {
        let drag = drag.clone();
        with_card(Rc::new(move |event, card| {
            *drag.borrow_mut() = Drag::start(&event, &card);
        }))
    };
    let moved = {
        let drag = drag.clone();
        with_card(Rc::new(move |event, card| {
            if let Some(current) = drag.borrow_mut().as_mut().filter(|d| d.owns(&event)) {
                current.follow(&event, &card);
            }
        }))
    };
    let up = {
        let drag = drag.clone();
        with_card(Rc::new(move |event, card| {
            let finished = drag.borrow_mut().take_if(|d| d.owns(&event));
            if let Some(verdict) = finished.and_then(|d| d.finish(&event, &card)) {
                on_verdict.emit(verdict);
            }
        }))
    };
    let cancel = with_card(Rc::new(move |_, card| {
        if drag.borrow_mut().take().is_some() {
            release(&card);
        }
    }));
    DragListeners {
        down,
        moved,
        up,
        cancel,
    }
}

/// A drag in progress.
#[derive(Debug, Clone, PartialEq)]
struct Drag {
    pointer_id: i32,
    start_x: f64,
    start_time: f64,
    dx: f64,
}

impl Drag {
    /// Starts a drag, unless the pointer went down on something interactive inside the
    /// card or is not the primary mouse button.
    fn start(event: &PointerEvent, card: &HtmlElement) -> Option<Self> {
        if event.pointer_type() == "mouse" && event.button() != 0 {
            return None;
        }
        let target = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Element>(t).ok());
        if target
            .and_then(|t| t.closest(INTERACTIVE).ok().flatten())
            .is_some()
        {
            return None;
        }
        // Fails for a pointer the browser no longer tracks; the drag still works while
        // the pointer stays on the card.
        let _ = card.set_pointer_capture(event.pointer_id());
        let _ = card.class_list().add_1("is-dragging");
        Some(Self {
            pointer_id: event.pointer_id(),
            start_x: f64::from(event.client_x()),
            start_time: event.time_stamp(),
            dx: 0.0,
        })
    }

    /// Whether `event` belongs to this drag.
    fn owns(&self, event: &PointerEvent) -> bool {
        event.pointer_id() == self.pointer_id
    }

    /// Follows the pointer: moves and tilts the card and fades the hints in.
    fn follow(&mut self, event: &PointerEvent, card: &HtmlElement) {
        self.dx = f64::from(event.client_x()) - self.start_x;
        let reach = (card_width(card) * SWIPE_FRACTION).max(1.0);
        let like = (self.dx / reach).clamp(0.0, 1.0);
        let dislike = (-self.dx / reach).clamp(0.0, 1.0);
        let style = card.style();
        let _ = style.set_property("--drag-x", &format!("{}px", self.dx.round() as i64));
        let rotate = two_decimals((self.dx / 20.0).clamp(-15.0, 15.0));
        let _ = style.set_property("--drag-rotate", &format!("{rotate}deg"));
        let _ = style.set_property("--hint-like", &two_decimals(like));
        let _ = style.set_property("--hint-dislike", &two_decimals(dislike));
    }

    /// Ends the drag at `event`: the verdict, if the gesture was a swipe.
    fn finish(mut self, event: &PointerEvent, card: &HtmlElement) -> Option<Verdict> {
        self.dx = f64::from(event.client_x()) - self.start_x;
        let millis = event.time_stamp() - self.start_time;
        release(card);
        verdict_for_drag(self.dx, millis, card_width(card))
    }
}

/// Puts the card back in its place (animated by the stylesheet's transition).
fn release(card: &HtmlElement) {
    let _ = card.class_list().remove_1("is-dragging");
    let style = card.style();
    for property in ["--drag-x", "--drag-rotate", "--hint-like", "--hint-dislike"] {
        let _ = style.remove_property(property);
    }
}

fn card_width(card: &HtmlElement) -> f64 {
    f64::from(card.offset_width())
}

/// `value` with two decimals, formatted through integers: formatting an `f64` would pull
/// about 10 KB of float-printing code into every app's wasm.
fn two_decimals(value: f64) -> String {
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    #[wasm_bindgen_test::wasm_bindgen_test]
    fn two_decimals_without_float_formatting() {
        for (value, text) in [
            (0.0, "0.00"),
            (0.5, "0.50"),
            (1.0, "1.00"),
            (-0.125, "-0.13"),
            (-15.0, "-15.00"),
            (0.004, "0.00"),
        ] {
            assert_eq!(super::two_decimals(value), text, "{value}");
        }
    }

    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn check(dx: f64, millis: f64, width: f64, expected: Option<Verdict>) {
        assert_eq!(
            verdict_for_drag(dx, millis, width),
            expected,
            "{dx}px in {millis}ms on {width}"
        );
    }

    #[wasm_bindgen_test]
    fn far_drags_and_flicks_swipe_short_slow_ones_do_not() {
        check(0.0, 500.0, 400.0, None);
        check(119.0, 2000.0, 400.0, None);
        check(120.0, 2000.0, 400.0, Some(Verdict::Like));
        check(-120.0, 2000.0, 400.0, Some(Verdict::Dislike));
        // A fast flick counts even when short...
        check(60.0, 50.0, 400.0, Some(Verdict::Like));
        check(-60.0, 50.0, 400.0, Some(Verdict::Dislike));
        // ...but not a twitch, however fast.
        check(20.0, 1.0, 400.0, None);
        check(-49.0, 0.0, 400.0, None);
        // No layout: the fallback width decides.
        check(100.0, 2000.0, 0.0, Some(Verdict::Like));
        check(90.0, 2000.0, 0.0, None);
    }
}
