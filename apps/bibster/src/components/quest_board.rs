//! `QuestBoard`: a Quest's floor plans with a large button per spot at its place (open,
//! locked, done), and the same tasks as a list for the keyboard and screen readers (a
//! locked one says what it waits for). Tasks without a spot are in the list only.

use suite_domain::bibster::team::TeamGame;
use suite_domain::i18n::Msg;
use suite_ui::{Button, use_t};
use yew::prelude::*;

use super::spot::SpotButton;
use crate::rules::SpotState;

#[derive(Properties, PartialEq)]
pub(crate) struct QuestBoardProps {
    pub(crate) game: TeamGame,
    /// Every task with its state, in the game's order.
    pub(crate) states: Vec<(String, SpotState)>,
    pub(crate) on_select: Callback<String>,
}

#[function_component]
pub(crate) fn QuestBoard(props: &QuestBoardProps) -> Html {
    let t = use_t();
    let game = &props.game;
    let number = |id: &str| {
        game.tasks
            .iter()
            .position(|t| t.id == id)
            .map_or(0, |i| i + 1)
    };
    let prompt = |id: &str| {
        game.tasks
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.prompt.clone())
            .unwrap_or_default()
    };
    let state_of = |id: &str| {
        props
            .states
            .iter()
            .find(|(t, _)| t == id)
            .map_or(SpotState::Done, |(_, s)| s.clone())
    };
    let all_done = props.states.iter().all(|(_, s)| *s == SpotState::Done);
    let boards = game.boards.iter().enumerate().map(|(b, picture)| {
        html! {
            <figure class="bib-board">
                <div class="bib-board__plan">
                    <img class="bib-board__picture" src={picture.clone()} alt={t(Msg::BibTeamPlan)} />
                    { for game.spots.iter().filter(|s| s.board == b).map(|spot| html! {
                        <SpotButton number={number(&spot.task)} label={prompt(&spot.task)}
                                    state={state_of(&spot.task)} x={spot.x} y={spot.y}
                                    on_open={props.on_select.reform({
                                        let id = spot.task.clone();
                                        move |()| id.clone()
                                    })} />
                    }) }
                </div>
            </figure>
        }
    });
    let items = props.states.iter().map(|(id, state)| {
        let n = number(id);
        let text = prompt(id);
        let body = match state {
            SpotState::Open => {
                let open = props.on_select.reform({
                    let id = id.clone();
                    move |_: MouseEvent| id.clone()
                });
                html! {
                    <Button class="bib-task-link" onclick={open}>
                        <span class="bib-task-link__number">{ n }</span>{ " " }{ text }
                    </Button>
                }
            }
            SpotState::Locked(waits) => {
                let names: Vec<String> = waits.iter().map(|w| format!("{} ({})", number(w), prompt(w))).collect();
                html! {
                    <p class="bib-task-locked">
                        <span class="bib-task-link__number">{ n }</span>{ " " }{ text }
                        <span class="bib-task-state">{ t(Msg::BibTeamSpotLocked) }{ " " }{ names.join(", ") }</span>
                    </p>
                }
            }
            SpotState::Done => html! {
                <p class="bib-task-done">
                    <span class="bib-task-link__number">{ n }</span>{ " " }{ text }
                    <span class="bib-task-state">{ "✓ " }{ t(Msg::BibTeamSpotDone) }</span>
                </p>
            },
        };
        html! { <li class="bib-tasks__item">{ body }</li> }
    });
    html! {
        <div class="bib-quest">
            if all_done {
                <p class="bib-done" role="status">{ t(Msg::BibTeamAllDone) }</p>
            }
            { for boards }
            <section aria-labelledby="bib-tasks-heading">
                <h2 id="bib-tasks-heading" tabindex="-1">{ t(Msg::BibTeamTasks) }</h2>
                <ol class="bib-tasks">{ for items }</ol>
            </section>
        </div>
    }
}
