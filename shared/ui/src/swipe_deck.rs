//! `SwipeDeck`: a stack of cards to judge one by one: swipe (touch or mouse) right for
//! like and left for dislike, or use the arrow keys or the two big buttons; undo takes
//! the last decision back. Works the same with a finger, a mouse, a keyboard or a screen
//! reader.

use std::cell::RefCell;

use suite_domain::i18n::Msg;
use web_sys::Element;
use yew::prelude::*;

use crate::button::{Button, ButtonVariant};
use crate::deck_state::{DeckState, Verdict};
use crate::i18n::use_t;
use crate::swipe_drag::use_card_drag;

#[derive(Properties, PartialEq)]
pub struct SwipeDeckProps<T: Clone + PartialEq + 'static> {
    /// The cards, in the order they are shown. When the list changes, decisions about
    /// cards that are still at the same place are kept (e.g. more cards loaded).
    pub items: Vec<T>,
    /// Renders the content of one card.
    pub render: Callback<T, Html>,
    /// Called for every decision, in order, after the paint that shows the card leave.
    pub on_swipe: Callback<(T, Verdict)>,
    /// Called with the card an undo put back on top.
    #[prop_or_default]
    pub on_undo: Callback<T>,
    /// Called once each time the last card has been decided.
    #[prop_or_default]
    pub on_done: Callback<()>,
    /// Text of the like button and hint; `Msg::Like` when not given.
    #[prop_or_default]
    pub like_label: Option<AttrValue>,
    /// Text of the dislike button and hint; `Msg::Dislike` when not given.
    #[prop_or_default]
    pub dislike_label: Option<AttrValue>,
    /// Accessible name of the deck; by default it names the two arrow keys.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// Shown in place of the cards once all are decided.
    #[prop_or_default]
    pub done: Html,
}

#[derive(Clone, Copy)]
enum Action {
    Swipe(Verdict),
    Undo,
}

/// Whether a key event comes from a field inside a card, where keys mean typing.
fn from_text_field(event: &KeyboardEvent) -> bool {
    let target = event
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Element>(t).ok());
    target.is_some_and(|t| {
        t.closest("input, textarea, select, [contenteditable]")
            .ok()
            .flatten()
            .is_some()
    })
}

/// Keeps the deck in step with new `items`: decisions about cards that are still the
/// same stay, otherwise the deck starts over.
fn sync_items<T: Clone + PartialEq>(
    deck: &RefCell<DeckState>,
    seen: &RefCell<Vec<T>>,
    items: &[T],
) {
    if *seen.borrow() == items {
        return;
    }
    let mut deck = deck.borrow_mut();
    let decided = deck.progress().0;
    let same_start = items.len() >= decided && seen.borrow().get(..decided) == items.get(..decided);
    if same_start {
        deck.resize(items.len());
    } else {
        *deck = DeckState::new(items.len());
    }
    *seen.borrow_mut() = items.to_vec();
}

