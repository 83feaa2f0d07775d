//! The Cultuurconnect catalogue API (AquaBrowser XML): typed, total parsers of its
//! `/search/`, `/details/`, `/availability/` and `/holdings/` responses and of its error
//! bodies, the age a title is for, the Bieblo snapshot built from them, the searches
//! that find candidates for the themes, and a generated demo catalogue in the same format.
//!
//! Nothing here does IO: callers hand in response bodies as strings. No input makes a
//! parser panic; anything unreadable is a [`CatalogueError`] saying where and why.

mod age;
mod availability;
mod demo;
mod demo_words;
mod demo_xml;
mod details;
mod error;
mod holdings;
mod queries;
mod record;
mod search;
mod snapshot;
mod xml;

pub use age::{ADULTS, age_range, audience_age, reading_level_age};
pub use availability::{
    Availability, AvailabilityItem, AvailabilityNode, Edition, MAX_COPIES_PER_ITEM, copy_of,
    parse_availability, parse_availability_json, split_sub_location,
};
pub use demo::{DEMO_MARKER, DemoCatalogue, generate_demo_catalogue};
pub use details::{parse_details, parse_details_json};
pub use error::{ApiError, CatalogueError, parse_error};
pub use holdings::{Address, Branch, branches_of, parse_holdings};
pub use queries::{CHILDREN_FILTER, theme_queries};
pub use record::{Award, CatalogueRecord, CodedTerm, Contributor, Series, Subject, SubjectKind};
pub use search::{SearchPage, parse_search, parse_search_json};
pub use snapshot::{KIOSK_AGES, SkipReason, age_bands, build_snapshot, candidate, match_themes};
