//! A calendar day without a time zone: `YYYY-MM-DD`, days since the epoch and back.
//! The one date type of the domain (Culture Matcher's periods, Bieblo's statistics).

use serde::{Deserialize, Serialize};

/// A calendar day (in the time zone of whoever uses it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LocalDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl LocalDate {
    /// A valid date, or `None` (month 1-12, day within the month, year 1970-9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        ((1970..=9999).contains(&year) && (1..=days_in_month).contains(&day)).then_some(Self {
            year,
            month,
            day,
        })
    }

    /// Reads `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 10
            || bytes[4] != b'-'
            || bytes[7] != b'-'
            || !text
                .bytes()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
        {
            return None;
        }
        Self::new(
            text.get(0..4)?.parse().ok()?,
            text.get(5..7)?.parse().ok()?,
            text.get(8..10)?.parse().ok()?,
        )
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`); `None` outside
    /// the years 1970-9999.
    pub fn from_days(days: i64) -> Option<Self> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// Monday is 0, Sunday 6.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        (self.days_since_epoch() + 3).rem_euclid(7) as u8
    }
}

impl std::fmt::Display for LocalDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A period of days (`from` and `to` inclusive) from what someone asked for: by default
/// the `default_days` up to `today`; a missing end follows from the other (never past
/// `today` when only `from` is given). `None` when a day is not a date, `from` comes after
/// `to`, or the period is longer than `max_days`.
pub fn period(
    from: Option<&str>,
    to: Option<&str>,
    today: LocalDate,
    default_days: i64,
    max_days: i64,
) -> Option<(LocalDate, LocalDate)> {
    let read = |day: Option<&str>| day.map(|d| LocalDate::parse(d).ok_or(())).transpose();
    let (from, to) = (read(from).ok()?, read(to).ok()?);
    let shift = |day: LocalDate, by: i64| LocalDate::from_days(day.days_since_epoch() + by);
    let (from, to) = match (from, to) {
        (Some(from), Some(to)) => (from, to),
        (Some(from), None) => (from, shift(from, default_days - 1)?.min(today).max(from)),
        (None, Some(to)) => (shift(to, 1 - default_days)?, to),
        (None, None) => (shift(today, 1 - default_days)?, today),
    };
    let days = to.days_since_epoch() - from.days_since_epoch() + 1;
    (1..=max_days).contains(&days).then_some((from, to))
}

/// The calendar month of `day`: its first and last day.
pub fn month_of(day: LocalDate) -> (LocalDate, LocalDate) {
    let first = LocalDate { day: 1, ..day };
    let last = (28..=31)
        .rev()
        .find_map(|d| LocalDate::new(day.year, day.month, d))
        .unwrap_or(first);
    (first, last)
}

/// The cultural season of `day`: 1 September to 31 August.
pub fn season_of(day: LocalDate) -> (LocalDate, LocalDate) {
    let start_year = if day.month >= 9 {
        day.year
    } else {
        day.year - 1
    };
    (
        LocalDate {
            year: start_year,
            month: 9,
            day: 1,
        },
        LocalDate {
            year: start_year + 1,
            month: 8,
            day: 31,
        },
    )
}

/// Every day from `from` to `to`, in order.
pub fn days(from: LocalDate, to: LocalDate) -> impl Iterator<Item = LocalDate> {
    (from.days_since_epoch()..=to.days_since_epoch()).filter_map(LocalDate::from_days)
}

/// Digits of `text` at `range` as a number; `None` unless all are ASCII digits.
fn digits(text: &str, range: std::ops::Range<usize>) -> Option<u32> {
    let part = text.get(range)?;
    part.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| part.parse().ok())
        .flatten()
}

/// Reads an RFC 3339 time (`2026-12-05T14:05:00Z`, `2026-12-05T15:05:00.25+01:00`) as
/// Unix seconds (fractions dropped); `None` for anything else or outside 1970-9999. The
/// server stamps its times this way; this is how the domain reads them back.
pub fn rfc3339_unix(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() < 20
        || !matches!(bytes[10], b'T' | b't')
        || bytes[13] != b':'
        || bytes[16] != b':'
    {
        return None;
    }
    let date = LocalDate::parse(text.get(..10)?)?;
    let (hour, minute, second) = (
        digits(text, 11..13)?,
        digits(text, 14..16)?,
        digits(text, 17..19)?,
    );
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = text.get(19..)?;
    if let Some(fraction) = rest.strip_prefix('.') {
        let count = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if count == 0 {
            return None;
        }
        rest = fraction.get(count..)?;
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            if rest.len() != 6 || rest.as_bytes()[3] != b':' {
                return None;
            }
            let (hours, minutes) = (digits(rest, 1..3)?, digits(rest, 4..6)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            sign * i64::from(hours * 3_600 + minutes * 60)
        }
    };
    let local =
        date.days_since_epoch() * 86_400 + i64::from(hour * 3_600 + minute * 60 + second.min(59));
    Some(local - offset)
}

#[cfg(test)]
mod tests {
    use super::{LocalDate, month_of, rfc3339_unix, season_of};

    #[test]
    fn rfc3339_times_are_read_as_unix_seconds() {
        // 2026-12-03T19:00:00Z
        let evening = 1_796_324_400;
        for text in [
            "2026-12-03T19:00:00Z",
            "2026-12-03T19:00:00.123456789Z",
            "2026-12-03T20:00:00+01:00",
            "2026-12-03t17:30:00-01:30",
        ] {
            assert_eq!(rfc3339_unix(text), Some(evening), "{text}");
        }
        assert_eq!(rfc3339_unix("1970-01-01T00:00:00Z"), Some(0));
        for bad in [
            "",
            "2026-12-03",
            "2026-12-03 19:00:00Z",
            "2026-12-03T19:00:00",
            "2026-12-03T24:00:00Z",
            "2026-02-30T19:00:00Z",
            "2026-12-03T19:00:00.Z",
            "2026-12-03T19:00:00+1:00",
            "2026-12-03T19:00:00+01:00x",
            "2026-12-03T1a:00:00Z",
            "gisteren om acht uur",
            "2026-12-03T19:00:00\u{e9}",
            "2026-12-03T19:00:0\u{e9}Z",
        ] {
            assert_eq!(rfc3339_unix(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_and_seasons() {
        let day = |text: &str| LocalDate::parse(text).expect(text);
        assert_eq!(
            month_of(day("2024-02-10")),
            (day("2024-02-01"), day("2024-02-29"))
        );
        assert_eq!(
            month_of(day("2026-12-05")),
            (day("2026-12-01"), day("2026-12-31"))
        );
        assert_eq!(
            season_of(day("2026-12-05")),
            (day("2026-09-01"), day("2027-08-31"))
        );
        assert_eq!(
            season_of(day("2027-03-01")),
            (day("2026-09-01"), day("2027-08-31"))
        );
        assert_eq!(season_of(day("2026-09-01")).0, day("2026-09-01"));
        let (from, to) = season_of(day("2026-12-05"));
        assert_eq!(
            super::period(
                Some(&from.to_string()),
                Some(&to.to_string()),
                day("2026-12-05"),
                31,
                366
            ),
            Some((from, to)),
            "a season fits the longest period"
        );
    }

    #[test]
    fn days_round_trip_and_print_as_read() {
        for text in ["1970-01-01", "2024-02-29", "2026-12-05", "9999-12-31"] {
            let date = LocalDate::parse(text).expect(text);
            assert_eq!(date.to_string(), text);
            assert_eq!(LocalDate::from_days(date.days_since_epoch()), Some(date));
        }
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "26-12-05",
            "2026-12-5",
            "1969-12-31",
        ] {
            assert_eq!(LocalDate::parse(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_without_panic(text in "\\PC{0,40}") {
            let _ = rfc3339_unix(&text);
        }

        #[test]
        fn times_read_back_as_written(unix in 0_i64..253_402_300_799, offset in -23_i64 * 60..=23 * 60) {
            let local = unix + offset * 60;
            let date = LocalDate::from_days(local.div_euclid(86_400));
            proptest::prop_assume!(date.is_some());
            let seconds = local.rem_euclid(86_400);
            let sign = if offset < 0 { '-' } else { '+' };
            let text = format!(
                "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
                date.expect("assumed"),
                seconds / 3_600,
                seconds % 3_600 / 60,
                seconds % 60,
                offset.abs() / 60,
                offset.abs() % 60
            );
            proptest::prop_assert_eq!(rfc3339_unix(&text), Some(unix), "{}", text);
        }
    }
}
