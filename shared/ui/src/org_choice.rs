//! `OrgChoice`: which organisation a back-office is about. Staff of an organisation of
//! the app's kind get their own; an admin picks one of that kind from `GET /api/orgs`
//! (the first is chosen at once); anyone else reads that there is nothing to manage here.
//!
//! ```ignore
//! html! {
//!     <OrgChoice role={role} kind={OrgKind::Library} select_id="bo-library"
//!         label={Msg::BiebloStaffLibrary} none_found={Msg::BiebloStaffNoLibraries}
//!         other_kind={Msg::BiebloStaffOnlyLibraries}
//!         office={Callback::from(|id: AttrValue| html! { <LibraryOffice library={id} /> })} />
//! }
//! ```

use suite_domain::i18n::Msg;
use suite_domain::org::{OrgKind, OrgScope, Organisation, Role, of_kind};
use web_sys::HtmlSelectElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::back_office::load_failed;
use crate::i18n::use_lang;
use crate::{EmptyState, Loading};

#[derive(Properties, PartialEq)]
pub struct OrgChoiceProps {
    /// The logged-in staff member's role.
    pub role: Role,
    /// The kind of organisation the back-office is for.
    pub kind: OrgKind,
    /// The id of an admin's select, and its label.
    pub select_id: AttrValue,
    pub label: Msg,
    /// What an admin reads when there is no organisation of the kind yet.
    pub none_found: Msg,
    /// What staff of another kind of organisation read.
    pub other_kind: Msg,
    /// The back-office of the chosen organisation (its id).
    pub office: Callback<AttrValue, Html>,
}

/// The organisations an admin chooses from.
#[derive(Clone, PartialEq)]
enum Choices {
    /// Not asked: the role has its own organisation, or none of this kind.
    NotNeeded,
    Loading,
    Loaded(Vec<Organisation>),
    Failed(ApiError),
}

#[function_component]
pub fn OrgChoice(props: &OrgChoiceProps) -> Html {
    let lang = use_lang();
    let scope = props.role.scope_for(props.kind);
    let admin = scope == OrgScope::Any;
    let list = use_state(|| match admin {
        true => Choices::Loading,
        false => Choices::NotNeeded,
    });
    let chosen = use_state(|| None::<AttrValue>);
    let attempt = use_state(|| 0_u32);
    {
        let (list, chosen, kind) = (list.clone(), chosen.clone(), props.kind);
        use_effect_with((admin, *attempt), move |&(admin, _)| {
            if admin {
                list.set(Choices::Loading);
                spawn_local(async move {
                    match api::get::<Vec<Organisation>>("/api/orgs").await {
                        Ok(orgs) => {
                            let found = of_kind(orgs, kind);
                            chosen.set(found.first().map(|org| org.id.clone().into()));
                            list.set(Choices::Loaded(found));
                        }
                        Err(error) => list.set(Choices::Failed(error)),
                    }
                });
            }
        });
    }
    let org = match &scope {
        OrgScope::Own(id) => Some(AttrValue::from(id.clone())),
        OrgScope::Any => (*chosen).clone(),
        OrgScope::None => None,
    };
    let choice = match &*list {
        Choices::NotNeeded => Html::default(),
        Choices::Loading => return html! { <Loading /> },
        Choices::Failed(error) => return load_failed(error, lang, &attempt),
        Choices::Loaded(found) if found.is_empty() => {
            return html! { <EmptyState message={props.none_found} /> };
        }
        Choices::Loaded(found) => {
            let onchange = {
                let chosen = chosen.clone();
                Callback::from(move |event: Event| {
                    let id = event.target_unchecked_into::<HtmlSelectElement>().value();
                    chosen.set(Some(id.into()));
                })
            };
            let options = found.iter().map(|o| {
                html! {
                    <option value={o.id.clone()} selected={org.as_deref() == Some(o.id.as_str())}>
                        { format!("{} ({})", o.name, o.town) }
                    </option>
                }
            });
            html! {
                <div class="field bo-choice">
                    <label for={props.select_id.clone()}>{ props.label.text(lang) }</label>
                    <select id={props.select_id.clone()} {onchange}>{ for options }</select>
                </div>
            }
        }
    };
    let Some(org) = org else {
        return html! { <EmptyState message={props.other_kind} /> };
    };
    html! {
        <div class="bo">
            { choice }
            { props.office.emit(org) }
        </div>
    }
}
