//! The package document (OPF): metadata, manifest, spine and rendition properties, with
//! every href resolved to a full path inside the archive.

use crate::error::{EpubError, Place, Warning};
use crate::path::{self, Target};
use crate::xml::{self, Element};

/// The EPUB major version the package declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// `version="2.0"` (OPF 2, table of contents in an NCX).
    Epub2,
    /// `version="3.x"` (table of contents in a navigation document).
    Epub3,
}

/// A text direction (`dir` of a title, `page-progression-direction` of the spine).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Hebrew; manga and vertical Japanese for page progression).
    Rtl,
    /// Not set: the reader decides (from the language or the content).
    Default,
}

/// `rendition:layout`: reflowable text or fixed pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The default: text reflows to the screen.
    Reflowable,
    /// Fixed layout: each spine item is a page of set size.
    PrePaginated,
}

/// `rendition:flow`: how the author wants overflowing content shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// The default: the reader or the user chooses.
    Auto,
    /// Dynamically paginated.
    Paginated,
    /// One continuous scroll over all documents.
    ScrolledContinuous,
    /// Each document scrolled on its own.
    ScrolledDoc,
}

/// The publication's descriptive metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    /// Every `dc:title` in document order; the first is the title.
    pub titles: Vec<String>,
    /// The `dir` of the first title (or of the package), for showing it with bidi control.
    pub title_direction: Direction,
    /// Every `dc:creator` in document order.
    pub creators: Vec<String>,
    /// The first `dc:language`.
    pub language: Option<String>,
    /// The unique identifier (`dc:identifier` named by `unique-identifier`, else the first).
    pub identifier: Option<String>,
}

impl Metadata {
    /// The title: the first `dc:title`, if there is one.
    pub fn title(&self) -> Option<&str> {
        self.titles.first().map(String::as_str)
    }
}

/// One manifest item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestItem {
    pub id: String,
    /// The full path inside the archive (decoded), or the URL of a remote resource.
    pub path: String,
    /// Whether `path` is a remote URL rather than a file in the archive.
    pub remote: bool,
    pub media_type: String,
    /// The `properties` tokens (`nav`, `cover-image`, `scripted`, unknown ones kept).
    pub properties: Vec<String>,
    /// The id of the fallback item, if any.
    pub fallback: Option<String>,
}

impl ManifestItem {
    /// Whether the item has this property token.
    pub fn has_property(&self, property: &str) -> bool {
        self.properties.iter().any(|p| p == property)
    }
}

/// One spine entry, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpineItem {
    /// The manifest id it reads.
    pub idref: String,
    /// False for `linear="no"` (reached by links only, such as a cover page or notes).
    pub linear: bool,
    /// The `properties` tokens (`page-spread-left`, unknown ones kept).
    pub properties: Vec<String>,
}

/// A parsed package document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The package document's full path inside the archive.
    pub path: String,
    pub version: Version,
    pub metadata: Metadata,
    pub manifest: Vec<ManifestItem>,
    pub spine: Vec<SpineItem>,
    pub page_progression: Direction,
    pub layout: Layout,
    pub flow: Flow,
    /// The id the spine's `toc` attribute names (the NCX), if any.
    pub spine_toc: Option<String>,
    /// The id `<meta name="cover" content="...">` names (EPUB 2), if any.
    pub cover_meta: Option<String>,
}

impl Package {
    /// The manifest item with this id.
    pub fn item(&self, id: &str) -> Option<&ManifestItem> {
        self.manifest.iter().find(|item| item.id == id)
    }
}

/// Parses the package document at `path`; `exists` tells whether the archive has a file
/// (every local manifest item must be there).
pub(crate) fn parse(
    path: &str,
    text: &str,
    exists: &dyn Fn(&str) -> bool,
    warnings: &mut Vec<Warning>,
) -> Result<Package, EpubError> {
    let root = xml::parse(path, text)?;
    let place = |line| Place::new(path, Some(line));
    if root.name != "package" {
        return Err(EpubError::WrongRoot {
            place: place(root.line),
            found: root.name.clone(),
            expected: "package",
        });
    }
    let version_text = root.attr("version").unwrap_or("").trim();
    let version = match version_text.chars().next() {
        Some('2') => Version::Epub2,
        Some('3') => Version::Epub3,
        _ => {
            return Err(EpubError::UnsupportedVersion {
                place: place(root.line),
                found: version_text.to_string(),
            });
        }
    };
    let missing = |element| EpubError::MissingElement {
        place: place(root.line),
        element,
    };
    let metadata_element = root.child("metadata").ok_or(missing("metadata"))?;
    let manifest_element = root.child("manifest").ok_or(missing("manifest"))?;
    let spine_element = root.child("spine").ok_or(missing("spine"))?;
    let metadata = metadata(&root, metadata_element);
    let manifest = manifest(path, manifest_element, exists, warnings)?;
    let spine = spine(path, spine_element, &manifest)?;
    let meta_property = |name: &str| {
        metadata_element
            .elements()
            .filter(|e| e.name == "meta" && e.attr("refines").is_none())
            .find(|e| e.attr("property") == Some(name))
            .map(|e| e.text())
    };
    let layout = match meta_property("rendition:layout").as_deref() {
        Some("pre-paginated") => Layout::PrePaginated,
        _ => Layout::Reflowable,
    };
    let flow = match meta_property("rendition:flow").as_deref() {
        Some("paginated") => Flow::Paginated,
        Some("scrolled-continuous") => Flow::ScrolledContinuous,
        Some("scrolled-doc") => Flow::ScrolledDoc,
        _ => Flow::Auto,
    };
    let cover_meta = metadata_element
        .elements()
        .find(|e| e.name == "meta" && e.attr("name") == Some("cover"))
        .and_then(|e| e.attr("content"))
        .map(|id| id.trim().to_string());
    Ok(Package {
        path: path.to_string(),
        version,
        metadata,
        manifest,
        spine,
        page_progression: direction(spine_element.attr("page-progression-direction")),
        layout,
        flow,
        spine_toc: spine_element.attr("toc").map(|id| id.trim().to_string()),
        cover_meta,
    })
}

