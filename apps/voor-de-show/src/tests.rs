//! Native tests of the game's logic: an `App` with `MinimalPlugins`, the state plugin
//! and [`crate::logic_plugin`] (no window, no rendering), driven by [`Act`] messages
//! the way the buttons and keys send them.

use bevy::{prelude::*, state::app::StatesPlugin};
use suite_domain::i18n::Lang;
use suite_domain::show::Grade;

use crate::{
    content::GameContent,
    game::{Act, Game, Saved, StoredProgress},
    screens::Screen,
    settings::Settings,
    show::ShowInPlay,
    view,
};

/// A game at its title screen, started from `stored` (what `localStorage` held).
pub(crate) fn game_from(stored: Option<String>) -> App {
    game_with(stored, None)
}

/// A game at its title screen with `show` in play (the browser's glue would have
/// fetched it), started from `stored`.
pub(crate) fn game_with(stored: Option<String>, show: Option<ShowInPlay>) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(StoredProgress(stored));
    if let Some(show) = show {
        app.insert_resource(show);
    }
    app.add_plugins(crate::logic_plugin);
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Title);
    app.update();
    assert_eq!(screen(&app), Screen::Title);
    app
}

/// Sends `act` and runs two frames: the logic acts in the first, the screen changes
/// at the start of the next (bevy applies state changes between frames).
pub(crate) fn act(app: &mut App, act: Act) {
    app.world_mut().write_message(act);
    app.update();
    app.update();
}

pub(crate) fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

pub(crate) fn place(app: &App) -> String {
    app.world().resource::<Game>().progress.place().to_owned()
}

pub(crate) fn content(app: &App) -> &GameContent {
    app.world().resource::<GameContent>()
}

/// The ids of the assignments of the place where the class is.
pub(crate) fn assignments_here(app: &App) -> Vec<String> {
    let here = place(app);
    content(app)
        .content
        .place(&here)
        .map(|p| p.assignments.clone())
        .unwrap_or_default()
}

/// Title, start, a grade: the first room.
pub(crate) fn in_first_room(grade: Grade) -> App {
    let mut app = game_from(None);
    act(&mut app, Act::Begin);
    assert_eq!(screen(&app), Screen::Grade);
    act(&mut app, Act::Grade(grade));
    assert_eq!(screen(&app), Screen::Room);
    app
}

#[test]
fn the_class_walks_the_places_in_the_content_order_to_the_end() {
    let mut app = in_first_room(Grade::Ages8To10);
    let expected: Vec<String> = content(&app)
        .content
        .places
        .iter()
        .map(|p| p.id.clone())
        .collect();
    let mut walked = vec![place(&app)];
    for _ in 0..expected.len() {
        for id in assignments_here(&app) {
            act(&mut app, Act::Open(id.clone()));
            assert_eq!(screen(&app), Screen::Assignment, "{id} opens");
            act(&mut app, Act::Complete);
            assert_eq!(screen(&app), Screen::Room);
            assert!(app.world().resource::<Game>().progress.is_done(&id));
        }
        act(&mut app, Act::Next);
        if screen(&app) == Screen::Room {
            walked.push(place(&app));
        }
    }
    assert_eq!(walked, expected);
    assert_eq!(screen(&app), Screen::End);
}

#[test]
fn the_next_place_unlocks_only_when_every_assignment_here_is_done_or_skipped() {
    let mut app = in_first_room(Grade::Ages6To8);
    let first = place(&app);
    let here = assignments_here(&app);
    assert!(here.len() >= 2, "the first place has two assignments");
    act(&mut app, Act::Next);
    assert_eq!(place(&app), first, "locked before anything is played");
    // The second assignment cannot start before the first.
    act(&mut app, Act::Open(here[1].clone()));
    assert_eq!(screen(&app), Screen::Room);
    act(&mut app, Act::Open(here[0].clone()));
    act(&mut app, Act::Skip);
    assert!(app.world().resource::<Game>().progress.is_skipped(&here[0]));
    act(&mut app, Act::Next);
    assert_eq!(place(&app), first, "one assignment is still open");
    act(&mut app, Act::Open(here[1].clone()));
    act(&mut app, Act::Complete);
    act(&mut app, Act::Next);
    assert_ne!(place(&app), first, "done and skipped: the way on is open");
    assert_eq!(place(&app), content(&app).content.places[1].id);
}

