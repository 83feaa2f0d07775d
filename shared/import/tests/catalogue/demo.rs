//! The demo catalogue goes through the real parsers and yields a snapshot with books in
//! every theme and age band.

use std::collections::HashSet;

use suite_domain::bieblo::{AgeBand, ThemeId, default_themes};
use suite_domain::catalog::Copy;
use suite_import::catalogue::*;

const BRANCHES: [&str; 3] = ["Hoofdbibliotheek", "Filiaal Massemen", "Bib op wielen"];

fn parse(demo: &DemoCatalogue) -> (Vec<CatalogueRecord>, Vec<(String, Vec<Copy>)>) {
    let page = parse_search(&demo.search_xml).expect("the demo search page parses");
    assert!(page.unreadable.is_empty());
    let availability = demo
        .availability_xml
        .iter()
        .map(|(id, xml)| {
            let parsed = parse_availability(xml).expect("demo availability parses");
            (id.clone(), parsed.copies())
        })
        .collect();
    (page.records, availability)
}

#[test]
fn demo_round_trips_through_the_parsers() {
    let demo = generate_demo_catalogue(42, 60, &BRANCHES);
    let page = parse_search(&demo.search_xml).expect("parses");
    assert_eq!((page.count, page.page), (60, 1));
    let (records, availability) = parse(&demo);
    assert_eq!(records.len(), 60);
    assert_eq!(availability.len(), 60);
    let titles: HashSet<&str> = records.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles.len(), 60, "titles are unique");
    for record in &records {
        assert!(record.id.starts_with("|demo/bieblo|"), "{}", record.id);
        assert!(
            record.subject_texts().any(|s| s == DEMO_MARKER),
            "{}",
            record.title
        );
        assert_eq!(record.authors.len(), 1);
        assert!(record.description.is_some());
        assert!(
            age_range(record).is_some_and(|a| a.overlaps(KIOSK_AGES)),
            "{}",
            record.title
        );
    }
    assert!(records.iter().any(|r| r.cover_url.is_none()));
    assert!(records.iter().any(|r| !r.series.is_empty()));
    assert!(records.iter().any(|r| !r.awards.is_empty()));
    assert!(records.iter().any(|r| !r.contributors.is_empty()));
    assert!(
        records.iter().any(|r| r.target_audiences.is_empty()),
        "some give only AVI"
    );

    for (id, copies) in &availability {
        assert!(!copies.is_empty(), "{id} has copies");
        let record = records.iter().find(|r| &r.id == id).expect("a record");
        let surname = record.authors[0].rsplit(' ').next().unwrap_or("");
        let mark: String = surname.chars().take(4).collect::<String>().to_uppercase();
        for copy in copies {
            assert!(BRANCHES.contains(&copy.branch.as_str()), "{}", copy.branch);
            assert_eq!(copy.location, "Jeugd");
            assert!(!copy.sub_location.is_empty());
            assert_eq!(copy.shelf_mark, mark);
        }
    }
    let all: Vec<&Copy> = availability.iter().flat_map(|(_, c)| c).collect();
    assert!(all.iter().any(|c| c.available) && all.iter().any(|c| !c.available));
    let branches: HashSet<&str> = all.iter().map(|c| c.branch.as_str()).collect();
    assert_eq!(branches.len(), BRANCHES.len());
}

#[test]
fn demo_snapshot_has_books_in_every_theme_and_age_band() {
    let demo = generate_demo_catalogue(7, 60, &BRANCHES);
    let (records, availability) = parse(&demo);
    let themes = default_themes();
    let (snapshot, report) = build_snapshot(
        "demo",
        &records,
        &availability,
        &themes,
        "2026-01-01T00:00:00Z",
        true,
    );
    assert!(snapshot.demo);
    assert_eq!(report.imported, 60, "{report}");
    assert!(report.skipped.is_empty(), "{report}");
    let without_cover = records.iter().filter(|r| r.cover_url.is_none()).count();
    assert_eq!(report.warnings.len(), without_cover);
    for theme in &themes {
        for band in AgeBand::ALL {
            let found = snapshot
                .books
                .iter()
                .any(|b| b.themes.contains(&theme.id) && age_bands(b.ages).contains(&band));
            assert!(found, "no book for theme {:?} in band {band:?}", theme.id);
        }
    }
    assert!(
        snapshot
            .books
            .iter()
            .any(|b| b.themes.contains(&ThemeId::from("humour")))
    );
}

#[test]
fn demo_records_are_refused_in_a_real_snapshot() {
    let demo = generate_demo_catalogue(1, 12, &BRANCHES);
    let (records, availability) = parse(&demo);
    let (snapshot, report) =
        build_snapshot("x", &records, &availability, &default_themes(), "t", false);
    assert!(snapshot.books.is_empty());
    assert!(
        report
            .skipped
            .iter()
            .all(|s| s.reason == "demo record in a snapshot not marked demo")
    );
}

#[test]
fn demo_is_deterministic_and_handles_edge_sizes() {
    assert_eq!(
        generate_demo_catalogue(3, 20, &BRANCHES),
        generate_demo_catalogue(3, 20, &BRANCHES)
    );
    assert_ne!(
        generate_demo_catalogue(3, 20, &BRANCHES).search_xml,
        generate_demo_catalogue(4, 20, &BRANCHES).search_xml
    );
    let empty = generate_demo_catalogue(3, 0, &BRANCHES);
    let page = parse_search(&empty.search_xml).expect("an empty page parses");
    assert_eq!((page.count, page.records.len()), (0, 0));
    assert!(empty.availability_xml.is_empty());

    let no_branches = generate_demo_catalogue(3, 5, &[]);
    assert!(no_branches.availability_xml.is_empty());
    let (records, availability) = parse(&no_branches);
    let (_, report) = build_snapshot("x", &records, &availability, &default_themes(), "t", true);
    assert!(report.skipped.iter().all(|s| s.reason == "no copies"));
    assert!(report.failed());

    let odd = generate_demo_catalogue(9, 3, &["Bib & <Co> \"Zuid\""]);
    let (_, availability) = parse(&odd);
    assert!(
        availability
            .iter()
            .flat_map(|(_, c)| c)
            .all(|c| c.branch == "Bib & <Co> \"Zuid\"")
    );
}
