//! Dress an actor and place props: drag an item from the shelf onto the actor (or the
//! stage) with a mouse or a finger. With the keyboard: Tab to an item, Enter picks it
//! up, the arrows move it, Enter puts it down (Escape puts it back). An item on the
//! actor or the stage goes back to the shelf when it is chosen again.

use bevy::prelude::*;
use bevy::ui::UiGlobalTransform;
use bevy::window::PrimaryWindow;
use suite_domain::i18n::{Lang, Msg};
use suite_domain::show::Interaction;

use super::Play;
use crate::{
    controls::{self, ActionButton, Chosen, KeysTaken},
    game::{Act, GameLogic, PlayAct},
    screens::{Screen, ScreenUi},
    theme::{self, Palette},
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Carry>();
    app.add_systems(
        Update,
        (put_down, pick_up, move_carried)
            .chain()
            .in_set(super::PlaySystems)
            .after(GameLogic)
            .run_if(in_state(Screen::Assignment)),
    );
    app.add_systems(OnExit(Screen::Assignment), stop_carrying);
}

const CLOTHES: [Msg; 6] = [
    Msg::VdsItemHat,
    Msg::VdsItemCrown,
    Msg::VdsItemCape,
    Msg::VdsItemGlasses,
    Msg::VdsItemScarf,
    Msg::VdsItemNose,
];

const PROPS: [Msg; 6] = [
    Msg::VdsItemChair,
    Msg::VdsItemLamp,
    Msg::VdsItemTree,
    Msg::VdsItemMoon,
    Msg::VdsItemSuitcase,
    Msg::VdsItemLadder,
];

/// The item carried now, where (logical pixels of the window) and how.
#[derive(Resource, Default, Debug)]
pub(crate) struct Carry {
    pub(crate) item: Option<usize>,
    by_keys: bool,
    at: Vec2,
}

/// Where items are dropped: the actor or the stage.
#[derive(Component)]
struct DropTarget;

/// The carried item, drawn under the pointer.
#[derive(Component)]
struct Ghost;

fn items(kind: Interaction) -> &'static [Msg] {
    if kind == Interaction::Dress {
        &CLOTHES
    } else {
        &PROPS
    }
}

pub(super) fn spawn(
    ui: &mut ChildSpawnerCommands,
    kind: Interaction,
    play: &Play,
    lang: Lang,
    p: &Palette,
) {
    let (help, on) = if kind == Interaction::Dress {
        (Msg::VdsDressHelp, Msg::VdsOnActor)
    } else {
        (Msg::VdsPropsHelp, Msg::VdsOnStage)
    };
    ui.spawn(theme::text(help.text(lang), theme::size::SMALL, p.text));
    ui.spawn(Node {
        column_gap: Val::VMin(4.0),
        align_items: AlignItems::Center,
        ..default()
    })
    .with_children(|row| {
        row.spawn(Node {
            display: Display::Grid,
            grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
            column_gap: Val::VMin(1.2),
            row_gap: Val::VMin(1.2),
            ..default()
        })
        .with_children(|shelf| {
            for (n, item) in items(kind).iter().enumerate() {
                let mut tile = shelf.spawn(controls::button(
                    item.text(lang),
                    Act::Play(PlayAct::Item(n)),
                    theme::size::BODY,
                    p,
                ));
                if play.placed.contains(&n) {
                    tile.insert(Chosen);
                }
            }
        });
        let placed: Vec<&str> = play
            .placed
            .iter()
            .filter_map(|n| items(kind).get(*n))
            .map(|m| m.text(lang))
            .collect();
        row.spawn((
            Name::new("Drop target"),
            DropTarget,
            Node {
                width: Val::VMin(30.0),
                height: Val::VMin(36.0),
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                justify_content: JustifyContent::End,
                row_gap: Val::VMin(0.8),
                padding: UiRect::all(Val::VMin(1.0)),
                border: UiRect::all(Val::VMin(0.5)),
                border_radius: BorderRadius::all(Val::VMin(2.0)),
                ..default()
            },
            BackgroundColor(if kind == Interaction::Dress {
                Color::srgb(0.20, 0.14, 0.28)
            } else {
                Color::srgb(0.42, 0.28, 0.16)
            }),
            BorderColor::all(p.accent),
        ))
        .with_children(|target| {
            if kind == Interaction::Dress {
                target.spawn((
                    Node {
                        width: Val::VMin(8.0),
                        height: Val::VMin(8.0),
                        border_radius: BorderRadius::MAX,
                        ..default()
                    },
                    BackgroundColor(Color::srgb(0.85, 0.62, 0.42)),
                ));
                target.spawn((
                    Node {
                        width: Val::VMin(12.0),
                        height: Val::VMin(12.0),
                        border_radius: BorderRadius::top(Val::VMin(4.0)),
                        ..default()
                    },
                    BackgroundColor(Color::srgb(0.6, 0.6, 0.65)),
                ));
            }
            let list = if placed.is_empty() {
                Msg::VdsNothingYet.text(lang).to_owned()
            } else {
                placed.join(", ")
            };
            target.spawn(theme::text(
                &format!("{}: {list}", on.text(lang)),
                theme::size::SMALL,
                p.text,
            ));
        });
    });
}

