//! "Voorstellingen": the centre's shows (`GET /api/culture/<centre>/shows`) in a table
//! with their date, venue and origin, the coming ones by default, with a search and an
//! order (`show_table.rs`); a checkbox per show puts it in the swipe or
//! takes it out at once (`PUT .../shows/<show>/swipe`); shows staff made can be edited
//! and deleted (after a confirmation); "Nieuwe voorstelling" opens the form.

use std::rc::Rc;

use suite_domain::culture::show_table::{ShowQuery, SortKey, table, venue_name};
use suite_domain::culture::staff::{CentreShow, CentreVenue, ShowOrigin, SwipeChoice};
use suite_domain::i18n::{Lang, Msg};
use suite_ui::api::{self, ApiError};
use suite_ui::{Button, ButtonVariant, EmptyState, Loading, use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::back_office::SHOWS_HEADING;
use crate::dates::date_time;
use crate::show_form::ShowEditor;
use crate::show_table::{controls, read_query, sort_header, write_query};
use crate::view::{alert, load_failed, section, status};
use suite_ui::back_office::focus_id_soon;

/// The id of the notice after a change.
const NOTICE: &str = "cm-bo-shows-notice";
/// The id of the "new show" button.
const NEW_BUTTON: &str = "cm-bo-new";

/// `shows` with `show` put in: in place of the one with its id, or added (the table
/// decides the order).
pub(crate) fn with_show(shows: &[CentreShow], show: CentreShow) -> Vec<CentreShow> {
    let mut next = shows.to_vec();
    match next.iter_mut().find(|s| s.id == show.id) {
        Some(old) => *old = show,
        None => next.push(show),
    }
    next
}

/// The table's shows and the ones whose swipe choice is being saved; changed only
/// through [`Change`], so answers that come in late apply to the latest list.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ShowList {
    pub(crate) shows: Vec<CentreShow>,
    pub(crate) pending: Vec<String>,
}

/// A change of the [`ShowList`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Change {
    Loaded(Vec<CentreShow>),
    /// Saved (made, edited, or its swipe choice): put in, in order.
    Put(CentreShow),
    Removed(String),
    /// Staff ticked or unticked: shown at once, saving.
    Swipe(String, bool),
    /// Saving the swipe choice failed: back to what it was.
    SwipeFailed(String, bool),
}

impl Reducible for ShowList {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        let done = |pending: &mut Vec<String>, id: &str| pending.retain(|p| p != id);
        match change {
            Change::Loaded(shows) => {
                next.shows = shows;
                next.pending.clear();
            }
            Change::Put(show) => {
                done(&mut next.pending, &show.id);
                next.shows = with_show(&next.shows, show);
            }
            Change::Removed(id) => next.shows.retain(|s| s.id != id),
            Change::Swipe(id, on) => {
                for show in next.shows.iter_mut().filter(|s| s.id == id) {
                    show.in_swipe = on;
                }
                next.pending.push(id);
            }
            Change::SwipeFailed(id, was) => {
                for show in next.shows.iter_mut().filter(|s| s.id == id) {
                    show.in_swipe = was;
                }
                done(&mut next.pending, &id);
            }
        }
        Rc::new(next)
    }
}

/// The date column: the next performance (or the last one, marked as over).
pub(crate) fn date_cell(show: &CentreShow, lang: Lang) -> String {
    match show.date.and_then(|unix| date_time(unix, lang)) {
        None => Msg::CmBoNoDate.text(lang).to_owned(),
        Some(date) if show.ended => format!("{date} ({})", Msg::CmBoEnded.text(lang)),
        Some(date) => date,
    }
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(ApiError),
}

/// Whether the table or the form shows.
#[derive(Clone, PartialEq)]
enum Mode {
    List,
    New,
    Edit(Rc<CentreShow>),
}

/// What the last change gave.
#[derive(Clone, PartialEq)]
enum Notice {
    Saved,
    Deleted,
    /// A show's title and whether it is in the swipe now.
    Swipe(String, bool),
    Failed(ApiError),
}

