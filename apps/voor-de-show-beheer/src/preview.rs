//! A show's preview: what the game gets (`/api/voor-de-show/shows/{id}/preview`), with
//! its title and first image, and per assignment the texts a class of the chosen grade
//! sees (`suite_domain::show::resolve`), each general text marked "algemene tekst";
//! a link opens the game itself with the show (`/voor-de-show/?voorbeeld=<id>`).

use suite_domain::i18n::Msg;
use suite_domain::show::api::PlayShow;
use suite_domain::show::{Grade, Sourced, resolve};
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::load_failed;
use suite_ui::{Loading, use_lang};
use web_sys::HtmlSelectElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::rules::grade_msg;
use crate::show_form::use_content;

#[derive(Properties, PartialEq)]
pub(crate) struct PreviewProps {
    pub(crate) show: i64,
}

fn part(label: Msg, value: Sourced<&str>, lang: suite_domain::i18n::Lang) -> Html {
    let class = if value.is_fallback() {
        "vds-bo-part vds-bo-fallback"
    } else {
        "vds-bo-part"
    };
    html! {
        <div class={class}>
            <dt>{ label.text(lang) }</dt>
            <dd>
                { value.value.to_string() }
                if value.is_fallback() {
                    <span class="vds-bo-mark" title={Msg::ShowFallback.text(lang)}>{ Msg::VdsAdminGeneric.text(lang) }</span>
                }
            </dd>
        </div>
    }
}

#[function_component]
pub(crate) fn Preview(props: &PreviewProps) -> Html {
    let lang = use_lang();
    let content = use_content();
    let load = use_state(|| None::<Result<PlayShow, ApiError>>);
    let attempt = use_state(|| 0_u32);
    let grade = use_state(|| None::<Grade>);
    {
        let (load, path) = (
            load.clone(),
            format!("/api/voor-de-show/shows/{}/preview", props.show),
        );
        use_effect_with(*attempt, move |_| {
            spawn_local(async move { load.set(Some(api::get::<PlayShow>(&path).await)) });
        });
    }
    let body = match (&*load, content.as_ref()) {
        (None, _) | (_, None) => html! { <Loading /> },
        (Some(Err(error)), _) => load_failed(error, lang, &attempt),
        (Some(Ok(play)), Some(content)) => {
            let chosen = (*grade)
                .or(play.show.grades.first().copied())
                .unwrap_or(Grade::Ages6To8);
            let on_grade = {
                let grade = grade.clone();
                Callback::from(move |e: Event| {
                    let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                    grade.set(Grade::from_label(&value));
                })
            };
            let options = Grade::ALL.iter().map(|g| html! {
                <option value={g.label()} selected={*g == chosen}>{ grade_msg(*g).text(lang) }</option>
            });
            let image = play.show.images.first().map(|id| html! {
                <img id="vds-bo-preview-image" src={api::url(&format!("/api/voor-de-show/media/{id}"))} alt={play.show.title.clone()} />
            });
            let assignments = content.assignments.iter().filter_map(|a| {
                let r = resolve(content, Some(&play.show), &a.id, chosen, lang)?;
                let picture = r.image.value.map(|id| {
                    html! {
                        <img src={api::url(&format!("/api/voor-de-show/media/{id}"))} alt="" />
                    }
                });
                Some(html! {
                    <section class="vds-bo-assignment" data-assignment={a.id.clone()}>
                        <h6>{ r.title.value.to_string() }</h6>
                        <dl>
                            { part(Msg::VdsAdminPartShow, r.show_title, lang) }
                            { part(Msg::VdsAdminPartGoal, r.goal, lang) }
                            { part(Msg::VdsAdminPartActivity, r.activity, lang) }
                            { part(Msg::VdsAdminPartPrompt, r.prompt, lang) }
                        </dl>
                        { for picture }
                    </section>
                })
            });
            html! {
                <>
                    <h5 id="vds-bo-preview-show">{ play.show.title.clone() }</h5>
                    { for image }
                    <p><a class="button" href={format!("/voor-de-show/?voorbeeld={}", props.show)}>{ Msg::VdsAdminOpenGame.text(lang) }</a></p>
                    <label for="vds-bo-preview-grade">{ Msg::VdsAdminGradeLabel.text(lang) }</label>
                    <select id="vds-bo-preview-grade" onchange={on_grade}>{ for options }</select>
                    { for assignments }
                </>
            }
        }
    };
    html! {
        <section class="card vds-bo-preview" aria-labelledby="vds-bo-preview-title">
            <h4 id="vds-bo-preview-title" tabindex="-1">{ Msg::VdsAdminPreviewTitle.text(lang) }</h4>
            { body }
        </section>
    }
}
