//! Browser tests of the back-office's pure rules: what may be uploaded, the licences
//! form, how licences are described, a refused file's report, and the charts' numbers.

use suite_domain::ereader::admin::{AdminTitle, EreaderStats, MonthLoans, TitleStats};
use suite_domain::i18n::{Lang, Msg};
use suite_ui::ApiError;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::rules::{
    MAX_EPUB_BYTES, file_to_send, licences_asked, licences_text, loans_per_month, loans_per_title,
    refusal,
};

fn title(licences: u32, licences_set: Option<u32>, rule: u32) -> AdminTitle {
    AdminTitle {
        id: 1,
        title: "Moby-Dick".into(),
        creators: vec!["Herman Melville".into()],
        language: "en".into(),
        licences,
        licences_set,
        rule_licences: rule,
        download: false,
        running_loans: 0,
        queue: 0,
        file_bytes: 1,
        added_at: "2026-12-05T10:00:00Z".into(),
    }
}

#[wasm_bindgen_test]
fn a_file_must_be_chosen_and_at_most_50_mb() {
    assert_eq!(file_to_send(None), Err(Msg::EreaderAdmFileMissing));
    assert_eq!(file_to_send(Some(1.0)), Ok(()));
    assert_eq!(file_to_send(Some(MAX_EPUB_BYTES)), Ok(()));
    assert_eq!(
        file_to_send(Some(MAX_EPUB_BYTES + 1.0)),
        Err(Msg::EreaderAdmFileTooBig)
    );
}

#[wasm_bindgen_test]
fn licences_by_the_rule_or_a_whole_number_by_hand() {
    let cases = [
        (false, "abc", Ok(None)),
        (true, "3", Ok(Some(3))),
        (true, " 0 ", Ok(Some(0))),
        (true, "10000", Ok(Some(10_000))),
        (true, "10001", Err(Msg::EreaderAdmLicencesInvalid)),
        (true, "-1", Err(Msg::EreaderAdmLicencesInvalid)),
        (true, "2.5", Err(Msg::EreaderAdmLicencesInvalid)),
        (true, "", Err(Msg::EreaderAdmLicencesInvalid)),
    ];
    for (by_hand, typed, expected) in cases {
        assert_eq!(
            licences_asked(by_hand, typed),
            expected,
            "{by_hand} {typed:?}"
        );
    }
}

#[wasm_bindgen_test]
fn licences_say_how_they_were_set() {
    assert_eq!(
        licences_text(&title(4, None, 4), Lang::Nl),
        "4 (volgens regel)"
    );
    assert_eq!(
        licences_text(&title(3, Some(3), 5), Lang::Nl),
        "3 (met de hand; volgens regel 5)"
    );
    assert_eq!(
        licences_text(&title(3, Some(3), 5), Lang::En),
        "3 (by hand; by the rule 5)"
    );
}

#[wasm_bindgen_test]
fn a_refused_file_keeps_the_dutch_message_and_the_english_detail() {
    let body = r#"{"error":{"code":"invalid_input","message":"Dit bestand is geen EPUB.","field":"file","detail":"not a usable EPUB: not a zip archive: cut off"}}"#;
    let error = ApiError::from_body(422, body);
    let (message, detail) = refusal(&error, Lang::Nl);
    assert_eq!(message, "Dit bestand is geen EPUB.");
    assert_eq!(
        detail.as_deref(),
        Some("not a usable EPUB: not a zip archive: cut off")
    );
    assert_eq!(refusal(&ApiError::network(), Lang::Nl).1, None);
}

#[wasm_bindgen_test]
fn the_charts_show_loans_per_title_and_all_titles_per_month() {
    let months = vec!["2026-11".to_string(), "2026-12".to_string()];
    let stat = |title: &str, per: [u32; 2]| TitleStats {
        title: title.into(),
        loans: per.iter().sum(),
        per_month: months
            .iter()
            .zip(per)
            .map(|(m, loans)| MonthLoans {
                month: m.clone(),
                loans,
            })
            .collect(),
        ..TitleStats::default()
    };
    let stats = EreaderStats {
        months: months.clone(),
        titles: vec![stat("A", [1, 2]), stat("B", [0, 5])],
    };
    assert_eq!(
        loans_per_title(&stats),
        [("A".to_string(), vec![3]), ("B".to_string(), vec![5])]
    );
    assert_eq!(
        loans_per_month(&stats),
        [
            ("2026-11".to_string(), vec![1]),
            ("2026-12".to_string(), vec![7])
        ]
    );
}
