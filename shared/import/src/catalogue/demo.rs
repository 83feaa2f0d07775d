//! A generated demo catalogue for trying Bieblo without catalogue access: plainly invented
//! children's books, written as `/search/` and `/availability/` XML in the same shape as
//! the real responses, so they go through the real parsers.
//!
//! What it generates, for `books` titles and the given branch names:
//! - titles combined from Dutch word lists ("De geheime draak van Oma Fien") by authors
//!   with made-up surnames ("Anke Kleimuts"); every record carries the local subject
//!   [`DEMO_MARKER`], and a snapshot not marked demo refuses such records;
//! - subjects, genres and awards taken from the terms of
//!   [`default_themes`](suite_domain::bieblo::default_themes): book `i` gets theme
//!   `i % 10` (humour with its required extra subject), sometimes a second subject;
//! - ages across 6-11: book `i` is in age band `(i / 10) % 3` (6-7, 8-9, 10-11), given as
//!   a target audience (`vanaf 6-8 jaar`, `vanaf 9-11 jaar`) or only as an AVI level, so
//!   30 books or more cover every theme in every band;
//! - a series for every fourth book, no cover for every seventh (from the fourth on), an
//!   illustrator now and then; covers point at `covers.invalid`, a name that never
//!   resolves;
//! - copies of every book in one or more of the branches (when any are given), in the
//!   sub-location `Jeugd : <theme section>` (e.g. `Jeugd : Avontuur`) under a shelf mark
//!   made of the first four letters of the surname (`KLEI`), some lent out.
//!
//! The same seed gives the same catalogue.

use std::collections::HashSet;

use suite_domain::bieblo::{Theme, default_themes};

use crate::rng::Rng;

use super::demo_words::{
    ADJECTIVES, CHILDREN, FIRST_NAMES, GROWN_UPS, NOUNS, SERIES, SURNAMES, VERBS,
};
use super::demo_xml::{DemoBook, Holding, availability_xml, result_xml};

/// The local subject every demo record carries.
pub const DEMO_MARKER: &str = "DEMO-DATA: verzonnen titel";

/// A generated catalogue: one search page and one availability response per record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoCatalogue {
    /// A `/search/` response holding every record on one page.
    pub search_xml: String,
    /// Per record id, its `/availability/` response (none when no branches were given).
    pub availability_xml: Vec<(String, String)>,
}

