//! The per-library snapshot the kiosk reads (`/data/bieblo/<library-id>.json`): books
//! with their themes, ages and where each copy stands, built by the importer.

use serde::{Deserialize, Serialize};

use super::themes::{Theme, ThemeId};
use crate::catalog::{AgeRange, Copy};

/// The age groups a child picks from by picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    SixSeven,
    EightNine,
    TenEleven,
}

impl AgeBand {
    pub const ALL: [AgeBand; 3] = [AgeBand::SixSeven, AgeBand::EightNine, AgeBand::TenEleven];

    /// The ages in the band.
    pub fn range(self) -> AgeRange {
        let (min, max) = match self {
            AgeBand::SixSeven => (6, 7),
            AgeBand::EightNine => (8, 9),
            AgeBand::TenEleven => (10, 11),
        };
        AgeRange { min, max }
    }
}

/// A book as the kiosk needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotBook {
    pub id: String,
    pub title: String,
    pub authors: Vec<String>,
    /// Our own server's URL of the cover, when the importer could fetch it; the kiosk
    /// draws a cover with the title otherwise.
    pub cover: Option<String>,
    pub ages: AgeRange,
    pub themes: Vec<ThemeId>,
    pub series: Option<String>,
    pub year: Option<u16>,
    pub copies: Vec<Copy>,
}

/// Everything the kiosk of one library needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub library: String,
    /// When the snapshot was built (RFC 3339).
    pub generated_at: String,
    /// Marks a snapshot built from generated demo data with invented titles.
    pub demo: bool,
    pub themes: Vec<Theme>,
    pub books: Vec<SnapshotBook>,
}
