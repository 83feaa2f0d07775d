//! Native tests of the show in play: the link's query, the API's answer, the grades
//! offered, the company's prompt and picture on the board, and the events a class
//! code's play sends (a preview's none).

use std::collections::BTreeMap;

use suite_domain::i18n::{Lang, Msg};
use suite_domain::show::api::{PlayEvent, PlayKind, PlayShow};
use suite_domain::show::{Grade, Interaction, ShowAssignment, ShowData};

use bevy::prelude::*;

use crate::{
    game::{Act, ActsWritten, Game},
    screens::Screen,
    show::{
        Outbox, ShowInPlay, ShowSource, ShowStatus, assignment_image, grades_offered, read_query,
        status_of,
    },
    tests::{act, assignments_here, content, game_with, screen},
    tests_start::game_starting,
    view,
};

const POSTER: &str = "a1b2c3d4e5f6a7b8";
const ATTIC: &str = "0f0e0d0c0b0a0908";
const PROMPT: &str = "Stel je voor: jij vindt de koffer van Kobe op zolder.";

fn play_show(grades: Vec<Grade>) -> PlayShow {
    let mut assignments = BTreeMap::new();
    assignments.insert(
        "stel-je-voor".to_owned(),
        ShowAssignment {
            prompt: Some(PROMPT.to_owned()),
            image: None,
        },
    );
    assignments.insert(
        "wat-als".to_owned(),
        ShowAssignment {
            prompt: None,
            image: Some(ATTIC.to_owned()),
        },
    );
    PlayShow {
        code: "KLAS24".to_owned(),
        centre: "Cultuurcentrum Nova".to_owned(),
        grades,
        show: ShowData {
            title: "De koffer van Kobe".to_owned(),
            company: "Theater Klein Verhaal".to_owned(),
            grades: vec![Grade::Ages6To8, Grade::Ages8To10],
            images: vec![POSTER.to_owned(), ATTIC.to_owned()],
            assignments,
            ..ShowData::default()
        },
    }
}

fn class_show() -> ShowInPlay {
    ShowInPlay::ready(
        ShowSource::Class("KLAS24".to_owned()),
        play_show(vec![Grade::Ages8To10]),
    )
}

#[test]
fn the_query_names_a_class_code_or_a_preview() {
    let class = |code: &str| Some(ShowSource::Class(code.to_owned()));
    assert_eq!(read_query("?klas=KLAS24"), class("KLAS24"));
    assert_eq!(read_query("?klas=klas24"), class("KLAS24"));
    assert_eq!(read_query("?taal=en&klas=kl%20as-2+4"), class("KLAS24"));
    assert_eq!(read_query("?klas=KLAS24&voorbeeld=7"), class("KLAS24"));
    assert_eq!(read_query("?voorbeeld=7"), Some(ShowSource::Preview(7)));
    for bad in [
        "?klas=KLAS20",
        "?klas=",
        "?klas=%zz",
        "?voorbeeld=0",
        "?voorbeeld=x",
    ] {
        assert_eq!(read_query(bad), Some(ShowSource::Invalid), "{bad}");
    }
    assert_eq!(read_query(""), None);
    assert_eq!(read_query("?taal=en"), None);

    assert_eq!(ShowInPlay::from_query(None).status, ShowStatus::Generic);
    assert_eq!(ShowInPlay::from_query(None).message(), None);
    let loading = ShowInPlay::from_query(Some("?klas=KLAS24"));
    assert_eq!(loading.status, ShowStatus::Loading);
    assert_eq!(
        loading.source.and_then(|s| s.path()).as_deref(),
        Some("/api/voor-de-show/play/KLAS24")
    );
    let unknown = ShowInPlay::from_query(Some("?klas=nope"));
    assert_eq!(unknown.message(), Some(Msg::VdsShowUnknown));
    assert_eq!(unknown.marker(), "unknown");
}

