//! Reading and checking the content files: each file is read leniently (every field
//! optional) and then checked, so that every problem names its file and field
//! (`grades.8-10.teacher.en`, `place[3].assignments[1]`) instead of stopping at the
//! first one.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use super::content::{Assignment, Content, Place, Version};
use super::problem::{ContentIssue, ContentProblem};
use super::{Category, Grade, Interaction, MINUTES, Text, id_ok};

/// The file name used for problems of the places file.
pub const PLACES_FILE: &str = "places.toml";
/// The number of assignments the game has.
pub const ASSIGNMENTS: usize = 12;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlaces {
    #[serde(default)]
    place: Vec<RawPlace>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    id: Option<String>,
    name: Option<Text>,
    guide: Option<Text>,
    #[serde(default)]
    assignments: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAssignment {
    id: Option<String>,
    category: Option<String>,
    place: Option<String>,
    interaction: Option<String>,
    title: Option<Text>,
    #[serde(default)]
    grades: BTreeMap<String, Version>,
}

/// Collects problems for one file.
struct Report<'a> {
    file: &'a str,
    out: &'a mut Vec<ContentProblem>,
}

impl Report<'_> {
    fn add(&mut self, field: impl Into<String>, issue: ContentIssue) {
        self.out.push(ContentProblem {
            file: self.file.to_owned(),
            field: field.into(),
            issue,
        });
    }

    fn text(&mut self, field: &str, text: Option<&Text>) {
        match text {
            None => self.add(field, ContentIssue::Missing),
            Some(t) => {
                for (lang, value) in [("nl", &t.nl), ("en", &t.en)] {
                    if value.trim().is_empty() {
                        self.add(format!("{field}.{lang}"), ContentIssue::Empty);
                    }
                }
            }
        }
    }
}

fn parse_toml<T: for<'de> Deserialize<'de>>(
    file: &str,
    text: &str,
    out: &mut Vec<ContentProblem>,
) -> Option<T> {
    match toml::from_str(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let field = match e.span() {
                Some(span) => format!(
                    "line {}",
                    text[..span.start.min(text.len())].matches('\n').count() + 1
                ),
                None => String::new(),
            };
            out.push(ContentProblem {
                file: file.to_owned(),
                field,
                issue: ContentIssue::Syntax(e.message().trim().to_owned()),
            });
            None
        }
    }
}

fn parse_label<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str, value: &str) -> Option<T> {
    all.iter().copied().find(|v| label(*v) == value)
}

/// See [`Content::parse`].
pub(super) fn parse(
    places_text: &str,
    files: &[(&str, &str)],
) -> Result<Content, Vec<ContentProblem>> {
    let mut out = Vec::new();
    let raw_places = parse_toml::<RawPlaces>(PLACES_FILE, places_text, &mut out);
    let mut places = Vec::new();
    if let Some(raw) = raw_places {
        places = check_places(raw, &mut out);
    }
    let mut assignments: Vec<(&str, Assignment)> = Vec::new();
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (name, text) in files {
        let stem = name.rsplit('/').next().unwrap_or(name);
        let stem = stem.strip_suffix(".toml").unwrap_or(stem);
        let Some(raw) = parse_toml::<RawAssignment>(name, text, &mut out) else {
            continue;
        };
        let mut report = Report {
            file: name,
            out: &mut out,
        };
        let place_ids: HashSet<&str> = places.iter().map(|p| p.id.as_str()).collect();
        if let Some(a) = check_assignment(raw, stem, &place_ids, &mut report) {
            if let Some(first) = seen.insert(a.id.clone(), name) {
                report.add(
                    "id",
                    ContentIssue::Duplicate(format!("{} (also in {first})", a.id)),
                );
            } else {
                assignments.push((name, a));
            }
        }
    }
    let ordered = check_listing(&places, &assignments, &mut out);
    // Counted only when every file is sound, so a broken file is not also reported as
    // a missing assignment.
    if assignments.len() == files.len() {
        check_counts(&assignments, &mut out);
    }
    if places.is_empty() && out.is_empty() {
        out.push(ContentProblem {
            file: PLACES_FILE.to_owned(),
            field: "place".to_owned(),
            issue: ContentIssue::Missing,
        });
    }
    if out.is_empty() {
        Ok(Content {
            places,
            assignments: ordered,
        })
    } else {
        Err(out)
    }
}

