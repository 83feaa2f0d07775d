//! The game's few touches of the browser, in one place: `localStorage`, the page's query,
//! the API's address, attributes on `<html>`, the screen readers' live region,
//! fullscreen and the canvas' keys. (The show's fetch and picture: `show_web`.)
//!
//! Outside the browser (the native tests) every function does nothing and reads
//! nothing, so the game's logic runs without a window.

/// The value under `key` in `localStorage`, if there is one.
pub(crate) fn load(key: &str) -> Option<String> {
    imp::load(key)
}

/// Keeps `value` under `key` in `localStorage`; quietly nothing when storage is off.
pub(crate) fn save(key: &str, value: &str) {
    imp::save(key, value);
}

/// The page's query string (`?klas=...`), if it has one.
pub(crate) fn query() -> Option<String> {
    imp::query()
}

/// The address of the suite's API `path` (`/api/...`): on the same origin, or on the
/// instances a static export names in `<meta name="suite-api">` (as `suite_ui::api::url`
/// reads it for the other apps).
pub(crate) fn api_url(path: &str) -> String {
    imp::api_url(path)
}

/// Sets an attribute on `<html>`, where tests and the page's scripts read the game's
/// state; `false` when there is no document.
pub(crate) fn set_root_attribute(name: &str, value: &str) -> bool {
    imp::set_root_attribute(name, value)
}

/// Runs `then` at the browser's next animation frame (`requestAnimationFrame`): after the
/// frame being drawn now has been taken by the browser. Outside the browser, at once.
pub(crate) fn after_frame(then: impl FnOnce() + 'static) {
    imp::after_frame(then);
}

/// Removes an attribute from `<html>`.
pub(crate) fn remove_root_attribute(name: &str) {
    imp::remove_root_attribute(name);
}

/// An attribute of `<html>` (the page's loading screen leaves the class's age there).
pub(crate) fn root_attribute(name: &str) -> Option<String> {
    imp::root_attribute(name)
}

/// Puts `text` in the visually hidden live region `#vds-live` (made if absent), so a
/// screen reader says every subtitle and tests can read it.
pub(crate) fn announce(text: &str) {
    imp::announce(text);
}

/// Asks the browser for fullscreen, or leaves it when the page is fullscreen already.
pub(crate) fn toggle_fullscreen() {
    imp::toggle_fullscreen();
}

/// A `performance.mark(name)`: the steps of the game's start (`vds-main`, `vds-built`,
/// `vds-first-update`, `vds-loaded`) on the page's timeline, which the bench reports
/// and the browser's DevTools show.
pub(crate) fn mark(name: &str) {
    imp::mark(name);
}

/// Gives the canvas the keyboard focus and keeps Tab, the arrows and Space inside the
/// game (the browser would move the focus away or scroll).
pub(crate) fn keep_keys_in_canvas() {
    imp::keep_keys_in_canvas();
}

