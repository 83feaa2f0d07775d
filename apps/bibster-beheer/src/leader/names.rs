//! The pre-made teams' names as the leader types them (one a line): each checked by the
//! server's own rule (`team::check_team_name`), no name twice, at most 100.

use std::collections::HashSet;

use suite_domain::bibster::team::{NameProblem, check_team_name};
use suite_domain::i18n::Msg;

/// Most pre-made teams of a session (the server's limit too).
pub(crate) const MOST_TEAMS: usize = 100;

/// What is wrong with the typed names: the message, and the line (from 1) it is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NamesProblem {
    pub(crate) message: Msg,
    pub(crate) line: Option<usize>,
}

/// The text of a name the server's rule refuses.
pub(crate) fn name_message(problem: NameProblem) -> Msg {
    match problem {
        NameProblem::Length => Msg::BibTeamNameLength,
        NameProblem::Characters => Msg::BibTeamNameCharacters,
        NameProblem::NotAllowed => Msg::BibTeamNameNotAllowed,
    }
}

/// The names of `text`, one a line (empty lines skipped), as the server will keep them;
/// or the first problem.
pub(crate) fn premade_names(text: &str) -> Result<Vec<String>, NamesProblem> {
    let mut names = Vec::new();
    let mut seen = HashSet::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = Some(index + 1);
        let name = check_team_name(line).map_err(|p| NamesProblem {
            message: name_message(p),
            line: at,
        })?;
        if !seen.insert(name.to_lowercase()) {
            return Err(NamesProblem {
                message: Msg::BibLeadNamesDouble,
                line: at,
            });
        }
        names.push(name);
    }
    if names.is_empty() {
        return Err(NamesProblem {
            message: Msg::BibLeadNamesEmpty,
            line: None,
        });
    }
    if names.len() > MOST_TEAMS {
        return Err(NamesProblem {
            message: Msg::BibLeadNamesTooMany,
            line: None,
        });
    }
    Ok(names)
}
