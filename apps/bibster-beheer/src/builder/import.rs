//! The view "Importeren": a game file (an export of this or another server) chosen with
//! a file input and sent as it is; the server reads and checks it as every game. A
//! refusal shows the server's Dutch message and the place it names, in words.

use suite_domain::bibster::api::GameRecord;
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{focus_id_soon, section};
use suite_ui::use_lang;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::office::{Draft, IMPORT_HEADING, Library, failed};
use super::problems::place_words;
use super::templates::to_view;

#[derive(Properties, PartialEq)]
pub(crate) struct ImportProps {
    pub(crate) library: Library,
}

#[derive(Clone, PartialEq)]
enum Outcome {
    None,
    Busy,
    Done(GameRecord),
    Refused(ApiError),
}

#[function_component]
pub(crate) fn ImportSection(props: &ImportProps) -> Html {
    let lang = use_lang();
    let input = use_node_ref();
    let outcome = use_state(|| Outcome::None);
    let missing = use_state(|| false);
    let attempt = use_state(|| 0_u32);
    let onsubmit = {
        let (input, outcome, missing, library) = (
            input.clone(),
            outcome.clone(),
            missing.clone(),
            props.library.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *outcome == Outcome::Busy {
                return;
            }
            let file = input
                .cast::<HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            let Some(file) = file else {
                missing.set(true);
                focus_id_soon("bb-import-file".into());
                return;
            };
            missing.set(false);
            outcome.set(Outcome::Busy);
            let (outcome, library) = (outcome.clone(), library.clone());
            spawn_local(async move {
                let path = format!("/api/bibster/{}/games", library.id);
                match api::post_body::<GameRecord>(&path, "application/json", &file.into()).await {
                    Ok(record) => {
                        library.version.set(*library.version + 1);
                        outcome.set(Outcome::Done(record));
                    }
                    Err(error) => outcome.set(Outcome::Refused(error)),
                }
                focus_id_soon("bb-import-result".into());
            });
        })
    };
    let result = match &*outcome {
        Outcome::None => Html::default(),
        Outcome::Busy => {
            html! { <p class="staff-notice" role="status">{ Msg::BibBuildWorking.text(lang) }</p> }
        }
        Outcome::Done(record) => {
            let (library, record) = (props.library.clone(), record.clone());
            let title = record.summary.title.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                library.edit(Draft {
                    id: Some(record.summary.id),
                    saved: Some(record.game.clone()),
                    game: record.game.clone(),
                });
                to_view("spellen");
            });
            html! {
                <div id="bb-import-result" tabindex="-1" class="staff-notice bb-import-done" role="status">
                    <p>{ format!("{} {title}", Msg::BibBuildImported.text(lang)) }</p>
                    <button type="button" class="btn btn--primary bb-open-import" {onclick}>{ Msg::BibBuildOpenCopy.text(lang) }</button>
                </div>
            }
        }
        Outcome::Refused(error) if super::office::not_active(error) => {
            failed(error, lang, &attempt)
        }
        Outcome::Refused(error) => {
            let place = error.field.as_deref().filter(|f| !f.is_empty()).map(|f| html! {
                <p class="bb-import-place">{ format!("{} {}", Msg::BibBuildPlace.text(lang), place_words(f, lang)) }</p>
            });
            html! {
                <div id="bb-import-result" tabindex="-1" class="form-error bb-import-refused" role="alert">
                    <p>{ error.localized(lang) }</p>
                    { place }
                </div>
            }
        }
    };
    let (invalid, describedby) = suite_ui::back_office::described(
        "bb-import-file",
        missing.then_some(Msg::BibBuildChooseFile),
        Some("bb-import-help"),
    );
    section(
        IMPORT_HEADING,
        Msg::BibBuildImport,
        lang,
        html! {
            <form class="bo-form" {onsubmit} novalidate=true>
                <div class="field">
                    <label for="bb-import-file">{ Msg::BibBuildGameFile.text(lang) }</label>
                    <input id="bb-import-file" type="file" accept=".json,application/json" ref={input}
                        aria-invalid={invalid} aria-describedby={describedby} />
                    <p id="bb-import-help" class="field-help">{ Msg::BibBuildImportHelp.text(lang) }</p>
                    { suite_ui::back_office::field_error("bb-import-file", missing.then_some(Msg::BibBuildChooseFile), lang) }
                </div>
                <div class="bo-actions">
                    <button type="submit" class="btn btn--primary bb-import-send">{ Msg::BibBuildImportSend.text(lang) }</button>
                </div>
                { result }
            </form>
        },
    )
}
