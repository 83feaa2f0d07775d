//! The demo programme goes through the real parser and has what the module promises.

use std::collections::HashSet;

use suite_domain::culture::programme::*;
use suite_domain::culture::recommend::{Context, Swipes, suggest, swipe_cards};
use suite_domain::import::ImportReport;
use suite_import::events::*;

/// 2026-11-28T08:00:00Z.
const NOW: i64 = 1_795_852_800;

fn build(seed: u64, demo: bool) -> (Programme, ImportReport, DemoProgramme) {
    let generated = generate_demo_programme(seed, NOW, 40);
    let import = ProgrammeImport {
        centre: "demo-nova",
        centre_name: "Cultuurcentrum Nova (demo)",
        now: "2026-11-28T08:00:00Z",
        demo,
    };
    let inputs = vec![("demo.json".to_string(), generated.document.clone())];
    let (programme, report) = build_programme(&import, &inputs, ImportReport::new("events"));
    (programme, report, generated)
}

#[test]
fn forty_invented_shows_go_through_the_real_parser() {
    let (p, report, _) = build(1, true);
    assert_eq!(report.imported, 40, "{report}");
    assert!(
        report.skipped.is_empty() && report.warnings.is_empty(),
        "{report}"
    );
    assert!(p.demo);
    for s in &p.shows {
        assert!(s.title.nl.ends_with(" (demo)"), "{}", s.title.nl);
        assert!(
            s.description_html.nl.starts_with("<p><strong>"),
            "{}",
            s.description_html.nl
        );
        assert!(
            s.booking
                .url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://tickets.invalid/"))
        );
        assert!(s.image.as_ref().is_none_or(|i| i.src.is_none()));
        let first = s
            .calendar
            .next_start(NOW)
            .or(s.calendar.start.as_ref().map(|m| m.unix));
        let first = first.expect("a date");
        assert!(first <= NOW + 92 * 86_400, "{}", s.id);
    }
    let ids: HashSet<&str> = p.shows.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), 40);
}

#[test]
fn genres_venues_prices_statuses_and_media_vary() {
    let (p, _, _) = build(2, true);
    let genres: HashSet<&str> = p
        .shows
        .iter()
        .filter_map(|s| s.genre.as_ref())
        .map(|g| g.label.as_str())
        .collect();
    for g in [
        "Theatervoorstelling",
        "Concert",
        "Dansvoorstelling",
        "Film",
        "Tentoonstelling",
        "Circus",
        "Party of fuif",
    ] {
        assert!(genres.contains(g), "{g} in {genres:?}");
    }
    assert!(
        p.shows
            .iter()
            .any(|s| s.themes.iter().any(|t| t.label == "Humor en comedy"))
    );
    let towns: HashSet<&str> = p.venues.iter().map(|v| v.town.as_str()).collect();
    assert_eq!(towns.len(), 5, "{towns:?}");
    assert!(p.venues.iter().all(|v| v.geo.is_some()));
    let free = p
        .shows
        .iter()
        .filter(|s| s.price.as_ref().is_some_and(Price::is_free))
        .count();
    let paid = p
        .shows
        .iter()
        .filter(|s| s.price.as_ref().is_some_and(|x| x.base_cents >= 800))
        .count();
    let unknown = p.shows.iter().filter(|s| s.price.is_none()).count();
    assert!(
        free >= 5 && paid >= 20 && unknown >= 2,
        "{free} {paid} {unknown}"
    );
    let status = |st| p.shows.iter().filter(|s| s.status == st).count();
    assert_eq!(
        (status(ShowStatus::Cancelled), status(ShowStatus::Postponed)),
        (1, 2)
    );
    assert!(p.shows.iter().any(|s| !s.bookable));
    assert!(p.shows.iter().any(|s| {
        s.calendar
            .occurrences
            .iter()
            .any(|o| o.status == ShowStatus::Cancelled)
    }));
    assert!(
        p.shows
            .iter()
            .any(|s| s.calendar.kind == CalendarKind::Multiple)
    );
    assert!(
        p.shows
            .iter()
            .any(|s| s.calendar.kind == CalendarKind::Periodic
                && !s.calendar.opening_hours.is_empty())
    );
    let trailers = p
        .shows
        .iter()
        .filter(|s| matches!(s.trailer, Some(Trailer::Platform { .. })))
        .count();
    assert!((10..=16).contains(&trailers), "{trailers}");
    assert!(
        p.shows
            .iter()
            .any(|s| s.ages == suite_domain::catalog::AgeRange::new(4, 10))
    );
    assert!(
        p.shows
            .iter()
            .any(|s| s.ages == suite_domain::catalog::AgeRange::new(16, 99))
    );
}