#[function_component]
pub fn SwipeDeck<T: Clone + PartialEq + 'static>(props: &SwipeDeckProps<T>) -> Html {
    let t = use_t();
    let deck = use_mut_ref(|| DeckState::new(props.items.len()));
    let seen = use_mut_ref(|| props.items.clone());
    let announcement = use_mut_ref(String::new);
    let card_ref = use_node_ref();
    let rerender = use_force_update();
    sync_items(&deck, &seen, &props.items);

    let like_label = props
        .like_label
        .clone()
        .unwrap_or(AttrValue::Static(t(Msg::Like)));
    let dislike_label = props
        .dislike_label
        .clone()
        .unwrap_or(AttrValue::Static(t(Msg::Dislike)));

    // Every decision and undo goes through here. The deck itself changes at once, so
    // quick key presses never act on a stale deck, and the card on top shows at once
    // that it leaves; the callbacks and the new render come after that paint
    // (`after_next_paint`), in order, so a slow device answers the key within a frame.
    let act = {
        let (deck, seen, announcement) = (deck.clone(), seen.clone(), announcement.clone());
        let card_ref = card_ref.clone();
        let (on_swipe, on_undo, on_done) = (
            props.on_swipe.clone(),
            props.on_undo.clone(),
            props.on_done.clone(),
        );
        let (like_label, dislike_label) = (like_label.clone(), dislike_label.clone());
        let rerender = rerender.clone();
        Callback::from(move |action: Action| {
            let mut state = deck.borrow_mut();
            let (index, verdict, said) = match action {
                Action::Swipe(verdict) => {
                    let Some(index) = state.swipe(verdict) else {
                        return;
                    };
                    let said = match verdict {
                        Verdict::Like => like_label.clone(),
                        Verdict::Dislike => dislike_label.clone(),
                    };
                    (index, Some(verdict), said)
                }
                Action::Undo => {
                    let Some((index, _)) = state.undo() else {
                        return;
                    };
                    (index, None, AttrValue::Static(t(Msg::Undo)))
                }
            };
            let (position, total, done) = (state.position(), state.len(), state.is_done());
            drop(state);
            *announcement.borrow_mut() = format!("{said}. {position} / {total}");
            if let (Some(card), Some(verdict)) = (card_ref.cast::<Element>(), verdict) {
                let leaving = match verdict {
                    Verdict::Like => "is-leaving-like",
                    Verdict::Dislike => "is-leaving-dislike",
                };
                let _ = card.class_list().add_1(leaving);
            }
            let item = seen.borrow().get(index).cloned();
            let (on_swipe, on_undo, on_done) = (on_swipe.clone(), on_undo.clone(), on_done.clone());
            let rerender = rerender.clone();
            crate::dom::after_next_paint(move || {
                match (item, verdict) {
                    (Some(item), Some(verdict)) => on_swipe.emit((item, verdict)),
                    (Some(item), None) => on_undo.emit(item),
                    (None, _) => {}
                }
                if done && verdict.is_some() {
                    on_done.emit(());
                }
                rerender.force_update();
            });
        })
    };

    let onkeydown = {
        let act = act.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.repeat() || from_text_field(&event) {
                return;
            }
            let undo_chord =
                (event.ctrl_key() || event.meta_key()) && event.key().eq_ignore_ascii_case("z");
            let action = match event.key().as_str() {
                "ArrowRight" => Action::Swipe(Verdict::Like),
                "ArrowLeft" => Action::Swipe(Verdict::Dislike),
                "Backspace" => Action::Undo,
                _ if undo_chord => Action::Undo,
                _ => return,
            };
            event.prevent_default();
            act.emit(action);
        })
    };

    let listeners = use_card_drag(card_ref.clone(), act.reform(Action::Swipe));

    let state = deck.borrow().clone();
    let (swiped, total) = state.progress();
    let card = state
        .current()
        .and_then(|index| Some((index, seen.borrow().get(index)?.clone())));
    let stage = match card {
        Some((index, item)) => html! {
            <div
                key={index.to_string()}
                class="swipe-card"
                ref={card_ref.clone()}
                onpointerdown={listeners.down}
                onpointermove={listeners.moved}
                onpointerup={listeners.up}
                onpointercancel={listeners.cancel}
                ondragstart={Callback::from(|event: DragEvent| event.prevent_default())}
            >
                <span class="swipe-hint swipe-hint--like" aria-hidden="true">
                    { "♥ " }{ like_label.clone() }
                </span>
                <span class="swipe-hint swipe-hint--dislike" aria-hidden="true">
                    { "✗ " }{ dislike_label.clone() }
                </span>
                <div class="swipe-card__content">{ props.render.emit(item) }</div>
            </div>
        },
        None => html! { <div class="swipe-deck__done">{ props.done.clone() }</div> },
    };
    let label = props
        .label
        .clone()
        .unwrap_or_else(|| AttrValue::from(t(Msg::DeckHelp)));
    let choose = |verdict: Verdict| act.reform(move |_: MouseEvent| Action::Swipe(verdict));
    let done = state.is_done();

    html! {
        <section class="swipe-deck" tabindex="0" aria-label={label} {onkeydown}>
            <div class="swipe-deck__progress">
                <p class="swipe-deck__count">
                    { t(Msg::Progress) }{ " " }
                    <span class="swipe-deck__position">{ format!("{} / {total}", state.position()) }</span>
                </p>
                if total > 0 {
                    <progress
                        class="swipe-deck__bar"
                        max={total.to_string()}
                        value={swiped.to_string()}
                        aria-label={t(Msg::Progress)}
                    />
                }
            </div>
            <div class="swipe-deck__stage">{ stage }</div>
            <div class="swipe-deck__actions">
                <Button class="swipe-dislike" variant={ButtonVariant::Secondary} big=true
                        disabled={done} onclick={choose(Verdict::Dislike)}>
                    <span class="swipe-deck__icon" aria-hidden="true">{ "✗" }</span>
                    { dislike_label.clone() }
                </Button>
                <Button class="swipe-undo" variant={ButtonVariant::Secondary}
                        disabled={!state.can_undo()} onclick={act.reform(|_: MouseEvent| Action::Undo)}>
                    <span class="swipe-deck__icon" aria-hidden="true">{ "↶" }</span>
                    { t(Msg::Undo) }
                </Button>
                <Button class="swipe-like" big=true disabled={done} onclick={choose(Verdict::Like)}>
                    <span class="swipe-deck__icon" aria-hidden="true">{ "♥" }</span>
                    { like_label.clone() }
                </Button>
            </div>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">
                { announcement.borrow().clone() }
            </p>
        </section>
    }
}
