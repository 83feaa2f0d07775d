//! One task as a team's device shows it (`TeamTask`: no answers, items shuffled), with
//! the control its kind needs, the hint on demand, and the answer sent in the order the
//! team saw.

use suite_domain::bibster::task::Answer;
use suite_domain::bibster::team::{TeamTask, TeamTaskKind};
use suite_domain::i18n::Msg;
use suite_ui::use_lang;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::builder::edit;

#[derive(Properties, PartialEq)]
pub(crate) struct TaskViewProps {
    pub(crate) task: TeamTask,
    /// The hint's text, once opened.
    pub(crate) hint: Option<String>,
    pub(crate) on_answer: Callback<(String, Answer)>,
    pub(crate) on_hint: Callback<String>,
}

#[function_component]
pub(crate) fn TaskView(props: &TaskViewProps) -> Html {
    let lang = use_lang();
    let task = &props.task;
    // What the team chose or typed so far: chosen options, typed text, its order of the
    // items (places in the shown list), the right item per left one.
    let chosen = use_state(Vec::<usize>::new);
    let typed = use_state(String::new);
    let order = use_state(|| match &task.kind {
        TeamTaskKind::Order { items } => (0..items.len()).collect::<Vec<_>>(),
        _ => vec![],
    });
    let pairs = use_state(|| match &task.kind {
        TeamTaskKind::MatchPairs { left, .. } => vec![usize::MAX; left.len()],
        _ => vec![],
    });
    let onsubmit = {
        let (task, chosen, typed, order, pairs, on) = (
            task.clone(),
            chosen.clone(),
            typed.clone(),
            order.clone(),
            pairs.clone(),
            props.on_answer.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let answer = match &task.kind {
                TeamTaskKind::MultipleChoice { .. } => Answer::Choices((*chosen).clone()),
                TeamTaskKind::OpenText | TeamTaskKind::FindCode => Answer::Text((*typed).clone()),
                TeamTaskKind::Number => match edit::number(&typed) {
                    Some(n) => Answer::Number(n),
                    None => return,
                },
                TeamTaskKind::Order { .. } => Answer::Order((*order).clone()),
                TeamTaskKind::MatchPairs { .. } => Answer::Pairs((*pairs).clone()),
                TeamTaskKind::Photo => Answer::Photo("preview".into()),
                TeamTaskKind::Info => Answer::Read,
            };
            on.emit((task.id.clone(), answer));
        })
    };
    let on_typed = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            typed.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let control = match &task.kind {
        TeamTaskKind::MultipleChoice { options, several } => {
            let kind = if *several { "checkbox" } else { "radio" };
            let boxes = options.iter().enumerate().map(|(n, option)| {
                let checked = chosen.contains(&n);
                let (chosen, several) = (chosen.clone(), *several);
                let onchange = Callback::from(move |e: Event| {
                    let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                    let mut next: Vec<usize> = if several { (*chosen).clone() } else { vec![] };
                    next.retain(|&c| c != n);
                    if on {
                        next.push(n);
                    }
                    chosen.set(next);
                });
                let id = format!("bb-preview-option-{n}");
                html! {
                    <label class="bo-check" for={id.clone()}>
                        <input type={kind} name="bb-preview-choice" {id} {checked} {onchange} />{ option.clone() }
                    </label>
                }
            });
            html! { <fieldset><legend>{ Msg::BibBuildChoose.text(lang) }</legend>{ for boxes }</fieldset> }
        }
        TeamTaskKind::OpenText | TeamTaskKind::FindCode | TeamTaskKind::Number => {
            let label = match &task.kind {
                TeamTaskKind::FindCode => Msg::BibBuildCode,
                TeamTaskKind::Number => Msg::BibBuildValue,
                _ => Msg::BibBuildAnswer,
            };
            let mode = if task.kind == TeamTaskKind::Number {
                "decimal"
            } else {
                "text"
            };
            html! {
                <div class="field">
                    <label for="bb-preview-text">{ label.text(lang) }</label>
                    <input id="bb-preview-text" type="text" inputmode={mode} value={(*typed).clone()} oninput={on_typed} />
                </div>
            }
        }
        TeamTaskKind::Order { items } => {
            let rows = order.iter().enumerate().map(|(place, &item)| {
                let mover = |up: bool| {
                    let order = order.clone();
                    Callback::from(move |_: MouseEvent| {
                        let mut next = (*order).clone();
                        let other = if up { place.checked_sub(1) } else { (place + 1 < next.len()).then_some(place + 1) };
                        if let Some(other) = other {
                            next.swap(place, other);
                            order.set(next);
                        }
                    })
                };
                let text = items.get(item).cloned().unwrap_or_default();
                html! {
                    <li class="bb-list__row">
                        <span>{ text.clone() }</span>
                        <button type="button" class="btn btn--secondary bb-small" disabled={place == 0} onclick={mover(true)}
                            aria-label={format!("{}: {text}", Msg::BibBuildUp.text(lang))}>{ Msg::BibBuildUp.text(lang) }</button>
                        <button type="button" class="btn btn--secondary bb-small" disabled={place + 1 == order.len()} onclick={mover(false)}
                            aria-label={format!("{}: {text}", Msg::BibBuildDown.text(lang))}>{ Msg::BibBuildDown.text(lang) }</button>
                    </li>
                }
            });
            html! { <ol class="bb-list__rows">{ for rows }</ol> }
        }
        TeamTaskKind::MatchPairs { left, right } => {
            let rows = left.iter().enumerate().map(|(n, l)| {
                let picked = pairs[n];
                let pairs = pairs.clone();
                let onchange = Callback::from(move |e: Event| {
                    let mut next = (*pairs).clone();
                    next[n] = e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(usize::MAX);
                    pairs.set(next);
                });
                let id = format!("bb-preview-pair-{n}");
                html! {
                    <div class="field">
                        <label for={id.clone()}>{ l.clone() }</label>
                        <select {id} {onchange}>
                            <option value="" selected={picked == usize::MAX}>{ Msg::BibBuildChoose.text(lang) }</option>
                            { for right.iter().enumerate().map(|(r, text)| html! { <option value={r.to_string()} selected={picked == r}>{ text.clone() }</option> }) }
                        </select>
                    </div>
                }
            });
            html! { <div>{ for rows }</div> }
        }
        TeamTaskKind::Photo => {
            html! { <p class="field-help">{ Msg::BibBuildPreviewPhoto.text(lang) }</p> }
        }
        TeamTaskKind::Info => Html::default(),
    };
    let hint = match (task.hint_cost, &props.hint) {
        (_, Some(text)) => {
            html! { <p class="bb-preview__hint">{ format!("{} {text}", Msg::BibBuildHint.text(lang)) }</p> }
        }
        (Some(cost), None) => {
            let (on, id) = (props.on_hint.clone(), task.id.clone());
            let onclick = Callback::from(move |_: MouseEvent| on.emit(id.clone()));
            html! { <button type="button" class="btn btn--secondary bb-preview-hint" {onclick}>{ format!("{} (-{cost})", Msg::BibBuildShowHint.text(lang)) }</button> }
        }
        (None, None) => Html::default(),
    };
    let submit = if task.kind == TeamTaskKind::Info {
        Msg::BibBuildRead
    } else {
        Msg::BibBuildSend
    };
    html! {
        <form id="bb-preview-task" tabindex="-1" class="bb-preview__task" {onsubmit}>
            <p class="bb-preview__prompt">{ task.prompt.clone() }</p>
            if let Some(image) = &task.image {
                <img class="bb-thumb" src={image.clone()} alt="" />
            }
            <p class="field-help">{ format!("{} {}", task.points, Msg::BibBuildPointsWord.text(lang)) }</p>
            { control }
            { hint }
            <button type="submit" class="btn btn--primary bb-preview-send">{ submit.text(lang) }</button>
        </form>
    }
}
