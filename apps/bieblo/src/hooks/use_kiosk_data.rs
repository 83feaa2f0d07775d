//! `use_kiosk_data`: loads a branch's kiosk settings and its library's snapshot, and loads them again
//! every few minutes and when the device is back online. A network blip never shows: the
//! last good data stays, in memory and in localStorage (library data only, never
//! anything about a child); after each attempt that reached the kiosk on the server, its
//! heartbeat tells staff which book list it shows and whether the newest could load.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use suite_domain::bieblo::Snapshot;
use suite_domain::bieblo::kiosk::{KioskSettings, kiosk_api_path};
use suite_domain::bieblo::kiosk_health::KioskProblem;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::heartbeat;
use crate::fetch::{FetchError, get_json, parse};
use crate::library::Library;

/// How often a running kiosk fetches its data again (cheap: the server answers 304).
const REFRESH_MILLIS: u32 = 5 * 60 * 1000;
/// How often a kiosk without data tries again.
const RETRY_MILLIS: u32 = 30 * 1000;

/// What the kiosk can show.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum KioskData {
    Loading,
    Ready(Rc<Library>),
    /// No such kiosk, or nothing could be loaded and nothing was remembered.
    NotReady,
    /// Staff have not switched this branch's kiosk on (or switched it off).
    SwitchedOff,
    /// The library does not have Bieblo switched on (no active subscription).
    NotActiveHere,
}

/// The result of one attempt.
enum Fetched {
    Loaded(Library),
    /// The kiosk is on, but its library's book list could not be loaded.
    NoBookList(NoData),
    /// An attempt that brought no fresh data.
    Not(NoData),
}

impl Fetched {
    /// What the attempt's heartbeat reports: `None` when it sends none (the kiosk on
    /// the server was not reached, or is not on).
    fn reported(&self) -> Option<Option<KioskProblem>> {
        match self {
            Self::Loaded(_) => Some(None),
            Self::NoBookList(_) => Some(Some(KioskProblem::Snapshot)),
            Self::Not(_) => None,
        }
    }
}

/// Why an attempt brought no fresh data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NoData {
    /// The server said the kiosk is switched off (staff's choice).
    SwitchedOff,
    /// The server said the library does not have Bieblo.
    NotActiveHere,
    /// The server answered 4xx: no kiosk, no snapshot, or a refusal.
    Missing,
    /// The server could not be reached or answered with a failure.
    Unreachable,
}

/// What the kiosk does after an attempt without fresh data.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// Goes on with what it shows.
    Keep,
    Show(KioskData),
    /// Shows what localStorage remembers, or "not ready".
    Remembered,
}

/// A refresh error never interrupts a visit: with data shown, only the server's answer
/// that the kiosk is switched off or Bieblo is not active here changes it. Without data,
/// a 4xx means "not ready" and no answer falls back on what was remembered.
fn after_no_data(why: NoData, showing: bool) -> Step {
    match (why, showing) {
        (NoData::SwitchedOff, _) => Step::Show(KioskData::SwitchedOff),
        (NoData::NotActiveHere, _) => Step::Show(KioskData::NotActiveHere),
        (NoData::Missing | NoData::Unreachable, true) => Step::Keep,
        (NoData::Missing, false) => Step::Show(KioskData::NotReady),
        (NoData::Unreachable, false) => Step::Remembered,
    }
}

/// A kiosk: the library and the branch.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Kiosk {
    library: String,
    branch: String,
}

