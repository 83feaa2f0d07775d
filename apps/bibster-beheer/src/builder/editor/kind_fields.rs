//! The fields of each kind of task: the options of a multiple-choice task and which are
//! right, the accepted answers of an open question (or review by the leader), the number
//! and its tolerance, the items in the right order, the pairs, the code to find; a photo
//! and an information page need nothing more.

use std::rc::Rc;

use suite_domain::bibster::game::{Game, Problem};
use suite_domain::bibster::task::TaskKind;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::back_office::field_error;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::fields::{TextList, check, number, small_button, text};
use crate::builder::edit::{self, Kind};
use crate::builder::problems::{at, field_id, within};

/// Emits changes of the task's kind (applied to the editor's current game).
pub(crate) type KindChange = Callback<Rc<dyn Fn(&mut TaskKind)>>;

fn change(on: &KindChange, f: impl Fn(&mut TaskKind) + 'static) {
    on.emit(Rc::new(f));
}

/// The fields of task `index`'s kind.
pub(crate) fn kind_fields(
    index: usize,
    kind: &TaskKind,
    problems: &[Problem],
    lang: Lang,
    on: &KindChange,
) -> Html {
    let place = |part: &str| format!("tasks[{index}].{part}");
    match kind {
        TaskKind::MultipleChoice { options, correct } => {
            let correct = correct.clone();
            let on_right = on.clone();
            let right_box = move |n: usize| {
                let id = format!("{}-{n}", field_id(&place("correct")));
                let label = format!(
                    "{} ({} {})",
                    Msg::BibBuildRight.text(lang),
                    Msg::BibBuildOption.text(lang),
                    n + 1
                );
                let on_right = on_right.clone();
                check(
                    &id,
                    &label,
                    correct.contains(&n),
                    Callback::from(move |checked: bool| {
                        change(&on_right, move |k| {
                            if let TaskKind::MultipleChoice { correct, .. } = k {
                                correct.retain(|&c| c != n);
                                if checked {
                                    correct.push(n);
                                    correct.sort_unstable();
                                }
                            }
                        })
                    }),
                )
            };
            let on_options = on.clone();
            let list = TextList {
                id: field_id(&place("options")),
                legend: Msg::BibBuildOptions,
                item: Msg::BibBuildOption,
                items: options,
                error: at(problems, &place("options")),
                help: Some(Msg::BibBuildOptionsHelp),
                on: Callback::from(move |items: Vec<String>| {
                    change(&on_options, move |k| {
                        if let TaskKind::MultipleChoice { options, correct } = k {
                            // A removed option takes its "right" mark along.
                            if items.len() < options.len()
                                && let Some(gone) = options
                                    .iter()
                                    .zip(items.iter())
                                    .position(|(a, b)| a != b)
                                    .or(Some(items.len()))
                            {
                                correct.retain(|&c| c != gone);
                                for c in correct.iter_mut() {
                                    if *c > gone {
                                        *c -= 1;
                                    }
                                }
                            }
                            *options = items.clone();
                        }
                    })
                }),
                extra: Some(&right_box),
            };
            let right_id = field_id(&place("correct"));
            html! {
                <>
                    { list.view(lang) }
                    <div id={right_id.clone()}>{ field_error(&right_id, at(problems, &place("correct")), lang) }</div>
                </>
            }
        }
        TaskKind::OpenText { accepted, review } => {
            let on_list = on.clone();
            let on_review = on.clone();
            let list = TextList {
                id: field_id(&place("accepted")),
                legend: Msg::BibBuildAccepted,
                item: Msg::BibBuildAnswer,
                items: accepted,
                error: within(problems, &place("accepted")),
                help: Some(Msg::BibBuildAcceptedHelp),
                on: Callback::from(move |items: Vec<String>| {
                    change(&on_list, move |k| {
                        if let TaskKind::OpenText { accepted, .. } = k {
                            *accepted = items.clone();
                        }
                    })
                }),
                extra: None,
            };
            html! {
                <>
                    { list.view(lang) }
                    { check(&field_id(&place("review")), Msg::BibBuildReview.text(lang), *review, Callback::from(move |on: bool| change(&on_review, move |k| {
                        if let TaskKind::OpenText { review, .. } = k {
                            *review = on;
                        }
                    }))) }
                </>
            }
        }
        TaskKind::Number { value, tolerance } => {
            let error =
                at(problems, &format!("tasks[{index}]")).filter(|m| *m == Msg::BibBuildPNumber);
            let (on_value, on_tolerance) = (on.clone(), on.clone());
            html! {
                <div class="bb-row">
                    { number(&field_id(&place("value")), Msg::BibBuildValue.text(lang), &value.to_string(), true, error, lang, Callback::from(move |t: String| {
                        if let Some(n) = edit::number(&t) {
                            change(&on_value, move |k| if let TaskKind::Number { value, .. } = k { *value = n; });
                        }
                    })) }
                    { number(&field_id(&place("tolerance")), Msg::BibBuildTolerance.text(lang), &tolerance.to_string(), true, None, lang, Callback::from(move |t: String| {
                        if let Some(n) = edit::number(&t).filter(|n| *n >= 0.0) {
                            change(&on_tolerance, move |k| if let TaskKind::Number { tolerance, .. } = k { *tolerance = n; });
                        }
                    })) }
                </div>
            }
        }
        TaskKind::Order { items } => {
            let on_list = on.clone();
            TextList {
                id: field_id(&place("items")),
                legend: Msg::BibBuildItems,
                item: Msg::BibBuildItem,
                items,
                error: at(problems, &place("items")),
                help: Some(Msg::BibBuildItemsHelp),
                on: Callback::from(move |items: Vec<String>| {
                    change(&on_list, move |k| {
                        if let TaskKind::Order { items: old } = k {
                            *old = items.clone();
                        }
                    })
                }),
                extra: None,
            }
            .view(lang)
        }
        TaskKind::MatchPairs { pairs } => pair_fields(index, pairs, problems, lang, on),
        TaskKind::FindCode { code } => {
            let on_code = on.clone();
            html! {
                <>
                    { text(&field_id(&place("code")), Msg::BibBuildCode.text(lang), code, at(problems, &place("code")), lang, Callback::from(move |t: String| change(&on_code, move |k| {
                        if let TaskKind::FindCode { code } = k {
                            *code = t.clone();
                        }
                    }))) }
                    <p class="field-help">{ Msg::BibBuildCodeHelp.text(lang) }</p>
                </>
            }
        }
        TaskKind::Photo => {
            html! { <p class="field-help">{ Msg::BibBuildPhotoHelp.text(lang) }</p> }
        }
        TaskKind::Info => html! { <p class="field-help">{ Msg::BibBuildInfoHelp.text(lang) }</p> },
    }
}

