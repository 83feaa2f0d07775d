//! Tells the page that the game is ready: sets `data-ready="true"` on the `<html>`
//! element once the title screen has been drawn.
//!
//! Every app of the suite follows this contract; the end-to-end tests and the
//! benchmark wait for the attribute instead of sleeping.

use bevy::prelude::*;

use crate::screens::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Last, mark_ready.run_if(in_state(Screen::Title)));
}

/// Frames of the title screen to finish before the page counts as ready. The
/// entities spawn in frame one and are rendered at its end; when the second frame
/// runs, the first has been drawn.
const FRAMES_BEFORE_READY: u32 = 2;

fn mark_ready(mut frames: Local<u32>) {
    if *frames < FRAMES_BEFORE_READY {
        *frames += 1;
        if *frames == FRAMES_BEFORE_READY {
            set_ready_attribute();
        }
    }
}

fn set_ready_attribute() {
    if set_root_attribute("data-ready", "true") {
        info!("title screen drawn: data-ready set");
    }
}

/// Sets an attribute on `<html>`, where tests and the page's own scripts read the
/// game's state; `false` (and a warning) when there is no document.
pub(crate) fn set_root_attribute(name: &str, value: &str) -> bool {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element());
    match root.map(|root| root.set_attribute(name, value)) {
        Some(Ok(())) => true,
        _ => {
            warn!("could not set {name} on the document element");
            false
        }
    }
}
