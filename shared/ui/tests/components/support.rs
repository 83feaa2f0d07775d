//! Helpers of the browser tests: mount a component, wait for the DOM, find elements,
//! dispatch events and stand in for the server with a stub `fetch`.

use std::time::Duration;

use gloo_timers::future::sleep;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, HtmlElement, KeyboardEvent, KeyboardEventInit, PointerEvent,
    PointerEventInit, Window,
};
use yew::{AppHandle, BaseComponent};

pub(crate) fn window() -> Window {
    web_sys::window().expect("a window")
}

pub(crate) fn document() -> Document {
    window().document().expect("a document")
}

pub(crate) fn html() -> Element {
    document().document_element().expect("an <html> element")
}

/// A component rendered into its own element at the end of `<body>`.
pub(crate) struct Mounted<C: BaseComponent> {
    pub(crate) root: Element,
    pub(crate) handle: AppHandle<C>,
}

impl<C: BaseComponent> Mounted<C> {
    /// The first element matching `selector` inside the component.
    pub(crate) fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    /// Like `find`, for elements the test cannot go on without.
    pub(crate) fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("no {selector} in {}", self.root.inner_html()))
    }

    /// The text of the first element matching `selector`, or "" when there is none.
    pub(crate) fn text(&self, selector: &str) -> String {
        self.find(selector)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    /// Removes the component and its element.
    pub(crate) fn unmount(self) {
        self.handle.destroy();
        self.root.remove();
    }
}

pub(crate) fn mount<C: BaseComponent>(props: C::Properties) -> Mounted<C> {
    let root = document().create_element("div").expect("a new div");
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    let handle = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    Mounted { root, handle }
}

/// Waits (up to two seconds) until `condition` holds; `what` explains a timeout.
pub(crate) async fn wait_for(what: &str, mut condition: impl FnMut() -> bool) {
    for _ in 0..200 {
        if condition() {
            return;
        }
        sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

/// Lets pending renders, effects and fetches run, for checks that something did *not*
/// happen (there is no condition to wait for).
pub(crate) async fn settle() {
    sleep(Duration::from_millis(60)).await;
}

pub(crate) fn click(element: &Element) {
    element
        .dyn_ref::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

pub(crate) fn focus(element: &Element) {
    element
        .dyn_ref::<HtmlElement>()
        .expect("an HTML element")
        .focus()
        .expect("focusable");
}

/// Dispatches a bubbling `keydown` of `key` on `target`.
pub(crate) fn key_down(target: &Element, key: &str, ctrl: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("an event");
    target.dispatch_event(&event).expect("dispatched");
}

/// Dispatches a bubbling pointer event (`pointerdown`, `pointermove`, `pointerup`) of the
/// primary mouse button at `client_x` on `target`.
pub(crate) fn pointer(target: &Element, kind: &str, client_x: i32) {
    let init = PointerEventInit::new();
    init.set_pointer_id(1);
    init.set_pointer_type("mouse");
    init.set_is_primary(true);
    init.set_button(0);
    init.set_client_x(client_x);
    init.set_client_y(100);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = PointerEvent::new_with_event_init_dict(kind, &init).expect("an event");
    target.dispatch_event(&event).expect("dispatched");
}

pub(crate) fn storage() -> web_sys::Storage {
    window()
        .local_storage()
        .ok()
        .flatten()
        .expect("localStorage")
}

const FETCH_STUB: &str = r#"
    const routes = JSON.parse(routesJson);
    if (!window.__realFetch) { window.__realFetch = window.fetch; }
    window.__fetchCalls = [];
    window.fetch = async (input, init) => {
        const request = new Request(input, init);
        const call = {
            key: request.method + " " + new URL(request.url).pathname,
            accept: request.headers.get("accept"),
            csrf: request.headers.get("x-csrf-token"),
            body: "",
        };
        window.__fetchCalls.push(call);
        if (!["GET", "HEAD"].includes(request.method)) { call.body = await request.text(); }
        const route = routes[call.key];
        if (route === undefined) {
            return new Response("<h1>Not found</h1>", { status: 404, headers: { "content-type": "text/html" } });
        }
        if (route === "network") { throw new TypeError("Failed to fetch"); }
        const [status, json] = route;
        const body = status === 204 || json === null ? null : JSON.stringify(json);
        return new Response(body, { status, headers: { "content-type": "application/json" } });
    };
"#;

/// Replaces `window.fetch` by a stub that answers from `routes`, an object mapping
/// `"METHOD /path"` to `[status, json]` or to `"network"` (a failed connection); any
/// other request gets a 404 HTML page. Every request is recorded for [`fetch_calls`].
pub(crate) fn stub_fetch(routes: serde_json::Value) {
    let install = js_sys::Function::new_with_args("routesJson", FETCH_STUB);
    install
        .call1(&JsValue::NULL, &JsValue::from_str(&routes.to_string()))
        .expect("stub installed");
}

/// One request the stub saw.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct FetchCall {
    pub(crate) key: String,
    pub(crate) accept: Option<String>,
    pub(crate) csrf: Option<String>,
    pub(crate) body: String,
}

/// The requests the stub has seen since it was installed.
pub(crate) fn fetch_calls() -> Vec<FetchCall> {
    let calls = js_sys::Reflect::get(&window(), &JsValue::from_str("__fetchCalls")).expect("calls");
    let json = js_sys::JSON::stringify(&calls)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    serde_json::from_str(&json).unwrap_or_default()
}
