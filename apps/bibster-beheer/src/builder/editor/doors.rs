//! The doors between a Quest's floor plans in the editor: per door what it says and,
//! per end, its plan and place in percent (or placed by clicking a plan after choosing
//! the end in "what a click places"); adding and removing doors. What a click places is
//! a [`Placing`]: a task or a door's end.

use suite_domain::bibster::game::{Game, Problem};
use suite_domain::i18n::{Lang, Msg};
use suite_ui::back_office::{described, field_error, focus_id_soon};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::fields::{number, small_button, text};
use super::story::task_name;
use crate::builder::edit;
use crate::builder::office::Library;
use crate::builder::problems::{at, field_id};

/// What a click on a plan places.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Placing {
    /// The spot of a task (by id).
    Task(String),
    /// End 0 or 1 of a door (by index).
    Door(usize, usize),
}

impl Placing {
    /// As an option's value: `t:<id>` or `d:<door>:<end>`.
    pub(crate) fn write(&self) -> String {
        match self {
            Placing::Task(id) => format!("t:{id}"),
            Placing::Door(door, end) => format!("d:{door}:{end}"),
        }
    }

    pub(crate) fn read(value: &str) -> Option<Placing> {
        match value.split_once(':')? {
            ("t", id) => Some(Placing::Task(id.to_string())),
            ("d", rest) => {
                let (door, end) = rest.split_once(':')?;
                let end: usize = end.parse().ok()?;
                (end < 2).then_some(Placing::Door(door.parse().ok()?, end))
            }
            _ => None,
        }
    }

    pub(crate) fn exists(&self, game: &Game) -> bool {
        match self {
            Placing::Task(id) => game.tasks.iter().any(|t| &t.id == id),
            Placing::Door(door, _) => *door < game.doors.len(),
        }
    }

    /// Every task, then both ends of every door.
    pub(crate) fn all(game: &Game) -> Vec<Placing> {
        let tasks = game.tasks.iter().map(|t| Placing::Task(t.id.clone()));
        let doors = (0..game.doors.len()).flat_map(|d| [Placing::Door(d, 0), Placing::Door(d, 1)]);
        tasks.chain(doors).collect()
    }

    pub(crate) fn name(&self, game: &Game, lang: Lang) -> String {
        match self {
            Placing::Task(id) => task_name(game, id, lang),
            Placing::Door(door, end) => end_name(*door, *end, lang),
        }
    }
}

fn end_name(door: usize, end: usize, lang: Lang) -> String {
    format!(
        "{} {}, {} {}",
        Msg::BibBuildDoor.text(lang),
        door + 1,
        Msg::BibBuildDoorEnd.text(lang).to_lowercase(),
        end + 1
    )
}

