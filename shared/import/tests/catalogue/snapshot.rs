//! The snapshot builder's rules: themes by genre, subject and award, humour's AND rule,
//! skip reasons, warnings, order; and the real (adult) samples being left out.

use suite_domain::bieblo::{ThemeId, default_themes};
use suite_domain::catalog::{AgeRange, Copy};
use suite_import::catalogue::*;

use super::{coded, fixture};

fn children_record(id: &str, title: &str) -> CatalogueRecord {
    let mut record = CatalogueRecord::new(id, title);
    record.target_audiences = vec![coded("", "vanaf 6-8 jaar")];
    record.cover_url = Some(format!("https://covers.invalid/{id}.jpg"));
    record
}

fn subject(text: &str) -> Subject {
    Subject {
        kind: SubjectKind::Topical,
        text: text.to_string(),
    }
}

fn copy(branch: &str, available: bool) -> Copy {
    Copy {
        branch: branch.to_string(),
        location: "Jeugd".to_string(),
        sub_location: "Avontuur".to_string(),
        shelf_mark: "KLEI".to_string(),
        available,
    }
}

/// A record with these genres, subjects and awards gets these themes.
fn check_themes(genres: &[&str], subjects: &[&str], awards: &[&str], expected: &[&str]) {
    let mut record = children_record("|t|1", "t");
    record.genres = genres.iter().map(|g| g.to_string()).collect();
    record.subjects = subjects.iter().map(|s| subject(s)).collect();
    record.awards = awards
        .iter()
        .map(|a| Award {
            name: a.to_string(),
            year: None,
        })
        .collect();
    let themes = match_themes(&record, &default_themes());
    let ids: Vec<&str> = themes.iter().map(ThemeId::as_str).collect();
    assert_eq!(
        ids, expected,
        "genres {genres:?}, subjects {subjects:?}, awards {awards:?}"
    );
}

#[test]
fn themes_by_genre_subject_and_award() {
    check_themes(&[], &["Draken"], &[], &["fantasy"]);
    check_themes(&[], &["  DRAKEN "], &[], &["fantasy"]);
    check_themes(&["Detectives"], &[], &[], &["adventure"]);
    check_themes(&["Sportverhalen"], &["Voetbal"], &[], &["sport"]);
    check_themes(&[], &["Paarden ; pony's"], &[], &["animals"]);
    check_themes(
        &[],
        &["Vriendschap met dieren"],
        &[],
        &["animals", "friendship"],
    );
    check_themes(&[], &["Vriendschap"], &[], &["love", "friendship"]);
    check_themes(&[], &["Andere culturen"], &[], &["cultures"]);
    check_themes(&["Historische verhalen"], &[], &[], &["history"]);
    check_themes(&[], &[], &["Zilveren Griffel"], &["prizes"]);
    check_themes(&[], &[], &["Boekenleeuw 2012"], &["prizes"]);
    check_themes(
        &[],
        &[],
        &["Prijs van de Nederlandse Kinderjury"],
        &["prizes"],
    );
    check_themes(&[], &[], &["KJV"], &["prizes"]);
    check_themes(&[], &[], &["Gouden Uilen"], &[]);
    check_themes(&["Paarden"], &[], &[], &[]);
    check_themes(&["Romans"], &["Romans", "Moorden ; Nederland"], &[], &[]);
}

#[test]
fn humour_needs_humour_and_one_more_subject() {
    check_themes(&["Humor"], &[], &[], &[]);
    check_themes(&[], &["Lachen"], &[], &[]);
    check_themes(&[], &["Vakantie"], &[], &[]);
    check_themes(&["Humor"], &["Vakantie"], &[], &["humour"]);
    check_themes(&["humor "], &["Broers en zussen"], &[], &["humour"]);
    check_themes(&[], &["Lachen", "Gezin"], &[], &["humour", "friendship"]);
    check_themes(&["Humor"], &["Heksen"], &[], &["humour", "fantasy"]);
    check_themes(&[], &["Lachen ; spoken"], &[], &["humour"]);
}

