//! Native tests of the game's start: a grade chosen on the page's loading screen
//! (`LoaderGrade`, in the browser `data-grade`) opens the first place without the title.

use bevy::{prelude::*, state::app::StatesPlugin};
use suite_domain::show::Grade;

use crate::{
    game::{Act, Game, Saved, StoredProgress},
    screens::{LoaderGrade, Screen},
    show::ShowInPlay,
    tests::{act, content, game_from, place, screen},
};

/// A game as it starts, before its first frame: `chosen` is the grade the page's loading
/// screen left (`data-grade`), `show` the link's show.
pub(crate) fn game_starting(chosen: Option<&str>, show: Option<ShowInPlay>) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(StoredProgress(None));
    app.insert_resource(LoaderGrade(chosen.map(str::to_owned)));
    if let Some(show) = show {
        app.insert_resource(show);
    }
    app.add_plugins(crate::logic_plugin);
    assert_eq!(screen(&app), Screen::Loading);
    app
}

/// The screens the game passed through since `app` was made.
fn screens_entered(app: &mut App) -> Vec<Screen> {
    app.world_mut()
        .resource_mut::<Messages<StateTransitionEvent<Screen>>>()
        .drain()
        .filter_map(|t| t.entered)
        .collect()
}

#[test]
fn a_grade_chosen_while_the_game_loads_opens_the_first_place_in_its_first_frame() {
    let mut app = game_starting(Some("8-10"), None);
    app.update();
    assert_eq!(screen(&app), Screen::Room);
    assert_eq!(
        screens_entered(&mut app),
        vec![Screen::Loading, Screen::Room],
        "neither the title nor the grade screen"
    );
    let first = content(&app).content.places[0].id.clone();
    assert_eq!(place(&app), first);
    let progress = &app.world().resource::<Game>().progress;
    assert_eq!(progress.grade(), Some(Grade::Ages8To10));
    // The grade is kept for the next day as a grade chosen on the grade screen is.
    let saved = app.world().resource::<Saved>().0.clone();
    assert!(saved.is_some_and(|s| s.contains("8-10")), "progress saved");
    // Taken once: back on the title later, nothing picks a grade by itself.
    act(&mut app, Act::Back);
    assert_eq!(screen(&app), Screen::Grade);
    act(&mut app, Act::Back);
    assert_eq!(screen(&app), Screen::Title);
    app.update();
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn without_a_grade_from_the_loading_screen_or_with_a_wrong_one_the_title_shows() {
    for chosen in [None, Some("5-7"), Some(""), Some("6-8 ")] {
        let mut app = game_starting(chosen, None);
        app.update();
        assert_eq!(screen(&app), Screen::Title, "{chosen:?}");
        assert_eq!(app.world().resource::<Game>().progress.grade(), None);
    }
}

#[test]
fn a_grade_chosen_while_the_title_was_still_being_drawn_counts() {
    let mut app = game_from(None);
    assert_eq!(screen(&app), Screen::Title);
    app.world_mut().resource_mut::<LoaderGrade>().0 = Some("6-8".to_owned());
    app.update();
    assert_eq!(screen(&app), Screen::Room);
    assert_eq!(
        app.world().resource::<Game>().progress.grade(),
        Some(Grade::Ages6To8)
    );
}
