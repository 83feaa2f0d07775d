//! Writes the demo catalogue's invented books as `/search/` results and `/availability/`
//! responses, with the element and attribute names of the real samples.

use std::fmt::Write as _;

use super::demo::DEMO_MARKER;
use super::demo_words::sub_location;

/// The id of the demo library in the availability responses.
const LIBRARY_ID: &str = "/root/demo";

/// Escapes text for XML content and attribute values.
fn esc(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

/// One invented book, before it is written out.
pub(super) struct DemoBook {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) first_name: &'static str,
    pub(super) surname: &'static str,
    pub(super) illustrator: Option<String>,
    pub(super) theme: String,
    pub(super) genres: Vec<String>,
    pub(super) subjects: Vec<String>,
    pub(super) awards: Vec<(String, u16)>,
    pub(super) audience: Option<(&'static str, &'static str)>,
    pub(super) reading_level: Option<&'static str>,
    pub(super) series: Option<(&'static str, usize)>,
    pub(super) cover: bool,
    pub(super) year: u16,
    pub(super) frabl: String,
}

/// The `<result>` of a book in a `/search/` response.
pub(super) fn result_xml(book: &DemoBook) -> String {
    let mut x = String::new();
    let id = esc(&book.id);
    let native = book.id.rsplit('|').next().unwrap_or("");
    let author = format!("{} {}", book.first_name, book.surname);
    let _ = write!(
        x,
        "<result><id nativeid=\"{native}\" ds=\"demo/bieblo\" translation=\"ID\" search-method=\"id\" search-term=\"{id}\" search-type=\"precise\">{id}</id>\
         <titles><title translation=\"Titel\">{}</title></titles><authors>\
         <main-author firstname=\"{}\" lastname=\"{}\" type=\"aut\" localized-type=\"Auteur\" creatortype=\"person\" main=\"true\">{}</main-author>",
        esc(&book.title),
        esc(book.first_name),
        esc(book.surname),
        esc(&author)
    );
    if let Some(illustrator) = &book.illustrator {
        let _ = write!(
            x,
            "<author type=\"ill\" localized-type=\"Illustrator\" creatortype=\"person\">{}</author>",
            esc(illustrator)
        );
    }
    x.push_str("</authors>");
    if book.cover {
        let _ = write!(
            x,
            "<coverimages><coverimage><url>https://covers.invalid/demo/{native}.jpg</url></coverimage></coverimages>"
        );
    }
    let _ = write!(
        x,
        "<formats><format raw=\"book\">Boek</format></formats><publication><publishers>\
         <publisher year=\"{}\" place=\"Nergenshuizen\">Uitgeverij Verzonnen</publisher></publishers></publication>\
         <languages><language raw=\"dut\">Nederlands</language></languages><genres>",
        book.year
    );
    for genre in &book.genres {
        let _ = write!(x, "<genre translation=\"Genre\">{}</genre>", esc(genre));
    }
    x.push_str("</genres>");
    if let Some((series, volume)) = book.series {
        let _ = write!(
            x,
            "<series><series-title volume=\"{volume}\">{}</series-title></series>",
            esc(series)
        );
    }
    x.push_str("<subjects>");
    for subject in &book.subjects {
        let _ = write!(x, "<topical-subject>{}</topical-subject>", esc(subject));
    }
    let _ = write!(
        x,
        "<local-subject>{}</local-subject></subjects><summaries><summary>Een verzonnen verhaal voor de demo van Bieblo.</summary></summaries>",
        esc(DEMO_MARKER)
    );
    if !book.awards.is_empty() {
        x.push_str("<awards>");
        for (award, year) in &book.awards {
            let _ = write!(x, "<award year=\"{year}\">{}</award>", esc(award));
        }
        x.push_str("</awards>");
    }
    if let Some((code, label)) = book.audience {
        let _ = write!(
            x,
            "<target-audiences><target-audience raw=\"{code}\">{label}</target-audience></target-audiences>"
        );
    }
    if let Some(level) = book.reading_level {
        let _ = write!(
            x,
            "<reading-levels><reading-level>{level}</reading-level></reading-levels>"
        );
    }
    let _ = write!(x, "<frabl>{}</frabl></result>", book.frabl);
    x
}

/// Where a book stands in one branch: one flag per copy, `true` when on the shelf.
pub(super) struct Holding<'a> {
    pub(super) branch: &'a str,
    pub(super) copies: Vec<bool>,
}

/// The `/availability/` response of a book held as `holdings` says.
pub(super) fn availability_xml(book: &DemoBook, holdings: &[Holding<'_>]) -> String {
    let shelf_mark: String = book
        .surname
        .chars()
        .take(4)
        .collect::<String>()
        .to_uppercase();
    let subloc = format!("Jeugd : {}", sub_location(&book.theme));
    let mut nodes = String::new();
    let mut any_available = false;
    for Holding { branch, copies } in holdings {
        let here = copies.iter().any(|f| *f);
        any_available |= here;
        let branch_id = esc(&format!("{LIBRARY_ID}/{branch}"));
        let name = esc(branch);
        let _ = write!(
            nodes,
            "<location name=\"{name}\" id=\"{branch_id}\" available=\"{here}\"><holding id=\"{branch_id}\" name=\"{name}\" parent=\"{LIBRARY_ID}\" category=\"CHECKOUT_BRANCH\" /><items>"
        );
        // Copies with the same status share one item node, as in the real responses.
        let groups: Vec<(bool, usize)> = match copies.as_slice() {
            [a, b] if a == b => vec![(*a, 2)],
            _ => copies.iter().map(|f| (*f, 1)).collect(),
        };
        for (available, count) in groups {
            let (status, text) = if available {
                ("none", "Aanwezig")
            } else {
                ("loanedout", "Uitgeleend")
            };
            let _ = write!(
                nodes,
                "<item available=\"{available}\" extid=\"{}\" status=\"{status}\" count=\"{count}\"><subloc>{}</subloc><shelfmark>{shelf_mark}</shelfmark><status>{text}</status></item>",
                esc(&book.id),
                esc(&subloc)
            );
        }
        nodes.push_str("</items></location>");
    }
    format!(
        "<aquabrowser version=\"1\"><meta><frabl>{frabl}</frabl><records><record extid=\"{id}\" is-lead=\"true\"><publisher-year>{year}</publisher-year><title>{title}</title><author>{first} {last}</author></record></records></meta>\
         <locations><location name=\"Demobibliotheek\" id=\"{LIBRARY_ID}\" available=\"{any_available}\">{nodes}</location></locations></aquabrowser>",
        frabl = book.frabl,
        id = esc(&book.id),
        year = book.year,
        title = esc(&book.title),
        first = esc(book.first_name),
        last = esc(book.surname),
    )
}