/// The doors of `game` and a button to add one (from two plans on).
pub(crate) fn door_fields(
    library: &Library,
    game: &Game,
    problems: &[Problem],
    lang: Lang,
) -> Html {
    let doors = game.doors.iter().enumerate().map(|(i, door)| {
        let place = |part: &str| format!("doors[{i}].{part}");
        let on_label = {
            let library = library.clone();
            Callback::from(move |value: String| library.change(move |g| {
                if let Some(d) = g.doors.get_mut(i) {
                    d.label = value.clone();
                }
            }))
        };
        let ends = door.ends.iter().enumerate().map(|(k, end)| {
            let id = |part: &str| field_id(&place(&format!("ends[{k}].{part}")));
            let end = *end;
            let on_board = {
                let library = library.clone();
                Callback::from(move |e: Event| {
                    if let Ok(b) = e.target_unchecked_into::<HtmlSelectElement>().value().parse::<usize>() {
                        library.change(move |g| edit::place_door(g, i, k, b, end.x, end.y));
                    }
                })
            };
            let coordinate = |horizontal: bool| {
                let library = library.clone();
                Callback::from(move |typed: String| {
                    if let Some(f) = edit::fraction(&typed) {
                        let (x, y) = if horizontal { (f, end.y) } else { (end.x, f) };
                        library.change(move |g| edit::place_door(g, i, k, end.board, x, y));
                    }
                })
            };
            let board_id = id("board");
            let error = at(problems, &place(&format!("ends[{k}].board")));
            let (invalid, describedby) = described(&board_id, error, None);
            let off = at(problems, &place(&format!("ends[{k}]")));
            html! {
                <fieldset class="bb-door-end" id={field_id(&place(&format!("ends[{k}]")))}>
                    <legend>{ end_name(i, k, lang) }</legend>
                    { field_error(&field_id(&place(&format!("ends[{k}]"))), off, lang) }
                    <div class="bb-row">
                        <div class="field">
                            <label for={board_id.clone()}>{ Msg::BibBuildBoard.text(lang) }</label>
                            <select id={board_id.clone()} onchange={on_board} aria-invalid={invalid} aria-describedby={describedby}>
                                { for (0..game.boards.len().max(1)).map(|b| html! {
                                    <option value={b.to_string()} selected={b == end.board}>{ format!("{} {}", Msg::BibBuildBoard.text(lang), b + 1) }</option>
                                }) }
                            </select>
                            { field_error(&board_id, error, lang) }
                        </div>
                        { number(&id("x"), Msg::BibBuildFromLeft.text(lang), &edit::percent(end.x), true, None, lang, coordinate(true)) }
                        { number(&id("y"), Msg::BibBuildFromTop.text(lang), &edit::percent(end.y), true, None, lang, coordinate(false)) }
                    </div>
                </fieldset>
            }
        });
        let remove = {
            let library = library.clone();
            Callback::from(move |_: MouseEvent| {
                library.change(move |g| {
                    if i < g.doors.len() {
                        g.doors.remove(i);
                    }
                });
                focus_id_soon("bb-doors".into());
            })
        };
        let name = format!("{} {}", Msg::BibBuildDoor.text(lang), i + 1);
        html! {
            <fieldset id={field_id(&format!("doors[{i}]"))} class="bb-door card">
                <legend>{ name.clone() }</legend>
                { text(&field_id(&place("label")), Msg::BibBuildDoorLabel.text(lang), &door.label, at(problems, &place("label")), lang, on_label) }
                { for ends }
                { small_button(Msg::BibBuildRemoveDoor.text(lang), &format!("{}: {name}", Msg::BibBuildRemoveDoor.text(lang)), "bb-remove-door", false, remove) }
            </fieldset>
        }
    });
    let add = {
        let library = library.clone();
        let next = game.doors.len();
        Callback::from(move |_: MouseEvent| {
            library.change(|g| {
                edit::add_door(g);
            });
            focus_id_soon(field_id(&format!("doors[{next}].label")));
        })
    };
    // Problems of the plans themselves (one no door reaches) are shown here, where the
    // doors that mend them are.
    let unjoined = game
        .boards
        .iter()
        .enumerate()
        .filter_map(|(b, _)| {
            at(problems, &format!("boards[{b}]")).map(|msg| {
            html! {
                <li id={field_id(&format!("boards[{b}]"))} tabindex="-1">
                    { format!("{} {}: {}", Msg::BibBuildBoard.text(lang), b + 1, msg.text(lang)) }
                </li>
            }
        })
        })
        .collect::<Vec<_>>();
    html! {
        <section class="bb-doors" aria-labelledby="bb-doors">
            <h5 id="bb-doors" tabindex="-1">{ Msg::BibBuildDoors.text(lang) }</h5>
            <p class="field-help">{ Msg::BibBuildDoorsHelp.text(lang) }</p>
            if !unjoined.is_empty() {
                <ul class="form-error">{ for unjoined }</ul>
            }
            { field_error(&field_id("doors"), at(problems, "doors"), lang) }
            { for doors }
            <button type="button" class="btn btn--secondary bb-add-door" onclick={add} disabled={game.boards.len() < 2}>
                { Msg::BibBuildAddDoor.text(lang) }
            </button>
        </section>
    }
}
