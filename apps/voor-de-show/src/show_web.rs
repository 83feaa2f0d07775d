//! The browser side of the show in play: takes the link's show from the page's loading
//! screen, which asked the API for it while the game downloaded (`window.vdsShow`,
//! loader.js), or else fetches it at start (while the title screen shows); hands the
//! answer to bevy through a shared slot as `api_check` does, sends the class's events
//! (fire and forget), tells the show's state on `<html>` (`data-show`,
//! `data-show-title`, see `ready`) and keeps the show's picture, an HTML `<img>` over
//! the canvas.
//!
//! Outside the browser the requests and the picture are no-ops.

use std::sync::{Arc, Mutex};

use bevy::prelude::*;

use crate::show::{Outbox, ShowImage, ShowInPlay, ShowSource, ShowStatus, status_of};
use crate::web;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, start_fetch);
    app.add_systems(
        Update,
        (
            receive_show.run_if(resource_exists::<ShowSlot>),
            send_events,
            report_show,
        )
            .chain(),
    );
}

/// Where the fetch leaves its answer. Removed once the answer is copied.
#[derive(Resource)]
struct ShowSlot(Arc<Mutex<Option<ShowStatus>>>);

fn start_fetch(mut commands: Commands, show: Res<ShowInPlay>) {
    let Some(source) = show
        .source
        .clone()
        .filter(|_| show.status == ShowStatus::Loading)
    else {
        return;
    };
    let slot = Arc::new(Mutex::new(None));
    let task_slot = Arc::clone(&slot);
    wasm_bindgen_futures::spawn_local(async move {
        let status = fetch_show(&source).await;
        if let Ok(mut answer) = task_slot.lock() {
            *answer = Some(status);
        }
    });
    commands.insert_resource(ShowSlot(slot));
}

/// The show `source` names, as the API answers it.
async fn fetch_show(source: &ShowSource) -> ShowStatus {
    let Some(path) = source.path() else {
        return ShowStatus::Unknown;
    };
    let answer = match imp::from_loader(&path).await {
        Some(answer) => Some(answer),
        None => imp::get(&path).await,
    };
    let Some((http, body)) = answer else {
        warn!("Voor de Show: the show did not load");
        return ShowStatus::Failed;
    };
    let status = status_of(source, http, body.as_deref());
    if status == ShowStatus::Failed {
        warn!("Voor de Show: the show answered {http}");
    }
    status
}

fn receive_show(mut commands: Commands, slot: Res<ShowSlot>, mut show: ResMut<ShowInPlay>) {
    let answer = slot.0.lock().ok().and_then(|mut answer| answer.take());
    if let Some(status) = answer {
        show.status = status;
        info!("the link's show: {}", show.marker());
        commands.remove_resource::<ShowSlot>();
    }
}

fn send_events(mut outbox: ResMut<Outbox>, show: Res<ShowInPlay>) {
    if outbox.0.is_empty() {
        return;
    }
    let events = std::mem::take(&mut outbox.0);
    if let Some(code) = show.counted_code() {
        for event in events {
            imp::post_event(code, &event);
        }
    }
}

/// `data-show` and `data-show-title` on `<html>` whenever the show changes.
fn report_show(show: Res<ShowInPlay>) {
    if !show.is_changed() {
        return;
    }
    web::set_root_attribute("data-show", show.marker());
    match show.show().map(|s| s.show.title.trim()) {
        Some(title) if !title.is_empty() => {
            web::set_root_attribute("data-show-title", title);
        }
        _ => web::remove_root_attribute("data-show-title"),
    }
}

/// Puts the show's picture over the canvas at `rect` (CSS pixels: left, top, width,
/// height), made if absent.
pub(crate) fn show_image(image: &ShowImage, rect: [i32; 4]) {
    imp::show_image(image, rect);
}

