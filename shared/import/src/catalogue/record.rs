//! The catalogue record (one title) that `/search/` results and `/details/` share, and how
//! it is read from their XML.

use serde::{Deserialize, Serialize};

use super::xml::Element;

/// A value the catalogue gives both as a code and as text in the asked language, e.g.
/// `raw="ageAdults"` rendered `Volwassenen`, or `raw="dut"` rendered `Nederlands`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodedTerm {
    /// The raw code (`ageAdults`, `dut`, `book`); empty when the response has none.
    pub code: String,
    /// The rendering (`Volwassenen`, `Nederlands`, `Boek`); empty when the response has none.
    pub label: String,
}

/// Someone who worked on a title other than as its author: translator (`trl`), narrator
/// (`nrt`), illustrator (`ill`), …
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contributor {
    /// The name as the catalogue renders it, e.g. `Harmien Robroch`.
    pub name: String,
    /// The MARC relator code, e.g. `trl`; empty when unknown.
    pub role: String,
    /// The role in the asked language, e.g. `Vertaler`; empty when unknown.
    pub role_label: String,
}

/// Which subject heading list a subject comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    /// `topical-subject`: the shared catalogue's general subject heading.
    Topical,
    /// `local-subject`: a library's or region's own heading (reading lists, labels, …).
    Local,
    /// `personal-subject`: a person the title is about.
    Personal,
    /// `corporate-subject`: an organisation the title is about.
    Corporate,
}

/// One subject heading, e.g. `Moorden ; Nederland`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    /// Which list it comes from.
    pub kind: SubjectKind,
    /// The heading as given; parts of a compound heading are separated by ` ; `.
    pub text: String,
}

/// A series the title belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    /// The series title, e.g. `Zoem : De Bezige Bij audioboek`.
    pub title: String,
    /// The number in the series, e.g. `3`, when given.
    pub volume: Option<String>,
}

/// An award the title won.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Award {
    /// The award's name, e.g. `Boekenleeuw`.
    pub name: String,
    /// The year, when given.
    pub year: Option<String>,
}

/// One title from the catalogue, as `/search/` and `/details/` describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueRecord {
    /// The catalogue id, e.g. `|library/marc/vlacc|6967964`.
    pub id: String,
    /// The record number within its data source, e.g. `6967964`.
    pub native_id: Option<String>,
    /// The FRBR work key shared by all editions, e.g. `61B74575E8F1AC00`; `/availability/`
    /// is best asked by frabl.
    pub frabl: Option<String>,
    /// The title.
    pub title: String,
    /// Authors, main author first. Translators, narrators, illustrators etc. are in
    /// `contributors`.
    pub authors: Vec<String>,
    /// Everyone else named on the title, with their role.
    pub contributors: Vec<Contributor>,
    /// The cover image on the catalogue's cover server (rich API only).
    pub cover_url: Option<String>,
    /// A summary (rich API only).
    pub description: Option<String>,
    /// Languages of the text (`dut`, …).
    pub languages: Vec<CodedTerm>,
    /// Languages it was translated from.
    pub original_languages: Vec<CodedTerm>,
    /// Material types (`book`, `audiobook`, `cd`, …).
    pub formats: Vec<CodedTerm>,
    /// Target audiences, e.g. code `ageAdults` / label `Volwassenen`, or label `9-11 jaar`.
    pub target_audiences: Vec<CodedTerm>,
    /// Reading levels (AVI), e.g. label `AVI M4`.
    pub reading_levels: Vec<CodedTerm>,
    /// Subject headings, in document order.
    pub subjects: Vec<Subject>,
    /// Genres, e.g. `Romans`, `Humor`.
    pub genres: Vec<String>,
    /// Series the title belongs to.
    pub series: Vec<Series>,
    /// Year of publication of this edition.
    pub year: Option<u16>,
    /// Awards the title won.
    pub awards: Vec<Award>,
    /// ISBNs of this edition, without notes such as `paperback`.
    pub isbns: Vec<String>,
}

impl CatalogueRecord {
    /// An empty record with this id and title, for builders and tests.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            native_id: None,
            frabl: None,
            title: title.into(),
            authors: Vec::new(),
            contributors: Vec::new(),
            cover_url: None,
            description: None,
            languages: Vec::new(),
            original_languages: Vec::new(),
            formats: Vec::new(),
            target_audiences: Vec::new(),
            reading_levels: Vec::new(),
            subjects: Vec::new(),
            genres: Vec::new(),
            series: Vec::new(),
            year: None,
            awards: Vec::new(),
            isbns: Vec::new(),
        }
    }

    /// The subject headings' texts, in document order.
    pub fn subject_texts(&self) -> impl Iterator<Item = &str> {
        self.subjects.iter().map(|s| s.text.as_str())
    }
}

