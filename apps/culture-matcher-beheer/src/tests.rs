//! Tests of the back-office's pure pieces (in headless Chromium, like the other apps'
//! unit tests; whose centre a role manages is `suite_domain::org`'s): the show form and
//! its check, the table's changes, the venue notes, the insight's table and
//! chart, and uploads.

use std::rc::Rc;

use suite_domain::culture::insight::ShowInsight;
use suite_domain::culture::media::{IMAGE_MAX_BYTES, MediaKind, VIDEO_MAX_BYTES};
use suite_domain::culture::show_input::{DateInput, ShowField, ShowInput};
use suite_domain::culture::staff::{CentreShow, CentreVenue, ShowOrigin};
use suite_domain::i18n::{Lang, Msg};
use wasm_bindgen_test::wasm_bindgen_test;
use yew::Reducible;

use crate::dates::date_time;
use crate::insight::chart::{CHART_SHOWS, LAYOUT, charted, show_groups};
use crate::insight::{COLUMNS, cells, has_counts, rating_text};
use crate::show_form::form::{DateRow, ShowForm, TrailerMode, check_form, error_for, field_id};
use crate::shows::{Change, ShowList, date_cell, encode, with_show};
use crate::upload::accepted_kind;
use crate::venues::notes_of;
use suite_domain::chart::{CHART_HEIGHT, place};
use suite_domain::culture::show_table::venue_name;

const CENTRE: &str = "demo-nova";
const IMAGE: &str = "/data/culture-matcher/media/demo-nova/0123456789abcdef.png";
const VIDEO: &str = "/data/culture-matcher/media/demo-nova/0123456789abcdef.mp4";

fn venues() -> Vec<String> {
    vec!["zaal-a".into(), "zaal-b".into()]
}

fn filled() -> ShowForm {
    ShowForm {
        title: "De stille storm".into(),
        text: "Wind.\n\nZee.".into(),
        genre: "0.55.0.0.0".into(),
        dates: vec![
            DateRow {
                start: "2026-12-04T20:00".into(),
                end: String::new(),
            },
            DateRow {
                start: "2026-12-05T20:00".into(),
                end: "2026-12-05T22:00".into(),
            },
        ],
        venue: "zaal-b".into(),
        free: false,
        price: "12,50".into(),
        ticket_url: " https://tickets.example.org ".into(),
        image: Some(IMAGE.into()),
        image_alt: "Zee met golven".into(),
        trailer_mode: TrailerMode::Link,
        trailer_file: None,
        trailer_link: "https://youtu.be/dQw4w9WgXcQ".into(),
        in_swipe: true,
    }
}

#[wasm_bindgen_test]
fn a_filled_form_becomes_the_input_the_server_checks() {
    let input = check_form(&filled(), CENTRE, &venues()).expect("valid");
    assert_eq!(input.price_cents, 1250);
    assert_eq!(input.dates[0].end, None, "an empty end is no end");
    assert_eq!(input.dates[1].end.as_deref(), Some("2026-12-05T22:00"));
    assert_eq!(
        input.ticket_url.as_deref(),
        Some("https://tickets.example.org")
    );
    assert_eq!(input.image_alt.as_deref(), Some("Zee met golven"));
    assert_eq!(
        input.trailer.as_deref(),
        Some("https://youtu.be/dQw4w9WgXcQ")
    );
    // Free wins over a typed price; no picture, no description.
    let mut free = filled();
    free.free = true;
    free.price = "nonsense".into();
    free.image = None;
    free.trailer_mode = TrailerMode::None;
    let input = check_form(&free, CENTRE, &venues()).expect("valid");
    assert_eq!(input.price_cents, 0);
    assert_eq!(input.image_alt, None);
    assert_eq!(input.trailer, None);
}

