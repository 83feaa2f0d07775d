//! What `Book::open` refuses and what it only warns about, on small EPUBs built here:
//! the mimetype, the container, the package, the spine, navigation, paths, and the
//! limits against zip bombs.

mod common;

use std::io::{Cursor, Write};

use common::{CHAPTER, NAV, PACKAGE, small_epub, small_epub_without};
use suite_epub::limits::{MAX_ENTRIES, MAX_ENTRY_SIZE, MAX_TOTAL_SIZE};
use suite_epub::{Book, EpubError, Version, Warning};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

fn error_of(bytes: Vec<u8>) -> EpubError {
    match Book::open(bytes) {
        Ok(book) => panic!("opened: {:?}", book.package.metadata),
        Err(e) => e,
    }
}

fn package_with(from: &str, to: &str) -> Vec<u8> {
    assert!(PACKAGE.contains(from), "{from}");
    let package = PACKAGE.replace(from, to);
    small_epub(&[("OPS/package.opf", package.as_bytes())])
}

#[test]
fn the_small_epub_opens_clean() {
    let book = Book::open(small_epub(&[])).expect("opens");
    assert_eq!(book.title(), Some("De kat"));
    assert_eq!(book.package.metadata.language.as_deref(), Some("nl"));
    assert_eq!(
        book.package.metadata.identifier.as_deref(),
        Some("urn:test:1")
    );
    assert_eq!(book.navigation.toc[0].label, "Hoofdstuk één");
    assert!(book.warnings.is_empty(), "{:?}", book.warnings);
}

#[test]
fn the_mimetype_must_be_there_and_right_but_may_be_misplaced() {
    let missing = small_epub_without(&["mimetype"]);
    assert_eq!(error_of(missing), EpubError::MimetypeMissing);
    let wrong = small_epub(&[("mimetype", b"application/zip")]);
    assert!(
        matches!(error_of(wrong), EpubError::MimetypeWrong { found } if found == "application/zip")
    );
    let spaced = small_epub(&[("mimetype", b"application/epub+zip\n")]);
    assert_eq!(
        Book::open(spaced).expect("opens").warnings,
        [Warning::MimetypeWhitespace]
    );
    // Last and compressed: both warned about, the book opens.
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("META-INF/container.xml", common::CONTAINER.as_bytes()),
        ("OPS/package.opf", PACKAGE.as_bytes()),
        ("OPS/nav.xhtml", NAV.as_bytes()),
        ("OPS/text/c1.xhtml", CHAPTER.as_bytes()),
    ];
    entries.push(("mimetype", b"application/epub+zip"));
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        writer
            .start_file(name, SimpleFileOptions::default())
            .expect("entry");
        writer.write_all(bytes).expect("write");
    }
    let late = writer.finish().expect("zip").into_inner();
    let warnings = Book::open(late).expect("opens").warnings;
    assert_eq!(
        warnings,
        [Warning::MimetypeNotFirst, Warning::MimetypeCompressed]
    );
}

#[test]
fn the_container_must_name_a_package_that_is_there() {
    assert_eq!(
        error_of(small_epub_without(&["META-INF/container.xml"])),
        EpubError::ContainerMissing
    );
    let empty = br#"<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles/></container>"#;
    let no_rootfile = small_epub(&[("META-INF/container.xml", empty)]);
    assert_eq!(error_of(no_rootfile), EpubError::RootfileMissing);
    let no_package = small_epub_without(&["OPS/package.opf"]);
    assert_eq!(
        error_of(no_package),
        EpubError::PackageMissing {
            path: "OPS/package.opf".into()
        }
    );
    let not_xml = small_epub(&[("META-INF/container.xml", b"<container><rootfiles>")]);
    assert!(
        matches!(error_of(not_xml), EpubError::Xml { place, .. } if place.entry == "META-INF/container.xml")
    );
}

