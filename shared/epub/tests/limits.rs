//! The limits against zip bombs and damaged archives: sizes checked from the zip's
//! directory before anything is inflated, reads cut at the declared size, entry count.

mod common;

use std::io::{Cursor, Write};

use common::{CHAPTER, NAV, PACKAGE};
use suite_epub::limits::{MAX_ENTRIES, MAX_ENTRY_SIZE, MAX_TOTAL_SIZE};
use suite_epub::{Book, EpubError};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

fn error_of(bytes: Vec<u8>) -> EpubError {
    match Book::open(bytes) {
        Ok(book) => panic!("opened: {:?}", book.package.metadata),
        Err(e) => e,
    }
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
fn bytes_that_are_not_a_zip_are_refused_as_such() {
    assert!(matches!(
        error_of(b"PK\x03\x04 not really".to_vec()),
        EpubError::NotZip { .. }
    ));
    assert!(matches!(error_of(Vec::new()), EpubError::NotZip { .. }));
}
