//! The back-office inside the staff panel: which centre staff manage (their own, or the
//! one an admin picks: `suite_ui::OrgChoice`), and its views, one at a time
//! (`suite_ui::SectionViews`, kept in the address): shows, venues, the programme's
//! source and its import, and insight.

use suite_domain::i18n::Msg;
use suite_domain::org::{OrgKind, Role};
use suite_ui::{OrgChoice, SectionViews, View};
use yew::prelude::*;

use crate::insight::InsightSection;
use crate::programme_source::{ProgrammeSourceSection, SOURCE_HEADING};
use crate::shows::ShowsSection;
use crate::venues::VenueSection;

/// The headings of the views, which take the focus when one opens.
pub(crate) const SHOWS_HEADING: &str = "cm-bo-shows-title";
pub(crate) const VENUES_HEADING: &str = "cm-bo-venues-title";
pub(crate) const INSIGHT_HEADING: &str = "cm-bo-insight-title";

/// What every view of a centre's back-office is made from.
#[derive(Clone, PartialEq)]
pub(crate) struct Centre {
    pub(crate) id: AttrValue,
    /// Told after a show was made, changed or deleted.
    pub(crate) on_changed: Callback<()>,
    /// Bumped when a show changes, so the insight lists it too.
    pub(crate) version: u32,
}

/// The views, in the order of their links (`?onderdeel=<slug>`).
#[rustfmt::skip]
const VIEWS: &[View<Centre>] = &[
    View { slug: "voorstellingen", title: Msg::CmBoShows, heading: SHOWS_HEADING, render: |c| html! { <ShowsSection key={c.id.to_string()} centre={c.id.clone()} on_changed={c.on_changed.clone()} /> } },
    View { slug: "zalen", title: Msg::CmVenues, heading: VENUES_HEADING, render: |c| html! { <VenueSection key={c.id.to_string()} centre={c.id.clone()} /> } },
    View { slug: "import", title: Msg::CmBoSource, heading: SOURCE_HEADING, render: |c| html! { <ProgrammeSourceSection key={c.id.to_string()} centre={c.id.clone()} on_imported={c.on_changed.clone()} /> } },
    View { slug: "inzicht", title: Msg::CmBoInsight, heading: INSIGHT_HEADING, render: |c| html! { <InsightSection key={c.id.to_string()} centre={c.id.clone()} version={c.version} /> } },
];

#[derive(Properties, PartialEq)]
pub(crate) struct BackOfficeProps {
    /// The logged-in staff member's role.
    pub(crate) role: Role,
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

/// One centre's back-office: the links to its views, and the view chosen.
#[function_component]
fn CentreOffice(props: &CentreOfficeProps) -> Html {
    let version = use_state(|| 0_u32);
    let on_changed = {
        let version = version.clone();
        Callback::from(move |()| version.set(*version + 1))
    };
    let centre = Centre {
        id: props.centre.clone(),
        on_changed,
        version: *version,
    };
    html! { <SectionViews<Centre> views={VIEWS} context={centre} /> }
}
