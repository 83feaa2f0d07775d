//! The back-office inside the staff panel: which centre staff manage (their own, or the
//! one an admin picks: `suite_ui::OrgChoice`), links to its three sections, and the
//! sections: shows, venues and insight.

use suite_domain::i18n::Msg;
use suite_domain::org::{OrgKind, Role};
use suite_ui::back_office::focus_id;
use suite_ui::{OrgChoice, use_t};
use yew::prelude::*;

use crate::insight::InsightSection;
use crate::programme_source::{ProgrammeSourceSection, SOURCE_HEADING};
use crate::shows::ShowsSection;
use crate::venues::VenueSection;

/// The headings of the sections, for the links at the top.
pub(crate) const SHOWS_HEADING: &str = "cm-bo-shows-title";
pub(crate) const VENUES_HEADING: &str = "cm-bo-venues-title";
pub(crate) const INSIGHT_HEADING: &str = "cm-bo-insight-title";

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

/// The back-office for the role's centre (or the centre an admin picks).
#[function_component]
pub(crate) fn BackOffice(props: &BackOfficeProps) -> Html {
    let office = Callback::from(|centre: AttrValue| html! { <CentreOffice {centre} /> });
    html! {
        <OrgChoice role={props.role.clone()} kind={OrgKind::Centre} select_id="cm-bo-centre"
            label={Msg::CmBoCentre} none_found={Msg::CmBoNoCentres}
            other_kind={Msg::CmBoOnlyCentres} {office} />
    }
}

#[derive(Properties, PartialEq)]
struct CentreOfficeProps {
    centre: AttrValue,
}

/// One centre's back-office: links to its sections, and the sections.
#[function_component]
fn CentreOffice(props: &CentreOfficeProps) -> Html {
    let t = use_t();
    // Bumped when a show changes, so the insight lists it too.
    let version = use_state(|| 0_u32);
    let on_changed = {
        let version = version.clone();
        Callback::from(move |()| version.set(*version + 1))
    };
    let centre = props.centre.clone();
    let key = centre.to_string();
    html! {
        <>
            <nav class="cm-bo-nav" aria-label={t(Msg::CmBoSections)}>
                <ul>
                    { jump(SOURCE_HEADING, t(Msg::CmBoSource)) }
                    { jump(SHOWS_HEADING, t(Msg::CmBoShows)) }
                    { jump(VENUES_HEADING, t(Msg::CmVenues)) }
                    { jump(INSIGHT_HEADING, t(Msg::CmBoInsight)) }
                </ul>
            </nav>
            <ProgrammeSourceSection key={format!("p-{key}")} centre={centre.clone()} on_imported={on_changed.clone()} />
            <ShowsSection key={format!("s-{key}")} centre={centre.clone()} {on_changed} />
            <VenueSection key={format!("v-{key}")} centre={centre.clone()} />
            <InsightSection key={format!("i-{key}")} {centre} version={*version} />
        </>
    }
}
