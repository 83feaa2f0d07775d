//! The catalogue searches that find candidate books for the Bieblo themes: one query per
//! term of each theme's mapping, limited to Dutch children's books.
//!
//! The query language is the catalogue's (`genre:`, `subject:`, `awards:`, `AND`, `OR`,
//! parentheses, quoted phrases). The original Bieblo server (CultuurConnect/bieblo-server,
//! MIT) searched each of its theme queries with `language:nederlands` and the children's
//! audiences `doelgroep:"vanaf 6-8 jaar"` and `doelgroep:"vanaf 9-11 jaar"`; the queries
//! here do the same in one search per term. A search finds candidates only: whether a
//! book is in a theme is decided by [`match_themes`](super::match_themes) on the record.

use std::collections::HashSet;

use suite_domain::bieblo::Theme;

/// What every theme query is limited to: Dutch books for children of 6-8 or 9-11.
pub const CHILDREN_FILTER: &str =
    r#"language:nederlands AND (doelgroep:"vanaf 6-8 jaar" OR doelgroep:"vanaf 9-11 jaar")"#;

/// `field:"term"`, with any double quote in the term dropped so it cannot end the phrase.
fn field(name: &str, term: &str) -> String {
    let term: String = term
        .chars()
        .filter(|c| !matches!(c, '"' | '”' | '“'))
        .collect();
    format!("{name}:\"{}\"", term.trim())
}

/// The searches for `themes`, in theme order, each limited by [`CHILDREN_FILTER`], without
/// repeats. A theme with `requires_any_subject` (humour) gives one search per required
/// subject: `(genre:… OR subject:…) AND subject:"<required>"`; any other theme one per
/// genre, subject and award.
pub fn theme_queries(themes: &[Theme]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut queries = Vec::new();
    for theme in themes {
        let terms: Vec<String> = theme
            .genres
            .iter()
            .map(|g| field("genre", g))
            .chain(theme.subjects.iter().map(|s| field("subject", s)))
            .chain(theme.awards.iter().map(|a| field("awards", a)))
            .collect();
        let parts: Vec<String> = if theme.requires_any_subject.is_empty() {
            terms
        } else if terms.is_empty() {
            Vec::new()
        } else {
            let any = terms.join(" OR ");
            theme
                .requires_any_subject
                .iter()
                .map(|s| format!("({any}) AND {}", field("subject", s)))
                .collect()
        };
        for part in parts {
            let query = format!("({part}) AND {CHILDREN_FILTER}");
            if seen.insert(query.clone()) {
                queries.push(query);
            }
        }
    }
    queries
}

#[cfg(test)]
mod tests {
    use suite_domain::bieblo::default_themes;

    use super::*;

    #[test]
    fn every_theme_term_is_searched_once_for_childrens_books() {
        let themes = default_themes();
        let queries = theme_queries(&themes);
        assert!(
            queries.iter().all(|q| q.ends_with(CHILDREN_FILTER)),
            "{queries:#?}"
        );
        let unique: HashSet<_> = queries.iter().collect();
        assert_eq!(unique.len(), queries.len(), "no repeats");
        assert!(queries.contains(&format!(
            "(genre:\"fantasieverhalen\") AND {CHILDREN_FILTER}"
        )));
        assert!(queries.contains(&format!(
            "(awards:\"zilveren griffel\") AND {CHILDREN_FILTER}"
        )));
        assert!(queries.contains(&format!(
            "((genre:\"humor\" OR subject:\"lachen\") AND subject:\"broers en zussen\") AND {CHILDREN_FILTER}"
        )));
        // Every term of every theme is in some query.
        for theme in &themes {
            for term in theme
                .genres
                .iter()
                .chain(&theme.subjects)
                .chain(&theme.awards)
            {
                assert!(
                    queries.iter().any(|q| q.contains(&format!("\"{term}\""))),
                    "{term} not searched"
                );
            }
        }
    }

    #[test]
    fn quotes_in_a_term_cannot_break_out_of_the_phrase() {
        let mut theme = default_themes().remove(1);
        theme.genres = vec!["a\" OR x:\"y".into()];
        theme.subjects.clear();
        assert_eq!(
            theme_queries(&[theme]),
            vec![format!("(genre:\"a OR x:y\") AND {CHILDREN_FILTER}")]
        );
    }
}
