//! Dates, calendars, statuses and age ranges of an event.

use serde_json::Value;
use suite_domain::catalog::AgeRange;
use suite_domain::culture::programme::{
    Calendar, CalendarKind, Moment, Occurrence, OpeningHours, ShowStatus,
};
use time::OffsetDateTime;
use time::format_description::well_known::{Iso8601, Rfc3339};

use super::text::string;

/// An RFC 3339 (or ISO 8601 with offset) date-time: its text and Unix seconds.
pub fn parse_moment(text: &str) -> Option<Moment> {
    let text = text.trim();
    let parsed = OffsetDateTime::parse(text, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(text, &Iso8601::DEFAULT))
        .ok()?;
    Some(Moment {
        at: text.to_string(),
        unix: parsed.unix_timestamp(),
    })
}

/// `typicalAgeRange`: `"6-12"`, `"-4"` (up to 4), `"18-"` (18 and older, up to 99), `"-"`
/// (all ages: `Ok(None)`). `Err` for anything else.
pub fn parse_age_range(text: &str) -> Result<Option<AgeRange>, String> {
    let bad = || format!("typicalAgeRange {text:?} is not MIN-MAX");
    let (min, max) = text.trim().split_once('-').ok_or_else(bad)?;
    let age = |s: &str, empty: u8| -> Result<u8, String> {
        if s.is_empty() {
            Ok(empty)
        } else if s.bytes().all(|b| b.is_ascii_digit()) && s.len() <= 3 {
            s.parse::<u16>().map(|n| n.min(99) as u8).map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    if min.is_empty() && max.is_empty() {
        return Ok(None);
    }
    let (min, max) = (age(min, 0)?, age(max, 99)?);
    AgeRange::new(min, max)
        .map(Some)
        .ok_or_else(|| format!("typicalAgeRange {text:?} has its minimum above its maximum"))
}

/// A `status` object (`{"type": "Unavailable"}`) or string; `None` when missing or unknown.
pub(crate) fn status(value: Option<&Value>) -> Option<ShowStatus> {
    let value = value?;
    let kind = string(value.get("type")).or_else(|| string(Some(value)))?;
    match kind.as_str() {
        "Available" => Some(ShowStatus::Available),
        "TemporarilyUnavailable" => Some(ShowStatus::Postponed),
        "Unavailable" => Some(ShowStatus::Cancelled),
        _ => None,
    }
}

/// A `bookingAvailability` object: `false` only for `Unavailable`.
pub(crate) fn bookable(value: Option<&Value>) -> bool {
    let kind = value.and_then(|v| string(v.get("type")).or_else(|| string(Some(v))));
    kind.as_deref() != Some("Unavailable")
}

fn moment_at(event: &Value, key: &str, warnings: &mut Vec<String>) -> Option<Moment> {
    let text = string(event.get(key))?;
    let moment = parse_moment(&text);
    if moment.is_none() {
        warnings.push(format!("{key} {text:?} is not a date-time"));
    }
    moment
}

fn opening_hours(event: &Value, warnings: &mut Vec<String>) -> Vec<OpeningHours> {
    let is_time = |s: &str| {
        let b = s.as_bytes();
        b.len() == 5
            && b[2] == b':'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 2 || c.is_ascii_digit())
    };
    let mut hours = Vec::new();
    for entry in event
        .get("openingHours")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let days: Vec<String> = entry
            .get("dayOfWeek")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|d| string(Some(d)))
            .map(|d| d.to_ascii_lowercase())
            .collect();
        match (string(entry.get("opens")), string(entry.get("closes"))) {
            (Some(opens), Some(closes)) if is_time(&opens) && is_time(&closes) => {
                hours.push(OpeningHours {
                    days,
                    opens,
                    closes,
                })
            }
            _ => warnings.push("opening hours without valid opens/closes left out".into()),
        }
    }
    hours
}

/// The calendar of an event; `Err` with a reason when it has no usable dates.
pub(crate) fn calendar(event: &Value, warnings: &mut Vec<String>) -> Result<Calendar, String> {
    let start = moment_at(event, "startDate", warnings);
    let end = moment_at(event, "endDate", warnings);
    let sub_events: Vec<&Value> = event
        .get("subEvent")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let kind = match string(event.get("calendarType")).as_deref() {
        Some("single") => CalendarKind::Single,
        Some("multiple") => CalendarKind::Multiple,
        Some("periodic") => CalendarKind::Periodic,
        Some("permanent") => CalendarKind::Permanent,
        Some(other) => return Err(format!("unknown calendarType {other:?}")),
        None if sub_events.len() > 1 => CalendarKind::Multiple,
        None if !sub_events.is_empty() || start.is_some() => CalendarKind::Single,
        None => return Err("no calendarType and no dates".into()),
    };
    let mut calendar = Calendar {
        kind,
        occurrences: Vec::new(),
        start,
        end,
        opening_hours: Vec::new(),
    };
    match kind {
        CalendarKind::Single | CalendarKind::Multiple => {
            for (i, sub) in sub_events.iter().enumerate() {
                let Some(start) = moment_at(sub, "startDate", warnings) else {
                    warnings.push(format!("subEvent {i} without a start left out"));
                    continue;
                };
                calendar.occurrences.push(Occurrence {
                    start,
                    end: moment_at(sub, "endDate", warnings),
                    status: status(sub.get("status")).unwrap_or(ShowStatus::Available),
                });
            }
            if calendar.occurrences.is_empty() {
                let start = calendar.start.clone().ok_or("no start date")?;
                if kind == CalendarKind::Multiple {
                    warnings.push(
                        "multiple dates without subEvent: only the first and last day are known"
                            .into(),
                    );
                }
                calendar.occurrences.push(Occurrence {
                    start,
                    end: calendar.end.clone(),
                    status: ShowStatus::Available,
                });
            }
            calendar.occurrences.sort_by_key(|o| o.start.unix);
        }
        CalendarKind::Periodic => {
            if calendar.start.is_none() || calendar.end.is_none() {
                return Err("periodic calendar without start and end date".into());
            }
            calendar.opening_hours = opening_hours(event, warnings);
        }
        CalendarKind::Permanent => calendar.opening_hours = opening_hours(event, warnings),
    }
    Ok(calendar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_keep_their_text_and_offset() {
        let m = parse_moment("2015-05-23T20:30:00+02:00").expect("date");
        assert_eq!(m.unix, 1_432_405_800);
        assert_eq!(m.at, "2015-05-23T20:30:00+02:00");
        assert_eq!(
            parse_moment("2021-05-17T22:00:00Z").map(|m| m.unix),
            Some(1_621_288_800)
        );
        for bad in [
            "",
            "2015-05-23",
            "2015-13-23T20:30:00+02:00",
            "zaterdag",
            "2015-05-23T20:30:00",
        ] {
            assert_eq!(parse_moment(bad), None, "{bad}");
        }
    }

    #[test]
    fn age_ranges() {
        let r = |min, max| Ok(AgeRange::new(min, max));
        assert_eq!(parse_age_range("6-12"), r(6, 12));
        assert_eq!(parse_age_range("-4"), r(0, 4));
        assert_eq!(parse_age_range("18-"), r(18, 99));
        assert_eq!(parse_age_range("0-"), r(0, 99));
        assert_eq!(parse_age_range("12-120"), r(12, 99));
        assert_eq!(parse_age_range("-"), Ok(None));
        for bad in ["", "12", "a-b", "12-6", "1-2-3", "+1-4", "9999-"] {
            assert!(parse_age_range(bad).is_err(), "{bad}");
        }
    }
}