#[test]
fn the_answer_is_a_show_an_unknown_code_or_a_failure() {
    let class = ShowSource::Class("KLAS24".to_owned());
    let preview = ShowSource::Preview(3);
    let body = serde_json::to_string(&play_show(vec![Grade::Ages6To8])).ok();
    let ready = status_of(&class, 200, body.as_deref());
    assert_eq!(
        ready,
        ShowStatus::Ready(Box::new(play_show(vec![Grade::Ages6To8])))
    );
    assert_eq!(status_of(&class, 200, Some("<html>")), ShowStatus::Failed);
    assert_eq!(status_of(&class, 404, Some("{}")), ShowStatus::Unknown);
    assert_eq!(status_of(&preview, 404, Some("{}")), ShowStatus::Failed);
    assert_eq!(status_of(&class, 429, None), ShowStatus::Failed);
    assert_eq!(status_of(&class, 500, None), ShowStatus::Failed);
    let failed = ShowInPlay {
        source: Some(class),
        status: ShowStatus::Failed,
    };
    assert_eq!(failed.message(), Some(Msg::VdsShowFailed));
    assert_eq!(failed.counted_code(), None);
}

#[test]
fn the_grade_screen_offers_the_show_s_grades() {
    assert_eq!(grades_offered(None), Grade::ALL.to_vec());
    let show = play_show(vec![Grade::Ages10To12, Grade::Ages6To8]);
    assert_eq!(
        grades_offered(Some(&show)),
        [Grade::Ages6To8, Grade::Ages10To12]
    );
    // No grades of the performance (a preview lists the show's own).
    let mut own = play_show(Vec::new());
    assert_eq!(
        grades_offered(Some(&own)),
        [Grade::Ages6To8, Grade::Ages8To10]
    );
    own.show.grades.clear();
    assert_eq!(grades_offered(Some(&own)), Grade::ALL.to_vec());

    let app = game_with(None, Some(class_show()));
    let in_play = app.world().resource::<ShowInPlay>();
    assert_eq!(grades_offered(in_play.show()), [Grade::Ages8To10]);
    let lines = in_play.title_lines(Lang::Nl);
    assert_eq!(
        lines,
        Some((
            "De koffer van Kobe".to_owned(),
            "door Theater Klein Verhaal · Cultuurcentrum Nova".to_owned()
        ))
    );
}

#[test]
fn an_assignment_shows_the_company_s_prompt_and_picture() {
    let show = play_show(Vec::new()).show;
    let own = assignment_image(Some(&show), Some(ATTIC), Interaction::Timer, Lang::Nl);
    assert_eq!(
        own.map(|i| (i.url, i.alt)),
        Some((
            format!("/api/voor-de-show/media/{ATTIC}"),
            "Beeld uit de voorstelling: De koffer van Kobe".to_owned()
        ))
    );
    let first = assignment_image(Some(&show), None, Interaction::Prompt, Lang::En);
    assert_eq!(
        first.map(|i| i.url),
        Some(format!("/api/voor-de-show/media/{POSTER}"))
    );
    assert_eq!(
        assignment_image(Some(&show), None, Interaction::Timer, Lang::Nl),
        None
    );
    assert_eq!(
        assignment_image(None, None, Interaction::Prompt, Lang::Nl),
        None
    );
    assert_eq!(
        assignment_image(Some(&show), Some("../x"), Interaction::Prompt, Lang::Nl),
        None
    );

    // In the game: the first place's first assignment is a prompt the company tuned.
    let mut app = game_with(None, Some(class_show()));
    act(&mut app, Act::Begin);
    act(&mut app, Act::Grade(Grade::Ages8To10));
    let first = assignments_here(&app)[0].clone();
    assert_eq!(first, "stel-je-voor");
    act(&mut app, Act::Open(first));
    assert_eq!(screen(&app), Screen::Assignment);
    let in_play = app.world().resource::<ShowInPlay>();
    let progress = &app.world().resource::<Game>().progress;
    let tuned = view::assignment(content(&app), in_play.data(), progress, Lang::Nl);
    let generic = view::assignment(content(&app), None, progress, Lang::Nl);
    let (tuned, generic) = (tuned.expect("runs"), generic.expect("runs"));
    assert_eq!(tuned.prompt, PROMPT);
    assert_eq!(generic.prompt, generic.teacher);
    assert_eq!(tuned.teacher, generic.teacher);
    assert_eq!(
        tuned.image.map(|i| i.url),
        Some(format!("/api/voor-de-show/media/{POSTER}"))
    );
    assert_eq!(generic.image, None);
}

