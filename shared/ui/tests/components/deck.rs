//! The swipe deck: keys, buttons, undo, the end of the deck and pointer drags.

use std::cell::RefCell;
use std::rc::Rc;

use suite_domain::i18n::{Lang, Msg};
use suite_ui::{SwipeDeck, SwipeDeckProps, Verdict};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;
use yew::{Callback, Html, html};

use crate::support::{Mounted, click, document, focus, key_down, mount, pointer, settle, wait_for};

type Log = Rc<RefCell<Vec<String>>>;
type Deck = Mounted<SwipeDeck<String>>;

fn props(items: &[&str], log: &Log) -> SwipeDeckProps<String> {
    let (swipes, undos, dones) = (log.clone(), log.clone(), log.clone());
    SwipeDeckProps {
        items: items.iter().map(|s| (*s).to_owned()).collect(),
        render: Callback::from(|item: String| html! { <p class="item">{ item }</p> }),
        on_swipe: Callback::from(move |(item, verdict): (String, Verdict)| {
            let word = if verdict == Verdict::Like {
                "like"
            } else {
                "dislike"
            };
            swipes.borrow_mut().push(format!("{word} {item}"));
        }),
        on_undo: Callback::from(move |item: String| {
            undos.borrow_mut().push(format!("undo {item}"))
        }),
        on_done: Callback::from(move |()| dones.borrow_mut().push("done".to_owned())),
        like_label: None,
        dislike_label: None,
        label: None,
        done: Html::default(),
    }
}

async fn deck(items: &[&str]) -> (Deck, Log) {
    let log = Log::default();
    let deck = mount::<SwipeDeck<String>>(props(items, &log));
    wait_for("the deck", || deck.find(".swipe-deck").is_some()).await;
    (deck, log)
}

fn logged(log: &Log) -> Vec<String> {
    log.borrow().clone()
}

async fn wait_position(deck: &Deck, expected: &str) {
    wait_for(&format!("position {expected}"), || {
        deck.text(".swipe-deck__position") == expected
    })
    .await;
}

#[wasm_bindgen_test]
async fn arrow_keys_on_the_focused_deck_like_and_dislike_in_order() {
    let (deck, log) = deck(&["a", "b", "c"]).await;
    let container = deck.get(".swipe-deck");
    assert_eq!(container.get_attribute("tabindex").as_deref(), Some("0"));
    assert!(
        container
            .get_attribute("aria-label")
            .is_some_and(|l| !l.is_empty())
    );
    assert_eq!(deck.text(".item"), "a");
    assert_eq!(deck.text(".swipe-deck__position"), "1 / 3");

    focus(&container);
    let active = document().active_element().expect("a focused element");
    assert_eq!(active, container);
    key_down(&active, "ArrowRight", false);
    // At once the card shows it leaves; the decision is reported after that paint.
    assert!(
        deck.get(".swipe-card")
            .class_list()
            .contains("is-leaving-like")
    );
    assert!(logged(&log).is_empty(), "reported before the paint");
    wait_for("like a", || logged(&log) == ["like a"]).await;
    wait_position(&deck, "2 / 3").await;
    assert_eq!(deck.text(".item"), "b");

    // Two quick presses before any re-render both count, each for its own card.
    key_down(&container, "ArrowLeft", false);
    key_down(&container, "ArrowLeft", false);
    wait_for("both presses", || logged(&log).len() == 4).await;
    assert_eq!(logged(&log), ["like a", "dislike b", "dislike c", "done"]);
    wait_position(&deck, "3 / 3").await;
    let bar = deck.get("progress");
    assert_eq!(bar.get_attribute("value").as_deref(), Some("3"));
    assert_eq!(bar.get_attribute("max").as_deref(), Some("3"));
    deck.unmount();
}

#[wasm_bindgen_test]
async fn the_big_buttons_dislike_and_like() {
    let (deck, log) = deck(&["a", "b", "c"]).await;
    click(&deck.get(".swipe-dislike"));
    wait_position(&deck, "2 / 3").await;
    click(&deck.get(".swipe-like"));
    wait_position(&deck, "3 / 3").await;
    assert_eq!(logged(&log), ["dislike a", "like b"]);
    // Text labels, not only icons.
    assert!(deck.text(".swipe-like").contains(Msg::Like.text(Lang::Nl)));
    assert!(
        deck.text(".swipe-dislike")
            .contains(Msg::Dislike.text(Lang::Nl))
    );
    // The verdict is announced.
    let live = deck.get("[aria-live]");
    assert!(
        live.text_content()
            .unwrap_or_default()
            .contains(Msg::Like.text(Lang::Nl))
    );
    deck.unmount();
}

