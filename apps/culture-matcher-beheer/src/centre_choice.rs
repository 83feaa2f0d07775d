//! Whose back-office a role sees, and an admin's choice of centre.

use suite_domain::i18n::{Lang, Msg};
use suite_domain::org::{OrgKind, Organisation, Role};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Whose shows a role manages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Centre staff: their own centre.
    Centre(String),
    /// An admin picks any centre.
    AnyCentre,
    /// Libraries and companies have no programme here.
    NotACentre,
}

impl Scope {
    pub(crate) fn of(role: &Role) -> Scope {
        match role {
            Role::CentreStaff { centre } => Scope::Centre(centre.clone()),
            Role::Admin => Scope::AnyCentre,
            Role::LibraryStaff { .. } | Role::Company { .. } => Scope::NotACentre,
        }
    }
}

/// The centres among the organisations, in the server's order.
pub(crate) fn centres(orgs: Vec<Organisation>) -> Vec<Organisation> {
    orgs.into_iter()
        .filter(|org| org.kind == OrgKind::Centre)
        .collect()
}

/// The labelled select; `on_choose` gets the chosen centre's id.
pub(crate) fn select(
    centres: &[Organisation],
    chosen: Option<&str>,
    on_choose: Callback<String>,
    lang: Lang,
) -> Html {
    let onchange =
        on_choose.reform(|event: Event| event.target_unchecked_into::<HtmlSelectElement>().value());
    let options = centres.iter().map(|org| {
        html! {
            <option value={org.id.clone()} selected={chosen == Some(org.id.as_str())}>
                { format!("{} ({})", org.name, org.town) }
            </option>
        }
    });
    html! {
        <div class="field bo-choice">
            <label for="cm-bo-centre">{ Msg::CmBoCentre.text(lang) }</label>
            <select id="cm-bo-centre" {onchange}>{ for options }</select>
        </div>
    }
}