impl Notice {
    fn text(&self, lang: Lang) -> String {
        match self {
            Notice::Saved => Msg::CmBoSaved.text(lang).to_owned(),
            Notice::Deleted => Msg::CmBoDeleted.text(lang).to_owned(),
            Notice::Swipe(title, on) => {
                let what = if *on {
                    Msg::CmBoSwipeOn
                } else {
                    Msg::CmBoSwipeOff
                };
                format!("{title} {}", what.text(lang))
            }
            Notice::Failed(error) => error.localized(lang),
        }
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct ShowsSectionProps {
    pub(crate) centre: AttrValue,
    /// Told after a show was made, changed or deleted.
    pub(crate) on_changed: Callback<()>,
}

#[function_component]
pub(crate) fn ShowsSection(props: &ShowsSectionProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let load = use_state(|| Load::Loading);
    let attempt = use_state(|| 0_u32);
    let list = use_reducer(ShowList::default);
    let venues = use_state(|| Rc::new(Vec::<CentreVenue>::new()));
    let mode = use_state(|| Mode::List);
    let notice = use_state(|| None::<Notice>);
    let choice = use_state(read_query);
    let set_choice = {
        let choice = choice.clone();
        Callback::from(move |next: ShowQuery| {
            write_query(&next);
            choice.set(next);
        })
    };
    let base = format!("/api/culture/{}", props.centre);
    {
        let (load, list, venues, base) = (
            load.clone(),
            list.dispatcher(),
            venues.clone(),
            base.clone(),
        );
        use_effect_with((base, *attempt), move |(base, _)| {
            let base = base.clone();
            load.set(Load::Loading);
            spawn_local(async move {
                let listed = api::get::<Vec<CentreShow>>(&format!("{base}/shows")).await;
                let places = api::get::<Vec<CentreVenue>>(&format!("{base}/venues")).await;
                match (listed, places) {
                    (Ok(listed), Ok(places)) => {
                        list.dispatch(Change::Loaded(listed));
                        venues.set(Rc::new(places));
                        load.set(Load::Ready);
                    }
                    (Err(error), _) | (_, Err(error)) => load.set(Load::Failed(error)),
                }
            });
        });
    }
    let on_toggle = |show: &CentreShow| {
        let (list, notice, base) = (list.dispatcher(), notice.clone(), base.clone());
        let (id, title, was) = (show.id.clone(), show.title.clone(), show.in_swipe);
        Callback::from(move |event: Event| {
            let wanted = event.target_unchecked_into::<HtmlInputElement>().checked();
            // The page shows the choice at once; it goes back if saving fails.
            list.dispatch(Change::Swipe(id.clone(), wanted));
            let (list, notice, id, title) =
                (list.clone(), notice.clone(), id.clone(), title.clone());
            let url = format!("{base}/shows/{}/swipe", encode(&id));
            spawn_local(async move {
                match api::put::<_, CentreShow>(&url, &SwipeChoice { in_swipe: wanted }).await {
                    Ok(show) => {
                        list.dispatch(Change::Put(show));
                        notice.set(Some(Notice::Swipe(title, wanted)));
                    }
                    Err(error) => {
                        list.dispatch(Change::SwipeFailed(id, was));
                        notice.set(Some(Notice::Failed(error)));
                    }
                }
            });
        })
    };
    let on_delete = |show: &CentreShow| {
        let (list, notice, base, on_changed) = (
            list.dispatcher(),
            notice.clone(),
            base.clone(),
            props.on_changed.clone(),
        );
        let id = show.id.clone();
        Callback::from(move |_: MouseEvent| {
            let confirmed = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(Msg::CmBoDeleteConfirm.text(lang))
                        .ok()
                })
                .unwrap_or(false);
            if !confirmed {
                return;
            }
            let (list, notice, id, on_changed) =
                (list.clone(), notice.clone(), id.clone(), on_changed.clone());
            let url = format!("{base}/shows/{}", encode(&id));
            spawn_local(async move {
                match api::delete(&url).await {
                    Ok(()) => {
                        list.dispatch(Change::Removed(id));
                        notice.set(Some(Notice::Deleted));
                        on_changed.emit(());
                        focus_id_soon(NOTICE.into());
                    }
                    Err(error) => {
                        notice.set(Some(Notice::Failed(error)));
                        focus_id_soon(NOTICE.into());
                    }
                }
            });
        })
    };
    let open = |next: Mode| {
        let (mode, notice) = (mode.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            notice.set(None);
            mode.set(next.clone());
        })
    };
    let on_saved = {
        let (mode, list, notice, on_changed) = (
            mode.clone(),
            list.dispatcher(),
            notice.clone(),
            props.on_changed.clone(),
        );
        Callback::from(move |show: CentreShow| {
            list.dispatch(Change::Put(show));
            notice.set(Some(Notice::Saved));
            mode.set(Mode::List);
            on_changed.emit(());
            focus_id_soon(NOTICE.into());
        })
    };
    let on_cancel = {
        let mode = mode.clone();
        Callback::from(move |()| {
            mode.set(Mode::List);
            focus_id_soon(NEW_BUTTON.into());
        })
    };

    let body = match (&*load, &*mode) {
        (Load::Loading, _) => html! { <Loading /> },
        (Load::Failed(error), _) => load_failed(error, lang, &attempt),
        (Load::Ready, Mode::New | Mode::Edit(_)) => {
            let editing = match &*mode {
                Mode::Edit(show) => Some(show.clone()),
                _ => None,
            };
            html! {
                <ShowEditor centre={props.centre.clone()} venues={(*venues).clone()}
                    {editing} {on_saved} {on_cancel} />
            }
        }
        (Load::Ready, Mode::List) => {
            let listed = table(&list.shows, &venues, &choice);
            let count = listed.len();
            let rows = listed.into_iter().map(|show| {
                let busy = list.pending.contains(&show.id);
                let staff = show.origin == ShowOrigin::Staff;
                let origin = match show.origin {
                    ShowOrigin::Import => t(Msg::CmBoOriginImport),
                    ShowOrigin::Staff => t(Msg::CmBoOriginStaff),
                };
                let label = format!("{}: {}", t(Msg::CmBoColSwipe), show.title);
                html! {
                    <tr key={show.id.clone()} data-show-id={show.id.clone()}>
                        <th scope="row">{ show.title.clone() }</th>
                        <td class="cm-bo-date-cell">{ date_cell(show, lang) }</td>
                        <td>{ venue_name(&venues, &show.venue).to_owned() }</td>
                        <td>{ origin }</td>
                        <td class="cm-bo-center">
                            <input type="checkbox" class="cm-bo-swipe" checked={show.in_swipe}
                                disabled={busy} aria-label={label} onchange={on_toggle(show)} />
                        </td>
                        <td class="cm-bo-actions">
                            if staff {
                                <Button class="cm-bo-edit" variant={ButtonVariant::Secondary}
                                    onclick={open(Mode::Edit(Rc::new(show.clone())))}
                                    aria_label={AttrValue::from(format!("{}: {}", t(Msg::CmBoEdit), show.title))}>
                                    { t(Msg::CmBoEdit) }
                                </Button>
                                <Button class="cm-bo-delete" variant={ButtonVariant::Danger}
                                    onclick={on_delete(show)}
                                    aria_label={AttrValue::from(format!("{}: {}", t(Msg::CmBoDelete), show.title))}>
                                    { t(Msg::CmBoDelete) }
                                </Button>
                            }
                        </td>
                    </tr>
                }
            });
            let (ok, failed) = match &*notice {
                Some(Notice::Failed(error)) => (None, Some(error.localized(lang))),
                Some(other) => (Some(other.text(lang)), None),
                None => (None, None),
            };
            html! {
                <>
                    <p class="field-help">{ t(Msg::CmBoShowsHelp) }</p>
                    <div class="bo-actions">
                        <button id={NEW_BUTTON} type="button" class="btn btn--primary cm-bo-new"
                            onclick={open(Mode::New)}>
                            { t(Msg::CmBoNewShow) }
                        </button>
                    </div>
                    { status(NOTICE, ok) }
                    if let Some(text) = failed { { alert(NOTICE, text) } }
                    if list.shows.is_empty() {
                        <EmptyState message={Msg::CmBoNoShows} />
                    } else {
                        { controls(&choice, count, &set_choice, lang) }
                        if count == 0 {
                            <EmptyState message={Msg::CmBoNoMatch} />
                        } else {
                            <div class="cm-bo-scroll" tabindex="0" role="region"
                                aria-labelledby="cm-bo-shows-caption">
                                <table class="bo-table cm-bo-shows">
                                    <caption id="cm-bo-shows-caption" class="visually-hidden">{ t(Msg::CmBoShows) }</caption>
                                    <thead>
                                        <tr>
                                            { sort_header(&choice, SortKey::Title, Msg::CmBoColTitle, &set_choice, lang) }
                                            { sort_header(&choice, SortKey::Date, Msg::CmBoColDate, &set_choice, lang) }
                                            { sort_header(&choice, SortKey::Venue, Msg::CmBoColVenue, &set_choice, lang) }
                                            <th scope="col">{ t(Msg::CmBoColOrigin) }</th>
                                            <th scope="col">{ t(Msg::CmBoColSwipe) }</th>
                                            <th scope="col">{ t(Msg::CmBoColActions) }</th>
                                        </tr>
                                    </thead>
                                    <tbody>{ for rows }</tbody>
                                </table>
                            </div>
                        }
                    }
                </>
            }
        }
    };
    section(SHOWS_HEADING, Msg::CmBoShows, lang, body)
}

/// A show id as one URL path segment (UiTdatabank ids are plain, but ids are data).
pub(crate) use suite_ui::url::encode;