#[wasm_bindgen_test]
async fn undo_puts_the_last_card_back_and_reports_it() {
    let (deck, log) = deck(&["a", "b", "c"]).await;
    let undo = deck.get(".swipe-undo");
    assert!(undo.has_attribute("disabled"), "nothing to undo yet");
    key_down(&deck.get(".swipe-deck"), "ArrowRight", false);
    key_down(&deck.get(".swipe-deck"), "ArrowLeft", false);
    wait_position(&deck, "3 / 3").await;
    wait_for("undo enabled", || {
        !deck.get(".swipe-undo").has_attribute("disabled")
    })
    .await;

    click(&deck.get(".swipe-undo"));
    wait_position(&deck, "2 / 3").await;
    assert_eq!(deck.text(".item"), "b");
    key_down(&deck.get(".swipe-deck"), "Backspace", false);
    wait_position(&deck, "1 / 3").await;
    assert_eq!(deck.text(".item"), "a");
    assert_eq!(logged(&log), ["like a", "dislike b", "undo b", "undo a"]);
    wait_for("undo disabled", || {
        deck.get(".swipe-undo").has_attribute("disabled")
    })
    .await;

    // Ctrl+Z undoes too.
    key_down(&deck.get(".swipe-deck"), "ArrowLeft", false);
    key_down(&deck.get(".swipe-deck"), "z", true);
    wait_for("dislike and undo", || logged(&log).len() == 6).await;
    wait_position(&deck, "1 / 3").await;
    assert_eq!(logged(&log)[4..], ["dislike a", "undo a"]);
    deck.unmount();
}

#[wasm_bindgen_test]
async fn on_done_fires_once_after_the_last_card() {
    let (deck, log) = deck(&["a", "b"]).await;
    key_down(&deck.get(".swipe-deck"), "ArrowRight", false);
    wait_for("like a", || !logged(&log).is_empty()).await;
    assert_eq!(logged(&log), ["like a"], "not done after the first card");
    click(&deck.get(".swipe-like"));
    wait_for("done", || logged(&log).contains(&"done".to_owned())).await;
    assert_eq!(logged(&log), ["like a", "like b", "done"]);
    // Nothing left: keys and buttons do nothing more.
    wait_for("no card", || deck.find(".swipe-card").is_none()).await;
    key_down(&deck.get(".swipe-deck"), "ArrowRight", false);
    assert!(deck.get(".swipe-like").has_attribute("disabled"));
    settle().await;
    assert_eq!(logged(&log), ["like a", "like b", "done"]);
    deck.unmount();
}

#[wasm_bindgen_test]
async fn a_long_drag_swipes_and_a_short_one_springs_back() {
    let (deck, log) = deck(&["a", "b", "c"]).await;
    let card = deck.get(".swipe-card");
    let width = card
        .dyn_ref::<HtmlElement>()
        .map_or(0, HtmlElement::offset_width)
        .max(320);

    // Short: 20 px, then let go.
    pointer(&card, "pointerdown", 100);
    pointer(&card, "pointermove", 110);
    pointer(&card, "pointermove", 120);
    let style = card
        .dyn_ref::<HtmlElement>()
        .expect("an HTML element")
        .style();
    assert_eq!(
        style.get_property_value("--drag-x").ok().as_deref(),
        Some("20px")
    );
    pointer(&card, "pointerup", 120);
    settle().await;
    assert!(
        logged(&log).is_empty(),
        "a short drag decides nothing: {:?}",
        logged(&log)
    );
    assert_eq!(
        style.get_property_value("--drag-x").ok().as_deref(),
        Some("")
    );
    assert_eq!(deck.text(".item"), "a");

    // Long: most of the card's width to the right.
    pointer(&card, "pointerdown", 10);
    for step in 1..=4 {
        pointer(&card, "pointermove", 10 + step * width / 6);
    }
    pointer(&card, "pointerup", 10 + 4 * width / 6);
    wait_for("like a", || logged(&log) == ["like a"]).await;
    wait_position(&deck, "2 / 3").await;

    // And to the left.
    let card = deck.get(".swipe-card");
    pointer(&card, "pointerdown", 500);
    pointer(&card, "pointermove", 500 - width / 2);
    pointer(&card, "pointerup", 500 - width / 2);
    wait_for("dislike b", || logged(&log) == ["like a", "dislike b"]).await;
    deck.unmount();
}

#[wasm_bindgen_test]
async fn more_items_keep_the_progress_other_items_start_over() {
    let log = Log::default();
    let mut deck = mount::<SwipeDeck<String>>(props(&["a", "b"], &log));
    wait_position(&deck, "1 / 2").await;
    click(&deck.get(".swipe-like"));
    wait_position(&deck, "2 / 2").await;
    deck.handle.update(props(&["a", "b", "c"], &log));
    wait_for("the longer deck", || {
        deck.text(".swipe-deck__position") == "2 / 3"
    })
    .await;
    assert_eq!(deck.text(".item"), "b");
    deck.handle.update(props(&["x", "y"], &log));
    wait_position(&deck, "1 / 2").await;
    assert_eq!(deck.text(".item"), "x");
    deck.unmount();
}
