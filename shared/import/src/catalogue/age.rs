//! The ages a title is for, from its target audiences (`<target-audience>`) and, failing
//! those, its AVI reading levels (`<reading-level>`).
//!
//! Sources: the vendor documentation says a target audience reads e.g. "volwassenen" or
//! "9-11 jaar"; the samples carry the code `ageAdults` rendered `Volwassenen`; the
//! original Bieblo server queried `doelgroep:"vanaf 6-8 jaar"` and `doelgroep:"vanaf 9-11
//! jaar"`. No sample carries a children's audience code, so the rendering is read as well
//! as the code. AVI levels are the Dutch/Flemish reading-level scale: the 2009 levels
//! name the school year in which a child reads at that level (M3 = middle of group 3 in
//! the Netherlands, the first year of primary school in Flanders, age 6), the older
//! levels 1-9 map onto them. The ages below are approximate, on purpose generous by one
//! year.
//!
//! | target audience (code or rendering, case-insensitive) | ages   |
//! |-------------------------------------------------------|--------|
//! | `ageAdults`, `volwassenen`, `adults`                  | 18-99  |
//! | `X-Y jaar`, `vanaf X-Y jaar`, `X tot Y jaar`          | X-Y    |
//! | `vanaf X jaar`, `X+`                                  | X-X+2  |
//! | `X jaar`                                              | X-X    |
//! | code `age<X>to<Y>` / `age<X>-<Y>` (if ever sent)      | X-Y    |
//! | anything else (`jeugd`, …)                            | none   |
//!
//! | AVI level (`AVI M4`, `AVI-M4`, `M4`, `AVI 3`, …) | old AVI | ages  |
//! |--------------------------------------------------|---------|-------|
//! | Start, M3, E3                                    | 1, 2    | 6-7   |
//! | M4, E4                                           | 3, 4    | 7-8   |
//! | M5, E5                                           | 5, 6    | 8-9   |
//! | M6, E6                                           | 7, 8    | 9-10  |
//! | M7, E7                                           | 9       | 10-11 |
//! | Plus                                             | plus    | 11-12 |
//!
//! Several audiences or levels give the span from the lowest to the highest age. An adult
//! audience next to a children's one (a book for all ages) is ignored, so the book keeps
//! its children's ages. Target audiences win over reading levels, which only say how hard
//! the text is.

use suite_domain::catalog::AgeRange;

use super::record::{CatalogueRecord, CodedTerm};

/// The ages of an adult audience; 99 stands for "and older".
pub const ADULTS: AgeRange = AgeRange { min: 18, max: 99 };

/// The ages a record is for, or `None` when neither its audiences nor its reading levels
/// say (see the module's table).
pub fn age_range(record: &CatalogueRecord) -> Option<AgeRange> {
    let audiences: Vec<AgeRange> = record
        .target_audiences
        .iter()
        .filter_map(audience_age)
        .collect();
    let young: Vec<AgeRange> = audiences
        .iter()
        .copied()
        .filter(|r| r.min < ADULTS.min)
        .collect();
    if !young.is_empty() {
        return span(&young);
    }
    if !audiences.is_empty() {
        return span(&audiences);
    }
    let levels: Vec<AgeRange> = record
        .reading_levels
        .iter()
        .filter_map(reading_level_age)
        .collect();
    span(&levels)
}

fn span(ranges: &[AgeRange]) -> Option<AgeRange> {
    let min = ranges.iter().map(|r| r.min).min()?;
    let max = ranges.iter().map(|r| r.max).max()?;
    AgeRange::new(min, max)
}

/// The ages of one target audience, from its code or else its rendering.
pub fn audience_age(term: &CodedTerm) -> Option<AgeRange> {
    let code = term.code.trim().to_lowercase();
    if code == "ageadults" {
        return Some(ADULTS);
    }
    if let Some(rest) = code.strip_prefix("age")
        && let [min, max] = numbers(rest)[..]
    {
        return AgeRange::new(min, max);
    }
    let label = term.label.trim().to_lowercase();
    if label == "volwassenen" || label == "adults" {
        return Some(ADULTS);
    }
    match numbers(&label)[..] {
        [min, max] => AgeRange::new(min, max),
        [age] if label.contains("vanaf") || label.contains('+') => {
            AgeRange::new(age, age.saturating_add(2))
        }
        [age] if label.contains("jaar") => AgeRange::new(age, age),
        _ => None,
    }
}

/// The ages that read at one AVI level, from its rendering or else its code.
pub fn reading_level_age(term: &CodedTerm) -> Option<AgeRange> {
    [&term.label, &term.code]
        .into_iter()
        .find_map(|text| avi_age(text))
}

fn avi_age(text: &str) -> Option<AgeRange> {
    let lower = text.trim().to_lowercase();
    let level: String = lower
        .strip_prefix("avi")
        .unwrap_or(&lower)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let (min, max) = match level.as_str() {
        "start" | "m3" | "e3" | "1" | "2" => (6, 7),
        "m4" | "e4" | "3" | "4" => (7, 8),
        "m5" | "e5" | "5" | "6" => (8, 9),
        "m6" | "e6" | "7" | "8" => (9, 10),
        "m7" | "e7" | "9" => (10, 11),
        "plus" => (11, 12),
        _ => return None,
    };
    AgeRange::new(min, max)
}

/// Up to the first three whole numbers below 100 in the text (a third one means the text
/// is not a simple range and is left alone by the callers).
fn numbers(text: &str) -> Vec<u8> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .map(|s| s.parse::<u8>().ok().filter(|n| *n < 100))
        .collect::<Option<Vec<u8>>>()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> CodedTerm {
        CodedTerm {
            code: String::new(),
            label: text.to_string(),
        }
    }

    #[test]
    fn audiences() {
        let range = |min, max| AgeRange::new(min, max);
        let cases = [
            ("vanaf 6-8 jaar", range(6, 8)),
            ("9-11 jaar", range(9, 11)),
            ("6 tot 8 jaar", range(6, 8)),
            ("vanaf 9 jaar", range(9, 11)),
            ("12+", range(12, 14)),
            ("7 jaar", range(7, 7)),
            ("Volwassenen", Some(ADULTS)),
            ("jeugd", None),
            ("11-9 jaar", None),
            ("1-2-3 jaar", None),
            ("vanaf 300 jaar", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(audience_age(&label(text)), expected, "{text}");
        }
        let coded = |code: &str| CodedTerm {
            code: code.to_string(),
            label: String::new(),
        };
        assert_eq!(audience_age(&coded("ageAdults")), Some(ADULTS));
        assert_eq!(audience_age(&coded("age9to11")), range(9, 11));
        assert_eq!(audience_age(&coded("ageUnknown")), None);
    }

    #[test]
    fn avi_levels() {
        let cases = [
            ("AVI M3", Some((6, 7))),
            ("AVI-Start", Some((6, 7))),
            ("avi e4", Some((7, 8))),
            ("M5", Some((8, 9))),
            ("AVI 7", Some((9, 10))),
            ("AVI-E7", Some((10, 11))),
            ("AVI Plus", Some((11, 12))),
            ("Makkelijk lezen", None),
            ("AVI 10", None),
        ];
        for (text, expected) in cases {
            let expected = expected.and_then(|(min, max)| AgeRange::new(min, max));
            assert_eq!(reading_level_age(&label(text)), expected, "{text}");
        }
    }
}
