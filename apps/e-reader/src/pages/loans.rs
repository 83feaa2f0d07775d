//! The member's loans: each with its days left, a way into the reader, a return that
//! asks first, and a way to keep the book on this device (and whether it is kept); an
//! empty list says where to find books. Offline the list is the last one seen, and
//! what needs the server is disabled. Their reservations and reading history follow.

use suite_domain::ereader::LoanView;
use suite_domain::i18n::Msg;
use suite_ui::{ApiError, EmptyState, ErrorState, Loading, UiText, use_lang, use_t};
use yew::prelude::*;

use super::history::HistorySection;
use super::reservations::ReservationsSection;
use crate::app::Navigate;
use crate::net;
use crate::offline::{self, Offline};
use crate::rules::Route;

#[derive(Properties, PartialEq)]
pub(crate) struct LoansPageProps {
    pub(crate) navigate: Navigate,
}

#[function_component]
pub(crate) fn LoansPage(props: &LoansPageProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let loans = use_state(|| None::<Result<Vec<LoanView>, ApiError>>);
    let attempt = use_state(|| 0_u32);
    // The loan whose return waits for a yes.
    let confirming = use_state(|| None::<i64>);
    let notice = use_state(|| None::<String>);
    let offline = use_context::<Offline>().unwrap_or_default().0;
    // The loans whose book is kept on this device (once read from it), and the one
    // being kept now.
    let saved = use_state(|| None::<Vec<i64>>);
    let saving = use_state(|| None::<i64>);
    {
        let (loans, saved) = (loans.clone(), saved.clone());
        use_effect_with(*attempt, move |_| {
            yew::platform::spawn_local(async move {
                let found = net::loans().await;
                let running: Option<Vec<i64>> = found
                    .as_ref()
                    .ok()
                    .map(|list| list.iter().map(|l| l.id).collect());
                loans.set(Some(found));
                if let Some(running) = running {
                    offline::keep_only(&running).await;
                }
                saved.set(Some(offline::saved_loans().await));
            });
        });
    }
    let keep = {
        let (saved, saving, notice) = (saved.clone(), saving.clone(), notice.clone());
        Callback::from(move |loan: LoanView| {
            let (saved, saving, notice) = (saved.clone(), saving.clone(), notice.clone());
            saving.set(Some(loan.id));
            yew::platform::spawn_local(async move {
                let result = offline::save_book(&loan).await;
                saved.set(Some(offline::saved_loans().await));
                saving.set(None);
                let said = match result {
                    Ok(()) => Msg::EreaderOfflineReady,
                    Err(_) => Msg::EreaderOfflineFailed,
                };
                notice.set(Some(said.text(lang).to_string()));
            });
        })
    };
    let give_back = {
        let (attempt, confirming, notice) = (attempt.clone(), confirming.clone(), notice.clone());
        Callback::from(move |loan: i64| {
            let (attempt, confirming, notice) =
                (attempt.clone(), confirming.clone(), notice.clone());
            yew::platform::spawn_local(async move {
                let result = net::give_back(loan).await;
                if result.is_ok() {
                    offline::forget(loan).await;
                }
                confirming.set(None);
                notice.set(Some(match result {
                    Ok(()) => Msg::EreaderReturned.text(lang).to_string(),
                    Err(error) => error.localized(lang),
                }));
                attempt.set(*attempt + 1);
                suite_ui::back_office::focus_id_soon("er-loans-title".into());
            });
        })
    };
    let list = match &*loans {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let attempt = attempt.clone();
            html! { <ErrorState message={UiText::Text(error.localized(lang).into())}
            on_retry={Callback::from(move |()| attempt.set(*attempt + 1))} /> }
        }
        Some(Ok(list)) if list.is_empty() => {
            html! { <EmptyState message={UiText::Msg(Msg::EreaderNoLoans)} /> }
        }
        Some(Ok(list)) => html! {
            <ul class="er-list">
                { for list.iter().map(|loan| {
                    let id = loan.id;
                    let read = {
                        let navigate = props.navigate.clone();
                        Callback::from(move |_: MouseEvent| navigate.emit(Route::Reader { loan: id }))
                    };
                    let ask = {
                        let confirming = confirming.clone();
                        Callback::from(move |_: MouseEvent| {
                            confirming.set(Some(id));
                            suite_ui::back_office::focus_id_soon(format!("er-keep-{id}"));
                        })
                    };
                    let known = saved.is_some();
                    let kept = saved.as_ref().is_some_and(|s| s.contains(&id));
                    // Offline a book not kept here cannot open; say why beside it.
                    let unreadable = offline && !kept;
                    let state_id = format!("er-offline-state-{id}");
                    let on_keep = {
                        let (keep, loan) = (keep.clone(), loan.clone());
                        Callback::from(move |_: MouseEvent| keep.emit(loan.clone()))
                    };
                    let days = if loan.days_left == 1 { Msg::EreaderDayLeft } else { Msg::EreaderDaysLeft };
                    let heading = format!("er-loan-{id}");
                    html! {
                        <li class="er-item er-loan" aria-labelledby={heading.clone()}>
                            <h3 class="er-item__title" id={heading} dir="auto">{ &loan.title }</h3>
                            <p class="er-item__days">{ format!("{} {}", loan.days_left, t(days)) }</p>
                            if *confirming == Some(id) {
                                <div class="er-confirm" role="group" aria-labelledby={format!("er-confirm-{id}")}>
                                    <p id={format!("er-confirm-{id}")}>{ t(Msg::EreaderReturnConfirm) }</p>
                                    <button type="button" class="er-button er-button--main er-return-yes"
                                            onclick={let give_back = give_back.clone(); Callback::from(move |_: MouseEvent| give_back.emit(id))}>
                                        { t(Msg::EreaderReturnYes) }
                                    </button>
                                    <button type="button" class="er-button" id={format!("er-keep-{id}")}
                                            onclick={let confirming = confirming.clone(); Callback::from(move |_: MouseEvent| confirming.set(None))}>
                                        { t(Msg::EreaderReturnNo) }
                                    </button>
                                </div>
                            } else {
                                <div class="er-actions">
                                    <button type="button" class="er-button er-button--main er-read" onclick={read}
                                            disabled={unreadable} aria-describedby={unreadable.then(|| state_id.clone())}>
                                        { t(Msg::EreaderRead) }
                                    </button>
                                    <button type="button" class="er-button er-return" onclick={ask}
                                            disabled={offline} aria-describedby={offline.then_some("er-offline")}>
                                        { t(Msg::EreaderReturn) }
                                    </button>
                                    if known && !kept && !offline {
                                        <button type="button" class="er-button er-offline-save"
                                                disabled={saving.is_some()} onclick={on_keep}>
                                            { t(if *saving == Some(id) { Msg::EreaderOfflineSaving } else { Msg::EreaderOfflineSave }) }
                                        </button>
                                    }
                                    if loan.download && !offline {
                                        <a class="er-button er-download" download=""
                                           href={format!("/api/ereader/loans/{id}/download")}>
                                            { t(Msg::EreaderDownload) }
                                        </a>
                                    }
                                </div>
                            }
                            if kept {
                                <p class="er-item__offline er-offline-ready" id={state_id}>{ t(Msg::EreaderOfflineReady) }</p>
                            } else if offline {
                                <p class="er-item__offline" id={state_id}>{ t(Msg::EreaderOfflineNotSaved) }</p>
                            }
                        </li>
                    }
                }) }
            </ul>
        },
    };
    let on_borrowed = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    html! {
        <>
            <section class="er-page" aria-labelledby="er-loans-title">
                <h2 id="er-loans-title" tabindex="-1">{ t(Msg::EreaderMyLoans) }</h2>
                <p class="er-notice" role="status">{ (*notice).clone().unwrap_or_default() }</p>
                { list }
            </section>
            <ReservationsSection {on_borrowed} />
            <HistorySection />
        </>
    }
}
