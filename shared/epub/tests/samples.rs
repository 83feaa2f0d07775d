//! Every sample book and W3C reading-system test in `tests/fixtures/epub` opens, with the
//! facts its description says a reader must get right.

mod common;

use common::{all_fixtures, fixture, fixtures};
use suite_epub::{Book, Direction, Flow, Layout, Version, Warning};

fn open(name: &str) -> Book {
    Book::open(fixture(name)).unwrap_or_else(|e| panic!("{name} does not open: {e}"))
}

fn w3c(id: &str) -> Book {
    open(&format!("w3c-epub-tests/{id}.epub"))
}

/// The full paths of the spine, in reading order.
fn spine_paths(book: &Book) -> Vec<String> {
    book.spine_items().iter().map(|i| i.path.clone()).collect()
}

#[test]
fn every_fixture_opens_and_its_spine_and_toc_can_be_read() {
    for (name, bytes) in all_fixtures() {
        let book = Book::open(bytes).unwrap_or_else(|e| panic!("{name} does not open: {e}"));
        assert!(
            book.title().is_some_and(|t| !t.is_empty()),
            "{name}: no title"
        );
        assert!(!book.package.spine.is_empty(), "{name}: empty spine");
        for index in 0..book.package.spine.len() {
            let item = book.displayed_item(index).expect("spine item");
            let bytes = book.resource(&item.path).expect("spine resource");
            assert!(!bytes.is_empty(), "{name}: {} is empty", item.path);
        }
        // a11y_metadata's nav document has an empty <ol>: it opens, with a warning.
        let empty_toc = name == "thorium-rare-epubs/a11y_metadata.epub";
        assert_eq!(
            book.navigation.toc.is_empty(),
            empty_toc,
            "{name}: table of contents"
        );
        assert_eq!(
            book.warnings.contains(&Warning::EmptyToc),
            empty_toc,
            "{name}"
        );
        for entry in book.navigation.toc.iter().flat_map(|e| e.flatten()) {
            if let Some(path) = &entry.path {
                assert!(
                    book.resource(path).is_ok(),
                    "{name}: toc target {path} missing"
                );
            }
        }
    }
}

/// Every W3C test opens: none of them describes a package a reader must refuse.
/// `pub-xml-names` says "the reading system must produce an error", but for an XHTML
/// content document with a bad element name: the package is valid, and the error is the
/// browser's XML parser's, in the reader's frame, when that page is shown.
#[test]
fn w3c_tests_open_with_the_title_creators_and_package_of_their_metadata() {
    let path = fixtures().join("w3c-epub-tests/tests-metadata.json");
    let text = std::fs::read_to_string(path).expect("tests-metadata.json");
    let metadata: serde_json::Value = serde_json::from_str(&text).expect("json");
    let tests = metadata["tests"].as_array().expect("tests");
    assert_eq!(tests.len(), 38);
    for test in tests {
        let file = test["file"].as_str().expect("file");
        let book = open(&format!("w3c-epub-tests/{file}"));
        let meta = &book.package.metadata;
        assert_eq!(meta.title(), test["title"].as_str(), "{file}: title");
        let creators: Vec<&str> = test["creators"]
            .as_array()
            .expect("creators")
            .iter()
            .filter_map(|c| c.as_str())
            .collect();
        assert_eq!(meta.creators, creators, "{file}: creators");
        assert_eq!(
            meta.identifier.as_deref(),
            test["identifier"].as_str(),
            "{file}"
        );
        assert_eq!(
            Some(book.package.path.as_str()),
            test["rootfiles"][0].as_str(),
            "{file}"
        );
        assert_eq!(book.package.version, Version::Epub3, "{file}");
    }
}

#[test]
fn the_spine_is_read_in_spine_order_not_manifest_or_name_order() {
    let book = w3c("pkg-spine-order");
    let expected = [
        "d-content_001",
        "c-content_002",
        "b-content_003",
        "a-content_004",
    ]
    .map(|id| format!("EPUB/{id}.xhtml"));
    assert_eq!(spine_paths(&book), expected);
}

