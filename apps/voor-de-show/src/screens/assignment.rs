//! An assignment on the board: its title and duration, the goal, what the teacher
//! says and what the class does (the class's grade's version, generic texts when
//! there is no show data), its interaction, and "Terug", "Opnieuw", "Overslaan" and
//! "Klaar".

use bevy::prelude::*;
use suite_domain::i18n::Msg;

use crate::{
    content::GameContent,
    controls::{self, AutoFocus},
    game::{Act, Game},
    play::{self, Play},
    screens::{
        EnterScreen, Screen, ScreenUi, clear, redraw, screen_root, show_image, title::StageAssets,
    },
    settings::Settings,
    show::ShowInPlay,
    theme::{self, Palette},
    view::{self, AssignmentView},
    web,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        draw.after(EnterScreen).run_if(
            in_state(Screen::Assignment).and_then(
                redraw
                    .or_else(resource_changed::<Play>)
                    .or_else(resource_changed::<ShowInPlay>),
            ),
        ),
    );
}

#[allow(clippy::too_many_arguments)]
fn draw(
    mut commands: Commands,
    drawn: Query<Entity, With<ScreenUi>>,
    settings: Res<Settings>,
    game: Res<Game>,
    content: Res<GameContent>,
    play: Res<Play>,
    images: Res<StageAssets>,
    show: Res<ShowInPlay>,
    mut announced: Local<Option<String>>,
) {
    clear(&mut commands, &drawn);
    let lang = settings.lang;
    let p = theme::palette(settings.high_contrast);
    let Some(view) = view::assignment(&content, show.data(), &game.progress, lang) else {
        return;
    };
    // Say the assignment once when it opens, not at every choice in it.
    let said = format!("{}. {}", view.title, view.prompt);
    if announced.as_deref() != Some(said.as_str()) {
        web::announce(&said);
        *announced = Some(said);
    }
    let minutes = format!("{} {}", view.minutes, Msg::VdsMinutes.text(lang));
    commands
        .spawn((
            screen_root(
                "Assignment",
                Screen::Assignment,
                Node {
                    row_gap: Val::VMin(1.5),
                    ..theme::board()
                },
            ),
            BackgroundColor(Color::srgb(0.10, 0.06, 0.14)),
        ))
        .with_children(|ui| {
            // The left half: the toolbar takes the top right.
            ui.spawn((
                Node {
                    column_gap: Val::VMin(3.0),
                    align_items: AlignItems::Baseline,
                    flex_wrap: FlexWrap::Wrap,
                    max_width: Val::Percent(50.0),
                    ..default()
                },
                children![
                    theme::text(&view.title, theme::size::HEADING, p.accent),
                    theme::text(&minutes, theme::size::BODY, p.text),
                ],
            ));
            ui.spawn(Node {
                flex_grow: 1.0,
                column_gap: Val::VMin(2.0),
                ..default()
            })
            .with_children(|body| {
                texts(body, &view, &p, lang_texts(lang));
                play::spawn_panel(body, &view, &play, &settings, &images);
            });
            ui.spawn(Node {
                justify_content: JustifyContent::SpaceBetween,
                ..default()
            })
            .with_children(|bottom| {
                bottom.spawn(controls::button(
                    Msg::VdsBack.text(lang),
                    Act::Back,
                    theme::size::BODY,
                    &p,
                ));
                bottom
                    .spawn(Node {
                        column_gap: Val::VMin(2.0),
                        ..default()
                    })
                    .with_children(|right| {
                        right.spawn(controls::button(
                            Msg::VdsAgain.text(lang),
                            Act::Again,
                            theme::size::BODY,
                            &p,
                        ));
                        right.spawn(controls::button(
                            Msg::VdsSkip.text(lang),
                            Act::Skip,
                            theme::size::BODY,
                            &p,
                        ));
                        let mut done = right.spawn(controls::button(
                            Msg::VdsDone.text(lang),
                            Act::Complete,
                            theme::size::LEAD,
                            &p,
                        ));
                        if !play::wants_focus(&view, &play) {
                            done.insert(AutoFocus);
                        }
                    });
            });
            ui.spawn(controls::toolbar(&settings));
        });
}

/// The headings of the teacher's texts in the language.
fn lang_texts(lang: suite_domain::i18n::Lang) -> [&'static str; 3] {
    [
        Msg::VdsGoal.text(lang),
        Msg::VdsTeacherSays.text(lang),
        Msg::VdsActivity.text(lang),
    ]
}

/// The goal, what the teacher says and what the class does, in a column.
fn texts(ui: &mut ChildSpawnerCommands, view: &AssignmentView, p: &Palette, headings: [&str; 3]) {
    ui.spawn((
        Name::new("Teacher's texts"),
        Node {
            flex_direction: FlexDirection::Column,
            flex_basis: Val::Percent(42.0),
            row_gap: Val::VMin(1.2),
            padding: UiRect::all(Val::VMin(2.0)),
            border_radius: BorderRadius::all(Val::VMin(2.0)),
            ..default()
        },
        BackgroundColor(p.panel),
    ))
    .with_children(|column| {
        for (heading, text) in headings
            .into_iter()
            .zip([&view.goal, &view.teacher, &view.activity])
        {
            column.spawn((
                Text::new(heading),
                TextFont::from_font_size(FontSize::VMin(theme::size::SMALL)),
                TextColor(p.accent),
            ));
            column.spawn((
                Text::new(text.as_str()),
                TextFont::from_font_size(FontSize::VMin(theme::size::SMALL)),
                TextColor(p.text),
            ));
        }
        // The show's picture, when the interaction's panel has no room for it.
        let elsewhere = !show_image::in_panel(view.interaction);
        if let Some(image) = view.image.as_ref().filter(|_| elsewhere) {
            column.spawn(show_image::slot(image));
        }
    });
}
