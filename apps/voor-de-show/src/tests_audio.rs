//! Native tests of the sound's logic: which moments make which cue, the subtitle on
//! the board with the sound on or off, and how long it stays.

use std::time::Duration;

use bevy::{prelude::*, time::TimeUpdateStrategy};
use suite_domain::show::Grade;

use crate::{
    audio::{Cue, Heard},
    game::Act,
    screens::Screen,
    settings::Settings,
    tests::{act, assignments_here, in_first_room, screen},
};

fn heard(app: &App) -> Heard {
    app.world().resource::<Heard>().clone()
}

#[test]
fn arriving_at_a_place_rings_the_gong_once_with_its_subtitle() {
    let mut app = in_first_room(Grade::Ages6To8);
    let first = heard(&app);
    assert_eq!(first.last, Some(Cue::Arrive));
    assert_eq!(first.caption.as_deref(), Some("[Geluid: gongslag]"));
    assert_eq!(first.played, 1, "the sound is on by default");
    // Into an assignment and back to the same place: no second gong.
    let id = assignments_here(&app)[0].clone();
    act(&mut app, Act::Open(id));
    act(&mut app, Act::Back);
    assert_eq!(screen(&app), Screen::Room);
    assert_eq!(heard(&app).played, 1);
}

#[test]
fn a_done_assignment_gets_applause_and_the_next_place_a_gong() {
    let mut app = in_first_room(Grade::Ages8To10);
    for id in assignments_here(&app) {
        act(&mut app, Act::Open(id));
        act(&mut app, Act::Complete);
        assert_eq!(heard(&app).last, Some(Cue::Applause));
    }
    let before = heard(&app).played;
    act(&mut app, Act::Next);
    assert_eq!(heard(&app).last, Some(Cue::Arrive));
    assert_eq!(heard(&app).played, before + 1);
}

#[test]
fn with_the_sound_off_the_subtitles_stay_and_nothing_is_played() {
    let mut app = in_first_room(Grade::Ages10To12);
    act(&mut app, Act::ToggleSound);
    assert!(!app.world().resource::<Settings>().sound);
    let played = heard(&app).played;
    let id = assignments_here(&app)[0].clone();
    act(&mut app, Act::Open(id));
    act(&mut app, Act::Complete);
    let after = heard(&app);
    assert_eq!(after.caption.as_deref(), Some("[Geluid: applaus]"));
    assert_eq!(after.played, played, "nothing through the speakers");
    act(&mut app, Act::ToggleSound);
    assert!(app.world().resource::<Settings>().sound);
}

#[test]
fn a_subtitle_stays_for_its_reading_time() {
    use crate::audio::caption_seconds;
    assert_eq!(caption_seconds("[Geluid: gongslag]"), 5.0, "at least 5 s");
    assert_eq!(caption_seconds("[Sound: rain]  [Sound: an owl]"), 6.0);
    let all: Vec<usize> = (0..8).collect();
    let everything = Cue::Layers(all).subtitle(suite_domain::i18n::Lang::Nl);
    assert_eq!(
        caption_seconds(&everything),
        15.0,
        "at most 15 s: {everything}"
    );
}

#[test]
fn the_subtitle_follows_the_language_and_leaves_the_board_after_its_reading_time() {
    let mut app = in_first_room(Grade::Ages6To8);
    act(&mut app, Act::ToggleLanguage);
    app.world_mut().write_message(Cue::Layers(vec![0, 2]));
    app.update();
    assert_eq!(
        heard(&app).caption.as_deref(),
        Some("[Sound: rain]  [Sound: an owl]")
    );
    // Steps of 0.2 s (bevy's virtual clock takes at most 0.25 s a frame).
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        200,
    )));
    // Five words: 6 s.
    for _ in 0..28 {
        app.update();
    }
    assert!(
        heard(&app).caption.is_some(),
        "still there after 5.6 seconds"
    );
    for _ in 0..3 {
        app.update();
    }
    assert_eq!(heard(&app).caption, None);
}

#[test]
fn the_caption_on_the_board_shows_the_subtitle_then_goes() {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, bevy::state::app::StatesPlugin));
    app.insert_resource(crate::game::StoredProgress(None));
    app.add_plugins((crate::logic_plugin, crate::audio::caption_plugin));
    app.update();
    let captions = |app: &mut App| {
        let mut names = app.world_mut().query::<&Name>();
        let lines = names
            .iter(app.world())
            .filter(|n| n.as_str() == "Sound caption")
            .count();
        let mut texts = app.world_mut().query::<&Text>();
        let texts = texts
            .iter(app.world())
            .map(|t| t.0.clone())
            .collect::<Vec<_>>();
        (lines, texts)
    };
    assert_eq!(captions(&mut app), (0, vec![]));
    app.world_mut().write_message(Cue::Right);
    app.update();
    assert_eq!(
        captions(&mut app),
        (1, vec!["[Geluid: belletje]".to_owned()])
    );
    app.world_mut().write_message(Cue::Wrong);
    app.update();
    assert_eq!(
        captions(&mut app),
        (1, vec!["[Geluid: zachte toon]".to_owned()])
    );
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        200,
    )));
    // Three words: 5 s.
    for _ in 0..27 {
        app.update();
    }
    assert_eq!(captions(&mut app), (0, vec![]));
}
