//! Browser tests of the back-office's pure rules.

use suite_domain::i18n::Msg;
use suite_domain::show::api::{AssignmentCount, ShowFigures};
use suite_domain::show::{ShowData, builtin};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::rules::{day_of, field_id, figure_groups, lines, problems_by_field};

#[wasm_bindgen_test]
fn fields_have_their_form_elements() {
    assert_eq!(field_id("title"), "vds-f-title");
    assert_eq!(field_id("themes[2]"), "vds-f-themes");
    assert_eq!(
        field_id("assignments.wat-als.prompt"),
        "vds-f-assignments-wat-als-prompt"
    );
}

#[wasm_bindgen_test]
fn list_fields_take_one_entry_per_line() {
    assert_eq!(
        lines(" reizen \n\n vriendschap\n"),
        ["reizen", "vriendschap"]
    );
}

#[wasm_bindgen_test]
fn empty_show_data_is_refused_at_each_required_field() {
    let content = builtin().expect("content");
    let problems = problems_by_field(&ShowData::default(), &content);
    let ids: Vec<&str> = problems.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "vds-f-title",
            "vds-f-company",
            "vds-f-synopsis",
            "vds-f-grades",
            "vds-f-themes"
        ]
    );
    assert_eq!(problems[0].1, Msg::ShowRequired);
}

#[wasm_bindgen_test]
fn expiry_days_and_chart_groups() {
    assert_eq!(day_of(0), "1970-01-01");
    assert_eq!(day_of(86_400 * 365), "1971-01-01");
    let show = ShowFigures {
        show: 1,
        title: "X".into(),
        classes: 2,
        assignments: vec![AssignmentCount {
            assignment: "wat-als".into(),
            done: 3,
            skipped: 1,
        }],
    };
    assert_eq!(figure_groups(&show), [("wat-als".to_string(), vec![3, 1])]);
}
