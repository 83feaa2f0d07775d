//! Tests of the reader's pure rules, in the browser (the crate is built for wasm).

use wasm_bindgen_test::wasm_bindgen_test;

use super::*;

#[wasm_bindgen_test]
fn an_address_names_its_page_and_back() {
    let cases = [
        ("", Route::Collection),
        ("?", Route::Collection),
        ("?pagina=leningen", Route::Loans),
        ("?boek=7", Route::Reader { loan: 7 }),
        ("?pagina=leningen&boek=12", Route::Reader { loan: 12 }),
        ("?boek=nul", Route::Collection),
        ("?boek=-3", Route::Collection),
        ("?pagina=iets", Route::Collection),
    ];
    for (query, route) in cases {
        assert_eq!(Route::from_query(query), route, "{query}");
    }
    for route in [Route::Collection, Route::Loans, Route::Reader { loan: 42 }] {
        assert_eq!(Route::from_query(&route.to_query()), route);
    }
}

#[wasm_bindgen_test]
fn pages_are_counted_from_the_columns_width() {
    assert_eq!(page_count(800.0, 800.0), 1);
    assert_eq!(page_count(800.5, 800.0), 1);
    assert_eq!(page_count(1600.0, 800.0), 2);
    assert_eq!(page_count(1700.0, 800.0), 3);
    assert_eq!(page_count(0.0, 800.0), 1);
    assert_eq!(page_count(1600.0, 0.0), 1);
    assert_eq!(page_count(f64::NAN, 800.0), 1);
}

#[wasm_bindgen_test]
fn a_position_finds_its_page_again_at_any_page_count() {
    for pages in 1..60 {
        for page in 0..pages {
            let progress = progress_of_page(page, pages);
            assert!((0.0..1.0).contains(&progress));
            assert_eq!(page_of_progress(progress, pages), page, "{page}/{pages}");
        }
    }
    assert_eq!(page_of_progress(1.0, 10), 9);
    assert_eq!(page_of_progress(f64::NAN, 10), 0);
    assert_eq!(page_of_progress(-0.5, 10), 0);
    // A larger text has more pages: the same point is on a later page.
    assert_eq!(page_of_progress(progress_of_page(3, 10), 20), 6);
}

#[wasm_bindgen_test]
fn turning_crosses_into_the_next_and_previous_documents() {
    let all = [true, true];
    assert_eq!(next_page(0, 3, 0, &all), Turn::Page(1));
    assert_eq!(next_page(2, 3, 0, &all), Turn::NextDocument(1));
    assert_eq!(next_page(2, 3, 1, &all), Turn::Stay);
    assert_eq!(previous_page(2, 1, &all), Turn::Page(1));
    assert_eq!(previous_page(0, 1, &all), Turn::PreviousDocument(0));
    assert_eq!(previous_page(0, 0, &all), Turn::Stay);
}

#[wasm_bindgen_test]
fn turning_skips_the_non_linear_documents() {
    // A cover (non-linear), two chapters with notes between them, notes at the end.
    let linear = [false, true, false, true, false];
    assert_eq!(first_linear(&linear), 1);
    assert_eq!(first_linear(&[false, false]), 0);
    assert_eq!(next_page(4, 5, 1, &linear), Turn::NextDocument(3));
    assert_eq!(next_page(0, 1, 3, &linear), Turn::Stay);
    assert_eq!(previous_page(0, 3, &linear), Turn::PreviousDocument(1));
    assert_eq!(previous_page(0, 1, &linear), Turn::Stay);
    // From a non-linear document reached by a link, a turn goes on in reading order.
    assert_eq!(next_page(0, 1, 2, &linear), Turn::NextDocument(3));
    assert_eq!(previous_page(0, 2, &linear), Turn::PreviousDocument(1));
    assert_eq!(next_page(0, 1, 4, &linear), Turn::Stay);
}

#[wasm_bindgen_test]
fn the_document_ahead_is_the_next_one_the_way_the_reader_goes() {
    // A cover (non-linear), two chapters with notes between them, notes at the end.
    let linear = [false, true, false, true, false];
    assert_eq!(ahead_of(1, &linear, false), Some(3));
    assert_eq!(ahead_of(3, &linear, true), Some(1));
    // From the cover, reached by a link, the book goes on in reading order.
    assert_eq!(ahead_of(0, &linear, false), Some(1));
    // At either end the other way is the one left.
    assert_eq!(ahead_of(3, &linear, false), Some(1));
    assert_eq!(ahead_of(1, &linear, true), Some(3));
    assert_eq!(ahead_of(0, &[true], false), None);
}

