//! Broken copies of the content as a whole: the places file, and the set of
//! assignments (twelve, three per category, each listed in its place).

use super::tests_broken::{check, problems_after, replace_once};
use super::tests_content::{PLACES, parse, real_files};
use super::*;

#[test]
fn there_are_twelve_three_per_category() {
    let mut files = real_files();
    files.remove(0);
    let problems = parse(PLACES.1, &files).expect_err("one missing");
    check(
        &problems,
        "assignments/",
        "",
        ContentIssue::Count {
            found: 11,
            expected: 12,
        },
    );
    check(
        &problems,
        "assignments/",
        "category = imagination",
        ContentIssue::Count {
            found: 2,
            expected: 3,
        },
    );
    check(
        &problems,
        PLACES.0,
        "place[0].assignments[0]",
        ContentIssue::UnknownAssignment("stel-je-voor".into()),
    );
    let file = "assignments/wat-als.toml";
    let problems = problems_after(file, |t| {
        replace_once(t, "category = \"imagination\"", "category = \"theme\"")
    });
    check(
        &problems,
        "assignments/",
        "category = theme",
        ContentIssue::Count {
            found: 4,
            expected: 3,
        },
    );
    check(
        &problems,
        "assignments/",
        "category = imagination",
        ContentIssue::Count {
            found: 2,
            expected: 3,
        },
    );
}

#[test]
fn places_are_checked_by_index_and_field() {
    let file = PLACES.0;
    let problems = problems_after(file, |t| {
        let line = t
            .lines()
            .filter(|l| l.starts_with("guide.en"))
            .nth(3)
            .expect("podium");
        replace_once(t, line, "")
    });
    check(&problems, file, "place[3].guide.en", ContentIssue::Empty);
    let problems = problems_after(file, |t| replace_once(t, "id = \"zaal\"", "id = \"inkom\""));
    check(
        &problems,
        file,
        "place[2].id",
        ContentIssue::Duplicate("inkom".into()),
    );
    let problems = problems_after(file, |t| {
        replace_once(
            t,
            "assignments = [\"affiche-lezen\"]",
            "assignments = [\"affiche-lezen\", \"verloren\"]",
        )
    });
    check(
        &problems,
        file,
        "place[1].assignments[1]",
        ContentIssue::UnknownAssignment("verloren".into()),
    );
    // Listed in the wrong place: named there, and the assignment is not listed in its own.
    let problems = problems_after(file, |t| {
        let t = replace_once(
            t,
            "assignments = [\"affiche-lezen\"]",
            "assignments = [\"affiche-lezen\", \"wat-als\"]",
        );
        replace_once(
            &t,
            "assignments = [\"wat-is-een-thema\", \"wat-als\"]",
            "assignments = [\"wat-is-een-thema\"]",
        )
    });
    check(
        &problems,
        file,
        "place[1].assignments[1]",
        ContentIssue::WrongPlace {
            listed_in: "ticketbalie".into(),
            own: "zaal".into(),
        },
    );
    check(
        &problems,
        "assignments/wat-als.toml",
        "place",
        ContentIssue::NotListed,
    );
    let problems = problems_after(file, |t| {
        replace_once(
            t,
            "assignments = [\"affiche-lezen\"]",
            "assignments = [\"affiche-lezen\", \"affiche-lezen\"]",
        )
    });
    check(
        &problems,
        file,
        "place[1].assignments[1]",
        ContentIssue::Duplicate("affiche-lezen".into()),
    );
    let problems = parse("", &real_files()).expect_err("no places");
    check(
        &problems,
        "assignments/wat-als.toml",
        "place",
        ContentIssue::UnknownPlace("zaal".into()),
    );
}
