//! Moving between pages without a reload: the current [`Route`] in a context, links that
//! push a history entry, and the browser's back button (`popstate`). Each page still has
//! a real URL that the server answers with the app (see `route.rs`). A page of another
//! bundle is opened with a full load.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::route::{Page, Route};

/// Which bundle runs (see `lib.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BundleKind {
    /// Choosing a centre, the swipe, a show's page.
    Main,
    /// The whole programme with its filters.
    Programme,
    /// The saved shows and the after-show chats.
    Saved,
}

impl BundleKind {
    /// Whether this bundle shows `page` (a wrong address gets its "not found" from
    /// whichever bundle the server handed out).
    pub(crate) fn shows(self, page: &Page) -> bool {
        match page {
            Page::Staff => false,
            Page::NotFound => true,
            Page::Saved => self == BundleKind::Saved,
            Page::Programme { .. } => self == BundleKind::Programme,
            Page::Home | Page::Show { .. } => self == BundleKind::Main,
        }
    }
}

/// The current route and the way to change it.
#[derive(Clone, PartialEq)]
pub(crate) struct Nav {
    pub(crate) route: Route,
    change: Callback<(Route, bool)>,
}

impl Nav {
    /// Opens `route` as a new history entry.
    pub(crate) fn go(&self, route: Route) {
        self.change.emit((route, false));
    }

    /// Shows `route` in place of the current entry (filter changes: the back button
    /// should not step through every tick of a checkbox).
    pub(crate) fn replace(&self, route: Route) {
        self.change.emit((route, true));
    }
}

fn write_history(href: &str, replace: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let _ = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    };
}

/// Opens `href` with a full load (a page of another bundle).
pub(crate) fn load(href: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let _ = if replace {
        location.replace(href)
    } else {
        location.assign(href)
    };
}

/// After a move to another page: to the top, and the keyboard focus on the main
/// landmark so screen readers start reading the new page.
fn arrive() {
    let Some(window) = web_sys::window() else {
        return;
    };
    window.scroll_to_with_x_and_y(0.0, 0.0);
    if let Some(main) = window
        .document()
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct NavProviderProps {
    pub(crate) bundle: BundleKind,
    #[prop_or_default]
    pub(crate) children: Html,
}

/// Holds the route for everything inside it.
#[function_component]
pub(crate) fn NavProvider(props: &NavProviderProps) -> Html {
    let route = use_state(Route::current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
                route.set(Route::current());
            });
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window.add_event_listener_with_callback(
                    "popstate",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback(
                        "popstate",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }
    let change = {
        let route = route.clone();
        let bundle = props.bundle;
        Callback::from(move |(next, replace): (Route, bool)| {
            if !bundle.shows(&next.page) {
                load(&next.href(), replace);
                return;
            }
            write_history(&next.href(), replace);
            let new_page = next.page != route.page;
            route.set(next);
            if new_page && !replace {
                arrive();
            }
        })
    };
    let nav = Nav {
        route: (*route).clone(),
        change,
    };
    html! {
        <ContextProvider<Nav> context={nav}>{ props.children.clone() }</ContextProvider<Nav>>
    }
}

/// The route and the way to change it (outside a provider: the address bar's route,
/// and changes that only write the history).
#[hook]
pub(crate) fn use_nav() -> Nav {
    use_context::<Nav>().unwrap_or_else(|| Nav {
        route: Route::current(),
        change: Callback::from(|(route, replace): (Route, bool)| {
            write_history(&route.href(), replace);
        }),
    })
}

#[derive(Properties, PartialEq)]
pub(crate) struct LinkProps {
    pub(crate) to: Route,
    #[prop_or_default]
    pub(crate) class: Classes,
    #[prop_or_default]
    pub(crate) children: Html,
    /// `aria-current="page"` for the link to the page on screen.
    #[prop_or_default]
    pub(crate) current: bool,
}

/// A link to another page of the app: a real `<a href>` (open in a new tab works), which
/// a plain click follows without a reload.
#[function_component]
pub(crate) fn Link(props: &LinkProps) -> Html {
    let nav = use_nav();
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |event: MouseEvent| {
            let plain = event.button() == 0
                && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
            if plain {
                event.prevent_default();
                nav.go(to.clone());
            }
        })
    };
    html! {
        <a href={props.to.href()} class={props.class.clone()} {onclick}
           aria-current={props.current.then_some("page")}>
            { props.children.clone() }
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn every_page_belongs_to_one_bundle_and_not_found_to_each() {
        let pages = [
            Page::Home,
            Page::Programme {
                filter_query: "max=10".into(),
            },
            Page::Show { id: "x".into() },
            Page::Saved,
        ];
        let bundles = [BundleKind::Main, BundleKind::Programme, BundleKind::Saved];
        for page in &pages {
            let showing = bundles.iter().filter(|b| b.shows(page)).count();
            assert_eq!(showing, 1, "{page:?} belongs to exactly one bundle");
        }
        assert!(BundleKind::Saved.shows(&Page::Saved));
        assert!(!BundleKind::Main.shows(&Page::Saved));
        assert!(BundleKind::Programme.shows(&Page::Programme {
            filter_query: String::new()
        }));
        assert!(!BundleKind::Main.shows(&Page::Programme {
            filter_query: String::new()
        }));
        // The staff bundle is a crate of its own; "not found" never loads another page.
        for bundle in bundles {
            assert!(!bundle.shows(&Page::Staff));
            assert!(bundle.shows(&Page::NotFound));
        }
    }
}
