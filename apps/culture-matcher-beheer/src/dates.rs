//! Dates as staff read them, in Belgian time whatever the computer's time zone.

use suite_domain::culture::brussels::LocalDateTime;
use suite_domain::i18n::Lang;

/// A performance at `unix`: `03/12/2026 20:00` in Dutch, `2026-12-03 20:00` in English.
pub(crate) fn date_time(unix: i64, lang: Lang) -> Option<String> {
    let local = LocalDateTime::from_unix(unix)?;
    Some(match lang {
        Lang::Nl => local.display_nl(),
        Lang::En => format!("{} {:02}:{:02}", local.date, local.hour, local.minute),
    })
}
