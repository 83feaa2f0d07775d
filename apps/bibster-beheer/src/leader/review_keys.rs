//! The review queue by keyboard: what a key does on an item, and which item has the focus
//! after one leaves the queue. Pure, so the rules are tested without a browser.

/// What a key pressed on item `index` of the queue asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyAction {
    /// Move the focus to this item.
    Focus(usize),
    Approve,
    Reject,
}

/// The action of `key` (a `KeyboardEvent.key`) on item `index` of `len`: arrows move
/// (right and down to the next, left and up to the previous, stopping at the ends),
/// Home and End to the first and last, A approves and R rejects (either case).
pub(crate) fn key_action(key: &str, index: usize, len: usize) -> Option<KeyAction> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    match key {
        "ArrowRight" | "ArrowDown" => Some(KeyAction::Focus((index + 1).min(last))),
        "ArrowLeft" | "ArrowUp" => Some(KeyAction::Focus(index.saturating_sub(1).min(last))),
        "Home" => Some(KeyAction::Focus(0)),
        "End" => Some(KeyAction::Focus(last)),
        "a" | "A" => Some(KeyAction::Approve),
        "r" | "R" => Some(KeyAction::Reject),
        _ => None,
    }
}

/// The item that takes the focus after item `index` left the queue and `left` items
/// remain: the one that moved into its place, or the new last; none when the queue is
/// empty.
pub(crate) fn focus_after_removal(index: usize, left: usize) -> Option<usize> {
    (left > 0).then(|| index.min(left - 1))
}

/// The points typed for an approved answer: a whole number from 0 up to `most`; what
/// is not a number gives `most`.
pub(crate) fn points_from(typed: &str, most: u32) -> u32 {
    typed.trim().parse::<u32>().map_or(most, |p| p.min(most))
}
