//! A copy with a notice page first: for every fixture that opens, the copy opens too,
//! its reading order is the notice then the book's, the notice says what it was given
//! (escaped), and every other resource is the same bytes.

mod common;

use common::all_fixtures;
use suite_epub::{Book, NoticePage};

#[test]
fn every_book_takes_a_notice_page_first_and_stays_whole() {
    let lines = vec![
        "Je leent dit boek tot 16 januari 2027 om 14:05.".to_string(),
        "Tom & Jerry <lezen> mee.".to_string(),
    ];
    let page = NoticePage {
        lang: "nl-BE",
        heading: "Geleend tot 16 januari 2027",
        lines: &lines,
    };
    let mut copied = 0;
    for (name, bytes) in all_fixtures() {
        let Ok(book) = Book::open(bytes) else {
            continue;
        };
        let copy = book
            .with_notice_page(&page)
            .unwrap_or_else(|e| panic!("{name}: no copy: {e}"));
        let again =
            Book::open(copy).unwrap_or_else(|e| panic!("{name}: the copy does not open: {e}"));
        let before: Vec<String> = book.spine_items().iter().map(|i| i.path.clone()).collect();
        let after: Vec<String> = again.spine_items().iter().map(|i| i.path.clone()).collect();
        assert_eq!(after.len(), before.len() + 1, "{name}");
        assert_eq!(&after[1..], &before[..], "{name}: the book's order follows");
        let notice =
            String::from_utf8(again.resource(&after[0]).expect("the notice")).expect("text");
        assert!(
            notice.contains("<h1>Geleend tot 16 januari 2027</h1>"),
            "{name}"
        );
        assert!(
            notice.contains("Tom &amp; Jerry &lt;lezen&gt; mee."),
            "{name}"
        );
        assert_eq!(again.title(), book.title(), "{name}");
        for entry in book
            .entries()
            .filter(|e| !e.ends_with('/') && *e != book.package.path)
        {
            assert_eq!(
                again.resource(entry).ok(),
                book.resource(entry).ok(),
                "{name}: {entry} changed"
            );
        }
        copied += 1;
    }
    assert!(copied >= 40, "only {copied} books copied");
}
