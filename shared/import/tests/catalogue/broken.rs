//! Broken and hostile input: every parser answers `Err` with a message that says what is
//! wrong and where, and never panics.

use suite_import::catalogue::*;

use super::fixture;

type Parser = fn(&str) -> Result<(), CatalogueError>;

const SEARCH: Parser = |s| parse_search(s).map(|_| ());
const DETAILS: Parser = |s| parse_details(s).map(|_| ());
const AVAILABILITY: Parser = |s| parse_availability(s).map(|_| ());
const HOLDINGS: Parser = |s| parse_holdings(s).map(|_| ());
const DETAILS_JSON: Parser = |s| parse_details_json(s).map(|_| ());
const AVAILABILITY_JSON: Parser = |s| parse_availability_json(s).map(|_| ());

const XML_PARSERS: [Parser; 4] = [SEARCH, DETAILS, AVAILABILITY, HOLDINGS];
const ALL_PARSERS: [Parser; 6] = [
    SEARCH,
    DETAILS,
    AVAILABILITY,
    HOLDINGS,
    DETAILS_JSON,
    AVAILABILITY_JSON,
];

/// The longest prefix of `text` no longer than `len` bytes.
fn cut(text: &str, len: usize) -> &str {
    let mut end = len.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `parse` refuses `input` with an error whose message contains `fragment`.
fn check(parse: Parser, input: &str, fragment: &str) {
    match parse(input) {
        Ok(()) => panic!("accepted {:?}", cut(input, 80)),
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.contains(fragment),
                "{message:?} lacks {fragment:?} for {:?}",
                cut(input, 80)
            );
        }
    }
}

#[test]
fn truncated_samples_say_they_end_early() {
    let files: [(&str, Parser, &str); 6] = [
        ("search.xml", SEARCH, "ends early"),
        ("details.xml", DETAILS, "ends early"),
        ("availability.xml", AVAILABILITY, "ends early"),
        ("holdings.xml", HOLDINGS, "ends early"),
        ("details.json", DETAILS_JSON, "EOF"),
        ("availability.json", AVAILABILITY_JSON, "EOF"),
    ];
    for (file, parse, fragment) in files {
        let full = fixture(file);
        let end = full.trim_end().len();
        for len in [
            1,
            7,
            end / 10,
            end / 4,
            end / 2,
            3 * end / 4,
            end - 20,
            end - 1,
        ] {
            check(parse, cut(&full, len), fragment);
        }
        assert!(parse(&full).is_ok(), "{file} itself parses");
    }
    check(
        SEARCH,
        "<aquabrowser>\n  <meta>\n    <count>3</count>",
        "<meta> opened at line 2, column 3 is never closed",
    );
}

#[test]
fn every_cut_of_small_files_is_an_error() {
    // (file, parsers, step): every cut of the small files, every 7th of the larger ones
    // (the debug build parses slowly).
    let files: [(&str, &[Parser], usize); 5] = [
        ("details.xml", &[DETAILS], 7),
        ("holdings.xml", &[HOLDINGS], 7),
        ("details.json", &[DETAILS_JSON], 1),
        ("error-401.xml", &ALL_PARSERS, 1),
        ("error-409.json", &ALL_PARSERS, 1),
    ];
    for (file, parsers, step) in files {
        let full = fixture(file);
        let end = full.trim_end().len();
        for len in (0..end).step_by(step).chain([end - 1]) {
            let input = cut(&full, len);
            for parse in parsers {
                assert!(parse(input).is_err(), "{file} cut at {len} was accepted");
            }
        }
    }
}

