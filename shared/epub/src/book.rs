//! An opened EPUB: the container read, the first package parsed, the table of contents
//! found, the cover named; its resources read one at a time from the kept bytes.

use std::sync::Arc;

use crate::archive::Archive;
use crate::error::{EpubError, Place, Warning};
use crate::limits::{MAX_ENTRY_SIZE, MAX_XML_SIZE};
use crate::nav::{self, Navigation, TocEntry};
use crate::package::{self, ManifestItem, Package, Version};
use crate::path;
use crate::xml::{self, Element};

const CONTAINER: &str = "META-INF/container.xml";
const PACKAGE_MEDIA_TYPE: &str = "application/oebps-package+xml";
const NCX_MEDIA_TYPE: &str = "application/x-dtbncx+xml";
/// The media types every reading system shows, at the end of a fallback chain.
const CORE_DOCUMENT_TYPES: [&str; 2] = ["application/xhtml+xml", "image/svg+xml"];

/// An EPUB that opened: its package, navigation, warnings and its bytes for reading
/// resources. Cloning is cheap (the bytes are shared).
#[derive(Debug, Clone)]
pub struct Book {
    archive: Archive,
    /// The first package document of the container.
    pub package: Package,
    /// The table of contents (and landmarks, page list) from the nav document or the NCX.
    pub navigation: Navigation,
    /// The manifest id of the document the navigation came from.
    pub navigation_source: String,
    /// Things a reader can live with, for the upload report.
    pub warnings: Vec<Warning>,
}

impl Book {
    /// Opens and validates an EPUB from its bytes (as on upload): the zip and its limits,
    /// the `mimetype`, no DRM (`encryption.xml` beyond font obfuscation), the container,
    /// the first package document, every manifest file present, the spine, the nav
    /// document or NCX, and every entry's checksum.
    pub fn open(bytes: impl Into<Arc<[u8]>>) -> Result<Self, EpubError> {
        let book = Self::reopen(bytes)?;
        book.archive.verify_all()?;
        Ok(book)
    }

    /// Opens bytes that [`Book::open`] accepted before (a stored book): the same parse,
    /// without reading every entry through, so serving a resource stays cheap.
    pub fn reopen(bytes: impl Into<Arc<[u8]>>) -> Result<Self, EpubError> {
        let archive = Archive::open(bytes.into())?;
        let mut warnings = Vec::new();
        archive.check_mimetype(&mut warnings)?;
        crate::encryption::check(&archive)?;
        let package_path = rootfile(&archive, &mut warnings)?;
        let package_text = read_text(&archive, &package_path).map_err(|e| match e {
            EpubError::EntryMissing { path } => EpubError::PackageMissing { path },
            other => other,
        })?;
        let exists = |name: &str| archive.contains(name);
        let package = package::parse(&package_path, &package_text, &exists, &mut warnings)?;
        let (navigation, navigation_source) = navigation(&archive, &package, &mut warnings)?;
        if let Some(id) = &package.cover_meta
            && package.item(id).is_none()
            && cover_image(&package).is_none()
        {
            warnings.push(Warning::CoverIdUnknown { id: id.clone() });
        }
        let mut navigation = navigation;
        if navigation.toc.is_empty() {
            warnings.push(Warning::EmptyToc);
        }
        let nav_path = package.item(&navigation_source).map(|i| i.path.clone());
        let nav_folder = path::folder_of(nav_path.as_deref().unwrap_or("")).to_string();
        for entry in navigation.toc.iter_mut() {
            check_targets(entry, &archive, &nav_folder, &package.path, &mut warnings);
        }
        Ok(Self {
            archive,
            package,
            navigation,
            navigation_source,
            warnings,
        })
    }

    /// The title (the first `dc:title`).
    pub fn title(&self) -> Option<&str> {
        self.package.metadata.title()
    }

    /// The cover image: the item with the `cover-image` property (EPUB 3), else the item
    /// `<meta name="cover">` names (EPUB 2).
    pub fn cover(&self) -> Option<&ManifestItem> {
        cover_image(&self.package).or_else(|| {
            let id = self.package.cover_meta.as_deref()?;
            self.package.item(id)
        })
    }

    /// The manifest item of each spine entry, in reading order.
    pub fn spine_items(&self) -> Vec<&ManifestItem> {
        let items = self.package.spine.iter();
        items.filter_map(|s| self.package.item(&s.idref)).collect()
    }

    /// What to show for spine entry `index`: the item itself when it is XHTML or SVG, else
    /// the first of its fallback chain that is (a JSON chapter falls back to XHTML).
    pub fn displayed_item(&self, index: usize) -> Option<&ManifestItem> {
        let first = self.package.item(&self.package.spine.get(index)?.idref)?;
        let mut item = first;
        for _ in 0..self.package.manifest.len() {
            if CORE_DOCUMENT_TYPES.contains(&item.media_type.as_str()) {
                return Some(item);
            }
            match item
                .fallback
                .as_deref()
                .and_then(|id| self.package.item(id))
            {
                Some(next) => item = next,
                None => break,
            }
        }
        Some(first)
    }

    /// The manifest item stored at this full path, for its media type.
    pub fn item_at(&self, path: &str) -> Option<&ManifestItem> {
        let items = self.package.manifest.iter();
        items.filter(|i| !i.remote).find(|i| i.path == path)
    }