#[wasm_bindgen_test]
fn two_documents_are_loaded_ahead_the_way_the_reader_goes() {
    let linear = [false, true, true, false, true, true];
    assert_eq!(ahead_of_two(1, &linear, false), vec![2, 4]);
    assert_eq!(ahead_of_two(4, &linear, true), vec![2, 1]);
    // Near an end: the one left that way, or the other way round.
    assert_eq!(ahead_of_two(4, &linear, false), vec![5]);
    assert_eq!(ahead_of_two(5, &linear, false), vec![4, 2]);
    assert_eq!(ahead_of_two(1, &linear, true), vec![2, 4]);
    assert_eq!(ahead_of_two(0, &[true], false), Vec::<usize>::new());
}

#[wasm_bindgen_test]
fn a_document_flows_by_its_layout_writing_and_direction() {
    assert_eq!(Flow::of(true, true, true, true), Flow::Fixed);
    assert_eq!(Flow::of(false, true, true, false), Flow::Down);
    assert_eq!(Flow::of(false, false, true, true), Flow::Scroll);
    assert_eq!(Flow::of(false, false, false, true), Flow::AcrossRtl);
    assert_eq!(Flow::of(false, false, false, false), Flow::Across);
    for mode in ["vertical-rl", "vertical-lr", "sideways-rl", "tb-rl"] {
        assert!(is_vertical(mode), "{mode}");
    }
    for mode in ["horizontal-tb", "", "lr-tb"] {
        assert!(!is_vertical(mode), "{mode}");
    }
}

#[wasm_bindgen_test]
fn a_fixed_page_declares_its_size_and_fits_the_frame_whole() {
    assert_eq!(viewport("width=1200, height=1600"), Some((1200.0, 1600.0)));
    assert_eq!(
        viewport(" height = 800 ; width=600px"),
        Some((600.0, 800.0))
    );
    assert_eq!(viewport("width=device-width, initial-scale=1"), None);
    assert_eq!(viewport("width=0, height=10"), None);
    assert_eq!(viewport(""), None);
    // A tall page in a wide frame: the height decides, centred sideways.
    assert_eq!(fit((600.0, 800.0), (800.0, 400.0)), (0.5, 250.0, 0.0));
    // A wide page in a tall frame: the width decides, centred up and down.
    assert_eq!(fit((1000.0, 500.0), (500.0, 500.0)), (0.5, 0.0, 125.0));
    assert_eq!(fit((0.0, 500.0), (500.0, 500.0)), (1.0, 0.0, 0.0));
}

#[wasm_bindgen_test]
fn swipes_keys_and_right_to_left() {
    assert_eq!(swipe(-120.0, 10.0), Some(Direction::Forward));
    assert_eq!(swipe(120.0, -10.0), Some(Direction::Back));
    assert_eq!(swipe(30.0, 0.0), None);
    assert_eq!(swipe(-80.0, 90.0), None);
    assert_eq!(key_turn("ArrowRight"), Some(Direction::Forward));
    assert_eq!(key_turn("ArrowLeft"), Some(Direction::Back));
    assert_eq!(key_turn("a"), None);
    assert_eq!(key_select("ArrowRight", false), None);
    assert_eq!(
        key_select("ArrowRight", true),
        Some(SelectStep {
            direction: "right",
            granularity: "word"
        })
    );
    assert_eq!(
        key_select("ArrowUp", true).map(|s| s.direction),
        Some("backward")
    );
    assert_eq!(key_select("PageDown", true), None);
    assert_eq!(mirrored(Direction::Forward, true), Direction::Back);
    assert_eq!(mirrored(Direction::Forward, false), Direction::Forward);
}

