//! The collection: every title with its authors and free licences, and a button to
//! borrow it; a refusal (two loans already, none free) shows the server's Dutch message
//! at that title.

use suite_domain::ereader::TitleView;
use suite_domain::i18n::Msg;
use suite_ui::{ApiError, EmptyState, ErrorState, Loading, UiText, use_lang, use_t};
use yew::prelude::*;

use crate::app::Navigate;
use crate::net;

#[derive(Properties, PartialEq)]
pub(crate) struct CollectionPageProps {
    pub(crate) navigate: Navigate,
}

/// What happened to a title after its "borrow" was pressed.
#[derive(Clone, PartialEq)]
enum Outcome {
    Busy,
    Borrowed,
    Reserved,
    Refused(String),
}

#[function_component]
pub(crate) fn CollectionPage(_props: &CollectionPageProps) -> Html {
    let t = use_t();
    // Offline, borrowing and reserving wait for the network (the banner says so).
    let offline = use_context::<crate::offline::Offline>()
        .unwrap_or_default()
        .0;
    let lang = use_lang();
    let titles = use_state(|| None::<Result<Vec<TitleView>, ApiError>>);
    let attempt = use_state(|| 0_u32);
    let outcome = use_state(|| None::<(i64, Outcome)>);
    {
        let titles = titles.clone();
        use_effect_with(*attempt, move |_| {
            yew::platform::spawn_local(async move { titles.set(Some(net::titles().await)) });
        });
    }
    let borrow = {
        let (outcome, attempt) = (outcome.clone(), attempt.clone());
        Callback::from(move |title: i64| {
            outcome.set(Some((title, Outcome::Busy)));
            let (outcome, attempt) = (outcome.clone(), attempt.clone());
            yew::platform::spawn_local(async move {
                match net::borrow(title).await {
                    Ok(_) => {
                        outcome.set(Some((title, Outcome::Borrowed)));
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => {
                        outcome.set(Some((title, Outcome::Refused(error.localized(lang)))))
                    }
                }
            });
        })
    };
    let reserve = {
        let (outcome, attempt) = (outcome.clone(), attempt.clone());
        Callback::from(move |title: i64| {
            outcome.set(Some((title, Outcome::Busy)));
            let (outcome, attempt) = (outcome.clone(), attempt.clone());
            yew::platform::spawn_local(async move {
                match net::reserve(title).await {
                    Ok(_) => {
                        outcome.set(Some((title, Outcome::Reserved)));
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => {
                        outcome.set(Some((title, Outcome::Refused(error.localized(lang)))))
                    }
                }
            });
        })
    };
    let list = match &*titles {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let attempt = attempt.clone();
            html! { <ErrorState message={UiText::Text(error.localized(lang).into())}
            on_retry={Callback::from(move |()| attempt.set(*attempt + 1))} /> }
        }
        Some(Ok(list)) if list.is_empty() => {
            html! { <EmptyState message={UiText::Msg(Msg::EreaderNoTitles)} /> }
        }
        Some(Ok(list)) => html! {
            <ul class="er-list">
                { for list.iter().map(|title| {
                    let state = outcome.as_ref().filter(|(id, _)| *id == title.id).map(|(_, o)| o.clone());
                    let id = title.id;
                    let borrow = borrow.clone();
                    let onclick = Callback::from(move |_: MouseEvent| borrow.emit(id));
                    let on_reserve = {
                        let reserve = reserve.clone();
                        Callback::from(move |_: MouseEvent| reserve.emit(id))
                    };
                    let heading = format!("er-title-{id}");
                    html! {
                        <li class="er-item" aria-labelledby={heading.clone()}>
                            <h3 class="er-item__title" id={heading} lang={title.language.clone()} dir={title.title_direction.clone()}>{ &title.title }</h3>
                            if !title.creators.is_empty() {
                                <p class="er-item__by">{ t(Msg::EreaderBy) }{" "}{ title.creators.join(", ") }</p>
                            }
                            <p class="er-item__free">
                                if title.free == 0 {
                                    { t(Msg::EreaderNoneFree) }
                                    if title.waiting > 0 {
                                        { format!(" · {} {}", title.waiting, t(Msg::EreaderInQueue)) }
                                    }
                                } else {
                                    { format!("{} {} {} {} {}", title.free, t(Msg::EreaderFree),
                                              t(Msg::EreaderOf), title.licences, t(Msg::EreaderLicences)) }
                                }
                            </p>
                            <button type="button" class="er-button er-button--main er-borrow"
                                    disabled={offline || state == Some(Outcome::Busy)} {onclick}
                                    aria-describedby={offline.then_some("er-offline")}>
                                { t(Msg::EreaderBorrow) }
                            </button>
                            if title.free == 0 {
                                <button type="button" class="er-button er-reserve"
                                        disabled={offline || state == Some(Outcome::Busy)} onclick={on_reserve}
                                        aria-describedby={offline.then_some("er-offline")}>
                                    { t(Msg::EreaderReserve) }
                                </button>
                            }
                            <p class="er-item__outcome" role="status">
                                { match &state {
                                    Some(Outcome::Borrowed) => html! { t(Msg::EreaderBorrowed) },
                                    Some(Outcome::Reserved) => html! { t(Msg::EreaderReservedNow) },
                                    Some(Outcome::Refused(message)) => html! {
                                        <span class="field-error er-refused">{ message }</span>
                                    },
                                    _ => Html::default(),
                                } }
                            </p>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="er-page" aria-labelledby="er-collection-title">
            <h2 id="er-collection-title" tabindex="-1">{ t(Msg::EreaderCollection) }</h2>
            { list }
        </section>
    }
}
