//! Native tests of when the game asks for frames ([`crate::pacing`]): none on a screen
//! that nothing changes, none after a key (its own frame enters the next screen), all the time while something moves, none while a subtitle only waits.

use std::time::Duration;

use bevy::{
    ecs::system::RunSystemOnce, prelude::*, time::TimeUpdateStrategy, window::RequestRedraw,
};
use suite_domain::show::Grade;

use crate::{
    api_check::ApiStatus,
    audio::{Cue, Heard},
    game::Act,
    pacing::busy,
    play::timer::ClassTimer,
    screens::Screen,
    show::{ShowInPlay, ShowStatus},
    tests::{game_with, screen},
};

/// A game on its title with the pacing, settled (it asks for no more frames).
fn paced() -> App {
    let mut app = game_with(None, None);
    app.add_plugins(crate::pacing::plugin);
    app.init_resource::<Asked>();
    app.add_systems(Last, count_asks.after(crate::pacing::keep_drawing));
    app.update();
    assert!(!asks(&app), "settled on the title");
    app
}

/// How many frames the last update asked for.
#[derive(Resource, Default)]
struct Asked(usize);

fn count_asks(mut asks: MessageReader<RequestRedraw>, mut asked: ResMut<Asked>) {
    asked.0 = asks.read().count();
}

/// Whether the last update asked for another frame.
fn asks(app: &App) -> bool {
    app.world().resource::<Asked>().0 > 0
}

/// How many of the next `n` updates ask for another frame.
fn asking(app: &mut App, n: usize) -> usize {
    (0..n)
        .filter(|_| {
            app.update();
            asks(app)
        })
        .count()
}

#[test]
fn an_unchanged_screen_asks_for_no_frames() {
    let mut app = paced();
    assert_eq!(asking(&mut app, 20), 0);
}

#[test]
fn a_key_draws_the_next_screen_in_its_own_frame_and_asks_for_none_after() {
    let mut app = paced();
    app.world_mut().write_message(Act::Begin);
    app.update();
    assert_eq!(screen(&app), Screen::Grade, "entered in the key's frame");
    assert!(!asks(&app), "nothing left for another frame");
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        200,
    )));
    app.world_mut().write_message(Act::Grade(Grade::Ages6To8));
    app.update();
    assert_eq!(screen(&app), Screen::Room, "entered in the key's frame");
    // The gong on arrival is heard in that frame, its subtitle (5 s) on the board.
    assert_eq!(
        app.world().resource::<Heard>().caption.as_deref(),
        Some("[Geluid: gongslag]")
    );
    assert!(!asks(&app));
    assert_eq!(
        asking(&mut app, 10),
        0,
        "no frames while the subtitle waits"
    );
}

#[test]
fn a_chosen_screen_not_yet_entered_asks_for_its_frame() {
    let mut app = paced();
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Grade);
    // Chosen after this frame's screens were entered (as by a system late in a frame).
    app.world_mut()
        .run_system_once(crate::pacing::keep_drawing)
        .ok();
    let asked = app
        .world_mut()
        .resource_mut::<Messages<RequestRedraw>>()
        .drain()
        .count();
    assert_eq!(asked, 1, "one frame to enter it");
    app.update();
    assert_eq!(screen(&app), Screen::Grade);
    assert!(!asks(&app));
}

#[test]
fn a_subtitle_is_drawn_in_its_frame_and_taken_away_by_a_wake() {
    let mut app = paced();
    // The updates here stand for the once-a-second wakes.
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs(1)));
    app.world_mut().write_message(Cue::Right);
    app.update();
    assert!(app.world().resource::<Heard>().caption.is_some());
    assert!(!asks(&app), "drawn in the cue's frame");
    let mut gone_after = None;
    for wake in 1..=6 {
        app.update();
        assert!(!asks(&app));
        if app.world().resource::<Heard>().caption.is_none() {
            gone_after = Some(wake);
            break;
        }
    }
    assert!(
        gone_after.is_some_and(|w| w >= 4),
        "the subtitle stayed its 5 s, then went at a wake: {gone_after:?}"
    );
}

#[test]
fn a_running_class_timer_keeps_frames_coming() {
    let mut app = paced();
    let mut running = ClassTimer::default();
    running.running = true;
    app.insert_resource(running);
    assert_eq!(asking(&mut app, 30), 30);
    app.world_mut().resource_mut::<ClassTimer>().running = false;
    assert_eq!(asking(&mut app, 10), 0);
}

#[test]
fn loading_and_answers_under_way_count_as_busy() {
    let loading_show = ShowInPlay {
        source: None,
        status: ShowStatus::Loading,
    };
    let ready_show = ShowInPlay {
        source: None,
        status: ShowStatus::Generic,
    };
    assert!(busy(Screen::Loading, None, None, None));
    assert!(!busy(Screen::Title, None, None, None));
    assert!(busy(Screen::Title, None, Some(&loading_show), None));
    assert!(!busy(Screen::Title, None, Some(&ready_show), None));
    assert!(busy(Screen::Title, None, None, Some(&ApiStatus::Checking)));
    assert!(!busy(Screen::Room, None, None, Some(&ApiStatus::Ok)));
    assert!(!busy(Screen::Room, None, None, Some(&ApiStatus::Down)));
    let stopped = ClassTimer::default();
    assert!(!busy(Screen::Assignment, Some(&stopped), None, None));
}
