//! When the game draws a frame. A class looks at one screen for minutes; drawing it 60
//! times a second anyway costs a classroom laptop its battery and fan, and where the
//! browser draws WebGL in software it takes the whole page's main thread: the bench's
//! keys reached the page 10-14 s after they were sent (measured on 05d78d3 at 4x CPU,
//! each frame ~240 ms). So the game updates when something happens (a key, the pointer,
//! the window: bevy's reactive mode), while something moves or waits ([`busy`]), while
//! a screen chosen late in a frame waits to be entered, and otherwise once a second:
//! that wake also takes a subtitle away when its time is up (5-15 s on the board, so at
//! most a second late). What happens is drawn in its own frame: a key's frame enters
//! and draws the next screen (`screens::EnterScreen`) and plays what arriving there
//! makes heard, with its subtitle; `ready` reports it without a frame of the game. So
//! no frame follows a change: where the browser draws in software such a frame (~0.1 s
//! at 4x CPU on the bench) would hold up the class's next key.
use bevy::{prelude::*, window::RequestRedraw};

use crate::{
    api_check::ApiStatus,
    play::timer::ClassTimer,
    screens::Screen,
    show::{ShowInPlay, ShowStatus},
};

/// How long the game waits for something to happen before it updates anyway (a net
/// under anything [`busy`] misses).
#[cfg(target_arch = "wasm32")]
const IDLE_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

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
    app.add_systems(Last, keep_drawing);
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

/// Asks for the next frame while something moves or waits, or a screen is still to be
/// entered.
pub(crate) fn keep_drawing(
    screen: Res<State<Screen>>,
    next: Res<NextState<Screen>>,
    show: Option<Res<ShowInPlay>>,
    timer: Option<Res<ClassTimer>>,
    status: Option<Res<ApiStatus>>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let moving = busy(
        *screen.get(),
        timer.as_deref(),
        show.as_deref(),
        status.as_deref(),
    );
    let pending = !matches!(*next, NextState::Unchanged);
    if moving || pending {
        redraw.write(RequestRedraw);
    }
}