/// The size the page's CSS gives the canvas now (CSS pixels), to make the window that
/// size from the start; none outside the browser or before the page is laid out.
pub(crate) fn canvas_size() -> Option<(u32, u32)> {
    imp::canvas_size()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::{JsCast, closure::Closure};

    fn document() -> Option<web_sys::Document> {
        web_sys::window().and_then(|w| w.document())
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window().and_then(|w| w.local_storage().ok().flatten())
    }

    pub(super) fn query() -> Option<String> {
        let search = web_sys::window()?.location().search().ok()?;
        (!search.is_empty()).then_some(search)
    }

    pub(super) fn api_url(path: &str) -> String {
        let base = document()
            .and_then(|d| d.query_selector("meta[name=\"suite-api\"]").ok().flatten())
            .and_then(|meta| meta.get_attribute("content"))
            .map(|base| base.trim().trim_end_matches('/').to_string())
            .unwrap_or_default();
        format!("{base}{path}")
    }

    pub(super) fn load(key: &str) -> Option<String> {
        storage().and_then(|s| s.get_item(key).ok().flatten())
    }

    pub(super) fn save(key: &str, value: &str) {
        if let Some(storage) = storage()
            && storage.set_item(key, value).is_err()
        {
            bevy::log::warn!("could not keep {key} in localStorage");
        }
    }

    pub(super) fn set_root_attribute(name: &str, value: &str) -> bool {
        let root = document().and_then(|d| d.document_element());
        match root.map(|root| root.set_attribute(name, value)) {
            Some(Ok(())) => true,
            _ => {
                bevy::log::warn!("could not set {name} on the document element");
                false
            }
        }
    }

    pub(super) fn after_frame(then: impl FnOnce() + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let callback = Closure::once_into_js(then);
        if window
            .request_animation_frame(callback.unchecked_ref())
            .is_err()
        {
            bevy::log::warn!("the browser refused an animation frame");
        }
    }

    pub(super) fn remove_root_attribute(name: &str) {
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.remove_attribute(name);
        }
    }

    pub(super) fn root_attribute(name: &str) -> Option<String> {
        document()?.document_element()?.get_attribute(name)
    }

    /// Hidden from sight, not from screen readers (the usual visually-hidden rules),
    /// set through the CSSOM: the page's CSP refuses style attributes.
    const HIDDEN: [(&str, &str); 9] = [
        ("position", "absolute"),
        ("width", "1px"),
        ("height", "1px"),
        ("margin", "-1px"),
        ("padding", "0"),
        ("overflow", "hidden"),
        ("clip-path", "inset(50%)"),
        ("border", "0"),
        ("white-space", "nowrap"),
    ];

    pub(super) fn announce(text: &str) {
        let Some(document) = document() else { return };
        let region = document.get_element_by_id("vds-live").or_else(|| {
            let p = document.create_element("p").ok()?;
            p.set_id("vds-live");
            let _ = p.set_attribute("aria-live", "polite");
            if let Some(html) = p.dyn_ref::<web_sys::HtmlElement>() {
                let style = html.style();
                for (name, value) in HIDDEN {
                    let _ = style.set_property(name, value);
                }
            }
            document.body()?.append_child(&p).ok()?;
            Some(p)
        });
        if let Some(region) = region {
            region.set_text_content(Some(text));
        }
    }

    pub(super) fn toggle_fullscreen() {
        let Some(document) = document() else { return };
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        } else if let Some(root) = document.document_element()
            && root.request_fullscreen().is_err()
        {
            bevy::log::warn!("the browser refused fullscreen");
        }
    }

    pub(super) fn mark(name: &str) {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark(name);
        }
    }

    pub(super) fn canvas_size() -> Option<(u32, u32)> {
        let rect = document()?
            .get_element_by_id("game")?
            .get_bounding_client_rect();
        let (width, height) = (rect.width().round(), rect.height().round());
        (width >= 1.0 && height >= 1.0).then_some((width as u32, height as u32))
    }

    pub(super) fn keep_keys_in_canvas() {
        let Some(canvas) = document()
            .and_then(|d| d.get_element_by_id("game"))
            .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let keep =
            Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(|e: web_sys::KeyboardEvent| {
                let key = e.key();
                let ours = matches!(
                    key.as_str(),
                    "Tab" | " " | "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight"
                );
                if ours && !e.ctrl_key() && !e.alt_key() && !e.meta_key() {
                    e.prevent_default();
                }
            });
        let added = canvas
            .add_event_listener_with_callback("keydown", keep.as_ref().unchecked_ref())
            .is_ok();
        // The listener lives as long as the page.
        keep.forget();
        if added {
            let _ = canvas.focus();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub(super) fn query() -> Option<String> {
        None
    }
    pub(super) fn api_url(path: &str) -> String {
        path.to_owned()
    }
    pub(super) fn load(_key: &str) -> Option<String> {
        None
    }
    pub(super) fn save(_key: &str, _value: &str) {}
    pub(super) fn set_root_attribute(_name: &str, _value: &str) -> bool {
        false
    }
    pub(super) fn remove_root_attribute(_name: &str) {}
    pub(super) fn root_attribute(_name: &str) -> Option<String> {
        None
    }
    pub(super) fn after_frame(then: impl FnOnce() + 'static) {
        then();
    }
    pub(super) fn announce(_text: &str) {}
    pub(super) fn toggle_fullscreen() {}
    pub(super) fn mark(_name: &str) {}
    pub(super) fn keep_keys_in_canvas() {}
    pub(super) fn canvas_size() -> Option<(u32, u32)> {
        None
    }
}
