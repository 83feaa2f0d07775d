//! The OCF container as a zip: opened from shared bytes with limits checked against its
//! directory, one entry read at a time (cheaply, from `&self`), and the `mimetype` check.

use std::io::{Cursor, Read};
use std::sync::Arc;

use zip::{CompressionMethod, ZipArchive};

use crate::error::{EpubError, Warning};
use crate::limits::{MAX_ENTRIES, MAX_ENTRY_SIZE, MAX_TOTAL_SIZE};
use crate::path;

/// The EPUB's media type, the whole content of its `mimetype` entry.
pub const EPUB_MEDIA_TYPE: &str = "application/epub+zip";

/// A zip archive over bytes shared with its owner. Cloning is cheap (the bytes and the
/// directory are reference-counted), so a read never needs `&mut`.
#[derive(Clone, Debug)]
pub struct Archive {
    zip: ZipArchive<Cursor<Arc<[u8]>>>,
}

impl Archive {
    /// Opens the zip and checks entry count and unpacked size against the limits, from
    /// the directory alone (nothing is inflated).
    pub fn open(bytes: Arc<[u8]>) -> Result<Self, EpubError> {
        let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| EpubError::NotZip {
            reason: e.to_string(),
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(EpubError::TooManyEntries {
                count: zip.len(),
                max: MAX_ENTRIES,
            });
        }
        let mut total: u64 = 0;
        for index in 0..zip.len() {
            let entry = zip.by_index_raw(index).map_err(|e| EpubError::NotZip {
                reason: format!("entry {index}: {e}"),
            })?;
            if entry.size() > MAX_ENTRY_SIZE {
                return Err(EpubError::EntryTooLarge {
                    entry: entry.name().to_string(),
                    max: MAX_ENTRY_SIZE,
                });
            }
            total = total.saturating_add(entry.size());
        }
        if total > MAX_TOTAL_SIZE {
            return Err(EpubError::TooLarge {
                size: total,
                max: MAX_TOTAL_SIZE,
            });
        }
        Ok(Self { zip })
    }

    /// The entries' names in archive order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.zip.file_names()
    }

    /// Whether the archive has a file by this exact name.
    pub fn contains(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The unpacked bytes of one entry, at most `max` bytes (and never more than its
    /// header declares); the checksum is verified.
    pub fn read(&self, name: &str, max: u64) -> Result<Vec<u8>, EpubError> {
        let mut zip = self.zip.clone();
        let corrupt = |e: &dyn std::fmt::Display| EpubError::EntryCorrupt {
            entry: name.to_string(),
            reason: e.to_string(),
        };
        let entry = match zip.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => {
                return Err(EpubError::EntryMissing {
                    path: name.to_string(),
                });
            }
            Err(e) => return Err(corrupt(&e)),
        };
        let declared = entry.size();
        let limit = declared.min(max);
        let too_large = || EpubError::EntryTooLarge {
            entry: name.to_string(),
            max: limit,
        };
        let capacity = usize::try_from(limit).map_err(|_| too_large())?;
        // The declared size may lie: reserve at most 1 MiB up front, grow as data comes.
        let mut bytes = Vec::with_capacity(capacity.min(1 << 20));
        // One byte more than allowed tells an entry that is too large (or lies about its size).
        entry
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| corrupt(&e))?;
        if bytes.len() > capacity {
            return Err(too_large());
        }
        Ok(bytes)
    }

    /// Reads every entry through to check its data and checksum (an upload's validation).
    pub fn verify_all(&self) -> Result<(), EpubError> {
        let names: Vec<String> = self.names().map(str::to_string).collect();
        for name in names.iter().filter(|n| !n.ends_with('/')) {
            self.read(name, MAX_ENTRY_SIZE)?;
        }
        Ok(())
    }

    /// A resource asked for by a reader: `path` must be a plain path inside the archive.
    pub fn resource(&self, path: &str) -> Result<Vec<u8>, EpubError> {
        let normalized = path::normalize(path).map_err(|_| EpubError::PathEscapes {
            place: crate::error::Place::new("(request)", None),
            href: path.to_string(),
        })?;
        if normalized != path {
            // `a/./b` or `a/../b` would name a file, but a reader asks for the plain path.
            return Err(EpubError::PathEscapes {
                place: crate::error::Place::new("(request)", None),
                href: path.to_string(),
            });
        }
        self.read(path, MAX_ENTRY_SIZE)
    }

    /// Checks the `mimetype` entry: missing or wrong is an error; not first, compressed
    /// or with whitespace around it is a warning (readers open such books).
    pub fn check_mimetype(&self, warnings: &mut Vec<Warning>) -> Result<(), EpubError> {
        let bytes = match self.read("mimetype", 1024) {
            Ok(bytes) => bytes,
            Err(EpubError::EntryMissing { .. }) => return Err(EpubError::MimetypeMissing),
            Err(EpubError::EntryTooLarge { .. }) => {
                return Err(EpubError::MimetypeWrong {
                    found: "(more than 1 KB)".to_string(),
                });
            }
            Err(other) => return Err(other),
        };
        let text = String::from_utf8_lossy(&bytes);
        if text.trim() != EPUB_MEDIA_TYPE {
            return Err(EpubError::MimetypeWrong {
                found: text.chars().take(80).collect(),
            });
        }
        if text != EPUB_MEDIA_TYPE {
            warnings.push(Warning::MimetypeWhitespace);
        }
        if self.zip.name_for_index(0) != Some("mimetype") {
            warnings.push(Warning::MimetypeNotFirst);
        }
        let mut zip = self.zip.clone();
        if let Some(index) = zip.index_for_name("mimetype") {
            let stored = zip
                .by_index_raw(index)
                .is_ok_and(|e| e.compression() == CompressionMethod::Stored);
            if !stored {
                warnings.push(Warning::MimetypeCompressed);
            }
        }
        Ok(())
    }
}
