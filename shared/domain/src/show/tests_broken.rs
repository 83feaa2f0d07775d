//! Broken copies of the real content files: each fails with a problem naming the right
//! file and field.

use super::tests_content::{FILES, PLACES, parse, real_files};
use super::*;

/// The problems after `edit` changed the text of `file` (an assignment's file name or
/// `places.toml`).
pub(super) fn problems_after(file: &str, edit: impl Fn(&str) -> String) -> Vec<ContentProblem> {
    let places = if file == PLACES.0 {
        edit(PLACES.1)
    } else {
        PLACES.1.to_owned()
    };
    let files: Vec<(String, String)> = real_files()
        .into_iter()
        .map(|(n, t)| {
            if n == file {
                let e = edit(&t);
                (n, e)
            } else {
                (n, t)
            }
        })
        .collect();
    match parse(&places, &files) {
        Ok(_) => panic!("the broken copy of {file} passed"),
        Err(problems) => problems,
    }
}

/// Replaces exactly one occurrence of `from`.
pub(super) fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    text.replacen(from, to, 1)
}

/// Asserts that a problem with this file, field and issue is among `problems`, and that
/// its message names the file and field.
pub(super) fn check(problems: &[ContentProblem], file: &str, field: &str, issue: ContentIssue) {
    let found = problems
        .iter()
        .find(|p| p.file == file && p.field == field && p.issue == issue);
    let Some(found) = found else {
        panic!("no {issue:?} at {file} {field} among {problems:#?}");
    };
    let text = found.to_string();
    assert!(text.starts_with(file) && text.contains(field), "{text}");
}

#[test]
fn a_missing_grade_version_is_named() {
    let problems = problems_after("assignments/wat-als.toml", |t| {
        t[..t.find("[grades.\"10-12\"]").expect("the section")].to_owned()
    });
    check(
        &problems,
        "assignments/wat-als.toml",
        "grades.10-12",
        ContentIssue::Missing,
    );
}

#[test]
fn an_unknown_grade_is_named() {
    let problems = problems_after("assignments/wat-als.toml", |t| {
        t.replace("[grades.\"10-12\"]", "[grades.\"12-14\"]")
    });
    check(
        &problems,
        "assignments/wat-als.toml",
        "grades.12-14",
        ContentIssue::Unknown("12-14".into()),
    );
    check(
        &problems,
        "assignments/wat-als.toml",
        "grades.10-12",
        ContentIssue::Missing,
    );
}

#[test]
fn an_empty_or_missing_text_is_named_with_its_language() {
    let file = "assignments/licht-en-sfeer.toml";
    let problems = problems_after(file, |t| {
        let line = t
            .lines()
            .filter(|l| l.starts_with("goal.en"))
            .nth(1)
            .expect("8-10 goal");
        replace_once(t, line, "goal.en = \"  \"")
    });
    check(&problems, file, "grades.8-10.goal.en", ContentIssue::Empty);
    let problems = problems_after(file, |t| {
        let line = t
            .lines()
            .find(|l| l.starts_with("teacher.nl"))
            .expect("6-8 teacher");
        replace_once(t, line, "")
    });
    check(
        &problems,
        file,
        "grades.6-8.teacher.nl",
        ContentIssue::Empty,
    );
    let problems = problems_after(file, |t| {
        replace_once(t, "title = { nl = \"Licht maakt de sfeer\", ", "title = { ")
    });
    check(&problems, file, "title.nl", ContentIssue::Empty);
    let problems = problems_after(file, |t| {
        t.lines()
            .filter(|l| !l.starts_with("title"))
            .collect::<Vec<_>>()
            .join("\n")
    });
    check(&problems, file, "title", ContentIssue::Missing);
}

#[test]
fn a_duration_outside_the_range_is_named() {
    let file = "assignments/geluidsdecor.toml";
    let problems = problems_after(file, |t| t.replacen("minutes = 10", "minutes = 45", 1));
    check(
        &problems,
        file,
        "grades.6-8.minutes",
        ContentIssue::Minutes(45),
    );
    let problems = problems_after(file, |t| replace_once(t, "minutes = 12\n", ""));
    check(
        &problems,
        file,
        "grades.8-10.minutes",
        ContentIssue::Minutes(0),
    );
}

