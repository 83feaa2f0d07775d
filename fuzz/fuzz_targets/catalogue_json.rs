//! Cultuurconnect catalogue JSON (search, details, availability, errors). Seeds:
//! tests/fixtures/catalogue.
#![no_main]

use libfuzzer_sys::fuzz_target;
use suite_import::catalogue;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(record) = catalogue::parse_details_json(json) {
        let _ = catalogue::age_range(&record);
    }
    if let Ok(page) = catalogue::parse_search_json(json) {
        for record in &page.records {
            let _ = catalogue::age_range(record);
        }
    }
    let _ = catalogue::parse_availability_json(json);
    let _ = catalogue::parse_error(json);
});