#[test]
fn garbage_is_refused_with_a_useful_message() {
    let html = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\
                <body><h1>502</h1><br></body></html>";
    let deep = format!("<aquabrowser>{}", "<a>".repeat(10_000));
    let details_json = fixture("details.json");
    let details_xml = fixture("details.xml");
    let holdings = fixture("holdings.xml");
    let search = fixture("search.xml");
    let cases: Vec<(&[Parser], &str, &str)> = vec![
        (&ALL_PARSERS, "", "the response is empty"),
        (&ALL_PARSERS, " \n\t ", "the response is empty"),
        (&XML_PARSERS, "<!-- nothing -->", "the response is empty"),
        (
            &XML_PARSERS,
            "garbage ###",
            "not XML but text starting with \"garbage ###\"",
        ),
        (&XML_PARSERS, html, "not XML but an HTML page"),
        (
            &XML_PARSERS,
            "<html><body>Oops</body></html>",
            "an HTML page",
        ),
        (&XML_PARSERS, &details_json, "not XML but JSON"),
        (&XML_PARSERS, "[1, 2]", "not XML but JSON"),
        (
            &[DETAILS_JSON, AVAILABILITY_JSON],
            &details_xml,
            "malformed JSON at line 1, column 1",
        ),
        (
            &[DETAILS_JSON, AVAILABILITY_JSON],
            "{\"meta\": {}}",
            "has no",
        ),
        (
            &[AVAILABILITY_JSON],
            &details_json,
            "not a availability response",
        ),
        (
            &[DETAILS_JSON],
            "{\"record\": {\"id\": \"\"}}",
            "not a details response",
        ),
        (
            &[SEARCH],
            &holdings,
            "not a search response: it has no <meta>",
        ),
        (
            &[DETAILS],
            &search,
            "not a details response: it has no <id>",
        ),
        (
            &[AVAILABILITY],
            &search,
            "not a availability response: it has no <locations>",
        ),
        (&[HOLDINGS], &search, "it has <meta> but no <holding>"),
        (
            &XML_PARSERS,
            "<rss><channel/></rss>",
            "expected <aquabrowser> as the root element, found <rss>",
        ),
        (
            &XML_PARSERS,
            "<aquabrowser>\n  <meta>\n    <count>3</cnt>",
            "malformed XML at line 3, column 13: ill-formed document: expected `</count>`",
        ),
        (
            &XML_PARSERS,
            "<aquabrowser><meta><count>&nbsp;</count></meta></aquabrowser>",
            "unknown entity &nbsp;",
        ),
        (
            &XML_PARSERS,
            "<aquabrowser/><aquabrowser/>",
            "a second element after the root element",
        ),
        (
            &XML_PARSERS,
            "<aquabrowser/>trailing",
            "text outside the root element",
        ),
        (
            &XML_PARSERS,
            "<aquabrowser a=\"1\" a=\"2\"/>",
            "malformed XML",
        ),
        (&XML_PARSERS, "<aquabrowser a=1/>", "malformed XML"),
        (&XML_PARSERS, &deep, "nests deeper than 100 elements"),
        (&XML_PARSERS, "<\u{0}\u{1}<<>>>", "malformed XML"),
        (
            &[SEARCH],
            "<aquabrowser><meta><count>many</count></meta></aquabrowser>",
            "invalid <count> \"many\"",
        ),
        (
            &[SEARCH],
            "<aquabrowser><meta><count>-1</count></meta></aquabrowser>",
            "invalid <count>",
        ),
    ];
    for (parsers, input, fragment) in cases {
        for parse in parsers {
            check(*parse, input, fragment);
        }
    }
}

#[test]
fn odd_but_valid_documents_are_read() {
    let page = parse_search(
        "\u{feff}<?xml version=\"1.0\"?><aquabrowser><meta><count>0</count></meta></aquabrowser>",
    )
    .expect("an empty page");
    assert_eq!((page.count, page.page, page.records.len()), (0, 1, 0));
    let page = parse_search(
        "<aquabrowser><meta><count>2</count></meta><results><result><titles><title>t</title></titles></result>\
         <result><id>|x|1</id></result></results></aquabrowser>",
    )
    .expect("a page with one unreadable result");
    assert_eq!(page.records.len(), 1);
    assert_eq!(page.records[0].title, "");
    assert_eq!(page.unreadable, ["result 1: no <id>"]);
    assert_eq!(parse_holdings("<aquabrowser/>"), Ok(Vec::new()));
    let empty = parse_availability("<aquabrowser><locations/></aquabrowser>").expect("no holdings");
    assert!(empty.copies().is_empty());
}

/// A small deterministic generator for mutations.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn mutated_samples_never_panic() {
    const SNIPPETS: [&str; 14] = [
        "<",
        ">",
        "&",
        "</a>",
        "\"",
        "<x ",
        "]]>",
        "<!--",
        "&#0;",
        "&#x110000;",
        "é",
        "<![CDATA[",
        "<?",
        "count=\"99999999999\"",
    ];
    let mut rng = Lcg(7);
    for file in [
        "search.xml",
        "availability.xml",
        "holdings.xml",
        "availability.json",
        "details.json",
    ] {
        let full = fixture(file);
        for _ in 0..50 {
            let mut text = full.clone();
            for _ in 0..1 + rng.below(3) {
                let mut at = rng.below(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let mut to = (at + rng.below(40)).min(text.len());
                while !text.is_char_boundary(to) {
                    to -= 1;
                }
                text.replace_range(at..to, SNIPPETS[rng.below(SNIPPETS.len())]);
            }
            for parse in ALL_PARSERS {
                let _ = parse(&text);
            }
            let _ = parse_error(&text);
        }
    }
}
