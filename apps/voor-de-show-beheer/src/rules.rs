//! The back-office's pure rules, tested in the browser: where a show-data field is on
//! the form, the lines of a list field, the show data's problems by field (the server's
//! own check), a grade's label, a link's expiry day, and the figures' chart groups.

use suite_domain::date::LocalDate;
use suite_domain::i18n::Msg;
use suite_domain::show::api::ShowFigures;
use suite_domain::show::{Content, Grade, ShowData};

/// The id of the form element of a show-data field: `title` is `vds-f-title`,
/// `themes[2]` the themes' field, `assignments.wat-als.prompt` that prompt's.
pub(crate) fn field_id(field: &str) -> String {
    let mut id = String::from("vds-f-");
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        match c {
            '[' => {
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            '.' => id.push('-'),
            c => id.push(c),
        }
    }
    id
}

/// The entries of a field with one per line: trimmed, empty lines left out.
pub(crate) fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every problem of `data` as (form element id, message), in the check's order; the
/// first problem of each element only.
pub(crate) fn problems_by_field(data: &ShowData, content: &Content) -> Vec<(String, Msg)> {
    let mut out: Vec<(String, Msg)> = Vec::new();
    for problem in data.check(content) {
        let id = field_id(&problem.field);
        if !out.iter().any(|(known, _)| *known == id) {
            out.push((id, problem.msg()));
        }
    }
    out
}

/// A grade's label on the form.
pub(crate) fn grade_msg(grade: Grade) -> Msg {
    match grade {
        Grade::Ages6To8 => Msg::VdsAdminGrade68,
        Grade::Ages8To10 => Msg::VdsAdminGrade810,
        Grade::Ages10To12 => Msg::VdsAdminGrade1012,
    }
}

/// The day (UTC) of a Unix time, `YYYY-MM-DD`.
pub(crate) fn day_of(unix: i64) -> String {
    LocalDate::from_days(unix.div_euclid(86_400))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// The chart's groups of one show: per assignment, done and skipped.
pub(crate) fn figure_groups(show: &ShowFigures) -> Vec<(String, Vec<u64>)> {
    show.assignments
        .iter()
        .map(|a| {
            let n = |v: i64| u64::try_from(v).unwrap_or(0);
            (a.assignment.clone(), vec![n(a.done), n(a.skipped)])
        })
        .collect()
}
