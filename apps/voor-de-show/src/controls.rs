//! Buttons that work the same with a pointer, touch and the keyboard: each carries the
//! [`Act`] it sends. Tab, Shift+Tab and the arrows move the keyboard focus in reading
//! order (top to bottom, left to right); Enter or Space sends the focused button's act.

use bevy::prelude::*;
use bevy::ui::UiGlobalTransform;
use suite_domain::i18n::Msg;

use crate::{
    game::{Act, ActsWritten},
    settings::Settings,
    theme::{self, Palette},
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Focus>();
    app.init_resource::<KeysTaken>();
    app.add_systems(
        Update,
        (press_by_pointer, move_focus_by_keys, press_by_keys)
            .chain()
            .in_set(ActsWritten),
    );
    app.add_systems(PostUpdate, (keep_focus, style_buttons).chain());
}

/// A button and the act it sends.
#[derive(Component, Debug, Clone)]
pub(crate) struct ActionButton(pub(crate) Act);

/// The button that gets the focus when a screen is drawn.
#[derive(Component)]
pub(crate) struct AutoFocus;

/// A button drawn as chosen (a chosen colour, a placed item).
#[derive(Component)]
pub(crate) struct Chosen;

/// The button with the keyboard focus, and its act (to find it again after a redraw).
#[derive(Resource, Default)]
pub(crate) struct Focus {
    entity: Option<Entity>,
    act: Option<Act>,
}

/// Set while an interaction uses the arrows and Enter itself (carrying an item).
#[derive(Resource, Default)]
pub(crate) struct KeysTaken(pub(crate) bool);

