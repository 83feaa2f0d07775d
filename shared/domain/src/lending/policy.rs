//! A library's lending policy: how many loans and reservations a member may have, how
//! long a loan lasts and how long a hold waits; valid by construction.

use serde::Serialize;

use super::{DAY, HOUR};

/// The longest loan the service allows (6 weeks); a library may choose shorter.
pub const MAX_LOAN_DAYS: u32 = 42;
/// The longest a freed licence waits for the member it is held for (2 weeks).
pub const MAX_HOLD_HOURS: u32 = 14 * 24;

/// The limits and lengths of lending. The default is the issue's: 2 loans and 2
/// reservations per member, loans of 42 days, holds of 72 hours. Change it with the
/// `with_*` methods, which refuse values outside the allowed range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Policy {
    max_loans: u32,
    max_reservations: u32,
    loan_days: u32,
    hold_hours: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            max_loans: 2,
            max_reservations: 2,
            loan_days: MAX_LOAN_DAYS,
            hold_hours: 72,
        }
    }
}

impl Policy {
    /// At most `n` loans at a time per member; at least 1.
    pub fn with_max_loans(self, n: u32) -> Result<Self, PolicyError> {
        if n == 0 {
            return Err(PolicyError::NoLoans);
        }
        Ok(Policy {
            max_loans: n,
            ..self
        })
    }

    /// At most `n` reservations at a time per member; 0 turns reservations off.
    pub fn with_max_reservations(self, n: u32) -> Self {
        Policy {
            max_reservations: n,
            ..self
        }
    }

    /// Loans last `days` (1 to [`MAX_LOAN_DAYS`]) unless the member chooses shorter.
    pub fn with_loan_days(self, days: u32) -> Result<Self, PolicyError> {
        if days == 0 || days > MAX_LOAN_DAYS {
            return Err(PolicyError::LoanDays { days });
        }
        Ok(Policy {
            loan_days: days,
            ..self
        })
    }

    /// A freed licence waits `hours` (1 to [`MAX_HOLD_HOURS`]) for the member first in line.
    pub fn with_hold_hours(self, hours: u32) -> Result<Self, PolicyError> {
        if hours == 0 || hours > MAX_HOLD_HOURS {
            return Err(PolicyError::HoldHours { hours });
        }
        Ok(Policy {
            hold_hours: hours,
            ..self
        })
    }

    pub fn max_loans(&self) -> u32 {
        self.max_loans
    }

    pub fn max_reservations(&self) -> u32 {
        self.max_reservations
    }

    pub fn loan_days(&self) -> u32 {
        self.loan_days
    }

    pub fn hold_hours(&self) -> u32 {
        self.hold_hours
    }

    /// The length of a hold in seconds.
    pub fn hold_secs(&self) -> i64 {
        i64::from(self.hold_hours) * HOUR
    }

    /// The length of a loan of `days` in seconds.
    pub(super) fn loan_secs(days: u32) -> i64 {
        i64::from(days) * DAY
    }
}

/// A policy value outside what the service allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyError {
    /// A member must be able to borrow at least one book.
    NoLoans,
    /// The loan length is not between 1 and [`MAX_LOAN_DAYS`] days.
    LoanDays { days: u32 },
    /// The hold length is not between 1 and [`MAX_HOLD_HOURS`] hours.
    HoldHours { hours: u32 },
}

impl std::fmt::Display for PolicyError {
    /// English, for logs and API error details.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PolicyError::NoLoans => write!(f, "policy: the loan limit must be at least 1"),
            PolicyError::LoanDays { days } => write!(
                f,
                "policy: a loan of {days} days is outside 1 to {MAX_LOAN_DAYS} days"
            ),
            PolicyError::HoldHours { hours } => write!(
                f,
                "policy: a hold of {hours} hours is outside 1 to {MAX_HOLD_HOURS} hours"
            ),
        }
    }
}

impl std::error::Error for PolicyError {}

#[cfg(feature = "e-reader")]
impl PolicyError {
    /// The message for the back-office, beside the field.
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            PolicyError::NoLoans => Msg::LendPolicyNoLoans,
            PolicyError::LoanDays { .. } => Msg::LendPolicyLoanDays,
            PolicyError::HoldHours { .. } => Msg::LendPolicyHoldHours,
        }
    }
}
