//! The preview: the game played as a team would, inside the builder and without the
//! server (`play`): a Story along the path its answers choose, a Quest's open tasks to
//! pick from; each task as a team's device shows it (`task_view`), judged at once.

mod play;
mod task_view;

pub(crate) use play::Play;

use std::rc::Rc;

use suite_domain::bibster::game::{Game, Variant};
use suite_domain::bibster::task::{Answer, Verdict};
use suite_domain::i18n::Msg;
use suite_ui::back_office::focus_id_soon;
use suite_ui::use_lang;
use yew::prelude::*;

use self::task_view::TaskView;

#[derive(Properties, PartialEq)]
pub(crate) struct PreviewProps {
    pub(crate) game: Rc<Game>,
}

#[function_component]
pub(crate) fn Preview(props: &PreviewProps) -> Html {
    let lang = use_lang();
    let play = use_state(Play::default);
    let chosen = use_state(|| None::<String>);
    let said = use_state(|| None::<Verdict>);
    let game = &*props.game;
    let team = Play::team_view(game);
    let (current, chapter) = match game.variant {
        Variant::Story => match play.story_next(game) {
            Some((chapter, id)) => (Some(id.to_string()), game.chapters.get(chapter)),
            None => (None, None),
        },
        Variant::Quest => (
            chosen
                .as_ref()
                .filter(|id| play.verdict(id).is_none())
                .cloned(),
            None,
        ),
    };
    let on_answer = {
        let (play, chosen, said, game) = (
            play.clone(),
            chosen.clone(),
            said.clone(),
            props.game.clone(),
        );
        Callback::from(move |(task, answer): (String, Answer)| {
            let mut next = (*play).clone();
            let verdict = next.answer(&game, &task, answer);
            play.set(next);
            said.set(verdict);
            chosen.set(None);
            focus_id_soon("bb-preview-feedback".into());
        })
    };
    let on_hint = {
        let play = play.clone();
        Callback::from(move |task: String| {
            let mut next = (*play).clone();
            next.open_hint(&task);
            play.set(next);
        })
    };
    let restart = {
        let (play, chosen, said) = (play.clone(), chosen.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            play.set(Play::default());
            chosen.set(None);
            said.set(None);
        })
    };
    let feedback = said.map(|verdict| match verdict {
        Verdict::Right => Msg::BibBuildRightAnswer,
        Verdict::Wrong => Msg::BibBuildWrongAnswer,
        Verdict::ToReview => Msg::BibBuildToReview,
    });
    let task_view = current.as_ref().and_then(|id| {
        let shown = team.tasks.iter().find(|t| &t.id == id)?.clone();
        let hint = game.tasks.iter().find(|t| &t.id == id).and_then(|t| t.hint.as_ref()).filter(|_| play.hint_opened(id)).map(|h| h.text.clone());
        Some(html! { <TaskView key={id.clone()} task={shown} {hint} on_answer={on_answer.clone()} on_hint={on_hint.clone()} /> })
    });
    let body = match (game.variant, task_view) {
        (Variant::Story, Some(view)) => html! {
            <>
                if let Some(image) = chapter.and_then(|c| c.image.clone()) {
                    <img class="bb-thumb" src={image} alt="" />
                }
                if let Some(text) = chapter.map(|c| c.text.clone()).filter(|t| !t.trim().is_empty()) {
                    <p class="bb-preview__chapter">{ text }</p>
                }
                { view }
            </>
        },
        (Variant::Quest, Some(view)) => view,
        (Variant::Quest, None) if !play.quest_open(game).is_empty() => {
            let open = play.quest_open(game).into_iter().map(|id| {
                let chosen = chosen.clone();
                let task = id.to_string();
                let onclick = Callback::from(move |_: MouseEvent| {
                    chosen.set(Some(task.clone()));
                    focus_id_soon("bb-preview-task".into());
                });
                let name = super::editor::task_name(game, id, lang);
                html! { <li><button type="button" class="btn btn--secondary bb-preview-open" {onclick}>{ name }</button></li> }
            });
            html! {
                <>
                    <p>{ Msg::BibBuildOpenTasks.text(lang) }</p>
                    <ul class="bb-preview__open">{ for open }</ul>
                </>
            }
        }
        _ => html! { <p class="bb-preview__end">{ Msg::BibBuildPreviewEnd.text(lang) }</p> },
    };
    html! {
        <section class="bb-preview card" aria-labelledby="bb-preview-title">
            <h4 id="bb-preview-title" tabindex="-1">{ format!("{}: {}", Msg::BibBuildPreview.text(lang), game.title) }</h4>
            <p class="field-help">{ Msg::BibBuildPreviewHelp.text(lang) }</p>
            <p class="bb-preview__score" aria-live="polite">{ format!("{} {}", Msg::BibBuildScore.text(lang), play.score) }</p>
            <div id="bb-preview-feedback" tabindex="-1" role="status" class="bb-preview__feedback">
                if let Some(msg) = feedback {
                    <p>{ msg.text(lang) }</p>
                }
            </div>
            { body }
            <button type="button" class="btn btn--secondary bb-preview-restart" onclick={restart}>{ Msg::BibBuildRestart.text(lang) }</button>
        </section>
    }
}
