//! The review queue: a grid of the waiting photos and open answers, oldest first, fast
//! by keyboard (arrows, Home and End move; A approves, R rejects, as the help says). An
//! item leaves at once when judged (the server's verdict follows); the focus goes to
//! the item that took its place, or to the heading when the queue is empty.

use std::collections::HashSet;
use std::rc::Rc;

use suite_domain::bibster::api::{ReviewDecision, ReviewItem};
use suite_domain::bibster::task::Answer;
use suite_domain::i18n::Msg;
use suite_ui::api;
use suite_ui::back_office::{focus_id, focus_id_soon};
use suite_ui::{EmptyState, use_lang, use_t};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::review_item::{ReviewCard, item_id, points_id};
use super::review_keys::{KeyAction, focus_after_removal, key_action, points_from};
use super::session::SessionRef;

const HEADING: &str = "bl-reviews-title";

#[derive(Properties, PartialEq)]
pub(crate) struct ReviewQueueProps {
    pub(crate) session: SessionRef,
    pub(crate) items: Rc<Vec<ReviewItem>>,
}

/// Which answer: a team and a task.
type Key = (i64, String);

fn key_of(item: &ReviewItem) -> Key {
    (item.team, item.task.clone())
}

#[function_component]
pub(crate) fn ReviewQueue(props: &ReviewQueueProps) -> Html {
    let lang = use_lang();
    let t = use_t();
    // Judged here, hidden until the server's queue no longer has them.
    let judged = use_state(HashSet::<Key>::new);
    let selected = use_state(|| 0_usize);
    let notice = use_state(String::new);
    let visible: Vec<ReviewItem> = props
        .items
        .iter()
        .filter(|i| !judged.contains(&key_of(i)))
        .cloned()
        .collect();
    let current = (*selected).min(visible.len().saturating_sub(1));

    let decide = {
        let (visible, judged, selected, notice) = (
            visible.clone(),
            judged.clone(),
            selected.clone(),
            notice.clone(),
        );
        let session = props.session.clone();
        Callback::from(move |(index, approve): (usize, bool)| {
            let Some(item) = visible.get(index) else {
                return;
            };
            let typed = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&points_id(item)))
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                .map(|input| input.value())
                .unwrap_or_default();
            let points = points_from(&typed, item.points);
            // The verdict shows at once: the item leaves, the notice says what was done.
            let mut now_judged = (*judged).clone();
            now_judged.insert(key_of(item));
            judged.set(now_judged);
            let verdict = match approve {
                true => format!(
                    "{} {} · {} ({points} {})",
                    t(Msg::BibLeadApproved),
                    item.team_name,
                    item.prompt,
                    t(Msg::BibLeadPointsShort)
                ),
                false => format!(
                    "{} {} · {}",
                    t(Msg::BibLeadRejected),
                    item.team_name,
                    item.prompt
                ),
            };
            notice.set(verdict);
            match focus_after_removal(index, visible.len() - 1) {
                Some(next) => {
                    selected.set(next);
                    let after: Vec<&ReviewItem> = visible
                        .iter()
                        .filter(|i| key_of(i) != key_of(item))
                        .collect();
                    if let Some(next_item) = after.get(next) {
                        focus_id_soon(item_id(next_item));
                    }
                }
                None => {
                    selected.set(0);
                    focus_id_soon(HEADING.into());
                }
            }
            let decision = ReviewDecision {
                team: item.team,
                task: item.task.clone(),
                approve,
                points: approve.then_some(points),
            };
            let (session, judged, notice, key) = (
                session.clone(),
                judged.clone(),
                notice.clone(),
                key_of(item),
            );
            spawn_local(async move {
                match api::post_no_content(&session.path("/reviews"), &decision).await {
                    Ok(()) => session.on_changed.emit(()),
                    // Judged already elsewhere: the refresh shows the queue as it is.
                    Err(error) if error.status == 404 => session.on_changed.emit(()),
                    Err(error) => {
                        let mut back = (*judged).clone();
                        back.remove(&key);
                        judged.set(back);
                        notice.set(error.localized(lang));
                    }
                }
            });
        })
    };
    let on_focus = {
        let selected = selected.clone();
        Callback::from(move |index: usize| selected.set(index))
    };
    let on_key = {
        let (visible, selected, decide) = (visible.clone(), selected.clone(), decide.clone());
        Callback::from(move |e: KeyboardEvent| {
            // Keys typed in the points field or on a button are theirs.
            let on_item = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("li"));
            if !on_item || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let index = (*selected).min(visible.len().saturating_sub(1));
            match key_action(&e.key(), index, visible.len()) {
                Some(KeyAction::Focus(next)) => {
                    e.prevent_default();
                    selected.set(next);
                    if let Some(item) = visible.get(next) {
                        focus_id(&item_id(item));
                    }
                }
                Some(KeyAction::Approve) => {
                    e.prevent_default();
                    decide.emit((index, true));
                }
                Some(KeyAction::Reject) => {
                    e.prevent_default();
                    decide.emit((index, false));
                }
                None => {}
            }
        })
    };
    let photo_path = |item: &ReviewItem| match item.answer {
        Answer::Photo(_) => Some(props.session.path(&format!(
            "/photos/{}/{}",
            item.team,
            suite_ui::url::encode(&item.task)
        ))),
        _ => None,
    };
    let cards = visible.iter().enumerate().map(|(index, item)| {
        html! {
            <ReviewCard key={item_id(item)} item={item.clone()} {index} selected={index == current}
                photo={photo_path(item)} on_decide={decide.clone()} on_focus={on_focus.clone()} />
        }
    });
    html! {
        <section class="card bo-section bl-reviews-section" aria-labelledby={HEADING}>
            <h3 id={HEADING} tabindex="-1">
                { format!("{} ({})", t(Msg::BibLeadReviewTitle), visible.len()) }
            </h3>
            <p class="bl-help" id="bl-reviews-help">{ t(Msg::BibLeadReviewHelp) }</p>
            <p class="bl-review-notice" role="status">{ (*notice).clone() }</p>
            if visible.is_empty() {
                <EmptyState message={Msg::BibLeadReviewEmpty} />
            } else {
                <ul class="bl-reviews" aria-describedby="bl-reviews-help" onkeydown={on_key}>
                    { for cards }
                </ul>
            }
        </section>
    }
}
