//! When the game draws a frame. A class looks at one screen for minutes; drawing it 60
//! times a second anyway costs a classroom laptop its battery and fan, and where the
//! browser draws WebGL in software it takes the whole page's main thread: the bench's
//! keys reached the page 10-14 s after they were sent (measured on 05d78d3 at 4x CPU,
//! each frame ~240 ms). So the game updates when something happens (a key, the pointer,
//! the window: bevy's reactive mode), one frame after anything changed (so a chain of
//! changes gets a frame for each link: a key's frame enters and draws the next screen
//! (`screens::EnterScreen`), the frame after plays what arriving there makes heard,
//! with its subtitle), while something moves or waits
//! ([`busy`]), and otherwise once a second: that wake also takes a subtitle away when its
//! time is up (5-15 s on the board, so at most a second late).
use bevy::{prelude::*, window::RequestRedraw};

use crate::{
    api_check::ApiStatus,
    audio::Heard,
    game::Game,
    play::timer::ClassTimer,
    screens::Screen,
    settings::Settings,
    show::{ShowInPlay, ShowStatus},
};

/// How long the game waits for something to happen before it updates anyway (a net
/// under anything [`busy`] misses).
#[cfg(target_arch = "wasm32")]
const IDLE_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// Frames drawn after a change. One: what changed in a frame is drawn at its end, and a
/// change that follows in the frame after (the gong on arriving in a room, which its
/// frame hears) asks for its own. `ready` reports a screen without a frame of the game.
/// Every extra frame delays the class's next key where the browser draws in software
/// (~0.1 s a frame at 4x CPU on the bench).
pub(crate) const SETTLE_FRAMES: u8 = 1;

pub(super) fn plugin(app: &mut App) {
    #[cfg(target_arch = "wasm32")]
    {
        use bevy::winit::{UpdateMode, WinitSettings};
        app.insert_resource(WinitSettings {
            focused_mode: UpdateMode::reactive(IDLE_WAIT),
            unfocused_mode: UpdateMode::reactive_low_power(IDLE_WAIT),
        });
    }
    app.add_message::<RequestRedraw>();
    app.init_resource::<Pacing>();
    app.add_systems(Last, keep_drawing);
}

/// Frames still to draw after the last change.
#[derive(Resource, Debug, Default)]
pub(crate) struct Pacing {
    pub(crate) settle: u8,
}

/// Whether something moves or waits for an answer, so frames must keep coming: the
/// loading screen (the assets arrive between frames), the class timer running (its
/// seconds count down), the show or the server's health still being fetched. A
/// subtitle on the board does not move: the once-a-second wake takes it away.
pub(crate) fn busy(
    screen: Screen,
    timer: Option<&ClassTimer>,
    show: Option<&ShowInPlay>,
    status: Option<&ApiStatus>,
) -> bool {
    screen == Screen::Loading
        || timer.is_some_and(|t| t.running)
        || show.is_some_and(|s| s.status == ShowStatus::Loading)
        || status == Some(&ApiStatus::Checking)
}

/// What the UI tree did this frame: nodes drawn, changed, or a button's hover or press.
type UiChanges = Or<(
    Added<Node>,
    Changed<Node>,
    Changed<Interaction>,
    Changed<Text>,
)>;

#[allow(clippy::too_many_arguments)]
pub(crate) fn keep_drawing(
    screen: Res<State<Screen>>,
    next: Res<NextState<Screen>>,
    game: Option<Res<Game>>,
    settings: Res<Settings>,
    show: Option<Res<ShowInPlay>>,
    heard: Option<Res<Heard>>,
    timer: Option<Res<ClassTimer>>,
    status: Option<Res<ApiStatus>>,
    ui: Query<(), UiChanges>,
    mut pacing: ResMut<Pacing>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let now = *screen.get();
    let moving = busy(now, timer.as_deref(), show.as_deref(), status.as_deref());
    let changed = screen.is_changed()
        || matches!(*next, NextState::Pending(_) | NextState::PendingIfNeq(_))
        || settings.is_changed()
        || game.is_some_and(|g| g.is_changed())
        || show.as_ref().is_some_and(|s| s.is_changed())
        || heard.as_ref().is_some_and(|h| h.is_changed())
        || status.as_ref().is_some_and(|s| s.is_changed())
        || !ui.is_empty();
    if changed {
        pacing.settle = SETTLE_FRAMES;
    }
    if moving || pacing.settle > 0 {
        pacing.settle = pacing.settle.saturating_sub(1);
        redraw.write(RequestRedraw);
    }
}
