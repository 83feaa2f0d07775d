use super::*;

const CENTRE: &str = "demo-nova";
const IMAGE: &str = "/data/culture-matcher/media/demo-nova/0123456789abcdef.png";
const VIDEO: &str = "/data/culture-matcher/media/demo-nova/fedcba9876543210.webm";

fn venues() -> Vec<String> {
    vec!["zaal-a".into(), "zaal-b".into()]
}

fn input() -> ShowInput {
    ShowInput {
        title: "  De  stille storm ".into(),
        text: "Een voorstelling <b>over</b> wind & zee.\r\nTweede regel.\n\n\nNieuwe alinea."
            .into(),
        genre: "0.55.0.0.0".into(),
        dates: vec![
            DateInput {
                start: "2026-12-05T20:00".into(),
                end: Some("2026-12-05T22:00".into()),
            },
            DateInput {
                start: "2026-12-04T20:00".into(),
                end: Some(String::new()),
            },
        ],
        venue: "zaal-b".into(),
        price_cents: 1250,
        ticket_url: Some(" https://tickets.example.org/storm ".into()),
        image: Some(IMAGE.into()),
        image_alt: Some("Twee dansers in de wind".into()),
        trailer: Some("https://youtu.be/dQw4w9WgXcQ".into()),
        in_swipe: true,
    }
}

fn check(input: &ShowInput) -> Result<Show, Vec<ShowFieldError>> {
    let venues = venues();
    check_show_input(
        input,
        &ShowContext {
            centre: CENTRE,
            show_id: "cc-1",
            venues: &venues,
        },
    )
}

fn fields(input: &ShowInput) -> Vec<(String, Msg)> {
    check(input)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.field.name(), e.message))
        .collect()
}

#[test]
fn a_good_show_becomes_a_programme_show() {
    let show = check(&input()).expect("valid");
    assert_eq!(show.id, "cc-1");
    assert_eq!(show.title.nl, "De stille storm");
    assert_eq!(
        show.description_html.nl,
        "<p>Een voorstelling &lt;b&gt;over&lt;/b&gt; wind &amp; zee.<br>Tweede regel.</p>\
         <p>Nieuwe alinea.</p>"
    );
    assert_eq!(
        show.genre,
        Some(Term {
            id: "0.55.0.0.0".into(),
            label: "Theatervoorstelling".into()
        })
    );
    assert_eq!(show.venue, "zaal-b");
    let cal = &show.calendar;
    assert_eq!(cal.kind, CalendarKind::Multiple);
    let starts: Vec<&str> = cal
        .occurrences
        .iter()
        .map(|o| o.start.at.as_str())
        .collect();
    assert_eq!(
        starts,
        ["2026-12-04T20:00:00+01:00", "2026-12-05T20:00:00+01:00"],
        "earliest first"
    );
    assert_eq!(cal.occurrences[0].end, None);
    assert_eq!(
        cal.occurrences[1].end.as_ref().map(|e| e.at.as_str()),
        Some("2026-12-05T22:00:00+01:00")
    );
    assert_eq!(
        cal.start.as_ref().map(|m| m.unix),
        Some(cal.occurrences[0].start.unix)
    );
    assert_eq!(
        cal.end.as_ref().map(|m| m.at.as_str()),
        Some("2026-12-05T22:00:00+01:00")
    );
    assert!(show.is_upcoming(cal.occurrences[0].start.unix - 1));
    assert_eq!(show.price.as_ref().map(Price::min_cents), Some(1250));
    assert_eq!(
        show.booking.url.as_deref(),
        Some("https://tickets.example.org/storm")
    );
    let image = show.image.as_ref().expect("image");
    assert_eq!(image.src.as_deref(), Some(IMAGE));
    assert_eq!(image.alt.as_deref(), Some("Twee dansers in de wind"));
    assert_eq!(
        show.trailer,
        Some(Trailer::Platform {
            platform: "youtube".into(),
            url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ".into(),
            embed_url: Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ".into()),
        })
    );
    assert!(show.in_swipe);
    assert_eq!(show.status, ShowStatus::Available);
}

#[test]
fn one_date_is_a_single_free_show_and_an_uploaded_trailer_is_a_file() {
    let mut one = input();
    one.dates.truncate(1);
    one.price_cents = 0;
    one.trailer = Some(VIDEO.into());
    one.ticket_url = Some("  ".into());
    one.image = None;
    let show = check(&one).expect("valid");
    assert_eq!(show.calendar.kind, CalendarKind::Single);
    assert!(show.price.as_ref().is_some_and(Price::is_free));
    assert_eq!(show.booking.url, None);
    assert_eq!(show.image, None, "no picture, so no alt either");
    assert_eq!(
        show.trailer,
        Some(Trailer::File {
            src: VIDEO.into(),
            mime: "video/webm".into()
        })
    );
}

