//! The stylesheet's promises, measured in the browser with `style.css` loaded: touch
//! target sizes, text contrast in both themes, the digibord text size and the drag
//! transform composed from the custom properties the deck sets through the CSSOM.

use suite_domain::i18n::Msg;
use suite_ui::{AppShell, AppShellProps, SwipeDeck, SwipeDeckProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};
use yew::{Callback, Html, html};

use crate::support::{document, html, mount, pointer, wait_for, window};

/// Adds `style.css` to the page; the returned element removes it again.
fn load_stylesheet() -> Element {
    let style = document().create_element("style").expect("a style element");
    style.set_text_content(Some(include_str!("../../style.css")));
    document()
        .head()
        .expect("a head")
        .append_child(&style)
        .expect("appended");
    style
}

fn computed(element: &Element, property: &str) -> String {
    window()
        .get_computed_style(element)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value(property).ok())
        .unwrap_or_default()
}

fn height(element: &Element) -> f64 {
    element.get_bounding_client_rect().height()
}

fn width(element: &Element) -> f64 {
    element.get_bounding_client_rect().width()
}

/// Relative luminance of a computed `rgb(r, g, b)` colour (WCAG 2.1).
fn luminance(rgb: &str) -> f64 {
    let inside = rgb
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')');
    let channels: Vec<f64> = inside
        .split(',')
        .take(3)
        .map(|c| c.trim().parse::<f64>().expect("a colour channel") / 255.0)
        .map(|c| {
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        })
        .collect();
    0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
}

fn contrast(element: &Element, background_of: &Element) -> f64 {
    let text = luminance(&computed(element, "color"));
    let background = luminance(&computed(background_of, "background-color"));
    let (light, dark) = if text > background {
        (text, background)
    } else {
        (background, text)
    };
    (light + 0.05) / (dark + 0.05)
}

#[wasm_bindgen_test]
async fn touch_targets_contrast_and_the_digibord_theme() {
    let style = load_stylesheet();
    html()
        .class_list()
        .remove_1("theme-digibord")
        .expect("removed");
    let page = mount::<AppShell>(AppShellProps {
        title: Msg::AppBiebloName,
        description: None,
        context: None,
        children: html! {},
    });
    wait_for("the shell", || page.find(".contrast-toggle").is_some()).await;
    let body = document()
        .body()
        .expect("a body")
        .unchecked_into::<Element>();

    for selector in [".lang-switch__option", ".contrast-toggle"] {
        let target = page.get(selector);
        assert!(
            height(&target) >= 48.0 && width(&target) >= 48.0,
            "{selector} too small"
        );
        assert!(contrast(&target, &target) >= 4.5, "{selector} contrast");
    }
    assert!(contrast(&page.get("h1"), &body) >= 4.5);
    assert!(contrast(&page.get(".app-header__back"), &body) >= 4.5);
    let base = computed(&html(), "font-size");

    // Buttons fade their colours; the end state is what counts, and a loaded machine
    // can stretch a transition past any wait, so switch transitions off here.
    if let Some(toggle) = page.find(".contrast-toggle") {
        let _ = toggle
            .unchecked_ref::<web_sys::HtmlElement>()
            .style()
            .set_property("transition", "none");
    }
    html().class_list().add_1("theme-digibord").expect("added");
    assert_eq!(computed(&html(), "font-size"), "24px", "150 % of {base}");
    assert_eq!(computed(&body, "background-color"), "rgb(0, 0, 0)");
    assert!(contrast(&page.get("h1"), &body) >= 7.0);
    let toggle = page.get(".contrast-toggle");
    wait_for("AAA contrast of the toggle", || {
        contrast(&toggle, &toggle) >= 7.0
    })
    .await;
    html()
        .class_list()
        .remove_1("theme-digibord")
        .expect("removed");
    page.unmount();

    let items = vec!["a".to_owned(), "b".to_owned()];
    let deck = mount::<SwipeDeck<String>>(SwipeDeckProps {
        items,
        render: Callback::from(|item: String| html! { <p>{ item }</p> }),
        on_swipe: Callback::noop(),
        on_undo: Callback::noop(),
        on_done: Callback::noop(),
        like_label: None,
        dislike_label: None,
        label: None,
        done: Html::default(),
    });
    wait_for("the deck", || deck.find(".swipe-card").is_some()).await;
    for selector in [".swipe-like", ".swipe-dislike"] {
        let button = deck.get(selector);
        assert!(height(&button) >= 72.0, "{selector} is a big target");
        assert!(contrast(&button, &button) >= 4.5, "{selector} contrast");
    }
    assert!(height(&deck.get(".swipe-undo")) >= 48.0);

    let card = deck.get(".swipe-card");
    pointer(&card, "pointerdown", 100);
    pointer(&card, "pointermove", 140);
    let transform = computed(&card, "transform");
    let offset = transform
        .trim_end_matches(')')
        .split(',')
        .nth(4)
        .map(str::trim);
    assert_eq!(
        offset,
        Some("40"),
        "the card follows the pointer: {transform}"
    );
    assert!(
        card.dyn_ref::<HtmlElement>()
            .is_some_and(|c| c.class_list().contains("is-dragging"))
    );
    pointer(&card, "pointerup", 140);
    deck.unmount();
    style.remove();
}