fn check_places(raw: RawPlaces, out: &mut Vec<ContentProblem>) -> Vec<Place> {
    let mut report = Report {
        file: PLACES_FILE,
        out,
    };
    let mut places = Vec::new();
    let mut ids = HashSet::new();
    for (i, p) in raw.place.into_iter().enumerate() {
        let at = format!("place[{i}]");
        let before = report.out.len();
        let id = p.id.unwrap_or_default();
        if id.is_empty() {
            report.add(format!("{at}.id"), ContentIssue::Missing);
        } else if !id_ok(&id) {
            report.add(format!("{at}.id"), ContentIssue::BadId);
        } else if !ids.insert(id.clone()) {
            report.add(format!("{at}.id"), ContentIssue::Duplicate(id.clone()));
        }
        report.text(&format!("{at}.name"), p.name.as_ref());
        report.text(&format!("{at}.guide"), p.guide.as_ref());
        if report.out.len() == before {
            places.push(Place {
                id,
                name: p.name.unwrap_or_default(),
                guide: p.guide.unwrap_or_default(),
                assignments: p.assignments,
            });
        }
    }
    places
}

fn check_assignment(
    raw: RawAssignment,
    stem: &str,
    places: &HashSet<&str>,
    report: &mut Report<'_>,
) -> Option<Assignment> {
    let before = report.out.len();
    let id = raw.id.unwrap_or_default();
    if id.is_empty() {
        report.add("id", ContentIssue::Missing);
    } else if !id_ok(&id) {
        report.add("id", ContentIssue::BadId);
    } else if id != stem {
        report.add("id", ContentIssue::IdNotFileName(stem.to_owned()));
    }
    let category = match raw.category.as_deref() {
        None => {
            report.add("category", ContentIssue::Missing);
            None
        }
        Some(c) => {
            let found = parse_label(&Category::ALL, Category::label, c);
            if found.is_none() {
                report.add("category", ContentIssue::Unknown(c.to_owned()));
            }
            found
        }
    };
    let interaction = match raw.interaction.as_deref() {
        None => {
            report.add("interaction", ContentIssue::Missing);
            None
        }
        Some(i) => {
            let found = parse_label(&Interaction::ALL, Interaction::label, i);
            if found.is_none() {
                report.add("interaction", ContentIssue::Unknown(i.to_owned()));
            }
            found
        }
    };
    let place = raw.place.unwrap_or_default();
    if place.is_empty() {
        report.add("place", ContentIssue::Missing);
    } else if !places.contains(place.as_str()) {
        report.add("place", ContentIssue::UnknownPlace(place.clone()));
    }
    report.text("title", raw.title.as_ref());
    let mut versions: [Option<Version>; 3] = [None, None, None];
    for (label, version) in raw.grades {
        match Grade::from_label(&label) {
            Some(grade) => versions[grade.index()] = Some(version),
            None => report.add(
                format!("grades.{label}"),
                ContentIssue::Unknown(label.clone()),
            ),
        }
    }
    for grade in Grade::ALL {
        let at = format!("grades.{}", grade.label());
        match &versions[grade.index()] {
            None => report.add(at, ContentIssue::Missing),
            Some(v) => check_version(v, &at, interaction == Some(Interaction::Quiz), report),
        }
    }
    if report.out.len() > before {
        return None;
    }
    let [Some(v0), Some(v1), Some(v2)] = versions else {
        return None;
    };
    Some(Assignment {
        id,
        category: category?,
        place,
        interaction: interaction?,
        title: raw.title.unwrap_or_default(),
        versions: [v0, v1, v2],
    })
}

