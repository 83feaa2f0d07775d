//! "Thema's": staff change each theme's name (Dutch and English), picture and catalogue
//! terms (`GET`/`PUT`/`DELETE /api/bieblo/<library>/themes`), upload a picture of their
//! own (`POST .../themes/<theme>/picture`) and can go back to the standard themes.

use base64::Engine;
use js_sys::Uint8Array;
use suite_domain::bieblo::Theme;
use suite_domain::bieblo::theme_edit::{
    PICTURE_MAX_BYTES, ThemeError, ThemeField, ThemePicture, ThemePictureUpload, sniff_picture,
};
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::{Button, Loading, use_lang, use_t};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::theme_form::{
    ThemeForm, check_form, error_for, field_id, first_invalid_field, picture_src,
};
use super::view::{field_error, load_failed, section};
use crate::focus::focus_first;

#[derive(Properties, PartialEq)]
pub(super) struct ThemeSectionProps {
    pub(super) library: AttrValue,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(ApiError),
}

/// What the last save, reset or upload gave.
#[derive(Clone, PartialEq)]
enum Outcome {
    Saved,
    /// A picture could not be used (too big, not an image); by theme id.
    PictureRefused(String, Msg),
    Failed(ApiError),
}

/// Reads a chosen picture and sends it; the answer is the URL to put in the theme.
async fn upload_picture(url: String, file: File) -> Result<String, Result<Msg, ApiError>> {
    if file.size() > PICTURE_MAX_BYTES as f64 {
        return Err(Ok(Msg::BiebloThemePictureTooBig));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| Ok(Msg::BiebloStaffUnreadable))?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    let kind = match sniff_picture(&bytes) {
        Some("png") => "image/png",
        Some("jpg") => "image/jpeg",
        Some(_) => "image/webp",
        None => return Err(Ok(Msg::BiebloThemePictureInvalid)),
    };
    let data_url = format!(
        "data:{kind};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(&bytes)
    );
    api::post::<_, ThemePicture>(&url, &ThemePictureUpload { data_url })
        .await
        .map(|answer| answer.picture)
        .map_err(Err)
}

