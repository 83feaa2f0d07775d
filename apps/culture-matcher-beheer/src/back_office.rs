//! The back-office inside the staff panel: which centre staff manage (their own, or the
//! one an admin picks), links to its three sections, and the sections: shows, venues
//! and insight.

use suite_domain::i18n::Msg;
use suite_domain::org::{Organisation, Role};
use suite_ui::api::{self, ApiError};
use suite_ui::{EmptyState, Loading, use_lang, use_t};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::centre_choice::{self, Scope};
use crate::focus::focus_id;
use crate::insight::InsightSection;
use crate::shows::ShowsSection;
use crate::venues::VenueSection;
use crate::view::load_failed;

/// The headings of the sections, for the links at the top.
pub(crate) const SHOWS_HEADING: &str = "cm-bo-shows-title";
pub(crate) const VENUES_HEADING: &str = "cm-bo-venues-title";
pub(crate) const INSIGHT_HEADING: &str = "cm-bo-insight-title";

/// The centres an admin chooses from (`GET /api/orgs`).
#[derive(Clone, PartialEq)]
enum Centres {
    /// Not asked: the role has its own centre, or none.
    NotNeeded,
    Loading,
    Loaded(Vec<Organisation>),
    Failed(ApiError),
}

#[derive(Properties, PartialEq)]
pub(crate) struct BackOfficeProps {
    /// The logged-in staff member's role.
    pub(crate) role: Role,
}

/// A link that moves the focus to a section's heading (a plain `#` link would leave the
/// page: its `<base>` is the bundle's folder).
fn jump(heading: &'static str, text: &'static str) -> Html {
    let onclick = Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        focus_id(heading);
    });
    html! { <li><a href={format!("#{heading}")} {onclick}>{ text }</a></li> }
}

#[function_component]
pub(crate) fn BackOffice(props: &BackOfficeProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let scope = Scope::of(&props.role);
    let admin = scope == Scope::AnyCentre;
    let list = use_state(|| match admin {
        true => Centres::Loading,
        false => Centres::NotNeeded,
    });
    let chosen = use_state(|| None::<AttrValue>);
    let attempt = use_state(|| 0_u32);
    // Bumped when a show changes, so the insight lists it too.
    let version = use_state(|| 0_u32);
    {
        let (list, chosen) = (list.clone(), chosen.clone());
        use_effect_with((admin, *attempt), move |&(admin, _)| {
            if admin {
                list.set(Centres::Loading);
                spawn_local(async move {
                    match api::get::<Vec<Organisation>>("/api/orgs").await {
                        Ok(orgs) => {
                            let found = centre_choice::centres(orgs);
                            chosen.set(found.first().map(|org| org.id.clone().into()));
                            list.set(Centres::Loaded(found));
                        }
                        Err(error) => list.set(Centres::Failed(error)),
                    }
                });
            }
        });
    }
    let centre = match &scope {
        Scope::Centre(id) => Some(AttrValue::from(id.clone())),
        Scope::AnyCentre => (*chosen).clone(),
        Scope::NotACentre => None,
    };
    let choice = match &*list {
        Centres::NotNeeded => Html::default(),
        Centres::Loading => return html! { <Loading /> },
        Centres::Failed(error) => return load_failed(error, lang, &attempt),
        Centres::Loaded(found) if found.is_empty() => {
            return html! { <EmptyState message={Msg::CmBoNoCentres} /> };
        }
        Centres::Loaded(found) => {
            let chosen = chosen.clone();
            let on_choose = Callback::from(move |id: String| chosen.set(Some(id.into())));
            centre_choice::select(found, centre.as_deref(), on_choose, lang)
        }
    };
    let Some(centre) = centre else {
        return html! { <EmptyState message={Msg::CmBoOnlyCentres} /> };
    };
    let on_changed = {
        let version = version.clone();
        Callback::from(move |()| version.set(*version + 1))
    };
    let key = centre.to_string();
    html! {
        <div class="bo">
            { choice }
            <nav class="cm-bo-nav" aria-label={t(Msg::CmBoSections)}>
                <ul>
                    { jump(SHOWS_HEADING, t(Msg::CmBoShows)) }
                    { jump(VENUES_HEADING, t(Msg::CmVenues)) }
                    { jump(INSIGHT_HEADING, t(Msg::CmBoInsight)) }
                </ul>
            </nav>
            <ShowsSection key={format!("s-{key}")} centre={centre.clone()} {on_changed} />
            <VenueSection key={format!("v-{key}")} centre={centre.clone()} />
            <InsightSection key={format!("i-{key}")} {centre} version={*version} />
        </div>
    }
}