/// A big button with a text, in the palette's colours.
pub(crate) fn button(label: &str, act: Act, size: f32, p: &Palette) -> impl Bundle + use<> {
    (
        Name::new(format!("Button {act:?}")),
        ActionButton(act),
        Button,
        Node {
            padding: UiRect::axes(Val::VMin(size * 0.9), Val::VMin(size * 0.45)),
            border: UiRect::all(Val::VMin(0.45)),
            border_radius: BorderRadius::all(Val::VMin(1.8)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        },
        BackgroundColor(p.button),
        BorderColor::all(p.accent),
        children![theme::text(label, size, p.text)],
    )
}

/// The language, contrast, sound and fullscreen buttons every screen shows at its top
/// right.
pub(crate) fn toolbar(settings: &Settings) -> impl Bundle + use<> {
    let p = theme::palette(settings.high_contrast);
    let lang = settings.lang;
    (
        Name::new("Toolbar"),
        Node {
            position_type: PositionType::Absolute,
            top: Val::VMin(1.5),
            right: Val::VMin(1.5),
            column_gap: Val::VMin(1.2),
            ..default()
        },
        children![
            button(
                Msg::VdsOtherLanguage.text(lang),
                Act::ToggleLanguage,
                theme::size::SMALL,
                &p
            ),
            button(
                Msg::VdsContrast.text(lang),
                Act::ToggleContrast,
                theme::size::SMALL,
                &p
            ),
            button(
                if settings.sound {
                    Msg::VdsSoundIsOn
                } else {
                    Msg::VdsSoundIsOff
                }
                .text(lang),
                Act::ToggleSound,
                theme::size::SMALL,
                &p
            ),
            button(
                Msg::VdsFullscreen.text(lang),
                Act::Fullscreen,
                theme::size::SMALL,
                &p
            ),
        ],
    )
}

/// Query filter: buttons in frames where their [`Interaction`] changed.
type Pressed = (Changed<Interaction>, With<ActionButton>);

fn press_by_pointer(
    buttons: Query<(Entity, &Interaction, &ActionButton), Pressed>,
    mut focus: ResMut<Focus>,
    mut acts: MessageWriter<Act>,
) {
    for (entity, interaction, button) in &buttons {
        if *interaction == Interaction::Pressed {
            focus.entity = Some(entity);
            focus.act = Some(button.0.clone());
            acts.write(button.0.clone());
        }
    }
}

/// The buttons in reading order: rows from the top (within a tolerance), then left
/// to right.
fn reading_order(buttons: &Query<(Entity, &ActionButton, &UiGlobalTransform)>) -> Vec<Entity> {
    let mut all: Vec<(Entity, Vec2)> = buttons.iter().map(|(e, _, t)| (e, t.translation)).collect();
    all.sort_by(|(a, pa), (b, pb)| {
        let row = |y: f32| (y / 24.0).round() as i64;
        (row(pa.y), pa.x, *a)
            .partial_cmp(&(row(pb.y), pb.x, *b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    all.into_iter().map(|(e, _)| e).collect()
}

fn move_focus_by_keys(
    keys: Res<ButtonInput<KeyCode>>,
    taken: Res<KeysTaken>,
    buttons: Query<(Entity, &ActionButton, &UiGlobalTransform)>,
    mut focus: ResMut<Focus>,
) {
    if taken.0 {
        return;
    }
    let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    let forward = (keys.just_pressed(KeyCode::Tab) && !shift)
        || keys.any_just_pressed([KeyCode::ArrowDown, KeyCode::ArrowRight]);
    let backward = (keys.just_pressed(KeyCode::Tab) && shift)
        || keys.any_just_pressed([KeyCode::ArrowUp, KeyCode::ArrowLeft]);
    if !forward && !backward {
        return;
    }
    let order = reading_order(&buttons);
    if order.is_empty() {
        return;
    }
    let at = focus
        .entity
        .and_then(|f| order.iter().position(|e| *e == f));
    let next = match (at, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1) % order.len(),
        (Some(i), false) => (i + order.len() - 1) % order.len(),
    };
    focus.entity = Some(order[next]);
    focus.act = buttons.get(order[next]).ok().map(|(_, b, _)| b.0.clone());
}

fn press_by_keys(
    keys: Res<ButtonInput<KeyCode>>,
    taken: Res<KeysTaken>,
    focus: Res<Focus>,
    buttons: Query<&ActionButton>,
    mut acts: MessageWriter<Act>,
) {
    if taken.0 || !keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter, KeyCode::Space]) {
        return;
    }
    if let Some(button) = focus.entity.and_then(|e| buttons.get(e).ok()) {
        acts.write(button.0.clone());
    }
}

/// After a redraw the focus goes back to the button with the same act, else to the
/// screen's [`AutoFocus`] button, else to the first button.
fn keep_focus(
    mut focus: ResMut<Focus>,
    buttons: Query<(Entity, &ActionButton, &UiGlobalTransform)>,
    auto: Query<(Entity, &ActionButton), With<AutoFocus>>,
) {
    if focus.entity.is_some_and(|e| buttons.contains(e)) {
        return;
    }
    let same = focus.act.as_ref().and_then(|act| {
        buttons
            .iter()
            .find(|(_, b, _)| b.0 == *act)
            .map(|(e, b, _)| (e, b.0.clone()))
    });
    let chosen = same
        .or_else(|| auto.iter().next().map(|(e, b)| (e, b.0.clone())))
        .or_else(|| {
            let first = *reading_order(&buttons).first()?;
            buttons.get(first).ok().map(|(e, b, _)| (e, b.0.clone()))
        });
    if let Some((entity, act)) = chosen {
        focus.entity = Some(entity);
        focus.act = Some(act);
    } else {
        focus.entity = None;
    }
}

/// What [`style_buttons`] reads and sets of a button.
type StyledButton = (
    Entity,
    &'static Interaction,
    Has<Chosen>,
    &'static mut BackgroundColor,
    Option<&'static mut Outline>,
);

/// Hover and focus colours: the focused button has a ring in the palette's focus colour.
fn style_buttons(
    focus: Res<Focus>,
    settings: Res<Settings>,
    mut buttons: Query<StyledButton, With<ActionButton>>,
    mut commands: Commands,
) {
    let p = theme::palette(settings.high_contrast);
    for (entity, interaction, chosen, mut background, outline) in &mut buttons {
        let colour = match (interaction, chosen) {
            (Interaction::Pressed | Interaction::Hovered, _) => p.button_hovered,
            (_, true) => p.chosen,
            _ => p.button,
        };
        if background.0 != colour {
            background.0 = colour;
        }
        let focused = focus.entity == Some(entity);
        let ring = Outline::new(Val::VMin(0.7), Val::VMin(0.5), p.focus);
        match (focused, outline) {
            (true, None) => {
                commands.entity(entity).insert(ring);
            }
            (false, Some(_)) => {
                commands.entity(entity).remove::<Outline>();
            }
            _ => {}
        }
    }
}
