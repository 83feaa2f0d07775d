//! Helpers shared by the test files: the repository's EPUB fixtures and a builder of
//! small EPUBs in memory.
#![allow(dead_code)] // Each test binary uses its own part of the helpers.

use std::io::{Cursor, Write};
use std::path::PathBuf;

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

/// `tests/fixtures/epub` of the repository (never `../shared`).
pub(crate) fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/epub")
}

/// The bytes of one fixture, by its path under `tests/fixtures/epub`.
pub(crate) fn fixture(name: &str) -> Vec<u8> {
    let path = fixtures().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every `.epub` fixture as (path under `tests/fixtures/epub`, bytes), sorted.
pub(crate) fn all_fixtures() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for folder in ["books", "w3c-epub-tests", "thorium-rare-epubs", "epubcheck"] {
        let entries = std::fs::read_dir(fixtures().join(folder)).expect("fixture folder");
        for entry in entries {
            let name = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            if name.ends_with(".epub") {
                let path = format!("{folder}/{name}");
                out.push((path.clone(), fixture(&path)));
            }
        }
    }
    out.sort();
    assert!(out.len() >= 40, "only {} fixtures found", out.len());
    out
}

/// A zip of these entries in this order; the `mimetype` entry stored, the others deflated.
pub(crate) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        let method = if *name == "mimetype" {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default().compression_method(method);
        writer.start_file(*name, options).expect("start entry");
        writer.write_all(bytes).expect("write entry");
    }
    writer.finish().expect("finish zip").into_inner()
}

pub(crate) const CONTAINER: &str = r#"<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OPS/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"#;

pub(crate) const PACKAGE: &str = r#"<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:test:1</dc:identifier>
    <dc:title>De kat</dc:title>
    <dc:language>nl</dc:language>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c1" href="text/c1.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine><itemref idref="c1"/></spine>
</package>"#;

pub(crate) const NAV: &str = r#"<?xml version="1.0"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Inhoud</title></head>
<body><nav epub:type="toc"><ol><li><a href="text/c1.xhtml">Hoofdstuk één</a></li></ol></nav></body></html>"#;

pub(crate) const CHAPTER: &str = r#"<?xml version="1.0"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Een</title></head>
<body><p>De kat zat op de mat. Café, één, ÉÉN en een.</p></body></html>"#;

/// The entries of a small valid EPUB 3.
fn small_entries() -> Vec<(&'static str, &'static [u8])> {
    vec![
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("OPS/package.opf", PACKAGE.as_bytes()),
        ("OPS/nav.xhtml", NAV.as_bytes()),
        ("OPS/text/c1.xhtml", CHAPTER.as_bytes()),
    ]
}

/// A small valid EPUB 3, with `replace` swapping entries (by name) or adding them.
pub(crate) fn small_epub(replace: &[(&str, &[u8])]) -> Vec<u8> {
    let mut entries: Vec<(&str, &[u8])> = small_entries();
    for (name, bytes) in replace {
        match entries.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 = bytes,
            None => entries.push((name, bytes)),
        }
    }
    zip_of(&entries)
}

/// The small EPUB without the named entries.
pub(crate) fn small_epub_without(names: &[&str]) -> Vec<u8> {
    let mut entries = small_entries();
    entries.retain(|(n, _)| !names.contains(n));
    zip_of(&entries)
}
