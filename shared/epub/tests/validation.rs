//! What `Book::open` refuses and what it only warns about, on small EPUBs built here:
//! the mimetype, the container, the package, the spine, navigation and paths.

mod common;

use std::io::{Cursor, Write};

use common::{CHAPTER, NAV, PACKAGE, small_epub, small_epub_without};
use suite_epub::{Book, EpubError, Version, Warning};
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
fn drm_is_refused_but_obfuscated_fonts_are_not() {
    let encryption = |algorithm: &str| {
        format!(
            r#"<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData><enc:EncryptionMethod Algorithm="{algorithm}"/>
<enc:CipherData><enc:CipherReference URI="OPS/text/c1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>"#
        )
    };
    let fonts = encryption("http://www.idpf.org/2008/embedding");
    let epub = small_epub(&[("META-INF/encryption.xml", fonts.as_bytes())]);
    assert!(Book::open(epub).is_ok());
    let drm = encryption("http://www.w3.org/2001/04/xmlenc#aes128-cbc");
    let error = error_of(small_epub(&[("META-INF/encryption.xml", drm.as_bytes())]));
    let EpubError::Encrypted { place, resource } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(
        (place.entry.as_str(), place.line, resource.as_str()),
        ("META-INF/encryption.xml", Some(2), "OPS/text/c1.xhtml")
    );
}
