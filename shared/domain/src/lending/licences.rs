//! How many licences a title has: one per N inhabitants served by the participating
//! libraries (rounded up, within a minimum and an optional maximum), or a number set by
//! hand.

use serde::Serialize;

/// One licence per `per` inhabitants, at least `min` and at most `max` (if set); valid
/// by construction ([`PopulationRule::new`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PopulationRule {
    per: u32,
    min: u32,
    max: Option<u32>,
}

impl PopulationRule {
    /// Refuses `per == 0` and a maximum below the minimum.
    pub fn new(per: u32, min: u32, max: Option<u32>) -> Result<Self, RuleError> {
        if per == 0 {
            return Err(RuleError::NoInhabitants);
        }
        if let Some(max) = max
            && max < min
        {
            return Err(RuleError::MaxBelowMin { min, max });
        }
        Ok(PopulationRule { per, min, max })
    }

    pub fn per(&self) -> u32 {
        self.per
    }

    pub fn min(&self) -> u32 {
        self.min
    }

    pub fn max(&self) -> Option<u32> {
        self.max
    }
}

/// Where a title's licence count comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum LicenceRule {
    /// Follows the population of the participating libraries.
    Population(PopulationRule),
    /// Set by hand by the admin: overrides the population rule.
    ByHand(u32),
}

/// The number of licences `rule` gives for `population_total` inhabitants.
///
/// Rounding is up: every started block of `per` inhabitants earns a licence (10 001
/// inhabitants at one per 5 000 give 3), so no part of the population goes uncounted;
/// then the count is raised to the minimum and lowered to the maximum.
pub fn licences_for(rule: &LicenceRule, population_total: u64) -> u32 {
    match rule {
        LicenceRule::ByHand(n) => *n,
        LicenceRule::Population(rule) => {
            let per = u64::from(rule.per);
            let blocks = population_total.div_ceil(per);
            let count = u32::try_from(blocks).unwrap_or(u32::MAX).max(rule.min);
            match rule.max {
                Some(max) => count.min(max),
                None => count,
            }
        }
    }
}

/// A population rule the admin cannot save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleError {
    /// One licence per 0 inhabitants.
    NoInhabitants,
    /// The maximum is below the minimum.
    MaxBelowMin { min: u32, max: u32 },
}

impl std::fmt::Display for RuleError {
    /// English, for logs and API error details.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuleError::NoInhabitants => {
                write!(
                    f,
                    "licence rule: inhabitants per licence must be at least 1"
                )
            }
            RuleError::MaxBelowMin { min, max } => write!(
                f,
                "licence rule: the maximum {max} is below the minimum {min}"
            ),
        }
    }
}

impl std::error::Error for RuleError {}

#[cfg(feature = "e-reader")]
impl RuleError {
    /// The message for the back-office, beside the field.
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            RuleError::NoInhabitants => Msg::LendRuleNoInhabitants,
            RuleError::MaxBelowMin { .. } => Msg::LendRuleMaxBelowMin,
        }
    }
}