#[test]
fn the_first_of_several_packages_is_used() {
    let book = w3c("ocf-package_multiple");
    assert_eq!(book.package.path, "FOO/BAR/package.opf");
    assert_eq!(spine_paths(&book), ["FOO/BAR/content_001.xhtml"]);
    let warned = book
        .warnings
        .iter()
        .any(|w| w.to_string().contains("3 packages"));
    assert!(warned, "{:?}", book.warnings);
}

#[test]
fn hrefs_resolve_relative_to_the_package_document() {
    let book = w3c("ocf-url_relative");
    assert_eq!(spine_paths(&book), ["foo/BAR/qux/content_001.xhtml"]);
    let chapter = book
        .resource("foo/BAR/qux/content_001.xhtml")
        .expect("chapter");
    assert!(String::from_utf8_lossy(&chapter).contains("<html"));
    let book = w3c("ocf-url_manifest");
    assert_eq!(spine_paths(&book), ["EPUB/foo/content_001.xhtml"]);
}

#[test]
fn titles_and_creators_keep_their_order() {
    let book = w3c("pkg-title-order");
    assert_eq!(book.title(), Some("pkg-title-order"));
    assert_eq!(book.package.metadata.titles.len(), 6);
    let book = w3c("pkg-creator-order");
    let creators = [
        "Dave Cramer",
        "Wendy Reid",
        "Dan Lazin",
        "Ivan Herman",
        "Brady Duga",
    ];
    assert_eq!(book.package.metadata.creators, creators);
    let book = open("books/childrens-literature.epub");
    assert_eq!(book.title(), Some("Children's Literature"));
    let creators = ["Charles Madison Curry", "Erle Elsworth Clippinger"];
    assert_eq!(book.package.metadata.creators, creators);
}

#[test]
fn right_to_left_progression_and_title_direction_are_read() {
    let book = w3c("pkg-spine-progression_rtl");
    assert_eq!(book.package.page_progression, Direction::Rtl);
    let book = w3c("pkg-dir_rtl-root-unset");
    assert_eq!(book.package.metadata.title_direction, Direction::Rtl);
    assert_eq!(book.title(), Some("CSS: הרפתקה חדשה!"));
    let book = w3c("pkg-spine-order");
    assert_eq!(book.package.page_progression, Direction::Default);
    assert_eq!(book.package.metadata.title_direction, Direction::Default);
}

#[test]
fn layout_and_flow_default_and_are_read() {
    let book = w3c("lay-fxl-layout-default");
    assert_eq!(book.package.layout, Layout::Reflowable);
    assert_eq!(book.package.flow, Flow::Auto);
    let book = w3c("lay-pkg-flow-paginated");
    assert_eq!(book.package.flow, Flow::Paginated);
}

#[test]
fn unknown_properties_are_accepted_and_kept() {
    let book = w3c("pkg-manifest-unknown");
    let item = book.package.item("content_001").expect("item");
    assert_eq!(item.properties, ["incandescent"]);
    let book = w3c("pkg-spine-unknown");
    assert_eq!(book.package.spine[0].properties, ["untrustworthy"]);
}

#[test]
fn the_nav_document_is_found_in_or_out_of_the_spine() {
    for (id, in_spine) in [
        ("nav-spine_in-spine", true),
        ("nav-spine_not-in-spine", false),
    ] {
        let book = w3c(id);
        assert_eq!(book.navigation_source, "nav", "{id}");
        let spine_has_nav = book.package.spine.iter().any(|s| s.idref == "nav");
        assert_eq!(spine_has_nav, in_spine, "{id}");
        assert!(!book.navigation.toc.is_empty(), "{id}");
        assert_eq!(
            book.navigation.toc[0].path.as_deref(),
            Some("EPUB/content_001.xhtml")
        );
    }
}

#[test]
fn a_json_spine_item_falls_back_to_its_xhtml() {
    let book = w3c("pub-foreign_json-spine");
    assert_eq!(book.spine_items()[0].media_type, "application/json");
    let shown = book.displayed_item(0).expect("shown");
    assert_eq!(shown.path, "EPUB/content_001.xhtml");
}

#[test]
fn the_epub_2_file_has_its_ncx_table_of_contents() {
    let book = open("epubcheck/ocf-minimal-valid.epub");
    assert_eq!(book.package.version, Version::Epub2);
    assert_eq!(book.navigation_source, "ncx");
    assert_eq!(book.title(), Some("Minimal EPUB 2.0"));
    let toc = &book.navigation.toc;
    assert_eq!(toc.len(), 1);
    assert_eq!(toc[0].label, "Loomings");
    assert_eq!(toc[0].path.as_deref(), Some("OPS/content_001.xhtml"));
    assert!(book.warnings.is_empty(), "{:?}", book.warnings);
}

