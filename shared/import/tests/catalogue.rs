//! Tests of the catalogue parsers against the real sample responses in
//! `tests/fixtures/catalogue/`, broken and hostile input, the snapshot builder's rules, and
//! the demo catalogue going through the real parsers.

use suite_import::catalogue::*;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/catalogue/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn coded(code: &str, label: &str) -> CodedTerm {
    CodedTerm {
        code: code.to_string(),
        label: label.to_string(),
    }
}

fn subjects_of(record: &CatalogueRecord, kind: SubjectKind) -> Vec<&str> {
    record
        .subjects
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.text.as_str())
        .collect()
}

// ---------------------------------------------------------------------------------------
// Records from /search/ and /details/

/// What a test expects of one record; `None` fields are not checked.
#[derive(Default)]
struct Expect<'a> {
    id: &'a str,
    native_id: Option<&'a str>,
    frabl: Option<&'a str>,
    title: &'a str,
    authors: &'a [&'a str],
    contributors: &'a [(&'a str, &'a str, &'a str)],
    genres: &'a [&'a str],
    topical: &'a [&'a str],
    local_includes: &'a [&'a str],
    audiences: &'a [(&'a str, &'a str)],
    year: Option<u16>,
    isbns: &'a [&'a str],
    series: &'a [(&'a str, Option<&'a str>)],
    cover: bool,
    original_language: Option<&'a str>,
}

fn check_record(record: &CatalogueRecord, e: &Expect<'_>) {
    let id = e.id;
    assert_eq!(record.id, e.id);
    if e.native_id.is_some() {
        assert_eq!(record.native_id.as_deref(), e.native_id, "{id}");
    }
    assert_eq!(record.frabl.as_deref(), e.frabl, "{id}");
    assert_eq!(record.title, e.title, "{id}");
    assert_eq!(record.authors, e.authors, "{id}");
    let contributors: Vec<(&str, &str, &str)> = record
        .contributors
        .iter()
        .map(|c| (c.name.as_str(), c.role.as_str(), c.role_label.as_str()))
        .collect();
    assert_eq!(contributors, e.contributors, "{id}");
    assert_eq!(record.genres, e.genres, "{id}");
    assert_eq!(subjects_of(record, SubjectKind::Topical), e.topical, "{id}");
    let local = subjects_of(record, SubjectKind::Local);
    for wanted in e.local_includes {
        assert!(local.contains(wanted), "{id}: {wanted} in {local:?}");
    }
    let audiences: Vec<CodedTerm> = e.audiences.iter().map(|(c, l)| coded(c, l)).collect();
    assert_eq!(record.target_audiences, audiences, "{id}");
    assert_eq!(record.year, e.year, "{id}");
    assert_eq!(record.isbns, e.isbns, "{id}");
    let series: Vec<(&str, Option<&str>)> = record
        .series
        .iter()
        .map(|s| (s.title.as_str(), s.volume.as_deref()))
        .collect();
    assert_eq!(series, e.series, "{id}");
    assert_eq!(record.cover_url.is_some(), e.cover, "{id}");
    if let Some(language) = e.original_language {
        assert!(
            record.original_languages.iter().any(|l| l.code == language),
            "{id}: {:?}",
            record.original_languages
        );
    }
}

