//! The conformance section's pure part: reading the metadata, grouping, counting rates.

use super::*;

fn outcome(name: &str, verdict: Verdict) -> Outcome {
    Outcome {
        name: name.into(),
        verdict,
    }
}

#[test]
fn reads_the_fixtures_metadata_into_known_groups() {
    let json = include_str!("../../../fixtures/epub/w3c-epub-tests/tests-metadata.json");
    let tests = parse_metadata(json).expect("the fixtures' metadata");
    assert_eq!(tests.len(), 38);
    let groups: std::collections::BTreeSet<&str> =
        tests.iter().filter_map(|t| group_of(t.name())).collect();
    assert_eq!(
        groups.into_iter().collect::<Vec<_>>(),
        [
            "cnt", "css", "lay", "mol", "nav", "ocf", "pkg", "pub", "scr"
        ]
    );
    let order = tests
        .iter()
        .find(|t| t.name() == "pkg-spine-order")
        .expect("pkg-spine-order");
    assert_eq!(order.identifier, "pkg-spine-order");
    assert!(order.description.contains("spine order"));
    // Two tests share one identifier on purpose; their files tell them apart.
    let shared: Vec<&str> = tests
        .iter()
        .filter(|t| t.identifier == "pkg-unique-id")
        .map(TestMeta::name)
        .collect();
    assert_eq!(shared, ["pkg-unique-id", "pkg-unique-id_duplicate"]);
}

#[test]
fn the_group_is_the_names_prefix() {
    for (name, group) in [
        ("pkg-spine-order", Some("pkg")),
        ("nav-spine_in-spine-hidden-toc-css", Some("nav")),
        ("scr-support", Some("scr")),
        ("nogroup", None),
        ("-lead", None),
        ("Pkg-upper", None),
    ] {
        assert_eq!(group_of(name), group, "{name}");
    }
}

#[test]
fn bad_metadata_is_named() {
    assert!(matches!(
        parse_metadata("{\"tests\": 3}"),
        Err(MetadataError::Shape(_))
    ));
    let test = |name: &str| {
        format!(
            "{{\"identifier\": \"x\", \"file\": \"{name}.epub\", \"title\": \"t\", \"description\": \"d\"}}"
        )
    };
    let no_group = format!("{{\"tests\": [{}]}}", test("spine"));
    assert_eq!(
        parse_metadata(&no_group),
        Err(MetadataError::NoGroup {
            name: "spine".into()
        })
    );
    let twice = format!("{{\"tests\": [{}, {}]}}", test("pkg-a"), test("pkg-a"));
    assert_eq!(
        parse_metadata(&twice).map_err(|e| e.to_string()),
        Err("tests-metadata.json: test \"pkg-a\" is listed twice".to_string())
    );
}

#[test]
fn rates_count_passes_over_checked_tests_per_group() {
    let outcomes = [
        outcome("pkg-a", Verdict::Pass("ok".into())),
        outcome("pkg-b", Verdict::Fail("no".into())),
        outcome("pkg-c", Verdict::Pass("ok".into())),
        outcome("pkg-d", Verdict::NotChecked("why".into())),
        outcome("cnt-a", Verdict::NotChecked("why".into())),
        outcome("ocf-a", Verdict::Fail("no".into())),
    ];
    let rates = rates(&outcomes);
    let names: Vec<&str> = rates.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(names, ["cnt", "ocf", "pkg"]);
    let pkg = &rates[2];
    assert_eq!((pkg.passed, pkg.failed, pkg.not_checked), (2, 1, 1));
    assert_eq!(pkg.rate(), Some(2.0 / 3.0));
    assert_eq!(rates[1].rate(), Some(0.0));
    assert_eq!(rates[0].rate(), None, "nothing checked: no rate");
}

#[test]
fn the_report_lists_rates_and_every_failure_with_its_reason() {
    let outcomes = [
        outcome("pkg-a", Verdict::Pass("ok".into())),
        outcome("pkg-b", Verdict::Fail("the title | is ltr".into())),
        outcome("scr-support", Verdict::Fail("sandboxed".into())),
    ];
    let md = markdown(&outcomes, "abc1234");
    assert!(md.contains("| pkg | 1 | 1 | 0 | **50 %** |"), "{md}");
    assert!(md.contains("| scr | 0 | 1 | 0 | **0 %** |"), "{md}");
    assert!(md.contains("| **all** | 1 | 2 | 0 | **33 %** |"), "{md}");
    assert!(
        md.contains("| pkg-b | **FAIL** | the title \\| is ltr |"),
        "{md}"
    );
    assert!(md.contains("`abc1234`"));
}