/// `vriendschap met dieren` → `Vriendschap met dieren`, as catalogue headings are written.
fn heading(term: &str) -> String {
    let mut chars = term.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `zilveren griffel` → `Zilveren Griffel`, `kjv` → `KJV`.
fn award_name(term: &str) -> String {
    if term.len() <= 3 {
        return term.to_uppercase();
    }
    term.split(' ').map(heading).collect::<Vec<_>>().join(" ")
}

fn title(rng: &mut Rng) -> String {
    let adjective = rng.pick(ADJECTIVES);
    let (article, noun) = NOUNS
        .get(rng.below(NOUNS.len()))
        .copied()
        .unwrap_or(("de", "draak"));
    match rng.below(3) {
        0 => heading(&format!(
            "{article} {adjective} {noun} van {}",
            rng.pick(GROWN_UPS)
        )),
        1 => format!("{} en {article} {adjective} {noun}", rng.pick(CHILDREN)),
        _ => format!(
            "{} {} {article} {adjective} {noun}",
            rng.pick(CHILDREN),
            rng.pick(VERBS)
        ),
    }
}

/// Genres, subjects and awards that put a book in `theme`, in catalogue spelling.
fn theme_terms(rng: &mut Rng, theme: &Theme, book: &mut DemoBook) {
    if !theme.requires_any_subject.is_empty() {
        match (rng.chance(50), theme.genres.first(), theme.subjects.first()) {
            (true, Some(genre), _) | (false, Some(genre), None) => book.genres.push(heading(genre)),
            (_, _, Some(subject)) => book.subjects.push(heading(subject)),
            _ => {}
        }
        book.subjects.extend(
            rng.pick_string(&theme.requires_any_subject)
                .map(|s| heading(&s)),
        );
        return;
    }
    if let Some(award) = rng.pick_string(&theme.awards) {
        book.awards
            .push((award_name(&award), 2005 + rng.below(20) as u16));
    }
    if !theme.genres.is_empty() && (theme.subjects.is_empty() || rng.chance(50)) {
        book.genres
            .extend(rng.pick_string(&theme.genres).map(|g| heading(&g)));
    }
    if let Some(subject) = rng.pick_string(&theme.subjects) {
        book.subjects.push(heading(&subject));
    }
}

fn ages(rng: &mut Rng, band: usize, book: &mut DemoBook) {
    const YOUNG: (&str, &str) = ("age6to8", "vanaf 6-8 jaar");
    const OLD: (&str, &str) = ("age9to11", "vanaf 9-11 jaar");
    let (audiences, levels): (&[(&str, &str)], &[&str]) = match band {
        0 => (&[YOUNG], &["AVI Start", "AVI M3", "AVI E3"]),
        1 => (&[YOUNG, OLD], &["AVI M5", "AVI E5"]),
        _ => (&[OLD], &["AVI M7", "AVI E7", "AVI Plus"]),
    };
    let level = rng.pick(levels);
    if rng.chance(50) {
        book.audience = audiences.get(rng.below(audiences.len())).copied();
        book.reading_level = rng.chance(50).then_some(level);
    } else {
        book.reading_level = Some(level);
    }
}

fn invent(rng: &mut Rng, i: usize, themes: &[Theme], titles: &mut HashSet<String>) -> DemoBook {
    let n = i + 1;
    let mut book_title = title(rng);
    for _ in 0..20 {
        if !titles.contains(&book_title) {
            break;
        }
        book_title = title(rng);
    }
    if titles.contains(&book_title) {
        book_title = format!("{book_title} ({n})");
    }
    titles.insert(book_title.clone());
    let theme = themes.get(i % themes.len().max(1));
    let mut book = DemoBook {
        id: format!("|demo/bieblo|{n}"),
        title: book_title,
        first_name: rng.pick(FIRST_NAMES),
        surname: rng.pick(SURNAMES),
        illustrator: rng
            .chance(30)
            .then(|| format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(SURNAMES))),
        theme: theme.map(|t| t.id.as_str().to_string()).unwrap_or_default(),
        genres: Vec::new(),
        subjects: Vec::new(),
        awards: Vec::new(),
        audience: None,
        reading_level: None,
        series: (i % 4 == 1).then(|| (rng.pick(SERIES), 1 + (i / 4) % 6)),
        cover: i % 7 != 3,
        year: 2008 + rng.below(17) as u16,
        frabl: format!("{:016X}", rng.next()),
    };
    if let Some(theme) = theme {
        theme_terms(rng, theme, &mut book);
    }
    if rng.chance(40)
        && let Some(other) = themes.get(rng.below(themes.len()))
    {
        book.subjects
            .extend(rng.pick_string(&other.subjects).map(|s| heading(&s)));
    }
    ages(rng, (i / themes.len().max(1)) % 3, &mut book);
    book
}

/// Book `i` is held in one or more consecutive branches from branch `i`, with one or two
/// copies each, seven in ten on the shelf.
fn holdings<'a>(rng: &mut Rng, i: usize, branches: &[&'a str]) -> Vec<Holding<'a>> {
    let held = 1 + rng.below(branches.len());
    (0..held)
        .filter_map(|k| branches.get((i + k) % branches.len().max(1)))
        .map(|branch| Holding {
            branch,
            copies: (0..1 + rng.below(2)).map(|_| rng.chance(70)).collect(),
        })
        .collect()
}

/// Generates `books` invented children's books held in `branches` (branch names, e.g.
/// `Hoofdbibliotheek`); see the module documentation for what they look like.
pub fn generate_demo_catalogue(seed: u64, books: usize, branches: &[&str]) -> DemoCatalogue {
    let themes = default_themes();
    let mut rng = Rng(seed);
    let mut titles = HashSet::new();
    let mut search_xml = format!(
        "<aquabrowser version=\"1\" detail-level=\"Default\"><meta><count>{books}</count><page>1</page></meta><results>"
    );
    let mut availability = Vec::new();
    for i in 0..books {
        let book = invent(&mut rng, i, &themes, &mut titles);
        search_xml.push_str(&result_xml(&book));
        if !branches.is_empty() {
            let xml = availability_xml(&book, &holdings(&mut rng, i, branches));
            availability.push((book.id.clone(), xml));
        }
    }
    search_xml.push_str("</results></aquabrowser>");
    DemoCatalogue {
        search_xml,
        availability_xml: availability,
    }
}
