//! Places on the board and the podium: teams by score, highest first; the same score is
//! the same place, and the place after a tie skips (1, 1, 3), as in sport.

use suite_domain::bibster::api::TeamRow;

/// A team with its place (1 is first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed {
    pub(crate) place: u32,
    pub(crate) team: TeamRow,
}

/// The teams by score (highest first, then by name), each with its place: one more than
/// the number of teams with a higher score.
pub(crate) fn places(teams: &[TeamRow]) -> Vec<Placed> {
    let mut sorted = teams.to_vec();
    sorted.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.name.cmp(&b.name)));
    let mut placed: Vec<Placed> = Vec::with_capacity(sorted.len());
    for (index, team) in sorted.into_iter().enumerate() {
        let place = match placed.last() {
            Some(before) if before.team.score == team.score => before.place,
            _ => u32::try_from(index + 1).unwrap_or(u32::MAX),
        };
        placed.push(Placed { place, team });
    }
    placed
}

/// The podium's places (first, second, third: every team on them, ties included) and
/// the rest, both in order.
pub(crate) fn podium(teams: &[TeamRow]) -> (Vec<Placed>, Vec<Placed>) {
    places(teams).into_iter().partition(|p| p.place <= 3)
}