#[test]
fn a_package_that_is_not_xml_is_refused_with_its_line() {
    let broken = PACKAGE.replace("<dc:title>De kat</dc:title>", "<dc:title>De kat</dc:titel>");
    let error = error_of(small_epub(&[("OPS/package.opf", broken.as_bytes())]));
    let EpubError::Xml { place, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(
        (place.entry.as_str(), place.line),
        ("OPS/package.opf", Some(5))
    );
    assert!(
        error
            .to_string()
            .starts_with("OPS/package.opf, line 5 is not well-formed XML"),
        "{error}"
    );
    let latin1 = small_epub(&[(
        "OPS/package.opf",
        b"<package version=\"3.0\">\xe9</package>",
    )]);
    assert_eq!(
        error_of(latin1),
        EpubError::NotText {
            entry: "OPS/package.opf".into()
        }
    );
}

#[test]
fn the_package_must_have_a_version_and_a_spine_of_known_items() {
    let check = |from: &str, to: &str, expected: &str| {
        let error = error_of(package_with(from, to));
        assert!(
            error.to_string().contains(expected),
            "{from} -> {to}: {error}"
        );
    };
    check(
        "version=\"3.0\"",
        "version=\"4.0\"",
        "package version \"4.0\" is not EPUB 2 or 3",
    );
    check(
        "<spine><itemref idref=\"c1\"/></spine>",
        "",
        "has no <spine>",
    );
    check(
        "<spine><itemref idref=\"c1\"/></spine>",
        "<spine/>",
        "the spine is empty",
    );
    check(
        "idref=\"c1\"",
        "idref=\"c9\"",
        "OPS/package.opf, line 12: the spine refers to \"c9\"",
    );
    check(
        "text/c1.xhtml",
        "text/c2.xhtml",
        "points at OPS/text/c2.xhtml, which is not in the archive",
    );
    check(
        "text/c1.xhtml",
        "../../c1.xhtml",
        "\"../../c1.xhtml\" points outside the archive",
    );
    check(" properties=\"nav\"", "", "no table of contents");
}

#[test]
fn an_epub_3_without_nav_uses_its_ncx_and_an_epub_2_its_ncx() {
    let ncx = br#"<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>
<navPoint id="n1"><navLabel><text>Een</text></navLabel><content src="text/c1.xhtml#top"/>
<navPoint id="n2"><navLabel><text>Twee</text></navLabel><content src="text/c1.xhtml#twee"/></navPoint></navPoint>
</navMap></ncx>"#;
    let package = PACKAGE.replace(" properties=\"nav\"", "").replace(
        "</manifest>",
        "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/></manifest>",
    );
    let epub3 = small_epub(&[
        ("OPS/package.opf", package.as_bytes()),
        ("OPS/toc.ncx", ncx),
    ]);
    let book = Book::open(epub3).expect("opens");
    assert_eq!(book.warnings, [Warning::NcxInsteadOfNav]);
    assert_eq!(book.navigation.toc[0].children[0].label, "Twee");
    assert_eq!(
        book.navigation.toc[0].children[0].fragment.as_deref(),
        Some("twee")
    );
    let epub2 = package
        .replace("version=\"3.0\"", "version=\"2.0\"")
        .replace("<spine>", "<spine toc=\"ncx\">");
    let book = Book::open(small_epub(&[
        ("OPS/package.opf", epub2.as_bytes()),
        ("OPS/toc.ncx", ncx),
    ]))
    .expect("opens");
    assert_eq!(book.package.version, Version::Epub2);
    assert!(book.warnings.is_empty(), "{:?}", book.warnings);
}

#[test]
fn an_epub_2_cover_meta_names_the_cover() {
    let package = PACKAGE
        .replace(
            "</metadata>",
            "<meta name=\"cover\" content=\"img\"/></metadata>",
        )
        .replace(
            "</manifest>",
            "<item id=\"img\" href=\"omslag%20voor.png\" media-type=\"image/png\"/></manifest>",
        );
    let epub = small_epub(&[
        ("OPS/package.opf", package.as_bytes()),
        ("OPS/omslag voor.png", b"\x89PNG"),
    ]);
    let book = Book::open(epub).expect("opens");
    assert_eq!(
        book.cover().map(|c| c.path.as_str()),
        Some("OPS/omslag voor.png")
    );
    assert_eq!(
        book.item_at("OPS/omslag voor.png").map(|i| i.id.as_str()),
        Some("img")
    );
    let unknown = package
        .replace("content=\"img\"", "content=\"nope\"")
        .replace(" properties=\"cover-image\"", "");
    let book = Book::open(small_epub(&[
        ("OPS/package.opf", unknown.as_bytes()),
        ("OPS/omslag voor.png", b"\x89PNG"),
    ]))
    .expect("opens");
    assert_eq!(
        book.warnings,
        [Warning::CoverIdUnknown { id: "nope".into() }]
    );
    assert!(book.cover().is_none());
}

#[test]
fn resources_are_read_by_plain_paths_inside_the_archive_only() {
    let book = Book::open(small_epub(&[])).expect("opens");
    assert_eq!(
        book.resource("OPS/text/c1.xhtml").expect("chapter"),
        CHAPTER.as_bytes()
    );
    for bad in [
        "../OPS/text/c1.xhtml",
        "/OPS/text/c1.xhtml",
        "OPS/./text/c1.xhtml",
        "OPS/x/../text/c1.xhtml",
        "",
        "OPS\\text\\c1.xhtml",
    ] {
        assert!(
            matches!(book.resource(bad), Err(EpubError::PathEscapes { .. })),
            "{bad:?}"
        );
    }
    assert_eq!(
        book.resource("OPS/text/c2.xhtml"),
        Err(EpubError::EntryMissing {
            path: "OPS/text/c2.xhtml".into()
        })
    );
}

/// A zip with one entry of `size` zeros, written in 1 MiB pieces (never held whole).
fn zeros_entry(name: &str, size: u64, writer: &mut ZipWriter<Cursor<Vec<u8>>>) {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(size > u64::from(u32::MAX));
    writer.start_file(name, options).expect("entry");
    let piece = vec![0u8; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = left.min(piece.len() as u64);
        writer.write_all(&piece[..n as usize]).expect("write");
        left -= n;
    }
}

fn with_entries(extra: impl FnOnce(&mut ZipWriter<Cursor<Vec<u8>>>)) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    writer.start_file("mimetype", stored).expect("mimetype");
    writer.write_all(b"application/epub+zip").expect("write");
    for (name, bytes) in [
        ("META-INF/container.xml", common::CONTAINER),
        ("OPS/package.opf", PACKAGE),
        ("OPS/nav.xhtml", NAV),
        ("OPS/text/c1.xhtml", CHAPTER),
    ] {
        writer
            .start_file(name, SimpleFileOptions::default())
            .expect("entry");
        writer.write_all(bytes.as_bytes()).expect("write");
    }
    extra(&mut writer);
    writer.finish().expect("zip").into_inner()
}

