//! Tests of the back-office's pure pieces (whose kiosk a role manages is
//! `suite_domain::org`'s): the snapshot summary, the kiosk form's check, the chart's bars and the import runs' dates.

use suite_domain::bieblo::kiosk::{DayCount, KioskSettingsUpdate, KioskStats, ThemeCount};
use suite_domain::i18n::{Lang, Msg};
use wasm_bindgen_test::wasm_bindgen_test;

use super::Summary;
use super::chart::{LAYOUT, day_groups, day_label};
use super::kiosk_form::{FormErrors, KioskForm, check_form};
use super::stats::has_usage;
use crate::library::fixtures::{self, BRANCH};
use suite_domain::chart::{CHART_HEIGHT, place};
use suite_ui::import_report::run_date;

#[wasm_bindgen_test]
fn the_summary_lists_each_branch_once_and_labels_themes() {
    let summary = Summary::of(&fixtures::library(20).snapshot);
    assert_eq!(summary.branches, ["Elders", BRANCH]);
    assert_eq!(summary.theme_label("humour", Lang::Nl), "Grappige verhalen");
    assert_eq!(summary.theme_label("humour", Lang::En), "Funny stories");
    assert_eq!(summary.theme_label("unknown", Lang::Nl), "unknown");
    let empty = Summary::of(&fixtures::library(0).snapshot);
    assert!(empty.branches.is_empty());
}

fn check(idle: &str, expected: Result<u32, FormErrors>) {
    let form = KioskForm {
        idle: idle.into(),
        active: true,
        lang: Lang::En,
    };
    let expected = expected.map(|idle_seconds| KioskSettingsUpdate {
        idle_seconds,
        active: true,
        lang: Lang::En,
    });
    assert_eq!(check_form(&form), expected, "{idle:?}");
}

#[wasm_bindgen_test]
fn the_kiosk_form_is_checked_like_the_server_does() {
    let range = Err(FormErrors {
        idle: Some(Msg::BiebloStaffIdleRange),
    });
    check("60", Ok(60));
    check(" 15 ", Ok(15));
    check("600", Ok(600));
    for wrong in ["14", "601", "", "6O", "-60", "1e2"] {
        check(wrong, range);
    }
}

fn day(day: &str, tips: u64) -> DayCount {
    DayCount {
        day: day.into(),
        tips,
        visits: tips / 8,
    }
}

#[wasm_bindgen_test]
fn bars_scale_to_the_busiest_day() {
    let days = [
        day("2026-11-26", 16),
        day("2026-11-27", 0),
        day("2026-11-28", 8),
        day("2026-11-29", 1),
    ];
    let groups = day_groups(&days, Lang::Nl);
    assert_eq!(groups[2], ("28/11/2026".to_string(), vec![8]));
    let values: Vec<Vec<u64>> = groups.into_iter().map(|(_, v)| v).collect();
    let bars = place(&values, LAYOUT).bars;
    let heights: Vec<u64> = bars.iter().map(|b| b.height).collect();
    assert_eq!(
        heights,
        [CHART_HEIGHT, 0, CHART_HEIGHT / 2, 7],
        "one tip still shows"
    );
    let xs: Vec<u64> = bars.iter().map(|b| b.x).collect();
    let inset = (LAYOUT.slot - LAYOUT.bar_width) / 2;
    let slot = LAYOUT.slot;
    assert_eq!(
        xs,
        [inset, slot + inset, 2 * slot + inset, 3 * slot + inset]
    );
    assert!(day_groups(&[], Lang::Nl).is_empty());
}

#[wasm_bindgen_test]
fn days_and_runs_are_written_for_the_reader() {
    assert_eq!(day_label("2026-11-28", Lang::Nl), "28/11/2026");
    assert_eq!(day_label("2026-11-28", Lang::En), "2026-11-28");
    assert_eq!(day_label("gisteren", Lang::Nl), "gisteren");
    let date = run_date("2026-11-28T08:30:00Z", Lang::Nl);
    assert!(date.contains("2026") && date.contains("28"), "{date}");
    assert_eq!(run_date("not a date", Lang::Nl), "not a date");
}

#[wasm_bindgen_test]
fn stats_without_counts_are_empty() {
    assert!(!has_usage(&KioskStats::default()));
    let zero = KioskStats {
        from: "2026-11-28".into(),
        to: "2026-11-28".into(),
        days: vec![day("2026-11-28", 0)],
        themes: vec![],
        kiosks: vec![],
    };
    assert!(!has_usage(&zero));
    let liked = KioskStats {
        from: "2026-11-28".into(),
        to: "2026-11-28".into(),
        days: vec![],
        themes: vec![ThemeCount {
            theme: "humour".into(),
            likes: 1,
            dislikes: 0,
            tips: 0,
        }],
        kiosks: vec![],
    };
    assert!(has_usage(&liked));
}

#[wasm_bindgen_test]
fn the_themes_form_sends_normalised_terms_and_maps_problems_onto_fields() {
    use super::theme_form::{
        ThemeForm, check_form, error_for, field_id, first_invalid_field, picture_src,
    };
    use suite_domain::bieblo::default_themes;
    use suite_domain::bieblo::theme_edit::ThemeField;

    let mut forms: Vec<ThemeForm> = default_themes().iter().map(ThemeForm::from).collect();
    assert_eq!(forms[3].id, "sport");
    assert!(forms[3].subjects.contains("voetbal\nsport"));
    forms[3].subjects = "Tennis\n\n tennis \nVoetbal".into();
    let themes = check_form(&forms, "demo-gent").expect("valid form");
    assert_eq!(themes[3].subjects, ["tennis", "voetbal"]);

    forms[0].label_en = String::new();
    forms[4].genres.clear();
    forms[4].subjects = "  \n".into();
    let errors = check_form(&forms, "demo-gent").expect_err("two problems");
    assert_eq!(
        error_for(&errors, "humour", ThemeField::LabelEn),
        Some(Msg::ErrRequired)
    );
    assert_eq!(error_for(&errors, "humour", ThemeField::LabelNl), None);
    assert_eq!(
        error_for(&errors, "animals", ThemeField::Terms),
        Some(Msg::BiebloThemeNoTerms)
    );
    assert_eq!(
        first_invalid_field(&errors).as_deref(),
        Some("theme-humour-label_en")
    );
    assert_eq!(
        field_id("sport", ThemeField::Picture),
        "theme-sport-picture"
    );

    assert_eq!(picture_src("themes/sport.svg"), "/bieblo/themes/sport.svg");
    assert_eq!(
        picture_src("/data/bieblo/themes/demo-gent/sport-1.png"),
        "/data/bieblo/themes/demo-gent/sport-1.png"
    );
}