fn check_version(v: &Version, at: &str, is_quiz: bool, report: &mut Report<'_>) {
    report.text(&format!("{at}.goal"), Some(&v.goal));
    report.text(&format!("{at}.teacher"), Some(&v.teacher));
    report.text(&format!("{at}.activity"), Some(&v.activity));
    if !MINUTES.contains(&v.minutes) {
        report.add(format!("{at}.minutes"), ContentIssue::Minutes(v.minutes));
    }
    if !is_quiz {
        if !v.quiz.is_empty() {
            report.add(format!("{at}.quiz"), ContentIssue::QuizNotAllowed);
        }
        return;
    }
    if v.quiz.len() < 2 {
        report.add(
            format!("{at}.quiz"),
            ContentIssue::TooFewQuestions(v.quiz.len()),
        );
    }
    for (q, question) in v.quiz.iter().enumerate() {
        let qat = format!("{at}.quiz[{q}]");
        report.text(&format!("{qat}.question"), Some(&question.question));
        if question.answers.len() < 2 {
            report.add(
                format!("{qat}.answers"),
                ContentIssue::TooFewAnswers(question.answers.len()),
            );
        }
        let right = question.answers.iter().filter(|a| a.right).count();
        if right != 1 {
            report.add(format!("{qat}.answers"), ContentIssue::RightAnswers(right));
        }
        for (n, answer) in question.answers.iter().enumerate() {
            report.text(&format!("{qat}.answers[{n}].text"), Some(&answer.text));
        }
    }
}

/// Checks that the places list every assignment once, in its own place, and returns
/// the assignments in playing order.
fn check_listing(
    places: &[Place],
    assignments: &[(&str, Assignment)],
    out: &mut Vec<ContentProblem>,
) -> Vec<Assignment> {
    let by_id: HashMap<&str, &(&str, Assignment)> =
        assignments.iter().map(|e| (e.1.id.as_str(), e)).collect();
    let mut listed = HashSet::new();
    let mut ordered = Vec::new();
    let mut report = Report {
        file: PLACES_FILE,
        out,
    };
    for (i, place) in places.iter().enumerate() {
        for (j, id) in place.assignments.iter().enumerate() {
            let at = format!("place[{i}].assignments[{j}]");
            match by_id.get(id.as_str()) {
                None => report.add(at, ContentIssue::UnknownAssignment(id.clone())),
                Some(_) if !listed.insert(id.as_str()) => {
                    report.add(at, ContentIssue::Duplicate(id.clone()))
                }
                Some((_, a)) if a.place != place.id => report.add(
                    at,
                    ContentIssue::WrongPlace {
                        listed_in: place.id.clone(),
                        own: a.place.clone(),
                    },
                ),
                Some((_, a)) => ordered.push(a.clone()),
            }
        }
    }
    for (file, a) in assignments {
        let own = places.iter().find(|p| p.id == a.place);
        if own.is_some_and(|p| !p.assignments.contains(&a.id)) {
            out.push(ContentProblem {
                file: (*file).to_owned(),
                field: "place".to_owned(),
                issue: ContentIssue::NotListed,
            });
        }
    }
    ordered
}

fn check_counts(assignments: &[(&str, Assignment)], out: &mut Vec<ContentProblem>) {
    let problem = |field: String, found, expected| ContentProblem {
        file: "assignments/".to_owned(),
        field,
        issue: ContentIssue::Count { found, expected },
    };
    if assignments.len() != ASSIGNMENTS {
        out.push(problem(String::new(), assignments.len(), ASSIGNMENTS));
    }
    for category in Category::ALL {
        let found = assignments
            .iter()
            .filter(|(_, a)| a.category == category)
            .count();
        if found != Category::PER_CATEGORY {
            out.push(problem(
                format!("category = {}", category.label()),
                found,
                Category::PER_CATEGORY,
            ));
        }
    }
}