#[wasm_bindgen_test]
fn settings_read_back_what_they_wrote_and_keep_defaults_for_the_rest() {
    let settings = Settings {
        font_percent: 130,
        scroll: true,
        theme: Theme::Dark,
        family: Family::Dyslexic,
        line: Step::Large,
        margin: Step::Small,
    };
    assert_eq!(Settings::parse(&settings.to_text()), settings);
    // Every combination of the choices reads back.
    for theme in Theme::ALL {
        for family in Family::ALL {
            for step in Step::ALL {
                let s = Settings {
                    theme,
                    family,
                    line: step,
                    margin: step,
                    ..Settings::default()
                };
                assert_eq!(Settings::parse(&s.to_text()), s);
            }
        }
    }
    // A text stored before the themes existed keeps its size; unknown values their default.
    let old = Settings::parse("font=120;scroll=1");
    assert_eq!(
        (old.font_percent, old.scroll, old.theme),
        (120, true, Theme::Light)
    );
    let odd = Settings::parse("theme=purple;family=comic;line=xl;margin=");
    assert_eq!(odd, Settings::default());
    assert_eq!(Settings::parse(""), Settings::default());
    assert_eq!(Settings::parse("font=9999;scroll=1").font_percent, 100);
    assert_eq!(Settings::parse("font=abc").font_percent, 100);
    assert!(!Settings::parse("scroll=yes").scroll);
    let mut s = Settings::default();
    for _ in 0..100 {
        s = s.resized(true);
    }
    assert_eq!(s.font_percent, FONT_MAX);
    for _ in 0..100 {
        s = s.resized(false);
    }
    assert_eq!(s.font_percent, FONT_MIN);
    assert_eq!(Settings::default().resized(true).font_percent, 110);
}

#[wasm_bindgen_test]
fn content_paths_keep_their_folders_and_encode_the_rest() {
    assert_eq!(
        content_path(3, "OEBPS/text/ch 1.xhtml"),
        "/api/ereader/loans/3/content/OEBPS/text/ch%201.xhtml"
    );
}

/// The contrast ratio of two `#rrggbb` colours (WCAG 2: 1 to 21); `None` for another form.
pub(super) fn contrast(a: &str, b: &str) -> Option<f64> {
    fn luminance(colour: &str) -> Option<f64> {
        let hex = colour.strip_prefix('#').filter(|h| h.len() == 6)?;
        let channel = |i: usize| -> Option<f64> {
            let v = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
            Some(if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            })
        };
        Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
    }
    let (x, y) = (luminance(a)?, luminance(b)?);
    let (light, dark) = if x > y { (x, y) } else { (y, x) };
    Some((light + 0.05) / (dark + 0.05))
}

#[wasm_bindgen_test]
fn every_theme_has_aa_contrast_for_text_and_links() {
    for theme in Theme::ALL {
        let c = theme.colours();
        for (what, colour) in [("text", c.text), ("link", c.link)] {
            let ratio = contrast(colour, c.background).expect("#rrggbb");
            assert!(ratio >= 4.5, "{theme:?} {what}: {ratio:.2}:1");
        }
    }
    assert!((contrast("#000000", "#ffffff").expect("colours") - 21.0).abs() < 1e-9);
    assert!((contrast("#767676", "#767676").expect("colours") - 1.0).abs() < 1e-9);
    assert_eq!(contrast("black", "#ffffff"), None);
}

