//! Read aloud with the browser's speech synthesis: the shown document's text blocks from
//! the first one on the current page to the document's end, one utterance each, in the
//! book's language; play, pause and resume, stop. Without `speechSynthesis` in the
//! browser there is no button.

use std::rc::Rc;

use suite_domain::i18n::Msg;
use suite_ui::use_t;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Element, SpeechSynthesis, SpeechSynthesisUtterance};
use yew::prelude::*;

use crate::reader::frames::Frames;

/// The blocks read one by one (an element holding another is left for its parts).
const BLOCKS: &str = "p, h1, h2, h3, h4, h5, h6, li, dt, dd, blockquote, figcaption, pre, td, th";

fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    js_sys::Reflect::has(&window, &"speechSynthesis".into())
        .unwrap_or(false)
        .then(|| window.speech_synthesis().ok())
        .flatten()
}

/// The texts of `document`'s blocks from the first one that reaches into the page shown
/// now (the frame's view: left edge 0 in pages, top 0 in the scroll view).
pub(crate) fn texts_from_here(document: &Document) -> Vec<String> {
    let Ok(list) = document.query_selector_all(BLOCKS) else {
        return Vec::new();
    };
    let mut texts = Vec::new();
    for i in 0..list.length() {
        let Some(element) = list.item(i).map(|n| n.unchecked_into::<Element>()) else {
            continue;
        };
        if element.query_selector(BLOCKS).ok().flatten().is_some() {
            continue;
        }
        let rect = element.get_bounding_client_rect();
        let before = rect.right() <= 0.0 || rect.bottom() <= 0.0;
        if texts.is_empty() && before {
            continue;
        }
        let text = element.text_content().unwrap_or_default();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            texts.push(text);
        }
    }
    texts
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Speech {
    Idle,
    Speaking,
    Paused,
}

#[derive(Properties, PartialEq)]
pub(crate) struct ReadAloudProps {
    pub(crate) frames: Frames,
    /// The book's language (a BCP 47 tag), for the voice.
    pub(crate) lang: String,
}

#[function_component]
pub(crate) fn ReadAloud(props: &ReadAloudProps) -> Html {
    let t = use_t();
    let state = use_state(|| Speech::Idle);
    let synth = use_memo((), |()| synthesis());
    {
        // Leaving the reader stops reading.
        let synth = synth.clone();
        use_effect_with((), move |()| {
            move || {
                if let Some(synth) = synth.as_ref() {
                    synth.cancel();
                }
            }
        });
    }
    let Some(speaker) = (*synth).clone() else {
        return html! {};
    };
    let speaker = Rc::new(speaker);
    let play = {
        let (speaker, state, frame, lang) = (
            speaker.clone(),
            state.clone(),
            props.frames.clone(),
            props.lang.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(document) = frame.shown().and_then(|f| f.content_document()) else {
                return;
            };
            let texts = texts_from_here(&document);
            speaker.cancel();
            let count = texts.len();
            for (i, text) in texts.into_iter().enumerate() {
                let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
                    continue;
                };
                if !lang.is_empty() {
                    utterance.set_lang(&lang);
                }
                if i + 1 == count {
                    let state = state.clone();
                    let done = Closure::once_into_js(move || state.set(Speech::Idle));
                    utterance.set_onend(Some(done.unchecked_ref()));
                }
                speaker.speak(&utterance);
            }
            if count > 0 {
                state.set(Speech::Speaking);
            }
        })
    };
    let pause = {
        let (speaker, state) = (speaker.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            if *state == Speech::Paused {
                speaker.resume();
                state.set(Speech::Speaking);
            } else {
                speaker.pause();
                state.set(Speech::Paused);
            }
        })
    };
    let stop = {
        let (speaker, state) = (speaker.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            speaker.cancel();
            state.set(Speech::Idle);
        })
    };
    html! {
        <div class="er-speech" role="group" aria-label={t(Msg::EreaderReadAloud)}>
            if *state == Speech::Idle {
                <button type="button" class="er-button" id="er-speak" onclick={play}>{ t(Msg::EreaderReadAloud) }</button>
            } else {
                <button type="button" class="er-button" id="er-speak-pause" onclick={pause}>
                    { t(if *state == Speech::Paused { Msg::EreaderSpeechResume } else { Msg::EreaderSpeechPause }) }
                </button>
                <button type="button" class="er-button" id="er-speak-stop" onclick={stop}>{ t(Msg::EreaderSpeechStop) }</button>
            }
        </div>
    }
}
