//! A library's branches: add, change, remove.

use suite_domain::i18n::Msg;
use suite_ui::api;
use suite_ui::{Button, ButtonVariant, EmptyState, Loading, use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::{Outcome, outcome_view};
use crate::view::{Load, load_failed, section, use_load};
use suite_domain::service::Branch;

#[derive(Properties, PartialEq)]
pub(super) struct BranchesProps {
    pub(super) base: AttrValue,
}

#[function_component]
pub(super) fn BranchesSection(props: &BranchesProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let attempt = use_state(|| 0_u32);
    let branches = use_load::<Vec<Branch>>(format!("{}/branches", props.base), *attempt);
    let outcome = use_state(|| None::<Outcome>);
    let fields: [UseStateHandle<String>; 4] = [
        use_state(String::new),
        use_state(String::new),
        use_state(String::new),
        use_state(String::new),
    ];
    let onsubmit = {
        let (fields, outcome, attempt, base) = (
            fields.clone(),
            outcome.clone(),
            attempt.clone(),
            props.base.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let branch = Branch {
                id: fields[0].trim().to_string(),
                name: (*fields[1]).clone(),
                location_id: (*fields[2]).clone(),
                address: (*fields[3]).clone(),
            };
            let path = format!("{base}/branches/{}", branch.id);
            outcome.set(Some(Outcome::Busy));
            let (fields, outcome, attempt) = (fields.clone(), outcome.clone(), attempt.clone());
            spawn_local(async move {
                match api::put::<_, Vec<Branch>>(&path, &branch).await {
                    Ok(_) => {
                        for f in &fields {
                            f.set(String::new());
                        }
                        outcome.set(Some(Outcome::Done));
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
            });
        })
    };
    let remove = |id: &str| {
        let (outcome, attempt, path) = (
            outcome.clone(),
            attempt.clone(),
            format!("{}/branches/{id}", props.base),
        );
        Callback::from(move |_: MouseEvent| {
            let (outcome, attempt, path) = (outcome.clone(), attempt.clone(), path.clone());
            spawn_local(async move {
                match api::delete(&path).await {
                    Ok(()) => {
                        outcome.set(Some(Outcome::Done));
                        attempt.set(*attempt + 1);
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
            });
        })
    };
    let list = match &*branches {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => load_failed(error, lang, &attempt),
        Load::Ready(list) if list.is_empty() => {
            html! { <EmptyState message={Msg::AdmNoBranches} /> }
        }
        Load::Ready(list) => html! {
            <table class="bo-table">
                <caption>{ t(Msg::AdmBranches) }</caption>
                <tbody>
                    { for list.iter().map(|b| html! {
                        <tr key={b.id.clone()} data-branch={b.id.clone()}>
                            <th scope="row">{ b.name.clone() }</th>
                            <td>{ b.address.clone() }</td>
                            <td>{ b.location_id.clone() }</td>
                            <td><Button variant={ButtonVariant::Danger} onclick={remove(&b.id)}
                                aria_label={AttrValue::from(format!("{}: {}", t(Msg::AdmDelete), b.name))}>{ t(Msg::AdmDelete) }</Button></td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    };
    let field = |i: usize, id: &'static str, label: Msg| {
        let set = fields[i].clone();
        html! {
            <div class="field">
                <label for={id}>{ t(label) }</label>
                <input {id} type="text" value={(*fields[i]).clone()}
                    oninput={Callback::from(move |e: InputEvent| set.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
            </div>
        }
    };
    let body = html! {
        <>
            { list }
            <form class="bo-form" novalidate=true {onsubmit} aria-labelledby="adm-branch-title">
                <h4 id="adm-branch-title">{ t(Msg::AdmBranches) }</h4>
                { field(0, "adm-branch-id", Msg::AdmId) }
                { field(1, "adm-branch-name", Msg::AdmName) }
                { field(2, "adm-branch-location", Msg::AdmLocation) }
                { field(3, "adm-branch-address", Msg::AdmAddress) }
                <div class="bo-actions">
                    <Button kind="submit" disabled={*outcome == Some(Outcome::Busy)}>{ t(Msg::AdmAdd) }</Button>
                </div>
            </form>
            { outcome_view(&outcome, t, lang) }
        </>
    };
    section("adm-branches", Msg::AdmBranches, lang, body)
}