#[test]
fn a_zip_bomb_is_refused_from_its_directory() {
    let bomb = with_entries(|w| zeros_entry("OPS/zeros.bin", 200 * 1024 * 1024, w));
    assert!(
        bomb.len() < 1024 * 1024,
        "the bomb is {} bytes zipped",
        bomb.len()
    );
    let error = error_of(bomb);
    assert_eq!(
        error,
        EpubError::EntryTooLarge {
            entry: "OPS/zeros.bin".into(),
            max: MAX_ENTRY_SIZE
        }
    );
    // Several entries under the one-entry limit, over the total.
    let count = MAX_TOTAL_SIZE / MAX_ENTRY_SIZE + 1;
    let bombs = with_entries(|w| {
        for i in 0..count {
            zeros_entry(&format!("OPS/zeros{i}.bin"), MAX_ENTRY_SIZE, w);
        }
    });
    assert!(matches!(
        error_of(bombs),
        EpubError::TooLarge {
            max: MAX_TOTAL_SIZE,
            ..
        }
    ));
}

#[test]
fn an_entry_that_inflates_to_more_than_it_declares_is_cut_off() {
    let size: u32 = 4 * 1024 * 1024;
    let mut bytes = with_entries(|w| zeros_entry("OPS/liar.bin", u64::from(size), w));
    // Make both headers declare 100 bytes instead of 4 MiB.
    let name = b"OPS/liar.bin";
    let declared = size.to_le_bytes();
    for (signature, size_at) in [
        ([0x50, 0x4b, 0x03, 0x04], 22),
        ([0x50, 0x4b, 0x01, 0x02], 24),
    ] {
        let header = (0..bytes.len() - 4)
            .filter(|&i| bytes[i..i + 4] == signature)
            .find(|&i| bytes[i..].windows(name.len()).take(64).any(|w| w == name))
            .expect("header");
        assert_eq!(bytes[header + size_at..header + size_at + 4], declared);
        bytes[header + size_at..header + size_at + 4].copy_from_slice(&100u32.to_le_bytes());
    }
    let error = error_of(bytes);
    assert_eq!(
        error,
        EpubError::EntryTooLarge {
            entry: "OPS/liar.bin".into(),
            max: 100
        }
    );
}

