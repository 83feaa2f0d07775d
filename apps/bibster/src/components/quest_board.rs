//! `QuestBoard`: a Quest's floor plan with a large button per spot at its place (open,
//! locked, done) and one per door to the plan on its other side (one plan shows at a
//! time), and the same tasks as a list for the keyboard and screen readers (a locked
//! one says what it waits for, a task on another plan names that plan). Tasks without a
//! spot are in the list only.

use suite_domain::bibster::game::Door;
use suite_domain::bibster::team::TeamGame;
use suite_domain::i18n::Msg;
use suite_ui::{Button, use_t};
use yew::prelude::*;

use super::door::DoorButton;
use super::spot::SpotButton;
use crate::rules::SpotState;

#[derive(Properties, PartialEq)]
pub(crate) struct QuestBoardProps {
    pub(crate) game: TeamGame,
    /// Every task with its state, in the game's order.
    pub(crate) states: Vec<(String, SpotState)>,
    pub(crate) on_select: Callback<String>,
    /// The floor plan shown (index).
    pub(crate) board: usize,
    pub(crate) on_board: Callback<usize>,
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
    let several = game.boards.len() > 1;
    let shown = props.board.min(game.boards.len().saturating_sub(1));
    let plan_name = |b: usize| {
        if several {
            format!(
                "{} {} {} {}",
                t(Msg::BibTeamPlan),
                b + 1,
                t(Msg::BibTeamOf),
                game.boards.len()
            )
        } else {
            t(Msg::BibTeamPlan).to_string()
        }
    };
    let on_board = |to: usize| {
        let on_board = props.on_board.clone();
        Callback::from(move |()| {
            on_board.emit(to);
            suite_ui::back_office::focus_id_soon("bib-plan-heading".into());
        })
    };
    let boards = game.boards.iter().enumerate().filter(|(b, _)| *b == shown).map(|(b, picture)| {
        let doors = Door::on_board(&game.doors, b).into_iter().filter(|(_, _, to)| *to < game.boards.len()).map(|(i, end, to)| html! {
            <DoorButton label={game.doors[i].label.clone()} to={to + 1} x={end.x} y={end.y} on_go={on_board(to)} />
        });
        html! {
            <figure class="bib-board" aria-labelledby="bib-plan-heading">
                if several {
                    <figcaption><h2 id="bib-plan-heading" tabindex="-1">{ plan_name(b) }</h2></figcaption>
                }
                <div class="bib-board__plan">
                    <img class="bib-board__picture" src={picture.clone()} alt={plan_name(b)} />
                    { for doors }
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
        let elsewhere = game
            .spots
            .iter()
            .find(|s| &s.task == id)
            .filter(|s| several && s.board != shown)
            .map(|s| format!(" ({} {})", t(Msg::BibTeamOnPlan), s.board + 1))
            .unwrap_or_default();
        let text = format!("{}{elsewhere}", prompt(id));
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
