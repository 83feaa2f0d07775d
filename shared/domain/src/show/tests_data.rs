//! Tests of a company's show data: each rule broken once and named at its field with
//! its Dutch message, and the resolver's fallbacks.

use super::tests_content::real;
use super::*;
use crate::i18n::Msg;

pub(super) fn show() -> ShowData {
    let mut assignments = std::collections::BTreeMap::new();
    assignments.insert(
        "affiche-lezen".to_owned(),
        ShowAssignment {
            prompt: Some("Wie is het meisje met de rode laarzen?".to_owned()),
            image: Some("affiche-2026".to_owned()),
        },
    );
    assignments.insert(
        "stel-je-voor".to_owned(),
        ShowAssignment {
            prompt: Some("   ".to_owned()),
            image: None,
        },
    );
    ShowData {
        title: "Het meisje en de storm".to_owned(),
        company: "Theater De Wolk".to_owned(),
        synopsis:
            "Lina woont aan zee. Op een nacht waait de storm haar huis weg, en ze gaat het zoeken."
                .to_owned(),
        grades: vec![Grade::Ages6To8, Grade::Ages8To10],
        themes: vec!["moed".to_owned(), "thuis".to_owned()],
        key_words: vec!["zee".to_owned(), "storm".to_owned(), "zoeken".to_owned()],
        images: vec!["affiche-2026".to_owned(), "scene_1".to_owned()],
        sounds: vec!["storm-geluid".to_owned()],
        assignments,
    }
}

/// Applies `edit` to a sound show and expects exactly one problem, at `field`.
fn check(edit: impl Fn(&mut ShowData), field: &str, issue: ShowIssue, msg: Msg) {
    let content = real();
    let mut data = show();
    edit(&mut data);
    let problems = data.check(&content);
    assert_eq!(
        problems,
        [ShowProblem {
            field: field.to_owned(),
            issue
        }],
        "{field}"
    );
    assert_eq!(problems[0].msg(), msg, "{field}");
    assert!(
        problems[0].to_string().starts_with(field),
        "{}",
        problems[0]
    );
}

#[test]
fn a_sound_show_has_no_problems() {
    // A blank prompt is a problem only when given: this sample has one, so drop it.
    let mut data = show();
    data.assignments.remove("stel-je-voor");
    assert_eq!(data.check(&real()), []);
    assert!(data.is_for(Grade::Ages6To8) && !data.is_for(Grade::Ages10To12));
}

