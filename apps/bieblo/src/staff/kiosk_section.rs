//! "Kiosk": staff choose the branch whose shelves the kiosk shows, the idle time and
//! whether the kiosk is on (`GET`/`PUT /api/bieblo/<library>/kiosk`).

use std::rc::Rc;

use suite_domain::bieblo::kiosk::{IDLE_SECONDS_RANGE, KioskSettings};
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::{Button, Loading, use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::Summary;
use super::kiosk_form::{FormErrors, KioskForm, check_form};
use super::view::{field_error, load_failed, section};
use crate::focus::focus_first;

#[derive(Properties, PartialEq)]
pub(super) struct KioskSectionProps {
    pub(super) library: AttrValue,
    pub(super) summary: Rc<Summary>,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(ApiError),
}

/// What the last save gave.
#[derive(Clone, PartialEq)]
enum Outcome {
    Saved,
    Failed(ApiError),
}

#[function_component]
pub(super) fn KioskSection(props: &KioskSectionProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let load = use_state(|| Load::Loading);
    let attempt = use_state(|| 0_u32);
    let form = use_state(KioskForm::default);
    // Whether the kiosk is on as saved on the server (the link to open it follows this).
    let live = use_state(|| false);
    let errors = use_state(FormErrors::default);
    let sending = use_state(|| false);
    let outcome = use_state(|| None::<Outcome>);
    let kiosk_url = format!("/api/bieblo/{}/kiosk", props.library);
    {
        let (load, form, live, url) = (load.clone(), form.clone(), live.clone(), kiosk_url.clone());
        use_effect_with((url, *attempt), move |(url, _)| {
            let url = url.clone();
            load.set(Load::Loading);
            spawn_local(async move {
                match api::get::<KioskSettings>(&url).await {
                    Ok(settings) => {
                        form.set(KioskForm::from(&settings));
                        live.set(settings.active);
                        load.set(Load::Ready);
                    }
                    // No kiosk yet: an empty form with the defaults.
                    Err(error) if error.status == 404 => load.set(Load::Ready),
                    Err(error) => load.set(Load::Failed(error)),
                }
            });
        });
    }
    let edit = |apply: fn(&mut KioskForm, &HtmlInputElement)| {
        let (form, outcome) = (form.clone(), outcome.clone());
        Callback::from(move |event: Event| {
            let mut next = (*form).clone();
            apply(&mut next, &event.target_unchecked_into());
            form.set(next);
            outcome.set(None);
        })
    };
    let onsubmit = {
        let (form, errors, sending, outcome, live) = (
            form.clone(),
            errors.clone(),
            sending.clone(),
            outcome.clone(),
            live.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *sending {
                return;
            }
            outcome.set(None);
            let update = match check_form(&form) {
                Ok(update) => update,
                Err(found) => {
                    errors.set(found);
                    let first = if found.branch.is_some() {
                        "#kiosk-branch"
                    } else {
                        "#kiosk-idle"
                    };
                    return focus_first(first);
                }
            };
            errors.set(FormErrors::default());
            sending.set(true);
            let (url, form, sending, outcome, live) = (
                kiosk_url.clone(),
                form.clone(),
                sending.clone(),
                outcome.clone(),
                live.clone(),
            );
            spawn_local(async move {
                match api::put::<_, KioskSettings>(&url, &update).await {
                    Ok(saved) => {
                        form.set(KioskForm::from(&saved));
                        live.set(saved.active);
                        outcome.set(Some(Outcome::Saved));
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
                sending.set(false);
            });
        })
    };

    let body = match &*load {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => load_failed(error, lang, &attempt),
        Load::Ready => {
            let invalid = |error: Option<Msg>| error.map(|_| AttrValue::Static("true"));
            let options = props
                .summary
                .branches
                .iter()
                .map(|branch| html! { <option value={branch.clone()} /> });
            html! {
                <form class="bo-form" novalidate=true {onsubmit}>
                    <div class={classes!("field", errors.branch.map(|_| "field--invalid"))}>
                        <label for="kiosk-branch">{ t(Msg::BiebloStaffBranch) }</label>
                        <input id="kiosk-branch" type="text" list="kiosk-branches" autocomplete="off"
                            maxlength="120" value={form.branch.clone()}
                            oninput={edit(|f, input| f.branch = input.value()).reform(Event::from)}
                            aria-invalid={invalid(errors.branch)}
                            aria-describedby={match errors.branch {
                                Some(_) => "kiosk-branch-help kiosk-branch-error",
                                None => "kiosk-branch-help",
                            }} />
                        <datalist id="kiosk-branches">{ for options }</datalist>
                        <p id="kiosk-branch-help" class="field-help">{ t(Msg::BiebloStaffBranchHelp) }</p>
                        { field_error("kiosk-branch", errors.branch, lang) }
                    </div>
                    <div class={classes!("field", errors.idle.map(|_| "field--invalid"))}>
                        <label for="kiosk-idle">{ t(Msg::BiebloStaffIdle) }</label>
                        <input id="kiosk-idle" type="number" inputmode="numeric" step="1"
                            min={IDLE_SECONDS_RANGE.start().to_string()}
                            max={IDLE_SECONDS_RANGE.end().to_string()}
                            value={form.idle.clone()}
                            oninput={edit(|f, input| f.idle = input.value()).reform(Event::from)}
                            aria-invalid={invalid(errors.idle)}
                            aria-describedby={errors.idle.map(|_| "kiosk-idle-error")} />
                        { field_error("kiosk-idle", errors.idle, lang) }
                    </div>
                    <div class="bo-check">
                        <input id="kiosk-active" type="checkbox" checked={form.active}
                            onchange={edit(|f, input| f.active = input.checked())} />
                        <label for="kiosk-active">{ t(Msg::BiebloStaffActive) }</label>
                    </div>
                    <div class="bo-actions">
                        <Button kind="submit" class="kiosk-save" disabled={*sending}>
                            { t(Msg::BiebloStaffSave) }
                        </Button>
                        if *live {
                            <a class="kiosk-open" href={format!("/bieblo/kiosk/{}", props.library)}>
                                { t(Msg::BiebloStaffOpenKiosk) }
                            </a>
                        }
                    </div>
                    if *sending { <Loading /> }
                    { match &*outcome {
                        Some(Outcome::Saved) => html! {
                            <p class="staff-notice kiosk-saved" role="status">{ t(Msg::BiebloStaffSaved) }</p>
                        },
                        Some(Outcome::Failed(error)) => html! {
                            <p class="form-error" role="alert">{ error.localized(lang) }</p>
                        },
                        None => Html::default(),
                    } }
                </form>
            }
        }
    };
    section("bo-kiosk-title", Msg::BiebloStaffKiosk, lang, body)
}
