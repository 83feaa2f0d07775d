//! The form to make or edit a show of the centre: title, text, genre, dates (a list of
//! Belgian wall times, added and removed), venue, price or free, ticket link, picture
//! (uploaded, with its description), trailer (an uploaded video or a YouTube or Vimeo
//! link) and whether it takes part in the swipe. Checked by the shared rule on sending,
//! with the message beside each field and the focus on the first one.

pub(crate) mod form;

use std::rc::Rc;

use suite_domain::culture::show_input::{DATES_MAX, GENRES, ShowField, ShowFieldError, ShowInput};
use suite_domain::culture::staff::{CentreShow, CentreVenue};
use suite_domain::i18n::{Lang, Msg};
use suite_ui::api::{self, ApiError};
use suite_ui::{Button, ButtonVariant, use_lang, use_t};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::upload::{UploadError, upload};
use crate::view::{described, field_error};
use form::{DateRow, ShowForm, TrailerMode, check_form, error_for, field_id};
use suite_ui::back_office::{focus_id, focus_id_soon};

/// The id of the form's heading (it takes the focus when the form opens).
pub(crate) const FORM_HEADING: &str = "cm-bo-form-title";

#[derive(Properties, PartialEq)]
pub(crate) struct ShowEditorProps {
    pub(crate) centre: AttrValue,
    pub(crate) venues: Rc<Vec<CentreVenue>>,
    /// The show staff made before, to edit; a new show when `None`.
    pub(crate) editing: Option<Rc<CentreShow>>,
    pub(crate) on_saved: Callback<CentreShow>,
    pub(crate) on_cancel: Callback<()>,
}

/// A labelled one-line input with its message.
struct Input<'a> {
    id: &'a str,
    label: &'static str,
    kind: &'static str,
    value: &'a str,
    error: Option<Msg>,
    help: Option<&'a str>,
    required: bool,
    on_value: Callback<String>,
}

impl Input<'_> {
    fn view(self, lang: Lang) -> Html {
        let help_id = format!("{}-help", self.id);
        let (invalid, describedby) =
            described(self.id, self.error, self.help.map(|_| help_id.as_str()));
        let oninput = self
            .on_value
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        let onchange = self
            .on_value
            .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value());
        html! {
            <div class={classes!("field", self.error.map(|_| "field--invalid"))}>
                <label for={self.id.to_owned()}>{ self.label }</label>
                <input id={self.id.to_owned()} type={self.kind} value={self.value.to_owned()}
                    {oninput} {onchange} aria-required={self.required.then_some("true")}
                    aria-invalid={invalid} aria-describedby={describedby} />
                if let Some(help) = self.help {
                    <p id={help_id.clone()} class="field-help">{ help.to_owned() }</p>
                }
                { field_error(self.id, self.error, lang) }
            </div>
        }
    }
}

/// A labelled select of `(value, text)` options with a first empty choice.
struct Select<'a> {
    id: &'a str,
    label: &'static str,
    placeholder: &'static str,
    options: &'a [(String, String)],
    value: &'a str,
    error: Option<Msg>,
    on_value: Callback<String>,
}

impl Select<'_> {
    fn view(self, lang: Lang) -> Html {
        let (invalid, describedby) = described(self.id, self.error, None);
        let onchange = self
            .on_value
            .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
        let options = self.options.iter().map(|(v, text)| {
            html! { <option value={v.clone()} selected={v == self.value}>{ text.clone() }</option> }
        });
        html! {
            <div class={classes!("field", self.error.map(|_| "field--invalid"))}>
                <label for={self.id.to_owned()}>{ self.label }</label>
                <select id={self.id.to_owned()} {onchange} aria-required="true"
                    aria-invalid={invalid} aria-describedby={describedby}>
                    <option value="" selected={self.value.is_empty()}>{ self.placeholder }</option>
                    { for options }
                </select>
                { field_error(self.id, self.error, lang) }
            </div>
        }
    }
}

