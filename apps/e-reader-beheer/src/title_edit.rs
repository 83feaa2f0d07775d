//! Changing one title: its licences by the population rule ("volgens regel") or by hand
//! ("met de hand", a number), and whether members may download it during a loan
//! (`PUT /api/ereader/admin/titles/{title_id}`).

use suite_domain::ereader::admin::{AdminTitle, TitleSettings};
use suite_domain::i18n::Msg;
use suite_ui::api;
use suite_ui::back_office::{described, field_error, focus_id};
use suite_ui::use_lang;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::rules::licences_asked;

const LICENCES_ID: &str = "er-bo-licences";
const HEADING_ID: &str = "er-bo-edit-title";

#[derive(Properties, PartialEq)]
pub(crate) struct TitleEditProps {
    pub(crate) title: AdminTitle,
    /// Told when the form closes: whether something was saved.
    pub(crate) on_done: Callback<bool>,
}

#[function_component]
pub(crate) fn TitleEdit(props: &TitleEditProps) -> Html {
    let lang = use_lang();
    let title = &props.title;
    let by_hand = use_state(|| title.licences_set.is_some());
    let typed = use_state(|| title.licences_set.unwrap_or(title.licences).to_string());
    let download = use_state(|| title.download);
    let error = use_state(|| None::<Msg>);
    let failed = use_state(|| None::<String>);
    use_effect_with((), |_| focus_id(HEADING_ID));
    let choose = |hand: bool| {
        let by_hand = by_hand.clone();
        Callback::from(move |_: Event| by_hand.set(hand))
    };
    let on_typed = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                typed.set(input.value());
            }
        })
    };
    let on_download = {
        let download = download.clone();
        Callback::from(move |_: Event| download.set(!*download))
    };
    let onsubmit = {
        let (by_hand, typed, download, error, failed) = (
            by_hand.clone(),
            typed.clone(),
            download.clone(),
            error.clone(),
            failed.clone(),
        );
        let (id, on_done) = (title.id, props.on_done.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let licences_set = match licences_asked(*by_hand, &typed) {
                Ok(n) => n,
                Err(msg) => {
                    error.set(Some(msg));
                    focus_id(LICENCES_ID);
                    return;
                }
            };
            error.set(None);
            let body = TitleSettings {
                licences_set,
                download: *download,
            };
            let (failed, on_done) = (failed.clone(), on_done.clone());
            spawn_local(async move {
                let path = format!("/api/ereader/admin/titles/{id}");
                match api::put::<_, AdminTitle>(&path, &body).await {
                    Ok(_) => on_done.emit(true),
                    Err(e) => failed.set(Some(e.localized(lang))),
                }
            });
        })
    };
    let on_cancel = {
        let on_done = props.on_done.clone();
        Callback::from(move |_| on_done.emit(false))
    };
    let (invalid, describedby) = described(LICENCES_ID, *error, None);
    html! {
        <form class="card er-bo-edit" {onsubmit} novalidate={true}>
            <h4 id={HEADING_ID} tabindex="-1">{ format!("{}: {}", Msg::EreaderAdmEdit.text(lang), title.title) }</h4>
            <fieldset>
                <legend>{ Msg::EreaderAdmColHow.text(lang) }</legend>
                <label>
                    <input type="radio" name="er-bo-how" id="er-bo-by-rule" checked={!*by_hand} onchange={choose(false)} />
                    { format!(" {} ({})", Msg::EreaderAdmByRule.text(lang), title.rule_licences) }
                </label>
                <label>
                    <input type="radio" name="er-bo-how" id="er-bo-by-hand" checked={*by_hand} onchange={choose(true)} />
                    { format!(" {}", Msg::EreaderAdmByHand.text(lang)) }
                </label>
            </fieldset>
            if *by_hand {
                <label for={LICENCES_ID}>{ Msg::EreaderAdmLicencesLabel.text(lang) }</label>
                <input id={LICENCES_ID} type="number" min="0" max="10000" inputmode="numeric"
                    value={(*typed).clone()} oninput={on_typed}
                    aria-invalid={invalid} aria-describedby={describedby} />
                { field_error(LICENCES_ID, *error, lang) }
            }
            <label class="er-bo-check">
                <input type="checkbox" id="er-bo-download" checked={*download} onchange={on_download} />
                { format!(" {}", Msg::EreaderAdmDownloadLabel.text(lang)) }
            </label>
            if let Some(failed) = &*failed {
                <p class="form-error" role="alert">{ failed.clone() }</p>
            }
            <p class="er-bo-actions">
                <button type="submit" class="button button--primary">{ Msg::EreaderAdmSave.text(lang) }</button>
                <button type="button" class="button" onclick={on_cancel}>{ Msg::EreaderAdmCancel.text(lang) }</button>
            </p>
        </form>
    }
}
