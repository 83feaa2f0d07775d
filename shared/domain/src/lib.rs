//! Pure domain types and rules shared by every app of the suite and by the server.
//!
//! Architecture invariant: this crate has no browser types, no IO and no async;
//! it compiles and tests natively and for wasm32.

pub mod api;
pub mod apps;
pub mod bibster;
pub mod bieblo;
pub mod catalog;
pub mod chart;
pub mod csv;
pub mod culture;
pub mod date;
pub mod ereader;
pub mod figures;
pub mod i18n;
pub mod import;
pub mod lending;
pub mod org;
pub mod service;
#[cfg(feature = "voor-de-show")]
pub mod show;
pub mod validation;