#[test]
fn a_quiz_needs_two_questions_with_one_right_answer_each() {
    let file = "assignments/wat-is-een-thema.toml";
    let problems = problems_after(file, |t| {
        // Keep only the first question of the 6-8 quiz.
        let first = t.find("[[grades.\"6-8\".quiz]]").expect("quiz");
        let second = first
            + 1
            + t[first + 1..]
                .find("[[grades.\"6-8\".quiz]]")
                .expect("second");
        let next = t.find("[grades.\"8-10\"]").expect("8-10");
        format!("{}{}", &t[..second], &t[next..])
    });
    check(
        &problems,
        file,
        "grades.6-8.quiz",
        ContentIssue::TooFewQuestions(1),
    );
    let problems = problems_after(file, |t| {
        replace_once(
            t,
            "{ text = { nl = \"Wolven zijn lief\", en = \"Wolves are kind\" } }",
            "{ text = { nl = \"Wolven zijn lief\", en = \"Wolves are kind\" }, right = true }",
        )
    });
    check(
        &problems,
        file,
        "grades.6-8.quiz[0].answers",
        ContentIssue::RightAnswers(2),
    );
    let problems = problems_after(file, |t| {
        replace_once(
            t,
            "{ text = { nl = \"Moed\", en = \"Courage\" }, right = true }",
            "{ text = { nl = \"Moed\", en = \"Courage\" } }",
        )
    });
    check(
        &problems,
        file,
        "grades.10-12.quiz[0].answers",
        ContentIssue::RightAnswers(0),
    );
    let problems = problems_after(file, |t| {
        replace_once(
            t,
            "    { text = { nl = \"Sport\", en = \"Sport\" } },\n    { text = { nl = \"Vakantie\", en = \"Holidays\" } },\n",
            "",
        )
    });
    check(
        &problems,
        file,
        "grades.6-8.quiz[2].answers",
        ContentIssue::TooFewAnswers(1),
    );
    let problems = problems_after(file, |t| {
        replace_once(t, "en = \"Unfairness\"", "en = \"\"")
    });
    check(
        &problems,
        file,
        "grades.8-10.quiz[0].answers[0].text.en",
        ContentIssue::Empty,
    );
}

#[test]
fn only_a_quiz_has_questions() {
    let file = "assignments/wat-is-een-thema.toml";
    let problems = problems_after(file, |t| {
        replace_once(t, "interaction = \"quiz\"", "interaction = \"prompt\"")
    });
    check(
        &problems,
        file,
        "grades.6-8.quiz",
        ContentIssue::QuizNotAllowed,
    );
}

#[test]
fn unknown_names_and_places_are_named() {
    let file = "assignments/wat-als.toml";
    let problems = problems_after(file, |t| {
        replace_once(t, "interaction = \"timer\"", "interaction = \"dance\"")
    });
    check(
        &problems,
        file,
        "interaction",
        ContentIssue::Unknown("dance".into()),
    );
    let problems = problems_after(file, |t| {
        replace_once(t, "category = \"imagination\"", "category = \"fantasy\"")
    });
    check(
        &problems,
        file,
        "category",
        ContentIssue::Unknown("fantasy".into()),
    );
    let problems = problems_after(file, |t| {
        replace_once(t, "place = \"zaal\"", "place = \"kelder\"")
    });
    check(
        &problems,
        file,
        "place",
        ContentIssue::UnknownPlace("kelder".into()),
    );
    let problems = problems_after(file, |t| replace_once(t, "place = \"zaal\"\n", ""));
    check(&problems, file, "place", ContentIssue::Missing);
}

#[test]
fn an_id_must_match_its_file_and_be_unique() {
    let file = "assignments/wat-als.toml";
    let problems = problems_after(file, |t| {
        replace_once(t, "id = \"wat-als\"", "id = \"wat-als-2\"")
    });
    check(
        &problems,
        file,
        "id",
        ContentIssue::IdNotFileName("wat-als".into()),
    );
    let problems = problems_after(file, |t| {
        replace_once(t, "id = \"wat-als\"", "id = \"Wat Als\"")
    });
    check(&problems, file, "id", ContentIssue::BadId);
    let mut files = real_files();
    files.push(("extra/wat-als.toml".to_owned(), files[4].1.clone()));
    let problems = parse(PLACES.1, &files).expect_err("a duplicate");
    check(
        &problems,
        "extra/wat-als.toml",
        "id",
        ContentIssue::Duplicate("wat-als (also in assignments/wat-als.toml)".into()),
    );
}

#[test]
fn syntax_and_unknown_fields_name_the_line() {
    let file = "assignments/wat-als.toml";
    let problems = problems_after(file, |t| {
        replace_once(t, "minutes = 10\n", "minutes = ten\n")
    });
    let at = FILES[4]
        .1
        .lines()
        .position(|l| l == "minutes = 10")
        .expect("line")
        + 1;
    assert!(
        problems.iter().any(|p| p.file == file
            && p.field == format!("line {at}")
            && matches!(p.issue, ContentIssue::Syntax(_))),
        "{problems:#?}"
    );
    let problems = problems_after(file, |t| {
        replace_once(t, "minutes = 10\n", "mintues = 10\n")
    });
    assert!(
        problems.iter().any(|p| p.file == file
            && matches!(&p.issue, ContentIssue::Syntax(m) if m.contains("mintues"))),
        "{problems:#?}"
    );
}
