//! Playing: the team's name and score (always visible), answers waiting to be sent, the
//! leader's messages, then a Story's next task along its path or a Quest's floor plan
//! and list; after an answer, whether it was right (or waits for the leader, or waits to
//! be sent), then on.

use suite_domain::bibster::api::{PlayState, TaskOpened};
use suite_domain::bibster::game::Variant;
use suite_domain::bibster::task::Answer;
use suite_domain::i18n::Msg;
use suite_ui::{Button, ButtonVariant, use_t};
use yew::prelude::*;

use crate::components::{Feedback, Messages, QuestBoard, StatusBar, TaskView};
use crate::hooks::use_outbox;
use crate::rules::{Pending, quest_states, story_next};

#[derive(Properties, PartialEq)]
pub(crate) struct PlayPageProps {
    pub(crate) play: PlayState,
    pub(crate) token: AttrValue,
    pub(crate) offset_ms: i64,
    /// The last read of the state found no connection.
    pub(crate) offline: bool,
    pub(crate) on_opened: Callback<TaskOpened>,
    pub(crate) on_refresh: Callback<()>,
}

#[function_component]
pub(crate) fn PlayPage(props: &PlayPageProps) -> Html {
    let t = use_t();
    let outbox = use_outbox(Some(props.token.to_string()), props.on_refresh.clone());
    // The task just answered (its result shows until "Verder").
    let feedback = use_state(|| None::<String>);
    // A Quest's task the team opened from the plan or the list.
    let selected = use_state(|| None::<String>);
    // The floor plan a Quest shows (it stays while a task is open).
    let board = use_state(|| 0_usize);
    let play = &props.play;

    let on_answer = {
        let (push, feedback, selected) = (outbox.push.clone(), feedback.clone(), selected.clone());
        Callback::from(move |(task, answer): (String, Answer)| {
            let read = answer == Answer::Read;
            push.emit(Pending {
                task: task.clone(),
                answer,
            });
            if read {
                selected.set(None);
            } else {
                feedback.set(Some(task));
            }
        })
    };
    let on_photo = {
        let (feedback, refresh) = (feedback.clone(), props.on_refresh.clone());
        Callback::from(move |task: String| {
            feedback.set(Some(task));
            refresh.emit(());
        })
    };
    let go_on = {
        let (feedback, selected) = (feedback.clone(), selected.clone());
        Callback::from(move |()| {
            feedback.set(None);
            selected.set(None);
        })
    };
    let task_view = |id: &str| {
        let task = play.game.tasks.iter().find(|t| t.id == id)?.clone();
        let opened = play.opened.iter().find(|o| o.task == id).cloned();
        let on_answer = on_answer.reform({
            let id = id.to_string();
            move |answer: Answer| (id.clone(), answer)
        });
        let on_photo = on_photo.reform({
            let id = id.to_string();
            move |()| id.clone()
        });
        Some(html! {
            <TaskView key={id.to_string()} {task} {opened} offset_ms={props.offset_ms}
                      token={props.token.clone()} on_opened={props.on_opened.clone()}
                      {on_answer} {on_photo} />
        })
    };

    let content = if let Some(task) = (*feedback).clone() {
        let result = play.answers.iter().find(|a| a.task == task).cloned();
        let waiting = outbox.pending.iter().any(|p| p.task == task);
        html! { <Feedback key={task} {result} {waiting} on_next={go_on} /> }
    } else {
        match play.game.variant {
            Variant::Story => match story_next(&play.game, &play.answers, &outbox.pending) {
                Some((chapter, id)) => {
                    let (text, image) = play
                        .game
                        .chapters
                        .get(chapter)
                        .map(|c| (c.text.clone(), c.image.clone()))
                        .unwrap_or_default();
                    html! {
                        <>
                            if let Some(image) = image {
                                <img class="bib-chapter__image" src={image} alt="" />
                            }
                            if !text.trim().is_empty() {
                                <div class="bib-chapter">
                                    { for text.split("\n\n").map(|p| html! { <p>{ p.to_string() }</p> }) }
                                </div>
                            }
                            { task_view(id).unwrap_or_default() }
                        </>
                    }
                }
                None => {
                    html! { <p class="bib-done" role="status">{ t(Msg::BibTeamStoryDone) }</p> }
                }
            },
            Variant::Quest => {
                let states = quest_states(&play.game, &play.answers, &outbox.pending);
                let open = (*selected).clone().filter(|id| {
                    states
                        .iter()
                        .any(|(t, s)| t == id && *s == crate::rules::SpotState::Open)
                });
                match open.and_then(|id| task_view(&id)) {
                    Some(view) => {
                        let back = {
                            let selected = selected.clone();
                            Callback::from(move |_: MouseEvent| selected.set(None))
                        };
                        html! {
                            <>
                                <Button variant={ButtonVariant::Secondary} class="bib-back" onclick={back}>
                                    <span aria-hidden="true">{ "← " }</span>{ t(Msg::BibTeamBackToPlan) }
                                </Button>
                                { view }
                            </>
                        }
                    }
                    None => {
                        let on_select = {
                            let selected = selected.clone();
                            Callback::from(move |id: String| selected.set(Some(id)))
                        };
                        let on_board = {
                            let board = board.clone();
                            Callback::from(move |b: usize| board.set(b))
                        };
                        html! { <QuestBoard game={play.game.clone()} {states} {on_select} board={*board} {on_board} /> }
                    }
                }
            }
        }
    };
    html! {
        <div class="bib-play">
            <StatusBar name={play.name.clone()} score={play.score}
                       waiting={!outbox.pending.is_empty()} offline={props.offline}
                       refused={outbox.refused.clone()} />
            <Messages messages={play.messages.clone()} />
            { content }
        </div>
    }
}
