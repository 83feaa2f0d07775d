//! An admin's choice of library: the libraries among all organisations, as a select.

use suite_domain::i18n::{Lang, Msg};
use suite_domain::org::{OrgKind, Organisation};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The libraries among the organisations, in the server's order.
pub(super) fn libraries(orgs: Vec<Organisation>) -> Vec<Organisation> {
    orgs.into_iter()
        .filter(|org| org.kind == OrgKind::Library)
        .collect()
}

/// The labelled select; `on_choose` gets the chosen library's id.
pub(super) fn select(
    libraries: &[Organisation],
    chosen: Option<&str>,
    on_choose: Callback<String>,
    lang: Lang,
) -> Html {
    let onchange =
        on_choose.reform(|event: Event| event.target_unchecked_into::<HtmlSelectElement>().value());
    let options = libraries.iter().map(|org| {
        html! {
            <option value={org.id.clone()} selected={chosen == Some(org.id.as_str())}>
                { format!("{} ({})", org.name, org.town) }
            </option>
        }
    });
    html! {
        <div class="field bo-library">
            <label for="bo-library">{ Msg::BiebloStaffLibrary.text(lang) }</label>
            <select id="bo-library" {onchange}>{ for options }</select>
        </div>
    }
}
