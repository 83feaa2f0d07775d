//! A Quest's floor plans and where each task sits: plans uploaded as pictures; a task
//! placed by clicking the plan (after choosing it) or by its place in percent (for the
//! keyboard); per spot its plan and its locks (tasks to finish first); the doors
//! between plans (`doors`), whose ends are placed the same way.

use std::rc::Rc;

use suite_domain::bibster::game::{Door, Game, Problem};
use suite_domain::i18n::Msg;
use suite_ui::back_office::{described, field_error};
use suite_ui::use_lang;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};
use yew::prelude::*;

use super::doors::{Placing, door_fields};
use super::fields::{check, number, small_button};
use super::picture::PictureField;
use super::story::task_name;
use crate::builder::edit;
use crate::builder::office::Library;
use crate::builder::problems::{at, field_id, within};

/// The drawing's size: plans are shown at 4:3.
const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 750.0;

#[derive(Properties, PartialEq)]
pub(crate) struct QuestProps {
    pub(crate) library: Library,
    pub(crate) game: Rc<Game>,
    pub(crate) problems: Rc<Vec<Problem>>,
}

#[function_component]
pub(crate) fn QuestFields(props: &QuestProps) -> Html {
    let lang = use_lang();
    let (game, problems, library) = (&*props.game, props.problems.as_slice(), &props.library);
    let placing = use_state(|| None::<String>);
    // What a click on a plan places: a task (`t:<id>`) or a door's end (`d:<door>:<end>`).
    let chosen = (*placing)
        .as_deref()
        .and_then(Placing::read)
        .filter(|p| p.exists(game));
    let first_task = || game.tasks.first().map(|t| Placing::Task(t.id.clone()));
    let current = chosen.or_else(first_task);
    let placing_id = match &current {
        Some(Placing::Task(id)) => Some(id.clone()),
        _ => None,
    };
    let on_placing = {
        let placing = placing.clone();
        Callback::from(move |e: Event| {
            placing.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    let boards = game.boards.iter().enumerate().map(|(b, path)| {
        let onclick = {
            let (library, current) = (library.clone(), current.clone());
            Callback::from(move |e: MouseEvent| {
                // The plan itself (yew hears events at the page's root, so not
                // `current_target`), from the circle, image or plan clicked.
                let Some(target) = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|t| t.closest("svg.bb-board__plan").ok().flatten())
                else {
                    return;
                };
                let rect = target.get_bounding_client_rect();
                if rect.width() <= 0.0 || rect.height() <= 0.0 {
                    return;
                }
                let x = (f64::from(e.client_x()) - rect.left()) / rect.width();
                let y = (f64::from(e.client_y()) - rect.top()) / rect.height();
                match current.clone() {
                    Some(Placing::Task(task)) => library.change(move |g| edit::place(g, &task, b, x, y)),
                    Some(Placing::Door(door, end)) => library.change(move |g| edit::place_door(g, door, end, b, x, y)),
                    None => {}
                }
            })
        };
        let markers = game.spots.iter().filter(|s| s.board == b).map(|s| {
            let number = game.tasks.iter().position(|t| t.id == s.task).map(|k| k + 1).unwrap_or_default();
            let (cx, cy) = (s.x * WIDTH, s.y * HEIGHT);
            let current = placing_id.as_ref() == Some(&s.task);
            html! {
                <g class={classes!("bb-marker", current.then_some("bb-marker--current"))}>
                    <circle cx={cx.to_string()} cy={cy.to_string()} r="22" />
                    <text x={cx.to_string()} y={(cy + 8.0).to_string()} text-anchor="middle">{ number }</text>
                </g>
            }
        });
        let doors = Door::on_board(&game.doors, b).into_iter().map(|(i, end, _)| {
            let (x, y) = (end.x * WIDTH, end.y * HEIGHT);
            let here = current == Some(Placing::Door(i, usize::from(game.doors[i].ends[0].board != b)));
            html! {
                <g class={classes!("bb-door-marker", here.then_some("bb-marker--current"))}>
                    <rect x={(x - 24.0).to_string()} y={(y - 20.0).to_string()} width="48" height="40" rx="4" />
                    <text x={x.to_string()} y={(y + 8.0).to_string()} text-anchor="middle">{ format!("D{}", i + 1) }</text>
                </g>
            }
        });
        let remove = {
            let library = library.clone();
            Callback::from(move |_: MouseEvent| library.change(move |g| edit::remove_board(g, b)))
        };
        let name = format!("{} {}", Msg::BibBuildBoard.text(lang), b + 1);
        html! {
            <figure class="bb-board">
                <svg class="bb-board__plan" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={format!("{name}: {}", Msg::BibBuildClickToPlace.text(lang))} {onclick}>
                    <image href={path.clone()} width={WIDTH.to_string()} height={HEIGHT.to_string()} preserveAspectRatio="none" />
                    { for markers }
                    { for doors }
                </svg>
                <figcaption>
                    { name.clone() }{ " " }
                    { small_button(Msg::BibBuildRemove.text(lang), &format!("{}: {name}", Msg::BibBuildRemove.text(lang)), "bb-remove-board", false, remove) }
                </figcaption>
            </figure>
        }
    });
    let add_board = {
        let library = library.clone();
        Callback::from(move |path: Option<String>| {
            if let Some(path) = path {
                library.change(move |g| g.boards.push(path.clone()));
            }
        })
    };
    let spots = game.spots.iter().enumerate().map(|(i, spot)| {
        let place = |part: &str| field_id(&format!("spots[{i}].{part}"));
        let task = spot.task.clone();
        let coordinate = |horizontal: bool| {
            let (library, task, board) = (library.clone(), task.clone(), spot.board);
            let (x, y) = (spot.x, spot.y);
            Callback::from(move |text: String| {
                if let Some(f) = edit::fraction(&text) {
                    let task = task.clone();
                    let (x, y) = if horizontal { (f, y) } else { (x, f) };
                    library.change(move |g| edit::place(g, &task, board, x, y));
                }
            })
        };
        let on_board = {
            let (library, task, (x, y)) = (library.clone(), task.clone(), (spot.x, spot.y));
            Callback::from(move |e: Event| {
                if let Ok(b) = e.target_unchecked_into::<HtmlSelectElement>().value().parse::<usize>() {
                    let task = task.clone();
                    library.change(move |g| edit::place(g, &task, b, x, y));
                }
            })
        };
        let locks = game.tasks.iter().enumerate().filter(|(_, t)| t.id != spot.task).map(|(k, t)| {
            let (library, task, before) = (library.clone(), task.clone(), t.id.clone());
            let on = Callback::from(move |on: bool| {
                let (task, before) = (task.clone(), before.clone());
                library.change(move |g| edit::set_lock(g, &task, &before, on));
            });
            check(&format!("{}-{k}", place("after")), &task_name(game, &t.id, lang), spot.after.contains(&t.id), on)
        });
        let unplace = {
            let (library, task) = (library.clone(), task.clone());
            Callback::from(move |_: MouseEvent| {
                let task = task.clone();
                library.change(move |g| g.spots.retain(|s| s.task != task));
            })
        };
        let board_id = place("board");
        let board_error = at(problems, &format!("spots[{i}].board"));
        let (invalid, describedby) = described(&board_id, board_error, None);
        let row_error = at(problems, &format!("spots[{i}]")).or(at(problems, &format!("spots[{i}].task")));
        let name = task_name(game, &spot.task, lang);
        html! {
            <fieldset id={field_id(&format!("spots[{i}]"))} class="bb-spot card">
                <legend>{ name.clone() }</legend>
                { field_error(&field_id(&format!("spots[{i}]")), row_error, lang) }
                <div class="bb-row">
                    if game.boards.len() > 1 || board_error.is_some() {
                        <div class="field">
                            <label for={board_id.clone()}>{ Msg::BibBuildBoard.text(lang) }</label>
                            <select id={board_id.clone()} onchange={on_board} aria-invalid={invalid} aria-describedby={describedby}>
                                { for (0..game.boards.len().max(1)).map(|b| html! {
                                    <option value={b.to_string()} selected={b == spot.board}>{ format!("{} {}", Msg::BibBuildBoard.text(lang), b + 1) }</option>
                                }) }
                            </select>
                            { field_error(&board_id, board_error, lang) }
                        </div>
                    }
                    { number(&place("x"), Msg::BibBuildFromLeft.text(lang), &edit::percent(spot.x), true, None, lang, coordinate(true)) }
                    { number(&place("y"), Msg::BibBuildFromTop.text(lang), &edit::percent(spot.y), true, None, lang, coordinate(false)) }
                </div>
                <fieldset id={place("after")} class="bb-list">
                    <legend>{ Msg::BibBuildLocks.text(lang) }</legend>
                    { for locks }
                    { field_error(&place("after"), within(problems, &format!("spots[{i}].after")), lang) }
                </fieldset>
                { small_button(Msg::BibBuildUnplace.text(lang), &format!("{}: {name}", Msg::BibBuildUnplace.text(lang)), "bb-unplace", false, unplace) }
            </fieldset>
        }
    });
    let unplaced = game.tasks.iter().filter(|t| !game.spots.iter().any(|s| s.task == t.id)).map(|t| {
        let (library, task) = (library.clone(), t.id.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let task = task.clone();
            library.change(move |g| edit::place(g, &task, 0, 0.5, 0.5));
        });
        let name = task_name(game, &t.id, lang);
        html! {
            <li>{ format!("{name} ") }{ small_button(Msg::BibBuildPlaceIt.text(lang), &format!("{}: {name}", Msg::BibBuildPlaceIt.text(lang)), "bb-place", false, onclick) }</li>
        }
    }).collect::<Vec<_>>();
    html! {
        <section class="bb-quest" aria-labelledby="bb-spots">
            <h4 id="bb-spots" tabindex="-1">{ Msg::BibBuildPlacing.text(lang) }</h4>
            <p class="field-help">{ Msg::BibBuildPlacingHelp.text(lang) }</p>
            { field_error("bb-spots", at(problems, "spots"), lang) }
            <div class="bb-boards">{ for boards }</div>
            <PictureField library={library.id.clone()} id="bb-new-board" label={Msg::BibBuildAddBoard} value={None::<String>} on_change={add_board} />
            if !game.boards.is_empty() && !game.tasks.is_empty() {
                <div class="field">
                    <label for="bb-placing">{ Msg::BibBuildPlacingTask.text(lang) }</label>
                    <select id="bb-placing" onchange={on_placing}>
                        { for Placing::all(game).into_iter().map(|p| html! {
                            <option value={p.write()} selected={current.as_ref() == Some(&p)}>{ p.name(game, lang) }</option>
                        }) }
                    </select>
                </div>
            }
            { for spots }
            { door_fields(library, game, problems, lang) }
            if !unplaced.is_empty() {
                <h5>{ Msg::BibBuildUnplaced.text(lang) }</h5>
                <ul class="bb-unplaced">{ for unplaced }</ul>
            }
        </section>
    }
}
