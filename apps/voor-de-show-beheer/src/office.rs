//! The back-office inside the staff panel, one view at a time (`suite_ui::SectionViews`,
//! kept in the address): a centre's companies, shows, school performances and figures;
//! a company's shows and uploads. The server decides again who may see what.

use suite_domain::i18n::Msg;
use suite_domain::org::Role;
use suite_ui::{SectionViews, View, use_t};
use yew::prelude::*;

use crate::companies::CompaniesSection;
use crate::figures::FiguresSection;
use crate::performances::PerformancesSection;
use crate::shows::{CentreShows, CompanyShows};
use crate::uploads::UploadsSection;

/// The headings of the views, which take the focus when one opens.
pub(crate) const COMPANIES_HEADING: &str = "vds-bo-companies-title";
pub(crate) const SHOWS_HEADING: &str = "vds-bo-shows-title";
pub(crate) const PERFORMANCES_HEADING: &str = "vds-bo-performances-title";
pub(crate) const FIGURES_HEADING: &str = "vds-bo-figures-title";
pub(crate) const UPLOADS_HEADING: &str = "vds-bo-uploads-title";

/// What every view is made from: the centre's or company's id.
#[derive(Clone, PartialEq)]
pub(crate) struct Office {
    pub(crate) org: AttrValue,
}

/// A centre's views, in the order of their links (`?onderdeel=<slug>`).
#[rustfmt::skip]
const CENTRE_VIEWS: &[View<Office>] = &[
    View { slug: "gezelschappen", title: Msg::VdsAdminCompanies, heading: COMPANIES_HEADING, render: |o| html! { <CompaniesSection centre={o.org.clone()} /> } },
    View { slug: "voorstellingen", title: Msg::VdsAdminShows, heading: SHOWS_HEADING, render: |o| html! { <CentreShows centre={o.org.clone()} /> } },
    View { slug: "schoolvoorstellingen", title: Msg::VdsAdminPerformances, heading: PERFORMANCES_HEADING, render: |o| html! { <PerformancesSection centre={o.org.clone()} /> } },
    View { slug: "cijfers", title: Msg::VdsAdminFigures, heading: FIGURES_HEADING, render: |o| html! { <FiguresSection centre={o.org.clone()} /> } },
];

/// A company's views.
#[rustfmt::skip]
const COMPANY_VIEWS: &[View<Office>] = &[
    View { slug: "voorstellingen", title: Msg::VdsAdminShows, heading: SHOWS_HEADING, render: |o| html! { <CompanyShows company={o.org.clone()} /> } },
    View { slug: "bestanden", title: Msg::VdsAdminUploads, heading: UPLOADS_HEADING, render: |o| html! { <UploadsSection company={o.org.clone()} /> } },
];

#[derive(Properties, PartialEq)]
pub(crate) struct BackOfficeProps {
    pub(crate) role: Role,
}

#[function_component]
pub(crate) fn BackOffice(props: &BackOfficeProps) -> Html {
    let t = use_t();
    match &props.role {
        Role::CentreStaff { centre } => {
            let context = Office {
                org: centre.clone().into(),
            };
            html! { <SectionViews<Office> views={CENTRE_VIEWS} {context} /> }
        }
        Role::Company { company } => {
            let context = Office {
                org: company.clone().into(),
            };
            html! { <SectionViews<Office> views={COMPANY_VIEWS} {context} /> }
        }
        _ => html! { <p class="field-help">{ t(Msg::VdsAdminOnlyStaff) }</p> },
    }
}
