//! `DeckState`: the pure bookkeeping of a swipe deck (which card is on top, what was
//! decided so far, what undo restores), kept apart from the DOM so it can be tested alone.

/// What the user decided about one card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Swiped right.
    Like,
    /// Swiped left.
    Dislike,
}

/// A deck of `len` cards, swiped in order; the verdicts so far form an undo stack.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeckState {
    len: usize,
    verdicts: Vec<Verdict>,
}

impl DeckState {
    /// A fresh deck of `len` cards, the first one on top.
    pub fn new(len: usize) -> Self {
        Self {
            len,
            verdicts: Vec::new(),
        }
    }

    /// The number of cards.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the deck has no cards at all.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The index of the card on top, `None` when every card has been swiped.
    pub fn current(&self) -> Option<usize> {
        let next = self.verdicts.len();
        (next < self.len).then_some(next)
    }

    /// Decides about the card on top; answers its index, or `None` when the deck is done.
    pub fn swipe(&mut self, verdict: Verdict) -> Option<usize> {
        let index = self.current()?;
        self.verdicts.push(verdict);
        Some(index)
    }

    /// Takes back the last decision; answers the index of the card that is on top again
    /// and what had been decided about it.
    pub fn undo(&mut self) -> Option<(usize, Verdict)> {
        let verdict = self.verdicts.pop()?;
        Some((self.verdicts.len(), verdict))
    }

    /// Whether there is a decision to take back.
    pub fn can_undo(&self) -> bool {
        !self.verdicts.is_empty()
    }

    /// `(swiped, total)`: how many cards have been decided, out of how many.
    pub fn progress(&self) -> (usize, usize) {
        (self.verdicts.len(), self.len)
    }

    /// The number of the card on top counted from 1, as in "3 / 10"; the last number
    /// once the deck is done.
    pub fn position(&self) -> usize {
        (self.verdicts.len() + 1).min(self.len)
    }

    /// Whether every card has been swiped (an empty deck is done from the start).
    pub fn is_done(&self) -> bool {
        self.current().is_none()
    }

    /// The verdicts so far, in order.
    pub fn verdicts(&self) -> &[Verdict] {
        &self.verdicts
    }

    /// Adapts to a deck of `len` cards with the same beginning (more cards loaded, or the
    /// tail replaced); decisions beyond the new end are dropped.
    pub fn resize(&mut self, len: usize) {
        self.len = len;
        self.verdicts.truncate(len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    use Verdict::{Dislike, Like};

    /// Applies `steps` ('L' like, 'D' dislike, 'U' undo) to a deck of `len` and checks
    /// the card on top and the progress.
    fn check(len: usize, steps: &str, current: Option<usize>, progress: (usize, usize)) {
        let mut deck = DeckState::new(len);
        for step in steps.chars() {
            match step {
                'L' => {
                    deck.swipe(Like);
                }
                'D' => {
                    deck.swipe(Dislike);
                }
                _ => {
                    deck.undo();
                }
            }
        }
        assert_eq!(deck.current(), current, "{len} {steps}");
        assert_eq!(deck.progress(), progress, "{len} {steps}");
        assert_eq!(deck.is_done(), current.is_none(), "{len} {steps}");
    }

    #[wasm_bindgen_test]
    fn steps_move_the_top_card() {
        check(3, "", Some(0), (0, 3));
        check(3, "L", Some(1), (1, 3));
        check(3, "LD", Some(2), (2, 3));
        check(3, "LDL", None, (3, 3));
        check(3, "LDLL", None, (3, 3));
        check(3, "LDLU", Some(2), (2, 3));
        check(3, "LU", Some(0), (0, 3));
        check(3, "U", Some(0), (0, 3));
        check(3, "UUL", Some(1), (1, 3));
        check(0, "", None, (0, 0));
        check(0, "LU", None, (0, 0));
    }

    #[wasm_bindgen_test]
    fn swipe_answers_the_index_and_undo_restores_it_with_its_verdict() {
        let mut deck = DeckState::new(2);
        assert_eq!(deck.swipe(Dislike), Some(0));
        assert_eq!(deck.swipe(Like), Some(1));
        assert_eq!(deck.swipe(Like), None);
        assert_eq!(deck.verdicts(), [Dislike, Like]);
        assert_eq!(deck.undo(), Some((1, Like)));
        assert_eq!(deck.undo(), Some((0, Dislike)));
        assert_eq!(deck.undo(), None);
        assert!(!deck.can_undo());
    }

    #[wasm_bindgen_test]
    fn position_counts_from_one_and_stops_at_the_last_card() {
        let mut deck = DeckState::new(2);
        assert_eq!(deck.position(), 1);
        deck.swipe(Like);
        assert_eq!(deck.position(), 2);
        deck.swipe(Like);
        assert_eq!(deck.position(), 2);
        assert_eq!(DeckState::new(0).position(), 0);
    }

    #[wasm_bindgen_test]
    fn resize_keeps_decisions_that_still_fit() {
        let mut deck = DeckState::new(3);
        deck.swipe(Like);
        deck.swipe(Like);
        deck.resize(5);
        assert_eq!((deck.current(), deck.len()), (Some(2), 5));
        deck.resize(1);
        assert_eq!((deck.current(), deck.progress()), (None, (1, 1)));
        assert!(deck.is_done());
    }
}
