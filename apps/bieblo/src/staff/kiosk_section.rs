//! "Kiosks": every branch of the library has a kiosk; staff set each one's idle time and
//! switch it on or off (`GET /api/bieblo/<library>/kiosks`,
//! `PUT /api/bieblo/<library>/kiosks/<branch>`), and see whether each one is seen and
//! can load its book list (`GET /api/bieblo/<library>/kiosk-status`). Branches
//! themselves are kept in the service's back-office (`/beheer/`).

use std::rc::Rc;

use suite_domain::bieblo::kiosk::{IDLE_SECONDS_RANGE, KioskSettings, kiosk_api_path};
use suite_domain::bieblo::kiosk_health::KioskSeen;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{described, focus_id};
use suite_ui::{Button, Loading, use_lang, use_t};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::Summary;
use super::kiosk_form::{FormErrors, KioskForm, check_form};
use super::kiosk_status::KioskStatusLine;
use super::view::{field_error, load_failed, section};
use crate::route::kiosk_href;

#[derive(Properties, PartialEq)]
pub(super) struct KioskSectionProps {
    pub(super) library: AttrValue,
    pub(super) summary: Rc<Summary>,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready(Vec<KioskSettings>),
    Failed(ApiError),
}

#[function_component]
pub(super) fn KioskSection(props: &KioskSectionProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let load = use_state(|| Load::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let load = load.clone();
        let url = format!("/api/bieblo/{}/kiosks", props.library);
        use_effect_with((url, *attempt), move |(url, _)| {
            let url = url.clone();
            load.set(Load::Loading);
            spawn_local(async move {
                load.set(match api::get::<Vec<KioskSettings>>(&url).await {
                    Ok(kiosks) => Load::Ready(kiosks),
                    Err(error) => Load::Failed(error),
                });
            });
        });
    }
    // The kiosks' heartbeats: without them the settings still work, only unsaid.
    let seen = use_state(|| None::<Vec<KioskSeen>>);
    {
        let seen = seen.clone();
        let url = format!("/api/bieblo/{}/kiosk-status", props.library);
        use_effect_with((url, *attempt), move |(url, _)| {
            let url = url.clone();
            spawn_local(async move {
                seen.set(api::get::<Vec<KioskSeen>>(&url).await.ok());
            });
        });
    }
    let body = match &*load {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => load_failed(error, lang, &attempt),
        Load::Ready(kiosks) if kiosks.is_empty() => html! {
            <p class="kiosk-no-branches">
                { t(Msg::BiebloStaffNoBranches) }{ " " }
                <a href="/beheer/">{ t(Msg::BiebloStaffBranchesWhere) }</a>
            </p>
        },
        Load::Ready(kiosks) => {
            let branches = &props.summary.branches;
            let forms = kiosks.iter().map(|kiosk| {
                // A kiosk shows the copies of the branch with exactly its name.
                let no_copies = !branches.is_empty() && !branches.contains(&kiosk.branch);
                // A kiosk never set up has no heartbeat yet.
                let seen = seen.as_ref().map(|all| {
                    let found = all.iter().find(|s| s.branch_id == kiosk.branch_id);
                    found.cloned().unwrap_or_default()
                });
                html! { <BranchKiosk key={kiosk.branch_id.clone()} kiosk={kiosk.clone()} {no_copies} {seen} /> }
            });
            html! {
                <>
                    <p class="field-help">{ t(Msg::BiebloStaffBranchHelp) }</p>
                    { for forms }
                </>
            }
        }
    };
    section(super::KIOSK_HEADING, Msg::BiebloStaffKiosk, lang, body)
}

#[derive(Properties, PartialEq)]
struct BranchKioskProps {
    kiosk: KioskSettings,
    /// The last import has no copies in this branch (the kiosk would show no books).
    no_copies: bool,
    /// Its last heartbeat; `None` when they could not be read.
    seen: Option<KioskSeen>,
}

/// What the last save gave.
#[derive(Clone, PartialEq)]
enum Outcome {
    Saved,
    Failed(ApiError),
}

/// The settings of one branch's kiosk.
#[function_component]
fn BranchKiosk(props: &BranchKioskProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let form = use_state(|| KioskForm::from(&props.kiosk));
    // Whether the kiosk is on as saved on the server (the link to open it follows this).
    let live = use_state(|| props.kiosk.active);
    let errors = use_state(FormErrors::default);
    let sending = use_state(|| false);
    let outcome = use_state(|| None::<Outcome>);
    let KioskSettings {
        library, branch_id, ..
    } = &props.kiosk;
    let (idle_id, active_id, lang_id, title_id) = (
        format!("kiosk-idle-{branch_id}"),
        format!("kiosk-active-{branch_id}"),
        format!("kiosk-lang-{branch_id}"),
        format!("kiosk-title-{branch_id}"),
    );
    let on_lang = {
        let (form, outcome) = (form.clone(), outcome.clone());
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let mut next = (*form).clone();
            next.lang = Lang::from_tag(&select.value()).unwrap_or_default();
            form.set(next);
            outcome.set(None);
        })
    };
    let lang_options = Lang::ALL.into_iter().map(|option| {
        html! {
            <option value={option.tag()} selected={option == form.lang}>{ option.native_name() }</option>
        }
    });
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
        let (url, idle_id) = (kiosk_api_path(library, branch_id), idle_id.clone());
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
                    return focus_id(&idle_id);
                }
            };
            errors.set(FormErrors::default());
            sending.set(true);
            let (url, form, sending, outcome, live) = (
                url.clone(),
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
    let (invalid, describedby) = described(&idle_id, errors.idle, None);
    html! {
        <form class="bo-form kiosk-branch" novalidate=true aria-labelledby={title_id.clone()} {onsubmit}>
            <h4 id={title_id}>{ &props.kiosk.branch }</h4>
            <KioskStatusLine active={*live} seen={props.seen.clone()} />
            if props.no_copies {
                <p class="field-help kiosk-no-copies">{ t(Msg::BiebloStaffBranchNoCopies) }</p>
            }
            <div class={classes!("field", errors.idle.map(|_| "field--invalid"))}>
                <label for={idle_id.clone()}>{ t(Msg::BiebloStaffIdle) }</label>
                <input id={idle_id.clone()} class="kiosk-idle" type="number" inputmode="numeric" step="1"
                    min={IDLE_SECONDS_RANGE.start().to_string()}
                    max={IDLE_SECONDS_RANGE.end().to_string()}
                    value={form.idle.clone()}
                    oninput={edit(|f, input| f.idle = input.value()).reform(Event::from)}
                    aria-invalid={invalid} aria-describedby={describedby} />
                { field_error(&idle_id, errors.idle, lang) }
            </div>
            <div class="field">
                <label for={lang_id.clone()}>{ t(Msg::BiebloStaffKioskLang) }</label>
                <select id={lang_id} class="kiosk-lang" onchange={on_lang}>{ for lang_options }</select>
            </div>
            <div class="bo-check">
                <input id={active_id.clone()} class="kiosk-active" type="checkbox" checked={form.active}
                    onchange={edit(|f, input| f.active = input.checked())} />
                <label for={active_id}>{ t(Msg::BiebloStaffActive) }</label>
            </div>
            <div class="bo-actions">
                <Button kind="submit" class="kiosk-save" disabled={*sending}>
                    { t(Msg::BiebloStaffSave) }
                </Button>
                if *live {
                    <a class="kiosk-open" href={kiosk_href(library, branch_id)}>
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
