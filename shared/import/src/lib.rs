//! Parsers of outside data into the domain types.
//!
//! Pure: no IO, no network, no async. Callers (the server's importers) fetch or read the
//! data and hand it in as strings; parsers never panic and report what they could not read.

#![warn(missing_docs)]

pub mod bibster;
pub mod catalogue;
pub mod events;
pub mod pictures;
mod rng;
