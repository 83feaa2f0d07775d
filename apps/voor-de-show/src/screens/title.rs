//! The title screen: the stage, the game's name, what it is, whether the server
//! answers, and a start button that works with mouse, touch, Enter and Space.

use bevy::prelude::*;
use suite_domain::i18n::Msg;

use crate::{LANG, api_check::ApiStatus, asset_tracking::LoadResource, screens::Screen, theme};

pub(super) fn plugin(app: &mut App) {
    app.load_resource::<StageAssets>();
    app.add_message::<StartRequested>();
    app.add_systems(OnEnter(Screen::Title), spawn_title_screen);
    app.add_systems(
        Update,
        (
            (request_start_by_pointer, request_start_by_keyboard),
            apply_start_request,
            style_start_button,
            show_api_status,
        )
            .chain()
            .run_if(in_state(Screen::Title)),
    );
}

/// The pictures of the title screen, loaded before the screen shows.
#[derive(Resource, Asset, Clone, TypePath)]
struct StageAssets {
    #[dependency]
    stage: Handle<Image>,
}

impl FromWorld for StageAssets {
    fn from_world(world: &mut World) -> Self {
        let assets = world.resource::<AssetServer>();
        Self {
            stage: assets.load("images/stage.png"),
        }
    }
}

/// The player asked to start the game (the intent; [`apply_start_request`] acts on it).
#[derive(Message)]
struct StartRequested;

/// The start button.
#[derive(Component)]
struct StartButton;

/// Query filter: the start button, in frames where its [`Interaction`] changed.
type StartButtonChanged = (Changed<Interaction>, With<StartButton>);

/// The line that shows [`ApiStatus`].
#[derive(Component)]
struct ApiStatusLine;

/// The line that answers the start button.
#[derive(Component)]
struct StartFeedback;

fn spawn_title_screen(
    mut commands: Commands,
    stage_assets: Res<StageAssets>,
    api_status: Res<ApiStatus>,
) {
    commands.spawn((
        Name::new("Stage"),
        Sprite {
            image: stage_assets.stage.clone(),
            custom_size: Some(theme::STAGE_SIZE),
            ..default()
        },
        DespawnOnExit(Screen::Title),
    ));

    commands.spawn((
        theme::ui_root("Title screen"),
        DespawnOnExit(Screen::Title),
        children![
            (
                Name::new("Title panel"),
                Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    row_gap: Val::VMin(2.0),
                    max_width: Val::VMin(120.0),
                    margin: UiRect::horizontal(Val::VMin(4.0)),
                    padding: UiRect::axes(Val::VMin(5.0), Val::VMin(3.0)),
                    border: UiRect::all(Val::VMin(0.5)),
                    border_radius: BorderRadius::all(Val::VMin(2.5)),
                    ..default()
                },
                BackgroundColor(theme::PANEL),
                BorderColor::all(theme::GOLD),
                children![
                    theme::text(Msg::AppVoorDeShowName.text(LANG), 13.0, theme::GOLD),
                    theme::text(Msg::AppVoorDeShowDesc.text(LANG), 4.2, theme::TEXT),
                ],
            ),
            (
                Name::new("Start button"),
                StartButton,
                Button,
                Node {
                    padding: UiRect::axes(Val::VMin(5.0), Val::VMin(2.2)),
                    border: UiRect::all(Val::VMin(0.5)),
                    border_radius: BorderRadius::all(Val::VMin(2.5)),
                    justify_content: JustifyContent::Center,
                    align_items: AlignItems::Center,
                    ..default()
                },
                BackgroundColor(theme::BUTTON),
                BorderColor::all(theme::GOLD),
                // The only control on the screen has the keyboard focus, so it always
                // shows the focus ring: Enter or Space activates it.
                Outline::new(Val::VMin(0.6), Val::VMin(0.6), theme::TEXT),
                children![theme::text(Msg::GameStart.text(LANG), 5.5, theme::TEXT)],
            ),
            (
                ApiStatusLine,
                theme::caption(api_status.message().text(LANG), 3.4),
            ),
            // Hidden until the button is used; it keeps its place, so nothing jumps.
            (
                StartFeedback,
                theme::caption(Msg::Nothing.text(LANG), 3.4),
                Visibility::Hidden,
            ),
        ],
    ));
}

fn request_start_by_pointer(
    buttons: Query<&Interaction, StartButtonChanged>,
    mut requests: MessageWriter<StartRequested>,
) {
    if buttons.iter().any(|i| *i == Interaction::Pressed) {
        requests.write(StartRequested);
    }
}

fn request_start_by_keyboard(
    keys: Res<ButtonInput<KeyCode>>,
    mut requests: MessageWriter<StartRequested>,
) {
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter, KeyCode::Space]) {
        requests.write(StartRequested);
    }
}

/// There is no game to start yet: say so honestly instead of pretending.
fn apply_start_request(
    mut requests: MessageReader<StartRequested>,
    mut feedback: Single<&mut Visibility, With<StartFeedback>>,
) {
    if requests.read().count() > 0 && **feedback != Visibility::Visible {
        **feedback = Visibility::Visible;
    }
}

fn style_start_button(
    mut buttons: Query<(&Interaction, &mut BackgroundColor), StartButtonChanged>,
) {
    for (interaction, mut background) in &mut buttons {
        background.0 = match interaction {
            Interaction::Pressed => theme::BUTTON_PRESSED,
            Interaction::Hovered => theme::BUTTON_HOVERED,
            Interaction::None => theme::BUTTON,
        };
    }
}

fn show_api_status(status: Res<ApiStatus>, mut line: Single<&mut Text, With<ApiStatusLine>>) {
    if status.is_changed() {
        let message = theme::displayable(status.message().text(LANG));
        if line.0 != message {
            line.0 = message;
        }
    }
}
