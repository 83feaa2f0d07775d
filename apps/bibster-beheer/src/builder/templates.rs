//! The view "Sjablonen": the template library (games libraries share, each with its
//! library's name); a copy of one comes into the library as a draft to adapt, linked to
//! its source, and opens in the editor.

use suite_domain::bibster::api::{GameRecord, Template};
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{focus_id_soon, section};
use suite_ui::{EmptyState, Loading, use_lang};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::edit::variant_name;
use super::games::may_drop;
use super::office::{Draft, Library, TEMPLATES_HEADING, failed};

#[derive(Properties, PartialEq)]
pub(crate) struct TemplatesProps {
    pub(crate) library: Library,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Loaded(Vec<Template>),
    Failed(ApiError),
}

#[function_component]
pub(crate) fn TemplatesSection(props: &TemplatesProps) -> Html {
    let lang = use_lang();
    let load = use_state(|| Load::Loading);
    let attempt = use_state(|| 0_u32);
    let notice = use_state(|| None::<(String, Option<Draft>)>);
    let busy = use_state(|| false);
    {
        let load = load.clone();
        use_effect_with(*attempt, move |_| {
            spawn_local(async move {
                match api::get::<Vec<Template>>("/api/bibster/templates").await {
                    Ok(list) => load.set(Load::Loaded(list)),
                    Err(error) => load.set(Load::Failed(error)),
                }
            });
        });
    }
    let copy = |template: &Template| {
        let (library, notice, busy) = (props.library.clone(), notice.clone(), busy.clone());
        let id = template.id;
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            notice.set(Some((Msg::BibBuildWorking.text(lang).to_string(), None)));
            let (library, notice, busy) = (library.clone(), notice.clone(), busy.clone());
            spawn_local(async move {
                let path = format!("/api/bibster/{}/games/{id}/copy", library.id);
                match api::post::<_, GameRecord>(&path, &()).await {
                    Ok(record) => {
                        library.version.set(*library.version + 1);
                        let text = format!(
                            "{} {}",
                            Msg::BibBuildCopied.text(lang),
                            record.summary.title
                        );
                        let draft = Draft {
                            id: Some(record.summary.id),
                            saved: Some(record.game.clone()),
                            game: record.game,
                        };
                        notice.set(Some((text, Some(draft))));
                    }
                    Err(error) => notice.set(Some((error.localized(lang), None))),
                }
                busy.set(false);
                focus_id_soon("bb-templates-notice".into());
            });
        })
    };
    let open = notice.as_ref().and_then(|(_, d)| d.clone()).map(|draft| {
        let library = props.library.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if may_drop(&library.draft.0, lang) {
                library.edit(draft.clone());
                to_view("spellen");
            }
        });
        html! { <button type="button" class="btn btn--primary bb-open-copy" {onclick}>{ Msg::BibBuildOpenCopy.text(lang) }</button> }
    });
    let body = match &*load {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => failed(error, lang, &attempt),
        Load::Loaded(list) if list.is_empty() => {
            html! { <EmptyState message={Msg::BibBuildNoTemplates} /> }
        }
        Load::Loaded(list) => {
            let rows = list.iter().map(|t| html! {
                <tr class="bb-template" data-game={t.id.to_string()}>
                    <th scope="row">{ t.title.clone() }</th>
                    <td>{ variant_name(t.variant).text(lang) }</td>
                    <td class="bo-num">{ t.tasks }</td>
                    <td class="bb-template__library">{ t.library_name.clone() }</td>
                    <td>
                        <button type="button" class="btn btn--secondary bb-copy" onclick={copy(t)}
                            aria-label={format!("{}: {}", Msg::BibBuildCopy.text(lang), t.title)}>{ Msg::BibBuildCopy.text(lang) }</button>
                    </td>
                </tr>
            });
            let columns = [
                Msg::BibBuildTitleLabel,
                Msg::BibBuildVariant,
                Msg::BibBuildTasks,
                Msg::BibBuildFromLibrary,
                Msg::BibBuildActions,
            ];
            html! {
                <div class="bb-table-wrap">
                    <table class="bo-table bb-templates">
                        <caption class="visually-hidden">{ Msg::BibBuildTemplates.text(lang) }</caption>
                        <thead><tr>{ for columns.iter().map(|c| html! { <th scope="col">{ c.text(lang) }</th> }) }</tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        }
    };
    section(
        TEMPLATES_HEADING,
        Msg::BibBuildTemplates,
        lang,
        html! {
            <>
                <p>{ Msg::BibBuildTemplatesHelp.text(lang) }</p>
                <div role="status" class="bb-status">
                    if let Some((text, _)) = &*notice {
                        <p id="bb-templates-notice" class="staff-notice" tabindex="-1">{ text.clone() }</p>
                    }
                </div>
                { open }
                { body }
            </>
        },
    )
}

/// Moves to the builder's view `slug` as its link would (a new history entry that
/// `SectionViews` follows).
pub(crate) fn to_view(slug: &str) {
    suite_ui::history::push(&suite_ui::history::href(&suite_ui::view_query(slug)));
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("popstate")) {
        let _ = window.dispatch_event(&event);
    }
}
