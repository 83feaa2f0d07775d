//! The back-office inside the staff panel, one view at a time (`suite_ui::SectionViews`,
//! kept in the address): the admin's collection, libraries and statistics; the staff of
//! a participating library the statistics only (the server decides who may read them).

use suite_domain::i18n::Msg;
use suite_ui::{SectionViews, View, use_t};
use yew::prelude::*;

use crate::collection::CollectionSection;
use crate::libraries::LibrariesSection;
use crate::stats::StatsSection;

/// The headings of the views, which take the focus when one opens.
pub(crate) const COLLECTION_HEADING: &str = "er-bo-collection-title";
pub(crate) const LIBRARIES_HEADING: &str = "er-bo-libraries-title";
pub(crate) const STATS_HEADING: &str = "er-bo-stats-title";

/// What every view is made from: nothing yet beyond the views themselves.
#[derive(Clone, PartialEq)]
pub(crate) struct Office;

/// The admin's views, in the order of their links (`?onderdeel=<slug>`).
#[rustfmt::skip]
const ADMIN_VIEWS: &[View<Office>] = &[
    View { slug: "collectie", title: Msg::EreaderAdmCollection, heading: COLLECTION_HEADING, render: |_| html! { <CollectionSection /> } },
    View { slug: "bibliotheken", title: Msg::EreaderAdmLibraries, heading: LIBRARIES_HEADING, render: |_| html! { <LibrariesSection /> } },
    View { slug: "statistieken", title: Msg::EreaderAdmStats, heading: STATS_HEADING, render: |_| html! { <StatsSection /> } },
];

/// A participating library's staff: the statistics.
#[rustfmt::skip]
const STAFF_VIEWS: &[View<Office>] = &[
    View { slug: "statistieken", title: Msg::EreaderAdmStats, heading: STATS_HEADING, render: |_| html! { <StatsSection /> } },
];

#[derive(Properties, PartialEq)]
pub(crate) struct BackOfficeProps {
    /// Whether the logged-in staff member is the service's admin.
    pub(crate) admin: bool,
}

#[function_component]
pub(crate) fn BackOffice(props: &BackOfficeProps) -> Html {
    let t = use_t();
    if props.admin {
        html! { <SectionViews<Office> views={ADMIN_VIEWS} context={Office} /> }
    } else {
        html! {
            <>
                <p class="field-help">{ t(Msg::EreaderAdmOnlyStats) }</p>
                <SectionViews<Office> views={STAFF_VIEWS} context={Office} />
            </>
        }
    }
}