/// Where the pointer is: the first touch, else the mouse.
fn pointer(window: &Window, touches: &Touches) -> Option<Vec2> {
    touches
        .iter()
        .next()
        .map(|t| t.position())
        .or_else(|| window.cursor_position())
}

#[allow(clippy::too_many_arguments)]
fn pick_up(
    mut commands: Commands,
    mut acts: MessageReader<Act>,
    mut carry: ResMut<Carry>,
    mut play: ResMut<Play>,
    mut taken: ResMut<KeysTaken>,
    mouse: Res<ButtonInput<MouseButton>>,
    touches: Res<Touches>,
    window: Single<&Window, With<PrimaryWindow>>,
    tiles: Query<(&ActionButton, &UiGlobalTransform, &ComputedNode)>,
) {
    for act in acts.read() {
        let Act::Play(PlayAct::Item(n)) = act else {
            continue;
        };
        if carry.item.is_some() {
            continue;
        }
        if let Some(at) = play.placed.iter().position(|p| p == n) {
            play.placed.remove(at);
            continue;
        }
        let by_pointer = mouse.pressed(MouseButton::Left) || touches.iter().next().is_some();
        let tile = tiles.iter().find(|(b, _, _)| b.0 == *act);
        let from_tile = tile.map(|(_, t, c)| t.translation * c.inverse_scale_factor());
        let at = if by_pointer {
            pointer(&window, &touches).or(from_tile)
        } else {
            from_tile
        };
        *carry = Carry {
            item: Some(*n),
            by_keys: !by_pointer,
            at: at.unwrap_or_default(),
        };
        taken.0 = !by_pointer;
        commands.spawn((
            Name::new("Carried item"),
            Ghost,
            ScreenUi,
            DespawnOnExit(Screen::Assignment),
            Node {
                position_type: PositionType::Absolute,
                width: Val::VMin(9.0),
                height: Val::VMin(9.0),
                border: UiRect::all(Val::VMin(0.6)),
                border_radius: BorderRadius::MAX,
                ..default()
            },
            BackgroundColor(theme::GOLD.with_alpha(0.8)),
            BorderColor::all(Color::WHITE),
            GlobalZIndex(10),
        ));
    }
}

fn move_carried(
    mut carry: ResMut<Carry>,
    keys: Res<ButtonInput<KeyCode>>,
    touches: Res<Touches>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut ghosts: Query<&mut Node, With<Ghost>>,
) {
    if carry.item.is_none() {
        return;
    }
    if carry.by_keys {
        let step = window.width().min(window.height()) * 0.04;
        let mut delta = Vec2::ZERO;
        for (key, d) in [
            (KeyCode::ArrowLeft, Vec2::NEG_X),
            (KeyCode::ArrowRight, Vec2::X),
            (KeyCode::ArrowUp, Vec2::NEG_Y),
            (KeyCode::ArrowDown, Vec2::Y),
        ] {
            if keys.just_pressed(key) {
                delta += d * step;
            }
        }
        carry.at += delta;
    } else if let Some(at) = pointer(&window, &touches) {
        carry.at = at;
    }
    let half = window.width().min(window.height()) * 0.045;
    for mut node in &mut ghosts {
        node.left = Val::Px(carry.at.x - half);
        node.top = Val::Px(carry.at.y - half);
    }
}

#[allow(clippy::too_many_arguments)]
fn put_down(
    mut commands: Commands,
    mut carry: ResMut<Carry>,
    mut play: ResMut<Play>,
    mut taken: ResMut<KeysTaken>,
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    touches: Res<Touches>,
    targets: Query<(&UiGlobalTransform, &ComputedNode), With<DropTarget>>,
    ghosts: Query<Entity, With<Ghost>>,
) {
    let Some(item) = carry.item else { return };
    let cancel = keys.just_pressed(KeyCode::Escape);
    let dropped = if carry.by_keys {
        keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter, KeyCode::Space])
    } else {
        mouse.just_released(MouseButton::Left) || touches.any_just_released()
    };
    if !dropped && !cancel {
        return;
    }
    let on_target = targets.iter().any(|(t, c)| {
        let scale = c.inverse_scale_factor();
        let centre = t.translation * scale;
        let half = c.size() * scale / 2.0;
        (carry.at - centre).abs().cmple(half).all()
    });
    if dropped && on_target && !play.placed.contains(&item) {
        play.placed.push(item);
    }
    *carry = Carry::default();
    taken.0 = false;
    for ghost in &ghosts {
        commands.entity(ghost).despawn();
    }
}

fn stop_carrying(mut carry: ResMut<Carry>, mut taken: ResMut<KeysTaken>) {
    *carry = Carry::default();
    taken.0 = false;
}
