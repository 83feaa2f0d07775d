//! `SectionViews`: one view at a time, each at its own address, the link to the current
//! one marked, the focus on a new view's heading, and the back button.

use suite_domain::i18n::Msg;
use suite_ui::{SectionViews, SectionViewsProps, View};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::html;

use crate::support::{click, document, mount, wait_for, window};

const VIEWS: &[View<()>] = &[
    View {
        slug: "een",
        title: Msg::Retry,
        heading: "view-een",
        render: |()| html! { <h3 id="view-een" tabindex="-1">{ "een" }</h3> },
    },
    View {
        slug: "twee",
        title: Msg::Undo,
        heading: "view-twee",
        render: |()| html! { <h3 id="view-twee" tabindex="-1">{ "twee" }</h3> },
    },
];

fn replace(href: &str) {
    let history = window().history().expect("a history");
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(href))
        .expect("address changed");
}

fn search() -> String {
    window().location().search().unwrap_or_default()
}

fn focused() -> Option<String> {
    document().active_element().map(|e| e.id())
}

#[wasm_bindgen_test]
async fn a_view_has_its_address_its_heading_takes_the_focus_and_back_returns() {
    let location = window().location();
    let was = format!("{}{}", location.pathname().unwrap_or_default(), search());
    replace("/app/views/?onderdeel=elders");
    let page = mount::<SectionViews<()>>(SectionViewsProps {
        views: VIEWS,
        context: (),
        label: Msg::BoSections,
    });
    // An unknown view is the first.
    wait_for("the first view", || page.find(".bo-view h3").is_some()).await;
    assert_eq!(page.text(".bo-view h3"), "een");
    assert_eq!(
        page.get("a[aria-current=page]")
            .get_attribute("data-view")
            .as_deref(),
        Some("een")
    );
    let link = page.get("a[data-view=twee]");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/app/views/?onderdeel=twee")
    );
    click(&link);
    wait_for("the second view, focused", || {
        search() == "?onderdeel=twee"
            && page.text(".bo-view h3") == "twee"
            && focused().as_deref() == Some("view-twee")
    })
    .await;
    assert_eq!(
        page.get("a[aria-current=page]")
            .get_attribute("data-view")
            .as_deref(),
        Some("twee")
    );
    window().history().expect("a history").back().expect("back");
    wait_for("the first view again, focused", || {
        search() == "?onderdeel=elders"
            && page.text(".bo-view h3") == "een"
            && focused().as_deref() == Some("view-een")
    })
    .await;
    page.unmount();
    replace(&was);
}
