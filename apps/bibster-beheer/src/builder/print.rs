//! The printable sheet of a game's find-the-code tasks: one card per spot with the task,
//! the code in large letters and its QR code, laid out by `@media print` so a page of
//! cards comes out clean (the builder's own controls are not printed).

use suite_domain::bibster::api::GameRecord;
use suite_domain::bibster::game::Game;
use suite_domain::bibster::task::TaskKind;
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::focus_id_soon;
use suite_ui::qr::qr_code;
use suite_ui::{EmptyState, Loading, use_lang};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::office::{GAMES_HEADING, Library, Screen, failed};

/// The cards of `game`: per find-the-code task, its number, prompt and code.
pub(crate) fn code_cards(game: &Game) -> Vec<(usize, String, String)> {
    game.tasks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| match &t.kind {
            TaskKind::FindCode { code } => Some((i + 1, t.prompt.clone(), code.clone())),
            _ => None,
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub(crate) struct PrintProps {
    pub(crate) library: Library,
    pub(crate) game: i64,
}

#[function_component]
pub(crate) fn PrintSheet(props: &PrintProps) -> Html {
    let lang = use_lang();
    let load = use_state(|| None::<Result<GameRecord, ApiError>>);
    let attempt = use_state(|| 0_u32);
    {
        let (load, path) = (
            load.clone(),
            format!("/api/bibster/{}/games/{}", props.library.id, props.game),
        );
        use_effect_with(*attempt, move |_| {
            spawn_local(async move { load.set(Some(api::get::<GameRecord>(&path).await)) });
        });
    }
    let back = {
        let screen = props.library.screen.clone();
        Callback::from(move |_: MouseEvent| {
            screen.set(Screen::List);
            focus_id_soon(GAMES_HEADING.into());
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let body = match &*load {
        None => html! { <Loading /> },
        Some(Err(error)) => failed(error, lang, &attempt),
        Some(Ok(record)) => {
            let cards = code_cards(&record.game);
            if cards.is_empty() {
                html! { <EmptyState message={Msg::BibBuildNoCodes} /> }
            } else {
                let cards = cards.into_iter().map(|(n, prompt, code)| {
                    let label = format!("{} {code}", Msg::BibBuildQrOf.text(lang));
                    html! {
                        <article class="bb-card">
                            <p class="bb-card__task">{ format!("{} {n}", Msg::BibBuildTask.text(lang)) }</p>
                            <p class="bb-card__prompt">{ prompt }</p>
                            <p class="bb-card__code">{ code.clone() }</p>
                            <div class="bb-card__qr">{ qr_code(&code, &label) }</div>
                        </article>
                    }
                });
                html! {
                    <>
                        <h4 class="bb-sheet__title">{ format!("{}: {}", Msg::BibBuildPrint.text(lang), record.summary.title) }</h4>
                        <div class="bb-sheet">{ for cards }</div>
                    </>
                }
            }
        }
    };
    html! {
        <div class="bb-print">
            <h4 id="bb-print-heading" class="visually-hidden" tabindex="-1">{ Msg::BibBuildPrint.text(lang) }</h4>
            <div class="bo-actions bb-no-print">
                <button type="button" class="btn btn--secondary bb-back" onclick={back}>{ Msg::BibBuildBack.text(lang) }</button>
                <button type="button" class="btn btn--primary bb-print-now" onclick={print}>{ Msg::BibBuildPrintNow.text(lang) }</button>
            </div>
            { body }
        </div>
    }
}
