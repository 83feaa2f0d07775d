//! The back-office's pure rules, tested in the browser: what may be uploaded, the
//! licences form, how a title's licences are described, the report of a refused file,
//! and the numbers the statistics' charts and tables show.

use suite_domain::ereader::admin::{AdminTitle, EreaderStats, MAX_LICENCES};
use suite_domain::i18n::{Lang, Msg};
use suite_ui::ApiError;

/// Largest EPUB the server takes (`routes/ereader_admin.rs`).
pub(crate) const MAX_EPUB_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

/// Whether a chosen file of `size` bytes may be sent (the server checks it again).
pub(crate) fn file_to_send(size: Option<f64>) -> Result<(), Msg> {
    match size {
        None => Err(Msg::EreaderAdmFileMissing),
        Some(size) if size > MAX_EPUB_BYTES => Err(Msg::EreaderAdmFileTooBig),
        Some(_) => Ok(()),
    }
}

/// The licences the form asks for: `None` (back to the rule) unless set by hand, then a
/// whole number from 0 to [`MAX_LICENCES`].
pub(crate) fn licences_asked(by_hand: bool, typed: &str) -> Result<Option<u32>, Msg> {
    if !by_hand {
        return Ok(None);
    }
    match typed.trim().parse::<u32>() {
        Ok(n) if n <= MAX_LICENCES => Ok(Some(n)),
        _ => Err(Msg::EreaderAdmLicencesInvalid),
    }
}

/// How a title's number of licences came about, with what the rule would give beside a
/// number set by hand: "3 (met de hand; de regel geeft 5)".
pub(crate) fn licences_text(title: &AdminTitle, lang: Lang) -> String {
    match title.licences_set {
        Some(_) => format!(
            "{} ({}; {} {})",
            title.licences,
            Msg::EreaderAdmByHand.text(lang),
            Msg::EreaderAdmByRule.text(lang),
            title.rule_licences
        ),
        None => format!("{} ({})", title.licences, Msg::EreaderAdmByRule.text(lang)),
    }
}

/// The report of a refused upload: the server's Dutch message (or the code's text in
/// English) and its English detail, which names what is wrong and where.
pub(crate) fn refusal(error: &ApiError, lang: Lang) -> (String, Option<String>) {
    (error.localized(lang), error.detail.clone())
}

/// Each title's loans, as the chart's groups (one series).
pub(crate) fn loans_per_title(stats: &EreaderStats) -> Vec<(String, Vec<u64>)> {
    stats
        .titles
        .iter()
        .map(|t| (t.title.clone(), vec![u64::from(t.loans)]))
        .collect()
}

/// Every title's loans together per month of the statistics, as the chart's groups.
pub(crate) fn loans_per_month(stats: &EreaderStats) -> Vec<(String, Vec<u64>)> {
    stats
        .months
        .iter()
        .map(|month| {
            let total: u64 = stats
                .titles
                .iter()
                .flat_map(|t| t.per_month.iter())
                .filter(|m| &m.month == month)
                .map(|m| u64::from(m.loans))
                .sum();
            (month.clone(), vec![total])
        })
        .collect()
}
