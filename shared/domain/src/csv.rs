//! CSV for spreadsheets: the one way to write a field that comes from people or data.

/// A text as one CSV field: always quoted, and with a leading `'` when a spreadsheet
/// would take it for a formula.
pub fn text(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_are_quoted_and_formulas_guarded() {
        assert_eq!(super::text("Gent"), "\"Gent\"");
        assert_eq!(super::text("zeg \"hallo\""), "\"zeg \"\"hallo\"\"\"");
        for formula in ["=1+1", "+32", "-2", "@SUM(A1)", "\tx"] {
            assert!(super::text(formula).starts_with("\"'"), "{formula}");
        }
    }
}
