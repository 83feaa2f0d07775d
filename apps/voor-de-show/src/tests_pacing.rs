//! Native tests of when the game asks for frames ([`crate::pacing`]): none on a screen
//! that nothing changes, the next screen in a key's own frame and one frame after, all the time while something moves, none while a subtitle only waits.

use std::time::Duration;

use bevy::{prelude::*, time::TimeUpdateStrategy, window::RequestRedraw};
use suite_domain::show::Grade;

use crate::{
    api_check::ApiStatus,
    audio::{Cue, Heard},
    game::Act,
    pacing::{SETTLE_FRAMES, busy},
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
    for _ in 0..=SETTLE_FRAMES {
        app.update();
    }
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
fn a_key_draws_the_next_screen_in_its_own_frame_then_one_more() {
    let mut app = paced();
    app.world_mut().write_message(Act::Begin);
    app.update();
    assert_eq!(screen(&app), Screen::Grade, "entered in the key's frame");
    assert!(asks(&app), "a frame after the change");
    // That frame is all; then the game rests.
    assert_eq!(asking(&mut app, 10), usize::from(SETTLE_FRAMES) - 1);
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        200,
    )));
    app.world_mut().write_message(Act::Grade(Grade::Ages6To8));
    app.update();
    assert_eq!(screen(&app), Screen::Room, "entered in the key's frame");
    assert!(asks(&app));
    assert!(app.world().resource::<Heard>().caption.is_none());
    // The frame after: the gong on arrival, with its subtitle (5 s) on the board.
    app.update();
    assert!(
        asks(&app),
        "the subtitle is drawn, and gets its frame after"
    );
    // It waits, nothing moves.
    assert!(app.world().resource::<Heard>().caption.is_some());
    assert!(asking(&mut app, 3) <= 1, "the room settled");
    assert_eq!(
        asking(&mut app, 10),
        0,
        "no frames while the subtitle waits"
    );
}

#[test]
fn a_subtitle_gets_a_frame_to_come_and_one_to_go() {
    let mut app = paced();
    // The updates here stand for the once-a-second wakes.
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs(1)));
    app.world_mut().write_message(Cue::Right);
    app.update();
    assert!(app.world().resource::<Heard>().caption.is_some());
    assert!(asks(&app), "the subtitle is drawn");
    // "[Geluid: belletje]" stays 5 s: the wakes in between draw nothing new.
    assert_eq!(asking(&mut app, 3), usize::from(SETTLE_FRAMES) - 1);
    assert!(app.world().resource::<Heard>().caption.is_some());
    let mut gone_after = None;
    for wake in 1..=4 {
        app.update();
        if app.world().resource::<Heard>().caption.is_none() {
            gone_after = Some(wake);
            assert!(asks(&app), "its going is drawn and reported");
            break;
        }
        assert!(!asks(&app));
    }
    assert!(gone_after.is_some(), "the subtitle went after its 5 s");
    assert_eq!(asking(&mut app, 10), 0, "nothing moves any more");
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