/// The pairs of a match task: a left and a right text per pair.
fn pair_fields(
    index: usize,
    pairs: &[(String, String)],
    problems: &[Problem],
    lang: Lang,
    on: &KindChange,
) -> Html {
    let id = field_id(&format!("tasks[{index}].pairs"));
    let error = at(problems, &format!("tasks[{index}].pairs"));
    let rows = pairs.iter().enumerate().map(|(n, (left, right))| {
        let side = |right_side: bool, value: &str| {
            let field = format!("{id}-{n}-{}", if right_side { "right" } else { "left" });
            let label = format!("{} {} ({})", Msg::BibBuildPair.text(lang), n + 1, if right_side { Msg::BibBuildRightSide.text(lang) } else { Msg::BibBuildLeftSide.text(lang) });
            let on = on.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let value = e.target_unchecked_into::<HtmlInputElement>().value();
                change(&on, move |k| {
                    if let TaskKind::MatchPairs { pairs } = k
                        && let Some(pair) = pairs.get_mut(n)
                    {
                        if right_side { pair.1 = value.clone() } else { pair.0 = value.clone() }
                    }
                });
            });
            html! {
                <div class="field">
                    <label for={field.clone()}>{ label }</label>
                    <input id={field} type="text" value={value.to_string()} {oninput} />
                </div>
            }
        };
        let remove = {
            let on = on.clone();
            Callback::from(move |_: MouseEvent| change(&on, move |k| {
                if let TaskKind::MatchPairs { pairs } = k && n < pairs.len() {
                    pairs.remove(n);
                }
            }))
        };
        let name = format!("{}: {} {}", Msg::BibBuildRemove.text(lang), Msg::BibBuildPair.text(lang), n + 1);
        html! {
            <li class="bb-list__row">
                { side(false, left) }{ side(true, right) }
                { small_button(Msg::BibBuildRemove.text(lang), &name, "bb-remove-item", false, remove) }
            </li>
        }
    });
    let add = {
        let on = on.clone();
        Callback::from(move |_: MouseEvent| {
            change(&on, |k| {
                if let TaskKind::MatchPairs { pairs } = k {
                    pairs.push((String::new(), String::new()));
                }
            })
        })
    };
    let add_name = format!(
        "{}: {}",
        Msg::BibBuildAdd.text(lang),
        Msg::BibBuildPair.text(lang)
    );
    html! {
        <fieldset id={id.clone()} class="bb-list">
            <legend>{ Msg::BibBuildPairs.text(lang) }</legend>
            <ol class="bb-list__rows">{ for rows }</ol>
            { small_button(&add_name, &add_name, "bb-add-item", false, add) }
            { field_error(&field_id(&format!("tasks[{index}].pairs")), error, lang) }
        </fieldset>
    }
}

/// The kind select's options.
pub(crate) fn kind_options(current: Kind, lang: Lang) -> Html {
    let options = Kind::ALL.iter().map(|k| {
        html! {
            <option value={k.slug()} selected={*k == current}>{ k.name().text(lang) }</option>
        }
    });
    html! { <>{ for options }</> }
}

/// Applies a change of a task's kind fields to task `index` of `game`, and keeps
/// branches in step with the options.
pub(crate) fn apply(game: &mut Game, index: usize, f: &dyn Fn(&mut TaskKind)) {
    if let Some(task) = game.tasks.get_mut(index) {
        f(&mut task.kind);
    }
    edit::sync_branches(game);
}