#[test]
fn search_sample_in_json() {
    let page = parse_search_json(&fixture("search.json")).expect("search.json parses");
    assert_eq!((page.count, page.page), (83, 1), "counts come as strings");
    assert!(page.unreadable.is_empty());
    let record = &page.records[..];
    assert_eq!(record.len(), 1);
    let record = &record[0];
    assert_eq!(record.id, "|library/marc/vlacc|6967964");
    assert_eq!(record.native_id.as_deref(), Some("6967964"));
    assert_eq!(record.frabl.as_deref(), Some("61B74575E8F1AC00"));
    assert_eq!(record.title, "Duizend schitterende zonnen");
    assert_eq!(record.year, Some(2008));
    assert_eq!(record.isbns, ["9789023424680"]);
    assert_eq!(
        record
            .formats
            .iter()
            .map(|f| f.label.as_str())
            .collect::<Vec<_>>(),
        ["Boek"]
    );
    // A result without an id is named, the rest still read; a page without results or
    // meta is not a search response.
    let mut value: serde_json::Value = serde_json::from_str(&fixture("search.json")).expect("json");
    let first = value["results"][0].clone();
    value["results"] = serde_json::json!([{"titles": ["zonder id"]}, first]);
    let page = parse_search_json(&value.to_string()).expect("parses");
    assert_eq!(page.records.len(), 1);
    assert_eq!(page.unreadable, ["result 1: no \"id\""]);
    for body in [
        r#"{"meta": {}}"#,
        r#"{"results": []}"#,
        r#"{"meta": {"result-count": "veel"}, "results": []}"#,
    ] {
        assert!(parse_search_json(body).is_err(), "{body}");
    }
    let error = fixture("error-409.json");
    assert!(matches!(
        parse_search_json(&error),
        Err(CatalogueError::Api(e)) if e.code == "FailedValidation"
    ));
}

#[test]
fn search_sample() {
    let page = parse_search(&fixture("search.xml")).expect("search.xml parses");
    assert_eq!((page.count, page.page), (33, 1));
    assert_eq!(page.records.len(), 2);
    assert!(page.unreadable.is_empty());
    check_record(
        &page.records[0],
        &Expect {
            id: "|library/marc/vlacc|6967964",
            native_id: Some("6967964"),
            frabl: Some("61B74575E8F1AC00"),
            title: "Duizend schitterende zonnen",
            authors: &["Khaled Hosseini"],
            genres: &["Romans"],
            topical: &[
                "Afghanistan ; 1945-",
                "Vriendschap ; kinderen",
                "Vrouwen ; 19de eeuw",
                "1945-",
            ],
            local_includes: &["Romans", "Tip van de bib!", "vriendschap"],
            audiences: &[("ageAdults", "Volwassenen")],
            year: Some(2008),
            isbns: &["9789023425762", "9789023426066"],
            original_language: Some("eng"),
            ..Expect::default()
        },
    );
    check_record(
        &page.records[1],
        &Expect {
            id: "|library/marc/vlacc|7482417",
            frabl: Some("61B74575E8F0B400"),
            title: "Duizend schitterende zonnen",
            authors: &["Khaled Hosseini"],
            contributors: &[("Sander De Heer", "nrt", "Verteller")],
            genres: &["Romans", "Luisterboeken"],
            topical: &[
                "Afghanistan ; 1945-",
                "Vriendschap ; kinderen",
                "Vrouwen ; 19de eeuw",
                "1945-",
            ],
            local_includes: &["LUI", "Verfilmde boeken"],
            audiences: &[("ageAdults", "Volwassenen")],
            year: Some(2010),
            isbns: &["9789023450627"],
            series: &[("Zoem : De Bezige Bij audioboek", None)],
            ..Expect::default()
        },
    );
    let formats: Vec<&str> = page.records[1]
        .formats
        .iter()
        .map(|f| f.code.as_str())
        .collect();
    assert_eq!(formats, ["audiobook", "cd"]);
    assert_eq!(page.records[0].description, None);
}

const DETAILS: Expect<'static> = Expect {
    id: "|library/marc/vlacc|10438540",
    native_id: Some("10438540"),
    frabl: Some("39681F00FAF1AC00"),
    title: "Hoe vermoord ik mijn familie?",
    authors: &["Bella Mackie"],
    contributors: &[],
    genres: &["Romans"],
    topical: &["Moorden ; Nederland", "Wraak", "Familie"],
    local_includes: &["VN 45ste Detective- & Thrillergids, 2 sterren"],
    audiences: &[],
    year: Some(2023),
    isbns: &["9789044366587"],
    series: &[],
    cover: false,
    original_language: Some("eng"),
};