#[wasm_bindgen_test]
fn the_frames_style_sheet_carries_the_settings() {
    let base = "https://bib.example/e-reader/fonts/";
    let plain = frame_css(Settings::default(), base);
    assert!(plain.contains("html{background:#ffffff!important;color:#1b1b1f!important}"));
    assert!(plain.contains("line-height:1.6!important"));
    assert!(
        !plain.contains("body,body *"),
        "the book's own family: {plain}"
    );
    assert!(
        !plain.contains("color:inherit!important;background-color"),
        "light keeps the book's colours"
    );
    let dark = frame_css(
        Settings {
            theme: Theme::Dark,
            family: Family::Dyslexic,
            line: Step::Large,
            ..Settings::default()
        },
        base,
    );
    assert!(dark.contains("html{background:#121212!important"));
    assert!(dark.contains("body *{color:inherit!important"));
    assert!(dark.contains(r#"font-family:"OpenDyslexic", sans-serif!important"#));
    assert!(
        dark.contains(
            r#"src:url("https://bib.example/e-reader/fonts/OpenDyslexic-Regular.woff2")"#
        )
    );
    assert!(dark.contains("line-height:2!important"));
    assert!(
        Step::Small.margin() < Step::Medium.margin()
            && Step::Medium.margin() < Step::Large.margin()
    );
    assert!(Step::Small.line_height() < Step::Large.line_height());
}

/// A stand-in for the browser's folding: lower case, and the few accented letters used.
fn fold(c: char) -> String {
    fold_ascii(c).unwrap_or_else(|| match c {
        'é' | 'É' | 'ë' => "e".into(),
        'ï' => "i".into(),
        other => other.to_lowercase().collect(),
    })
}

fn folded(parts: &[&str]) -> Folded<(usize, usize)> {
    let mut text = Folded::default();
    for (node, part) in parts.iter().enumerate() {
        for (offset, c) in part.chars().enumerate() {
            text.push(c, (node, offset), &fold);
        }
    }
    text
}

#[wasm_bindgen_test]
fn a_hit_is_found_again_by_its_occurrence_across_text_nodes() {
    // "Mother <em>Goose</em>": the hit spans two text nodes.
    let text = folded(&[
        "  Old Mother\n   ",
        "GOOSE, when she wanted",
        " to wander; mother goose again",
    ]);
    let needle = fold_query(" mother   goose ", &fold);
    assert_eq!(needle.iter().collect::<String>(), "mother goose");
    assert_eq!(text.nth(&needle, 0), Some(((0, 6), (1, 4))));
    assert_eq!(text.nth(&needle, 1), Some(((2, 12), (2, 23))));
    assert_eq!(text.nth(&needle, 2), None);
    // Accents and case do not matter, as on the server.
    let cafe = folded(&["Een CAFÉ, een café"]);
    let needle = fold_query("cafe", &fold);
    assert_eq!(cafe.nth(&needle, 1), Some(((0, 14), (0, 17))));
    assert_eq!(cafe.nth(&[], 0), None);
    // Places do not overlap: "aa" twice in "aaaa", not three times.
    let a = folded(&["aaaa"]);
    assert_eq!(a.nth(&['a', 'a'], 1), Some(((0, 2), (0, 3))));
    assert_eq!(a.nth(&['a', 'a'], 2), None);
}

#[wasm_bindgen_test]
fn the_occurrence_counts_earlier_hits_in_the_same_document() {
    let spines = [0, 2, 2, 3, 2];
    assert_eq!(occurrence(&spines, 0), 0);
    assert_eq!(occurrence(&spines, 1), 0);
    assert_eq!(occurrence(&spines, 2), 1);
    assert_eq!(occurrence(&spines, 3), 0);
    assert_eq!(occurrence(&spines, 4), 2);
    assert_eq!(occurrence(&spines, 9), 0);
}

#[wasm_bindgen_test]
fn a_link_in_the_book_leads_into_the_book_or_out_of_the_app() {
    let origin = "https://bib.example";
    let content = "https://bib.example/api/ereader/loans/7/content/";
    assert_eq!(
        link_target(
            &format!("{content}OEBPS/text/ch%202.xhtml#note-3"),
            origin,
            7
        ),
        Link::Book {
            path: "OEBPS/text/ch 2.xhtml".into(),
            fragment: Some("note-3".into())
        }
    );
    assert_eq!(
        link_target(&format!("{content}EPUB/a+b.xhtml"), origin, 7),
        Link::Book {
            path: "EPUB/a+b.xhtml".into(),
            fragment: None
        }
    );
    assert_eq!(
        link_target(&format!("{content}EPUB/c.xhtml#"), origin, 7),
        Link::Book {
            path: "EPUB/c.xhtml".into(),
            fragment: None
        }
    );
    // Another loan's book, the app itself, or a way out of the book: not followed.
    assert_eq!(
        link_target(
            "https://bib.example/api/ereader/loans/8/content/EPUB/c.xhtml",
            origin,
            7
        ),
        Link::Nowhere
    );
    assert_eq!(
        link_target("https://bib.example/e-reader/", origin, 7),
        Link::Nowhere
    );
    assert_eq!(
        link_target(&format!("{content}EPUB/%2E%2E/x"), origin, 7),
        Link::Nowhere
    );
    assert_eq!(link_target("javascript:alert(1)", origin, 7), Link::Nowhere);
    assert_eq!(link_target("data:text/html,x", origin, 7), Link::Nowhere);
    assert_eq!(
        link_target("https://www.w3.org/TR/epub/", origin, 7),
        Link::Outside("https://www.w3.org/TR/epub/".into())
    );
    assert_eq!(
        link_target("mailto:info@bib.example", origin, 7),
        Link::Outside("mailto:info@bib.example".into())
    );
}
