//! The member's reading history, under their reservations: off by default, with a
//! switch (a real checkbox) that says what each state means; while on, the books they
//! read with the day each loan ended. Switching it off forgets the list at once.

use suite_domain::ereader::HistoryView;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::{ApiError, ErrorState, Loading, UiText, use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::net;

/// The day of `secs` (Unix seconds) as the member's language writes it.
fn day(secs: i64, lang: Lang) -> String {
    let locale = match lang {
        Lang::Nl => "nl-BE",
        _ => "en-GB",
    };
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(secs as f64 * 1000.0));
    date.to_locale_date_string(locale, &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

#[function_component]
pub(crate) fn HistorySection() -> Html {
    let t = use_t();
    let lang = use_lang();
    let history = use_state(|| None::<Result<HistoryView, ApiError>>);
    let attempt = use_state(|| 0_u32);
    let busy = use_state(|| false);
    {
        let history = history.clone();
        use_effect_with(*attempt, move |_| {
            yew::platform::spawn_local(async move { history.set(Some(net::history().await)) });
        });
    }
    let toggle = {
        let (history, busy) = (history.clone(), busy.clone());
        Callback::from(move |e: Event| {
            let keep = e.target_unchecked_into::<HtmlInputElement>().checked();
            let (history, busy) = (history.clone(), busy.clone());
            busy.set(true);
            yew::platform::spawn_local(async move {
                history.set(Some(net::keep_history(keep).await));
                busy.set(false);
            });
        })
    };
    let body = match &*history {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let attempt = attempt.clone();
            html! { <ErrorState message={UiText::Text(error.localized(lang).into())}
            on_retry={Callback::from(move |()| attempt.set(*attempt + 1))} /> }
        }
        Some(Ok(view)) => html! {
            <>
                <div class="er-check">
                    <input type="checkbox" id="er-history-keep" checked={view.keep}
                           disabled={*busy} onchange={toggle}
                           aria-describedby="er-history-note" />
                    <label for="er-history-keep">{ t(Msg::EreaderHistoryKeep) }</label>
                </div>
                <p id="er-history-note" class="er-note">
                    { t(if view.keep { Msg::EreaderHistoryOnNote } else { Msg::EreaderHistoryOffNote }) }
                </p>
                if view.keep && view.books.is_empty() {
                    <p class="er-note">{ t(Msg::EreaderHistoryEmpty) }</p>
                }
                if view.keep && !view.books.is_empty() {
                    <ul class="er-history">
                        { for view.books.iter().map(|book| html! {
                            <li class="er-history__book">
                                <span class="er-history__title">{ &book.title }</span>
                                { format!(" · {} {}", t(Msg::EreaderHistoryRead), day(book.ended, lang)) }
                            </li>
                        }) }
                    </ul>
                }
            </>
        },
    };
    html! {
        <section class="er-page er-history-section" aria-labelledby="er-history-title">
            <h2 id="er-history-title">{ t(Msg::EreaderHistory) }</h2>
            { body }
        </section>
    }
}
