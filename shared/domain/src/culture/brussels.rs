//! Belgian local time, as staff type dates in the back-office (`2026-12-03T20:00`) and as
//! the programme keeps them (RFC 3339 with the offset, and Unix seconds).
//!
//! Belgium follows the EU rule: CET (UTC+1), and CEST (UTC+2) from the last Sunday of
//! March to the last Sunday of October, switching at 01:00 UTC. A wall time that does not
//! exist (the hour skipped in March) is read as CET; one that exists twice (the hour
//! repeated in October) as its first, CEST, occurrence.

use super::filter::LocalDate;
use super::programme::Moment;

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;

/// The last Sunday of `month` (31 days: March or October) of `year`, in days since the
/// epoch.
fn last_sunday(year: i32, month: u8) -> Option<i64> {
    let last = LocalDate::new(year, month, 31)?;
    // Monday is 0, Sunday 6: back from the 31st to the Sunday.
    Some(last.days_since_epoch() - i64::from((last.weekday() + 1) % 7))
}

/// The offset of Belgian time from UTC at `unix`, in seconds (3600 or 7200).
pub fn utc_offset_at(unix: i64) -> i32 {
    let summer = LocalDate::from_days(unix.div_euclid(DAY)).and_then(|date| {
        let start = last_sunday(date.year, 3)? * DAY + HOUR;
        let end = last_sunday(date.year, 10)? * DAY + HOUR;
        Some((start..end).contains(&unix))
    });
    if summer == Some(true) { 7_200 } else { 3_600 }
}

/// A wall-clock time in Belgium, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalDateTime {
    pub date: LocalDate,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

