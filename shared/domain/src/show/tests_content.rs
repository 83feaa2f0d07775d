//! Tests of the content files: the real ones pass every check, and broken copies of
//! them fail with a problem naming the right file and field.

use super::*;

macro_rules! content_file {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../../../apps/voor-de-show/content/", $name)),
        )
    };
}

pub(super) const PLACES: (&str, &str) = content_file!("places.toml");
pub(super) const FILES: [(&str, &str); 12] = [
    content_file!("assignments/stel-je-voor.toml"),
    content_file!("assignments/ideeenmuur.toml"),
    content_file!("assignments/affiche-lezen.toml"),
    content_file!("assignments/wat-is-een-thema.toml"),
    content_file!("assignments/wat-als.toml"),
    content_file!("assignments/thema-in-beeld.toml"),
    content_file!("assignments/ding-wordt-iets.toml"),
    content_file!("assignments/decor-uit-een-beeld.toml"),
    content_file!("assignments/kostuum-en-grime.toml"),
    content_file!("assignments/personage-zoeken.toml"),
    content_file!("assignments/licht-en-sfeer.toml"),
    content_file!("assignments/geluidsdecor.toml"),
];

pub(super) fn parse(
    places: &str,
    files: &[(String, String)],
) -> Result<Content, Vec<ContentProblem>> {
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Content::parse(places, &files)
}

pub(super) fn real_files() -> Vec<(String, String)> {
    FILES
        .iter()
        .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
        .collect()
}

/// The real content, checked.
pub(super) fn real() -> Content {
    match parse(PLACES.1, &real_files()) {
        Ok(content) => content,
        Err(problems) => panic!("the real content has problems: {problems:#?}"),
    }
}

#[test]
fn the_real_content_passes_every_check() {
    let content = real();
    let places: Vec<&str> = content.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        places,
        [
            "inkom",
            "ticketbalie",
            "zaal",
            "podium",
            "decoratelier",
            "kleedkamer",
            "regiekamer"
        ]
    );
    assert_eq!(content.assignments.len(), ASSIGNMENTS);
    for category in Category::ALL {
        assert_eq!(content.of_category(category).count(), 3, "{category:?}");
    }
    // In playing order: place by place.
    let order: Vec<&str> = content
        .assignments
        .iter()
        .map(|a| a.place.as_str())
        .collect();
    let mut sorted = order.clone();
    sorted.sort_by_key(|p| places.iter().position(|x| x == p));
    assert_eq!(order, sorted);
    for a in &content.assignments {
        let quiz = a.interaction == Interaction::Quiz;
        for grade in Grade::ALL {
            assert_eq!(
                !a.version(grade).quiz.is_empty(),
                quiz,
                "{} {grade:?}",
                a.id
            );
        }
    }
}

#[test]
fn the_real_content_has_its_versions_per_grade() {
    let content = real();
    let quiz = content.assignment("wat-is-een-thema").expect("the quiz");
    let young = quiz.version(Grade::Ages6To8);
    let old = quiz.version(Grade::Ages10To12);
    assert_ne!(young.goal, old.goal);
    assert_eq!(young.quiz.len(), 3);
    assert!(young.quiz[0].answers.iter().filter(|a| a.right).count() == 1);
    assert_eq!(content.route().stops().len(), 7);
}

#[test]
fn a_route_over_the_real_content_can_be_played_to_the_end() {
    let content = real();
    let route = content.route();
    let mut p = Progress::new(&route);
    p.apply(&route, &Event::ChooseGrade(Grade::Ages8To10))
        .expect("grade");
    for place in &content.places {
        p.apply(&route, &Event::Arrive(place.id.clone()))
            .expect("unlocked");
        for id in &place.assignments {
            p.apply(&route, &Event::Start(id.clone())).expect("open");
            p.apply(&route, &Event::Complete).expect("done");
        }
    }
    assert!(p.is_finished(&route));
    assert_eq!(p.done().count(), ASSIGNMENTS);
}
