//! "Programma uit UiTdatabank": where the centre's programme comes from (a UiTdatabank
//! search URL or the centre's organiser id; `GET`, `PUT`, `DELETE
//! /api/culture/<centre>/programme-source`), checked here by the rule the server runs
//! (`suite_domain::culture::source::check_source`); below it "Importeer nu", the report
//! and the earlier runs (`import_now`). The server imports the source on its own
//! schedule as well.

mod import_now;

use suite_domain::culture::source::{ProgrammeSource, SourceKind, SourceSetting, check_source};
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::focus_id;
use suite_ui::{Button, ButtonVariant, Loading, use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::view::{alert, described, field_error, load_failed, section, status};
use import_now::ImportNow;

/// The section's heading, for the link at the top of the back-office.
pub(crate) const SOURCE_HEADING: &str = "cm-bo-source-title";
const VALUE_ID: &str = "cm-source-value";

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(ApiError),
}

/// What the last save or removal gave.
#[derive(Clone, PartialEq)]
enum Outcome {
    Saving,
    Saved,
    Removed,
    Failed(ApiError),
}

#[derive(Properties, PartialEq)]
pub(crate) struct ProgrammeSourceSectionProps {
    pub(crate) centre: AttrValue,
    /// Told after an import that changed the programme.
    pub(crate) on_imported: Callback<()>,
}

#[function_component]
pub(crate) fn ProgrammeSourceSection(props: &ProgrammeSourceSectionProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let load = use_state(|| Load::Loading);
    let attempt = use_state(|| 0_u32);
    // What the server has, and what the form shows.
    let stored = use_state(SourceSetting::default);
    let kind = use_state(|| SourceKind::SearchUrl);
    let value = use_state(String::new);
    let error = use_state(|| None::<Msg>);
    let outcome = use_state(|| None::<Outcome>);
    let url = format!("/api/culture/{}/programme-source", props.centre);
    let show = {
        let (stored, kind, value) = (stored.clone(), kind.clone(), value.clone());
        move |setting: SourceSetting| {
            if let Some(source) = &setting.source {
                kind.set(source.kind);
                value.set(source.value.clone());
            }
            stored.set(setting);
        }
    };
    {
        let (load, show, url) = (load.clone(), show.clone(), url.clone());
        use_effect_with((url, *attempt), move |(url, _)| {
            let url = url.clone();
            load.set(Load::Loading);
            spawn_local(async move {
                match api::get::<SourceSetting>(&url).await {
                    Ok(setting) => {
                        show(setting);
                        load.set(Load::Ready);
                    }
                    Err(failed) => load.set(Load::Failed(failed)),
                }
            });
        });
    }
    let onsubmit = {
        let (kind, value, error, outcome, url) = (
            kind.clone(),
            value.clone(),
            error.clone(),
            outcome.clone(),
            url.clone(),
        );
        let show = show.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *outcome == Some(Outcome::Saving) {
                return;
            }
            let typed = ProgrammeSource {
                kind: *kind,
                value: (*value).clone(),
            };
            let checked = match check_source(&typed, false) {
                Ok(checked) => checked,
                Err(refused) => {
                    error.set(Some(refused.message));
                    outcome.set(None);
                    return focus_id(VALUE_ID);
                }
            };
            error.set(None);
            outcome.set(Some(Outcome::Saving));
            let (outcome, url, show) = (outcome.clone(), url.clone(), show.clone());
            spawn_local(async move {
                match api::put::<_, SourceSetting>(&url, &checked).await {
                    Ok(setting) => {
                        show(setting);
                        outcome.set(Some(Outcome::Saved));
                    }
                    Err(failed) => outcome.set(Some(Outcome::Failed(failed))),
                }
            });
        })
    };
    let on_remove = {
        let (stored, value, error, outcome, url) = (
            stored.clone(),
            value.clone(),
            error.clone(),
            outcome.clone(),
            url.clone(),
        );
        Callback::from(move |()| {
            outcome.set(Some(Outcome::Saving));
            error.set(None);
            let (stored, value, outcome, url) =
                (stored.clone(), value.clone(), outcome.clone(), url.clone());
            spawn_local(async move {
                match api::delete(&url).await {
                    Ok(()) => {
                        stored.set(SourceSetting::default());
                        value.set(String::new());
                        outcome.set(Some(Outcome::Removed));
                    }
                    Err(failed) => outcome.set(Some(Outcome::Failed(failed))),
                }
            });
        })
    };
    let radio = |id: &'static str, which: SourceKind, label: Msg| {
        let checked = *kind == which;
        let (kind, error) = (kind.clone(), error.clone());
        let onchange = Callback::from(move |_: Event| {
            kind.set(which);
            error.set(None);
        });
        html! {
            <div class="bo-check">
                <input {id} type="radio" name="cm-source-kind" {checked} {onchange} />
                <label for={id}>{ t(label) }</label>
            </div>
        }
    };
    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            value.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let (aria_invalid, describedby) = described(VALUE_ID, *error, Some("cm-source-help"));
    let saving = *outcome == Some(Outcome::Saving);
    let notice = match &*outcome {
        Some(Outcome::Saved) => Some(t(Msg::CmBoSourceSaved).to_owned()),
        Some(Outcome::Removed) => Some(t(Msg::CmBoSourceRemoved).to_owned()),
        _ => None,
    };
    let has_source = stored.source.is_some();
    let body = match &*load {
        Load::Loading => html! { <Loading /> },
        Load::Failed(failed) => load_failed(failed, lang, &attempt),
        Load::Ready => html! {
            <>
                <form class="bo-form cm-bo-source" novalidate=true {onsubmit}>
                    <p id="cm-source-help" class="field-help">{ t(Msg::CmBoSourceHelp) }</p>
                    <fieldset class="field">
                        <legend>{ t(Msg::CmBoSourceKind) }</legend>
                        { radio("cm-source-kind-url", SourceKind::SearchUrl, Msg::CmBoSourceSearchUrl) }
                        { radio("cm-source-kind-organiser", SourceKind::Organiser, Msg::CmBoSourceOrganiser) }
                    </fieldset>
                    <div class={classes!("field", error.map(|_| "field--invalid"))}>
                        <label for={VALUE_ID}>{ t(Msg::CmBoSourceValue) }</label>
                        <input id={VALUE_ID} type="text" inputmode="url" autocomplete="off"
                            spellcheck="false" value={(*value).clone()} {oninput}
                            aria-invalid={aria_invalid} aria-describedby={describedby} />
                        { field_error(VALUE_ID, *error, lang) }
                    </div>
                    if !has_source {
                        <p class="bo-muted cm-source-none">{ t(Msg::CmBoSourceNone) }</p>
                    }
                    <div class="bo-actions">
                        <Button kind="submit" class="cm-source-save" disabled={saving}>
                            { t(Msg::CmBoSourceSave) }
                        </Button>
                        if has_source {
                            <Button class="cm-source-remove" variant={ButtonVariant::Secondary}
                                disabled={saving} onclick={on_remove.reform(|_| ())}>
                                { t(Msg::CmBoSourceRemove) }
                            </Button>
                        }
                    </div>
                    { status("cm-source-saved", notice) }
                    if let Some(Outcome::Failed(failed)) = &*outcome {
                        { alert("cm-source-failed", failed.localized(lang)) }
                    }
                </form>
                <ImportNow centre={props.centre.clone()} {has_source}
                    on_imported={props.on_imported.clone()} />
            </>
        },
    };
    section(SOURCE_HEADING, Msg::CmBoSource, lang, body)
}