#[wasm_bindgen_test]
fn problems_come_top_to_bottom_with_their_field_ids() {
    let mut bad = filled();
    bad.title = " ".into();
    bad.price = "twaalf".into();
    bad.dates[1].end = "2026-12-05T19:00".into();
    bad.venue = String::new();
    bad.trailer_mode = TrailerMode::File;
    let errors = check_form(&bad, CENTRE, &venues()).expect_err("four problems");
    let fields: Vec<ShowField> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            ShowField::Title,
            ShowField::DateEnd(1),
            ShowField::Venue,
            ShowField::Price,
            ShowField::Trailer
        ]
    );
    assert_eq!(
        error_for(&errors, ShowField::Price),
        Some(Msg::CmBoPriceInvalid)
    );
    assert_eq!(
        error_for(&errors, ShowField::Trailer),
        Some(Msg::ErrRequired)
    );
    assert_eq!(error_for(&errors, ShowField::Genre), None);
    assert_eq!(field_id(ShowField::Title, &bad), "show-title");
    assert_eq!(field_id(ShowField::DateEnd(1), &bad), "show-date-1-end");
    assert_eq!(field_id(ShowField::Trailer, &bad), "show-trailer-file");
    bad.trailer_mode = TrailerMode::Link;
    assert_eq!(field_id(ShowField::Trailer, &bad), "show-trailer-link");
    let mut no_dates = filled();
    no_dates.dates.clear();
    let errors = check_form(&no_dates, CENTRE, &venues()).expect_err("no dates");
    assert_eq!(
        error_for(&errors, ShowField::Dates),
        Some(Msg::CmBoDatesCount)
    );
    assert_eq!(field_id(ShowField::Dates, &no_dates), "show-dates");
}

#[wasm_bindgen_test]
fn a_saved_show_opens_with_its_own_values() {
    let input = ShowInput {
        title: "Storm".into(),
        text: "Wind".into(),
        genre: "0.50.4.0.0".into(),
        dates: vec![DateInput {
            start: "2026-12-04T20:00".into(),
            end: None,
        }],
        venue: "zaal-a".into(),
        price_cents: 850,
        ticket_url: None,
        image: Some(IMAGE.into()),
        image_alt: None,
        trailer: Some(VIDEO.into()),
        in_swipe: false,
    };
    let form = ShowForm::of(&input, CENTRE);
    assert_eq!(form.price, "8,50");
    assert!(!form.free);
    assert_eq!(form.trailer_mode, TrailerMode::File);
    assert_eq!(form.trailer_file.as_deref(), Some(VIDEO));
    assert_eq!(check_form(&form, CENTRE, &venues()), Ok(input.clone()));
    let link = ShowInput {
        trailer: Some("https://vimeo.com/76979871".into()),
        price_cents: 0,
        ..input
    };
    let form = ShowForm::of(&link, CENTRE);
    assert_eq!(form.trailer_mode, TrailerMode::Link);
    assert!(form.free && form.price.is_empty());
    let blank = ShowForm::blank(&["enige-zaal".to_string()]);
    assert_eq!(blank.venue, "enige-zaal", "the only venue is chosen");
    assert_eq!(blank.dates.len(), 1);
    assert!(blank.in_swipe);
    assert!(ShowForm::blank(&venues()).venue.is_empty());
}

fn listed(id: &str, title: &str, date: Option<i64>, ended: bool) -> CentreShow {
    CentreShow {
        id: id.into(),
        title: title.into(),
        origin: ShowOrigin::Import,
        in_swipe: false,
        venue: "zaal-a".into(),
        date,
        ended,
        input: None,
    }
}