/// localStorage keys of the kiosk's settings and its library's snapshot, as the server
/// sent them.
fn storage_keys(kiosk: &Kiosk) -> [String; 2] {
    let Kiosk { library, branch } = kiosk;
    [
        format!("bieblo.kiosk.{library}.{branch}.settings"),
        format!("bieblo.kiosk.{library}.{branch}.snapshot"),
    ]
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn remembered(kiosk: &Kiosk) -> Option<Library> {
    let storage = local_storage()?;
    let [settings, snapshot] = storage_keys(kiosk).map(|key| storage.get_item(&key).ok().flatten());
    Some(Library {
        settings: parse(&settings?).ok()?,
        snapshot: parse(&snapshot?).ok()?,
    })
}

/// Remembers the texts for the next blip; a full or missing storage is not worth a word.
fn remember(kiosk: &Kiosk, texts: [&str; 2]) {
    if let Some(storage) = local_storage() {
        for (key, text) in storage_keys(kiosk).iter().zip(texts) {
            let _ = storage.set_item(key, text);
        }
    }
}

fn failed(error: FetchError) -> Fetched {
    Fetched::Not(match error {
        FetchError::Missing => NoData::Missing,
        FetchError::Unreachable => NoData::Unreachable,
    })
}

async fn fetch(kiosk: &Kiosk) -> Fetched {
    let (settings, settings_text) =
        match get_json::<KioskSettings>(&kiosk_api_path(&kiosk.library, &kiosk.branch)).await {
            Ok((settings, _)) if !settings.subscribed => {
                return Fetched::Not(NoData::NotActiveHere);
            }
            Ok((settings, text)) if settings.active => (settings, text),
            Ok(_) => return Fetched::Not(NoData::SwitchedOff),
            Err(error) => return failed(error),
        };
    match get_json::<Snapshot>(&format!("/data/bieblo/{}.json", kiosk.library)).await {
        Ok((snapshot, snapshot_text)) => {
            remember(kiosk, [&settings_text, &snapshot_text]);
            Fetched::Loaded(Library { settings, snapshot })
        }
        Err(error) => match failed(error) {
            Fetched::Not(why) => Fetched::NoBookList(why),
            other => other,
        },
    }
}

/// The data of the kiosk of `library`'s `branch`, kept fresh while the component lives.
#[hook]
pub(crate) fn use_kiosk_data(library: &str, branch: &str) -> KioskData {
    let data = use_state(|| KioskData::Loading);
    let last_good: Rc<RefCell<Option<Rc<Library>>>> = use_mut_ref(|| None);
    let ready = matches!(*data, KioskData::Ready(_));
    {
        let data = data.clone();
        let kiosk = Kiosk {
            library: library.to_string(),
            branch: branch.to_string(),
        };
        use_effect_with((kiosk, ready), move |(kiosk, ready)| {
            let kiosk = kiosk.clone();
            let load = move || {
                let (data, last_good, kiosk) = (data.clone(), last_good.clone(), kiosk.clone());
                spawn_local(async move {
                    let (next, reported) = next_data(&kiosk, &last_good).await;
                    if let Some(next) = next {
                        data.set(next);
                    }
                    if let Some(problem) = reported {
                        let beat = heartbeat::heartbeat(problem, last_good.borrow().as_deref());
                        heartbeat::send(&kiosk.library, &kiosk.branch, &beat).await;
                    }
                });
            };
            // A kiosk without data tries again soon and at once; a ready one now and then.
            let every = if *ready { REFRESH_MILLIS } else { RETRY_MILLIS };
            if !*ready {
                load();
            }
            let online = OnWindow::new("online", load.clone());
            let interval = Interval::new(every, load);
            move || {
                drop(interval);
                drop(online);
            }
        });
    }
    (*data).clone()
}

/// A listener of a `window` event for as long as it lives.
struct OnWindow {
    name: &'static str,
    listener: Closure<dyn Fn()>,
}

impl OnWindow {
    fn new(name: &'static str, call: impl Fn() + 'static) -> Self {
        let listener = Closure::<dyn Fn()>::new(call);
        if let Some(window) = web_sys::window() {
            let _ =
                window.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        Self { name, listener }
    }
}

impl Drop for OnWindow {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                self.name,
                self.listener.as_ref().unchecked_ref(),
            );
        }
    }
}

/// What the kiosk shows after one more attempt (`None` when nothing changes), and what
/// its heartbeat reports (`None`: no heartbeat).
async fn next_data(
    kiosk: &Kiosk,
    last_good: &RefCell<Option<Rc<Library>>>,
) -> (Option<KioskData>, Option<Option<KioskProblem>>) {
    let fetched = fetch(kiosk).await;
    let reported = fetched.reported();
    (shown_after(kiosk, fetched, last_good), reported)
}

/// What the kiosk shows after an attempt; `None` when nothing changes.
fn shown_after(
    kiosk: &Kiosk,
    fetched: Fetched,
    last_good: &RefCell<Option<Rc<Library>>>,
) -> Option<KioskData> {
    let next = match fetched {
        Fetched::Loaded(fresh) => {
            if last_good.borrow().as_deref() == Some(&fresh) {
                return None;
            }
            let fresh = Rc::new(fresh);
            *last_good.borrow_mut() = Some(fresh.clone());
            KioskData::Ready(fresh)
        }
        Fetched::Not(why) | Fetched::NoBookList(why) => {
            match after_no_data(why, last_good.borrow().is_some()) {
                Step::Keep => return None,
                Step::Show(data) => data,
                Step::Remembered => match remembered(kiosk) {
                    Some(stored) => {
                        let stored = Rc::new(stored);
                        *last_good.borrow_mut() = Some(stored.clone());
                        KioskData::Ready(stored)
                    }
                    None => KioskData::NotReady,
                },
            }
        }
    };
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_refresh_error_never_interrupts_a_visit() {
        for why in [NoData::Missing, NoData::Unreachable] {
            assert_eq!(after_no_data(why, true), Step::Keep, "{why:?}");
        }
        assert_eq!(
            after_no_data(NoData::Missing, false),
            Step::Show(KioskData::NotReady)
        );
        assert_eq!(after_no_data(NoData::Unreachable, false), Step::Remembered);
    }

    #[wasm_bindgen_test]
    fn only_an_attempt_that_reached_the_kiosk_beats_and_a_missing_list_is_a_problem() {
        for why in [NoData::Missing, NoData::Unreachable] {
            assert_eq!(
                Fetched::NoBookList(why).reported(),
                Some(Some(KioskProblem::Snapshot)),
                "{why:?}"
            );
        }
        for why in [
            NoData::SwitchedOff,
            NoData::NotActiveHere,
            NoData::Missing,
            NoData::Unreachable,
        ] {
            assert_eq!(Fetched::Not(why).reported(), None, "{why:?}");
        }
    }

    #[wasm_bindgen_test]
    fn staff_switching_off_and_a_paused_subscription_take_effect() {
        for showing in [true, false] {
            assert_eq!(
                after_no_data(NoData::SwitchedOff, showing),
                Step::Show(KioskData::SwitchedOff)
            );
            assert_eq!(
                after_no_data(NoData::NotActiveHere, showing),
                Step::Show(KioskData::NotActiveHere)
            );
        }
    }
}
