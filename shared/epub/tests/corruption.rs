//! Damaged copies of every fixture are refused with an error, never a panic: cut short,
//! bytes flipped, container removed, package document broken; and random damage never
//! panics (proptest).

mod common;

use std::io::{Cursor, Read};

use common::{all_fixtures, fixture, zip_of};
use proptest::prelude::*;
use suite_epub::{Book, EpubError};

/// The entries of a zip, in order, as (name, bytes).
fn entries_of(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    (0..archive.len())
        .map(|index| {
            let mut file = archive.by_index(index).expect("entry");
            let mut data = Vec::new();
            file.read_to_end(&mut data).expect("read");
            (file.name().to_string(), data)
        })
        .collect()
}

/// The fixture rebuilt with `change` applied to each entry (`None` drops it).
fn rewritten(bytes: &[u8], change: impl Fn(&str, &[u8]) -> Option<Vec<u8>>) -> Vec<u8> {
    let entries: Vec<(String, Vec<u8>)> = entries_of(bytes)
        .into_iter()
        .filter(|(name, _)| !name.ends_with('/'))
        .filter_map(|(name, data)| change(&name, &data).map(|d| (name, d)))
        .collect();
    let borrowed: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    zip_of(&borrowed)
}

#[test]
fn a_rewritten_fixture_still_opens() {
    // The rewriting itself keeps a book whole, so the errors below come from the damage.
    let bytes = fixture("books/childrens-literature.epub");
    let copy = rewritten(&bytes, |_, data| Some(data.to_vec()));
    assert!(Book::open(copy).is_ok());
}

#[test]
fn every_fixture_cut_short_is_refused() {
    for (name, bytes) in all_fixtures() {
        let len = bytes.len();
        // Evenly spread cut points, plus every one of the last 64 bytes (the zip's directory end).
        let spread = (1..40).map(|i| len * i / 40);
        let tail = len.saturating_sub(64)..len;
        for cut in spread.chain(tail) {
            let result = Book::open(&bytes[..cut]);
            assert!(result.is_err(), "{name} cut at {cut} of {len} opened");
        }
    }
}

#[test]
fn every_fixture_with_bytes_flipped_in_the_middle_is_refused() {
    for (name, bytes) in all_fixtures() {
        let mut damaged = bytes.clone();
        let middle = damaged.len() / 2;
        for byte in &mut damaged[middle..middle + 16] {
            *byte = !*byte;
        }
        let result = Book::open(damaged);
        assert!(
            result.is_err(),
            "{name} with bytes flipped at {middle} opened"
        );
    }
}

#[test]
fn every_fixture_without_its_container_is_refused() {
    for (name, bytes) in all_fixtures() {
        let damaged = rewritten(&bytes, |entry, data| {
            (entry != "META-INF/container.xml").then(|| data.to_vec())
        });
        let result = Book::open(damaged);
        assert_eq!(result.err(), Some(EpubError::ContainerMissing), "{name}");
    }
}

#[test]
fn every_fixture_with_a_broken_package_document_is_refused_naming_it() {
    for (name, bytes) in all_fixtures() {
        let package = Book::open(bytes.as_slice()).expect("opens").package.path;
        let damaged = rewritten(&bytes, |entry, data| {
            // The package cut in the middle of its manifest: not well-formed any more.
            Some(if entry == package {
                data[..data.len() * 2 / 3].to_vec()
            } else {
                data.to_vec()
            })
        });
        match Book::open(damaged) {
            Err(EpubError::Xml { place, .. }) => {
                assert_eq!(place.entry, package, "{name}");
                assert!(place.line.is_some_and(|l| l > 1), "{name}: {place}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn a_damaged_image_is_found_on_upload_but_a_stored_book_still_serves_the_rest() {
    let bytes = fixture("books/childrens-literature.epub");
    let damaged = rewritten(&bytes, |entry, data| {
        (entry != "EPUB/images/cover.png").then(|| data.to_vec())
    });
    // Dropping a manifest file is refused as such.
    assert!(matches!(
        Book::open(damaged),
        Err(EpubError::ManifestHrefMissing { ref path, .. }) if path == "EPUB/images/cover.png"
    ));
    // Flip a byte inside the cover's compressed data: inflating or the checksum fails.
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).expect("zip");
    let entry = archive
        .by_name("EPUB/images/cover.png")
        .expect("cover entry");
    let at = usize::try_from(entry.data_start() + entry.compressed_size() / 2).expect("offset");
    drop(entry);
    let mut flipped = bytes.clone();
    flipped[at] ^= 0xFF;
    match Book::open(flipped.as_slice()) {
        Err(EpubError::EntryCorrupt { entry, .. }) => assert_eq!(entry, "EPUB/images/cover.png"),
        other => panic!("{other:?}"),
    }
    let stored = Book::reopen(flipped).expect("reopen does not read every entry");
    assert!(stored.resource("EPUB/images/cover.png").is_err());
    assert!(stored.resource("EPUB/s04.xhtml").is_ok());
}

fn small_fixtures() -> Vec<(String, Vec<u8>)> {
    all_fixtures()
        .into_iter()
        .filter(|(_, bytes)| bytes.len() < 200_000)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_damage_never_panics(
        pick in 0usize..1000,
        flips in prop::collection::vec((0.0f64..1.0, any::<u8>()), 1..8),
        cut in 0.0f64..1.0,
    ) {
        let fixtures = small_fixtures();
        let (_, bytes) = &fixtures[pick % fixtures.len()];
        let mut damaged = bytes.clone();
        for (at, value) in flips {
            let index = ((damaged.len() as f64) * at) as usize % damaged.len();
            damaged[index] = value;
        }
        let _ = Book::open(damaged.as_slice());
        let keep = ((damaged.len() as f64) * cut) as usize;
        prop_assert!(Book::open(&damaged[..keep]).is_err());
    }

    #[test]
    fn random_bytes_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        prop_assert!(Book::open(bytes).is_err());
    }
}