#[test]
fn skip_reasons_warnings_and_order() {
    let mut records = Vec::new();
    let mut add = |record: CatalogueRecord| records.push(record);
    let mut kept = children_record("|t|a", "Zebra's in de tuin");
    kept.subjects = vec![subject("Draken")];
    kept.series = vec![Series {
        title: "Dolfje Weerwolfje".into(),
        volume: Some("3".into()),
    }];
    kept.authors = vec!["Anke Kleimuts".into()];
    kept.year = Some(2019);
    add(kept.clone());
    let mut no_age = kept.clone();
    no_age.id = "|t|b".into();
    no_age.target_audiences.clear();
    add(no_age);
    let mut adults = kept.clone();
    adults.id = "|t|c".into();
    adults.target_audiences = vec![coded("ageAdults", "Volwassenen")];
    add(adults);
    let mut teens = kept.clone();
    teens.id = "|t|d".into();
    teens.target_audiences = vec![coded("", "vanaf 12-14 jaar")];
    add(teens);
    let mut no_theme = kept.clone();
    no_theme.id = "|t|e".into();
    no_theme.subjects = vec![subject("Romans")];
    add(no_theme);
    let mut no_copies = kept.clone();
    no_copies.id = "|t|f".into();
    add(no_copies);
    add(kept.clone());
    let mut no_title = kept.clone();
    no_title.id = "|t|h".into();
    no_title.title = " ".into();
    add(no_title);
    let mut demo = kept.clone();
    demo.id = "|t|i".into();
    demo.subjects.push(subject(DEMO_MARKER));
    add(demo);
    let mut avi_only = children_record("|t|j", "Avontuur op AVI");
    avi_only.target_audiences.clear();
    avi_only.reading_levels = vec![coded("", "AVI M4")];
    avi_only.subjects = vec![subject("Voetbal")];
    avi_only.cover_url = None;
    add(avi_only);

    let availability: Vec<(String, Vec<Copy>)> = ["a", "b", "c", "d", "e", "h", "i", "j", "a"]
        .iter()
        .enumerate()
        .map(|(i, id)| {
            (
                format!("|t|{id}"),
                vec![copy("Hoofdbibliotheek", i % 2 == 0)],
            )
        })
        .collect();
    let themes = default_themes();
    let (snapshot, report) = build_snapshot(
        "wetteren",
        &records,
        &availability,
        &themes,
        "2026-08-05T10:00:00Z",
        false,
    );

    let skipped: Vec<(&str, &str)> = report
        .skipped
        .iter()
        .map(|s| (s.record.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("|t|b", "no target age"),
            ("|t|c", "no children's target age: 18-99 is outside 6-11"),
            ("|t|d", "no children's target age: 12-14 is outside 6-11"),
            ("|t|e", "no theme matches"),
            ("|t|f", "no copies"),
            ("|t|a", "duplicate record"),
            ("|t|h", "no title"),
            ("|t|i", "demo record in a snapshot not marked demo"),
        ]
    );
    assert_eq!(report.kind, "catalogue");
    assert_eq!(report.imported, 2);
    assert_eq!(report.warnings, ["|t|j: no cover (Avontuur op AVI)"]);

    assert_eq!(snapshot.library, "wetteren");
    assert_eq!(snapshot.generated_at, "2026-08-05T10:00:00Z");
    assert!(!snapshot.demo);
    assert_eq!(snapshot.themes, themes);
    let titles: Vec<&str> = snapshot.books.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(titles, ["Avontuur op AVI", "Zebra's in de tuin"]);
    let avi = &snapshot.books[0];
    assert_eq!(avi.ages, AgeRange { min: 7, max: 8 });
    assert_eq!(avi.themes, [ThemeId::from("sport")]);
    assert_eq!(avi.cover, None);
    let zebra = &snapshot.books[1];
    assert_eq!(zebra.ages, AgeRange { min: 6, max: 8 });
    assert_eq!(zebra.themes, [ThemeId::from("fantasy")]);
    assert_eq!(zebra.series.as_deref(), Some("Dolfje Weerwolfje ; 3"));
    assert_eq!(zebra.authors, ["Anke Kleimuts"]);
    assert_eq!(zebra.year, Some(2019));
    assert_eq!(
        zebra.cover.as_deref(),
        Some("https://covers.invalid/|t|a.jpg")
    );
    assert_eq!(
        zebra.copies.len(),
        2,
        "both availability entries of |t|a are joined"
    );
}

#[test]
fn same_titles_are_ordered_by_id() {
    let mut records = Vec::new();
    for id in ["|t|3", "|t|1", "|t|2"] {
        let mut record = children_record(id, "Draak");
        record.subjects = vec![subject("Draken")];
        records.push(record);
    }
    let availability: Vec<(String, Vec<Copy>)> = records
        .iter()
        .map(|r| (r.id.clone(), vec![copy("b", true)]))
        .collect();
    let (snapshot, _) = build_snapshot("x", &records, &availability, &default_themes(), "t", false);
    let ids: Vec<&str> = snapshot.books.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["|t|1", "|t|2", "|t|3"]);
}

