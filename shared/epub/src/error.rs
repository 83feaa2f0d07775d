//! What can be wrong with an EPUB: errors that refuse the file (each naming the problem and
//! the place) and warnings a reader can live with.

use thiserror::Error;

/// Where in an XML document a problem is: the zip entry and, when known, the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The entry's full path inside the zip, such as `OPS/package.opf`.
    pub entry: String,
    /// The 1-based line, when the parser knows it.
    pub line: Option<usize>,
}

impl Place {
    /// A place in `entry` at `line`.
    pub fn new(entry: &str, line: Option<usize>) -> Self {
        Self {
            entry: entry.to_string(),
            line,
        }
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}, line {line}", self.entry),
            None => write!(f, "{}", self.entry),
        }
    }
}

/// Why a file is not an EPUB this crate accepts, or why a resource cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EpubError {
    /// The bytes are not a zip archive (or its directory is damaged or cut off).
    #[error("not a zip archive: {reason}")]
    NotZip { reason: String },
    /// More entries than [`crate::limits::MAX_ENTRIES`].
    #[error("the archive has {count} entries, more than the {max} allowed")]
    TooManyEntries { count: usize, max: usize },
    /// The entries would unpack to more than [`crate::limits::MAX_TOTAL_SIZE`] bytes.
    #[error("the archive unpacks to {size} bytes, more than the {max} allowed")]
    TooLarge { size: u64, max: u64 },
    /// One entry is larger than its limit (or than the size its header declares).
    #[error("entry {entry} is larger than {max} bytes")]
    EntryTooLarge { entry: String, max: u64 },
    /// An entry cannot be read: damaged data, wrong checksum, unsupported compression.
    #[error("entry {entry} cannot be read: {reason}")]
    EntryCorrupt { entry: String, reason: String },
    /// There is no `mimetype` entry.
    #[error("the mimetype entry is missing (an EPUB starts with one saying application/epub+zip)")]
    MimetypeMissing,
    /// The `mimetype` entry says something else than `application/epub+zip`.
    #[error("the mimetype entry says {found:?}, not application/epub+zip")]
    MimetypeWrong { found: String },
    /// There is no `META-INF/container.xml`.
    #[error("META-INF/container.xml is missing")]
    ContainerMissing,
    /// `container.xml` names no package document.
    #[error("META-INF/container.xml names no package document (no rootfile with a full-path)")]
    RootfileMissing,
    /// The package document the container names is not in the zip.
    #[error("the package document {path} named in META-INF/container.xml is not in the archive")]
    PackageMissing { path: String },
    /// An XML document (container, package, nav, NCX) is not well-formed.
    #[error("{place} is not well-formed XML: {reason}")]
    Xml { place: Place, reason: String },
    /// A document is neither UTF-8 nor UTF-16.
    #[error("{entry} is not UTF-8 or UTF-16 text")]
    NotText { entry: String },
    /// The document's root element is not what it must be.
    #[error("{place}: the root element is <{found}>, expected <{expected}>")]
    WrongRoot {
        place: Place,
        found: String,
        expected: &'static str,
    },
    /// The package's `version` is not 2.x or 3.x.
    #[error("{place}: package version {found:?} is not EPUB 2 or 3")]
    UnsupportedVersion { place: Place, found: String },
    /// The package document has no `<spine>` (or no `<manifest>`, named in `element`).
    #[error("{place}: the package document has no <{element}>")]
    MissingElement { place: Place, element: &'static str },
    /// The spine lists nothing to read.
    #[error("{place}: the spine is empty")]
    EmptySpine { place: Place },
    /// A spine `itemref` points at an id the manifest does not have.
    #[error("{place}: the spine refers to {idref:?}, which is not in the manifest")]
    SpineIdrefUnknown { place: Place, idref: String },
    /// A manifest item's file is not in the zip.
    #[error("{place}: manifest item {id:?} points at {path}, which is not in the archive")]
    ManifestHrefMissing {
        place: Place,
        id: String,
        path: String,
    },
    /// A reference (manifest href, resource path) leaves the archive: `..` past its root,
    /// an absolute path, or an empty one.
    #[error("{place}: {href:?} points outside the archive")]
    PathEscapes { place: Place, href: String },
    /// Neither an EPUB 3 navigation document nor an EPUB 2 NCX.
    #[error("{place}: no table of contents (no manifest item with properties=\"nav\" and no NCX)")]
    NoNavigation { place: Place },
    /// A resource is encrypted with something else than font obfuscation (DRM).
    #[error("{place}: {resource} is encrypted (DRM); only books without DRM can be lent here")]
    Encrypted { place: Place, resource: String },
    /// A resource asked for is not in the archive.
    #[error("{path} is not in the archive")]
    EntryMissing { path: String },
}

/// Something a reader can live with, reported on upload beside the book.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Warning {
    /// `mimetype` is not the first entry of the zip.
    #[error("the mimetype entry is not the first in the archive")]
    MimetypeNotFirst,
    /// `mimetype` is compressed instead of stored.
    #[error("the mimetype entry is compressed (it should be stored)")]
    MimetypeCompressed,
    /// `mimetype` has whitespace or a line break around `application/epub+zip`.
    #[error("the mimetype entry has whitespace around application/epub+zip")]
    MimetypeWhitespace,
    /// `container.xml` lists more than one package; the first is used.
    #[error("META-INF/container.xml lists {count} packages; the first is used")]
    SeveralPackages { count: usize },
    /// An EPUB 3 without a navigation document: its NCX is used.
    #[error("no EPUB 3 navigation document; the EPUB 2 NCX is used")]
    NcxInsteadOfNav,
    /// The cover named by `<meta name="cover">` is not a manifest item.
    #[error("the cover meta names {id:?}, which is not in the manifest")]
    CoverIdUnknown { id: String },
    /// Two manifest items have the same id; the first is used.
    #[error("manifest id {id:?} is used twice; the first is kept")]
    DuplicateManifestId { id: String },
    /// The table of contents has no entries (the reader lists the spine instead).
    #[error("the table of contents is empty")]
    EmptyToc,
    /// A table of contents entry points at a file that is not in the archive.
    #[error("the table of contents entry {label:?} points at {path}, which is not in the archive")]
    TocTargetMissing { label: String, path: String },
    /// A table of contents link resolved against the nav document's folder is missing but
    /// exists relative to the package document (a common authoring mistake): that is used.
    #[error(
        "the table of contents link to {written} is read relative to the package document: {path}"
    )]
    TocTargetRepaired { written: String, path: String },
    /// A manifest item's fallback id is not in the manifest.
    #[error("manifest item {id:?} falls back to {fallback:?}, which is not in the manifest")]
    FallbackUnknown { id: String, fallback: String },
}