#[test]
fn each_rule_names_its_field_and_message() {
    let long = |n: usize| "a".repeat(n);
    let sound = |d: &mut ShowData| {
        d.assignments.remove("stel-je-voor");
    };
    type Edit = Box<dyn Fn(&mut ShowData)>;
    let cases: Vec<(Edit, &str, ShowIssue, Msg)> = vec![
        (
            Box::new(|d| {
                d.assignments.clear();
                d.title = " ".into()
            }),
            "title",
            ShowIssue::Required,
            Msg::ShowRequired,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.title = long(MAX_TITLE + 1)
            }),
            "title",
            ShowIssue::TooLong { max: MAX_TITLE },
            Msg::ShowTitleTooLong,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.company = long(MAX_COMPANY + 1)
            }),
            "company",
            ShowIssue::TooLong { max: MAX_COMPANY },
            Msg::ShowCompanyTooLong,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.company.clear()
            }),
            "company",
            ShowIssue::Required,
            Msg::ShowRequired,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.synopsis = "Een storm.".into()
            }),
            "synopsis",
            ShowIssue::TooShort { min: MIN_SYNOPSIS },
            Msg::ShowSynopsisTooShort,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.synopsis = long(MAX_SYNOPSIS + 1)
            }),
            "synopsis",
            ShowIssue::TooLong { max: MAX_SYNOPSIS },
            Msg::ShowSynopsisTooLong,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.grades.clear()
            }),
            "grades",
            ShowIssue::Required,
            Msg::ShowGradesRequired,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.grades.push(Grade::Ages6To8)
            }),
            "grades[2]",
            ShowIssue::Twice,
            Msg::ShowTwice,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.themes.clear()
            }),
            "themes",
            ShowIssue::Required,
            Msg::ShowThemesRequired,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.themes = (0..=MAX_THEMES).map(|i| format!("thema {i}")).collect()
            }),
            "themes",
            ShowIssue::TooMany { max: MAX_THEMES },
            Msg::ShowTooManyThemes,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.themes.push(long(MAX_THEME + 1))
            }),
            "themes[2]",
            ShowIssue::TooLong { max: MAX_THEME },
            Msg::ShowThemeTooLong,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.themes.push(" Moed ".into())
            }),
            "themes[2]",
            ShowIssue::Twice,
            Msg::ShowTwice,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.key_words.push("".into())
            }),
            "key_words[3]",
            ShowIssue::Blank,
            Msg::ShowBlank,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.key_words.push(long(MAX_KEY_WORD + 1))
            }),
            "key_words[3]",
            ShowIssue::TooLong { max: MAX_KEY_WORD },
            Msg::ShowKeyWordTooLong,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.key_words = (0..=MAX_KEY_WORDS).map(|i| format!("woord {i}")).collect()
            }),
            "key_words",
            ShowIssue::TooMany { max: MAX_KEY_WORDS },
            Msg::ShowTooManyKeyWords,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.images.push("../etc/passwd".into())
            }),
            "images[2]",
            ShowIssue::BadMedia,
            Msg::ShowBadMedia,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.images.push("scene_1".into())
            }),
            "images[2]",
            ShowIssue::Twice,
            Msg::ShowTwice,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.images
                    .extend((0..MAX_IMAGES - 1).map(|i| format!("beeld-{i}")))
            }),
            "images",
            ShowIssue::TooMany { max: MAX_IMAGES },
            Msg::ShowTooManyImages,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.sounds
                    .extend((0..MAX_SOUNDS).map(|i| format!("klank-{i}")))
            }),
            "sounds",
            ShowIssue::TooMany { max: MAX_SOUNDS },
            Msg::ShowTooManySounds,
        ),
        (
            Box::new(|_| {}),
            "assignments.stel-je-voor.prompt",
            ShowIssue::Blank,
            Msg::ShowBlank,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.assignments
                    .insert("dansen".into(), ShowAssignment::default());
            }),
            "assignments.dansen",
            ShowIssue::UnknownAssignment,
            Msg::ShowUnknownAssignment,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.assignments.insert(
                    "wat-als".into(),
                    ShowAssignment {
                        prompt: Some(long(MAX_PROMPT + 1)),
                        image: None,
                    },
                );
            }),
            "assignments.wat-als.prompt",
            ShowIssue::TooLong { max: MAX_PROMPT },
            Msg::ShowPromptTooLong,
        ),
        (
            Box::new(move |d| {
                sound(d);
                d.assignments.insert(
                    "wat-als".into(),
                    ShowAssignment {
                        prompt: None,
                        image: Some("elders".into()),
                    },
                );
            }),
            "assignments.wat-als.image",
            ShowIssue::ImageNotListed,
            Msg::ShowImageNotListed,
        ),
    ];
    for (edit, field, issue, msg) in cases {
        check(edit, field, issue, msg);
    }
}

#[test]
fn show_data_with_fields_left_out_reads_and_names_them() {
    let data: ShowData = serde_json::from_str(r#"{"title": "De storm"}"#).expect("defaults");
    let fields: Vec<String> = data.check(&real()).into_iter().map(|p| p.field).collect();
    assert_eq!(fields, ["company", "synopsis", "grades", "themes"]);
}

#[test]
fn media_ids_are_plain_names() {
    for ok in ["a", "scene_1", "AFFICHE-2026", &"x".repeat(64)] {
        assert!(media_id_ok(ok), "{ok}");
    }
    for bad in ["", "a b", "../x", "a/b", "beeld.png", &"x".repeat(65)] {
        assert!(!media_id_ok(bad), "{bad}");
    }
}
