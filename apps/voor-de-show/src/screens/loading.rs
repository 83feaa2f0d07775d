//! The loading screen: a message and a progress bar until every tracked asset is
//! loaded, then on to the title screen.

use bevy::prelude::*;
use suite_domain::i18n::Msg;

use crate::{asset_tracking::ResourceHandles, screens::Screen, settings::Settings, theme};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Loading), spawn_loading_screen);
    app.add_systems(
        Update,
        (
            update_progress_bar,
            show_load_failure,
            continue_to_title_screen.run_if(all_assets_loaded),
        )
            .run_if(in_state(Screen::Loading)),
    );
}

/// The filled part of the progress bar.
#[derive(Component)]
struct ProgressFill;

/// The line under the bar that tells about a failed download.
#[derive(Component)]
struct LoadFailure;

fn spawn_loading_screen(mut commands: Commands, settings: Res<Settings>) {
    commands.spawn((
        theme::ui_root("Loading screen"),
        DespawnOnExit(Screen::Loading),
        children![
            theme::text(Msg::Loading.text(settings.lang), 5.0, theme::TEXT),
            (
                Name::new("Progress bar"),
                Node {
                    width: Val::VMin(60.0),
                    height: Val::VMin(4.0),
                    border: UiRect::all(Val::VMin(0.6)),
                    border_radius: BorderRadius::all(Val::VMin(2.0)),
                    ..default()
                },
                BorderColor::all(theme::GOLD),
                children![(
                    ProgressFill,
                    Node {
                        width: Val::Percent(0.0),
                        height: Val::Percent(100.0),
                        border_radius: BorderRadius::all(Val::VMin(1.4)),
                        ..default()
                    },
                    BackgroundColor(theme::GOLD),
                )],
            ),
            (LoadFailure, theme::text("", 3.5, theme::TEXT_SOFT)),
        ],
    ));
}

fn update_progress_bar(
    handles: Res<ResourceHandles>,
    mut fill: Single<&mut Node, With<ProgressFill>>,
) {
    let width = Val::Percent(handles.progress() * 100.0);
    if fill.width != width {
        fill.width = width;
    }
}

fn show_load_failure(
    handles: Res<ResourceHandles>,
    settings: Res<Settings>,
    mut line: Single<&mut Text, With<LoadFailure>>,
) {
    if handles.has_failures() && line.0.is_empty() {
        line.0 = Msg::ErrNetwork.text(settings.lang).to_owned();
    }
}

fn all_assets_loaded(handles: Res<ResourceHandles>) -> bool {
    handles.is_all_done()
}

fn continue_to_title_screen(mut next_screen: ResMut<NextState<Screen>>) {
    next_screen.set(Screen::Title);
}
