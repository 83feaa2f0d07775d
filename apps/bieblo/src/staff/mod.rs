//! The Bieblo back-office inside the staff panel: which library staff manage (their own,
//! or the one an admin picks: `suite_ui::OrgChoice`), the summary of that library's
//! snapshot, and its views, one at a time (`suite_ui::SectionViews`, kept in the
//! address): kiosk settings, catalogue imports, themes, statistics.

mod chart;
mod imports;
mod kiosk_form;
mod kiosk_section;
mod kiosk_status;
mod stats;
mod summary;
#[cfg(test)]
mod tests;
mod theme_form;
mod themes;
mod view;

use std::cell::Cell;
use std::rc::Rc;

use suite_domain::bieblo::Snapshot;
use suite_domain::i18n::Msg;
use suite_domain::org::{OrgKind, Role};
use suite_ui::{OrgChoice, SectionViews, View};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::fetch::get_json;
use imports::ImportSection;
use kiosk_section::KioskSection;
use stats::StatsSection;
use summary::Summary;
use themes::ThemeSection;

/// The headings of the views, which take the focus when one opens.
const KIOSK_HEADING: &str = "bo-kiosk-title";
const IMPORT_HEADING: &str = "bo-import-title";
const THEMES_HEADING: &str = "bo-themes-title";
const STATS_HEADING: &str = "bo-stats-title";

/// What every view of a library's back-office is made from.
#[derive(Clone, PartialEq)]
struct Library {
    id: AttrValue,
    /// What the library's snapshot holds (empty until it is read).
    summary: Rc<Summary>,
    /// Told after an import, to read the new snapshot.
    on_imported: Callback<()>,
}

/// The views, in the order of their links (`?onderdeel=<slug>`).
#[rustfmt::skip]
const VIEWS: &[View<Library>] = &[
    View { slug: "kiosken", title: Msg::BiebloStaffKiosk, heading: KIOSK_HEADING, render: |l| html! { <KioskSection key={l.id.to_string()} library={l.id.clone()} summary={l.summary.clone()} /> } },
    View { slug: "import", title: Msg::BiebloStaffImports, heading: IMPORT_HEADING, render: |l| html! { <ImportSection key={l.id.to_string()} library={l.id.clone()} on_imported={l.on_imported.clone()} /> } },
    View { slug: "themas", title: Msg::BiebloThemes, heading: THEMES_HEADING, render: |l| html! { <ThemeSection key={l.id.to_string()} library={l.id.clone()} /> } },
    View { slug: "statistieken", title: Msg::BiebloStaffStats, heading: STATS_HEADING, render: |l| html! { <StatsSection key={l.id.to_string()} library={l.id.clone()} summary={l.summary.clone()} /> } },
];

#[derive(Properties, PartialEq)]
pub(crate) struct BackOfficeProps {
    /// The logged-in staff member's role.
    pub(crate) role: Role,
}

/// The back-office for the role's library (or the library an admin picks).
#[function_component]
pub(crate) fn BackOffice(props: &BackOfficeProps) -> Html {
    let office = Callback::from(|library: AttrValue| html! { <LibraryOffice {library} /> });
    html! {
        <OrgChoice role={props.role.clone()} kind={OrgKind::Library} select_id="bo-library"
            label={Msg::BiebloStaffLibrary} none_found={Msg::BiebloStaffNoLibraries}
            other_kind={Msg::BiebloStaffOnlyLibraries} {office} />
    }
}

#[derive(Properties, PartialEq)]
struct LibraryOfficeProps {
    library: AttrValue,
}

/// One library's back-office: the summary of its snapshot and the views.
#[function_component]
fn LibraryOffice(props: &LibraryOfficeProps) -> Html {
    let summary = use_state(|| Rc::new(Summary::default()));
    // Bumped after an import, to read the new snapshot.
    let version = use_state(|| 0_u32);
    {
        let summary = summary.clone();
        use_effect_with((props.library.clone(), *version), move |(library, _)| {
            summary.set(Rc::default());
            // Cleared when an admin picks another library before this answer comes.
            let current = Rc::new(Cell::new(true));
            let (url, current_in) = (format!("/data/bieblo/{library}.json"), current.clone());
            spawn_local(async move {
                // No snapshot (yet): no branch suggestions, theme ids as labels.
                if let Ok((snapshot, _)) = get_json::<Snapshot>(&url).await
                    && current_in.get()
                {
                    summary.set(Rc::new(Summary::of(&snapshot)));
                }
            });
            move || current.set(false)
        });
    }
    let on_imported = Callback::from(move |()| version.set(*version + 1));
    let library = Library {
        id: props.library.clone(),
        summary: (*summary).clone(),
        on_imported,
    };
    html! { <SectionViews<Library> views={VIEWS} context={library} /> }
}
