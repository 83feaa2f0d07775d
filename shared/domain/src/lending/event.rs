//! What happened to a title's loans and queue, for the server to notify members and to
//! count the statistics per title (loans, hold expiries).

use serde::Serialize;

use super::{MemberId, TitleId};

/// Why a loan ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum LoanEnd {
    /// The member gave the book back early.
    Returned,
    /// The loan reached its `until`.
    Expired,
}

/// One thing that happened, at `at` (seconds since the epoch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// A loan began (a free licence, or a hold taken).
    LoanStarted {
        title: TitleId,
        member: MemberId,
        at: i64,
        until: i64,
    },
    /// A loan ended; `at` is its `until` when it expired.
    LoanEnded {
        title: TitleId,
        member: MemberId,
        at: i64,
        why: LoanEnd,
    },
    /// A freed licence waits for `member` until `until`: tell them.
    HoldGiven {
        title: TitleId,
        member: MemberId,
        at: i64,
        until: i64,
    },
    /// The member let the hold's time run out; they left the queue.
    HoldExpired {
        title: TitleId,
        member: MemberId,
        at: i64,
    },
    /// The member passed on the hold (or cancelled while on hold); they left the queue.
    HoldPassed {
        title: TitleId,
        member: MemberId,
        at: i64,
    },
}

impl Event {
    /// When it happened.
    pub fn at(&self) -> i64 {
        match self {
            Event::LoanStarted { at, .. }
            | Event::LoanEnded { at, .. }
            | Event::HoldGiven { at, .. }
            | Event::HoldExpired { at, .. }
            | Event::HoldPassed { at, .. } => *at,
        }
    }

    /// The title it happened to.
    pub fn title(&self) -> TitleId {
        match self {
            Event::LoanStarted { title, .. }
            | Event::LoanEnded { title, .. }
            | Event::HoldGiven { title, .. }
            | Event::HoldExpired { title, .. }
            | Event::HoldPassed { title, .. } => *title,
        }
    }

    /// The member it happened to.
    pub fn member(&self) -> MemberId {
        match self {
            Event::LoanStarted { member, .. }
            | Event::LoanEnded { member, .. }
            | Event::HoldGiven { member, .. }
            | Event::HoldExpired { member, .. }
            | Event::HoldPassed { member, .. } => *member,
        }
    }
}