#[test]
fn back_closes_the_assignment_then_walks_back_then_leaves_the_rooms() {
    let mut app = in_first_room(Grade::Ages6To8);
    let first = place(&app);
    for id in assignments_here(&app) {
        act(&mut app, Act::Open(id));
        act(&mut app, Act::Complete);
    }
    act(&mut app, Act::Next);
    let second = place(&app);
    let id = assignments_here(&app)[0].clone();
    act(&mut app, Act::Open(id.clone()));
    act(&mut app, Act::Back);
    assert_eq!(screen(&app), Screen::Room);
    let progress = &app.world().resource::<Game>().progress;
    assert!(!progress.is_settled(&id), "back settles nothing");
    assert_eq!(progress.running(), None);
    act(&mut app, Act::Back);
    assert_eq!((screen(&app), place(&app)), (Screen::Room, first.clone()));
    // Forward again is allowed: the second place stays unlocked.
    act(&mut app, Act::Next);
    assert_eq!(place(&app), second);
    act(&mut app, Act::Back);
    act(&mut app, Act::Back);
    assert_eq!(screen(&app), Screen::Grade, "back from the first place");
    act(&mut app, Act::Back);
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn a_done_assignment_can_be_repeated_and_stays_done_when_skipped() {
    let mut app = in_first_room(Grade::Ages10To12);
    let id = assignments_here(&app)[0].clone();
    act(&mut app, Act::Open(id.clone()));
    act(&mut app, Act::Complete);
    act(&mut app, Act::Open(id.clone()));
    assert_eq!(screen(&app), Screen::Assignment);
    assert_eq!(
        app.world().resource::<Game>().progress.running(),
        Some(id.as_str())
    );
    act(&mut app, Act::Skip);
    assert_eq!(screen(&app), Screen::Room);
    assert!(app.world().resource::<Game>().progress.is_done(&id));
}

/// The assignment screen's texts for the first assignment at `grade`.
fn first_assignment_view(grade: Grade, lang: Lang) -> view::AssignmentView {
    let mut app = in_first_room(grade);
    let id = assignments_here(&app)[0].clone();
    act(&mut app, Act::Open(id));
    let game = app.world().resource::<Game>();
    view::assignment(content(&app), None, &game.progress, lang).expect("an assignment runs")
}

#[test]
fn the_assignment_screen_shows_the_version_of_the_class_grade() {
    let young = first_assignment_view(Grade::Ages6To8, Lang::Nl);
    let old = first_assignment_view(Grade::Ages10To12, Lang::Nl);
    assert_eq!(young.id, old.id);
    assert_eq!(young.title, old.title);
    assert_ne!(young.goal, old.goal);
    assert_ne!(young.teacher, old.teacher);
    assert_ne!(young.activity, old.activity);
    let source = content(&in_first_room(Grade::Ages6To8))
        .content
        .assignment(&young.id)
        .cloned()
        .expect("known");
    assert_eq!(young.teacher, source.version(Grade::Ages6To8).teacher.nl);
    assert_eq!(old.minutes, source.version(Grade::Ages10To12).minutes);
    // Without show data the board shows what the teacher says.
    assert_eq!(young.prompt, young.teacher);
    let english = first_assignment_view(Grade::Ages6To8, Lang::En);
    assert_eq!(english.teacher, source.version(Grade::Ages6To8).teacher.en);
}

#[test]
fn the_progress_is_stored_and_restored_the_next_day() {
    let mut app = in_first_room(Grade::Ages8To10);
    let here = assignments_here(&app);
    act(&mut app, Act::Open(here[0].clone()));
    act(&mut app, Act::Complete);
    act(&mut app, Act::Open(here[1].clone()));
    act(&mut app, Act::Skip);
    act(&mut app, Act::Next);
    let before = app.world().resource::<Game>().progress.clone();
    let saved = app.world().resource::<Saved>().0.clone();
    assert_eq!(saved.as_deref(), Some(before.to_storage().as_str()));

    let mut next_day = game_from(saved);
    assert_eq!(next_day.world().resource::<Game>().progress, before);
    act(&mut next_day, Act::Begin);
    act(&mut next_day, Act::Grade(Grade::Ages8To10));
    assert_eq!(screen(&next_day), Screen::Room);
    assert_eq!(place(&next_day), before.place());
}

#[test]
fn a_damaged_stored_progress_gives_a_fresh_start() {
    for stored in [
        "",
        "nonsense",
        "voor-de-show progress 1\ngrade 8-10\nplace nergens\nrunning\ndone\nskipped\n",
    ] {
        let app = game_from(Some(stored.to_owned()));
        let progress = &app.world().resource::<Game>().progress;
        assert_eq!(progress.grade(), None, "{stored:?}");
        assert_eq!(progress.place(), content(&app).content.places[0].id);
        assert_eq!(progress.done().count(), 0);
    }
}

#[test]
fn starting_over_on_the_title_screen_erases_the_progress() {
    let mut app = in_first_room(Grade::Ages8To10);
    let id = assignments_here(&app)[0].clone();
    act(&mut app, Act::Open(id.clone()));
    act(&mut app, Act::Complete);
    act(&mut app, Act::ToTitle);
    assert_eq!(screen(&app), Screen::Title);
    act(&mut app, Act::Restart);
    let progress = &app.world().resource::<Game>().progress;
    assert!(!progress.is_done(&id));
    assert_eq!(progress.grade(), None);
    let saved = app.world().resource::<Saved>().0.clone();
    assert_eq!(saved, Some(progress.to_storage()));
}

#[test]
fn the_room_view_opens_the_way_on_after_the_place_is_settled() {
    let mut app = in_first_room(Grade::Ages6To8);
    let room = |app: &App| {
        view::room(
            content(app),
            &app.world().resource::<Game>().progress,
            Lang::Nl,
        )
        .expect("a room")
    };
    let first = room(&app);
    assert_eq!((first.number, first.way_on, first.last), (1, false, false));
    assert_eq!(first.assignments[0].standing, view::Standing::Open);
    assert_eq!(first.assignments[1].standing, view::Standing::Locked);
    let here = assignments_here(&app);
    act(&mut app, Act::Open(here[0].clone()));
    act(&mut app, Act::Complete);
    let half = room(&app);
    assert!(!half.way_on, "one assignment is still open");
    assert_eq!(
        [half.assignments[0].standing, half.assignments[1].standing],
        [view::Standing::Done, view::Standing::Open]
    );
    act(&mut app, Act::Open(here[0].clone()));
    act(&mut app, Act::Skip);
    act(&mut app, Act::Open(here[1].clone()));
    act(&mut app, Act::Skip);
    let settled = room(&app);
    assert!(settled.way_on);
    // A done assignment repeated and skipped stays done (see the test above).
    assert_eq!(
        [
            settled.assignments[0].standing,
            settled.assignments[1].standing
        ],
        [view::Standing::Done, view::Standing::Skipped]
    );
}

#[test]
fn the_language_and_the_contrast_follow_the_suite_and_switch() {
    assert_eq!(Settings::from_stored(Some("en-GB"), None).lang, Lang::En);
    assert_eq!(Settings::from_stored(Some("nl-BE"), None).lang, Lang::Nl);
    assert_eq!(Settings::from_stored(Some("fr"), None).lang, Lang::Nl);
    assert!(Settings::from_stored(None, Some("digibord")).high_contrast);
    assert!(!Settings::from_stored(None, Some("default")).high_contrast);
    let mut app = game_from(None);
    let before = *app.world().resource::<Settings>();
    act(&mut app, Act::ToggleLanguage);
    act(&mut app, Act::ToggleContrast);
    let after = *app.world().resource::<Settings>();
    assert_ne!(before.lang, after.lang);
    assert_ne!(before.high_contrast, after.high_contrast);
}

#[test]
fn the_class_timer_counts_the_clock_from_the_frame_after_the_start_and_not_the_pauses() {
    use crate::play::ClassTimer;
    let mut timer = ClassTimer::default();
    // Paused: the clock's seconds count for nothing.
    assert!(!timer.count(5.0, 60.0));
    assert_eq!(timer.elapsed, 0.0);
    // The start: the seconds before it (the game rested between keys) do not count.
    timer.running = true;
    assert!(!timer.count(1.0, 60.0));
    assert_eq!(timer.elapsed, 0.0);
    // Then every second of the clock, however long a frame took.
    assert!(!timer.count(0.5, 60.0));
    assert!(!timer.count(2.5, 60.0));
    assert_eq!(timer.elapsed, 3.0);
    // A pause and a start again: the pause does not count.
    timer.running = false;
    assert!(!timer.count(0.1, 60.0));
    timer.running = true;
    assert!(!timer.count(30.0, 60.0));
    assert_eq!(timer.elapsed, 3.0);
    // Time up once, at the length; it stops.
    assert!(timer.count(100.0, 60.0));
    assert_eq!(timer.elapsed, 60.0);
    assert!(!timer.running);
    assert!(!timer.count(1.0, 60.0));
}
