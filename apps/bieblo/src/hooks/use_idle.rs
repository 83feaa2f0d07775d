//! `use_idle`: the kiosk's idle timer. After `idle_seconds` without a touch, click, key or
//! pointer move it counts down [`IDLE_COUNTDOWN_SECONDS`] (the component shows an overlay),
//! then calls `on_idle`. Any input starts the wait over.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use yew::prelude::*;

use super::use_window_event::use_window_event;

/// How long the "are you still there?" countdown lasts.
pub(crate) const IDLE_COUNTDOWN_SECONDS: u32 = 10;
/// Input that counts as someone being there.
const INPUT_EVENTS: &[&str] = &[
    "pointerdown",
    "pointermove",
    "keydown",
    "touchstart",
    "wheel",
];
/// How often the timer looks at the clock.
const TICK_MILLIS: u32 = 250;

/// Where an idle kiosk stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdlePhase {
    /// Someone was there recently.
    Active,
    /// Counting down; the seconds left, at least 1.
    Countdown(u32),
    /// Time is up.
    Expired,
}

/// The phase after `elapsed_ms` without input, for a kiosk that waits `idle_seconds`.
pub(crate) fn idle_phase(elapsed_ms: f64, idle_seconds: u32) -> IdlePhase {
    let idle_ms = f64::from(idle_seconds) * 1000.0;
    let left_ms = idle_ms + f64::from(IDLE_COUNTDOWN_SECONDS) * 1000.0 - elapsed_ms;
    if elapsed_ms < idle_ms {
        IdlePhase::Active
    } else if left_ms > 0.0 {
        // At most the countdown's length: `left_ms` is in (0, countdown].
        IdlePhase::Countdown((left_ms / 1000.0).ceil() as u32)
    } else {
        IdlePhase::Expired
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Runs the idle timer while `armed`; answers the seconds left while counting down.
#[hook]
pub(crate) fn use_idle(armed: bool, idle_seconds: u32, on_idle: Callback<()>) -> Option<u32> {
    let last_input = use_mut_ref(now);
    let countdown = use_state_eq(|| None::<u32>);
    let latest_on_idle: Rc<RefCell<Callback<()>>> = use_mut_ref(|| on_idle.clone());
    *latest_on_idle.borrow_mut() = on_idle;

    {
        let (last_input, countdown) = (last_input.clone(), countdown.clone());
        use_window_event(
            INPUT_EVENTS,
            Callback::from(move |_| {
                *last_input.borrow_mut() = now();
                countdown.set(None);
            }),
        );
    }

    {
        let countdown = countdown.clone();
        use_effect_with((armed, idle_seconds), move |&(armed, idle_seconds)| {
            *last_input.borrow_mut() = now();
            countdown.set(None);
            let interval = armed.then(|| {
                Interval::new(TICK_MILLIS, move || {
                    let elapsed = now() - *last_input.borrow();
                    match idle_phase(elapsed, idle_seconds) {
                        IdlePhase::Active => countdown.set(None),
                        IdlePhase::Countdown(left) => countdown.set(Some(left)),
                        IdlePhase::Expired => {
                            *last_input.borrow_mut() = now();
                            countdown.set(None);
                            let on_idle = latest_on_idle.borrow().clone();
                            on_idle.emit(());
                        }
                    }
                })
            });
            move || drop(interval)
        });
    }
    (*countdown).filter(|_| armed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_countdown_follows_the_idle_time() {
        let cases = [
            (0.0, IdlePhase::Active),
            (59_999.0, IdlePhase::Active),
            (60_000.0, IdlePhase::Countdown(10)),
            (60_001.0, IdlePhase::Countdown(10)),
            (65_500.0, IdlePhase::Countdown(5)),
            (69_999.0, IdlePhase::Countdown(1)),
            (70_000.0, IdlePhase::Expired),
            (1e9, IdlePhase::Expired),
        ];
        for (elapsed, phase) in cases {
            assert_eq!(idle_phase(elapsed, 60), phase, "{elapsed}");
        }
        assert_eq!(idle_phase(15_000.0, 15), IdlePhase::Countdown(10));
    }
}
