//! A place of the cultuurhuis: its backdrop, its name, the guide Mo with the arrival
//! line as a large subtitle (also read out through the live region), the assignments
//! of this place as big buttons, doorways, "Terug" and, once every assignment here is
//! done or skipped, "Volgende plek".

use bevy::prelude::*;
use suite_domain::i18n::{Lang, Msg};

use crate::{
    content::GameContent,
    controls::{self, ActionButton, AutoFocus, Chosen},
    game::{Act, Game},
    screens::{
        EnterScreen, Screen, ScreenUi, clear, redraw, scene, screen_root, title::StageAssets,
    },
    settings::Settings,
    theme::{self, Palette},
    view::{self, RoomView, Standing},
    web,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        draw.after(EnterScreen)
            .run_if(in_state(Screen::Room).and_then(redraw)),
    );
}

fn draw(
    mut commands: Commands,
    drawn: Query<Entity, With<ScreenUi>>,
    settings: Res<Settings>,
    game: Res<Game>,
    content: Res<GameContent>,
    stage: Res<StageAssets>,
) {
    clear(&mut commands, &drawn);
    let lang = settings.lang;
    let p = theme::palette(settings.high_contrast);
    let Some(room) = view::room(&content, &game.progress, lang) else {
        return;
    };
    scene::spawn(&mut commands, &room.place, &stage);
    web::announce(&format!("{}: {}", crate::theme::GUIDE, room.guide));
    commands
        .spawn(screen_root(
            "Room",
            Screen::Room,
            Node {
                justify_content: JustifyContent::SpaceBetween,
                align_items: AlignItems::Center,
                ..theme::board()
            },
        ))
        .with_children(|ui| {
            let where_text = format!(
                "{} {} {} {}",
                Msg::VdsPlace.text(lang),
                room.number,
                Msg::VdsOf.text(lang),
                room.places
            );
            // On the left, clear of the toolbar at the top right.
            ui.spawn((
                Node {
                    width: Val::Percent(100.0),
                    ..default()
                },
                children![(
                    Name::new("Place name"),
                    theme::panel(&p),
                    children![
                        theme::text(&room.name, theme::size::HEADING, p.accent),
                        theme::text(&where_text, theme::size::SMALL, p.text),
                    ],
                )],
            ));
            ui.spawn(Node {
                width: Val::Percent(100.0),
                flex_grow: 1.0,
                justify_content: JustifyContent::SpaceBetween,
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|middle| {
                middle.spawn((
                    door("<", &Act::Back, true, &p),
                    Button,
                    ActionButton(Act::Back),
                ));
                middle
                    .spawn(Node {
                        flex_direction: FlexDirection::Column,
                        row_gap: Val::VMin(2.0),
                        align_items: AlignItems::Stretch,
                        ..default()
                    })
                    .with_children(|list| assignment_buttons(list, &room, lang, &p));
                let mut next = middle.spawn(door(">", &Act::Next, room.way_on, &p));
                if room.way_on {
                    next.insert((Button, ActionButton(Act::Next)));
                }
            });
            ui.spawn(subtitle(&room.guide, &p));
            ui.spawn(Node {
                width: Val::Percent(100.0),
                justify_content: JustifyContent::SpaceBetween,
                align_items: AlignItems::Center,
                margin: UiRect::top(Val::VMin(1.5)),
                ..default()
            })
            .with_children(|bottom| {
                bottom.spawn(controls::button(
                    Msg::VdsBack.text(lang),
                    Act::Back,
                    theme::size::BODY,
                    &p,
                ));
                if room.way_on {
                    let label = if room.last {
                        Msg::VdsToEnd
                    } else {
                        Msg::VdsNextPlace
                    };
                    let mut next = bottom.spawn(controls::button(
                        label.text(lang),
                        Act::Next,
                        theme::size::LEAD,
                        &p,
                    ));
                    if room
                        .assignments
                        .iter()
                        .all(|a| a.standing != Standing::Open)
                    {
                        next.insert(AutoFocus);
                    }
                } else {
                    bottom.spawn(theme::caption(
                        Msg::VdsFinishHere.text(lang),
                        theme::size::SMALL,
                    ));
                }
            });
            ui.spawn(controls::toolbar(&settings));
        });
}

fn assignment_buttons(list: &mut ChildSpawnerCommands, room: &RoomView, lang: Lang, p: &Palette) {
    for a in &room.assignments {
        let mark = match a.standing {
            Standing::Done => Some(Msg::VdsMarkDone),
            Standing::Skipped => Some(Msg::VdsMarkSkipped),
            Standing::Open | Standing::Locked => None,
        };
        let text = match mark {
            Some(mark) => format!("{}  ({})", a.title, mark.text(lang)),
            None => a.title.clone(),
        };
        match a.standing {
            Standing::Locked => {
                list.spawn((
                    Name::new("Locked assignment"),
                    Node {
                        padding: UiRect::axes(Val::VMin(4.0), Val::VMin(2.0)),
                        border: UiRect::all(Val::VMin(0.45)),
                        border_radius: BorderRadius::all(Val::VMin(1.8)),
                        justify_content: JustifyContent::Center,
                        ..default()
                    },
                    BackgroundColor(p.panel),
                    BorderColor::all(p.text.with_alpha(0.5)),
                    children![theme::text(
                        &text,
                        theme::size::LEAD,
                        p.text.with_alpha(0.75)
                    )],
                ));
            }
            standing => {
                let mut button = list.spawn(controls::button(
                    &text,
                    Act::Open(a.id.clone()),
                    theme::size::LEAD,
                    p,
                ));
                if standing == Standing::Open {
                    button.insert(AutoFocus);
                } else {
                    button.insert(Chosen);
                }
            }
        }
    }
}

/// A doorway at the side of the room; a button when it is open.
fn door(arrow: &str, act: &Act, open: bool, p: &Palette) -> impl Bundle + use<> {
    let frame = if open {
        p.accent
    } else {
        p.text.with_alpha(0.3)
    };
    (
        Name::new(format!("Door {act:?}")),
        Node {
            width: Val::VMin(12.0),
            height: Val::VMin(30.0),
            border: UiRect::all(Val::VMin(0.8)),
            border_radius: BorderRadius::top(Val::VMin(6.0)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        },
        BackgroundColor(Color::srgb(0.18, 0.10, 0.06)),
        BorderColor::all(frame),
        children![theme::text(arrow, theme::size::TITLE, frame)],
    )
}

/// Mo and the subtitle: large type on a dark band at the bottom.
fn subtitle(line: &str, p: &Palette) -> impl Bundle + use<> {
    (
        Name::new("Subtitle"),
        Node {
            width: Val::Percent(96.0),
            column_gap: Val::VMin(2.5),
            align_items: AlignItems::Center,
            padding: UiRect::axes(Val::VMin(2.5), Val::VMin(1.5)),
            border_radius: BorderRadius::all(Val::VMin(2.0)),
            ..default()
        },
        BackgroundColor(p.panel),
        children![
            guide(p),
            (
                Text::new(line),
                TextFont::from_font_size(FontSize::VMin(theme::size::BODY)),
                TextColor(p.text),
                Node {
                    flex_shrink: 1.0,
                    ..default()
                },
            ),
        ],
    )
}

/// Mo: a round head and a body in the accent colour, with the name under it.
fn guide(p: &Palette) -> impl Bundle + use<> {
    (
        Name::new("Mo"),
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            flex_shrink: 0.0,
            ..default()
        },
        children![
            (
                Node {
                    width: Val::VMin(7.0),
                    height: Val::VMin(7.0),
                    border_radius: BorderRadius::MAX,
                    ..default()
                },
                BackgroundColor(Color::srgb(0.85, 0.62, 0.42)),
            ),
            (
                Node {
                    width: Val::VMin(10.0),
                    height: Val::VMin(5.0),
                    border_radius: BorderRadius::top(Val::VMin(4.0)),
                    ..default()
                },
                BackgroundColor(p.accent),
            ),
            theme::text(crate::theme::GUIDE, theme::size::SMALL, p.accent),
        ],
    )
}
