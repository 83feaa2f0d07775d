//! Limits against zip bombs and runaway documents: what an upload may unpack to.
//!
//! The largest sample book (`accessible_epub_3`) is 4 MB zipped and about 5 MB unpacked;
//! the limits leave a wide margin for illustrated books and still refuse a bomb before it
//! is inflated: sizes are checked against the zip's directory first, and every read stops
//! at the declared size (an entry that inflates to more than it declares is refused).

/// Most entries an archive may have (a novel has tens, a big illustrated book hundreds).
pub const MAX_ENTRIES: usize = 10_000;
/// Most bytes all entries may unpack to together: 150 MiB.
pub const MAX_TOTAL_SIZE: u64 = 150 * 1024 * 1024;
/// Most bytes one entry may unpack to: 64 MiB (an audio or video resource).
pub const MAX_ENTRY_SIZE: u64 = 64 * 1024 * 1024;
/// Most bytes one XML document that is parsed here (container, package, nav, NCX, a
/// chapter for search) may have: 8 MiB.
pub const MAX_XML_SIZE: u64 = 8 * 1024 * 1024;
/// Deepest nesting of elements in a parsed XML document.
pub const MAX_XML_DEPTH: usize = 256;
/// Most search hits returned for one query.
pub const MAX_SEARCH_HITS: usize = 500;