#[test]
fn the_real_samples_are_adult_books_and_all_left_out() {
    let mut records = parse_search(&fixture("search.xml"))
        .expect("search.xml")
        .records;
    records.push(parse_details(&fixture("details.xml")).expect("details.xml"));
    let copies = parse_availability(&fixture("availability.xml"))
        .expect("availability.xml")
        .copies();
    let availability: Vec<(String, Vec<Copy>)> = records
        .iter()
        .map(|r| (r.id.clone(), copies.clone()))
        .collect();
    let (snapshot, report) = build_snapshot(
        "antwerpen",
        &records,
        &availability,
        &default_themes(),
        "2026-08-05T10:00:00Z",
        false,
    );
    assert!(snapshot.books.is_empty());
    assert!(report.failed());
    assert_eq!(report.skipped.len(), 3);
    for skipped in &report.skipped {
        assert_eq!(
            skipped.reason, "no children's target age: 18-99 is outside 6-11",
            "{}",
            skipped.record
        );
    }
    let themes = default_themes();
    let matched: Vec<Vec<ThemeId>> = records.iter().map(|r| match_themes(r, &themes)).collect();
    assert_eq!(
        matched[0],
        [ThemeId::from("love"), ThemeId::from("friendship")],
        "\"Vriendschap ; kinderen\" alone would have given themes"
    );
    assert!(matched[2].is_empty(), "Moorden, Wraak, Familie: no theme");
}

#[test]
fn hand_written_children_book_goes_all_the_way() {
    let search = r#"<aquabrowser version="1"><meta><count>1</count><page>1</page></meta><results><result>
        <id nativeid="1" ds="test">|test|1</id>
        <titles><title>Het voetbalkamp</title></titles>
        <authors><main-author type="aut" main="true">Jan Dropsnoet</main-author>
          <author type="ill" localized-type="Illustrator">Evi Spekkevoet</author></authors>
        <coverimages><coverimage><url>https://covers.invalid/1.jpg</url></coverimage></coverimages>
        <genres><genre>Sportverhalen</genre></genres>
        <subjects><topical-subject>Voetbal ; kampen</topical-subject></subjects>
        <awards><award year="2020">Boekenleeuw</award></awards>
        <target-audiences><target-audience raw="age9to11">vanaf 9-11 jaar</target-audience></target-audiences>
        <series><series-title volume="2">Team Knikker</series-title></series>
        <publication><publishers><publisher year="2020">Uitgeverij Verzonnen</publisher></publishers></publication>
      </result></results></aquabrowser>"#;
    let availability = r#"<aquabrowser><locations>
        <location name="Wetteren" id="/root/bibnet/Oost-Vlaanderen/Wetteren" available="true">
          <location name="Bibliotheek Wetteren" id="/root/bibnet/Oost-Vlaanderen/Wetteren/Hoofdbibliotheek" available="true">
            <items><item available="true" extid="|test|1" status="none" count="1">
              <subloc>Jeugd : Sport</subloc><shelfmark>DROP</shelfmark><status>Aanwezig</status></item></items>
          </location></location></locations></aquabrowser>"#;
    let records = parse_search(search).expect("search").records;
    assert_eq!(records[0].contributors[0].role, "ill");
    let copies = parse_availability(availability)
        .expect("availability")
        .copies();
    let (snapshot, report) = build_snapshot(
        "wetteren",
        &records,
        &[("|test|1".to_string(), copies)],
        &default_themes(),
        "t",
        false,
    );
    assert_eq!(report.imported, 1, "{report}");
    assert!(report.warnings.is_empty());
    let book = &snapshot.books[0];
    assert_eq!(book.ages, AgeRange { min: 9, max: 11 });
    assert_eq!(
        book.themes,
        [ThemeId::from("sport"), ThemeId::from("prizes")]
    );
    assert_eq!(book.authors, ["Jan Dropsnoet"]);
    assert_eq!(book.series.as_deref(), Some("Team Knikker ; 2"));
    assert_eq!(book.copies[0].where_to_find(), "Jeugd - Sport - DROP");
    assert!(book.copies[0].available && book.copies[0].branch == "Bibliotheek Wetteren");
}
