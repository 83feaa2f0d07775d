//! The Bieblo back-office inside the staff panel: which library staff manage (their own,
//! or the one an admin picks), the summary of that library's snapshot, and the three
//! sections (kiosk settings, catalogue imports, statistics).

mod chart;
mod import_report;
mod imports;
mod kiosk_form;
mod kiosk_section;
mod library_choice;
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
use suite_domain::org::{Organisation, Role};
use suite_ui::api::{self, ApiError};
use suite_ui::{EmptyState, Loading, use_lang};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::fetch::get_json;
use imports::ImportSection;
use kiosk_section::KioskSection;
use stats::StatsSection;
use summary::Summary;
use themes::ThemeSection;

/// Whose kiosk a role manages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Library staff: their own library.
    Library(String),
    /// An admin picks any library.
    AnyLibrary,
    /// Centres and companies have no kiosk.
    NotALibrary,
}

impl Scope {
    pub(crate) fn of(role: &Role) -> Scope {
        match role {
            Role::LibraryStaff { library } => Scope::Library(library.clone()),
            Role::Admin => Scope::AnyLibrary,
            Role::CentreStaff { .. } | Role::Company { .. } => Scope::NotALibrary,
        }
    }
}

/// The libraries an admin chooses from (`GET /api/orgs`).
#[derive(Clone, PartialEq)]
enum Libraries {
    /// Not asked: the role has its own library, or none.
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

/// The back-office for the role's library (or the library an admin picks).
#[function_component]
pub(crate) fn BackOffice(props: &BackOfficeProps) -> Html {
    let lang = use_lang();
    let scope = Scope::of(&props.role);
    let admin = scope == Scope::AnyLibrary;
    let list = use_state(|| match admin {
        true => Libraries::Loading,
        false => Libraries::NotNeeded,
    });
    let chosen = use_state(|| None::<AttrValue>);
    let attempt = use_state(|| 0_u32);
    let summary = use_state(|| Rc::new(Summary::default()));
    // Bumped after an import, to read the new snapshot.
    let version = use_state(|| 0_u32);
    {
        let (list, chosen) = (list.clone(), chosen.clone());
        use_effect_with((admin, *attempt), move |&(admin, _)| {
            if admin {
                list.set(Libraries::Loading);
                spawn_local(async move {
                    match api::get::<Vec<Organisation>>("/api/orgs").await {
                        Ok(orgs) => {
                            let found = library_choice::libraries(orgs);
                            chosen.set(found.first().map(|org| org.id.clone().into()));
                            list.set(Libraries::Loaded(found));
                        }
                        Err(error) => list.set(Libraries::Failed(error)),
                    }
                });
            }
        });
    }
    let library = match &scope {
        Scope::Library(id) => Some(AttrValue::from(id.clone())),
        Scope::AnyLibrary => (*chosen).clone(),
        Scope::NotALibrary => None,
    };
    {
        let summary = summary.clone();
        use_effect_with((library.clone(), *version), move |(library, _)| {
            summary.set(Rc::default());
            // Cleared when an admin picks another library before this answer comes.
            let current = Rc::new(Cell::new(true));
            if let Some(library) = library {
                let (url, current) = (format!("/data/bieblo/{library}.json"), current.clone());
                spawn_local(async move {
                    // No snapshot (yet): no branch suggestions, theme ids as labels.
                    if let Ok((snapshot, _)) = get_json::<Snapshot>(&url).await
                        && current.get()
                    {
                        summary.set(Rc::new(Summary::of(&snapshot)));
                    }
                });
            }
            move || current.set(false)
        });
    }
    let choice = match &*list {
        Libraries::NotNeeded => Html::default(),
        Libraries::Loading => return html! { <Loading /> },
        Libraries::Failed(error) => return view::load_failed(error, lang, &attempt),
        Libraries::Loaded(found) if found.is_empty() => {
            return html! { <EmptyState message={Msg::BiebloStaffNoLibraries} /> };
        }
        Libraries::Loaded(found) => {
            let chosen = chosen.clone();
            let on_choose = Callback::from(move |id: String| chosen.set(Some(id.into())));
            library_choice::select(found, library.as_deref(), on_choose, lang)
        }
    };
    let Some(library) = library else {
        return html! { <EmptyState message={Msg::BiebloStaffOnlyLibraries} /> };
    };
    let on_imported = Callback::from(move |()| version.set(*version + 1));
    let key = library.to_string();
    html! {
        <div class="bo">
            { choice }
            <KioskSection key={format!("k-{key}")} library={library.clone()} summary={(*summary).clone()} />
            <ImportSection key={format!("i-{key}")} library={library.clone()} {on_imported} />
            <ThemeSection key={format!("t-{key}")} library={library.clone()} />
            <StatsSection key={format!("s-{key}")} {library} summary={(*summary).clone()} />
        </div>
    }
}
