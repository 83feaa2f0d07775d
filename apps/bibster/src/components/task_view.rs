//! `TaskView`: one task as the team sees it: its prompt (focused when it appears), its
//! picture, the countdown of a time limit, the hint, and the form of its kind. Showing
//! it opens it on the server (its time limit starts on the server's clock).

use suite_domain::bibster::api::TaskOpened;
use suite_domain::bibster::task::Answer;
use suite_domain::bibster::team::{TeamTask, TeamTaskKind};
use suite_domain::i18n::Msg;
use suite_ui::{Button, use_t};
use web_sys::HtmlElement;
use yew::prelude::*;

use super::choice::Choice;
use super::countdown::Countdown;
use super::hint::Hint;
use super::order::Order;
use super::pairs::Pairs;
use super::photo::Photo;
use super::typed::{Typed, TypedKind};
use crate::net;

#[derive(Properties, PartialEq)]
pub(crate) struct TaskViewProps {
    pub(crate) task: TeamTask,
    pub(crate) opened: Option<TaskOpened>,
    pub(crate) offset_ms: i64,
    pub(crate) token: AttrValue,
    pub(crate) on_opened: Callback<TaskOpened>,
    pub(crate) on_answer: Callback<Answer>,
    /// A photo was sent (its answer is on the server).
    pub(crate) on_photo: Callback<()>,
}

#[function_component]
pub(crate) fn TaskView(props: &TaskViewProps) -> Html {
    let t = use_t();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        let (token, id, known) = (
            props.token.clone(),
            props.task.id.clone(),
            props.opened.is_some(),
        );
        let on_opened = props.on_opened.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
            if !known {
                yew::platform::spawn_local(async move {
                    if let Ok(opened) = net::open(&token, &id, false).await {
                        on_opened.emit(opened);
                    }
                });
            }
        });
    }
    let task = &props.task;
    let answer = props.on_answer.clone();
    let form = match &task.kind {
        TeamTaskKind::MultipleChoice { options, several } => html! {
            <Choice id={task.id.clone()} options={options.clone()} several={*several} on_answer={answer} />
        },
        TeamTaskKind::OpenText => html! { <Typed kind={TypedKind::Text} on_answer={answer} /> },
        TeamTaskKind::Number => html! { <Typed kind={TypedKind::Number} on_answer={answer} /> },
        TeamTaskKind::FindCode => html! { <Typed kind={TypedKind::Code} on_answer={answer} /> },
        TeamTaskKind::Order { items } => {
            html! { <Order items={items.clone()} on_answer={answer} /> }
        }
        TeamTaskKind::MatchPairs { left, right } => html! {
            <Pairs left={left.clone()} right={right.clone()} on_answer={answer} />
        },
        TeamTaskKind::Photo => html! {
            <Photo task={task.id.clone()} token={props.token.clone()} on_sent={props.on_photo.clone()} />
        },
        TeamTaskKind::Info => html! {
            <Button big=true class="bib-read" onclick={answer.reform(|_| Answer::Read)}>
                { t(Msg::BibTeamRead) }
            </Button>
        },
    };
    let limit = task
        .time_limit_secs
        .zip(props.opened.as_ref().map(|o| o.opened_ms));
    html! {
        <article class="bib-task" aria-labelledby="bib-task-prompt">
            <h2 id="bib-task-prompt" class="bib-task__prompt" tabindex="-1" ref={heading}>
                { task.prompt.clone() }
            </h2>
            if task.points > 0 {
                <p class="bib-task__points">{ t(Msg::BibTeamScore) }{ ": " }{ task.points }</p>
            }
            if let Some(image) = &task.image {
                <img class="bib-task__image" src={image.clone()} alt="" />
            }
            if let Some((limit, opened_ms)) = limit {
                <Countdown {opened_ms} limit_secs={limit} offset_ms={props.offset_ms} />
            }
            if let Some(cost) = task.hint_cost {
                <Hint task={task.id.clone()} {cost} token={props.token.clone()}
                      text={props.opened.as_ref().and_then(|o| o.hint.clone())}
                      on_opened={props.on_opened.clone()} />
            }
            { form }
        </article>
    }
}