fn direction(value: Option<&str>) -> Direction {
    match value.map(str::trim) {
        Some("rtl") => Direction::Rtl,
        Some("ltr") => Direction::Ltr,
        _ => Direction::Default,
    }
}

fn metadata(package: &Element, metadata: &Element) -> Metadata {
    let all = |name: &str| -> Vec<&Element> {
        metadata
            .elements()
            .filter(|e| e.name == name)
            .filter(|e| !e.text().is_empty())
            .collect()
    };
    let titles = all("title");
    let title_direction = match titles.first().and_then(|t| t.attr("dir")) {
        Some(dir) => direction(Some(dir)),
        None => direction(package.attr("dir")),
    };
    let identifiers = all("identifier");
    let unique = package.attr("unique-identifier");
    let identifier = identifiers
        .iter()
        .find(|e| unique.is_some() && e.attr("id") == unique)
        .or(identifiers.first())
        .map(|e| e.text());
    Metadata {
        titles: titles.iter().map(|e| e.text()).collect(),
        title_direction,
        creators: all("creator").iter().map(|e| e.text()).collect(),
        language: all("language").first().map(|e| e.text()),
        identifier,
    }
}

fn tokens(value: Option<&str>) -> Vec<String> {
    value
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

fn manifest(
    path: &str,
    manifest: &Element,
    exists: &dyn Fn(&str) -> bool,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<ManifestItem>, EpubError> {
    let mut items: Vec<ManifestItem> = Vec::new();
    for element in manifest.elements().filter(|e| e.name == "item") {
        let id = element.attr("id").unwrap_or("").trim().to_string();
        let href = element.attr("href").unwrap_or("");
        let (resolved, remote) = match path::resolve(path, href) {
            Ok(Target::Local { path, .. }) => (path, false),
            Ok(Target::Remote(url)) => (url, true),
            Err(path::Escapes) => {
                return Err(EpubError::PathEscapes {
                    place: Place::new(path, Some(element.line)),
                    href: href.to_string(),
                });
            }
        };
        if !remote && !exists(&resolved) {
            return Err(EpubError::ManifestHrefMissing {
                place: Place::new(path, Some(element.line)),
                id,
                path: resolved,
            });
        }
        if items.iter().any(|item| item.id == id) {
            warnings.push(Warning::DuplicateManifestId { id });
            continue;
        }
        items.push(ManifestItem {
            id,
            path: resolved,
            remote,
            media_type: element.attr("media-type").unwrap_or("").trim().to_string(),
            properties: tokens(element.attr("properties")),
            fallback: element.attr("fallback").map(|f| f.trim().to_string()),
        });
    }
    for item in &items {
        if let Some(fallback) = &item.fallback
            && !items.iter().any(|other| &other.id == fallback)
        {
            warnings.push(Warning::FallbackUnknown {
                id: item.id.clone(),
                fallback: fallback.clone(),
            });
        }
    }
    Ok(items)
}

fn spine(
    path: &str,
    spine: &Element,
    manifest: &[ManifestItem],
) -> Result<Vec<SpineItem>, EpubError> {
    let mut items = Vec::new();
    for element in spine.elements().filter(|e| e.name == "itemref") {
        let idref = element.attr("idref").unwrap_or("").trim().to_string();
        if !manifest.iter().any(|item| item.id == idref) {
            return Err(EpubError::SpineIdrefUnknown {
                place: Place::new(path, Some(element.line)),
                idref,
            });
        }
        items.push(SpineItem {
            idref,
            linear: element.attr("linear").map(str::trim) != Some("no"),
            properties: tokens(element.attr("properties")),
        });
    }
    if items.is_empty() {
        return Err(EpubError::EmptySpine {
            place: Place::new(path, Some(spine.line)),
        });
    }
    Ok(items)
}