#[test]
fn twelve_varied_swipe_shows_and_venue_notes() {
    let (mut p, _, generated) = build(3, true);
    assert_eq!(generated.in_swipe.len(), 12);
    for show in p.shows.iter_mut() {
        show.in_swipe = generated.in_swipe.contains(&show.id);
    }
    let marked: Vec<&Show> = p.shows.iter().filter(|s| s.in_swipe).collect();
    assert_eq!(marked.len(), 12);
    assert!(marked.iter().all(|s| s.status == ShowStatus::Available));
    let genres: HashSet<(&str, Option<&str>)> = marked
        .iter()
        .map(|s| {
            (
                s.genre.as_ref().map_or("", |g| g.id.as_str()),
                s.themes.first().map(|t| t.id.as_str()),
            )
        })
        .collect();
    assert!(genres.len() >= 9, "{genres:?}");
    let cards = swipe_cards(&p, NOW, 7);
    assert_eq!(cards.len(), 5);
    assert!(cards.iter().all(|c| c.in_swipe));
    let swipes = Swipes {
        hearts: vec![cards[0].id.clone(), cards[1].id.clone()],
        crosses: vec![cards[2].id.clone()],
        earlier_hearts: vec![],
    };
    assert_eq!(suggest(&p, &swipes, &Context::at(NOW), 7).len(), 3);
    let noted: Vec<&str> = generated
        .venue_notes
        .iter()
        .map(|(id, _, _)| id.as_str())
        .collect();
    assert!(noted.contains(&"demo-nova-grote-zaal"));
    assert!(noted.iter().all(|id| p.venues.iter().any(|v| v.id == *id)));
}

#[test]
fn the_same_seed_gives_the_same_programme_and_only_demo_takes_it() {
    let (a, _, ga) = build(4, true);
    let (b, _, gb) = build(4, true);
    assert_eq!(ga, gb);
    assert_eq!(a, b);
    let (c, _, _) = build(5, true);
    assert_ne!(
        a.shows.iter().map(|s| &s.title.nl).collect::<Vec<_>>(),
        c.shows.iter().map(|s| &s.title.nl).collect::<Vec<_>>()
    );
    let (refused, report, _) = build(4, false);
    assert!(refused.shows.is_empty() && report.failed());
    assert_eq!(report.skipped.len(), 40);
}

#[test]
fn summer_dates_have_summer_time() {
    // 2027-06-01: every performance in June is at +02:00, in January at +01:00.
    let june = 1_811_808_000;
    let g = generate_demo_programme(1, june, 10);
    assert!(g.document.contains("+02:00") && !g.document.contains("+01:00"));
    let g = generate_demo_programme(1, NOW + 40 * 86_400, 10);
    assert!(g.document.contains("+01:00"));
}

/// The genres the back-office offers staff are the event types the importer reads, in
/// the samples and in the demo programme: a show staff make sits among imported ones.
#[test]
fn staff_choose_from_the_event_types_the_importer_reads() {
    use suite_domain::culture::show_input::GENRES;
    let demo = generate_demo_programme(3, 1_790_000_000, 40);
    let mut report = ImportReport::new("events");
    let mut events = parse_document("demo.json", &demo.document, &mut report);
    for sample in crate::SAMPLES {
        events.extend(parse_document(sample, &crate::fixture(sample), &mut report));
    }
    let mut seen = 0;
    for genre in events.iter().filter_map(|e| e.show.genre.as_ref()) {
        assert!(
            GENRES.contains(&(genre.id.as_str(), genre.label.as_str())),
            "{genre:?} is read but not offered to staff"
        );
        seen += 1;
    }
    assert!(seen > 40, "only {seen} genres read");
    for (id, _) in GENRES {
        assert!(
            events
                .iter()
                .any(|e| e.show.genre.as_ref().is_some_and(|g| g.id == id)),
            "{id} is offered but never read"
        );
    }
}