#[test]
fn toc_links_written_relative_to_the_package_are_repaired() {
    // large-tables' nav is EPUB/Text/nav.xhtml and links to "Text/large-table-overflow.xhtml".
    let book = open("thorium-rare-epubs/large-tables.epub");
    let first = &book.navigation.toc[0];
    assert_eq!(
        first.path.as_deref(),
        Some("EPUB/Text/large-table-overflow.xhtml")
    );
    let repaired = book
        .warnings
        .iter()
        .filter(|w| matches!(w, Warning::TocTargetRepaired { .. }));
    assert_eq!(repaired.count(), 3, "{:?}", book.warnings);
}

#[test]
fn covers_are_found() {
    let book = open("books/childrens-literature.epub");
    let cover = book.cover().expect("cover");
    assert_eq!(
        (cover.path.as_str(), cover.media_type.as_str()),
        ("EPUB/images/cover.png", "image/png")
    );
    assert!(
        book.resource(&cover.path)
            .expect("cover bytes")
            .starts_with(b"\x89PNG")
    );
    let book = open("books/moby-dick.epub");
    let cover = book.cover().expect("cover");
    assert_eq!(cover.path, "OPS/images/9780316000000.jpg");
    assert!(
        book.resource(&cover.path)
            .expect("cover bytes")
            .starts_with(&[0xFF, 0xD8])
    );
    assert!(open("epubcheck/ocf-minimal-valid.epub").cover().is_none());
}

#[test]
fn moby_dick_has_its_table_of_contents_and_landmarks() {
    let book = open("books/moby-dick.epub");
    let toc = &book.navigation.toc;
    assert_eq!(toc.len(), 141);
    let labels: Vec<&str> = toc.iter().take(5).map(|e| e.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Moby-Dick",
            "Original Transcriber’s Notes:",
            "ETYMOLOGY.",
            "EXTRACTS (Supplied by a Sub-Sub-Librarian).",
            "Chapter 1. Loomings."
        ]
    );
    assert_eq!(toc[4].path.as_deref(), Some("OPS/chapter_001.xhtml"));
    assert_eq!(toc.last().map(|e| e.label.as_str()), Some("Copyright Page"));
    assert_eq!(book.navigation.landmarks.len(), 4);
    assert_eq!(book.title(), Some("Moby-Dick"));
    assert_eq!(book.package.metadata.creators, ["Herman Melville"]);
    // The cover page is in the spine but not linear.
    let cover = book
        .package
        .spine
        .iter()
        .find(|s| s.idref == "cover")
        .expect("cover");
    assert!(!cover.linear);
}

#[test]
fn accessible_epub_3_has_a_nested_table_of_contents() {
    let book = open("books/accessible_epub_3.epub");
    let toc = &book.navigation.toc;
    assert_eq!(toc.len(), 5);
    assert_eq!(toc.iter().flat_map(|e| e.flatten()).count(), 47);
    assert_eq!(toc[0].label, "Preface");
    let conventions = &toc[0].children[0];
    assert_eq!(conventions.label, "Conventions Used in This Book");
    assert_eq!(conventions.path.as_deref(), Some("EPUB/pr01.xhtml"));
    assert_eq!(conventions.fragment.as_deref(), Some("I_sect1_d1e137"));
    assert_eq!(book.navigation.landmarks.len(), 1);
    assert_eq!(book.navigation.landmarks[0].kind.as_deref(), Some("cover"));
}

#[test]
fn a_book_can_be_shared_between_the_server_s_requests() {
    fn shared<T: Send + Sync + Clone + 'static>(_: &T) {}
    let book = open("books/moby-dick.epub");
    shared(&book);
    // A clone shares the bytes and reads the same resource.
    let copy = book.clone();
    let handle = std::thread::spawn(move || copy.resource("OPS/chapter_001.xhtml"));
    let read = handle.join().expect("thread");
    assert_eq!(read, book.resource("OPS/chapter_001.xhtml"));
}