#[test]
fn every_problem_is_named_by_its_field_in_form_order() {
    let mut bad = input();
    bad.title = " \n ".into();
    bad.text = "x".repeat(TEXT_MAX + 1);
    bad.genre = "Theater".into();
    bad.dates = vec![
        DateInput {
            start: "2026-12-05T20:00".into(),
            end: Some("2026-12-05T19:00".into()),
        },
        DateInput {
            start: String::new(),
            end: None,
        },
        DateInput {
            start: "morgen".into(),
            end: Some("2026-13-01T10:00".into()),
        },
    ];
    bad.venue = "zaal-elders".into();
    bad.price_cents = PRICE_MAX_CENTS + 1;
    bad.ticket_url = Some("javascript:alert(1)".into());
    bad.image = Some(VIDEO.into());
    bad.image_alt = Some("a".repeat(ALT_MAX + 1));
    bad.trailer = Some("https://evil.example/video.mp4".into());
    assert_eq!(
        fields(&bad),
        [
            ("title".to_string(), Msg::ErrRequired),
            ("text".into(), Msg::CmBoTextTooLong),
            ("genre".into(), Msg::CmBoGenreInvalid),
            ("dates.0.end".into(), Msg::CmBoEndBeforeStart),
            ("dates.1.start".into(), Msg::ErrRequired),
            ("dates.2.start".into(), Msg::CmBoDateInvalid),
            ("dates.2.end".into(), Msg::CmBoDateInvalid),
            ("venue".into(), Msg::CmBoVenueInvalid),
            ("price_cents".into(), Msg::CmBoPriceInvalid),
            ("ticket_url".into(), Msg::CmBoUrlInvalid),
            ("image".into(), Msg::CmBoImageInvalid),
            ("image_alt".into(), Msg::CmBoAltTooLong),
            ("trailer".into(), Msg::CmBoTrailerInvalid),
        ]
    );
}

#[test]
fn limits_hold_at_their_edges() {
    let mut edge = input();
    edge.title = "é".repeat(TITLE_MAX);
    edge.text = "é".repeat(TEXT_MAX);
    edge.price_cents = PRICE_MAX_CENTS;
    edge.dates = (0..DATES_MAX)
        .map(|i| DateInput {
            start: format!("2027-01-{:02}T20:00", i % 28 + 1),
            end: None,
        })
        .collect();
    assert!(check(&edge).is_ok());
    edge.title.push('é');
    assert_eq!(
        fields(&edge),
        [("title".to_string(), Msg::CmBoTitleTooLong)]
    );
    edge.title.pop();
    edge.dates.push(DateInput {
        start: "2027-02-01T20:00".into(),
        end: None,
    });
    assert_eq!(fields(&edge), [("dates".to_string(), Msg::CmBoDatesCount)]);
    edge.dates.clear();
    assert_eq!(fields(&edge), [("dates".to_string(), Msg::CmBoDatesCount)]);
}

#[test]
fn past_dates_are_fine_and_the_end_must_follow_the_start() {
    let mut past = input();
    past.dates = vec![DateInput {
        start: "2019-05-01T10:00".into(),
        end: Some("2019-05-01T10:00".into()),
    }];
    assert_eq!(
        fields(&past),
        [("dates.0.end".to_string(), Msg::CmBoEndBeforeStart)]
    );
    past.dates[0].end = Some("2019-05-01T10:01".into());
    assert!(check(&past).is_ok());
}

#[test]
fn only_the_centres_own_uploads_and_web_links_are_taken() {
    let mut other = input();
    other.image = Some(IMAGE.replace("demo-nova", "demo-elders"));
    other.trailer = Some(IMAGE.into());
    other.ticket_url = Some("https://".into());
    assert_eq!(
        fields(&other),
        [
            ("ticket_url".to_string(), Msg::CmBoUrlInvalid),
            ("image".into(), Msg::CmBoImageInvalid),
            ("trailer".into(), Msg::CmBoTrailerInvalid),
        ]
    );
    for url in ["http://example.org", "HTTPS://tickets.example.org/a?b=c#d"] {
        assert!(is_web_url(url), "{url}");
    }
    for url in [
        "ftp://example.org",
        "https://exa mple.org",
        "https://user@example.org",
        "//example.org",
        "data:text/html,<script>",
    ] {
        assert!(!is_web_url(url), "{url}");
    }
    assert!(!is_web_url(&format!(
        "https://e.org/{}",
        "a".repeat(URL_MAX)
    )));
}

