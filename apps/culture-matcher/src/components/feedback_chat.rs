//! `FeedbackChat`: the short scripted chat after a saved show (no language model): how
//! was it (five faces with words), would you like something similar (yes or no), and
//! optional own words; then the answers go to the centre anonymously. A chat that was
//! answered or declined does not come back.

use suite_domain::culture::insight::{FEEDBACK_WORDS_MAX, Feedback, Interaction};
use suite_domain::i18n::Msg;
use suite_ui::{Button, ButtonVariant, use_t};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::centre::{KeptAction, use_centre};
use crate::present::dom_id;
use crate::report::{report, send_feedback};
use crate::store::SavedShow;

/// The five answers to "how was it", worst first.
const RATINGS: [(u8, &str, Msg); 5] = [
    (1, "😖", Msg::CmRating1),
    (2, "🙁", Msg::CmRating2),
    (3, "😐", Msg::CmRating3),
    (4, "🙂", Msg::CmRating4),
    (5, "🤩", Msg::CmRating5),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Rate,
    Similar,
    Words,
    Sending,
    Failed,
    Thanks,
    NotGone,
}

#[derive(Properties, PartialEq)]
pub(crate) struct FeedbackChatProps {
    pub(crate) saved: SavedShow,
}

/// One line of the conversation.
fn bubble(from_me: bool, you: &str, text: Html) -> Html {
    let class = if from_me {
        "cm-bubble cm-bubble--me"
    } else {
        "cm-bubble cm-bubble--bot"
    };
    html! {
        <li {class}>
            if from_me {
                <span class="visually-hidden">{ you.to_string() }{ ": " }</span>
            }
            { text }
        </li>
    }
}