/// The last path segment of an uploaded file's URL, to name it.
fn file_name(url: &str) -> &str {
    url.rsplit('/').next().unwrap_or(url)
}

#[function_component]
pub(crate) fn ShowEditor(props: &ShowEditorProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let venue_ids: Vec<String> = props.venues.iter().map(|v| v.id.clone()).collect();
    let form = {
        let (editing, centre, ids) = (
            props.editing.clone(),
            props.centre.clone(),
            venue_ids.clone(),
        );
        use_state(
            move || match editing.as_ref().and_then(|s| s.input.as_ref()) {
                Some(input) => ShowForm::of(input, &centre),
                None => ShowForm::blank(&ids),
            },
        )
    };
    let errors = use_state(Vec::<ShowFieldError>::new);
    let busy = use_state(|| false);
    // Which upload is under way (`true`: the trailer video).
    let uploading = use_state(|| None::<bool>);
    let upload_error = use_state(|| None::<(ShowField, Msg)>);
    let failed = use_state(|| None::<ApiError>);
    use_effect_with((), |()| focus_id(FORM_HEADING));

    let edit = |apply: fn(&mut ShowForm, String)| {
        let (form, failed) = (form.clone(), failed.clone());
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            apply(&mut next, value);
            form.set(next);
            failed.set(None);
        })
    };
    let edit_date = |index: usize, end: bool| {
        let form = form.clone();
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            if let Some(row) = next.dates.get_mut(index) {
                if end {
                    row.end = value;
                } else {
                    row.start = value;
                }
            }
            form.set(next);
        })
    };
    let on_add_date = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*form).clone();
            if next.dates.len() < DATES_MAX {
                next.dates.push(DateRow::default());
                focus_id_soon(format!("show-date-{}-start", next.dates.len() - 1));
                form.set(next);
            }
        })
    };
    let on_remove_date = |index: usize| {
        let (form, errors) = (form.clone(), errors.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*form).clone();
            if next.dates.len() > 1 && index < next.dates.len() {
                next.dates.remove(index);
                focus_id_soon(format!("show-date-{}-start", index.saturating_sub(1)));
                form.set(next);
                // The messages refer to positions that moved.
                errors.set(Vec::new());
            }
        })
    };
    let on_file = |video: bool| {
        let (form, uploading, upload_error, failed) = (
            form.clone(),
            uploading.clone(),
            upload_error.clone(),
            failed.clone(),
        );
        let centre = props.centre.to_string();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|list| list.item(0)) else {
                return;
            };
            input.set_value("");
            uploading.set(Some(video));
            upload_error.set(None);
            let (form, uploading, upload_error, failed, centre) = (
                form.clone(),
                uploading.clone(),
                upload_error.clone(),
                failed.clone(),
                centre.clone(),
            );
            spawn_local(async move {
                let field = if video {
                    ShowField::Trailer
                } else {
                    ShowField::Image
                };
                match upload(&centre, file, video).await {
                    Ok(url) => {
                        let mut next = (*form).clone();
                        if video {
                            next.trailer_file = Some(url);
                        } else {
                            next.image = Some(url);
                        }
                        form.set(next);
                    }
                    Err(UploadError::Refused(msg)) => upload_error.set(Some((field, msg))),
                    Err(UploadError::Failed(error)) => failed.set(Some(error)),
                }
                uploading.set(None);
            });
        })
    };
    let onsubmit = {
        let (form, errors, busy, failed) =
            (form.clone(), errors.clone(), busy.clone(), failed.clone());
        let centre = props.centre.to_string();
        let editing = props.editing.as_ref().map(|s| s.id.clone());
        let on_saved = props.on_saved.clone();
        let ids = venue_ids.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            failed.set(None);
            let input: ShowInput = match check_form(&form, &centre, &ids) {
                Ok(input) => input,
                Err(found) => {
                    if let Some(first) = found.first() {
                        focus_id_soon(field_id(first.field, &form));
                    }
                    errors.set(found);
                    return;
                }
            };
            errors.set(Vec::new());
            busy.set(true);
            let (busy, failed, on_saved, errors, form) = (
                busy.clone(),
                failed.clone(),
                on_saved.clone(),
                errors.clone(),
                form.clone(),
            );
            let base = format!("/api/culture/{centre}/shows");
            let editing = editing.clone();
            spawn_local(async move {
                let saved = match &editing {
                    Some(id) => api::put::<_, CentreShow>(&format!("{base}/{id}"), &input).await,
                    None => api::post::<_, CentreShow>(&base, &input).await,
                };
                busy.set(false);
                match saved {
                    Ok(show) => on_saved.emit(show),
                    Err(error) => {
                        // A field the server refused (its check is the form's own, so
                        // this is rare: a venue removed meanwhile…) is marked and focused.
                        let refused = error.field.as_deref().and_then(ShowField::from_name);
                        match refused {
                            Some(field) => {
                                errors.set(vec![ShowFieldError {
                                    field,
                                    message: Msg::ErrInvalidInput,
                                }]);
                                focus_id_soon(field_id(field, &form));
                            }
                            None => focus_id_soon("cm-bo-form-failed".into()),
                        }
                        failed.set(Some(error));
                    }
                }
            });
        })
    };
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());

    let f = &*form;
    let err = |field| {
        error_for(&errors, field).or(match &*upload_error {
            Some((failed_field, msg)) if *failed_field == field => Some(*msg),
            _ => None,
        })
    };
    let genres: Vec<(String, String)> = GENRES
        .iter()
        .map(|(id, label)| ((*id).to_owned(), (*label).to_owned()))
        .collect();
    let venues: Vec<(String, String)> = props
        .venues
        .iter()
        .map(|v| (v.id.clone(), format!("{} ({})", v.name, v.town)))
        .collect();
    let dates = f.dates.iter().enumerate().map(|(i, row)| {
        let number = i + 1;
        let start_id = format!("show-date-{i}-start");
        let end_id = format!("show-date-{i}-end");
        html! {
            <fieldset class="cm-bo-date" key={i}>
                <legend>{ format!("{} {number}", t(Msg::CmBoDate)) }</legend>
                { Input { id: &start_id, label: t(Msg::CmBoStart), kind: "datetime-local",
                    value: &row.start, error: err(ShowField::DateStart(i)), help: None,
                    required: true, on_value: edit_date(i, false) }.view(lang) }
                { Input { id: &end_id, label: t(Msg::CmBoEnd), kind: "datetime-local",
                    value: &row.end, error: err(ShowField::DateEnd(i)), help: None,
                    required: false, on_value: edit_date(i, true) }.view(lang) }
                if f.dates.len() > 1 {
                    <Button class="cm-bo-remove-date" variant={ButtonVariant::Secondary}
                        onclick={on_remove_date(i)}
                        aria_label={AttrValue::from(format!("{} {number}", t(Msg::CmBoRemoveDate)))}>
                        { t(Msg::CmBoRemoveDate) }
                    </Button>
                }
            </fieldset>
        }
    });
    let dates_error = err(ShowField::Dates);
    let (_, dates_described) = described("show-dates", dates_error, Some("show-dates-help"));
    let text_error = err(ShowField::Text);
    let (text_invalid, text_described) = described("show-text", text_error, Some("show-text-help"));
    let on_text = edit(|f, v| f.text = v);
    let image_error = err(ShowField::Image);
    let (image_invalid, image_described) = described("show-image", image_error, None);
    let trailer_error = err(ShowField::Trailer);
    let trailer_mode = |mode: TrailerMode| {
        let form = form.clone();
        Callback::from(move |_: Event| {
            let mut next = (*form).clone();
            next.trailer_mode = mode;
            form.set(next);
        })
    };
    let radio = |id: &'static str, mode: TrailerMode, label: Msg| {
        html! {
            <div class="bo-check">
                <input id={id} type="radio" name="show-trailer-mode" checked={f.trailer_mode == mode}
                    onchange={trailer_mode(mode)} />
                <label for={id}>{ t(label) }</label>
            </div>
        }
    };
    let check = |id: &'static str, checked: bool, label: Msg, apply: fn(&mut ShowForm, bool)| {
        let form = form.clone();
        let onchange = Callback::from(move |e: Event| {
            let mut next = (*form).clone();
            apply(
                &mut next,
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            );
            form.set(next);
        });
        html! {
            <div class="bo-check">
                <input {id} type="checkbox" {checked} {onchange} />
                <label for={id}>{ t(label) }</label>
            </div>
        }
    };
    let remove_image = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*form).clone();
            next.image = None;
            next.image_alt.clear();
            form.set(next);
            focus_id_soon("show-image".into());
        })
    };
    let uploading_now = |video: bool| *uploading == Some(video);
    let title = match props.editing {
        Some(_) => t(Msg::CmBoEditShow),
        None => t(Msg::CmBoNewShow),
    };
    html! {
        <form class="bo-form cm-bo-show-form" novalidate=true {onsubmit} aria-labelledby={FORM_HEADING}>
            <h4 id={FORM_HEADING} tabindex="-1">{ title }</h4>
            { Input { id: "show-title", label: t(Msg::CmBoColTitle), kind: "text", value: &f.title,
                error: err(ShowField::Title), help: None, required: true,
                on_value: edit(|f, v| f.title = v) }.view(lang) }
            <div class={classes!("field", text_error.map(|_| "field--invalid"))}>
                <label for="show-text">{ t(Msg::CmBoText) }</label>
                <textarea id="show-text" rows="8" value={f.text.clone()}
                    oninput={on_text.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value())}
                    onchange={on_text.reform(|e: Event| e.target_unchecked_into::<HtmlTextAreaElement>().value())}
                    aria-invalid={text_invalid} aria-describedby={text_described} />
                <p id="show-text-help" class="field-help">{ t(Msg::CmBoTextHelp) }</p>
                { field_error("show-text", text_error, lang) }
            </div>
            { Select { id: "show-genre", label: t(Msg::CmGenre), placeholder: t(Msg::CmBoChooseGenre),
                options: &genres, value: &f.genre, error: err(ShowField::Genre),
                on_value: edit(|f, v| f.genre = v) }.view(lang) }
            <fieldset id="show-dates" class={classes!("cm-bo-dates", dates_error.map(|_| "field--invalid"))}
                tabindex="-1" aria-describedby={dates_described}>
                <legend>{ t(Msg::CmBoDates) }</legend>
                <p id="show-dates-help" class="field-help">{ t(Msg::CmBoDatesHelp) }</p>
                { field_error("show-dates", dates_error, lang) }
                { for dates }
                <Button class="cm-bo-add-date" variant={ButtonVariant::Secondary}
                    onclick={on_add_date} disabled={f.dates.len() >= DATES_MAX}>
                    { t(Msg::CmBoAddDate) }
                </Button>
            </fieldset>
            { Select { id: "show-venue", label: t(Msg::CmBoColVenue), placeholder: t(Msg::CmBoChooseVenue),
                options: &venues, value: &f.venue, error: err(ShowField::Venue),
                on_value: edit(|f, v| f.venue = v) }.view(lang) }
            { check("show-free", f.free, Msg::CmFree, |f, on| f.free = on) }
            if !f.free {
                { Input { id: "show-price", label: t(Msg::CmBoPrice), kind: "text", value: &f.price,
                    error: err(ShowField::Price), help: None, required: true,
                    on_value: edit(|f, v| f.price = v) }.view(lang) }
            }
            { Input { id: "show-ticket", label: t(Msg::CmBoTicketUrl), kind: "url", value: &f.ticket_url,
                error: err(ShowField::TicketUrl), help: None, required: false,
                on_value: edit(|f, v| f.ticket_url = v) }.view(lang) }
            <div class={classes!("field", image_error.map(|_| "field--invalid"))}>
                <label for="show-image">{ t(Msg::CmBoImage) }</label>
                if let Some(src) = &f.image {
                    <img class="cm-bo-picture" src={src.clone()}
                        alt={format!("{} {}", t(Msg::CmBoImageOf), f.title)} />
                }
                <input id="show-image" type="file" accept="image/png,image/jpeg,image/webp"
                    onchange={on_file(false)} disabled={uploading.is_some()}
                    aria-invalid={image_invalid} aria-describedby={image_described} />
                if uploading_now(false) {
                    <p class="field-help" role="status">{ t(Msg::CmBoUploading) }</p>
                }
                { field_error("show-image", image_error, lang) }
                if f.image.is_some() {
                    <Button class="cm-bo-remove-image" variant={ButtonVariant::Secondary} onclick={remove_image}>
                        { t(Msg::CmBoRemoveImage) }
                    </Button>
                }
            </div>
            if f.image.is_some() {
                { Input { id: "show-image-alt", label: t(Msg::CmBoImageAlt), kind: "text",
                    value: &f.image_alt, error: err(ShowField::ImageAlt), help: None, required: false,
                    on_value: edit(|f, v| f.image_alt = v) }.view(lang) }
            }
            <fieldset id="show-trailer" class={classes!("cm-bo-trailer", trailer_error.map(|_| "field--invalid"))}>
                <legend>{ t(Msg::CmBoTrailer) }</legend>
                { radio("show-trailer-none", TrailerMode::None, Msg::CmBoTrailerNone) }
                { radio("show-trailer-mode-file", TrailerMode::File, Msg::CmBoTrailerFile) }
                { radio("show-trailer-mode-link", TrailerMode::Link, Msg::CmBoTrailerLink) }
                if f.trailer_mode == TrailerMode::File {
                    <div class="field">
                        <label for="show-trailer-file">{ t(Msg::CmBoTrailerFile) }</label>
                        <input id="show-trailer-file" type="file" accept="video/mp4,video/webm"
                            onchange={on_file(true)} disabled={uploading.is_some()}
                            aria-invalid={trailer_error.map(|_| "true")}
                            aria-describedby={trailer_error.map(|_| "show-trailer-error")} />
                        if let Some(url) = &f.trailer_file {
                            <p class="field-help cm-bo-uploaded">{ format!("{} {}", t(Msg::CmBoTrailerUploaded), file_name(url)) }</p>
                        }
                        if uploading_now(true) {
                            <p class="field-help" role="status">{ t(Msg::CmBoUploading) }</p>
                        }
                    </div>
                }
                if f.trailer_mode == TrailerMode::Link {
                    <div class="field">
                        <label for="show-trailer-link">{ t(Msg::CmBoTrailerLink) }</label>
                        <input id="show-trailer-link" type="url" value={f.trailer_link.clone()}
                            oninput={edit(|f, v| f.trailer_link = v).reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value())}
                            onchange={edit(|f, v| f.trailer_link = v).reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value())}
                            aria-invalid={trailer_error.map(|_| "true")}
                            aria-describedby={trailer_error.map(|_| "show-trailer-error")} />
                    </div>
                }
                { field_error("show-trailer", trailer_error, lang) }
            </fieldset>
            { check("show-in-swipe", f.in_swipe, Msg::CmBoInSwipe, |f, on| f.in_swipe = on) }
            if !errors.is_empty() {
                <p class="form-error" role="alert">{ t(Msg::CmBoFix) }</p>
            }
            if let Some(error) = &*failed {
                <p id="cm-bo-form-failed" class="form-error" role="alert" tabindex="-1">{ error.localized(lang) }</p>
            }
            <div class="bo-actions">
                <Button kind="submit" class="cm-bo-save" disabled={*busy || uploading.is_some()}>
                    { t(Msg::CmBoSave) }
                </Button>
                <Button class="cm-bo-cancel" variant={ButtonVariant::Secondary} onclick={on_cancel}>
                    { t(Msg::CmBoCancel) }
                </Button>
            </div>
        </form>
    }
}