#[test]
fn the_form_values_of_a_show_check_back_to_the_same_show() {
    let show = check(&input()).expect("valid");
    let again = show_input_of(&show);
    assert_eq!(again.title, "De stille storm");
    assert_eq!(
        again.text,
        "Een voorstelling <b>over</b> wind & zee.\nTweede regel.\n\nNieuwe alinea."
    );
    assert_eq!(again.dates[0].start, "2026-12-04T20:00");
    assert_eq!(again.dates[1].end.as_deref(), Some("2026-12-05T22:00"));
    assert_eq!(
        again.trailer.as_deref(),
        Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    );
    assert_eq!(check(&again), Ok(show));
}

#[test]
fn text_becomes_escaped_paragraphs_and_back() {
    assert_eq!(text_to_html(""), "");
    assert_eq!(text_to_html(" \n\n "), "");
    assert_eq!(
        text_to_html("<script>alert('x')</script>\u{0}\"quoted\""),
        "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;quoted&quot;</p>"
    );
    assert_eq!(text_to_html("a\r\rb"), "<p>a</p><p>b</p>");
    for text in [
        "één",
        "a & b < c > d \"e\" 'f'",
        "a\nb\n\nc\nd",
        "&amp; stays &amp;",
    ] {
        assert_eq!(html_to_text(&text_to_html(text)), text, "{text}");
    }
    assert_eq!(
        html_to_text("<p>Imported <a href=\"x\">link</a></p><ul><li>one</li><li>two</li></ul>"),
        "Imported link\n\none\n\ntwo"
    );
    assert_eq!(html_to_text("unclosed <b"), "unclosed");
}

#[test]
fn euro_amounts_as_typed() {
    for (text, cents) in [
        ("12", Some(1200)),
        ("12,5", Some(1250)),
        ("12.50", Some(1250)),
        (" € 0,99 ", Some(99)),
        ("0", Some(0)),
        ("1000", Some(PRICE_MAX_CENTS)),
        ("1000,01", None),
        ("12,505", None),
        ("-1", None),
        ("", None),
        (",50", None),
        ("1e3", None),
        ("99999999999", None),
        ("１２", None),
    ] {
        assert_eq!(parse_euro(text), cents, "{text:?}");
    }
    assert_eq!(format_euro(1250), "12,50");
    assert_eq!(format_euro(5), "0,05");
    assert_eq!(parse_euro(&format_euro(98_765)), Some(98_765));
}

#[test]
fn the_genres_are_distinct_event_types() {
    for (i, (id, label)) in GENRES.iter().enumerate() {
        assert!(id.split('.').count() == 5, "{id}");
        assert!(!label.is_empty());
        assert!(
            GENRES[i + 1..].iter().all(|(other, _)| other != id),
            "{id} twice"
        );
    }
}

#[test]
fn nothing_panics_on_odd_input() {
    let odd = ShowInput {
        title: "\u{0}".into(),
        dates: vec![DateInput {
            start: "\u{feff}".into(),
            end: Some("😀".into()),
        }],
        ticket_url: Some("h".into()),
        trailer: Some("é".repeat(URL_MAX + 1)),
        ..ShowInput::default()
    };
    assert!(check(&odd).is_err());
    assert!(html_to_text("<<<>>>&&;").len() < 20);
}

#[test]
fn field_names_read_back_to_their_field() {
    let all = [
        ShowField::Title,
        ShowField::Text,
        ShowField::Genre,
        ShowField::Dates,
        ShowField::DateStart(0),
        ShowField::DateEnd(11),
        ShowField::Venue,
        ShowField::Price,
        ShowField::TicketUrl,
        ShowField::Image,
        ShowField::ImageAlt,
        ShowField::Trailer,
    ];
    for field in all {
        assert_eq!(
            ShowField::from_name(&field.name()),
            Some(field),
            "{field:?}"
        );
    }
    for unknown in [
        "",
        "price",
        "dates.",
        "dates.x.start",
        "dates.1.middle",
        "dates.1",
    ] {
        assert_eq!(ShowField::from_name(unknown), None, "{unknown}");
    }
}