#[function_component]
pub(crate) fn FeedbackChat(props: &FeedbackChatProps) -> Html {
    let t = use_t();
    let step = use_state(|| Step::Rate);
    let rating = use_state(|| None::<u8>);
    let similar = use_state(|| None::<bool>);
    let words = use_state(String::new);
    let answer_area = use_node_ref();
    let first_render = use_mut_ref(|| true);
    {
        // After each answer the next question's first control takes the focus (not on
        // the page's first render: the page decides where the focus starts).
        let area = answer_area.clone();
        use_effect_with(*step, move |_| {
            if std::mem::replace(&mut *first_render.borrow_mut(), false) {
                return;
            }
            let first = area
                .cast::<Element>()
                .and_then(|a| a.query_selector("button, textarea").ok().flatten())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(first) = first {
                let _ = first.focus();
            }
        });
    }
    let Some(centre) = use_centre() else {
        return Html::default();
    };
    let id = props.saved.id.clone();
    let finish = {
        let (kept, id) = (centre.kept.clone(), id.clone());
        move || kept.dispatch(KeptAction::FinishChat(id.clone()))
    };
    let send = {
        let (step, rating, similar, words) =
            (step.clone(), rating.clone(), similar.clone(), words.clone());
        let (centre_id, id, finish) = (centre.id.clone(), id.clone(), finish.clone());
        Callback::from(move |_: MouseEvent| {
            let (Some(rating), Some(similar)) = (*rating, *similar) else {
                return;
            };
            let text = words.trim().to_string();
            let feedback = Feedback {
                show: id.clone(),
                rating,
                similar,
                words: (!text.is_empty()).then_some(text),
            };
            let (step, centre_id, finish) = (step.clone(), centre_id.clone(), finish.clone());
            step.set(Step::Sending);
            spawn_local(async move {
                if send_feedback(&centre_id, &feedback).await {
                    finish();
                    step.set(Step::Thanks);
                } else {
                    step.set(Step::Failed);
                }
            });
        })
    };

    let you = t(Msg::CmYou);
    let mut log = vec![
        bubble(
            false,
            you,
            html! { <>{ t(Msg::CmChatHello) }{ " " }<strong>{ props.saved.title.clone() }</strong></> },
        ),
        bubble(false, you, html! { { t(Msg::CmChatHowWas) } }),
    ];
    if *step == Step::NotGone {
        log.push(bubble(true, you, html! { { t(Msg::CmNotGone) } }));
        log.push(bubble(false, you, html! { { t(Msg::CmChatNotGone) } }));
    }
    if let Some((_, face, label)) = rating.and_then(|r| RATINGS.iter().find(|(n, ..)| *n == r)) {
        log.push(bubble(
            true,
            you,
            html! { { format!("{face} {}", t(*label)) } },
        ));
        log.push(bubble(false, you, html! { { t(Msg::CmChatSimilar) } }));
    }
    if let Some(yes) = *similar {
        log.push(bubble(
            true,
            you,
            html! { { t(if yes { Msg::CmYes } else { Msg::CmNo }) } },
        ));
        log.push(bubble(false, you, html! { { t(Msg::CmChatWords) } }));
    }
    if matches!(*step, Step::Sending | Step::Failed | Step::Thanks) && !words.trim().is_empty() {
        log.push(bubble(true, you, html! { { words.trim().to_string() } }));
    }
    if *step == Step::Thanks {
        log.push(bubble(false, you, html! { { t(Msg::CmChatThanks) } }));
    }

    let field_id = dom_id("cm-chat-words", &id);
    let answers = match *step {
        Step::Rate => {
            let faces = RATINGS.iter().map(|&(n, face, label)| {
                let (rating, step) = (rating.clone(), step.clone());
                let (centre_id, id) = (centre.id.clone(), id.clone());
                let onclick = Callback::from(move |_: MouseEvent| {
                    // Rating the show says they went (counted once: the chat moves on).
                    report(&centre_id, &id, Interaction::Went);
                    rating.set(Some(n));
                    step.set(Step::Similar);
                });
                html! {
                    <button type="button" class={format!("cm-rate cm-rate-{n}")} {onclick}>
                        <span class="cm-rate__face" aria-hidden="true">{ face }</span>
                        <span class="cm-rate__label">{ t(label) }</span>
                    </button>
                }
            });
            let not_gone = {
                let (step, finish) = (step.clone(), finish.clone());
                let (centre_id, id) = (centre.id.clone(), id.clone());
                Callback::from(move |_: MouseEvent| {
                    report(&centre_id, &id, Interaction::NotGone);
                    finish();
                    step.set(Step::NotGone);
                })
            };
            html! {
                <>
                    <div class="cm-rates" role="group" aria-label={t(Msg::CmChatHowWas)}>{ for faces }</div>
                    <Button class="cm-not-gone" variant={ButtonVariant::Secondary} onclick={not_gone}>
                        { t(Msg::CmNotGone) }
                    </Button>
                </>
            }
        }
        Step::Similar => {
            let choose = |yes: bool| {
                let (similar, step) = (similar.clone(), step.clone());
                Callback::from(move |_: MouseEvent| {
                    similar.set(Some(yes));
                    step.set(Step::Words);
                })
            };
            html! {
                <div class="cm-yes-no" role="group" aria-label={t(Msg::CmChatSimilar)}>
                    <Button class="cm-similar-yes" big=true onclick={choose(true)}>{ t(Msg::CmYes) }</Button>
                    <Button class="cm-similar-no" big=true variant={ButtonVariant::Secondary} onclick={choose(false)}>
                        { t(Msg::CmNo) }
                    </Button>
                </div>
            }
        }
        Step::Words | Step::Failed => {
            let oninput = {
                let words = words.clone();
                Callback::from(move |event: InputEvent| {
                    if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
                        words.set(area.value());
                    }
                })
            };
            let left = FEEDBACK_WORDS_MAX.saturating_sub(words.chars().count());
            html! {
                <div class="cm-words">
                    <label for={field_id.clone()}>{ t(Msg::CmChatWordsLabel) }</label>
                    <textarea id={field_id} class="cm-words__field" rows="3"
                              maxlength={FEEDBACK_WORDS_MAX.to_string()}
                              value={(*words).clone()} {oninput} />
                    <p class="cm-words__left">{ format!("{left} {}", t(Msg::CmCharsLeft)) }</p>
                    if *step == Step::Failed {
                        <p class="form-error" role="alert">{ t(Msg::CmSendFailed) }</p>
                    }
                    <Button class="cm-chat-send" big=true onclick={send}>{ t(Msg::CmSend) }</Button>
                </div>
            }
        }
        Step::Sending => {
            html! { <p class="cm-chat__sending" role="status">{ t(Msg::Loading) }</p> }
        }
        Step::Thanks | Step::NotGone => Html::default(),
    };
    let title_id = dom_id("cm-chat-title", &id);
    html! {
        <section class="cm-chat" aria-labelledby={title_id.clone()} data-show-id={id.clone()}>
            <h3 id={title_id} class="cm-chat__title">
                { t(Msg::CmChatTitle) }{ " — " }{ props.saved.title.clone() }
            </h3>
            <div role="log" aria-live="polite">
                <ol class="cm-chat__log">{ for log }</ol>
            </div>
            <div class="cm-chat__answer" ref={answer_area}>{ answers }</div>
        </section>
    }
}
