//! Uploaded EPUB files: any bytes open as a book or give an error, never a panic; what
//! opens can be searched and every resource it names read within the limits.
//! Seeds: fuzz/seeds/epub.
#![no_main]

use libfuzzer_sys::fuzz_target;
use suite_epub::{Book, search, text_of_xhtml};

fuzz_target!(|data: &[u8]| {
    let _ = text_of_xhtml(data);
    let Ok(book) = Book::open(data) else {
        return;
    };
    // What `open` accepted, `reopen` (the stored book's path) accepts too.
    assert!(
        Book::reopen(data).is_ok(),
        "reopen refuses what open accepted"
    );
    for item in book.spine_items() {
        if !item.remote {
            assert!(
                book.resource(&item.path).is_ok(),
                "a spine item cannot be read"
            );
        }
    }
    let _ = book.cover();
    let _ = search(&book, "een");
});