#[wasm_bindgen_test]
fn a_saved_show_takes_its_old_place_or_is_added() {
    let shows = vec![
        listed("over-old", "B", Some(100), true),
        listed("later", "A", Some(2_000), false),
        listed("soon", "Z", Some(1_000), false),
    ];
    let moved = with_show(&shows, listed("later", "A", Some(10), false));
    assert_eq!(moved[1].date, Some(10));
    assert_eq!(moved.len(), 3);
    let added = with_show(&shows, listed("new", "N", None, false));
    assert_eq!(added.len(), 4);
    assert_eq!(added[3].id, "new");
    let list = Rc::new(ShowList::default()).reduce(Change::Loaded(shows));
    let list = list.reduce(Change::Swipe("soon".into(), true));
    assert!(list.shows.iter().any(|s| s.id == "soon" && s.in_swipe));
    assert_eq!(list.pending, ["soon"]);
    let list = list.reduce(Change::SwipeFailed("soon".into(), false));
    assert!(
        list.shows.iter().any(|s| s.id == "soon" && !s.in_swipe),
        "back as it was"
    );
    assert!(list.pending.is_empty());
    let list = list.reduce(Change::Swipe("later".into(), true));
    let mut saved = listed("later", "A", Some(2_000), false);
    saved.in_swipe = true;
    let list = list.reduce(Change::Put(saved));
    assert!(list.pending.is_empty());
    assert!(list.shows.iter().any(|s| s.id == "later" && s.in_swipe));
    let list = list.reduce(Change::Removed("soon".into()));
    assert_eq!(list.shows.len(), 2);
}

#[wasm_bindgen_test]
fn cells_say_when_where_and_how() {
    // 2026-12-03T19:00:00Z is 20:00 in Belgium.
    let show = listed("s", "Storm", Some(1_796_324_400), false);
    assert_eq!(date_cell(&show, Lang::Nl), "03/12/2026 20:00");
    assert_eq!(date_cell(&show, Lang::En), "2026-12-03 20:00");
    let over = listed("s", "Storm", Some(1_796_324_400), true);
    assert_eq!(date_cell(&over, Lang::Nl), "03/12/2026 20:00 (voorbij)");
    assert_eq!(
        date_cell(&listed("s", "S", None, true), Lang::En),
        "No date"
    );
    assert_eq!(date_time(i64::MAX, Lang::Nl), None);
    let venues = vec![CentreVenue {
        id: "zaal-a".into(),
        name: "Grote zaal".into(),
        town: "Gent".into(),
        transport_note: None,
        bike_note: None,
    }];
    assert_eq!(venue_name(&venues, "zaal-a"), "Grote zaal");
    assert_eq!(venue_name(&venues, "elders"), "elders");
    assert_eq!(encode("a b/c-d_e"), "a%20b%2Fc-d_e");
}

#[wasm_bindgen_test]
fn venue_notes_are_sent_trimmed_and_blank_as_none() {
    let notes = notes_of("  Tram 4 ", " \n ");
    assert_eq!(notes.transport_note.as_deref(), Some("Tram 4"));
    assert_eq!(notes.bike_note, None);
}

fn counted(show: &str, hearts: u32, crosses: u32) -> ShowInsight {
    ShowInsight {
        show: show.into(),
        title: show.to_uppercase(),
        hearts,
        crosses,
        ..ShowInsight::default()
    }
}

