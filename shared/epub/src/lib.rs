//! The EPUB reader's core, pure Rust: opens and validates an EPUB 2 or 3 from its bytes
//! (container, package, spine, nav or NCX, cover), serves its resources one at a time,
//! and searches its text. No IO: the server hands in the file's bytes.
//!
//! ```text
//! bytes ─► Archive (zip, limits, mimetype) ─► container.xml ─► first package (OPF)
//!        ─► Package (metadata, manifest, spine) ─► Navigation (nav document or NCX) ─► Book
//! ```
//!
//! [`Book::open`] is the upload's validation (it reads every entry once, checking sizes
//! and checksums); [`Book::reopen`] parses stored bytes again without that pass, and
//! [`Book::resource`] reads one entry per request from the shared bytes.

mod archive;
mod book;
mod css;
mod encryption;
mod error;
pub mod limits;
mod messages;
mod nav;
mod notice;
mod package;
mod path;
mod text;
mod xml;

pub use archive::{Archive, EPUB_MEDIA_TYPE};
pub use book::Book;
pub use css::{unprefix_css, unprefix_markup, unprefixed};
pub use error::{EpubError, Place, Warning};
pub use nav::{Navigation, TocEntry};
pub use notice::NoticePage;
pub use package::{Direction, Flow, Layout, ManifestItem, Metadata, Package, SpineItem, Version};
pub use text::{Hit, find_all, search, text_length, text_of_xhtml};