/// Collapses runs of whitespace (newlines in the XML) into single spaces and trims.
pub(crate) fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Some(cleaned)` when the text is not blank.
pub(crate) fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(clean).filter(|t| !t.is_empty())
}

/// The first run of four digits, e.g. `2023` in `The House of Books, Amsterdam, 2023`.
pub(crate) fn first_year(text: &str) -> Option<u16> {
    let bytes = text.as_bytes();
    let mut run = 0;
    for (i, b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            run += 1;
        } else {
            if run == 4 {
                return text[i - 4..i].parse().ok();
            }
            run = 0;
        }
    }
    (run == 4)
        .then(|| text[text.len() - 4..].parse().ok())
        .flatten()
}

/// A series from its title and volume; without a volume, a trailing ` ; 3` in the title
/// is read as the volume (the ISBD way of writing it).
pub(crate) fn series(title: &str, volume: Option<&str>) -> Option<Series> {
    let title = clean(title);
    if title.is_empty() {
        return None;
    }
    if let Some(volume) = non_empty(volume) {
        return Some(Series {
            title,
            volume: Some(volume),
        });
    }
    if let Some((head, tail)) = title.rsplit_once(" ; ")
        && tail.chars().any(|c| c.is_ascii_digit())
        && !head.trim().is_empty()
    {
        return Some(Series {
            title: head.trim().to_string(),
            volume: Some(tail.trim().to_string()),
        });
    }
    Some(Series {
        title,
        volume: None,
    })
}

fn coded(element: &Element) -> Option<CodedTerm> {
    let term = CodedTerm {
        code: element.attr("raw").unwrap_or("").to_string(),
        label: clean(element.text()),
    };
    (!term.code.is_empty() || !term.label.is_empty()).then_some(term)
}

fn coded_at(element: &Element, path: &[&str]) -> Vec<CodedTerm> {
    element.all_at(path).into_iter().filter_map(coded).collect()
}

fn texts_at(element: &Element, path: &[&str]) -> Vec<String> {
    element
        .all_at(path)
        .into_iter()
        .filter_map(|e| non_empty(Some(e.text())))
        .collect()
}

/// Reads a record from a `/search/` `<result>` or a `/details/` root. `None` when it has
/// no id, the one thing a record cannot do without.
pub(crate) fn record_from_xml(element: &Element) -> Option<CatalogueRecord> {
    let id_element = element.child("id")?;
    let id = non_empty(Some(id_element.text()))?;
    let mut record = CatalogueRecord::new(id, "");
    record.native_id = id_element.attr("nativeid").map(str::to_string);
    record.frabl = non_empty(element.child_text("frabl"));
    record.title = ["title", "short-title"]
        .iter()
        .find_map(|name| non_empty(element.first_at(&["titles", name]).map(Element::text)))
        .unwrap_or_default();
    read_people(element, &mut record);
    record.cover_url = element
        .all_at(&["coverimages", "coverimage"])
        .into_iter()
        .find_map(|c| non_empty(c.child_text("url")).or_else(|| non_empty(Some(c.text()))));
    record.description = non_empty(
        element
            .first_at(&["summaries", "summary"])
            .map(Element::text),
    );
    record.languages = coded_at(element, &["languages", "language"]);
    record.original_languages = coded_at(element, &["languages", "original-language"]);
    record.formats = coded_at(element, &["formats", "format"]);
    record.target_audiences = coded_at(element, &["target-audiences", "target-audience"]);
    record.reading_levels = coded_at(element, &["reading-levels", "reading-level"]);
    record.subjects = element
        .all_at(&["subjects"])
        .into_iter()
        .flat_map(|s| s.children.iter())
        .filter_map(|s| {
            let kind = match s.name.as_str() {
                "topical-subject" => SubjectKind::Topical,
                "local-subject" => SubjectKind::Local,
                "personal-subject" => SubjectKind::Personal,
                "corporate-subject" => SubjectKind::Corporate,
                _ => return None,
            };
            non_empty(Some(s.text())).map(|text| Subject { kind, text })
        })
        .collect();
    record.genres = texts_at(element, &["genres", "genre"]);
    record.series = element
        .all_at(&["series", "series-title"])
        .into_iter()
        .filter_map(|s| series(s.text(), s.attr("volume")))
        .collect();
    record.year = element
        .all_at(&["publication", "publishers", "publisher"])
        .into_iter()
        .find_map(|p| p.attr("year").and_then(first_year));
    record.awards = element
        .all_at(&["awards", "award"])
        .into_iter()
        .filter_map(|a| {
            non_empty(Some(a.text())).map(|name| Award {
                name,
                year: a.attr("year").map(str::to_string),
            })
        })
        .collect();
    for isbn in texts_at(element, &["identifiers", "isbn-id"]) {
        if !record.isbns.contains(&isbn) {
            record.isbns.push(isbn);
        }
    }
    Some(record)
}

/// Authors (main author first) and other contributors from `<authors>`.
fn read_people(element: &Element, record: &mut CatalogueRecord) {
    let mut main = Vec::new();
    let mut others = Vec::new();
    for person in element
        .all_at(&["authors"])
        .into_iter()
        .flat_map(|a| a.children.iter())
    {
        let Some(name) = non_empty(Some(person.text())) else {
            continue;
        };
        let role = person.attr("type").unwrap_or("");
        let is_main = person.name == "main-author" || person.attr("main") == Some("true");
        if is_main {
            main.push(name);
        } else if person.name == "author" && (role.is_empty() || role == "aut") {
            others.push(name);
        } else if person.name == "author" {
            record.contributors.push(Contributor {
                name,
                role: role.to_string(),
                role_label: person.attr("localized-type").unwrap_or("").to_string(),
            });
        }
    }
    main.extend(others);
    for name in main {
        if !record.authors.contains(&name) {
            record.authors.push(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_series_numbers() {
        assert_eq!(
            first_year("The House of Books, Amsterdam, 2023"),
            Some(2023)
        );
        assert_eq!(first_year("2008"), Some(2008));
        assert_eq!(first_year("c1999 [i.e. 2000]"), Some(1999));
        assert_eq!(first_year("12345"), None);
        assert_eq!(first_year(""), None);
        let s = series("Dolfje Weerwolfje ; 3", None).expect("a series");
        assert_eq!(
            (s.title.as_str(), s.volume.as_deref()),
            ("Dolfje Weerwolfje", Some("3"))
        );
        let s = series("Zoem : De Bezige Bij audioboek", None).expect("a series");
        assert_eq!(s.volume, None);
        assert_eq!(series("  ", Some("2")), None);
    }
}
