//! Cultuurconnect catalogue XML (search, details, availability, holdings, errors): any
//! bytes give a result or an error, never a panic. Seeds: tests/fixtures/catalogue.
#![no_main]

use libfuzzer_sys::fuzz_target;
use suite_import::catalogue;

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(page) = catalogue::parse_search(xml) {
        for record in &page.records {
            let _ = catalogue::age_range(record);
        }
    }
    if let Ok(record) = catalogue::parse_details(xml) {
        let _ = catalogue::age_range(&record);
    }
    let _ = catalogue::parse_availability(xml);
    let _ = catalogue::parse_holdings(xml);
    let _ = catalogue::parse_error(xml);
});
