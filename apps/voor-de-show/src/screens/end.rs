//! The end: every place visited. Mo says goodbye; back to the last place or to the
//! title screen.

use bevy::prelude::*;
use suite_domain::i18n::Msg;

use crate::{
    controls::{self, AutoFocus},
    game::Act,
    screens::{EnterScreen, Screen, ScreenUi, clear, redraw, screen_root},
    settings::Settings,
    theme, web,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        draw.after(EnterScreen)
            .run_if(in_state(Screen::End).and_then(redraw)),
    );
}

fn draw(mut commands: Commands, drawn: Query<Entity, With<ScreenUi>>, settings: Res<Settings>) {
    clear(&mut commands, &drawn);
    let lang = settings.lang;
    let p = theme::palette(settings.high_contrast);
    web::announce(&format!(
        "{}: {}",
        crate::theme::GUIDE,
        Msg::VdsEndText.text(lang)
    ));
    commands.spawn((
        screen_root("End screen", Screen::End, theme::centred()),
        children![
            (
                theme::panel(&p),
                children![
                    theme::text(Msg::VdsEndTitle.text(lang), theme::size::TITLE, p.accent),
                    theme::text(Msg::VdsEndText.text(lang), theme::size::LEAD, p.text),
                ],
            ),
            (
                Node {
                    column_gap: Val::VMin(3.0),
                    ..default()
                },
                children![
                    controls::button(Msg::VdsBack.text(lang), Act::Back, theme::size::LEAD, &p),
                    (
                        controls::button(
                            Msg::VdsToTitle.text(lang),
                            Act::ToTitle,
                            theme::size::LEAD,
                            &p
                        ),
                        AutoFocus,
                    ),
                ],
            ),
            controls::toolbar(&settings),
        ],
    ));
}
