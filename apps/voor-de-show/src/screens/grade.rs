//! The choice of grade: a big button per grade (6-8, 8-10, 10-12 jaar; only the show's
//! grades when a show lists them, `show::grades_offered`), also keys 1, 2 and 3; the
//! assignments then show that grade's version.
//!
//! The page's loading screen offers the same choice while the game downloads
//! (`loader.js`): a grade chosen there is taken while the game starts
//! ([`take_loader_grade`]) and the game opens in the cultuurhuis, without its title
//! and this screen.

use bevy::prelude::*;
use suite_domain::i18n::Msg;
use suite_domain::show::Grade;

use crate::{
    controls::{self, AutoFocus, Chosen},
    game::{Act, ActsWritten, Game},
    screens::{EnterScreen, Screen, ScreenUi, clear, redraw, screen_root},
    settings::Settings,
    show::{ShowInPlay, grades_offered},
    theme, web,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        choose_by_number
            .in_set(ActsWritten)
            .run_if(in_state(Screen::Grade)),
    );
    app.add_systems(
        Update,
        draw.after(EnterScreen).run_if(
            in_state(Screen::Grade).and_then(redraw.or_else(resource_changed::<ShowInPlay>)),
        ),
    );
}

/// The button text of a grade.
pub(crate) fn label(grade: Grade) -> Msg {
    match grade {
        Grade::Ages6To8 => Msg::VdsGrade68,
        Grade::Ages8To10 => Msg::VdsGrade810,
        Grade::Ages10To12 => Msg::VdsGrade1012,
    }
}

/// A grade chosen on the page's loading screen, for the tests; in the browser it is
/// read from `data-grade` on `<html>`, where `loader.js` leaves it.
#[derive(Resource, Debug, Default)]
pub(crate) struct LoaderGrade(pub(crate) Option<String>);

/// While the game starts (loading, or on its title: the loading screen stays up until
/// the title's first frame is drawn, and a choice made meanwhile still counts): the
/// grade chosen on the loading screen, if the show offers it, opens the place where the
/// class is. Taken once: the attribute goes, and `data-grade-taken` tells the loading
/// screen that its choice is made. Part of the logic (`screens::state_plugin`).
pub(super) fn take_loader_grade(
    mut chosen: ResMut<LoaderGrade>,
    show: Res<ShowInPlay>,
    mut acts: MessageWriter<Act>,
) {
    let Some(label) = chosen
        .0
        .take()
        .or_else(|| web::root_attribute("data-grade"))
    else {
        return;
    };
    web::remove_root_attribute("data-grade");
    let offered = grades_offered(show.show());
    match Grade::from_label(&label).filter(|g| offered.contains(g)) {
        Some(grade) => {
            web::set_root_attribute("data-grade-taken", grade.label());
            acts.write(Act::Grade(grade));
        }
        None => warn!("the loading screen's grade {label:?} is not offered: the title shows"),
    }
}

fn choose_by_number(
    keys: Res<ButtonInput<KeyCode>>,
    show: Res<ShowInPlay>,
    mut acts: MessageWriter<Act>,
) {
    let numbers = [
        [KeyCode::Digit1, KeyCode::Numpad1],
        [KeyCode::Digit2, KeyCode::Numpad2],
        [KeyCode::Digit3, KeyCode::Numpad3],
    ];
    for (grade, keys_of) in grades_offered(show.show()).into_iter().zip(numbers) {
        if keys.any_just_pressed(keys_of) {
            acts.write(Act::Grade(grade));
        }
    }
}

fn draw(
    mut commands: Commands,
    drawn: Query<Entity, With<ScreenUi>>,
    settings: Res<Settings>,
    game: Res<Game>,
    show: Res<ShowInPlay>,
) {
    clear(&mut commands, &drawn);
    let offered = grades_offered(show.show());
    let lang = settings.lang;
    let p = theme::palette(settings.high_contrast);
    let current = game.progress.grade();
    commands
        .spawn((
            screen_root("Grade screen", Screen::Grade, theme::centred()),
            BackgroundColor(p.panel),
        ))
        .with_children(|ui| {
            ui.spawn(theme::text(
                Msg::VdsChooseGrade.text(lang),
                theme::size::TITLE,
                p.accent,
            ));
            ui.spawn(Node {
                column_gap: Val::VMin(4.0),
                ..default()
            })
            .with_children(|row| {
                for (n, grade) in offered.iter().copied().enumerate() {
                    let text = format!("{}  {}", n + 1, label(grade).text(lang));
                    let mut button = row.spawn(controls::button(
                        &text,
                        Act::Grade(grade),
                        theme::size::HEADING,
                        &p,
                    ));
                    if current == Some(grade) {
                        button.insert(Chosen);
                    }
                    let focus_here = current.filter(|c| offered.contains(c));
                    if focus_here.map_or(n == 0, |c| c == grade) {
                        button.insert(AutoFocus);
                    }
                }
            });
            ui.spawn(controls::button(
                Msg::VdsBack.text(lang),
                Act::Back,
                theme::size::BODY,
                &p,
            ));
            ui.spawn(controls::toolbar(&settings));
        });
}