#[test]
fn too_many_entries_are_refused() {
    let many = with_entries(|w| {
        for i in 0..MAX_ENTRIES {
            w.start_file(format!("OPS/e{i}"), SimpleFileOptions::default())
                .expect("entry");
        }
    });
    assert_eq!(
        error_of(many),
        EpubError::TooManyEntries {
            count: MAX_ENTRIES + 5,
            max: MAX_ENTRIES
        }
    );
}

#[test]
fn the_nav_document_gives_landmarks_and_the_page_list() {
    let nav = r#"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
<nav epub:type="landmarks"><ol><li><a epub:type="bodymatter" href="text/c1.xhtml">Begin</a></li></ol></nav>
<nav epub:type="toc"><h1>Inhoud</h1><ol><li><span>Deel 1</span><ol><li><a href="text/c1.xhtml#p1">Een</a></li></ol></li></ol></nav>
<nav epub:type="page-list" hidden=""><ol><li><a href="text/c1.xhtml#pg1">1</a></li><li><a href="text/c1.xhtml#pg2">2</a></li></ol></nav>
</body></html>"#;
    let book = Book::open(small_epub(&[("OPS/nav.xhtml", nav.as_bytes())])).expect("opens");
    let toc = &book.navigation.toc;
    assert_eq!(
        (toc[0].label.as_str(), toc[0].path.as_deref()),
        ("Deel 1", None)
    );
    assert_eq!(toc[0].children[0].fragment.as_deref(), Some("p1"));
    let landmark = &book.navigation.landmarks[0];
    assert_eq!(
        (landmark.kind.as_deref(), landmark.path.as_deref()),
        (Some("bodymatter"), Some("OPS/text/c1.xhtml"))
    );
    let pages: Vec<&str> = book
        .navigation
        .page_list
        .iter()
        .map(|p| p.label.as_str())
        .collect();
    assert_eq!(pages, ["1", "2"]);
}

#[test]
fn documents_in_utf_16_open_and_runaway_nesting_is_refused() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            PACKAGE
                .replace("UTF-8", "UTF-16")
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let book =
        Book::open(small_epub(&[("OPS/package.opf", &utf16)])).expect("UTF-16 package opens");
    assert_eq!(book.title(), Some("De kat"));
    let deep = format!("{}{}", "<x>".repeat(300), "</x>".repeat(300));
    let package = PACKAGE.replace("<dc:language>", &format!("{deep}<dc:language>"));
    let error = error_of(small_epub(&[("OPS/package.opf", package.as_bytes())]));
    assert!(
        error.to_string().contains("nested deeper than 256"),
        "{error}"
    );
}

#[test]
fn bytes_that_are_not_a_zip_are_refused_as_such() {
    assert!(matches!(
        error_of(b"PK\x03\x04 not really".to_vec()),
        EpubError::NotZip { .. }
    ));
    assert!(matches!(error_of(Vec::new()), EpubError::NotZip { .. }));
}
