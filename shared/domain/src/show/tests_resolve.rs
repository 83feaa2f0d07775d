//! Tests of the resolver: the show's prompt and picture where given, the game's own
//! texts elsewhere, each part marked with its source.

use super::tests_content::real;
use super::tests_data::show;
use super::*;
use crate::i18n::{Lang, Msg};

#[test]
fn the_resolver_takes_the_show_where_given_and_marks_the_fallbacks() {
    let content = real();
    let data = show();
    let r = resolve(
        &content,
        Some(&data),
        "affiche-lezen",
        Grade::Ages8To10,
        Lang::Nl,
    )
    .expect("known");
    assert_eq!(
        r.show_title,
        Sourced {
            value: "Het meisje en de storm",
            source: Source::Show
        }
    );
    assert_eq!(r.prompt.value, "Wie is het meisje met de rode laarzen?");
    assert_eq!(r.prompt.source, Source::Show);
    assert_eq!(
        r.image,
        Sourced {
            value: Some("affiche-2026"),
            source: Source::Show
        }
    );
    let version = content
        .assignment("affiche-lezen")
        .expect("known")
        .version(Grade::Ages8To10);
    assert_eq!(
        r.goal,
        Sourced {
            value: version.goal.nl.as_str(),
            source: Source::Generic
        }
    );
    assert_eq!(r.minutes, 12);
    assert!(r.goal.is_fallback() && !r.prompt.is_fallback());
    assert_eq!(r.prompt.source.msg(), Msg::ShowFromCompany);
    assert_eq!(r.goal.source.msg(), Msg::ShowFallback);

    // A blank prompt and no picture: the generic prompt (what the teacher says), marked.
    let r = resolve(
        &content,
        Some(&data),
        "stel-je-voor",
        Grade::Ages6To8,
        Lang::En,
    )
    .expect("known");
    let version = content
        .assignment("stel-je-voor")
        .expect("known")
        .version(Grade::Ages6To8);
    assert_eq!(
        r.prompt,
        Sourced {
            value: version.teacher.en.as_str(),
            source: Source::Generic
        }
    );
    assert_eq!(
        r.image,
        Sourced {
            value: None,
            source: Source::Generic
        }
    );
    assert_eq!(r.minutes, 10);
    assert!(
        r.parts()
            .iter()
            .filter(|(_, p)| !p.is_fallback())
            .map(|(n, _)| *n)
            .eq(["show_title"])
    );

    // No show at all: everything generic, the title "the show".
    let r = resolve(
        &content,
        None,
        "wat-is-een-thema",
        Grade::Ages10To12,
        Lang::En,
    )
    .expect("known");
    assert_eq!(
        r.show_title,
        Sourced {
            value: "the show",
            source: Source::Generic
        }
    );
    assert!(r.parts().iter().all(|(_, p)| p.is_fallback()));
    assert_eq!(r.quiz.len(), 3);
    assert_eq!(
        r.quiz[0].question.en,
        content
            .assignment("wat-is-een-thema")
            .expect("known")
            .version(Grade::Ages10To12)
            .quiz[0]
            .question
            .en
    );

    // A picture that is not among the show's images is not shown.
    let mut data = show();
    data.assignments
        .get_mut("affiche-lezen")
        .expect("there")
        .image = Some("weg".into());
    let r = resolve(
        &content,
        Some(&data),
        "affiche-lezen",
        Grade::Ages8To10,
        Lang::Nl,
    )
    .expect("known");
    assert!(r.image.is_fallback());
    assert!(resolve(&content, Some(&data), "dansen", Grade::Ages8To10, Lang::Nl).is_none());
}