    /// The bytes of one resource by its full path in the archive (as in
    /// [`ManifestItem::path`]); `..`, absolute and unknown paths are errors.
    pub fn resource(&self, path: &str) -> Result<Vec<u8>, EpubError> {
        self.archive.resource(path)
    }

    /// One entry's bytes by its exact name, at most `max` (copies of the book).
    pub(crate) fn archive_read(&self, name: &str, max: u64) -> Result<Vec<u8>, EpubError> {
        self.archive.read(name, max)
    }

    /// The entries of the archive, in archive order.
    pub fn entries(&self) -> impl Iterator<Item = &str> {
        self.archive.names()
    }
}

/// Warns about table of contents links to missing files, and repairs those that were
/// written relative to the package document instead of the nav document.
fn check_targets(
    entry: &mut TocEntry,
    archive: &Archive,
    nav_folder: &str,
    package_path: &str,
    warnings: &mut Vec<Warning>,
) {
    if let Some(target) = entry.path.clone().filter(|t| !archive.contains(t)) {
        let written = target.strip_prefix(nav_folder).unwrap_or(&target);
        let repaired = format!("{}{written}", path::folder_of(package_path));
        if !nav_folder.is_empty() && archive.contains(&repaired) {
            warnings.push(Warning::TocTargetRepaired {
                written: written.to_string(),
                path: repaired.clone(),
            });
            entry.path = Some(repaired);
        } else {
            warnings.push(Warning::TocTargetMissing {
                label: entry.label.clone(),
                path: target,
            });
        }
    }
    for child in &mut entry.children {
        check_targets(child, archive, nav_folder, package_path, warnings);
    }
}

fn cover_image(package: &Package) -> Option<&ManifestItem> {
    let mut items = package.manifest.iter();
    items.find(|item| item.has_property("cover-image"))
}

/// Reads an XML document of the book as text, within [`MAX_XML_SIZE`].
pub(crate) fn read_text(archive: &Archive, path: &str) -> Result<String, EpubError> {
    let bytes = archive.read(path, MAX_XML_SIZE.min(MAX_ENTRY_SIZE))?;
    xml::decode(path, &bytes)
}

/// The full path of the first package document `container.xml` names.
fn rootfile(archive: &Archive, warnings: &mut Vec<Warning>) -> Result<String, EpubError> {
    let text = read_text(archive, CONTAINER).map_err(|e| match e {
        EpubError::EntryMissing { .. } => EpubError::ContainerMissing,
        other => other,
    })?;
    let root = xml::parse(CONTAINER, &text)?;
    if root.name != "container" {
        return Err(EpubError::WrongRoot {
            place: Place::new(CONTAINER, Some(root.line)),
            found: root.name.clone(),
            expected: "container",
        });
    }
    let mut rootfiles = Vec::new();
    collect(&root, "rootfile", &mut rootfiles);
    let packages: Vec<&Element> = rootfiles
        .into_iter()
        .filter(|r| r.attr("full-path").is_some_and(|p| !p.trim().is_empty()))
        .filter(|r| {
            r.attr("media-type")
                .is_none_or(|t| t.trim() == PACKAGE_MEDIA_TYPE)
        })
        .collect();
    let first = packages.first().ok_or(EpubError::RootfileMissing)?;
    if packages.len() > 1 {
        warnings.push(Warning::SeveralPackages {
            count: packages.len(),
        });
    }
    let href = first.attr("full-path").unwrap_or("").trim();
    path::normalize(&path::percent_decode(href)).map_err(|_| EpubError::PathEscapes {
        place: Place::new(CONTAINER, Some(first.line)),
        href: href.to_string(),
    })
}

fn collect<'a>(element: &'a Element, name: &str, out: &mut Vec<&'a Element>) {
    for child in element.elements() {
        if child.name == name {
            out.push(child);
        }
        collect(child, name, out);
    }
}

/// The navigation from the nav document (EPUB 3), else from the NCX, and its item's id.
fn navigation(
    archive: &Archive,
    package: &Package,
    warnings: &mut Vec<Warning>,
) -> Result<(Navigation, String), EpubError> {
    let local = |item: &&ManifestItem| !item.remote;
    let nav_item = package
        .manifest
        .iter()
        .filter(local)
        .find(|item| item.has_property("nav"));
    if let Some(item) = nav_item {
        let text = read_text(archive, &item.path)?;
        return Ok((nav::parse_nav(&item.path, &text)?, item.id.clone()));
    }
    let ncx_item = package
        .spine_toc
        .as_deref()
        .and_then(|id| package.item(id))
        .filter(local)
        .or_else(|| {
            let mut items = package.manifest.iter().filter(local);
            items.find(|item| item.media_type == NCX_MEDIA_TYPE)
        });
    match ncx_item {
        Some(item) => {
            if package.version == Version::Epub3 {
                warnings.push(Warning::NcxInsteadOfNav);
            }
            let text = read_text(archive, &item.path)?;
            Ok((nav::parse_ncx(&item.path, &text)?, item.id.clone()))
        }
        None => Err(EpubError::NoNavigation {
            place: Place::new(&package.path, None),
        }),
    }
}