#[function_component]
pub(super) fn ThemeSection(props: &ThemeSectionProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let load = use_state(|| Load::Loading);
    let attempt = use_state(|| 0_u32);
    let forms = use_state(Vec::<ThemeForm>::new);
    let errors = use_state(Vec::<ThemeError>::new);
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Outcome>);
    let url = format!("/api/bieblo/{}/themes", props.library);
    {
        let (load, forms, url) = (load.clone(), forms.clone(), url.clone());
        use_effect_with((url, *attempt), move |(url, _)| {
            let url = url.clone();
            load.set(Load::Loading);
            spawn_local(async move {
                match api::get::<Vec<Theme>>(&url).await {
                    Ok(themes) => {
                        forms.set(themes.iter().map(ThemeForm::from).collect());
                        load.set(Load::Ready);
                    }
                    Err(error) => load.set(Load::Failed(error)),
                }
            });
        });
    }
    let set_field = |index: usize, apply: fn(&mut ThemeForm, String)| {
        let (forms, outcome) = (forms.clone(), outcome.clone());
        Callback::from(move |value: String| {
            let mut next = (*forms).clone();
            if let Some(form) = next.get_mut(index) {
                apply(form, value);
            }
            forms.set(next);
            outcome.set(None);
        })
    };
    let onsubmit = {
        let (forms, errors, busy, outcome, url) = (
            forms.clone(),
            errors.clone(),
            busy.clone(),
            outcome.clone(),
            url.clone(),
        );
        let library = props.library.to_string();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            let themes = match check_form(&forms, &library) {
                Ok(themes) => themes,
                Err(found) => {
                    let first = first_invalid_field(&found);
                    errors.set(found);
                    outcome.set(None);
                    if let Some(first) = first {
                        focus_first(&format!("#{first}"));
                    }
                    return;
                }
            };
            errors.set(Vec::new());
            busy.set(true);
            let (forms, busy, outcome, url) =
                (forms.clone(), busy.clone(), outcome.clone(), url.clone());
            spawn_local(async move {
                match api::put::<_, Vec<Theme>>(&url, &themes).await {
                    Ok(saved) => {
                        forms.set(saved.iter().map(ThemeForm::from).collect());
                        outcome.set(Some(Outcome::Saved));
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
                busy.set(false);
            });
        })
    };
    let on_reset = {
        let (busy, outcome, errors, attempt, url) = (
            busy.clone(),
            outcome.clone(),
            errors.clone(),
            attempt.clone(),
            url.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let confirmed = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(Msg::BiebloThemesResetConfirm.text(lang))
                        .ok()
                })
                .unwrap_or(false);
            if *busy || !confirmed {
                return;
            }
            busy.set(true);
            let (busy, outcome, errors, attempt, url) = (
                busy.clone(),
                outcome.clone(),
                errors.clone(),
                attempt.clone(),
                url.clone(),
            );
            spawn_local(async move {
                match api::delete(&url).await {
                    Ok(()) => {
                        errors.set(Vec::new());
                        outcome.set(Some(Outcome::Saved));
                        // Read the standard themes back from the server.
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
                busy.set(false);
            });
        })
    };

    let body = match &*load {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => load_failed(error, lang, &attempt),
        Load::Ready => {
            let items = forms.iter().enumerate().map(|(index, form)| {
                let id = form.id.clone();
                let err = |field| error_for(&errors, &id, field);
                let has_error = [ThemeField::LabelNl, ThemeField::LabelEn, ThemeField::Picture, ThemeField::Terms]
                    .into_iter()
                    .any(|f| err(f).is_some());
                let text_input = |field: ThemeField, label: Msg, value: &str, apply: fn(&mut ThemeForm, String)| {
                    let fid = field_id(&id, field);
                    let error = err(field);
                    // `change` as well as `input`: a field emptied by a tool fires only `change`.
                    let set = set_field(index, apply);
                    let oninput = set.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
                    let onchange = set.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value());
                    html! {
                        <div class={classes!("field", error.map(|_| "field--invalid"))}>
                            <label for={fid.clone()}>{ label.text(lang) }</label>
                            <input id={fid.clone()} type="text" maxlength="60" value={value.to_owned()} {oninput} {onchange}
                                aria-invalid={error.map(|_| "true")}
                                aria-describedby={error.map(|_| format!("{fid}-error"))} />
                            { field_error(&fid, error, lang) }
                        </div>
                    }
                };
                let terms = |suffix: &str, label: Msg, value: &str, apply: fn(&mut ThemeForm, String)| {
                    let fid = format!("theme-{id}-{suffix}");
                    let set = set_field(index, apply);
                    let oninput = set.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
                    let onchange = set.reform(|e: Event| e.target_unchecked_into::<HtmlTextAreaElement>().value());
                    html! {
                        <div class="field">
                            <label for={fid.clone()}>{ label.text(lang) }</label>
                            <textarea id={fid} rows="4" value={value.to_owned()} {oninput} {onchange} />
                        </div>
                    }
                };
                let terms_fid = field_id(&id, ThemeField::Terms);
                let terms_error = err(ThemeField::Terms);
                let picture_fid = field_id(&id, ThemeField::Picture);
                let picture_error = err(ThemeField::Picture).or(match &*outcome {
                    Some(Outcome::PictureRefused(theme, msg)) if *theme == id => Some(*msg),
                    _ => None,
                });
                let on_file = {
                    let (forms, busy, outcome) = (forms.clone(), busy.clone(), outcome.clone());
                    let (url, id) = (format!("{url}/{id}/picture"), id.clone());
                    Callback::from(move |event: Event| {
                        let input: HtmlInputElement = event.target_unchecked_into();
                        let Some(file) = input.files().and_then(|l| l.item(0)) else {
                            return;
                        };
                        input.set_value("");
                        busy.set(true);
                        let (forms, busy, outcome, url, id) =
                            (forms.clone(), busy.clone(), outcome.clone(), url.clone(), id.clone());
                        spawn_local(async move {
                            match upload_picture(url, file).await {
                                Ok(picture) => {
                                    let mut next = (*forms).clone();
                                    if let Some(form) = next.iter_mut().find(|f| f.id == id) {
                                        form.picture = picture;
                                    }
                                    forms.set(next);
                                    outcome.set(None);
                                }
                                Err(Ok(msg)) => outcome.set(Some(Outcome::PictureRefused(id, msg))),
                                Err(Err(error)) => outcome.set(Some(Outcome::Failed(error))),
                            }
                            busy.set(false);
                        });
                    })
                };
                let on_default_picture = {
                    let default = form.default_picture();
                    set_field(index, |f, v| f.picture = v).reform(move |_: MouseEvent| default.clone())
                };
                html! {
                    <details class="bo-theme" open={has_error}>
                        <summary>
                            <img class="bo-theme__thumb" src={picture_src(&form.picture)} alt="" />
                            <span>{ form.label_nl.clone() }</span>
                        </summary>
                        <div class="bo-theme__fields">
                            { text_input(ThemeField::LabelNl, Msg::BiebloThemeLabelNl, &form.label_nl, |f, v| f.label_nl = v) }
                            { text_input(ThemeField::LabelEn, Msg::BiebloThemeLabelEn, &form.label_en, |f, v| f.label_en = v) }
                            <div class={classes!("field", picture_error.map(|_| "field--invalid"))}>
                                <label for={picture_fid.clone()}>{ t(Msg::BiebloThemePictureUpload) }</label>
                                <img class="bo-theme__picture" src={picture_src(&form.picture)}
                                    alt={format!("{} {}", t(Msg::BiebloThemePicture), form.label_nl)} />
                                <input id={picture_fid.clone()} type="file" accept="image/png,image/jpeg,image/webp"
                                    onchange={on_file} disabled={*busy}
                                    aria-invalid={picture_error.map(|_| "true")}
                                    aria-describedby={picture_error.map(|_| format!("{picture_fid}-error"))} />
                                { field_error(&picture_fid, picture_error, lang) }
                                if form.picture != form.default_picture() {
                                    <Button class="bo-theme__default" onclick={on_default_picture}>
                                        { t(Msg::BiebloThemePictureDefault) }
                                    </Button>
                                }
                            </div>
                            <fieldset id={terms_fid.clone()} tabindex="-1"
                                class={classes!("bo-terms", terms_error.map(|_| "field--invalid"))}
                                aria-describedby={terms_error.map(|_| format!("{terms_fid}-error"))}>
                                <legend>{ t(Msg::BiebloStaffTheme) }{ ": " }{ form.label_nl.clone() }</legend>
                                { field_error(&terms_fid, terms_error, lang) }
                                { terms("genres", Msg::BiebloThemeGenres, &form.genres, |f, v| f.genres = v) }
                                { terms("subjects", Msg::BiebloThemeSubjects, &form.subjects, |f, v| f.subjects = v) }
                                { terms("awards", Msg::BiebloThemeAwards, &form.awards, |f, v| f.awards = v) }
                                { terms("requires", Msg::BiebloThemeRequires, &form.requires, |f, v| f.requires = v) }
                            </fieldset>
                        </div>
                    </details>
                }
            });
            html! {
                <form class="bo-form bo-themes" novalidate=true {onsubmit}>
                    <p class="field-help">{ t(Msg::BiebloThemesHelp) }</p>
                    { for items }
                    if !errors.is_empty() {
                        <p class="form-error" role="alert">{ t(Msg::BiebloThemesFix) }</p>
                    }
                    <div class="bo-actions">
                        <Button kind="submit" class="themes-save" disabled={*busy}>{ t(Msg::BiebloStaffSave) }</Button>
                        <Button class="themes-reset" disabled={*busy} onclick={on_reset}>{ t(Msg::BiebloThemesReset) }</Button>
                    </div>
                    if *busy { <Loading /> }
                    { match &*outcome {
                        Some(Outcome::Saved) => html! {
                            <p class="staff-notice themes-saved" role="status">{ t(Msg::BiebloThemesSaved) }</p>
                        },
                        Some(Outcome::Failed(error)) => html! {
                            <p class="form-error" role="alert">{ error.localized(lang) }</p>
                        },
                        _ => Html::default(),
                    } }
                </form>
            }
        }
    };
    section(super::THEMES_HEADING, Msg::BiebloThemes, lang, body)
}
