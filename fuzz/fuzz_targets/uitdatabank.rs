//! UiTdatabank JSON-LD documents into a programme (events, places, collections), with
//! the HTML of descriptions sanitised. Seeds: tests/fixtures/uitdatabank.
#![no_main]

use libfuzzer_sys::fuzz_target;
use suite_domain::import::ImportReport;
use suite_import::events::{self, ProgrammeImport};

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let import = ProgrammeImport {
        centre: "fuzz",
        centre_name: "Fuzz",
        now: "2026-12-04T12:00:00+01:00",
        demo: false,
    };
    let inputs = [("fuzz.json".to_string(), body.to_string())];
    let _ = events::build_programme(&import, &inputs, ImportReport::new("events"));
    let _ = events::sanitise_html(body);
    let _ = events::parse_moment(body);
    let _ = events::parse_age_range(body);
});
