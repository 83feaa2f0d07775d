//! "Zalen": per venue of the centre, how young people get there by bus, tram or train
//! and by bike (`GET /api/culture/<centre>/venues`, `PUT .../venues/<venue>`). The app
//! shows these notes with every show in the venue.

use suite_domain::culture::staff::{CentreVenue, VenueNotes, check_venue_notes};
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::{Button, EmptyState, Loading, use_lang, use_t};
use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::back_office::VENUES_HEADING;
use crate::view::{alert, described, field_error, load_failed, section, status};
use suite_ui::back_office::focus_id;

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(ApiError),
}

/// What the last save of a venue gave, by the venue's position.
#[derive(Clone, PartialEq)]
enum Outcome {
    Saving,
    Saved,
    /// A note is too long: which one (`transport_note`, `bike_note`) and why.
    Invalid(&'static str, Msg),
    Failed(ApiError),
}

/// The notes as staff send them: trimmed, blank as none.
pub(crate) fn notes_of(transport: &str, bike: &str) -> VenueNotes {
    let note = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
    VenueNotes {
        transport_note: note(transport),
        bike_note: note(bike),
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct VenueSectionProps {
    pub(crate) centre: AttrValue,
}

#[function_component]
pub(crate) fn VenueSection(props: &VenueSectionProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let load = use_state(|| Load::Loading);
    let attempt = use_state(|| 0_u32);
    let venues = use_state(Vec::<CentreVenue>::new);
    let outcomes = use_state(Vec::<Option<Outcome>>::new);
    let url = format!("/api/culture/{}/venues", props.centre);
    {
        let (load, venues, outcomes, url) =
            (load.clone(), venues.clone(), outcomes.clone(), url.clone());
        use_effect_with((url, *attempt), move |(url, _)| {
            let url = url.clone();
            load.set(Load::Loading);
            spawn_local(async move {
                match api::get::<Vec<CentreVenue>>(&url).await {
                    Ok(found) => {
                        outcomes.set(vec![None; found.len()]);
                        venues.set(found);
                        load.set(Load::Ready);
                    }
                    Err(error) => load.set(Load::Failed(error)),
                }
            });
        });
    }
    let set_outcome = |outcomes: &UseStateHandle<Vec<Option<Outcome>>>, index: usize, outcome| {
        let mut next = (**outcomes).clone();
        if let Some(slot) = next.get_mut(index) {
            *slot = Some(outcome);
        }
        outcomes.set(next);
    };
    let edit = |index: usize, bike: bool| {
        let venues = venues.clone();
        Callback::from(move |value: String| {
            let mut next = (*venues).clone();
            if let Some(venue) = next.get_mut(index) {
                let note = if bike {
                    &mut venue.bike_note
                } else {
                    &mut venue.transport_note
                };
                *note = Some(value);
            }
            venues.set(next);
        })
    };
    let body = match &*load {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => load_failed(error, lang, &attempt),
        Load::Ready if venues.is_empty() => html! { <EmptyState message={Msg::CmBoNoVenues} /> },
        Load::Ready => {
            let forms = venues.iter().enumerate().map(|(i, venue)| {
                let outcome = outcomes.get(i).cloned().flatten();
                let invalid = |field: &str| match &outcome {
                    Some(Outcome::Invalid(f, msg)) if *f == field => Some(*msg),
                    _ => None,
                };
                let onsubmit = {
                    let (venues, outcomes, url) = (venues.clone(), outcomes.clone(), url.clone());
                    Callback::from(move |event: SubmitEvent| {
                        event.prevent_default();
                        let Some(venue) = venues.get(i).cloned() else {
                            return;
                        };
                        let notes = notes_of(
                            venue.transport_note.as_deref().unwrap_or_default(),
                            venue.bike_note.as_deref().unwrap_or_default(),
                        );
                        if let Err(error) = check_venue_notes(&notes) {
                            set_outcome(&outcomes, i, Outcome::Invalid(error.field, error.message));
                            let which = if error.field == "bike_note" { "bike" } else { "transport" };
                            focus_id(&format!("venue-{i}-{which}"));
                            return;
                        }
                        set_outcome(&outcomes, i, Outcome::Saving);
                        let (venues, outcomes) = (venues.clone(), outcomes.clone());
                        let url = format!("{url}/{}", crate::shows::encode(&venue.id));
                        spawn_local(async move {
                            match api::put::<_, CentreVenue>(&url, &notes).await {
                                Ok(saved) => {
                                    let mut next = (*venues).clone();
                                    if let Some(slot) = next.get_mut(i) {
                                        *slot = saved;
                                    }
                                    venues.set(next);
                                    set_outcome(&outcomes, i, Outcome::Saved);
                                }
                                Err(error) => set_outcome(&outcomes, i, Outcome::Failed(error)),
                            }
                        });
                    })
                };
                let note = |which: &str, bike: bool, label: Msg, value: &Option<String>, field: &str| {
                    let id = format!("venue-{i}-{which}");
                    let error = invalid(field);
                    let (aria_invalid, describedby) = described(&id, error, None);
                    let set = edit(i, bike);
                    html! {
                        <div class={classes!("field", error.map(|_| "field--invalid"))}>
                            <label for={id.clone()}>{ t(label) }</label>
                            <textarea id={id.clone()} rows="3" value={value.clone().unwrap_or_default()}
                                oninput={set.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value())}
                                onchange={set.reform(|e: Event| e.target_unchecked_into::<HtmlTextAreaElement>().value())}
                                aria-invalid={aria_invalid} aria-describedby={describedby} />
                            { field_error(&id, error, lang) }
                        </div>
                    }
                };
                let heading = format!("venue-{i}-name");
                let saving = outcome == Some(Outcome::Saving);
                html! {
                    <form key={venue.id.clone()} class="bo-form cm-bo-venue" novalidate=true
                        aria-labelledby={heading.clone()} {onsubmit} data-venue-id={venue.id.clone()}>
                        <h4 id={heading}>{ format!("{} ({})", venue.name, venue.town) }</h4>
                        { note("transport", false, Msg::CmByTransport, &venue.transport_note, "transport_note") }
                        { note("bike", true, Msg::CmByBike, &venue.bike_note, "bike_note") }
                        <div class="bo-actions">
                            <Button kind="submit" class="cm-bo-venue-save" disabled={saving}
                                aria_label={AttrValue::from(format!("{}: {}", t(Msg::CmBoSave), venue.name))}>
                                { t(Msg::CmBoSave) }
                            </Button>
                        </div>
                        { status(&format!("venue-{i}-saved"),
                            (outcome == Some(Outcome::Saved)).then(|| t(Msg::CmBoVenueSaved).to_owned())) }
                        if let Some(Outcome::Failed(error)) = &outcome {
                            { alert(&format!("venue-{i}-failed"), error.localized(lang)) }
                        }
                    </form>
                }
            });
            html! {
                <>
                    <p class="field-help">{ t(Msg::CmBoVenuesHelp) }</p>
                    { for forms }
                </>
            }
        }
    };
    section(VENUES_HEADING, Msg::CmVenues, lang, body)
}
