//! Bieblo: reading tips for children of 6-11 at the library kiosk. The themes children
//! swipe, the per-library snapshot the kiosk reads, and the recommender that picks the
//! shelf of eight books.

pub mod snapshot;
pub mod themes;

pub use snapshot::{AgeBand, Snapshot, SnapshotBook};
pub use themes::{Theme, ThemeId, default_themes};