#[wasm_bindgen_test]
fn the_insight_table_has_every_count_and_the_chart_scales_to_the_most() {
    let mut row = counted("s", 3, 1);
    row.shown = 9;
    row.feedback_count = 2;
    row.rating_mean = Some(4.26);
    row.similar_yes = 2;
    row.went = 2;
    row.not_gone = 1;
    let nl = cells(&row, Lang::Nl);
    assert_eq!(nl.len(), COLUMNS.len());
    assert_eq!(
        nl,
        [
            "9", "3", "1", "0", "0", "0", "0", "2", "1", "2", "4,3", "2", "0"
        ]
    );
    assert_eq!(cells(&row, Lang::En)[10], "4.3");
    let gone_only = ShowInsight {
        not_gone: 1,
        ..ShowInsight::default()
    };
    assert!(has_counts(&gone_only), "attendance counts too");
    assert_eq!(rating_text(None, Lang::Nl), "–");
    assert!(has_counts(&row));
    assert!(!has_counts(&ShowInsight::default()));
    let words_only = ShowInsight {
        words: vec!["Top".into()],
        ..ShowInsight::default()
    };
    assert!(has_counts(&words_only), "own words count too");

    let rows = vec![
        counted("a", 4, 2),
        counted("quiet", 0, 0),
        counted("b", 1, 8),
    ];
    let plotted = charted(&rows);
    assert_eq!(
        plotted.len(),
        2,
        "shows without hearts or crosses are left out"
    );
    let groups = show_groups(&plotted);
    assert_eq!(groups[1], ("B".to_string(), vec![1, 8]));
    let values: Vec<Vec<u64>> = groups.into_iter().map(|(_, v)| v).collect();
    let bars = place(&values, LAYOUT).bars;
    let heights: Vec<u64> = bars.iter().map(|b| b.height).collect();
    assert_eq!(
        heights,
        [CHART_HEIGHT / 2, CHART_HEIGHT / 4, 13, CHART_HEIGHT],
        "hearts then crosses; one still shows (rounded up)"
    );
    let inset = (LAYOUT.slot - 2 * LAYOUT.bar_width) / 2;
    assert_eq!((bars[0].x, bars[2].x), (inset, LAYOUT.slot + inset));
    assert_eq!(
        bars[1].x,
        inset + LAYOUT.bar_width,
        "the cross beside the heart"
    );
    let many: Vec<ShowInsight> = (0..40).map(|i| counted(&format!("s{i}"), 1, 0)).collect();
    assert_eq!(charted(&many).len(), CHART_SHOWS);
    assert!(show_groups(&[]).is_empty());
}

#[wasm_bindgen_test]
fn uploads_are_checked_by_their_first_bytes_and_size() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(accepted_kind(png, 100.0, false), Ok(MediaKind::Png));
    assert_eq!(
        accepted_kind(png, 100.0, true),
        Err(Msg::CmBoTrailerInvalid)
    );
    assert_eq!(
        accepted_kind(png, (IMAGE_MAX_BYTES + 1) as f64, false),
        Err(Msg::CmBoImageTooBig)
    );
    let mp4 = b"\0\0\0\x18ftypisom\0\0\0\0";
    assert_eq!(
        accepted_kind(mp4, (IMAGE_MAX_BYTES + 1) as f64, true),
        Ok(MediaKind::Mp4)
    );
    assert_eq!(
        accepted_kind(mp4, (VIDEO_MAX_BYTES + 1) as f64, true),
        Err(Msg::CmBoVideoTooBig)
    );
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
    assert_eq!(accepted_kind(svg, 10.0, false), Err(Msg::CmBoImageInvalid));
}

#[wasm_bindgen_test]
fn the_insight_period_becomes_a_query_and_the_quick_choices_are_month_and_season() {
    use crate::insight::over_time::{COUNTS, quick_periods};
    use suite_domain::culture::insight::Interaction;
    use suite_domain::date::LocalDate;
    use suite_ui::url::period_query;
    assert_eq!(period_query("", " "), "");
    assert_eq!(
        period_query("2026-09-01", "2026-09-30"),
        "?from=2026-09-01&to=2026-09-30"
    );
    let today = LocalDate::new(2026, 12, 5).expect("a day");
    assert_eq!(
        quick_periods(today),
        [
            "?from=2026-12-01&to=2026-12-31".to_string(),
            "?from=2026-09-01&to=2027-08-31".to_string()
        ]
    );
    // Every count has its chart, in the order of the table's columns.
    assert_eq!(COUNTS.len(), Interaction::ALL.len());
    for (i, (interaction, name)) in COUNTS.iter().enumerate() {
        assert_eq!(*interaction, Interaction::ALL[i]);
        assert_eq!(*name, COLUMNS[i]);
    }
}