fn two_digits(text: &str) -> Option<u8> {
    (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

impl LocalDateTime {
    /// Reads what a `datetime-local` input gives: `YYYY-MM-DDTHH:MM`, optionally with
    /// `:SS` (a space instead of the `T` is fine too).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (date, time) = text.split_once(['T', ' '])?;
        let date = LocalDate::parse(date)?;
        let mut parts = time.split(':');
        let hour = two_digits(parts.next()?)?;
        let minute = two_digits(parts.next()?)?;
        let second = match parts.next() {
            Some(s) => two_digits(s)?,
            None => 0,
        };
        if parts.next().is_some() || hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        Some(Self {
            date,
            hour,
            minute,
            second,
        })
    }

    /// Seconds since the epoch as if this wall time were UTC.
    fn wall_seconds(self) -> i64 {
        self.date.days_since_epoch() * DAY
            + i64::from(self.hour) * HOUR
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }

    /// This instant in Unix seconds and the offset that applies.
    fn instant(self) -> (i64, i32) {
        let wall = self.wall_seconds();
        let summer = wall - 2 * HOUR;
        if utc_offset_at(summer) == 7_200 {
            (summer, 7_200)
        } else {
            (wall - HOUR, 3_600)
        }
    }

    /// The same instant as the programme keeps it: `2026-12-03T20:00:00+01:00` and its
    /// Unix seconds.
    pub fn to_moment(self) -> Moment {
        let (unix, offset) = self.instant();
        Moment {
            at: format!(
                "{}T{:02}:{:02}:{:02}+{:02}:00",
                self.date,
                self.hour,
                self.minute,
                self.second,
                offset / 3_600
            ),
            unix,
        }
    }

    /// Belgian wall time at `unix`; `None` outside the years 1970-9999.
    pub fn from_unix(unix: i64) -> Option<Self> {
        let local = unix.checked_add(i64::from(utc_offset_at(unix)))?;
        let date = LocalDate::from_days(local.div_euclid(DAY))?;
        let seconds = local.rem_euclid(DAY);
        Some(Self {
            date,
            hour: (seconds / HOUR) as u8,
            minute: (seconds % HOUR / 60) as u8,
            second: (seconds % 60) as u8,
        })
    }

    /// The value of a `datetime-local` input: `YYYY-MM-DDTHH:MM` (with `:SS` only when
    /// the seconds are not zero).
    pub fn input_value(self) -> String {
        let base = format!("{}T{:02}:{:02}", self.date, self.hour, self.minute);
        match self.second {
            0 => base,
            s => format!("{base}:{s:02}"),
        }
    }

    /// As Flemish readers write it: `03/12/2026 20:00`.
    pub fn display_nl(self) -> String {
        format!(
            "{:02}/{:02}/{} {:02}:{:02}",
            self.date.day, self.date.month, self.date.year, self.hour, self.minute
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment(text: &str) -> Moment {
        LocalDateTime::parse(text).expect(text).to_moment()
    }

    #[test]
    fn winter_and_summer_offsets() {
        let winter = moment("2026-12-03T20:00");
        assert_eq!(winter.at, "2026-12-03T20:00:00+01:00");
        // 2026-12-03T19:00:00Z
        assert_eq!(winter.unix, 1_796_324_400);
        let summer = moment("2026-07-14T21:30:15");
        assert_eq!(summer.at, "2026-07-14T21:30:15+02:00");
        assert_eq!(summer.unix, 1_784_057_415);
    }

    #[test]
    fn the_switches_fall_on_the_last_sundays_at_one_utc() {
        // 2026: 29 March and 25 October.
        let march = last_sunday(2026, 3).map(|d| d * DAY + HOUR);
        assert_eq!(march, Some(1_774_746_000)); // 2026-03-29T01:00:00Z
        let october = last_sunday(2026, 10).map(|d| d * DAY + HOUR);
        assert_eq!(october, Some(1_792_890_000)); // 2026-10-25T01:00:00Z
        assert_eq!(utc_offset_at(1_774_746_000 - 1), 3_600);
        assert_eq!(utc_offset_at(1_774_746_000), 7_200);
        assert_eq!(utc_offset_at(1_792_890_000 - 1), 7_200);
        assert_eq!(utc_offset_at(1_792_890_000), 3_600);
        // A month whose 31st is a Sunday: 2024-03-31.
        assert_eq!(
            last_sunday(2024, 3),
            LocalDate::new(2024, 3, 31).map(LocalDate::days_since_epoch)
        );
        assert_eq!(moment("2026-03-29T01:59").at, "2026-03-29T01:59:00+01:00");
        assert_eq!(moment("2026-03-29T03:00").at, "2026-03-29T03:00:00+02:00");
        // The repeated hour in October is read as its first (summer) occurrence.
        assert_eq!(moment("2026-10-25T02:30").at, "2026-10-25T02:30:00+02:00");
        assert_eq!(moment("2026-10-25T03:00").at, "2026-10-25T03:00:00+01:00");
    }

    #[test]
    fn wall_times_round_trip_through_unix_seconds() {
        for text in [
            "2026-01-01T00:00",
            "2026-03-29T03:00",
            "2026-06-30T23:59:59",
            "2026-10-25T03:00",
            "2028-02-29T12:05",
        ] {
            let local = LocalDateTime::parse(text).expect(text);
            let back = LocalDateTime::from_unix(local.to_moment().unix);
            assert_eq!(back, Some(local), "{text}");
        }
        let evening = LocalDateTime::parse("2026-12-03T20:00").expect("valid");
        assert_eq!(evening.input_value(), "2026-12-03T20:00");
        assert_eq!(evening.display_nl(), "03/12/2026 20:00");
        let seconds = LocalDateTime::parse("2026-12-03 20:00:07").expect("valid");
        assert_eq!(seconds.input_value(), "2026-12-03T20:00:07");
    }

    #[test]
    fn nonsense_is_refused_without_panicking() {
        for bad in [
            "",
            "2026-12-03",
            "2026-12-03T",
            "2026-12-03T24:00",
            "2026-12-03T20:60",
            "2026-12-03T20:00:60",
            "2026-02-30T20:00",
            "2026-12-03T8:00",
            "2026-12-03T20:00:00:00",
            "2026-12-03T20:00+01:00",
            "１２３４-12-03T20:00",
            "2026-12-03T２0:00",
        ] {
            assert_eq!(LocalDateTime::parse(bad), None, "{bad:?}");
        }
        assert_eq!(LocalDateTime::from_unix(i64::MAX), None);
        assert_eq!(LocalDateTime::from_unix(-DAY * 400), None);
        assert_eq!(utc_offset_at(i64::MIN), 3_600);
    }
}