/// Plays the first place (done, then skipped) with `show` and gives the outbox.
fn events_of(show: ShowInPlay) -> Vec<PlayEvent> {
    let mut app = game_with(None, Some(show));
    act(&mut app, Act::Begin);
    act(&mut app, Act::Grade(Grade::Ages8To10));
    let here = assignments_here(&app);
    act(&mut app, Act::Open(here[0].clone()));
    act(&mut app, Act::Complete);
    act(&mut app, Act::Skip);
    act(&mut app, Act::Open(here[1].clone()));
    act(&mut app, Act::Skip);
    app.world().resource::<Outbox>().0.clone()
}

#[test]
fn a_class_code_s_play_is_counted_a_preview_s_is_not() {
    let events = events_of(class_show());
    let event = |assignment: &str, kind| PlayEvent {
        assignment: assignment.to_owned(),
        kind,
    };
    // "Overslaan" in the room (after the first is done) is no event.
    assert_eq!(
        events,
        [
            event("stel-je-voor", PlayKind::Done),
            event("ideeenmuur", PlayKind::Skipped)
        ]
    );
    let preview = ShowInPlay::ready(ShowSource::Preview(3), play_show(Vec::new()));
    assert_eq!(preview.message(), Some(Msg::VdsShowPreview));
    assert_eq!(events_of(preview), Vec::<PlayEvent>::new());
    assert_eq!(
        events_of(ShowInPlay::from_query(None)),
        Vec::<PlayEvent>::new()
    );
}

#[test]
fn the_loading_screen_s_grade_counts_only_when_the_show_offers_it() {
    // The class show is for 8 to 10 years only.
    let mut app = game_starting(Some("6-8"), Some(class_show()));
    app.update();
    assert_eq!(screen(&app), Screen::Title);
    let mut app = game_starting(Some("8-10"), Some(class_show()));
    app.update();
    assert_eq!(screen(&app), Screen::Room);
    assert_eq!(
        app.world().resource::<Game>().progress.grade(),
        Some(Grade::Ages8To10)
    );
}

/// An act written in the frame, as a button or a key writes it (in `ActsWritten`), not
/// before the frame as [`act`] does.
#[derive(Resource)]
struct ActThisFrame(Option<Act>);

fn write_act_this_frame(mut next: ResMut<ActThisFrame>, mut acts: MessageWriter<Act>) {
    if let Some(act) = next.0.take() {
        acts.write(act);
    }
}

#[test]
fn a_done_pressed_in_the_frame_is_counted_before_the_logic_leaves_the_assignment() {
    let mut app = game_with(None, Some(class_show()));
    app.insert_resource(ActThisFrame(None));
    app.add_systems(Update, write_act_this_frame.in_set(ActsWritten));
    act(&mut app, Act::Begin);
    act(&mut app, Act::Grade(Grade::Ages8To10));
    let here = assignments_here(&app);
    act(&mut app, Act::Open(here[0].clone()));
    assert_eq!(screen(&app), Screen::Assignment);
    app.world_mut().resource_mut::<ActThisFrame>().0 = Some(Act::Complete);
    app.update();
    assert_eq!(screen(&app), Screen::Room, "the logic left the assignment");
    assert_eq!(
        app.world().resource::<Outbox>().0,
        [PlayEvent {
            assignment: here[0].clone(),
            kind: PlayKind::Done,
        }],
        "counted in that frame"
    );
}
