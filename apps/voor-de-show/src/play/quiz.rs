//! The quiz: one question at a time, answers chosen by key or click. A wrong answer
//! shows the right one and the class goes on: a quiz never blocks.

use bevy::prelude::*;
use suite_domain::i18n::{Lang, Msg};

use super::Play;
use crate::{
    controls::{self, AutoFocus, Chosen},
    game::{Act, PlayAct},
    theme::{self, Palette},
    view::AssignmentView,
};

pub(super) fn spawn(
    ui: &mut ChildSpawnerCommands,
    view: &AssignmentView,
    play: &Play,
    lang: Lang,
    p: &Palette,
) {
    let total = view.quiz.len();
    let Some(question) = view.quiz.get(play.question) else {
        let score = format!("{}/{}", play.right_answers, total);
        ui.spawn(theme::text(
            Msg::VdsQuizDone.text(lang),
            theme::size::LEAD,
            p.accent,
        ));
        ui.spawn(theme::text(&score, theme::size::LEAD, p.text));
        return;
    };
    let heading = format!(
        "{} {} {} {}",
        Msg::VdsQuestion.text(lang),
        play.question + 1,
        Msg::VdsOf.text(lang),
        total
    );
    ui.spawn(theme::text(&heading, theme::size::SMALL, p.accent));
    ui.spawn(theme::text(
        question.question.get(lang),
        theme::size::LEAD,
        p.text,
    ));
    let letters = ['A', 'B', 'C', 'D', 'E', 'F'];
    for (n, answer) in question.answers.iter().enumerate() {
        let letter = letters.get(n).copied().unwrap_or('?');
        let text = format!("{letter}  {}", answer.text.get(lang));
        let mut button = ui.spawn(controls::button(
            &text,
            Act::Play(PlayAct::Answer(n)),
            theme::size::BODY,
            p,
        ));
        match play.answer {
            None if n == 0 => {
                button.insert(AutoFocus);
            }
            Some(_) if answer.right => {
                button.insert(Chosen);
            }
            _ => {}
        }
    }
    if let Some(chosen) = play.answer {
        let right = question.answers.iter().find(|a| a.right);
        let feedback = if question.answers.get(chosen).is_some_and(|a| a.right) {
            Msg::VdsRight.text(lang).to_owned()
        } else {
            format!(
                "{} {}",
                Msg::VdsRightAnswerIs.text(lang),
                right.map(|a| a.text.get(lang)).unwrap_or_default()
            )
        };
        crate::web::announce(&feedback);
        ui.spawn(theme::text(&feedback, theme::size::LEAD, p.good));
        ui.spawn((
            controls::button(
                Msg::VdsNextQuestion.text(lang),
                Act::Play(PlayAct::NextQuestion),
                theme::size::BODY,
                p,
            ),
            AutoFocus,
        ));
    }
}

/// Keys A to F (and 1 to 6) answer the current question.
pub(super) fn answer_keys() -> [[KeyCode; 2]; 6] {
    [
        [KeyCode::KeyA, KeyCode::Digit1],
        [KeyCode::KeyB, KeyCode::Digit2],
        [KeyCode::KeyC, KeyCode::Digit3],
        [KeyCode::KeyD, KeyCode::Digit4],
        [KeyCode::KeyE, KeyCode::Digit5],
        [KeyCode::KeyF, KeyCode::Digit6],
    ]
}
