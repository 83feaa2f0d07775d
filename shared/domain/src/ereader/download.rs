//! The page put first in a book downloaded for an e-reader device: until when the loan
//! runs (Belgian time), in Dutch and in English, so the reader of the device sees it.

use crate::culture::brussels::LocalDateTime;

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What the page says: a heading and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoanNotice {
    pub heading: String,
    pub lines: Vec<String>,
}

/// The notice of a loan of `title` that ends at `until` (Unix seconds); `None` for a
/// moment no calendar here reaches.
pub fn loan_notice(title: &str, until: i64) -> Option<LoanNotice> {
    let end = LocalDateTime::from_unix(until)?;
    let month = usize::from(end.date.month).checked_sub(1)?;
    let (nl, en) = (MONTHS_NL.get(month)?, MONTHS_EN.get(month)?);
    let (day, year) = (end.date.day, end.date.year);
    let time = format!("{:02}:{:02}", end.hour, end.minute);
    Some(LoanNotice {
        heading: format!("Geleend tot {day} {nl} {year}"),
        lines: vec![
            format!(
                "Je leent \u{201c}{title}\u{201d} van de bibliotheek tot {day} {nl} {year} om {time}."
            ),
            "Daarna mag je het niet meer lezen: verwijder het dan van je e-reader.".into(),
            format!("Borrowed from the library until {day} {en} {year} at {time} (Belgian time)."),
            "After that, please delete it from your e-reader.".into(),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_in_belgian_time_in_both_languages() {
        // 2027-01-16 13:05 UTC is 14:05 in Brussels (winter time).
        let until = 1_800_104_700;
        let notice = loan_notice("Moby-Dick", until).expect("a date");
        assert_eq!(notice.heading, "Geleend tot 16 januari 2027");
        assert!(notice.lines[0].contains("Moby-Dick"));
        assert!(
            notice.lines[0].ends_with("tot 16 januari 2027 om 14:05."),
            "{}",
            notice.lines[0]
        );
        assert!(
            notice.lines[2].contains("16 January 2027 at 14:05"),
            "{}",
            notice.lines[2]
        );
        // Summer time: 2027-07-01 10:00 UTC is 12:00.
        let summer = loan_notice("X", 1_814_436_000).expect("a date");
        assert!(
            summer.lines[0].contains("1 juli 2027 om 12:00"),
            "{}",
            summer.lines[0]
        );
        assert_eq!(loan_notice("X", i64::MAX), None);
    }
}