/// Takes the show's picture away.
pub(crate) fn hide_image() {
    imp::hide_image();
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use suite_domain::show::api::PlayEvent;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use crate::show::ShowImage;
    use crate::web::api_url;

    /// The `<img>` over the canvas.
    const IMAGE_ID: &str = "vds-show-image";
    /// After this long without an answer the show counts as not loaded.
    const TIMEOUT_MS: u32 = 10_000;

    fn init(method: &str) -> web_sys::RequestInit {
        let init = web_sys::RequestInit::new();
        init.set_method(method);
        // The preview goes with the company's staff cookie; a class has none.
        init.set_credentials(web_sys::RequestCredentials::SameOrigin);
        init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS)));
        init
    }

    /// The answer the page's loading screen got for `path` (`window.vdsShow = {path,
    /// answer}`, loader.js), if it asked for that show and got one; `None` otherwise
    /// (then the game asks itself).
    pub(super) async fn from_loader(path: &str) -> Option<(u16, Option<String>)> {
        use js_sys::Reflect;
        let left = Reflect::get(&web_sys::window()?.into(), &"vdsShow".into()).ok()?;
        if !left.is_object() {
            return None;
        }
        let asked = Reflect::get(&left, &"path".into()).ok()?.as_string()?;
        if asked != path {
            return None;
        }
        let answer = Reflect::get(&left, &"answer".into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()?;
        let answer = JsFuture::from(answer).await.ok()?;
        if !answer.is_object() {
            return None;
        }
        let status = Reflect::get(&answer, &"status".into()).ok()?.as_f64()?;
        let body = Reflect::get(&answer, &"body".into()).ok()?.as_string();
        Some((status as u16, body))
    }

    /// `GET path`'s status and body; `None` without an answer.
    pub(super) async fn get(path: &str) -> Option<(u16, Option<String>)> {
        let request = web_sys::window()?.fetch_with_str_and_init(&api_url(path), &init("GET"));
        let answer = JsFuture::from(request).await.ok()?;
        let response = answer.dyn_into::<web_sys::Response>().ok()?;
        let body = match response.text() {
            Ok(text) => JsFuture::from(text).await.ok().and_then(|t| t.as_string()),
            Err(_) => None,
        };
        Some((response.status(), body))
    }

    pub(super) fn post_event(code: &str, event: &PlayEvent) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let body = match serde_json::to_string(event) {
            Ok(body) => body,
            Err(e) => {
                web_sys::console::warn_1(&format!("Voor de Show: event: {e}").into());
                return;
            }
        };
        let init = init("POST");
        init.set_body(&JsValue::from_str(&body));
        if let Ok(headers) = web_sys::Headers::new() {
            let _ = headers.set("content-type", "application/json");
            init.set_headers(&headers);
        }
        let url = api_url(&format!("/api/voor-de-show/play/{code}/events"));
        let request = window.fetch_with_str_and_init(&url, &init);
        wasm_bindgen_futures::spawn_local(async move {
            let answer = JsFuture::from(request).await;
            let sent = answer
                .ok()
                .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
                .is_some_and(|r| r.ok());
            if !sent {
                web_sys::console::warn_1(&"Voor de Show: an event was not counted".into());
            }
        });
    }

    fn document() -> Option<web_sys::Document> {
        web_sys::window().and_then(|w| w.document())
    }

    pub(super) fn show_image(image: &ShowImage, rect: [i32; 4]) {
        let Some(document) = document() else { return };
        let element = document.get_element_by_id(IMAGE_ID).or_else(|| {
            let img = document.create_element("img").ok()?;
            img.set_id(IMAGE_ID);
            img.set_class_name("vds-show-image");
            document.body()?.append_child(&img).ok()?;
            Some(img)
        });
        let Some(element) = element else { return };
        let src = api_url(&image.url);
        if element.get_attribute("src").as_deref() != Some(src.as_str()) {
            let _ = element.set_attribute("src", &src);
        }
        let _ = element.set_attribute("alt", &image.alt);
        // Through the CSSOM: the page's CSP refuses style attributes.
        if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
            let style = html.style();
            for (name, value) in ["left", "top", "width", "height"].into_iter().zip(rect) {
                let _ = style.set_property(name, &format!("{value}px"));
            }
        }
    }

    pub(super) fn hide_image() {
        if let Some(element) = document().and_then(|d| d.get_element_by_id(IMAGE_ID)) {
            element.remove();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use suite_domain::show::api::PlayEvent;

    use crate::show::ShowImage;

    pub(super) async fn from_loader(_path: &str) -> Option<(u16, Option<String>)> {
        None
    }
    pub(super) async fn get(_path: &str) -> Option<(u16, Option<String>)> {
        None
    }
    pub(super) fn post_event(_code: &str, _event: &PlayEvent) {}
    pub(super) fn show_image(_image: &ShowImage, _rect: [i32; 4]) {}
    pub(super) fn hide_image() {}
}