#[test]
fn details_sample_xml() {
    let record = parse_details(&fixture("details.xml")).expect("details.xml parses");
    check_record(
        &record,
        &Expect {
            contributors: &[("Harmien Robroch", "trl", "Vertaler")],
            audiences: &[("ageAdults", "Volwassenen")],
            ..DETAILS
        },
    );
    assert_eq!(age_range(&record), Some(ADULTS));
}

#[test]
fn details_sample_json() {
    let record = parse_details_json(&fixture("details.json")).expect("details.json parses");
    check_record(
        &record,
        &Expect {
            contributors: &[("Harmien Robroch", "", "Vertaler")],
            audiences: &[("", "volwassenen")],
            cover: true,
            ..DETAILS
        },
    );
    assert_eq!(age_range(&record), Some(ADULTS));
    let xml = parse_details(&fixture("details.xml")).expect("details.xml parses");
    assert_eq!(
        record.subjects, xml.subjects,
        "XML and JSON give the same subjects"
    );
}

// ---------------------------------------------------------------------------------------
// Error bodies

#[test]
fn error_bodies() {
    let api = |code: &str, reason: &str| ApiError {
        code: code.to_string(),
        reason: reason.to_string(),
    };
    let cases = [
        (
            "error-401.xml",
            Some(api("UnAuthorized", "Missing authorization")),
        ),
        (
            "error-409.xml",
            Some(api(
                "FailedValidation",
                "Parameter 'q' is required exactly once.",
            )),
        ),
        (
            "error-409.json",
            Some(api(
                "FailedValidation",
                "Parameter 'lang' has an invalid value.",
            )),
        ),
        ("search.xml", None),
        ("details.json", None),
        ("refine-output-json-is-broken.txt", None),
    ];
    for (file, expected) in cases {
        assert_eq!(parse_error(&fixture(file)), expected, "{file}");
    }
    let refine = fixture("refine-output-json-is-broken.txt");
    let body = &refine[refine.find("<?xml").expect("an XML body")..];
    let xslt = parse_error(body).expect("the XSLT error body");
    assert_eq!(xslt.code, "XsltError");
    assert!(
        xslt.reason.starts_with("Missing XSLT file"),
        "{}",
        xslt.reason
    );
    assert_eq!(parse_error(""), None);
    assert_eq!(parse_error("<aquabrowser><error/></aquabrowser>"), None);
}

#[test]
fn an_error_body_instead_of_data_is_the_api_error() {
    for file in ["error-401.xml", "error-409.xml", "error-409.json"] {
        let body = fixture(file);
        let expected = parse_error(&body).expect("an error body");
        let results = [
            parse_search(&body).map(|_| ()),
            parse_details(&body).map(|_| ()),
            parse_availability(&body).map(|_| ()),
            parse_holdings(&body).map(|_| ()),
        ];
        for result in results {
            assert_eq!(result, Err(CatalogueError::Api(expected.clone())), "{file}");
        }
    }
    let json = fixture("error-409.json");
    let err = parse_details_json(&json).expect_err("an error body");
    assert!(matches!(&err, CatalogueError::Api(e) if e.code == "FailedValidation"));
    assert_eq!(
        err.to_string(),
        "the catalogue answered with an error instead of data: FailedValidation (Parameter 'lang' has an invalid value.)"
    );
    assert!(matches!(
        parse_availability_json(&json),
        Err(CatalogueError::Api(_))
    ));
}

// The other areas, one file each (a test crate root finds modules beside itself, hence
// the paths).
#[path = "catalogue/broken.rs"]
mod broken;
#[path = "catalogue/demo.rs"]
mod demo;
#[path = "catalogue/locations.rs"]
mod locations;
#[path = "catalogue/snapshot.rs"]
mod snapshot;
