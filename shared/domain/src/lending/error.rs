//! Why a lending operation was refused: one variant per rule, English for logs and a
//! Dutch message for the member through [`LendError::msg`].

use super::TitleId;

/// A refused lending operation. The state is unchanged when one is returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LendError {
    /// The library has no such title (the whole-library model only).
    UnknownTitle(TitleId),
    /// The title is already in the library (the whole-library model only).
    TitleExists(TitleId),
    /// The member already borrows this title.
    AlreadyBorrowing,
    /// The member is already in this title's queue.
    AlreadyQueued,
    /// Every licence is lent or held for someone else: reserve instead.
    NoLicenceFree,
    /// A licence is free for the member: borrow instead of reserving.
    LicenceFree,
    /// The member has `max` loans already.
    LoanLimit { max: u32 },
    /// The member has `max` reservations already (0: the library takes none).
    ReservationLimit { max: u32 },
    /// The chosen loan length is not between 1 day and the policy's `max_days`.
    LoanLength { days: u32, max_days: u32 },
    /// The member does not borrow this title (return).
    NotBorrowing,
    /// The member is not in this title's queue (cancel, suspend, resume, pass).
    NotQueued,
    /// No licence is held for the member (pass).
    NoHold,
    /// A licence is held for the member: take it or pass, not suspend.
    HoldWaiting,
    /// The member's place is already suspended.
    AlreadySuspended,
    /// The member's place is not suspended (resume).
    NotSuspended,
}

impl std::fmt::Display for LendError {
    /// English, for logs and API error details.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LendError::UnknownTitle(t) => write!(f, "title {} is not lent here", t.0),
            LendError::TitleExists(t) => write!(f, "title {} is already lent here", t.0),
            LendError::AlreadyBorrowing => write!(f, "the member already borrows this title"),
            LendError::AlreadyQueued => write!(f, "the member already reserved this title"),
            LendError::NoLicenceFree => write!(f, "no licence of this title is free"),
            LendError::LicenceFree => {
                write!(f, "a licence of this title is free: borrow, do not reserve")
            }
            LendError::LoanLimit { max } => write!(f, "the member has {max} loans already"),
            LendError::ReservationLimit { max } => {
                write!(f, "the member has {max} reservations already")
            }
            LendError::LoanLength { days, max_days } => {
                write!(f, "a loan of {days} days is outside 1 to {max_days} days")
            }
            LendError::NotBorrowing => write!(f, "the member does not borrow this title"),
            LendError::NotQueued => write!(f, "the member has not reserved this title"),
            LendError::NoHold => write!(f, "no licence of this title is held for the member"),
            LendError::HoldWaiting => write!(
                f,
                "a licence is held for the member: take it or pass, not suspend"
            ),
            LendError::AlreadySuspended => write!(f, "the member's place is already suspended"),
            LendError::NotSuspended => write!(f, "the member's place is not suspended"),
        }
    }
}

impl std::error::Error for LendError {}

#[cfg(feature = "e-reader")]
impl LendError {
    /// The message the member (or, for titles, the admin) sees. The limits have a
    /// message naming the number for the default policy (2) and a general one else.
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            LendError::UnknownTitle(_) => Msg::LendUnknownTitle,
            LendError::TitleExists(_) => Msg::LendTitleExists,
            LendError::AlreadyBorrowing => Msg::LendAlreadyBorrowing,
            LendError::AlreadyQueued => Msg::LendAlreadyQueued,
            LendError::NoLicenceFree => Msg::LendNoLicenceFree,
            LendError::LicenceFree => Msg::LendLicenceFree,
            LendError::LoanLimit { max: 2 } => Msg::LendLoanLimitTwo,
            LendError::LoanLimit { .. } => Msg::LendLoanLimit,
            LendError::ReservationLimit { max: 0 } => Msg::LendNoReservations,
            LendError::ReservationLimit { max: 2 } => Msg::LendReservationLimitTwo,
            LendError::ReservationLimit { .. } => Msg::LendReservationLimit,
            LendError::LoanLength { .. } => Msg::LendLoanLength,
            LendError::NotBorrowing => Msg::LendNotBorrowing,
            LendError::NotQueued => Msg::LendNotQueued,
            LendError::NoHold => Msg::LendNoHold,
            LendError::HoldWaiting => Msg::LendHoldWaiting,
            LendError::AlreadySuspended => Msg::LendAlreadySuspended,
            LendError::NotSuspended => Msg::LendNotSuspended,
        }
    }
}
