//! Bieblo: reading tips for children of 6-11 at the library kiosk. The themes children
//! swipe, the per-library snapshot the kiosk reads, and the recommender that picks the
//! shelf of eight books.

pub mod kiosk;
pub mod kiosk_health;
pub mod recommend;
pub mod snapshot;
#[cfg(feature = "bieblo")]
pub mod theme_edit;
pub mod themes;

pub use recommend::{Pick, Reason, Request, SHELF_SIZE, Shelf, recommend_shelf};
pub use snapshot::{AgeBand, Snapshot, SnapshotBook};
pub use themes::{Theme, ThemeId, default_themes};
